import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActivityView, VoteView } from '../../core/contract/participation'
import { formatDateTime } from '../../core/domain/period'
import { Links } from './Links'

const PARTICIPATION = '/packages/participation/pages'

/** One thing happening now: what and when in small words, its title, what the user can do about it. */
function NowCard(props: { testid: string; url: string; meta: string; title: string; action: string }) {
  return (
    <View className="notice" data-testid={props.testid} onClick={() => Taro.navigateTo({ url: props.url })}>
      <Text className="muted">{props.meta}</Text>
      <View className="section-title" style={{ margin: '8px 0' }}>
        {props.title}
      </View>
      <Text className="list__action">{props.action}</Text>
    </View>
  )
}

/** On the home screen: the village's open vote and next activity, so nobody misses them; the ways to all of them. */
export function HappeningNow({ now }: { now: { vote: VoteView | null; activity: ActivityView | null } | null }) {
  const vote = now?.vote
  const activity = now?.activity
  return (
    <View>
      {vote ? (
        <NowCard
          testid="home-vote"
          url={`${PARTICIPATION}/vote/index?id=${vote.id}`}
          meta={`村民投票 · ${formatDateTime(vote.deadlineAt)}截止`}
          title={vote.question}
          action={vote.voted ? '已投票，看结果' : '去投票'}
        />
      ) : null}
      {activity ? (
        <NowCard
          testid="home-activity"
          url={`${PARTICIPATION}/activity/index?id=${activity.id}`}
          meta={`活动 · ${formatDateTime(activity.startAt)} · ${activity.place}`}
          title={activity.title}
          action={
            activity.mine?.state === 'signedUp'
              ? '已报名'
              : `去报名（还剩${Math.max(0, activity.capacity - activity.signedUp)}个名额）`
          }
        />
      ) : null}
      <Links
        links={[
          { label: '村民投票', url: `${PARTICIPATION}/votes/index`, testid: 'open-votes' },
          { label: '活动报名', url: `${PARTICIPATION}/activities/index`, testid: 'open-activities' }
        ]}
      />
      <Links
        links={[
          { label: '入驻单位', url: `${PARTICIPATION}/orgs/index`, testid: 'open-orgs' },
          { label: '积分贷', url: `${PARTICIPATION}/credit/index`, testid: 'open-credit-home' }
        ]}
      />
    </View>
  )
}
