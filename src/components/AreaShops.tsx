import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { call } from '../services/api'
import { useLoad } from '../services/use-route'
import { Loading, Problem } from './Problem'

/**
 * 积分超市 for a town or county administrator: the shops are the villages' own (their cadres keep the
 * goods and hand over the orders), so this shows how many points each village (for the county: each
 * town, and a town's villages when tapped) redeemed this month, from the overview's figures.
 */
export function AreaShops() {
  const [townId, setTownId] = useState<string | undefined>(undefined)
  const { data, problem } = useLoad(useCallback(() => call('overview.get', townId ? { townId } : {}), [townId]))
  if (problem) return <Problem problem={problem} />
  if (!data) return <Loading />
  const byTown = data.scope === 'county' && !townId
  return (
    <View>
      <View className="section-title" data-testid="area-shops-title">
        {data.name}各村积分超市 · 本月兑换
      </View>
      <View className="notice muted">
        商品、库存和订单由各村村干部管理。这里看各{byTown ? '镇' : '村'}本月用积分换了多少
        {byTown ? '，点一个镇看它的村' : ''}。
      </View>
      {townId ? (
        <View className="button secondary" onClick={() => setTownId(undefined)}>
          回到全县
        </View>
      ) : null}
      <View className="list">
        {data.rows.map(r => (
          <View
            key={r.id}
            className="list__row"
            data-testid="area-shop-row"
            onClick={byTown ? () => setTownId(r.id) : undefined}
          >
            <View className="list__body">
              <Text className="list__title">{r.name}</Text>
              <Text className="list__meta">{r.households}户在册</Text>
            </View>
            <Text className="list__number">{r.redeemedMonth}</Text>
            <Text className="list__meta"> 积分</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
