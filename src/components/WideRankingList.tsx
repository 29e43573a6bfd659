import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { WideRankingRow } from '../../core/contract/county'
import { call } from '../services/api'
import { useLoad } from '../services/use-route'
import { Loading, Problem } from './Problem'

type Cursor = { earned: number; householdId: string; rank: number; position: number }

/**
 * Households across a town or the county by points earned (全镇/全县积分榜), the viewer's own place
 * when they have a household, and more rows by the last row's cursor.
 */
export function WideRankingList({ scope }: { scope: 'town' | 'county' }) {
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
  if (problem) return <Problem problem={problem} />
  if (!data) return <Loading />
  return (
    <View>
      {data.me ? (
        <View className="me-bar" data-testid="my-place">
          我家在{data.scopeName}第{data.me.rank}名 · {data.me.earned}分
        </View>
      ) : null}
      <View className="list">
        {[...data.rows, ...more].map(r => (
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
