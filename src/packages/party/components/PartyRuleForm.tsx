import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import {
  MEETING_NAMES,
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_NAMES,
  MeetingKind,
  PARTY_RULE_GROUPS,
  PartyRuleTerms
} from '../../../../core/domain/party'
import { CAP_PERIOD_NAMES } from '../../../../core/domain/rules'
import { WriteButton } from '../../../components/WriteButton'
import { NumberField } from './NumberField'

const CAPS = [null, 'month', 'quarter', 'year'] as const
const MEETINGS: (MeetingKind | null)[] = [null, 'threeMeetings', 'partyDay']
/** the contract's bound on a rule's points and caps */
const POINTS_MAX = 100

export const blankPartyTerms = (): PartyRuleTerms => ({
  group: PARTY_RULE_GROUPS[0],
  title: '',
  points: { min: 2, max: 2 },
  cap: null,
  evidenceRequired: false,
  categories: [...MEMBER_CATEGORIES],
  claimable: false,
  meeting: null
})

/** Choices as big buttons: one of them is on. */
function Choices<T>({
  options,
  value,
  label,
  testid,
  onChange
}: {
  options: readonly T[]
  value: T
  label: (v: T) => string
  testid: string
  onChange: (v: T) => void
}) {
  return (
    <View>
      {options.map(o => (
        <Text
          key={String(o)}
          className={`choice ${o === value ? 'choice--on' : ''}`}
          data-testid={testid}
          data-value={String(o)}
          onClick={() => onChange(o)}
        >
          {label(o)}
        </Text>
      ))}
    </View>
  )
}

/**
 * One party rule's terms, every one a tap: group, wording, points (fixed or a range; a deduction is
 * negative), cap, photos required, which categories of members it is for, whether members may claim it,
 * and whether it scores a meeting's attendance.
 */
export function PartyRuleForm({
  initial,
  submitLabel,
  submitting,
  disabled,
  onSubmit,
  onCancel
}: {
  initial: PartyRuleTerms
  submitLabel: string
  submitting: boolean
  disabled: boolean
  onSubmit: (terms: PartyRuleTerms) => void
  onCancel: () => void
}) {
  const [terms, setTerms] = useState<PartyRuleTerms>(initial)
  const set = (patch: Partial<PartyRuleTerms>) => setTerms({ ...terms, ...patch })
  const deduction = terms.points.max < 0
  const fixed = terms.points.min === terms.points.max
  const size = Math.abs(deduction ? terms.points.min : terms.points.max)
  const low = Math.abs(deduction ? terms.points.max : terms.points.min)
  /** points as the officer thinks of them: how much (and up to how much), added or taken away */
  const setPoints = (kind: 'add' | 'deduct', from: number, to: number) => {
    const a = Math.max(1, Math.min(from, to))
    const b = Math.max(a, to)
    set({ points: kind === 'add' ? { min: a, max: b } : { min: -b, max: -a } })
  }
  const toggleCategory = (c: (typeof MEMBER_CATEGORIES)[number]) => {
    const on = terms.categories.includes(c)
    if (on && terms.categories.length === 1) return // a rule is for at least one category
    set({
      categories: on
        ? terms.categories.filter(x => x !== c)
        : MEMBER_CATEGORIES.filter(x => x === c || terms.categories.includes(x))
    })
  }
  return (
    <View className="form-block" data-testid="party-rule-form">
      <View className="field__label">内容</View>
      <Input
        className="input"
        data-testid="party-rule-title"
        value={terms.title}
        maxlength={60}
        placeholder="例如：参加志愿服务"
        onInput={e => set({ title: e.detail.value })}
      />
      <View className="field__label">属于哪一类</View>
      <Choices
        options={PARTY_RULE_GROUPS}
        value={terms.group}
        label={g => g}
        testid="party-rule-group"
        onChange={group => set({ group })}
      />
      <View className="field__label">加分还是扣分</View>
      <Choices<'add' | 'deduct'>
        options={['add', 'deduct']}
        value={deduction ? 'deduct' : 'add'}
        label={k => (k === 'add' ? '加分' : '扣分')}
        testid="party-rule-sign"
        onChange={k => setPoints(k, low, size)}
      />
      <Choices<'fixed' | 'range'>
        options={['fixed', 'range']}
        value={fixed ? 'fixed' : 'range'}
        label={k => (k === 'fixed' ? '固定分值' : '分值有高有低')}
        testid="party-rule-kind"
        onChange={k => setPoints(deduction ? 'deduct' : 'add', low, k === 'fixed' ? low : low + 1)}
      />
      {fixed ? (
        <NumberField
          label={deduction ? '每次扣' : '每次加'}
          unit="分"
          value={size}
          min={1}
          max={POINTS_MAX}
          testid="party-rule-points"
          onChange={v => setPoints(deduction ? 'deduct' : 'add', v, v)}
        />
      ) : (
        <>
          <NumberField
            label="最少"
            unit="分"
            value={low}
            min={1}
            max={size}
            testid="party-rule-low"
            onChange={v => setPoints(deduction ? 'deduct' : 'add', v, size)}
          />
          <NumberField
            label="最多"
            unit="分"
            value={size}
            min={low}
            max={POINTS_MAX}
            testid="party-rule-high"
            onChange={v => setPoints(deduction ? 'deduct' : 'add', low, v)}
          />
        </>
      )}
      <View className="field__label">封顶</View>
      <Choices
        options={CAPS}
        value={terms.cap?.period ?? null}
        label={p => (p ? `${CAP_PERIOD_NAMES[p]}封顶` : '不封顶')}
        testid="party-rule-cap"
        onChange={p => set({ cap: p ? { period: p, max: terms.cap?.max ?? Math.min(POINTS_MAX, size * 4) } : null })}
      />
      {terms.cap ? (
        <NumberField
          label={`${CAP_PERIOD_NAMES[terms.cap.period]}最多`}
          unit="分"
          value={terms.cap.max}
          min={1}
          max={POINTS_MAX}
          testid="party-rule-cap-max"
          onChange={max => set({ cap: { ...terms.cap!, max } })}
        />
      ) : null}
      <View className="field__label">适用哪些党员</View>
      <View>
        {MEMBER_CATEGORIES.map(c => (
          <Text
            key={c}
            className={`choice ${terms.categories.includes(c) ? 'choice--on' : ''}`}
            data-testid="party-rule-category"
            data-value={c}
            onClick={() => toggleCategory(c)}
          >
            {MEMBER_CATEGORY_NAMES[c]}
          </Text>
        ))}
      </View>
      <View className="field__label">要不要照片，党员能不能自己申报</View>
      <View>
        <Text
          className={`choice ${terms.evidenceRequired ? 'choice--on' : ''}`}
          data-testid="party-rule-evidence"
          onClick={() => set({ evidenceRequired: !terms.evidenceRequired })}
        >
          {terms.evidenceRequired ? '☑' : '☐'} 必须附照片
        </Text>
        <Text
          className={`choice ${terms.claimable ? 'choice--on' : ''}`}
          data-testid="party-rule-claimable"
          onClick={() => set({ claimable: !terms.claimable })}
        >
          {terms.claimable ? '☑' : '☐'} 党员可以申报
        </Text>
      </View>
      <View className="field__label">是不是记会议用的</View>
      <Choices
        options={MEETINGS}
        value={terms.meeting}
        label={m => (m ? `${MEETING_NAMES[m]}到会` : '不是会议')}
        testid="party-rule-meeting"
        onChange={meeting => set({ meeting })}
      />
      <WriteButton
        label={submitLabel}
        testid="party-rule-save"
        submitting={submitting}
        disabled={disabled || terms.title.trim() === ''}
        onClick={() => onSubmit(terms)}
      />
      <View className="button secondary" onClick={onCancel}>
        不改了
      </View>
    </View>
  )
}
