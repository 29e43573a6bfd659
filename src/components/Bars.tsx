import { Text, View } from '@tarojs/components'

/** A horizontal bar chart drawn with views: no chart library in the package. */
export function Bars({ rows }: { rows: { label: string; value: number; text: string; flagged?: boolean }[] }) {
  const max = Math.max(1, ...rows.map(r => Math.abs(r.value)))
  return (
    <View className="bars" data-testid="bars">
      {rows.map(r => (
        <View key={r.label} className="bars__row">
          <Text className="bars__label">{r.label}</Text>
          <View className="bars__track">
            <View
              className={`bars__bar ${r.flagged ? 'bars__bar--flagged' : ''}`}
              style={{ width: `${Math.round((Math.abs(r.value) / max) * 100)}%` }}
            />
          </View>
          <Text className="bars__value">{r.text}</Text>
        </View>
      ))}
    </View>
  )
}
