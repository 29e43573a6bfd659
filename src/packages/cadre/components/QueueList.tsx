import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

/**
 * A cadre's queue (claims to review, objections to settle): one row per item, the one tapped marked
 * as chosen while its form is open below the list; a line when nothing waits.
 */
export function QueueList<T extends { id: string }>({
  items,
  chosenId,
  onChoose,
  rowTestid,
  empty,
  children
}: {
  items: T[]
  chosenId: string | undefined
  onChoose: (item: T) => void
  rowTestid: string
  empty: string
  children: (item: T) => ReactNode
}) {
  return (
    <View className="list">
      {items.map(item => (
        <View
          key={item.id}
          className={`list__row ${chosenId === item.id ? 'list__row--mine' : ''}`}
          data-testid={rowTestid}
          data-id={item.id}
          onClick={() => onChoose(item)}
        >
          {children(item)}
        </View>
      ))}
      {items.length === 0 ? <View className="list__row muted">{empty}</View> : null}
    </View>
  )
}
