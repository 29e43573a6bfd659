import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ORGANISATION_KIND_NAMES, OrganisationKind } from '../../../../../core/domain/organisations'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { Screen } from '../../../../components/Screen'

const EMPTY_FORM = { name: '', phone: '', address: '', hours: '', intro: '' }

/**
 * 入驻单位管理: the county or a town registers an organisation for the towns it serves and grants its
 * staff their role; the person tells their 我的编号 (shown on 我的). Staff are granted by whoever
 * registered the organisation: a town administrator sees the county's too, but not to staff.
 */
export default function OrganisationAdminPage() {
  const load = useCallback(async () => {
    const [orgs, roles] = await Promise.all([call('org.list', {}), call('roles.list', {})])
    return { organisations: orgs.organisations, towns: roles.places.filter(p => p.kind === 'town') }
  }, [])
  const { data, problem, reload } = useLoad(load)
  const [kind, setKind] = useState<OrganisationKind>('police')
  const [form, setForm] = useState(EMPTY_FORM)
  const [staff, setStaff] = useState({ organisationId: '', openid: '', name: '' })
  const write = useWrite()
  const input = (label: string, value: string, set: (v: string) => void, testid?: string) => (
    <View className="field">
      <View className="field__label">{label}</View>
      <Input className="input" data-testid={testid} value={value} onInput={e => set(e.detail.value)} />
    </View>
  )
  return (
    <Screen problem={problem} data={data}>
      {d => (
        <>
          <View className="list">
            {d.organisations.map(o => (
              <View
                key={o.id}
                data-testid="org-admin-organisation"
                className={`list__row ${staff.organisationId === o.id ? 'list__row--mine' : ''}`}
                onClick={() => (o.canManage ? setStaff({ ...staff, organisationId: o.id }) : undefined)}
              >
                <View className="list__body">
                  <Text className="list__title">{o.name}</Text>
                  <Text className="list__meta">
                    {ORGANISATION_KIND_NAMES[o.kind]} · 服务{o.serves.join('、')}
                    {o.canManage ? '' : ' · 县里登记的，工作人员由县里授予'}
                  </Text>
                </View>
                {o.canManage ? <Text className="list__action">授予人员</Text> : null}
              </View>
            ))}
          </View>
          {staff.organisationId ? (
            <>
              {input(
                '工作人员的编号（我的编号）',
                staff.openid,
                v => setStaff({ ...staff, openid: v.trim() }),
                'org-staff-openid'
              )}
              {input('工作人员姓名', staff.name, v => setStaff({ ...staff, name: v }), 'org-staff-name')}
              <View
                className="button"
                data-testid="org-staff-grant"
                onClick={() => void write.run('org.grantStaff', staff, { done: '已授予', after: reload })}
              >
                授予这个单位的工作人员
              </View>
            </>
          ) : null}
          <View className="section-title">登记新单位</View>
          <View className="field">
            {(Object.keys(ORGANISATION_KIND_NAMES) as OrganisationKind[]).map(k => (
              <Text key={k} className={`chip ${k === kind ? 'chip--on' : ''}`} onClick={() => setKind(k)}>
                {ORGANISATION_KIND_NAMES[k]}
              </Text>
            ))}
          </View>
          {input('单位名称', form.name, v => setForm({ ...form, name: v }), 'org-name')}
          {input('电话', form.phone, v => setForm({ ...form, phone: v }), 'org-phone')}
          {input('地址', form.address, v => setForm({ ...form, address: v }))}
          {input('办公时间', form.hours, v => setForm({ ...form, hours: v }))}
          {input('简介', form.intro, v => setForm({ ...form, intro: v }))}
          <View
            className="button"
            data-testid="org-register"
            onClick={() =>
              void write.run(
                'org.save',
                { kind, ...form, townIds: d.towns.map(t => t.id) },
                // registered: the form starts again, so that the same press does not register it twice
                {
                  done: '已登记',
                  after: () => {
                    setForm(EMPTY_FORM)
                    return reload()
                  }
                }
              )
            }
          >
            登记（服务{d.towns.map(t => t.name).join('、')}）
          </View>
        </>
      )}
    </Screen>
  )
}
