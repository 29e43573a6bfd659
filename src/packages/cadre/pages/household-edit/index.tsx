import { useCallback, useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { MemberView, PlaceOption } from '../../../../../core/contract/views'
import { call } from '../../../../services/api'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'

interface Draft {
  doorPlate: string
  head: string
  groupId: string
  gridId: string
  members: MemberView[]
}

/** 登记家庭户: a new household of the village, or changes to one (its points are never touched here). */
export default function HouseholdEditPage() {
  const large = useLargeFont()
  const householdId = useRouter().params.id
  const load = useCallback(async (): Promise<{ draft: Draft; places: PlaceOption[] }> => {
    if (householdId) {
      const d = await call('cadre.household', { householdId })
      return {
        draft: {
          doorPlate: d.summary.doorPlate,
          head: d.summary.head,
          groupId: d.groupId,
          gridId: d.gridId,
          members: d.members
        },
        places: d.places
      }
    }
    // a new household: the village's groups and grids come with the household search
    const { places } = await call('cadre.households', { page: 1, pageSize: 1 })
    return {
      draft: {
        doorPlate: '',
        head: '',
        groupId: '',
        gridId: '',
        members: [{ name: '', relation: '户主', partyMember: false }]
      },
      places
    }
  }, [householdId])
  const { data, problem } = useLoad(load)
  const [draft, setDraft] = useState<Draft | null>(null)
  const write = useWrite()

  if (problem)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Problem problem={problem} />
      </View>
    )
  if (!data)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        <Loading />
      </View>
    )
  const d = draft ?? data.draft
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch })
  const setMember = (i: number, patch: Partial<MemberView>) =>
    set({ members: d.members.map((m, k) => (k === i ? { ...m, ...patch } : m)) })
  const chips = (kind: 'group' | 'grid', key: 'groupId' | 'gridId') =>
    data.places
      .filter(p => p.kind === kind)
      .map(p => (
        <Text key={p.id} className={`chip ${d[key] === p.id ? 'chip--on' : ''}`} onClick={() => set({ [key]: p.id })}>
          {p.name}
        </Text>
      ))
  const save = () =>
    write.run(
      'household.save',
      { householdId, ...d, members: d.members.map((m, i) => (i === 0 ? { ...m, name: d.head } : m)) },
      { done: '已保存', after: () => Taro.navigateBack() }
    )

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="field">
        <View className="field__label">门牌号</View>
        <Input
          className="input"
          value={d.doorPlate}
          maxlength={30}
          placeholder="例如 3组25号"
          onInput={e => set({ doorPlate: e.detail.value })}
        />
      </View>
      <View className="field">
        <View className="field__label">户主</View>
        <Input className="input" value={d.head} maxlength={20} onInput={e => set({ head: e.detail.value })} />
      </View>
      <View className="field">
        <View className="field__label">村民小组</View>
        {chips('group', 'groupId')}
      </View>
      <View className="field">
        <View className="field__label">网格</View>
        {chips('grid', 'gridId')}
      </View>
      <View className="section-title">家庭成员</View>
      {d.members.map((m, i) =>
        i === 0 ? null : (
          <View key={i} className="field">
            <Input
              className="input"
              value={m.name}
              placeholder="姓名"
              onInput={e => setMember(i, { name: e.detail.value })}
            />
            <Input
              className="input"
              value={m.relation}
              placeholder="与户主关系，例如 配偶"
              onInput={e => setMember(i, { relation: e.detail.value })}
            />
            <View style={{ display: 'flex', justifyContent: 'space-between' }}>
              <Text>党员</Text>
              <Switch
                checked={m.partyMember}
                color="#c8321e"
                onChange={e => setMember(i, { partyMember: e.detail.value })}
              />
            </View>
            <Text className="list__action" onClick={() => set({ members: d.members.filter((_, k) => k !== i) })}>
              删去
            </Text>
          </View>
        )
      )}
      <View
        className="button secondary"
        onClick={() => set({ members: [...d.members, { name: '', relation: '', partyMember: false }] })}
      >
        加一位成员
      </View>
      <WriteButton label="保存" submitting={write.submitting('household.save')} onClick={save} />
    </View>
  )
}
