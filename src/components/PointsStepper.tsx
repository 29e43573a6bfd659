import { Text, View } from '@tarojs/components'

/** Points within a rule's range, by big minus and plus buttons (no typing). */
export function PointsStepper({
  min,
  max,
  value,
  onChange
}: {
  min: number
  max: number
  value: number
  onChange: (v: number) => void
}) {
  const step = Math.abs(max - min) >= 10 ? 5 : 1
  const clamp = (v: number) => Math.min(max, Math.max(min, v))
  return (
    <View className="stepper">
      <View className="stepper__button" data-testid="points-minus" onClick={() => onChange(clamp(value - step))}>
        −
      </View>
      <Text className={`stepper__value ${value < 0 ? 'minus' : 'plus'}`} data-testid="points-value">
        {value > 0 ? `+${value}` : value}
      </Text>
      <View className="stepper__button" data-testid="points-plus" onClick={() => onChange(clamp(value + step))}>
        +
      </View>
    </View>
  )
}
