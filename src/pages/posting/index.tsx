import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { formatDateTime } from '../../../core/domain/period'
import { POSTING_STATE_NAMES } from '../../../core/domain/workflow'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useLargeFont } from '../../services/large-font'
import { Loading, Problem } from '../../components/Problem'
import { signed } from '../../components/points'

/** 积分公示: who got how many points for what, by whom; during the posting period anyone may object. */
export default function PostingPage() {
  const large = useLargeFont()
  const { data, problem } = useLoad(
    useCallback(async () => {
      const [posting, session, seals] = await Promise.all([
        call('posting.list', {}),
        call('me.session', {}),
        call('seal.heads', {})
      ])
      return {
        ...posting,
        canObject: session.roles.some(r => r.role === 'villager'),
        canOpen: session.roles.some(r => r.role === 'villager' || r.role === 'cadre'),
        latestHead: seals.heads[0] ?? null
      }
    }, [])
  )
  const now = Date.now()
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <View className="notice">
            加分扣分公示{data.postingDays}天。公示期间对哪一条有意见，可以点“提异议”，村干部会核实答复。
          </View>
          {data.latestHead ? (
            <View
              className="notice"
              data-testid="latest-head"
              onClick={() => void Taro.navigateTo({ url: '/pages/village/index' })}
            >
              <Text className="list__title">已存证到{data.latestHead.day}（点这里看每天的存证）</Text>
              <Text className="list__meta proof__line">存证码 {data.latestHead.root.slice(0, 8)}</Text>
            </View>
          ) : null}
          <View className="list">
            {data.items.map(p => (
              <View
                key={p.entryId}
                className="list__row"
                data-testid="posting-row"
                data-entry={p.entryId}
                data-state={p.state}
              >
                <Text
                  className={[
                    'list__number',
                    p.points < 0 ? 'minus' : 'plus',
                    p.state === 'corrected' ? 'struck' : ''
                  ].join(' ')}
                >
                  {signed(p.points)}
                </Text>
                <View
                  className="list__body"
                  onClick={
                    data.canOpen ? () => void Taro.navigateTo({ url: `/pages/entry/index?id=${p.entryId}` }) : undefined
                  }
                >
                  <Text className="list__title">
                    {p.doorPlate} · {p.head}
                  </Text>
                  <Text className="list__meta">{p.title}</Text>
                  <Text className="list__meta">
                    {POSTING_STATE_NAMES[p.state]}
                    {p.state === 'posted' || p.state === 'objected' ? `（到${formatDateTime(p.until)}）` : ''} · 经办{' '}
                    {p.byName}
                    {p.evidence.length ? ` · 照片${p.evidence.length}张` : ''}
                  </Text>
                </View>
                {data.canObject && (p.state === 'posted' || p.state === 'objected') && p.until > now ? (
                  <Text
                    className="list__action"
                    data-testid="object"
                    onClick={() =>
                      Taro.navigateTo({
                        url:
                          `/packages/villager/pages/objection/index?entry=${p.entryId}` +
                          `&what=${encodeURIComponent(`${p.doorPlate} ${p.title} ${signed(p.points)}分`)}`
                      })
                    }
                  >
                    提异议
                  </Text>
                ) : null}
              </View>
            ))}
            {data.items.length === 0 ? <View className="list__row muted">现在没有公示</View> : null}
          </View>
        </>
      )}
    </View>
  )
}
