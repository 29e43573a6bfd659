import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { Screen } from '../../../../components/Screen'

/** The bank staff's desk: households whose consent to the bank is in force, and the bank's rate policy. */
export default function BankPage() {
  const load = useCallback(async () => {
    const [list, orgs] = await Promise.all([call('credit.households', {}), call('org.list', {})])
    return { households: list.households, bank: orgs.organisations[0] ?? null }
  }, [])
  const { data, problem, reload } = useLoad(load)
  return (
    <Screen problem={problem} data={data}>
      {d => (
        <>
          <View className="section-title">已授权的户（{d.households.length}）</View>
          <View className="list">
            {d.households.length === 0 ? (
              <View className="notice muted">没有授权在有效期内的户。村民授权以后才能看到。</View>
            ) : null}
            {d.households.map(h => (
              <View
                key={h.householdId}
                className="list__row"
                data-testid="bank-household"
                data-id={h.householdId}
                onClick={() =>
                  Taro.navigateTo({ url: `/packages/participation/pages/statement/index?h=${h.householdId}` })
                }
              >
                <View className="list__body">
                  <Text className="list__title">
                    {h.villageName} {h.doorPlate} {h.head}
                  </Text>
                  <Text className="list__meta">
                    {h.purpose} · {formatDateTime(h.expiresAt)}到期
                  </Text>
                </View>
                <Text className="list__action">看积分</Text>
              </View>
            ))}
          </View>
          {d.bank ? <PolicyForm policy={d.bank.ratePolicy} reload={reload} /> : null}
        </>
      )}
    </Screen>
  )
}

function PolicyForm({
  policy,
  reload
}: {
  policy: { baseRatePct: number; cutPer100Pct: number; maxCutPct: number } | null
  reload: () => Promise<void>
}) {
  const [base, setBase] = useState(String(policy?.baseRatePct ?? ''))
  const [cut, setCut] = useState(String(policy?.cutPer100Pct ?? '0.1'))
  const [max, setMax] = useState(String(policy?.maxCutPct ?? '1'))
  const write = useWrite()
  const save = () =>
    write.run(
      'credit.setPolicy',
      {
        baseRatePct: Number(base),
        cutPer100Pct: Number(cut),
        maxCutPct: Number(max)
      },
      { done: '已保存', after: reload }
    )
  const field = (label: string, value: string, set: (v: string) => void) => (
    <View className="field">
      <View className="field__label">{label}</View>
      <Input className="input" type="digit" value={value} onInput={e => set(e.detail.value)} />
    </View>
  )
  return (
    <>
      <View className="section-title">利率办法（村民看到的是估算）</View>
      {field('基准利率（%）', base, setBase)}
      {field('每100分少几个百分点', cut, setCut)}
      {field('最多少几个百分点', max, setMax)}
      <View className="button secondary" onClick={() => void save()}>
        保存利率办法
      </View>
    </>
  )
}
