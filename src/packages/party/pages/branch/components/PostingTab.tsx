import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../../../../core/domain/period'
import { call } from '../../../../../services/api'
import { useWrite } from '../../../../../services/write'
import { useTabLoad } from '../../../components/use-tab-load'
import { Problem } from '../../../../../components/Problem'
import { QuarterList } from '../../../components/QuarterList'

/** 公示: post this quarter's points to the branch; what the branch has posted. */
export function PostingTab({ quarter }: { quarter: string }) {
  const write = useWrite()
  const { data, problem, reload } = useTabLoad(useCallback(() => call('partyPosting.list', {}), []))
  if (problem) return <Problem problem={problem} />
  const posted = data?.quarters.some(q => q.quarter === quarter)
  return (
    <View>
      {posted ? null : (
        <View
          className="button"
          data-testid="post-quarter"
          onClick={() => void write.run('partyPosting.publish', { quarter }, { done: '已公示', after: reload })}
        >
          公示{quarter.replace('-Q', '年第')}季度的积分
        </View>
      )}
      {data ? <QuarterList quarters={data.quarters} /> : null}
      {data?.ratings.map(r => (
        <View key={`${r.branchId}${r.year}`} className="notice">
          <Text>
            {r.year}年评星 · {r.state === 'posted' ? `公示到${formatDateTime(r.until ?? 0)}` : '已生效'}
          </Text>
        </View>
      ))}
    </View>
  )
}
