import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { VOTE_STATE_NAMES } from '../../../../../core/domain/votes'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { Page } from '../../components/Page'

/** 村民投票: the village's and town's votes, newest first; cadres and town administrators open new ones. */
export default function VotesPage() {
  const load = useCallback(async () => {
    const [list, session] = await Promise.all([call('vote.list', {}), call('me.session', {})])
    return { votes: list.votes, canOpen: session.roles.some(r => r.role === 'cadre' || r.role === 'townAdmin') }
  }, [])
  const { data, problem } = useLoad(load)
  const go = (url: string) => Taro.navigateTo({ url })
  return (
    <Page problem={problem} data={data}>
      {d => (
        <>
          {d.canOpen ? (
            <View
              className="button"
              data-testid="open-vote-new"
              onClick={() => go('/packages/participation/pages/vote-new/index')}
            >
              发起投票
            </View>
          ) : null}
          {d.votes.length === 0 ? <View className="notice muted">现在没有投票。</View> : null}
          <View className="list">
            {d.votes.map(v => (
              <View
                key={v.id}
                className="list__row"
                data-testid="vote-row"
                data-id={v.id}
                onClick={() => go(`/packages/participation/pages/vote/index?id=${v.id}`)}
              >
                <View className="list__body">
                  <Text className="list__title">{v.question}</Text>
                  <Text className="list__meta">
                    {VOTE_STATE_NAMES[v.state]} · {v.state === 'open' ? `${formatDateTime(v.deadlineAt)}截止` : ''}
                    {v.secret ? ' · 不记名' : ''}
                  </Text>
                </View>
                <Text className="list__number">{v.ballots}</Text>
                <Text className={`list__action ${v.voted || v.state !== 'open' ? 'muted' : ''}`}>
                  {v.voted ? '已投' : v.state === 'open' ? '去投票' : '看结果'}
                </Text>
              </View>
            ))}
          </View>
        </>
      )}
    </Page>
  )
}
