import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActivityView, VoteView } from '../../core/contract/participation'
import { formatDateTime } from '../../core/domain/period'

/** On the home screen: the village's open vote and next activity, so nobody misses them; the ways to all of them. */
export function HappeningNow({ now }: { now: { vote: VoteView | null; activity: ActivityView | null } | null }) {
  const go = (url: string) => Taro.navigateTo({ url })
  const vote = now?.vote
  const activity = now?.activity
  const signedUp = activity?.mine?.state === 'signedUp'
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
      {activity ? (
        <View
          className="notice"
          data-testid="home-activity"
          onClick={() => go(`/packages/participation/pages/activity/index?id=${activity.id}`)}
        >
          <Text className="muted">
            活动 · {formatDateTime(activity.startAt)} · {activity.place}
          </Text>
          <View className="section-title" style={{ margin: '8px 0' }}>
            {activity.title}
          </View>
          <Text className="list__action">
            {signedUp ? '已报名' : `去报名（还剩${Math.max(0, activity.capacity - activity.signedUp)}个名额）`}
          </Text>
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
        <View
          className="button secondary"
          data-testid="open-activities"
          onClick={() => go('/packages/participation/pages/activities/index')}
        >
          活动报名
        </View>
      </View>
      <View className="links">
        <View
          className="button secondary"
          data-testid="open-orgs"
          onClick={() => go('/packages/participation/pages/orgs/index')}
        >
          入驻单位
        </View>
        <View
          className="button secondary"
          data-testid="open-credit-home"
          onClick={() => go('/packages/participation/pages/credit/index')}
        >
          积分贷
        </View>
      </View>
    </View>
  )
}
