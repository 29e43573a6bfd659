import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { RouteResult } from '../../../../../../core/contract/routes'
import type { PartyActView } from '../../../../../../core/contract/party-views'
import { useWrite } from '../../../../../services/write'
import { WriteButton } from '../../../../../components/WriteButton'
import { EvidencePicker } from '../../../../../components/EvidencePicker'

type Branch = RouteResult<'partyBranch.members'>
type Mark = 'present' | 'absent' | 'leave'
const MARKS: { value: Mark; label: string }[] = [
  { value: 'present', label: '到会' },
  { value: 'absent', label: '缺席' },
  { value: 'leave', label: '请假' }
]

/**
 * 记会议: pick the meeting (三会一课, 主题党日), mark each member 到会 / 缺席 / 请假, and record it in
 * one act: every member present gets the meeting's points, those absent without leave the deduction.
 * One request id from the first tap until it is recorded, so pressing twice records once.
 */
export function MeetingTab({ branch, reload }: { branch: Branch; reload: () => Promise<void> }) {
  const meetings = branch.rules.filter(r => r.meeting)
  const deduction = branch.rules.find(r => r.points.max < 0 && r.title.includes('缺席')) ?? null
  const [ruleId, setRuleId] = useState(meetings[0]?.id ?? '')
  const [marks, setMarks] = useState<Record<string, Mark>>({})
  const [deduct, setDeduct] = useState(true)
  const [note, setNote] = useState('')
  const [evidence, setEvidence] = useState<string[]>([])
  const write = useWrite()
  const [done, setDone] = useState<PartyActView | null>(null)
  const meeting = meetings.find(r => r.id === ruleId)
  const photosNeeded = Boolean(meeting?.evidenceRequired || (deduct && deduction?.evidenceRequired))
  const markOf = (id: string) => marks[id] ?? 'present'
  const ids = (m: Mark) => branch.members.filter(x => markOf(x.memberId) === m).map(x => x.memberId)

  // the same marks sent again (after no signal) keep their request id: the meeting is recorded once
  const record = async () => {
    const act = await write.run(
      'partyScore.meeting',
      {
        ruleId,
        presentIds: ids('present'),
        absentIds: ids('absent'),
        absentRuleId: deduct && deduction ? deduction.id : null,
        note,
        evidence
      },
      { done: '已记录', after: reload }
    )
    if (act) {
      setDone(act)
      setEvidence([])
    }
  }

  if (done)
    return (
      <View className="notice" data-testid="meeting-done">
        <View>
          {done.title}：{done.applied}人已记分{done.skipped ? `，${done.skipped}人未记（已到封顶或不适用）` : ''}
        </View>
        {done.lines.map(l => (
          <View key={l.memberId} className="muted">
            {l.name} {l.status === 'applied' ? (l.points > 0 ? `+${l.points}` : l.points) : '未记'}
          </View>
        ))}
        <View className="button secondary" onClick={() => setDone(null)}>
          再记一次会议
        </View>
      </View>
    )
  return (
    <View>
      <View className="section-title">什么会</View>
      <View>
        {meetings.map(r => (
          <Text
            key={r.id}
            className={`choice ${r.id === ruleId ? 'choice--on' : ''}`}
            data-testid="meeting-rule"
            data-rule={r.id}
            onClick={() => setRuleId(r.id)}
          >
            {r.title} +{r.points.min}
          </Text>
        ))}
      </View>
      <View className="section-title">
        到会{ids('present').length}人 · 缺席{ids('absent').length}人 · 请假{ids('leave').length}人
      </View>
      <View className="list">
        {branch.members.map(m => (
          <View key={m.memberId} className="list__row" data-testid="meeting-member" data-member={m.memberId}>
            <View className="list__body">
              <Text className="list__title">{m.name}</Text>
            </View>
            {MARKS.map(k => (
              <Text
                key={k.value}
                className={`choice ${markOf(m.memberId) === k.value ? 'choice--on' : ''}`}
                data-mark={k.value}
                onClick={() => setMarks({ ...marks, [m.memberId]: k.value })}
              >
                {k.label}
              </Text>
            ))}
          </View>
        ))}
      </View>
      {deduction ? (
        <View className="notice" onClick={() => setDeduct(!deduct)} data-testid="meeting-deduct">
          {deduct ? '☑' : '☐'} 无故缺席的扣分（{deduction.points.max}分）
        </View>
      ) : null}
      <Input className="input" value={note} placeholder="会议内容（可不填）" onInput={e => setNote(e.detail.value)} />
      <View className="field__label">会议照片{photosNeeded ? '（这个会必须拍照）' : '（可不拍）'}</View>
      <EvidencePicker files={evidence} onChange={setEvidence} />
      <WriteButton
        label={`记录会议，到会${ids('present').length}人`}
        testid="meeting-submit"
        submitting={write.submitting('partyScore.meeting')}
        disabled={write.busy || !ruleId || (photosNeeded && evidence.length === 0)}
        onClick={record}
      />
    </View>
  )
}
