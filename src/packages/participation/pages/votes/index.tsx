import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { VOTE_STATE_NAMES } from '../../../../../core/domain/votes'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { Screen } from '../../../../components/Screen'
import { OpenableList } from '../../components/OpenableList'

/**
 * 村民投票: the votes the caller sees, newest first, each named by its village (or town): a villager's
 * village's and town's, a town administrator's town's and its villages', the county's for the county
 * administrator. Cadres and town administrators open new ones.
 */
export default function VotesPage() {
  const load = useCallback(async () => {
    const [list, session] = await Promise.all([call('vote.list', {}), call('me.session', {})])
    return { votes: list.votes, canOpen: session.roles.some(r => r.role === 'cadre' || r.role === 'townAdmin') }
  }, [])
  const { data, problem } = useLoad(load)
  return (
    <Screen problem={problem} data={data}>
      {d => (
        <OpenableList
          items={d.votes}
          create={
            d.canOpen
              ? { label: '发起投票', testid: 'open-vote-new', url: '/packages/participation/pages/vote-new/index' }
              : null
          }
          empty="现在没有投票。"
          rowTestid="vote-row"
          urlOf={v => `/packages/participation/pages/vote/index?id=${v.id}`}
        >
          {v => (
            <>
              <View className="list__body">
                <Text className="list__title">{v.question}</Text>
                <Text className="list__meta">
                  {[
                    v.placeName,
                    VOTE_STATE_NAMES[v.state],
                    v.state === 'open' ? `${formatDateTime(v.deadlineAt)}截止` : '',
                    v.secret ? '不记名' : ''
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </View>
              <Text className="list__number">{v.ballots}</Text>
              <Text className={`list__action ${v.voted || v.state !== 'open' ? 'muted' : ''}`}>
                {v.voted ? '已投' : v.state === 'open' && v.canCast ? '去投票' : '看结果'}
              </Text>
            </>
          )}
        </OpenableList>
      )}
    </Screen>
  )
}
