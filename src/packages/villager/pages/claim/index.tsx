import { useCallback, useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RuleView } from '../../../../../core/contract/views'
import { call, newRequestId } from '../../../../services/api'
import { asApiError, useLoad } from '../../../../services/use-route'
import { act } from '../../../../services/act'
import { useLargeFont } from '../../../../services/large-font'
import { RuleList } from '../../../../components/RuleList'
import { PendingList } from '../../../../components/PendingList'
import { PointsStepper } from '../../../../components/PointsStepper'
import { EvidencePicker } from '../../../../components/EvidencePicker'
import { Loading, Problem } from '../../../../components/Problem'

/** 申报积分: a villager asks points for a good deed by a rule open to villagers; the cadre reviews it. */
export default function ClaimPage() {
  const large = useLargeFont()
  const { data, problem, reload } = useLoad(useCallback(async () => {
    const [rules, mine] = await Promise.all([call('archive.rules', {}), call('pending.mine', {})])
    return { rules: rules.rules.filter(r => r.proposers.includes('villager')), mine: mine.items }
  }, []))
  const [rule, setRule] = useState<RuleView | null>(null)
  const [points, setPoints] = useState(0)
  const [description, setDescription] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])
  const [requestId, setRequestId] = useState(newRequestId)

  const submit = async () => {
    if (!rule) return
    try {
      await call('claim.create', { requestId, ruleId: rule.id, points, description, evidence })
      await Taro.showModal({ title: '已提交', content: '村干部审核通过后，积分就会加上。', showCancel: false })
      setRule(null)
      setDescription('')
      setEvidence([])
      setRequestId(newRequestId())
      await reload()
    } catch (e) {
      Taro.showModal({ title: '没有提交', content: asApiError(e).message, showCancel: false })
    }
  }

  if (problem) return <View className='page'><Problem problem={problem} /></View>
  if (!data) return <View className='page'><Loading /></View>
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {!rule ? (
        <>
          <View className='section-title'>做了什么好事？选一条</View>
          <RuleList rules={data.rules} onPick={r => { setRule(r); setPoints(r.points.min) }} action='申报' />
        </>
      ) : (
        <>
          <View className='notice'>
            <View>{rule.title}</View>
            <View className='muted' onClick={() => setRule(null)}>换一条</View>
          </View>
          <PointsStepper min={rule.points.min} max={rule.points.max} value={points} onChange={setPoints} />
          <View className='field'>
            <View className='field__label'>说说经过（必填）</View>
            <Textarea className='textarea' data-testid='claim-description' value={description} maxlength={200} placeholder='例如：11月20日参加了河道清理' onInput={e => setDescription(e.detail.value)} />
          </View>
          <View className='field'>
            <View className='field__label'>照片{rule.evidenceRequired ? '（必须有）' : '（有的话更好）'}</View>
            <EvidencePicker files={evidence} onChange={setEvidence} />
          </View>
          <View className='button' data-testid='claim-submit' onClick={() => void submit()}>提交申报</View>
        </>
      )}
      <View className='section-title'>我的申报</View>
      <PendingList items={data.mine} onWithdraw={p => void act(() => call('pending.withdraw', { requestId: newRequestId(), pendingId: p.id }), '已撤回', reload)} />
    </View>
  )
}
