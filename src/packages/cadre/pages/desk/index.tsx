import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLargeFont } from '../../../../services/large-font'
import { OrderList } from '../../../../components/OrderList'
import { householdOfCode } from '../../../../services/household-code'
import { HouseholdFinder } from '../../../../components/staff/HouseholdFinder'
import { Loading, Problem } from '../../../../components/Problem'
import { confirmFirst } from '../../../../services/confirm'

/** 柜台兑换: scan the household's code, or find the household by door plate, head or the code's link. */
export default function DeskPage() {
  const large = useLargeFont()
  const [householdId, setHouseholdId] = useState(useRouter().params.id ?? '')

  const scan = async () => {
    if (process.env.TARO_ENV !== 'weapp')
      return Taro.showToast({ title: '浏览器里请把一户一码的链接粘贴到下面', icon: 'none' })
    const res = await Taro.scanCode({ onlyFromCamera: true }).catch(() => null)
    if (res) setHouseholdId(householdOfCode(res.path || res.result))
  }

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {householdId ? (
        <Household householdId={householdId} onDone={() => setHouseholdId('')} />
      ) : (
        <>
          <View className="button" onClick={() => void scan()}>
            扫一户一码
          </View>
          <HouseholdFinder onOpen={setHouseholdId} />
        </>
      )}
    </View>
  )
}

function Household({ householdId, onDone }: { householdId: string; onDone: () => void }) {
  const load = useCallback(async () => {
    const [card, shelf] = await Promise.all([call('household.public', { householdId }), call('shop.goods', {})])
    return { card, goods: shelf.goods.filter(g => g.onShelf) }
  }, [householdId])
  const { data, problem, reload } = useLoad(load)
  const write = useWrite()
  if (problem) return <Problem problem={problem} />
  if (!data) return <Loading />
  const { card } = data
  const redeem = async (goodsId: string, name: string, price: number) => {
    const sure = await Taro.showModal({
      title: `兑换${name}`,
      content: `从${card.doorPlate}扣${price}积分`,
      confirmText: '兑换'
    })
    if (sure.confirm)
      await write.run('shop.redeemAtDesk', { householdId, goodsId, quantity: 1 }, { done: '已兑换', after: reload })
  }
  return (
    <View>
      <View className="notice">
        <View className="section-title">
          {card.doorPlate} · 户主 {card.head}
        </View>
        可用积分{' '}
        <Text className="list__number" data-testid="desk-balance">
          {card.balance}
        </Text>
      </View>
      <View className="section-title">待领取的订单</View>
      <OrderList
        orders={card.openOrders}
        actions={[
          {
            label: '领取',
            testid: 'collect-order',
            run: async o =>
              (await confirmFirst('领取', `${card.doorPlate}领走${o.goodsName} × ${o.quantity}？`, '已领走')) &&
              void write.run('shop.collect', { orderId: o.id }, { done: '已领取', after: reload }),
            submitting: o => write.submitting('shop.collect', { orderId: o.id })
          }
        ]}
      />
      <View className="section-title">当场兑换</View>
      <View className="list">
        {data.goods.map(g => (
          <View key={g.id} className="list__row">
            <View className="list__body">
              <Text className="list__title">{g.name}</Text>
              <Text className="list__meta">还剩{g.stock}件</Text>
            </View>
            <Text className="list__number">{g.price}分</Text>
            <WriteButton
              className="list__action"
              label="兑换"
              submitting={write.submitting('shop.redeemAtDesk', { goodsId: g.id })}
              disabled={write.busy}
              onClick={() => redeem(g.id, g.name, g.price)}
            />
          </View>
        ))}
      </View>
      <View className="button secondary" onClick={onDone}>
        换一户
      </View>
    </View>
  )
}
