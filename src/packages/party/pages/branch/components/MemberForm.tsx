import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { MemberRow } from '../../../../../../core/contract/party-views'
import {
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_NAMES,
  mayBeExempt,
  MemberCategory
} from '../../../../../../core/domain/party'
import { useWrite } from '../../../../../services/write'
import { readyToSend } from '../../../../../services/form-check'
import { WriteButton } from '../../../../../components/WriteButton'

/**
 * 登记党员 by hand (one who is in no household of the village: moved in, lives in town), or a member's
 * name, category and 免评 changed: a member who leaves to work elsewhere becomes 流动, one who falls ill
 * 老弱病残, and only those may be exempted from the rating. Entries keep the category they were scored in.
 */
export function MemberForm({
  member,
  onClose
}: {
  /** null: a new member */
  member: MemberRow | null
  /** back to the members; `saved` after a save, for the list to reload */
  onClose: (saved: boolean) => void
}) {
  const write = useWrite()
  const [name, setName] = useState(member?.name ?? '')
  const [category, setCategory] = useState<MemberCategory>(member?.category ?? 'unemployed')
  const [exempt, setExempt] = useState(member?.exempt ?? false)
  const exemptable = mayBeExempt(category)

  const save = async () => {
    if (!readyToSend({ name })) return
    const saved = await write.run(
      'partyBranch.saveMember',
      {
        memberId: member?.memberId,
        name: name.trim(),
        category,
        exempt: exemptable && exempt,
        householdId: member?.householdId ?? null
      },
      { done: '已保存' }
    )
    if (saved) onClose(true)
  }

  return (
    <View>
      <View className="section-title">{member ? `修改 ${member.name}` : '登记党员'}</View>
      <View className="field">
        <View className="field__label">姓名</View>
        <Input
          className="input"
          data-testid="member-name"
          value={name}
          maxlength={20}
          onInput={e => setName(e.detail.value)}
        />
      </View>
      <View className="field">
        <View className="field__label">哪一类党员</View>
        {MEMBER_CATEGORIES.map(c => (
          <Text
            key={c}
            className={`choice ${c === category ? 'choice--on' : ''}`}
            data-testid="member-category"
            data-value={c}
            onClick={() => setCategory(c)}
          >
            {MEMBER_CATEGORY_NAMES[c]}
          </Text>
        ))}
      </View>
      {exemptable ? (
        <View className="notice" data-testid="member-exempt" onClick={() => setExempt(!exempt)}>
          {exempt ? '☑' : '☐'} 免评（年底不参加评星）
        </View>
      ) : null}
      <WriteButton
        testid="member-save"
        label={member ? '保存' : '登记'}
        submitting={write.submitting('partyBranch.saveMember')}
        disabled={write.busy}
        onClick={save}
      />
      <View className="button secondary" onClick={() => onClose(false)}>
        返回
      </View>
    </View>
  )
}
