import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useWrite } from '../../services/write'
import { OrderList } from '../../components/OrderList'
import { householdOfCode } from '../../services/household-code'
import { Screen } from '../../components/Screen'
import { confirmFirst } from '../../services/confirm'

/**
 * What scanning a household's code (一户一码) opens. The code only names the household: a cadre of its
 * village may act on it (score, redeem at the desk, hand over orders); anyone else of the village sees
 * its public card. The api decides which, never this page.
 */
export default function HouseholdPage() {
  const { scene, id } = useRouter().params
  const householdId = id ?? householdOfCode(scene)
  const { data, problem, reload } = useLoad(useCallback(() => call('household.public', { householdId }), [householdId]))
  const write = useWrite()
  const go = (url: string) => Taro.navigateTo({ url })

  return (
    <Screen data={data} problem={problem}>
      {data => (
        <>
          <View className="notice">
            <View className="section-title">
              {data.villageName} · {data.doorPlate}
            </View>
            <View>户主 {data.head}</View>
            <View>
              {'★'.repeat(data.stars)}
              {data.stars ? ` ${data.stars}星级文明户 · ` : ''}累计得分 {data.earned}
            </View>
            {data.balance !== null ? (
              <View>
                可用积分{' '}
                <Text className="list__number" data-testid="desk-balance">
                  {data.balance}
                </Text>
              </View>
            ) : null}
          </View>
          {data.canAct ? (
            <>
              <View className="links">
                <View className="button" onClick={() => go(`/packages/cadre/pages/desk/index?id=${householdId}`)}>
                  柜台兑换
                </View>
                <View
                  className="button secondary"
                  onClick={() =>
                    go(
                      `/packages/cadre/pages/score/index?id=${householdId}&plate=${encodeURIComponent(data.doorPlate)}`
                    )
                  }
                >
                  打分
                </View>
              </View>
              <View className="section-title">待领取的订单</View>
              <OrderList
                orders={data.openOrders}
                actions={[
                  {
                    label: '领取',
                    testid: 'collect-order',
                    run: async o =>
                      (await confirmFirst('领取', `${data.doorPlate}领走${o.goodsName} × ${o.quantity}？`, '已领走')) &&
                      void write.run('shop.collect', { orderId: o.id }, { done: '已领取', after: reload }),
                    submitting: o => write.submitting('shop.collect', { orderId: o.id })
                  }
                ]}
              />
            </>
          ) : null}
        </>
      )}
    </Screen>
  )
}
