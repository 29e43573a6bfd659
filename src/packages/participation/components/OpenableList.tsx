import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'

const go = (url: string) => Taro.navigateTo({ url })

/**
 * A list page of participation (votes, activities): the button that opens a new one for those who may,
 * a line when there is none, and one row per item that opens it. The page says what a row shows.
 */
export function OpenableList<T extends { id: string }>({
  items,
  create,
  empty,
  rowTestid,
  urlOf,
  children
}: {
  items: T[]
  /** the way to a new one, or null for those who may not open one */
  create: { label: string; testid: string; url: string } | null
  empty: string
  rowTestid: string
  urlOf: (item: T) => string
  children: (item: T) => ReactNode
}) {
  return (
    <>
      {create ? (
        <View className="button" data-testid={create.testid} onClick={() => go(create.url)}>
          {create.label}
        </View>
      ) : null}
      {items.length === 0 ? <View className="notice muted">{empty}</View> : null}
      <View className="list">
        {items.map(item => (
          <View
            key={item.id}
            className="list__row"
            data-testid={rowTestid}
            data-id={item.id}
            onClick={() => go(urlOf(item))}
          >
            {children(item)}
          </View>
        ))}
      </View>
    </>
  )
}
