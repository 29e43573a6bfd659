import { useState } from 'react'
import { Input, Picker, Switch, Text, View } from '@tarojs/components'
import type { Proposer, RuleTerms } from '../../../core/domain/rules'
import { CATEGORIES, CAP_PERIOD_NAMES } from '../../../core/domain/rules'
import { WriteButton } from '../WriteButton'

const PROPOSERS: { value: Proposer; label: string }[] = [
  { value: 'cadre', label: '村干部打分' },
  { value: 'gridWorker', label: '网格员提议' },
  { value: 'villager', label: '村民申报' }
]
const CAPS = [
  { value: null, label: '不封顶' },
  ...(['month', 'quarter', 'year'] as const).map(p => ({ value: p, label: `${CAP_PERIOD_NAMES[p]}封顶` }))
]

export const blankTerms = (): RuleTerms => ({
  category: CATEGORIES[0],
  title: '',
  points: { min: 5, max: 5 },
  cap: null,
  evidenceRequired: false,
  proposers: ['cadre']
})

/** One rule's terms: category, wording, points (fixed or a range, + or −), cap, photos, who may propose. */
export function RuleForm({
  initial,
  submitLabel,
  onSubmit,
  submitting = false
}: {
  initial: RuleTerms
  submitLabel: string
  onSubmit: (terms: RuleTerms) => void
  /** the save is in flight (the button says 提交中); a form that only collects terms leaves it false */
  submitting?: boolean
}) {
  const [terms, setTerms] = useState<RuleTerms>(initial)
  const set = (patch: Partial<RuleTerms>) => setTerms({ ...terms, ...patch })
  const number = (v: string) => (v === '' || v === '-' ? 0 : Math.trunc(Number(v)) || 0)
  const capIndex = CAPS.findIndex(c => c.value === (terms.cap?.period ?? null))
  return (
    <View>
      <View className="field">
        <View className="field__label">类别</View>
        <Picker
          mode="selector"
          range={[...CATEGORIES]}
          value={CATEGORIES.indexOf(terms.category as never)}
          onChange={e => set({ category: CATEGORIES[Number(e.detail.value)] })}
        >
          <View className="input">{terms.category}</View>
        </Picker>
      </View>
      <View className="field">
        <View className="field__label">内容</View>
        <Input
          className="input"
          data-testid="rule-title"
          value={terms.title}
          maxlength={60}
          placeholder="例如：宅前屋后干净整洁"
          onInput={e => set({ title: e.detail.value })}
        />
      </View>
      <View className="field">
        <View className="field__label">分值（扣分填负数；固定分值两格填一样）</View>
        <View style={{ display: 'flex', gap: '16px' }}>
          <Input
            className="input"
            type="text"
            value={String(terms.points.min)}
            onInput={e => set({ points: { ...terms.points, min: number(e.detail.value) } })}
          />
          <Text>到</Text>
          <Input
            className="input"
            type="text"
            value={String(terms.points.max)}
            onInput={e => set({ points: { ...terms.points, max: number(e.detail.value) } })}
          />
        </View>
      </View>
      <View className="field">
        <View className="field__label">封顶</View>
        <Picker
          mode="selector"
          range={CAPS.map(c => c.label)}
          value={capIndex}
          onChange={e => {
            const chosen = CAPS[Number(e.detail.value)].value
            set({
              cap: chosen
                ? {
                    period: chosen,
                    max: terms.cap?.max ?? Math.max(Math.abs(terms.points.min), Math.abs(terms.points.max))
                  }
                : null
            })
          }}
        >
          <View className="input">{CAPS[capIndex].label}</View>
        </Picker>
        {terms.cap ? (
          <Input
            className="input"
            type="number"
            value={String(terms.cap.max)}
            onInput={e => set({ cap: { ...terms.cap!, max: number(e.detail.value) } })}
          />
        ) : null}
      </View>
      <View className="field" style={{ display: 'flex', justifyContent: 'space-between' }}>
        <Text>必须拍照</Text>
        <Switch
          checked={terms.evidenceRequired}
          color="#c8321e"
          onChange={e => set({ evidenceRequired: e.detail.value })}
        />
      </View>
      <View className="field">
        <View className="field__label">谁可以提出</View>
        {PROPOSERS.map(p => (
          <Text
            key={p.value}
            className={`chip ${terms.proposers.includes(p.value) ? 'chip--on' : ''}`}
            onClick={() =>
              set({
                proposers: terms.proposers.includes(p.value)
                  ? terms.proposers.filter(x => x !== p.value)
                  : [...terms.proposers, p.value]
              })
            }
          >
            {p.label}
          </Text>
        ))}
      </View>
      <WriteButton testid="rule-submit" label={submitLabel} submitting={submitting} onClick={() => onSubmit(terms)} />
    </View>
  )
}
