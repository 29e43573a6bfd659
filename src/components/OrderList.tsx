import { Text, View } from '@tarojs/components'
import type { OrderView } from '../../core/contract/views'
import { formatDateTime } from '../../core/domain/period'
import { ORDER_STATE_NAMES } from '../../core/domain/shop'
import { WriteButton } from './WriteButton'

/** Orders, newest first: what, how many points, state; the actions the viewer may take on waiting ones. */
export function OrderList({
  orders,
  actions = []
}: {
  orders: OrderView[]
  actions?: { label: string; testid: string; run: (o: OrderView) => void; submitting?: (o: OrderView) => boolean }[]
}) {
  if (orders.length === 0) return <View className="notice muted">没有订单</View>
  return (
    <View className="list">
      {orders.map(o => (
        <View key={o.id} className="list__row" data-testid="order-row" data-state={o.state} data-id={o.id}>
          <Text className="list__number minus">-{o.points}</Text>
          <View className="list__body">
            <Text className="list__title">
              {o.goodsName} × {o.quantity}
            </Text>
            <Text className="list__meta">
              {o.doorPlate} {o.head} · {ORDER_STATE_NAMES[o.state]} · {formatDateTime(o.at)}
              {o.channel === 'desk' ? ' · 柜台兑换' : ''}
            </Text>
            {o.cancelReason ? <Text className="list__meta">取消原因：{o.cancelReason}</Text> : null}
          </View>
          {o.state === 'ordered'
            ? actions.map(a => (
                <WriteButton
                  key={a.label}
                  className="list__action"
                  testid={a.testid}
                  label={a.label}
                  submitting={a.submitting?.(o) ?? false}
                  onClick={() => a.run(o)}
                />
              ))
            : null}
        </View>
      ))}
    </View>
  )
}
