import { useCallback } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { GoodsView, OrderView, SessionView } from '../../../core/contract/views'
import type { RouteResult } from '../../../core/contract/routes'
import { CAP_PERIOD_NAMES } from '../../../core/domain/rules'
import { call } from '../../services/api'
import { useWrite } from '../../services/write'
import { WriteButton } from '../../components/WriteButton'
import { useLoad } from '../../services/use-route'
import { confirmFirst } from '../../services/confirm'
import { askToBeTold } from '../../services/subscribe'
import { useLargeFont } from '../../services/large-font'
import { OrderList } from '../../components/OrderList'
import { Loading, Problem } from '../../components/Problem'
import { NotForThisRole, inAVillage, isVillager, overseenArea } from '../../components/NotForThisRole'
import { AreaShops } from '../../components/AreaShops'
import { Workbenches } from '../../components/Workbenches'

/**
 * 积分超市: what is on the shelf and what it costs, what my household can afford; my orders. A town or
 * county administrator sees how much each village's shop redeemed (AreaShops).
 */
export default function ShopPage() {
  const large = useLargeFont()
  const load = useCallback(async () => {
    const session = await call('me.session', {})
    if (!inAVillage(session)) return { session, shelf: null }
    const [shelf, mine] = await Promise.all([
      call('shop.goods', {}),
      isVillager(session) ? call('shop.myOrders', {}) : null
    ])
    return { session, shelf: { ...shelf, orders: mine?.orders ?? null } }
  }, [])
  const { data, problem, reload } = useLoad(load)
  const write = useWrite()

  const order = async (g: GoodsView) => {
    // first, within the tap: WeChat refuses the consent request after the confirmation's await
    await askToBeTold(['order'])
    const sure = await Taro.showModal({
      title: `换${g.name}`,
      content: `用${g.price}积分换1件，到村里积分超市领取。`,
      confirmText: '换'
    })
    if (!sure.confirm) return
    await write.run('shop.order', { goodsId: g.id, quantity: 1 }, { done: '已下单', after: reload })
  }

  if (problem)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Problem problem={problem} />
      </View>
    )
  if (!data)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Loading />
      </View>
    )
  if (!data.shelf)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        {overseenArea(data.session) ? (
          <AreaShops />
        ) : (
          <NotForThisRole session={data.session} what="积分超市：村民用积分换东西" />
        )}
      </View>
    )
  return <Shelf shelf={data.shelf} session={data.session} large={large} order={order} reload={reload} write={write} />
}

function Shelf({
  shelf: data,
  session,
  large,
  order,
  reload,
  write
}: {
  shelf: RouteResult<'shop.goods'> & { orders: OrderView[] | null }
  session: SessionView
  large: boolean
  order: (g: GoodsView) => Promise<void>
  reload: () => Promise<void>
  write: ReturnType<typeof useWrite>
}) {
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {data.orders === null ? (
        <View className="notice" data-testid="shop-staff-note">
          这是本村积分超市的货架，村民在这里用积分换东西。
          <Workbenches session={session} />
        </View>
      ) : null}
      {data.balance !== null ? (
        <View className="notice">
          我家现在有{' '}
          <Text className="list__number" data-testid="shop-balance">
            {data.balance}
          </Text>{' '}
          积分可用
        </View>
      ) : null}
      <View className="list">
        {data.goods.map(g => (
          <View key={g.id} className="list__row" data-testid="goods-row" data-id={g.id}>
            {g.picture ? <Image src={g.picture} className="photos__item" mode="aspectFill" /> : null}
            <View className="list__body">
              <Text className="list__title">{g.name}</Text>
              <Text className="list__meta">
                还剩{g.stock}件{g.limit ? ` · ${CAP_PERIOD_NAMES[g.limit.period]}每户限${g.limit.max}件` : ''}
                {g.leftForMe === 0 ? ' · 本期已换满' : ''}
              </Text>
            </View>
            <Text className="list__number">{g.price}分</Text>
            {g.affordable && g.stock > 0 && g.leftForMe !== 0 ? (
              <WriteButton
                className="list__action"
                testid="order"
                label="换"
                submitting={write.submitting('shop.order', { goodsId: g.id })}
                disabled={write.busy}
                onClick={() => order(g)}
              />
            ) : data.balance === null ? null : (
              <Text className="list__action muted">{g.stock === 0 ? '换完了' : '积分不够'}</Text>
            )}
          </View>
        ))}
      </View>
      {data.orders === null ? null : (
        <>
          <View className="section-title">我的订单</View>
          <OrderList
            orders={data.orders}
            actions={[
              {
                label: '取消',
                testid: 'cancel-order',
                run: async o =>
                  (await confirmFirst('取消订单', `不要${o.goodsName}了？${o.points}积分会退回来。`, '取消订单')) &&
                  void write.run('shop.cancel', { orderId: o.id }, { done: '已取消，积分已退回', after: reload })
              }
            ]}
          />
        </>
      )}
    </View>
  )
}
