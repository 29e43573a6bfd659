import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { WideRankingRow } from '../../../../../core/contract/county'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'

type Cursor = { earned: number; householdId: string; rank: number; position: number }

/** 全镇/全县家庭积分榜: households across the town or the county by points earned; more by a cursor. */
export default function WideRanking() {
  const large = useLargeFont()
  const [scope, setScope] = useState<'town' | 'county'>('town')
  const [more, setMore] = useState<WideRankingRow[]>([])
  const [next, setNext] = useState<Cursor | null>(null)
  const { data, problem } = useLoad(
    useCallback(async () => {
      const first = await call('ranking.wide', { scope })
      setMore([])
      setNext(first.next)
      return first
    }, [scope])
  )
  const loadMore = async () => {
    if (!next) return
    const page = await call('ranking.wide', { scope, after: next })
    setMore(rows => [...rows, ...page.rows])
    setNext(page.next)
  }
  const rows = [...(data?.rows ?? []), ...more]
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="tabs">
        <View
          className={`tabs__item ${scope === 'town' ? 'tabs__item--on' : ''}`}
          data-value="town"
          onClick={() => setScope('town')}
        >
          全镇
        </View>
        <View
          className={`tabs__item ${scope === 'county' ? 'tabs__item--on' : ''}`}
          data-value="county"
          onClick={() => setScope('county')}
        >
          全县
        </View>
      </View>
      {problem ? <Problem problem={problem} /> : !data ? <Loading /> : null}
      {data?.me ? (
        <View className="me-bar" data-testid="my-place">
          我家在{data.scopeName}第{data.me.rank}名 · {data.me.earned}分
        </View>
      ) : null}
      <View className="list">
        {rows.map(r => (
          <View key={r.householdId} className="list__row" data-testid="wide-row">
            <Text className={`rank ${r.rank <= 3 ? 'rank--top' : ''}`}>{r.rank}</Text>
            <View className="list__body">
              <Text className="list__title">
                {r.doorPlate} {r.head}
              </Text>
              <Text className="list__meta">{r.villageName}</Text>
            </View>
            <Text className="list__number">{r.earned}</Text>
          </View>
        ))}
      </View>
      {next ? (
        <View className="button secondary" data-testid="more" onClick={loadMore}>
          再看30户
        </View>
      ) : null}
    </View>
  )
}
