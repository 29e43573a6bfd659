import { Text, View } from '@tarojs/components'
import type { TrendPoint } from '../../../core/contract/county'

/**
 * The 12-month trend as bars drawn with views: no chart library, so the subpackage stays small and
 * it renders the same in WeChat and the browser. Coverage and participation are percentages; points
 * are scaled to the largest month.
 */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const maxAwarded = Math.max(1, ...points.map(p => p.awarded))
  const row = (label: string, value: (p: TrendPoint) => number, text: (p: TrendPoint) => string, color: string) => (
    <View style={{ marginBottom: '12px' }}>
      <Text className="list__meta">{label}</Text>
      <View style={{ display: 'flex', alignItems: 'flex-end', height: '80px', gap: '4px' }}>
        {points.map(p => (
          <View key={p.month} style={{ flex: 1, textAlign: 'center' }}>
            <Text style={{ fontSize: '10px' }}>{text(p)}</Text>
            <View style={{ height: `${Math.max(2, Math.min(100, value(p)) * 0.6)}px`, background: color }} />
          </View>
        ))}
      </View>
      <View style={{ display: 'flex', gap: '4px' }}>
        {points.map(p => (
          <Text key={p.month} style={{ flex: 1, textAlign: 'center', fontSize: '10px' }}>
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
        p => p.coverage ?? 0,
        p => (p.coverage === null ? '' : `${Math.round(p.coverage)}`),
        '#c8321e'
      )}
      {row(
        '参与率',
        p => p.participation ?? 0,
        p => (p.participation === null ? '' : `${Math.round(p.participation)}`),
        '#e08a1e'
      )}
      {row(
        '加分',
        p => (p.awarded / maxAwarded) * 100,
        p => (p.awarded ? String(p.awarded) : ''),
        '#2e7d32'
      )}
    </View>
  )
}
