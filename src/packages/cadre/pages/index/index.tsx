import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RouteResult } from '../../../../../core/contract/routes'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'

type Found = RouteResult<'cadre.households'>

/** The village's work, by what it is about: scoring, review, the shop, the platform; each opens its page. */
const WORK: [label: string, page: string][][] = [
  [
    ['批量打分', 'batch'],
    ['积分细则', 'rules'],
    ['网格员', 'roles']
  ],
  [
    ['审核申报', 'review'],
    ['处理异议', 'objections'],
    ['审计记录', 'audit']
  ],
  [
    ['柜台兑换', 'desk'],
    ['商品', 'goods'],
    ['订单', 'orders'],
    ['一户一码', 'codes']
  ],
  [
    ['发布通知', 'publish'],
    ['村民说事', 'issues'],
    ['登记家庭户', 'household-edit']
  ]
]

/** 村干部工作台: find a household by door plate or head, and the village's other work. */
export default function CadreHome() {
  const large = useLargeFont()
  const [query, setQuery] = useState('')
  const load = useCallback(() => call('cadre.households', { query, page: 1 }), [query])
  const { data, problem, setData } = useLoad<Found>(load)
  // useLoad reloads when `load` changes with the query
  const search = setQuery
  const more = async () => {
    if (!data) return
    const next = await call('cadre.households', { query, page: data.page + 1 })
    setData({ ...next, households: [...data.households, ...next.households] })
  }
  const go = (url: string) => Taro.navigateTo({ url })

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {WORK.map((row, r) => (
        <View key={r} className="links">
          {row.map(([label, page]) => (
            <View
              key={page}
              className={`button ${page === 'batch' ? '' : 'secondary'}`}
              data-testid={`open-${page}`}
              onClick={() => go(`/packages/cadre/pages/${page}/index`)}
            >
              {label}
            </View>
          ))}
        </View>
      ))}
      <View className="field">
        <Input
          className="input"
          data-testid="household-search"
          placeholder="搜门牌号或户主姓名"
          value={query}
          onInput={e => search(e.detail.value)}
        />
      </View>
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <View className="list">
          {data.households.map(h => (
            <View
              key={h.householdId}
              className="list__row"
              data-testid="household-row"
              data-id={h.householdId}
              onClick={() => go(`/packages/cadre/pages/household/index?id=${h.householdId}`)}
            >
              <View className="list__body">
                <Text className="list__title">
                  {h.doorPlate} · {h.head}
                </Text>
                <Text className="list__meta">
                  {h.groupName} · 本月{h.monthPoints}分
                </Text>
              </View>
              <Text className="list__number">{h.balance}分</Text>
            </View>
          ))}
          {data.households.length === 0 ? <View className="notice muted">没有找到</View> : null}
        </View>
      )}
      {data?.hasMore ? (
        <View className="button secondary" onClick={() => void more()}>
          看更多
        </View>
      ) : null}
    </View>
  )
}
