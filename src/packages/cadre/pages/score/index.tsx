import { useCallback, useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { RuleView } from '../../../../../core/contract/views'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLargeFont } from '../../../../services/large-font'
import { CapUse } from '../../../../components/CapUse'
import { RuleList } from '../../../../components/RuleList'
import { Loading, Problem } from '../../../../components/Problem'
import { PointsStepper } from '../../../../components/PointsStepper'
import { EvidencePicker } from '../../../../components/EvidencePicker'

/** Scoring one household: pick the rule, set the points within its range, note and photos, confirm. */
export default function ScorePage() {
  const large = useLargeFont()
  const { id: householdId = '', plate = '' } = useRouter().params
  const { data, problem } = useLoad(
    useCallback(async () => {
      const [catalogue, household] = await Promise.all([
        call('rules.list', {}),
        call('cadre.household', { householdId })
      ])
      return { rules: catalogue.rules, caps: household.summary.caps }
    }, [householdId])
  )
  const [rule, setRule] = useState<RuleView | null>(null)
  const [points, setPoints] = useState(0)
  const [note, setNote] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])
  const write = useWrite()

  const pick = (r: RuleView) => {
    setRule(r)
    setPoints(r.points.min > 0 ? r.points.max : r.points.min)
  }
  const submit = async () => {
    if (!rule) return
    const done = await write.run(
      'score.award',
      { householdId, ruleId: rule.id, points, note, evidence },
      { failTitle: '没有记上' }
    )
    if (!done) return
    await Taro.showModal({
      title: '已记分',
      content: `${decodeURIComponent(plate)} ${points > 0 ? '+' : ''}${points} 分，现在共 ${done.balance} 分`,
      showCancel: false
    })
    Taro.navigateBack()
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
  const usable = data.rules.filter(r => r.active && r.proposers.includes('cadre'))
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="section-title">给 {decodeURIComponent(plate)} 打分</View>
      {!rule ? (
        <RuleList rules={usable} onPick={pick} action="选这条" caps={data.caps} />
      ) : (
        <>
          <View className="notice">
            <View>
              {rule.category} · {rule.title}
            </View>
            <View className="muted" onClick={() => setRule(null)}>
              换一条细则
            </View>
          </View>
          <CapUse caps={data.caps} rule={rule} />
          <PointsStepper min={rule.points.min} max={rule.points.max} value={points} onChange={setPoints} />
          <View className="field">
            <View className="field__label">说明（可不填）</View>
            <Textarea
              className="textarea"
              value={note}
              maxlength={200}
              placeholder="例如：4月月检，院坝干净"
              onInput={e => setNote(e.detail.value)}
            />
          </View>
          <View className="field">
            <View className="field__label">照片{rule.evidenceRequired ? '（这条必须拍照）' : '（可不拍）'}</View>
            <EvidencePicker files={evidence} onChange={setEvidence} />
          </View>
          <WriteButton
            testid="score-submit"
            label={`确认${points > 0 ? '加' : '扣'} ${Math.abs(points)} 分`}
            submitting={write.submitting('score.award')}
            onClick={submit}
          />
        </>
      )}
    </View>
  )
}
