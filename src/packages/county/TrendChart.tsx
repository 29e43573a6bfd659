import { Text, View } from '@tarojs/components'
import type { TrendPoint } from '../../../core/contract/county'
import './trend-chart.css'

/** A month's figure on a row: a percentage or points, or null when nothing was counted that month. */
type Figure = (p: TrendPoint) => number | null

/**
 * The 12-month trend as bars drawn with views: no chart library, so the subpackage stays small and
 * it renders the same in WeChat and the browser. Coverage and participation are percentages; points
 * are scaled to the largest month. A month before any count has no figure: it shows — and no bar, so
 * that it is not read as 0 %.
 */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const maxAwarded = Math.max(1, ...points.map(p => p.awarded))
  const unknown = points.some(p => p.coverage === null || p.participation === null)
  const row = (
    label: string,
    figure: Figure,
    height: (v: number) => number,
    color: string,
    text: (v: number) => string = String
  ) => (
    <View style={{ marginBottom: '12px' }}>
      <Text className="list__meta">{label}</Text>
      <View style={{ display: 'flex', alignItems: 'flex-end', height: '80px', gap: '4px' }}>
        {points.map(p => {
          const v = figure(p)
          return (
            <View
              key={p.month}
              style={{ flex: 1, textAlign: 'center' }}
              data-testid="trend-bar"
              data-row={label}
              data-value={v === null ? 'none' : String(Math.round(v))}
            >
              <Text className="trend-chart__figure">{v === null ? '—' : text(Math.round(v))}</Text>
              <View
                data-testid="trend-fill"
                style={{
                  height: `${v === null ? 0 : Math.max(2, Math.min(100, height(v)) * 0.6)}px`,
                  background: color
                }}
              />
            </View>
          )
        })}
      </View>
      <View style={{ display: 'flex', gap: '4px' }}>
        {points.map(p => (
          <Text key={p.month} className="trend-chart__month" style={{ flex: 1, textAlign: 'center' }}>
            {Number(p.month.slice(5))}月
          </Text>
        ))}
      </View>
    </View>
  )
  return (
    <View data-testid="trend-chart">
      {row(
        '覆盖率',
        p => p.coverage,
        v => v,
        '#c8321e'
      )}
      {row(
        '参与率',
        p => p.participation,
        v => v,
        '#e08a1e'
      )}
      {row(
        '加分',
        p => p.awarded,
        v => (v / maxAwarded) * 100,
        '#2e7d32',
        v => (v ? String(v) : '')
      )}
      {unknown ? <View className="list__meta">—：那个月还没有统计</View> : null}
    </View>
  )
}
