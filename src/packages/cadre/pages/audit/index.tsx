import { useCallback, useState } from 'react'
import { Input, Picker, Text, View } from '@tarojs/components'
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES, AuditAction } from '../../../../../core/contract/audit-actions'
import type { RouteInput, RouteResult } from '../../../../../core/contract/routes'
import type { AuditChange } from '../../../../../core/contract/views'
import { dayBounds } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'

type Trail = RouteResult<'audit.list'>
type Search = Omit<RouteInput<'audit.list'>, 'page'>

const ANY_ACT = '全部'
const ACT_CHOICES = [ANY_ACT, ...AUDIT_ACTION_NAMES.map(a => AUDIT_ACTIONS[a])]

/** 状态：待领取 → 已领取; a value set for the first time shows only what it became. */
const changeText = (c: AuditChange) =>
  c.before === null ? `${c.label}：${c.after}` : `${c.label}：${c.before} → ${c.after ?? '无'}`

/**
 * 审计记录: every administrative act in the village (a cadre), the town (its administrator) or the county
 * (its administrator), newest first, each a sentence with what changed; found by act, person and dates.
 */
export default function AuditPage() {
  const large = useLargeFont()
  const [action, setAction] = useState<AuditAction | undefined>(undefined)
  const [person, setPerson] = useState('')
  const [fromDay, setFromDay] = useState('')
  const [toDay, setToDay] = useState('')
  const [search, setSearch] = useState<Search>({})
  const load = useCallback(() => call('audit.list', { ...search, page: 1 }), [search])
  const { data, problem, setData } = useLoad<Trail>(load)

  const find = () => {
    setData(null)
    setSearch({
      action,
      person: person.trim(),
      from: dayBounds(fromDay)?.from,
      to: dayBounds(toDay)?.to
    })
  }
  const more = async () => {
    if (!data) return
    const next = await call('audit.list', { ...search, page: data.page + 1 })
    setData({ ...next, items: [...data.items, ...next.items] })
  }

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="notice" data-testid="audit-search">
        <Picker
          mode="selector"
          range={ACT_CHOICES}
          value={action ? AUDIT_ACTION_NAMES.indexOf(action) + 1 : 0}
          onChange={e => {
            const i = Number(e.detail.value)
            setAction(i === 0 ? undefined : AUDIT_ACTION_NAMES[i - 1])
          }}
        >
          <View className="field" data-testid="audit-action">
            <Text className="field__label">做了什么</Text>
            <View className="input">{action ? AUDIT_ACTIONS[action] : ANY_ACT} ▾</View>
          </View>
        </Picker>
        <View className="field">
          <Text className="field__label">人名或门牌号（谁做的，或对谁做的）</Text>
          <Input
            className="input"
            data-testid="audit-person"
            value={person}
            placeholder="例如 王秀英 或 2组12号"
            onInput={e => setPerson(e.detail.value)}
            onConfirm={find}
          />
        </View>
        <View className="links">
          <Picker mode="date" value={fromDay} onChange={e => setFromDay(e.detail.value)}>
            <View className="field" data-testid="audit-from">
              <Text className="field__label">从哪天</Text>
              <View className="input">{fromDay || '不限'}</View>
            </View>
          </Picker>
          <Picker mode="date" value={toDay} onChange={e => setToDay(e.detail.value)}>
            <View className="field" data-testid="audit-to">
              <Text className="field__label">到哪天</Text>
              <View className="input">{toDay || '不限'}</View>
            </View>
          </Picker>
        </View>
        <View className="button" data-testid="audit-find" onClick={find}>
          查找
        </View>
      </View>
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <View className="list">
          {data.items.map(a => (
            <View key={a.id} className="list__row" data-testid="audit-row" data-action={a.action}>
              <View className="list__body">
                <Text className="list__title">{a.sentence}</Text>
                {a.changes.map(c => (
                  <Text key={c.label} className="list__meta">
                    {changeText(c)}
                  </Text>
                ))}
              </View>
            </View>
          ))}
          {data.items.length === 0 ? (
            <View className="list__row muted" data-testid="audit-none">
              {Object.values(search).some(v => v !== undefined && v !== '')
                ? '没有找到这样的记录'
                : '还没有记录。打分、改细则、兑换、发通知等操作都会记在这里。'}
            </View>
          ) : null}
        </View>
      )}
      {data?.hasMore ? (
        <View className="button secondary" data-testid="audit-more" onClick={() => void more()}>
          看更早的
        </View>
      ) : null}
    </View>
  )
}
