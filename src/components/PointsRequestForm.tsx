import { useState } from 'react'
import { Textarea, View } from '@tarojs/components'
import type { RuleView } from '../../core/contract/views'
import { RuleList } from './RuleList'
import { PointsStepper } from './PointsStepper'
import { EvidencePicker } from './EvidencePicker'
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
  onSubmit: (request: PointsRequest) => Promise<boolean>
}) {
  const [rule, setRule] = useState<RuleView | null>(null)
  const [points, setPoints] = useState(0)
  const [description, setDescription] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])

  const pick = (r: RuleView) => {
    setRule(r)
    setPoints(r.points.min > 0 ? r.points.min : r.points.max)
  }
  const submit = async () => {
    if (!rule || !readyToSend({ description })) return
    if (!(await props.onSubmit({ rule, points, description, evidence }))) return
    setRule(null)
    setDescription('')
    setEvidence([])
  }

  if (!rule) return <RuleList rules={props.rules} onPick={pick} action={props.pickAction} />
  return (
    <View>
      <View className="notice">
        <View>{rule.title}</View>
        <View className="muted" onClick={() => setRule(null)}>
          换一条
        </View>
      </View>
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
        <EvidencePicker files={evidence} onChange={setEvidence} />
      </View>
      <View className="button" data-testid={`${props.testid}-submit`} onClick={() => void submit()}>
        {props.submitLabel}
      </View>
    </View>
  )
}
