import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { PartyRuleView } from '../../../../../core/contract/party-views'
import {
  MEETING_NAMES,
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_NAMES,
  PARTY_RULE_GROUPS,
  partyRuleTerms,
  PartyRuleTerms
} from '../../../../../core/domain/party'
import { periodKeys } from '../../../../../core/domain/period'
import { CAP_PERIOD_NAMES } from '../../../../../core/domain/rules'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { Screen } from '../../../../components/Screen'
import { blankPartyTerms, PartyRuleForm } from '../../components/PartyRuleForm'
import '../../components/party.css'

const pointsText = ({ min, max }: PartyRuleView['points']) =>
  `${min > 0 ? '+' : ''}${min === max ? min : `${min}～${max}`}`

function RuleRow({ rule, onEdit }: { rule: PartyRuleView; onEdit: () => void }) {
  const everyone = rule.categories.length === MEMBER_CATEGORIES.length
  const facts = [
    rule.cap ? `${CAP_PERIOD_NAMES[rule.cap.period]}最多${rule.cap.max}分` : '不封顶',
    everyone ? '所有党员' : rule.categories.map(c => MEMBER_CATEGORY_NAMES[c]).join('、'),
    rule.meeting ? `${MEETING_NAMES[rule.meeting]}到会` : '',
    rule.claimable ? '可申报' : '',
    rule.evidenceRequired ? '要照片' : ''
  ].filter(Boolean)
  return (
    <View className="list__row" data-testid="party-rule" data-rule={rule.id}>
      <View className="list__body">
        <Text className="list__title">{rule.title}</Text>
        <Text className="list__meta">{facts.join(' · ')}</Text>
      </View>
      <Text className={`list__number ${rule.points.min < 0 ? 'minus' : 'plus'}`}>{pointsText(rule.points)}</Text>
      <Text className="list__action" data-testid="party-rule-edit" onClick={onEdit}>
        修改
      </Text>
    </View>
  )
}

/**
 * 党员积分细则 of a 支部书记 or 党务管理员: the branch's rules by group; adopting the town's template (what
 * the branch has is kept), changing a rule (its version goes up, entries keep what they were scored
 * by) or adding one; and the rating's settings, which the town sets.
 */
export default function PartyRulesPage() {
  const write = useWrite()
  const year = periodKeys(Date.now()).year
  const { data, problem, reload } = useLoad(
    useCallback(() => Promise.all([call('partyBranch.members', {}), call('partyRating.sheet', { year })]), [year])
  )
  // the rule being edited, or 'new', or nothing
  const [editing, setEditing] = useState<PartyRuleView | 'new' | null>(null)
  const save = async (terms: PartyRuleTerms) => {
    const ruleId = editing && editing !== 'new' ? editing.id : undefined
    await write.run(
      'partyBranch.saveRule',
      { ...(ruleId ? { ruleId } : {}), terms },
      { done: '已保存', after: () => reload().then(() => setEditing(null)) }
    )
  }
  const form = (initial: PartyRuleTerms, label: string) => (
    <PartyRuleForm
      initial={initial}
      submitLabel={label}
      submitting={write.submitting('partyBranch.saveRule')}
      disabled={write.busy}
      onSubmit={terms => void save(terms)}
      onCancel={() => setEditing(null)}
    />
  )
  return (
    <Screen data={data} problem={problem}>
      {([branch, sheet]) => (
        <>
          <View className="section-title">
            {branch.branchName} · 细则{branch.rules.length}条
          </View>
          <WriteButton
            label="采用镇里的细则模板"
            testid="party-adopt-template"
            submitting={write.submitting('partyBranch.adoptTemplate')}
            disabled={write.busy}
            onClick={() => write.run('partyBranch.adoptTemplate', {}, { done: '已采用', after: reload })}
          />
          <View className="muted">模板里本支部还没有的条目会加进来，已有的不变。</View>
          {editing === 'new' ? (
            form(blankPartyTerms(), '添加这条细则')
          ) : (
            <View className="button secondary" data-testid="party-rule-new" onClick={() => setEditing('new')}>
              ＋ 新增一条细则
            </View>
          )}
          {PARTY_RULE_GROUPS.map(group => {
            const rules = branch.rules.filter(r => r.group === group)
            if (rules.length === 0) return null
            return (
              <View key={group}>
                <View className="section-title">{group}</View>
                <View className="list">
                  {rules.map(r =>
                    editing !== 'new' && editing?.id === r.id ? (
                      <View key={r.id}>{form(partyRuleTerms(r), '保存修改')}</View>
                    ) : (
                      <RuleRow key={r.id} rule={r} onEdit={() => setEditing(r)} />
                    )
                  )}
                </View>
              </View>
            )
          })}
          {branch.rules.length === 0 ? <View className="notice muted">还没有细则，可以先采用镇里的模板。</View> : null}
          <View className="section-title">年终评星（镇党委定）</View>
          <View className="notice" data-testid="party-settings-summary">
            年终总分 = 基础分{sheet.settings.baseScore} + 全年积分 + 民主评议（最多{sheet.settings.reviewMax}分），满分
            {sheet.settings.scaleMax}。{sheet.settings.starThresholds.map((t, i) => `${i + 1}星${t}分`).join('，')}
            ，不到{sheet.settings.starThresholds[0]}分为不合格。
          </View>
        </>
      )}
    </Screen>
  )
}
