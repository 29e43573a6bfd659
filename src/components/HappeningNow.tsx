import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { VoteView } from '../../core/contract/participation'
import { formatDateTime } from '../../core/domain/period'

/** On the home screen: the village's open vote, so nobody misses it; the way to all votes. */
export function HappeningNow({ vote }: { vote: VoteView | null }) {
  const go = (url: string) => Taro.navigateTo({ url })
  return (
    <View>
      {vote ? (
        <View
          className="notice"
          data-testid="home-vote"
          onClick={() => go(`/packages/participation/pages/vote/index?id=${vote.id}`)}
        >
          <Text className="muted">村民投票 · {formatDateTime(vote.deadlineAt)}截止</Text>
          <View className="section-title" style={{ margin: '8px 0' }}>
            {vote.question}
          </View>
          <Text className="list__action">{vote.voted ? '已投票，看结果' : '去投票'}</Text>
        </View>
      ) : null}
      <View className="links">
        <View
          className="button secondary"
          data-testid="open-votes"
          onClick={() => go('/packages/participation/pages/votes/index')}
        >
          村民投票
        </View>
      </View>
    </View>
  )
}
