import { useCallback, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { OverviewRow } from '../../../../../core/contract/county'
import { formatDateTime, periodWords } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useLargeFont } from '../../../../services/large-font'
import { Loading, Problem } from '../../../../components/Problem'
import { TrendChart } from '../../TrendChart'
import { openFile } from '../../files'

type Column = { key: keyof OverviewRow; label: string; percent?: boolean }
const COLUMNS: Column[] = [
  { key: 'coverage', label: '覆盖率', percent: true },
  { key: 'households', label: '建档户数' },
  { key: 'registeredHouseholds', label: '户籍户数' },
  { key: 'people', label: '纳入管理人数' },
  { key: 'boundHouseholds', label: '实名绑定户' },
  { key: 'participationMonth', label: '本月参与率', percent: true },
  { key: 'participationYear', label: '本年参与率', percent: true },
  { key: 'awardedMonth', label: '本月加分' },
  { key: 'deductedMonth', label: '本月扣分' },
  { key: 'redeemedMonth', label: '本月兑换' },
  { key: 'claimsWaiting', label: '待审申报' },
  { key: 'issuesOverdue', label: '超期未办' }
]
const rid = () => `rg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
const show = (row: OverviewRow, c: Column) => {
  const v = row[c.key] as number | null
  return v === null ? '—' : c.percent ? `${v}%` : String(v)
}

/**
 * 镇街/县 总览: per village (a town) or per town (the county), sortable by any column, with the
 * 12-month trend. Coverage = households in the archive ÷ 户籍户数, which the town enters per village.
 */
export default function Overview() {
  const large = useLargeFont()
  const townId = useRouter().params.townId || undefined
  const { data, problem, reload } = useLoad(useCallback(() => call('overview.get', { townId }), [townId]))
  const [sortBy, setSortBy] = useState<Column>(COLUMNS[0])
  const [editing, setEditing] = useState<string | null>(null)
  const [registered, setRegistered] = useState('')
  if (problem) return <Problem problem={problem} />
  if (!data) return <Loading />
  const rows = [...data.rows].sort(
    (a, b) => ((b[sortBy.key] as number | null) ?? -1) - ((a[sortBy.key] as number | null) ?? -1)
  )
  const save = async (villageId: string) => {
    await call('village.setRegistered', { requestId: rid(), villageId, registeredHouseholds: Number(registered) || 0 })
    setEditing(null)
    await reload()
  }
  const open = (row: OverviewRow) =>
    Taro.navigateTo({
      url:
        row.kind === 'town'
          ? `/packages/county/pages/overview/index?townId=${row.id}`
          : `/packages/county/pages/import/index?villageId=${row.id}&name=${encodeURIComponent(row.name)}`
    })
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="section-title">
        {data.name} · {periodWords(data.month)}
      </View>
      <View className="list">
        <View className="list__row">
          <Text className="list__number" data-testid="total-coverage">
            {data.total.coverage === null ? '—' : `${data.total.coverage}%`}
          </Text>
          <Text className="list__title">
            覆盖率（建档{data.total.households}户 ÷ 户籍{data.total.registeredHouseholds}户）
          </Text>
        </View>
        <View className="list__row">
          <Text className="list__number">{data.total.people}</Text>
          <Text className="list__title">纳入管理人数</Text>
        </View>
        <View className="list__row">
          <Text className="list__number">
            {data.total.participationMonth === null ? '—' : `${data.total.participationMonth}%`}
          </Text>
          <Text className="list__title">本月参与率（本月有积分的户 ÷ 建档户数）</Text>
        </View>
      </View>
      <View className="muted" data-testid="updated-at">
        积分和参与率随时更新；绑定、待审、超期和上线进度每小时统计一次，
        {data.updatedAt ? `更新于${formatDateTime(data.updatedAt)}` : '还没有统计过'}。户籍户数由镇街填写。
      </View>
      <View className="section-title">近12个月</View>
      <TrendChart points={data.trend} />
      <View className="section-title">按{sortBy.label}排序（点一项换排序）</View>
      <View style={{ display: 'flex', flexWrap: 'wrap', gap: '8px' }}>
        {COLUMNS.map(c => (
          <View
            key={c.key}
            className={`chip ${c.key === sortBy.key ? 'chip--on' : ''}`}
            data-sort={c.key}
            onClick={() => setSortBy(c)}
          >
            {c.label}
          </View>
        ))}
      </View>
      <View className="list">
        {rows.map(row => (
          <View key={row.id} className="list__row" data-testid="overview-row" data-id={row.id}>
            <View className="list__body" onClick={() => open(row)}>
              <Text className="list__title">{row.name}</Text>
              <Text className="list__meta">
                {COLUMNS.map(c => `${c.label} ${show(row, c)}`).join(' · ')}
                {row.kind === 'village'
                  ? ` · 上线：细则${row.rulesAdopted ? '✓' : '✗'} 花名册${row.registerImported ? '✓' : '✗'}` +
                    ` 干部${row.cadres} 网格员${row.gridWorkers}`
                  : ` · ${row.villages}个村`}
              </Text>
            </View>
            <Text className="list__number" data-testid="row-figure">
              {show(row, sortBy)}
            </Text>
            {row.kind === 'village' ? (
              editing === row.id ? (
                <View>
                  <Input
                    className="input"
                    type="number"
                    data-testid="registered-input"
                    value={registered}
                    onInput={e => setRegistered(e.detail.value)}
                  />
                  <View className="button" data-testid="registered-save" onClick={() => save(row.id)}>
                    保存
                  </View>
                </View>
              ) : (
                <Text
                  className="list__action"
                  data-testid="registered-edit"
                  onClick={() => {
                    setEditing(row.id)
                    setRegistered(String(row.registeredHouseholds || ''))
                  }}
                >
                  填户籍户数
                </Text>
              )
            ) : null}
          </View>
        ))}
      </View>
      <View className="links">
        <View
          className="button secondary"
          onClick={() => Taro.navigateTo({ url: '/packages/county/pages/ranking/index' })}
        >
          全镇/全县家庭积分榜
        </View>
        <View
          className="button secondary"
          data-testid="export-overview"
          onClick={async () => openFile(await call('export.overview', { townId }))}
        >
          导出这张表
        </View>
      </View>
    </View>
  )
}
