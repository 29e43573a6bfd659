import { Text, View } from '@tarojs/components'
import type { VoteView } from '../../../../core/contract/participation'

/** The counts per option, biggest bar = most votes; or why they are not shown yet. */
export function VoteResults({ vote }: { vote: VoteView }) {
  const unit = vote.per === 'household' ? '户' : '人'
  if (!vote.tallies)
    return (
      <View className="notice muted">
        已有{vote.ballots}
        {unit}投票。结果在投票截止以后公布。
      </View>
    )
  const most = Math.max(1, ...vote.tallies)
  return (
    <View className="list" data-testid="vote-results">
      {vote.options.map((option, i) => (
        <View key={option} className="list__row" data-testid="vote-result" data-option={i}>
          <View className="list__body">
            <Text className="list__title">{option}</Text>
            <View style={{ height: '16px', background: '#f0d5d0', borderRadius: '8px', marginTop: '8px' }}>
              <View
                style={{
                  height: '16px',
                  width: `${(100 * vote.tallies![i]) / most}%`,
                  background: '#c8321e',
                  borderRadius: '8px'
                }}
              />
            </View>
          </View>
          <Text className="list__number" data-testid="vote-count">
            {vote.tallies![i]}
          </Text>
          <Text className="muted">{unit}</Text>
        </View>
      ))}
    </View>
  )
}
