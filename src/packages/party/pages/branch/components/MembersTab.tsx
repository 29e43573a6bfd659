import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RouteResult } from '../../../../../../core/contract/routes'
import type { MemberRow } from '../../../../../../core/contract/party-views'
import { MEMBER_CATEGORIES, MEMBER_CATEGORY_NAMES } from '../../../../../../core/domain/party'
import { useWrite } from '../../../../../services/write'
import { AwardForm } from './AwardForm'
import { MemberForm } from './MemberForm'

type Branch = RouteResult<'partyBranch.members'>

/** What takes the tab's place: scoring a member, changing one, or registering a new one. */
type Open = { kind: 'award'; member: MemberRow } | { kind: 'edit'; member: MemberRow | null } | null

/**
 * Members by category with this year's and this quarter's points; scoring one member (记分); changing a
 * member or registering one (修改, 登记党员); bind codes; members from households.
 */
export function MembersTab({ branch, reload }: { branch: Branch; reload: () => Promise<void> }) {
  const [code, setCode] = useState<{ memberId: string; code: string } | null>(null)
  const [open, setOpen] = useState<Open>(null)
  const write = useWrite()
  const issue = async (memberId: string) => {
    const issued = await write.run('partyBranch.bindCode', { memberId })
    if (issued) setCode({ memberId, code: issued.code })
  }
  const show = (next: Open) => {
    setOpen(next)
    // the form takes the tab's place: show its top, not where the member's row was
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  const close = async (changed: boolean) => {
    setOpen(null)
    if (changed) await reload()
  }
  if (open?.kind === 'award') return <AwardForm member={open.member} rules={branch.rules} onClose={close} />
  if (open?.kind === 'edit') return <MemberForm member={open.member} onClose={close} />
  return (
    <View>
      {MEMBER_CATEGORIES.map(category => {
        const list = branch.members.filter(m => m.category === category)
        return (
          <View key={category}>
            <View className="section-title">
              {MEMBER_CATEGORY_NAMES[category]} {list.length}人
            </View>
            <View className="list">
              {list.map(m => (
                <View key={m.memberId} className="list__row" data-testid="branch-member" data-member={m.memberId}>
                  <View className="list__body">
                    <Text className="list__title">
                      {m.name}
                      {m.exempt ? '（免评）' : ''}
                    </Text>
                    <Text className="list__meta">
                      本季度{m.scoredThisQuarter ? `${m.quarterPoints >= 0 ? '+' : ''}${m.quarterPoints}` : '还没记分'}
                      {m.bound ? ' · 已绑定微信' : ''}
                    </Text>
                    {code?.memberId === m.memberId ? (
                      <Text className="list__title" data-testid="bind-code">
                        绑定码 {code.code}（7天内有效）
                      </Text>
                    ) : null}
                  </View>
                  <View className="list__figure" data-testid="member-year">
                    <Text className="list__number">{m.yearPoints}</Text>
                    <Text className="list__meta">今年</Text>
                  </View>
                  <Text
                    className="list__action"
                    data-testid="award-member"
                    onClick={() => show({ kind: 'award', member: m })}
                  >
                    记分
                  </Text>
                  <Text
                    className="list__action muted"
                    data-testid="member-edit"
                    onClick={() => show({ kind: 'edit', member: m })}
                  >
                    修改
                  </Text>
                  {m.bound ? null : (
                    <Text className="list__action" onClick={() => void issue(m.memberId)}>
                      绑定码
                    </Text>
                  )}
                </View>
              ))}
              {list.length === 0 ? <View className="list__row muted">没有</View> : null}
            </View>
          </View>
        )
      })}
      <View className="button secondary" data-testid="member-new" onClick={() => show({ kind: 'edit', member: null })}>
        ＋ 登记党员（不在本村家庭户里的）
      </View>
      <View
        className="button secondary"
        onClick={() => void write.run('partyBranch.fromHouseholds', {}, { done: '已导入', after: reload })}
      >
        把家庭户里标了党员的人加进来
      </View>
    </View>
  )
}
