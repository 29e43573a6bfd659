import { Fragment } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { EntryView } from '../../core/contract/routes'
import { formatDateTime } from '../../core/domain/period'
import { KIND_LABELS, signed } from './points'
import './EntryList.css'

/** Ledger lines, points first: green for gains, red for losses. */
const DAY = 24 * 60 * 60 * 1000

/** Every entry opens its whole story (积分详情): the rule, the scorer, photos, origin and the seal. */
const openEntry = (e: EntryView) => void Taro.navigateTo({ url: `/pages/entry/index?id=${e.id}` })

/**
 * `postingDays`: scores younger than that are still in the public posting and are marked 公示中.
 * A list with its own action on a tap (`onPick`) gets a 详情 link on each line instead.
 */
export function EntryList({
  entries,
  onPick,
  renderAfter,
  postingDays = 0
}: {
  entries: EntryView[]
  onPick?: (e: EntryView) => void
  /** what opens right under an entry (the cadre's correction form, where they tapped) */
  renderAfter?: (e: EntryView) => React.ReactNode
  postingDays?: number
}) {
  const now = Date.now()
  const inPosting = (e: EntryView) => (e.kind === 'award' || e.kind === 'deduction') && e.at + postingDays * DAY > now
  if (entries.length === 0) return <View className="entry-list__empty">还没有积分记录</View>
  return (
    <View className="entry-list">
      {entries.map(e => (
        <Fragment key={e.id}>
          <View
            className="entry-list__row"
            data-testid="entry-row"
            data-entry={e.id}
            onClick={() => (onPick ? onPick(e) : openEntry(e))}
          >
            <Text className={`entry-list__points ${e.points < 0 ? 'entry-list__points--minus' : ''}`}>
              {signed(e.points)}
            </Text>
            <View className="entry-list__body">
              <Text className="entry-list__title">
                {e.title}
                {inPosting(e) ? <Text className="chip chip--posting">公示中</Text> : null}
              </Text>
              <Text className="entry-list__meta">
                {[KIND_LABELS[e.kind], e.category, formatDateTime(e.at)].filter(Boolean).join(' · ')}
              </Text>
              {e.byName ? (
                <Text className="entry-list__meta">
                  经办：{e.byName}
                  {e.evidence.length ? ` · 照片${e.evidence.length}张` : ''}
                </Text>
              ) : null}
              {e.note && e.note !== e.title ? <Text className="entry-list__note">{e.note}</Text> : null}
            </View>
            {onPick ? (
              <Text
                className="list__action"
                onClick={ev => {
                  ev.stopPropagation()
                  openEntry(e)
                }}
              >
                详情
              </Text>
            ) : null}
          </View>
          {renderAfter?.(e)}
        </Fragment>
      ))}
    </View>
  )
}
