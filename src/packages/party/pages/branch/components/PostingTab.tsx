import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { formatDateTime, periodWords, previousQuarter } from '../../../../../../core/domain/period'
import { call } from '../../../../../services/api'
import { useWrite } from '../../../../../services/write'
import { confirmFirst } from '../../../../../services/confirm'
import { WriteButton } from '../../../../../components/WriteButton'
import { useTabLoad } from '../../../components/use-tab-load'
import { Problem } from '../../../../../components/Problem'
import { QuarterList } from '../../../components/QuarterList'

/**
 * 公示: post a quarter's points to the branch; what the branch has posted. The quarter that has just
 * ended comes first: that is the one a branch posts (in January, the fourth quarter), and a quarter is
 * posted once, so posting the running one early leaves out whatever is scored in it afterwards.
 */
export function PostingTab({ quarter }: { quarter: string }) {
  const write = useWrite()
  const { data, problem, reload } = useTabLoad(useCallback(() => call('partyPosting.list', {}), []))
  if (problem) return <Problem problem={problem} />
  const unposted = [previousQuarter(quarter), quarter].filter(q => data && !data.quarters.some(p => p.quarter === q))
  const post = async (q: string) => {
    const running = q === quarter
    const asked = await confirmFirst(
      `公示${periodWords(q)}的积分？`,
      running
        ? `${periodWords(q)}还没过完。一个季度只能公示一次，公示以后再记的分不会出现在这次公示里。`
        : `每个党员${periodWords(q)}的积分公示给本支部，公示期里党员可以提异议。一个季度只能公示一次。`,
      '公示'
    )
    if (asked) await write.run('partyPosting.publish', { quarter: q }, { done: '已公示', after: reload })
  }
  return (
    <View>
      {unposted.map(q => (
        <WriteButton
          key={q}
          testid="post-quarter"
          value={q}
          className={q === quarter ? 'button secondary' : 'button'}
          label={`公示${periodWords(q)}的积分${q === quarter ? '（还没过完）' : ''}`}
          submitting={write.submitting('partyPosting.publish', { quarter: q })}
          disabled={write.busy}
          onClick={() => post(q)}
        />
      ))}
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
