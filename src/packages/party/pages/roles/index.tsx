import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { PartyRoleName } from '../../../../../core/contract/party-views'
import { ROLE_NAMES } from '../../../../../core/domain/roles'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { GrantList } from '../../../../components/staff/GrantList'
import { Screen } from '../../../../components/Screen'
import { branchName } from '../../components/branch-name'
import '../../components/party.css'

/** what each role is for, in a line the granter reads before choosing */
const ROLE_HINTS: Record<PartyRoleName, string> = {
  branchSecretary: '管一个党支部：记会议、审核申报、公示、评星',
  partyClerk: '帮支部书记记分、审核、公示',
  townPartyAdmin: '管全镇的党支部：看积分、公示评星、给党组织评星'
}

/**
 * 党务角色: a village's cadre or the town's administrator makes someone a branch's 支部书记 or
 * 党务管理员, the town's or county's administrator a town's 镇党委管理员; the person is named by their
 * 我的编号 (on their own 我的 page) and their name, the place by its name. Holders are listed with 收回.
 */
export default function PartyRolesPage() {
  const write = useWrite()
  const { data, problem, reload } = useLoad(useCallback(() => call('partyRole.list', {}), []))
  const [openid, setOpenid] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<PartyRoleName | null>(null)
  const [placeId, setPlaceId] = useState('')
  const grant = (current: PartyRoleName) =>
    write.run(
      'partyRole.grant',
      { openid, name, role: current, placeId },
      {
        done: '已授予',
        after: () => {
          setOpenid('')
          setName('')
          setPlaceId('')
          return reload()
        }
      }
    )
  return (
    <Screen data={data} problem={problem}>
      {view => {
        const current = role ?? view.grantable[0]
        const places =
          current === 'townPartyAdmin'
            ? view.towns.map(t => ({ id: t.id, label: t.name }))
            : view.branches.map(b => ({ id: b.id, label: branchName(b) }))
        // the button stays grey until the form is whole: say what is still missing, not nothing
        const missing = [
          places.some(p => p.id === placeId) ? null : current === 'townPartyAdmin' ? '选一个镇' : '选一个党支部',
          openid === '' ? '填对方的编号' : null,
          name.trim() === '' ? '填对方姓名' : null
        ].filter(Boolean)
        const ready = missing.length === 0
        return (
          <>
            <View className="section-title">授予党务角色</View>
            <View className="form-block">
              <View className="field__label">什么角色</View>
              <View>
                {view.grantable.map(r => (
                  <Text
                    key={r}
                    className={`choice ${r === current ? 'choice--on' : ''}`}
                    data-testid="party-role-choice"
                    data-value={r}
                    onClick={() => {
                      setRole(r)
                      setPlaceId('')
                    }}
                  >
                    {ROLE_NAMES[r]}
                  </Text>
                ))}
              </View>
              {current ? <View className="muted">{ROLE_HINTS[current]}</View> : null}
              <View className="field__label">{current === 'townPartyAdmin' ? '哪个镇' : '哪个党支部'}</View>
              <View>
                {places.map(p => (
                  <Text
                    key={p.id}
                    className={`choice ${p.id === placeId ? 'choice--on' : ''}`}
                    data-testid="party-role-place"
                    data-value={p.id}
                    onClick={() => setPlaceId(p.id)}
                  >
                    {p.label}
                  </Text>
                ))}
                {places.length === 0 ? <View className="muted">还没有党支部</View> : null}
              </View>
              <View className="field__label">对方的编号（在对方小程序“我的”页面里）</View>
              <Input
                className="input"
                data-testid="party-role-openid"
                value={openid}
                onInput={e => setOpenid(e.detail.value.trim())}
              />
              <View className="field__label">对方姓名</View>
              <Input
                className="input"
                data-testid="party-role-name"
                value={name}
                maxlength={20}
                onInput={e => setName(e.detail.value)}
              />
              <WriteButton
                label={current ? `授予${ROLE_NAMES[current]}` : '授予'}
                testid="party-role-grant"
                submitting={write.submitting('partyRole.grant')}
                disabled={write.busy || !ready || !current}
                onClick={() => grant(current)}
              />
              {current && !ready ? (
                <View className="muted" data-testid="party-role-missing">
                  还要{missing.join('、')}
                </View>
              ) : null}
            </View>
            <View className="section-title">现有人员</View>
            <GrantList
              grants={view.grants}
              testids={{ row: 'party-role-holder', revoke: 'party-role-revoke' }}
              revoking={g => write.submitting('partyRole.revoke', { openid: g.openid, role: g.role })}
              busy={write.busy}
              onRevoke={g =>
                write.run(
                  'partyRole.revoke',
                  { openid: g.openid, role: g.role as PartyRoleName },
                  { done: '已收回', after: reload }
                )
              }
            />
          </>
        )
      }}
    </Screen>
  )
}
