import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { GrantableRole } from '../../../core/contract/views'
import { ROLE_NAMES } from '../../../core/domain/roles'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useWrite } from '../../services/write'
import { Loading, Problem } from '../Problem'
import { WriteButton } from '../WriteButton'
import { readyToSend } from '../../services/form-check'
import { confirmFirst } from '../../services/confirm'
import { GrantList } from './GrantList'

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

  const write = useWrite()
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
      <WriteButton
        label={`授予${ROLE_NAMES[current]}`}
        submitting={write.submitting('roles.grant')}
        disabled={write.busy}
        onClick={() =>
          readyToSend({ openid, name, placeIds: places }) &&
          write.run('roles.grant', { openid, name, role: current, placeIds: places }, { done: '已授予', after: reload })
        }
      />
      <View className="section-title">现有人员</View>
      <GrantList
        grants={data.grants}
        revoking={g => write.submitting('roles.revoke', { openid: g.openid, role: g.role })}
        busy={write.busy}
        onRevoke={async g =>
          (await confirmFirst('收回角色', `收回${g.name}的${g.label}？`, '收回')) &&
          write.run(
            'roles.revoke',
            { openid: g.openid, role: g.role as GrantableRole },
            { done: '已收回', after: reload }
          )
        }
      />
    </View>
  )
}
