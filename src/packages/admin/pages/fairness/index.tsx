import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { RouteResult } from '../../../../../core/contract/routes'
import { FLAG_TEXT } from '../../../../../core/domain/fairness'
import { periodWords } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'
import { Tabs } from '../../../../components/Tabs'
import { Bars } from '../../../../components/Bars'

type Report = RouteResult<'fairness.town'>
type Period = Report['period']

const PERIODS: { value: Period; label: string }[] = [
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '本季度' },
  { value: 'year', label: '今年' }
]
const percent = (share: number) => `${Math.round(share * 100)}%`

/** 公平性 for a town administrator: each village's figures and each scorer's, flagged where they stand out. */
export default function FairnessPage() {
  const large = useLargeFont()
  const [period, setPeriod] = useState<Period>('month')
  const [placeId, setPlaceId] = useState<string | undefined>(undefined)
  const load = useCallback(() => call('fairness.town', { period, placeId }), [period, placeId])
  const { data, problem } = useLoad<Report>(load)
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <Tabs options={PERIODS} value={period} onChange={p => setPeriod(p as Period)} />
      {data ? (
        <Tabs
          options={data.villages.map(v => ({ value: v.id, label: v.name }))}
          value={data.village.villageId}
          onChange={setPlaceId}
        />
      ) : null}
      {problem ? <Problem problem={problem} /> : !data ? <Loading /> : <Figures report={data} />}
    </View>
  )
}

function Figures({ report }: { report: Report }) {
  const v = report.village
  const cells: [string, string, string][] = [
    ['entries', '加扣分记录', `${v.entries}条`],
    ['given', '加分', `${v.given}分`],
    ['taken', '扣分', `${v.taken}分`],
    ['householdsScored', '打过分的户', `${v.householdsScored}户 / ${v.households}户`],
    ['top10Share', '前10%的户拿到的加分', percent(v.top10Share)],
    ['idleSixMonths', '半年没有记录的户', `${v.idleSixMonths}户`],
    ['objections', '异议（成立）', `${v.objections}（${v.upheld}）`]
  ]
  return (
    <>
      <View className="section-title">
        {v.villageName} · {periodWords(report.key)}
      </View>
      <View className="list" data-testid="village-figures">
        {cells.map(([key, label, value]) => (
          <View key={key} className="list__row" data-figure={key}>
            <Text className="list__body list__title">{label}</Text>
            <Text className="list__number">{value}</Text>
          </View>
        ))}
      </View>
      <View className="section-title">每个人给的加分</View>
      <Bars
        rows={report.scorers.map(s => ({
          label: s.name,
          value: s.given,
          text: `${s.given}分`,
          flagged: s.flags.length > 0
        }))}
      />
      <View className="section-title">打分的人</View>
      <View className="list" data-testid="scorers">
        {report.scorers.map(s => (
          <View key={s.key} className="list__row" data-testid="scorer" data-flagged={s.flags.length > 0}>
            <View className="list__body">
              <Text className="list__title">
                {s.name}
                {s.flags.map(f => (
                  <Text key={f} className="chip chip--posting">
                    {FLAG_TEXT[f]}
                  </Text>
                ))}
              </Text>
              <Text className="list__meta">
                {s.entries}条 · 加{s.given}分 · 扣{-s.taken}分 · {s.households}户
              </Text>
              <Text className="list__meta">
                前3户占{percent(s.top3Share)}
                {s.topGroup ? ` · ${s.topGroup.name}占${percent(s.topGroup.share)}` : ''} · 异议{s.objections}（成立
                {s.upheld}）
              </Text>
            </View>
          </View>
        ))}
        {report.scorers.length === 0 ? <View className="list__row muted">这段时间没有人打分</View> : null}
      </View>
    </>
  )
}
