import { View } from '@tarojs/components'

/** Past this many choices, or words this long, large font puts the tabs two to a row instead of crowding them. */
const ONE_ROW_MAX = 3
const ONE_ROW_LABEL_MAX = 3

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
  const crowded = options.length > ONE_ROW_MAX || options.some(o => o.label.length > ONE_ROW_LABEL_MAX)
  return (
    <View className={`tabs ${crowded ? 'tabs--crowded' : ''}`}>
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
