import { Text, View } from '@tarojs/components'

/** A whole number set by big − and + buttons (no typing): a label, the number, its unit. */
export function NumberField({
  label,
  value,
  min,
  max,
  step = 1,
  unit = '',
  testid,
  onChange
}: {
  label: string
  value: number
  min: number
  max: number
  step?: number
  unit?: string
  /** names the field for the browser tests: `${testid}-minus`, `${testid}-value`, `${testid}-plus` */
  testid: string
  onChange: (v: number) => void
}) {
  const clamp = (v: number) => Math.min(max, Math.max(min, v))
  return (
    <View className="number-field">
      <Text className="number-field__label">{label}</Text>
      <View className="stepper">
        <View className="stepper__button" data-testid={`${testid}-minus`} onClick={() => onChange(clamp(value - step))}>
          −
        </View>
        <Text className="stepper__value" data-testid={`${testid}-value`}>
          {value}
          {unit}
        </Text>
        <View className="stepper__button" data-testid={`${testid}-plus`} onClick={() => onChange(clamp(value + step))}>
          +
        </View>
      </View>
    </View>
  )
}
