import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { GrantableRole } from '../../../core/contract/views'
import { ROLE_NAMES } from '../../../core/domain/roles'
import { formatDateTime } from '../../../core/domain/period'
import { call, newRequestId } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { Loading, Problem } from '../Problem'
import { act as runAction, confirmFirst } from '../../services/act'
import { readyToSend } from '../../services/form-check'

const PLACE_KIND: Record<GrantableRole, string> = {
  countyAdmin: 'county',
  townAdmin: 'town',
  cadre: 'village',
  gridWorker: 'grid'
}

/** Who holds the roles this user may grant, granting one (by the person's 我的编号) and taking it back. */
export function RolesManager() {
  const { data, problem, reload } = useLoad(useCallback(() => call('roles.list', {}), []))
  const [openid, setOpenid] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<GrantableRole | null>(null)
  const [places, setPlaces] = useState<string[]>([])

  const act = (work: () => Promise<unknown>, done: string) => runAction(work, done, reload)
  if (problem) return <Problem problem={problem} />
  if (!data) return <Loading />
  const grantable = data.grantable as GrantableRole[]
  const current = role ?? grantable[0]
  const options = data.places.filter(p => p.kind === PLACE_KIND[current])
  const togglePlace = (id: string) =>
    setPlaces(current === 'gridWorker' ? (places.includes(id) ? places.filter(p => p !== id) : [...places, id]) : [id])

  return (
    <View>
      <View className="section-title">授予角色</View>
      <View className="field">
        <View className="field__label">对方的编号（在对方小程序“我的”页面里）</View>
        <Input className="input" value={openid} onInput={e => setOpenid(e.detail.value.trim())} />
      </View>
      <View className="field">
        <View className="field__label">对方姓名</View>
        <Input className="input" value={name} maxlength={20} onInput={e => setName(e.detail.value)} />
      </View>
      <View className="field">
        {grantable.map(r => (
          <Text
            key={r}
            className={`chip ${r === current ? 'chip--on' : ''}`}
            onClick={() => {
              setRole(r)
              setPlaces([])
            }}
          >
            {ROLE_NAMES[r]}
          </Text>
        ))}
        <View>
          {options.map(p => (
            <Text
              key={p.id}
              className={`chip ${places.includes(p.id) ? 'chip--on' : ''}`}
              onClick={() => togglePlace(p.id)}
            >
              {p.name}
            </Text>
          ))}
        </View>
      </View>
      <View
        className="button"
        onClick={() =>
          readyToSend({ openid, name, placeIds: places }) &&
          void act(
            () => call('roles.grant', { requestId: newRequestId(), openid, name, role: current, placeIds: places }),
            '已授予'
          )
        }
      >
        授予{ROLE_NAMES[current]}
      </View>
      <View className="section-title">现有人员</View>
      <View className="list">
        {data.grants.map(g => (
          <View key={`${g.openid}-${g.role}`} className="list__row">
            <View className="list__body">
              <Text className="list__title">
                {g.name} · {g.label}
              </Text>
              <Text className="list__meta">
                {g.placeNames.join('、')} · {formatDateTime(g.at)}
              </Text>
            </View>
            <Text
              className="list__action"
              onClick={async () =>
                (await confirmFirst('收回角色', `收回${g.name}的${g.label}？`, '收回')) &&
                void act(
                  () =>
                    call('roles.revoke', {
                      requestId: newRequestId(),
                      openid: g.openid,
                      role: g.role as GrantableRole
                    }),
                  '已收回'
                )
              }
            >
              收回
            </Text>
          </View>
        ))}
        {data.grants.length === 0 ? <View className="list__row muted">还没有</View> : null}
      </View>
    </View>
  )
}
