import { useCallback, useState } from 'react'
import { Input, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { OPTIONS_MAX } from '../../../../../core/domain/votes'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { Screen } from '../../../../components/Screen'

const DAY_MS = 24 * 3600_000
/** the deadline: so many days from today, at 20:00 China Standard Time (after the day's work) */
const deadlineIn = (days: number) => {
  const cstMidnight = Math.floor((Date.now() + 8 * 3600_000) / DAY_MS) * DAY_MS - 8 * 3600_000
  return cstMidnight + days * DAY_MS + 20 * 3600_000
}
const DAYS = [1, 3, 7, 14]

/** 发起投票: a cadre for the village, a town administrator for the town. */
export default function NewVotePage() {
  const { data, problem } = useLoad(
    useCallback(async () => ({ isTown: (await call('me.session', {})).roles.some(r => r.role === 'townAdmin') }), [])
  )
  const [question, setQuestion] = useState('')
  const [options, setOptions] = useState(['同意', '不同意'])
  const [multiple, setMultiple] = useState(false)
  const [perPerson, setPerPerson] = useState(false)
  const [secret, setSecret] = useState(false)
  const [afterClose, setAfterClose] = useState(false)
  const [days, setDays] = useState(3)
  const write = useWrite()

  const filled = options.map(o => o.trim()).filter(Boolean)
  const open = () =>
    write.run(
      'vote.open',
      {
        question,
        options: filled,
        multiple,
        maxChoices: multiple ? filled.length : 1,
        deadlineAt: deadlineIn(days),
        per: perPerson ? 'person' : 'household',
        secret,
        // a secret vote shows its counts only after the close (see core/domain/votes.ts)
        resultsShown: secret || afterClose ? 'afterClose' : 'live',
        toTown: !!data?.isTown
      },
      { done: '已发起', after: () => Taro.navigateBack() }
    )
  const toggle = (label: string, value: boolean, set: (v: boolean) => void, testId: string) => (
    <View className="field" style={{ display: 'flex', justifyContent: 'space-between' }}>
      <Text>{label}</Text>
      <Switch checked={value} color="#c8321e" data-testid={testId} onChange={e => set(e.detail.value)} />
    </View>
  )

  return (
    <Screen problem={problem} data={data}>
      {d => (
        <>
          <View className="field">
            <View className="field__label">要大家决定的事</View>
            <Input
              className="input"
              data-testid="vote-question-input"
              value={question}
              maxlength={100}
              onInput={e => setQuestion(e.detail.value)}
            />
          </View>
          <View className="field">
            <View className="field__label">选项</View>
            {options.map((o, i) => (
              <Input
                key={i}
                className="input"
                data-testid="vote-option-input"
                value={o}
                maxlength={40}
                onInput={e => setOptions(options.map((x, j) => (j === i ? e.detail.value : x)))}
              />
            ))}
            {options.length < OPTIONS_MAX ? (
              <View className="button secondary" onClick={() => setOptions([...options, ''])}>
                加一个选项
              </View>
            ) : null}
          </View>
          <View className="field">
            <View className="field__label">几天后截止（当天晚上8点）</View>
            {DAYS.map(n => (
              <Text key={n} className={`chip ${n === days ? 'chip--on' : ''}`} onClick={() => setDays(n)}>
                {n}天
              </Text>
            ))}
          </View>
          {toggle('可以选多项', multiple, setMultiple, 'vote-multiple')}
          {toggle('每人一票（不选就是每户一票）', perPerson, setPerPerson, 'vote-per-person')}
          {toggle('不记名（只看得到谁投了，看不到投了什么）', secret, setSecret, 'vote-secret')}
          {secret ? null : toggle('截止以后才公布结果', afterClose, setAfterClose, 'vote-after-close')}
          <View className="button" data-testid="vote-open" onClick={() => void open()}>
            {d.isTown ? '发起全镇投票' : '发起本村投票'}
          </View>
        </>
      )}
    </Screen>
  )
}
