import { useCallback, useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { OrderState } from '../../../../../core/domain/shop'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { useLargeFont } from '../../../../services/large-font'
import { Tabs } from '../../../../components/Tabs'
import { OrderList } from '../../../../components/OrderList'
import { Loading, Problem } from '../../../../components/Problem'
import { confirmFirst } from '../../../../services/confirm'

const STATES: { value: OrderState | 'all'; label: string }[] = [
  { value: 'ordered', label: '待领取' },
  { value: 'collected', label: '已领取' },
  { value: 'cancelled', label: '已取消' },
  { value: 'all', label: '全部' }
]

/** 订单: the village shop's orders; hand over or cancel (the points go back) those waiting. */
export default function OrdersPage() {
  const large = useLargeFont()
  const [state, setState] = useState<OrderState | 'all'>('ordered')
  const { data, problem, reload } = useLoad(useCallback(() => call('shop.orders', { state }), [state]))
  const write = useWrite()
  const [query, setQuery] = useState('')
  const words = query.trim()
  const shown = data?.orders.filter(
    o => !words || o.doorPlate.includes(words) || o.head.includes(words) || o.goodsName.includes(words)
  )
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <Tabs<OrderState | 'all'> options={STATES} value={state} onChange={setState} />
      <View className="field">
        <Input
          className="input"
          data-testid="order-search"
          placeholder="搜门牌号、户主或商品"
          value={query}
          onInput={e => setQuery(e.detail.value)}
        />
      </View>
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <OrderList
          orders={shown ?? []}
          actions={[
            {
              label: '领取',
              testid: 'collect-order',
              run: async o =>
                (await confirmFirst('领取', `${o.doorPlate}${o.head}领走${o.goodsName} × ${o.quantity}？`, '已领走')) &&
                void write.run('shop.collect', { orderId: o.id }, { done: '已领取', after: reload }),
              submitting: o => write.submitting('shop.collect', { orderId: o.id })
            },
            {
              label: '取消',
              testid: 'cancel-order',
              run: async o =>
                (await confirmFirst(
                  '取消订单',
                  `取消${o.doorPlate}的${o.goodsName}，退回${o.points}积分？`,
                  '取消订单'
                )) &&
                void write.run('shop.cancel', { orderId: o.id, reason: '村里取消' }, { done: '已取消', after: reload }),
              submitting: o => write.submitting('shop.cancel', { orderId: o.id })
            }
          ]}
        />
      )}
    </View>
  )
}
