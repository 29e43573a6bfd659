import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RouteResult } from '../../../../../../core/contract/routes'
import type { MemberRow } from '../../../../../../core/contract/party-views'
import { MEMBER_CATEGORIES, MEMBER_CATEGORY_NAMES } from '../../../../../../core/domain/party'
import { useWrite } from '../../../../../services/write'
import { AwardForm } from './AwardForm'

type Branch = RouteResult<'partyBranch.members'>

/**
 * Members by category with this year's and this quarter's points; scoring one member (记分); bind codes;
 * members from households.
 */
export function MembersTab({ branch, reload }: { branch: Branch; reload: () => Promise<void> }) {
  const [code, setCode] = useState<{ memberId: string; code: string } | null>(null)
  const [awarding, setAwarding] = useState<MemberRow | null>(null)
  const write = useWrite()
  const issue = async (memberId: string) => {
    const issued = await write.run('partyBranch.bindCode', { memberId })
    if (issued) setCode({ memberId, code: issued.code })
  }
  const award = (member: MemberRow) => {
    setAwarding(member)
    // the form takes the tab's place: show its top, not where the member's row was
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }
  if (awarding)
    return (
      <AwardForm
        member={awarding}
        rules={branch.rules}
        onClose={async scored => {
          setAwarding(null)
          if (scored) await reload()
        }}
      />
    )
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
                  <Text className="list__action" data-testid="award-member" onClick={() => award(m)}>
                    记分
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
      <View
        className="button secondary"
        onClick={() => void write.run('partyBranch.fromHouseholds', {}, { done: '已导入', after: reload })}
      >
        把家庭户里标了党员的人加进来
      </View>
    </View>
  )
}
