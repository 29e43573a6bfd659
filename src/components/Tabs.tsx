import { View } from '@tarojs/components'

/** A row of big choices, one selected (本月 / 今年 / 总榜). */
export function Tabs<T extends string>({
  options,
  value,
  onChange
}: {
  options: { value: T; label: string }[]
  value: T
  onChange: (v: T) => void
}) {
  return (
    <View className="tabs">
      {options.map(o => (
        <View
          key={o.value}
          className={`tabs__item ${o.value === value ? 'tabs__item--on' : ''}`}
          data-value={o.value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
