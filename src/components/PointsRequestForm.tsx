import { useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import type { RuleView } from '../../core/contract/views'
import Taro from '@tarojs/taro'
import { capRefusal, type CapsUsed } from '../../core/domain/rules'
import { RuleList } from './RuleList'
import { CapUse } from './CapUse'
import { PointsStepper } from './PointsStepper'
import { EvidencePicker } from './EvidencePicker'
import { WriteButton } from './WriteButton'
import { LocalPhotoPicker } from './staff/LocalPhotoPicker'
import { readyToSend } from '../services/form-check'

export interface PointsRequest {
  rule: RuleView
  points: number
  description: string
  evidence: string[]
}

/**
 * Asking for points (a villager's claim, a grid worker's proposal): pick a rule, set the points within
 * its range, say why, add photos. `onSubmit` resolves true when the request was taken, which clears
 * the form.
 */
export function PointsRequestForm(props: {
  rules: RuleView[]
  pickAction: string
  descriptionLabel: string
  placeholder: string
  submitLabel: string
  testid: string
  /**
   * the households asked for and their use of capped rules (a villager's own; a grid worker's chosen
   * ones, named): shown on the rule, and a request over a cap is stopped here
   */
  households?: { who: string; caps: CapsUsed }[]
  onSubmit: (request: PointsRequest) => Promise<boolean>
  /** the request is in flight (the button says 提交中) */
  submitting?: boolean
  /** photos stay on the phone as paths (the request may wait for a signal), not uploaded at once */
  photosOnPhone?: boolean
  /** a request being changed */
  initial?: PointsRequest
}) {
  const [rule, setRule] = useState<RuleView | null>(props.initial?.rule ?? null)
  const [points, setPoints] = useState(props.initial?.points ?? 0)
  const [description, setDescription] = useState(props.initial?.description ?? '')
  const [evidence, setEvidence] = useState<string[]>(props.initial?.evidence ?? [])

  const pick = (r: RuleView) => {
    setRule(r)
    setPoints(r.points.min > 0 ? r.points.min : r.points.max)
  }
  const submit = async () => {
    if (!rule || !readyToSend({ description })) return
    const overCap = (props.households ?? [])
      .map(h => ({ who: h.who, refusal: capRefusal(h.caps, rule, points, Date.now()) }))
      .find(h => h.refusal)
    if (overCap)
      return void Taro.showModal({
        title: '超过封顶分了',
        content: `${overCap.who}${overCap.refusal}`,
        showCancel: false
      })
    if (!(await props.onSubmit({ rule, points, description, evidence }))) return
    setRule(null)
    setDescription('')
    setEvidence([])
  }

  if (!rule)
    return (
      <RuleList
        rules={props.rules}
        onPick={pick}
        action={props.pickAction}
        caps={props.households?.length === 1 ? props.households[0].caps : undefined}
      />
    )
  return (
    <View>
      <View className="notice">
        <View>{rule.title}</View>
        <View className="muted" onClick={() => setRule(null)}>
          换一条
        </View>
      </View>
      {(props.households ?? []).map(h => (
        <CapUse key={h.who} caps={h.caps} rule={rule} who={h.who} />
      ))}
      <PointsStepper min={rule.points.min} max={rule.points.max} value={points} onChange={setPoints} />
      <View className="field">
        <View className="field__label">{props.descriptionLabel}</View>
        <Textarea
          className="textarea"
          data-testid={`${props.testid}-description`}
          value={description}
          maxlength={200}
          placeholder={props.placeholder}
          onInput={e => setDescription(e.detail.value)}
        />
      </View>
      <View className="field">
        <View className="field__label">照片{rule.evidenceRequired ? '（这条必须有）' : '（有的话更好）'}</View>
        {props.photosOnPhone ? (
          <LocalPhotoPicker files={evidence} onChange={setEvidence} />
        ) : (
          <EvidencePicker files={evidence} onChange={setEvidence} />
        )}
      </View>
      <WriteButton
        testid={`${props.testid}-submit`}
        label={props.submitLabel}
        submitting={props.submitting ?? false}
        onClick={submit}
      />
    </View>
  )
}
