import { useCallback, useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ACTIVITY_KIND_NAMES, ActivityKind } from '../../../../../core/domain/activities'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { Screen } from '../../../../components/Screen'

const HOUR_MS = 3600_000
const DAY_MS = 24 * HOUR_MS
/** `days` from today at `hour` o'clock China Standard Time */
const dayAt = (days: number, hour: number) =>
  Math.floor((Date.now() + 8 * HOUR_MS) / DAY_MS) * DAY_MS - 8 * HOUR_MS + days * DAY_MS + hour * HOUR_MS
const DAYS = [
  { days: 1, label: '明天' },
  { days: 2, label: '后天' },
  { days: 3, label: '3天后' },
  { days: 7, label: '下周' }
]
const HOURS = [8, 9, 14, 19]
const DURATIONS = [1, 2, 3, 4]

/** 发布活动: what, when, where, how many places, and the rule that credits attendance. */
export default function NewActivityPage() {
  const { data, problem } = useLoad(
    useCallback(async () => (await call('rules.list', {})).rules.filter(r => r.active && r.points.min > 0), [])
  )
  const [kind, setKind] = useState<ActivityKind>('labour')
  const [title, setTitle] = useState('')
  const [place, setPlace] = useState('')
  const [description, setDescription] = useState('')
  const [days, setDays] = useState(1)
  const [hour, setHour] = useState(8)
  const [hours, setHours] = useState(2)
  const [capacity, setCapacity] = useState('30')
  const [ruleId, setRuleId] = useState('')
  const write = useWrite()

  const post = (rules: NonNullable<typeof data>) => {
    const rule = rules.find(r => r.id === ruleId)
    const startAt = dayAt(days, hour)
    return write.run(
      'activity.post',
      {
        kind,
        title,
        place,
        description,
        startAt,
        endAt: startAt + hours * HOUR_MS,
        capacity: Number(capacity) || 0,
        credit: rule ? { ruleId: rule.id, points: rule.points.min } : null
      },
      { done: '已发布', after: () => Taro.navigateBack() }
    )
  }
  const chips = <T,>(items: T[], on: T, set: (v: T) => void, label: (v: T) => string) =>
    items.map(v => (
      <Text key={String(v)} className={`chip ${v === on ? 'chip--on' : ''}`} onClick={() => set(v)}>
        {label(v)}
      </Text>
    ))

  return (
    <Screen problem={problem} data={data}>
      {rules => (
        <>
          <View className="field">
            {chips<ActivityKind>(
              Object.keys(ACTIVITY_KIND_NAMES) as ActivityKind[],
              kind,
              setKind,
              k => ACTIVITY_KIND_NAMES[k]
            )}
          </View>
          <View className="field">
            <View className="field__label">活动名称</View>
            <Input className="input" value={title} maxlength={40} onInput={e => setTitle(e.detail.value)} />
          </View>
          <View className="field">
            <View className="field__label">地点</View>
            <Input className="input" value={place} maxlength={60} onInput={e => setPlace(e.detail.value)} />
          </View>
          <View className="field">
            <View className="field__label">哪天、几点开始、几个小时</View>
            <View>
              {chips(
                DAYS.map(d => d.days),
                days,
                setDays,
                d => DAYS.find(x => x.days === d)!.label
              )}
            </View>
            <View>{chips<number>(HOURS, hour, setHour, h => `${h}点`)}</View>
            <View>{chips<number>(DURATIONS, hours, setHours, h => `${h}小时`)}</View>
          </View>
          <View className="field">
            <View className="field__label">名额（人）</View>
            <Input className="input" type="number" value={capacity} onInput={e => setCapacity(e.detail.value)} />
          </View>
          <View className="field">
            <View className="field__label">参加并签到的户加分（按细则，不选就不加分）</View>
            {chips<string>(['', ...rules.map(r => r.id)], ruleId, setRuleId, id => {
              const r = rules.find(x => x.id === id)
              return r ? `${r.title}（${r.points.min}分）` : '不加分'
            })}
          </View>
          <View className="field">
            <View className="field__label">说明</View>
            <Textarea
              className="textarea"
              value={description}
              maxlength={500}
              onInput={e => setDescription(e.detail.value)}
            />
          </View>
          <View className="button" data-testid="activity-post" onClick={() => void post(rules)}>
            发布到本村
          </View>
        </>
      )}
    </Screen>
  )
}
