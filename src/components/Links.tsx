import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'

export interface Link {
  label: string
  url: string
  testid?: string
  /** the row's main way onward, in the full colour; the others are outlined */
  primary?: boolean
}

/** A row of buttons side by side, each opening a page: the ways onward of a home or a workbench. */
export function Links({ links }: { links: Link[] }) {
  return (
    <View className="links">
      {links.map(l => (
        <View
          key={l.url}
          className={l.primary ? 'button' : 'button secondary'}
          data-testid={l.testid}
          onClick={() => Taro.navigateTo({ url: l.url })}
        >
          {l.label}
        </View>
      ))}
    </View>
  )
}
