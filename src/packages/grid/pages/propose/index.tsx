import { useCallback, useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { RuleView } from '../../../../../core/contract/views'
import { call, newRequestId } from '../../../../services/api'
import { asApiError, useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { RuleList } from '../../../../components/RuleList'
import { HouseholdPicker } from '../../../../components/HouseholdPicker'
import { PointsStepper } from '../../../../components/PointsStepper'
import { EvidencePicker } from '../../../../components/EvidencePicker'
import { Loading, Problem } from '../../../../components/Problem'

/** 提议加分 (or 扣分) for households of my grids, by a rule open to grid workers; the cadre reviews it. */
export default function ProposePage() {
  const large = useLargeFont()
  const { households: preset = '', log } = useRouter().params
  const { data, problem } = useLoad(useCallback(async () => {
    const [rules, mine] = await Promise.all([call('archive.rules', {}), call('grid.households', {})])
    return { rules: rules.rules.filter(r => r.proposers.includes('gridWorker')), households: mine.households }
  }, []))
  const [chosen, setChosen] = useState<string[]>(preset ? preset.split(',') : [])
  const [rule, setRule] = useState<RuleView | null>(null)
  const [points, setPoints] = useState(0)
  const [description, setDescription] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])
  const [requestId] = useState(newRequestId)

  const submit = async () => {
    if (!rule) return
    try {
      const done = await call('grid.propose', { requestId, logId: log || undefined, householdIds: chosen, ruleId: rule.id, points, description, evidence })
      await Taro.showModal({ title: '已提议', content: `${done.items.length}户，等村干部审核`, showCancel: false })
      Taro.navigateBack()
    } catch (e) {
      Taro.showModal({ title: '没有提交', content: asApiError(e).message, showCancel: false })
    }
  }

  if (problem) return <View className='page'><Problem problem={problem} /></View>
  if (!data) return <View className='page'><Loading /></View>
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className='field'>
        <View className='field__label'>给哪些户（已选{chosen.length}户）</View>
        <HouseholdPicker households={data.households} chosen={chosen} onChange={setChosen} />
      </View>
      {!rule ? (
        <RuleList rules={data.rules} onPick={r => { setRule(r); setPoints(r.points.min > 0 ? r.points.min : r.points.max) }} action='选这条' />
      ) : (
        <>
          <View className='notice'>
            <View>{rule.title}</View>
            <View className='muted' onClick={() => setRule(null)}>换一条</View>
          </View>
          <PointsStepper min={rule.points.min} max={rule.points.max} value={points} onChange={setPoints} />
          <View className='field'>
            <View className='field__label'>依据（必填）</View>
            <Textarea className='textarea' data-testid='proposal-description' value={description} maxlength={200} placeholder='例如：夜间巡逻发现并报告了隐患' onInput={e => setDescription(e.detail.value)} />
          </View>
          <View className='field'>
            <View className='field__label'>照片{rule.evidenceRequired ? '（必须有）' : ''}</View>
            <EvidencePicker files={evidence} onChange={setEvidence} />
          </View>
          <View className='button' data-testid='proposal-submit' onClick={() => void submit()}>提交给村干部审核</View>
        </>
      )}
    </View>
  )
}
