import { useCallback, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import type { RouteResult } from '../../../../../core/contract/routes'
import type { BatchLine, HouseholdSummary, RuleView } from '../../../../../core/contract/views'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { WriteButton } from '../../../../components/WriteButton'
import { useLargeFont } from '../../../../services/large-font'
import { RuleList } from '../../../../components/RuleList'
import { Loading, Problem } from '../../../../components/Problem'
import { PointsStepper } from '../../../../components/PointsStepper'
import { confirmFirst } from '../../../../services/confirm'
import { signed } from '../../../../components/points'

const MAX = 200
const STATUS: Record<BatchLine['status'], string> = { applied: '已记分', capped: '已封顶', refused: '没记上' }

/** 批量打分: one rule over many households at once, e.g. a village group's monthly hygiene inspection. */
export default function BatchPage() {
  const large = useLargeFont()
  const load = useCallback(async () => {
    const [catalogue, first] = await Promise.all([
      call('rules.list', {}),
      call('cadre.households', { page: 1, pageSize: MAX })
    ])
    let households = first.households
    for (let page = 2, more = first.hasMore; more; page++) {
      const next = await call('cadre.households', { page, pageSize: MAX })
      households = [...households, ...next.households]
      more = next.hasMore
    }
    return { rules: catalogue.rules.filter(r => r.active && r.proposers.includes('cadre')), households }
  }, [])
  const { data, problem } = useLoad(load)
  const [rule, setRule] = useState<RuleView | null>(null)
  const [points, setPoints] = useState(0)
  const [note, setNote] = useState('')
  const [group, setGroup] = useState('')
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [result, setResult] = useState<RouteResult<'score.batch'> | null>(null)
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

  const groups = [...new Set(data.households.map(h => h.groupName))]
  const shown = data.households.filter(h => !group || h.groupName === group)
  const toggle = (h: HouseholdSummary) => {
    const next = new Set(chosen)
    if (next.has(h.householdId)) next.delete(h.householdId)
    else next.add(h.householdId)
    setChosen(next)
  }
  const chooseAllShown = () => setChosen(new Set([...chosen, ...shown.map(h => h.householdId)].slice(0, MAX)))
  const submit = async () => {
    if (!rule || chosen.size === 0) return
    const sure = await confirmFirst(
      '批量打分',
      `给${chosen.size}户各记${signed(points)}分（${rule.title}），共${signed(points * chosen.size)}分？`,
      '记上'
    )
    if (!sure) return
    const done = await write.run(
      'score.batch',
      { householdIds: [...chosen], ruleId: rule.id, points, note },
      { failTitle: '没有记上' }
    )
    if (!done) return
    setResult(done)
    setChosen(new Set())
  }
  const plateOf = (id: string) => data.households.find(h => h.householdId === id)?.doorPlate ?? id

  return (
    <View className={`page ${large ? 'large' : ''}`}>
      {result ? (
        <View className="notice" data-testid="batch-result">
          <View className="section-title">
            记分{result.applied}户，封顶{result.capped}户，没记上{result.refused}户
          </View>
          {result.lines
            .filter(l => l.status !== 'applied')
            .map(l => (
              <View key={l.householdId}>
                {plateOf(l.householdId)}：{STATUS[l.status]}，{l.message}
              </View>
            ))}
          <View className="button secondary" onClick={() => setResult(null)}>
            再打一批
          </View>
        </View>
      ) : !rule ? (
        <>
          <View className="section-title">第一步：选细则</View>
          <RuleList
            rules={data.rules}
            onPick={r => {
              setRule(r)
              setPoints(r.points.min > 0 ? r.points.max : r.points.min)
            }}
            action="选这条"
          />
        </>
      ) : (
        <>
          <View className="notice">
            {rule.title}{' '}
            <Text className="muted" onClick={() => setRule(null)}>
              （换一条）
            </Text>
          </View>
          <PointsStepper min={rule.points.min} max={rule.points.max} value={points} onChange={setPoints} />
          <View className="field">
            <Textarea
              className="textarea"
              value={note}
              maxlength={200}
              placeholder="说明，例如：11月人居环境月检"
              onInput={e => setNote(e.detail.value)}
            />
          </View>
          <View className="section-title">
            第二步：选户（已选{chosen.size}户，最多{MAX}户）
          </View>
          <View>
            <Text className={`chip ${group === '' ? 'chip--on' : ''}`} onClick={() => setGroup('')}>
              全部
            </Text>
            {groups.map(g => (
              <Text key={g} className={`chip ${group === g ? 'chip--on' : ''}`} onClick={() => setGroup(g)}>
                {g}
              </Text>
            ))}
            <Text className="chip" data-testid="choose-all" onClick={chooseAllShown}>
              全选这些户
            </Text>
            <Text className="chip" onClick={() => setChosen(new Set())}>
              清空
            </Text>
          </View>
          <View className="list">
            {shown.map(h => (
              <View
                key={h.householdId}
                className={`list__row ${chosen.has(h.householdId) ? 'list__row--mine' : ''}`}
                data-testid="batch-household"
                data-id={h.householdId}
                onClick={() => toggle(h)}
              >
                <Text>{chosen.has(h.householdId) ? '☑' : '☐'}</Text>
                <View className="list__body">
                  <Text className="list__title">
                    {h.doorPlate} · {h.head}
                  </Text>
                </View>
                <Text className="list__number">{h.balance}</Text>
              </View>
            ))}
          </View>
          <WriteButton
            testid="batch-submit"
            label={`给${chosen.size}户${points > 0 ? '加' : '扣'}${Math.abs(points)}分`}
            submitting={write.submitting('score.batch')}
            onClick={submit}
          />
        </>
      )}
    </View>
  )
}
