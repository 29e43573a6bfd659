import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { EntryList } from '../../../../components/EntryList'
import { Screen } from '../../../../components/Screen'
import { StatementProof } from './components/StatementProof'
import { rateCutText } from '../../components/rate-cut'

/**
 * 积分证明: one household's points summary for the bank, under its consent in force, printable with
 * its date and the ledger's proof of its entries (存证). Opening it is recorded for the household
 * (谁看过我家积分).
 */
export default function StatementPage() {
  const householdId = useRouter().params.h ?? ''
  const { data, problem } = useLoad(useCallback(() => call('credit.summary', { householdId }), [householdId]))
  const print = () => {
    if (process.env.TARO_ENV === 'h5') window.print()
  }
  return (
    <Screen problem={problem} data={data}>
      {s => (
        <>
          <View className="notice" data-testid="statement">
            <View className="section-title" style={{ margin: '0 0 8px' }}>
              {s.villageName} {s.doorPlate} {s.head}户 积分证明
            </View>
            <View>
              可用积分{' '}
              <Text className="plus" data-testid="statement-balance">
                {s.balance}
              </Text>
              · 累计得分 {s.earned}
            </View>
            <View>
              今年得分 {s.thisYear} · 去年得分 {s.lastYear}
            </View>
            <View>
              {s.stars}星级文明户 · 本村第 {s.rankInVillage} 名（共{s.householdsInVillage}户）
            </View>
            {s.estimate ? (
              <View>
                按贵行利率办法估算：利率 {s.estimate.ratePct}%（{rateCutText(s.estimate.cutPct)}）
              </View>
            ) : null}
            <View className="muted">
              出具时间：{formatDateTime(s.at)}。依据户主{s.consent.grantedByName}于{formatDateTime(s.consent.grantedAt)}
              的授权（{s.consent.purpose}，{formatDateTime(s.consent.expiresAt)}到期）。
            </View>
          </View>
          {process.env.TARO_ENV === 'h5' ? (
            <View className="button secondary" onClick={print}>
              打印
            </View>
          ) : null}
          <View className="section-title">最近12个月的积分明细</View>
          <EntryList entries={s.entries} postingDays={0} />
          <StatementProof proof={s.proof} />
        </>
      )}
    </Screen>
  )
}
