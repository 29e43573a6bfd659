import { View } from '@tarojs/components'

/**
 * A row of big choices, one selected (本月 / 今年 / 总榜). Tapping the chosen one again changes nothing:
 * pages clear their list on a change and reload when the choice differs, so a repeat would leave
 * 正在加载… on screen for good.
 */
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
          onClick={() => o.value !== value && onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </View>
  )
}
