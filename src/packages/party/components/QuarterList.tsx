import { Text, View } from '@tarojs/components'
import type { QuarterPostingView } from '../../../../core/contract/party-views'
import { formatDateTime } from '../../../../core/domain/period'

/** The quarters a branch has posted: each member's points of the quarter. */
export function QuarterList({ quarters }: { quarters: QuarterPostingView[] }) {
  return (
    <View>
      {quarters.map(q => (
        <View key={q.id} data-testid="quarter-posting">
          <View className="section-title">
            {q.branchName} {q.quarter.replace('-Q', '年第')}季度
            <Text className="muted"> {q.state === 'posted' ? `公示到${formatDateTime(q.until)}` : '已生效'}</Text>
          </View>
          <View className="list">
            {q.rows.map(r => (
              <View key={r.memberId} className="list__row">
                <View className="list__body">{r.name}</View>
                <Text className="list__number">{r.points > 0 ? `+${r.points}` : r.points}</Text>
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
