import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { CONSENT_DAYS, CONSENT_SCOPE, CONSENT_STATE_NAMES, RatePolicy } from '../../../../../core/domain/credit'
import { formatDateTime } from '../../../../../core/domain/period'
import type { BankOffer } from '../../../../../core/contract/participation'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { Screen } from '../../../../components/Screen'
import { rateCutText } from '../../components/rate-cut'

const PURPOSES = ['申请积分贷', '办理信用评定']
const policyText = (p: RatePolicy) =>
  `基准利率${p.baseRatePct}%，每100分少${p.cutPer100Pct}个百分点，最多少${p.maxCutPct}个百分点`

/**
 * 积分贷: the banks serving the village with their rate policy and what the household's points would
 * get (an estimate); the head's consent, given separately and explicitly for one bank, one purpose
 * and one period, revocable at any time; and who has looked at the household's points, when.
 */
export default function CreditPage() {
  const load = useCallback(async () => {
    const [offers, mine] = await Promise.all([call('credit.banks', {}), call('credit.mine', {})])
    return { ...offers, views: mine.views }
  }, [])
  const { data, problem, reload } = useLoad(load)
  return (
    <Screen problem={problem} data={data}>
      {d => (
        <>
          {d.banks.length === 0 ? <View className="notice muted">还没有银行为本村办理积分贷。</View> : null}
          {d.banks.map(b => (
            <BankCard key={b.bankId} offer={b} isHead={d.isHead} reload={reload} />
          ))}
          <View className="section-title">谁看过我家积分</View>
          <View className="list">
            {d.views.length === 0 ? <View className="notice muted">还没有人看过。</View> : null}
            {d.views.map(v => (
              <View key={`${v.at}${v.staffName}`} className="list__row" data-testid="credit-view">
                <View className="list__body">
                  <Text className="list__title">
                    {v.bankName} {v.staffName}
                  </Text>
                  <Text className="list__meta">
                    {formatDateTime(v.at)} · {v.purpose}
                  </Text>
                </View>
              </View>
            ))}
          </View>
        </>
      )}
    </Screen>
  )
}

function BankCard({ offer: b, isHead, reload }: { offer: BankOffer; isHead: boolean; reload: () => Promise<void> }) {
  const [purpose, setPurpose] = useState(PURPOSES[0])
  const [days, setDays] = useState<number>(90)
  const [agreed, setAgreed] = useState(false)
  const write = useWrite()
  const done = async () => {
    setAgreed(false)
    await reload()
  }
  const inForce = b.consent?.state === 'inForce'
  return (
    <View className="notice" data-testid="bank-card" data-id={b.bankId}>
      <View className="section-title" style={{ margin: '0 0 8px' }}>
        {b.bankName}
      </View>
      {b.ratePolicy ? <View className="muted">{policyText(b.ratePolicy)}</View> : null}
      {b.estimate ? (
        <View>
          按您家现在的积分，估计利率{' '}
          <Text className="plus" data-testid="credit-estimate">
            {b.estimate.ratePct}%
          </Text>
          （{rateCutText(b.estimate.cutPct)}），以银行审批为准。
        </View>
      ) : null}
      {b.consent ? (
        <View data-testid="consent-state" data-state={b.consent.state}>
          {CONSENT_STATE_NAMES[b.consent.state]}：{b.consent.purpose}，
          {inForce ? `${formatDateTime(b.consent.expiresAt)}到期` : ''}
        </View>
      ) : null}
      {!isHead ? (
        <View className="muted">只有户主才能授权银行查看全家的积分。</View>
      ) : inForce ? (
        <View
          className="button secondary"
          data-testid="credit-revoke"
          onClick={() => void write.run('credit.revoke', { bankId: b.bankId }, { done: '已撤回', after: done })}
        >
          撤回授权（银行马上就看不到了）
        </View>
      ) : (
        <>
          <View className="field__label">用途</View>
          <View>
            {PURPOSES.map(p => (
              <Text key={p} className={`chip ${p === purpose ? 'chip--on' : ''}`} onClick={() => setPurpose(p)}>
                {p}
              </Text>
            ))}
          </View>
          <View className="field__label">期限</View>
          <View>
            {CONSENT_DAYS.map(n => (
              <Text key={n} className={`chip ${n === days ? 'chip--on' : ''}`} onClick={() => setDays(n)}>
                {n}天
              </Text>
            ))}
          </View>
          <View className="notice" style={{ background: '#fff4e5' }} data-testid="consent-text">
            我同意把我家的以下积分情况提供给<Text style={{ fontWeight: 'bold' }}>{b.bankName}</Text>：
            {CONSENT_SCOPE.join('、')}。用途：{purpose}。期限：{days}天，到期自动失效；我可以随时撤回。
            银行每次查看都会记下来，我家可以在这里看到。
          </View>
          <View className="list__row" data-testid="credit-agree" onClick={() => setAgreed(!agreed)}>
            <Text className="list__number" style={{ minWidth: '60px', textAlign: 'left' }}>
              {agreed ? '☑' : '☐'}
            </Text>
            <Text>我已看清楚，同意授权</Text>
          </View>
          <View
            className={`button ${agreed ? '' : 'secondary'}`}
            data-testid="credit-consent"
            onClick={() =>
              void write.run(
                'credit.consent',
                { bankId: b.bankId, purpose, days, agreed: agreed as true },
                { done: '已授权', after: done }
              )
            }
          >
            授权{b.bankName}查看
          </View>
        </>
      )}
    </View>
  )
}
