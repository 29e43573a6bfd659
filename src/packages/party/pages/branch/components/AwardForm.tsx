import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MemberRow, PartyRuleView } from '../../../../../../core/contract/party-views'
import { CAP_PERIOD_NAMES } from '../../../../../../core/domain/rules'
import { PARTY_RULE_GROUPS } from '../../../../../../core/domain/party'
import { useWrite } from '../../../../../services/write'
import { WriteButton } from '../../../../../components/WriteButton'
import { PointsStepper } from '../../../../../components/PointsStepper'
import { EvidencePicker } from '../../../../../components/EvidencePicker'

const pointsText = ({ min, max }: PartyRuleView['points']) =>
  `${min > 0 ? '+' : ''}${min === max ? min : `${min}～${max}`}`

/**
 * 给一个党员记分 by a rule of the branch that no meeting or claim gives (党费, 急难险重, a deduction for
 * 违反党纪…): the rules for the member's category, the points within the rule's range, a note, the
 * photo a rule asks for. Meetings' attendance is recorded on 记会议, all present at once.
 */
export function AwardForm({
  member,
  rules,
  onClose
}: {
  member: MemberRow
  rules: PartyRuleView[]
  /** back to the members; `scored` after a successful award, for the list to reload */
  onClose: (scored: boolean) => void
}) {
  const write = useWrite()
  const [rule, setRule] = useState<PartyRuleView | null>(null)
  const [points, setPoints] = useState(0)
  const [note, setNote] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])
  const usable = rules.filter(r => r.active && !r.meeting && r.categories.includes(member.category))

  const pick = (r: PartyRuleView) => {
    setRule(r)
    setPoints(r.points.min > 0 ? r.points.max : r.points.min)
  }
  const submit = async () => {
    if (!rule) return
    const act = await write.run(
      'partyScore.award',
      { memberId: member.memberId, ruleId: rule.id, points, note, evidence },
      { failTitle: '没有记上' }
    )
    if (!act) return
    await Taro.showModal({
      title: '已记分',
      content: `${member.name} ${points > 0 ? '+' : ''}${points}分：${rule.title}`,
      showCancel: false
    })
    onClose(true)
  }

  if (!rule)
    return (
      <View>
        <View className="section-title">给 {member.name} 记分</View>
        <View className="muted">会议到会在“记会议”里一次记全体。</View>
        {PARTY_RULE_GROUPS.map(group => {
          const list = usable.filter(r => r.group === group)
          return list.length ? (
            <View key={group}>
              <View className="section-title">{group}</View>
              <View className="list">
                {list.map(r => (
                  <View
                    key={r.id}
                    className="list__row"
                    data-testid="award-rule"
                    data-rule={r.id}
                    onClick={() => pick(r)}
                  >
                    <View className="list__body">
                      <Text className="list__title">{r.title}</Text>
                      <Text className="list__meta">
                        {r.cap ? `${CAP_PERIOD_NAMES[r.cap.period]}最多${r.cap.max}分` : '不封顶'}
                        {r.evidenceRequired ? ' · 要照片' : ''}
                      </Text>
                    </View>
                    <Text className={`list__number ${r.points.min < 0 ? 'minus' : 'plus'}`}>
                      {pointsText(r.points)}
                    </Text>
                  </View>
                ))}
              </View>
            </View>
          ) : null
        })}
        {usable.length === 0 ? <View className="notice">没有适用于这位党员的细则。</View> : null}
        <View className="button secondary" onClick={() => onClose(false)}>
          返回
        </View>
      </View>
    )
  return (
    <View>
      <View className="section-title">给 {member.name} 记分</View>
      <View className="notice">
        <View>
          {rule.group} · {rule.title}
        </View>
        <View className="muted" onClick={() => setRule(null)}>
          换一条细则
        </View>
      </View>
      <PointsStepper min={rule.points.min} max={rule.points.max} value={points} onChange={setPoints} />
      <Input
        className="input"
        value={note}
        maxlength={200}
        placeholder="说明（可不填）"
        onInput={e => setNote(e.detail.value)}
      />
      <View className="field__label">照片{rule.evidenceRequired ? '（这条必须拍照）' : '（可不拍）'}</View>
      <EvidencePicker files={evidence} onChange={setEvidence} />
      <WriteButton
        testid="award-submit"
        label={`确认给${member.name}${points > 0 ? '加' : '扣'}${Math.abs(points)}分`}
        submitting={write.submitting('partyScore.award')}
        disabled={write.busy || (rule.evidenceRequired && evidence.length === 0)}
        onClick={submit}
      />
      <View className="button secondary" onClick={() => onClose(false)}>
        不记了
      </View>
    </View>
  )
}
