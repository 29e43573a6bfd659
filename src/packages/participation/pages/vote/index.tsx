import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { VOTE_STATE_NAMES } from '../../../../../core/domain/votes'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { Screen } from '../../../../components/Screen'
import { VoteResults } from '../../components/VoteResults'

/**
 * One vote: the villager ticks and votes once (the request id is kept from the first tap, so a retry
 * counts once); the results as the vote allows; the publisher closes it, posts the results and sees
 * who has voted (never what, in a secret vote).
 */
export default function VotePage() {
  const voteId = useRouter().params.id ?? ''
  const load = useCallback(async () => {
    const vote = await call('vote.get', { voteId })
    const voters = vote.canManage ? (await call('vote.voters', { voteId })).voters : []
    return { vote, voters }
  }, [voteId])
  const { data, problem, reload } = useLoad(load)
  const [picked, setPicked] = useState<number[]>([])
  const write = useWrite()

  const toggle = (i: number, multiple: boolean) =>
    setPicked(multiple ? (picked.includes(i) ? picked.filter(p => p !== i) : [...picked, i]) : [i])
  const cast = () => {
    if (picked.length === 0) return Taro.showToast({ title: '请先选一项', icon: 'none' })
    return write.run('vote.cast', { voteId, choices: picked }, { done: '已投票', after: reload })
  }
  const move = (route: 'vote.close' | 'vote.post', done: string) =>
    write.run(route, { voteId }, { done, after: reload })

  return (
    <Screen problem={problem} data={data}>
      {({ vote, voters }) => (
        <>
          <View className="notice">
            <View className="section-title" data-testid="vote-question">
              {vote.question}
            </View>
            <Text className="muted" data-testid="vote-state" data-state={vote.state}>
              {vote.placeName} · {VOTE_STATE_NAMES[vote.state]} · {formatDateTime(vote.deadlineAt)}截止 ·{' '}
              {vote.per === 'household' ? '每户一票' : '每人一票'}
              {vote.secret ? ' · 不记名（谁投了什么，谁也看不到）' : ''}
              {vote.multiple ? ` · 最多选${vote.maxChoices}项` : ''}
            </Text>
          </View>
          {vote.state === 'open' && !vote.voted && vote.canCast && !vote.canManage ? (
            <>
              {/* the choices are rows: say that they are tapped, and show a circle to tap */}
              <View className="muted" data-testid="vote-how">
                {vote.multiple ? `点选您要的项（最多${vote.maxChoices}项），再按“投票”` : '点选您要的一项，再按“投票”'}
              </View>
              <View className="list">
                {vote.options.map((o, i) => (
                  <View
                    key={o}
                    className={`list__row ${picked.includes(i) ? 'list__row--mine' : ''}`}
                    data-testid="vote-option"
                    data-option={i}
                    onClick={() => toggle(i, vote.multiple)}
                  >
                    <Text className="list__title" style={{ flex: 1 }}>
                      {o}
                    </Text>
                    <Text className="list__number" data-testid="vote-mark">
                      {picked.includes(i) ? '✓' : '○'}
                    </Text>
                  </View>
                ))}
              </View>
              <View className="button" data-testid="vote-cast" onClick={() => void cast()}>
                投票
              </View>
            </>
          ) : null}
          {vote.voted ? (
            <View className="notice" data-testid="vote-voted">
              您{vote.per === 'household' ? '家' : ''}已经投过票了。
            </View>
          ) : null}
          <View className="section-title">结果</View>
          <VoteResults vote={vote} />
          {vote.canManage && vote.state === 'open' ? (
            <View
              className="button secondary"
              data-testid="vote-close"
              onClick={() => void move('vote.close', '已截止')}
            >
              现在截止
            </View>
          ) : null}
          {vote.canManage && vote.state === 'closed' ? (
            <View className="button" data-testid="vote-post" onClick={() => void move('vote.post', '已公布')}>
              公布结果（发一条村务公开）
            </View>
          ) : null}
          {vote.canManage ? (
            <>
              <View className="section-title">已投票（{vote.ballots}）</View>
              <View className="list">
                {voters.map(v => (
                  <View key={`${v.label}${v.at}`} className="list__row" data-testid="vote-voter">
                    <View className="list__body">
                      <Text className="list__title">{v.label}</Text>
                      <Text className="list__meta">{formatDateTime(v.at)}</Text>
                    </View>
                    {v.choices ? <Text className="muted">{v.choices.join('、')}</Text> : null}
                  </View>
                ))}
              </View>
            </>
          ) : null}
        </>
      )}
    </Screen>
  )
}
