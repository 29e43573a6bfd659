import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeView } from '../../core/contract/views'
import { formatDateTime } from '../../core/domain/period'
import { NOTICE_KIND_NAMES } from '../../core/domain/workflow'

/** Notices, pinned first: kind, title, where from, unread marked; the publisher sees the households read. */
export function NoticeList({ notices }: { notices: NoticeView[] }) {
  if (notices.length === 0) return <View className="notice muted">还没有通知</View>
  return (
    <View className="list">
      {notices.map(n => (
        <View
          key={n.id}
          className="list__row"
          data-testid="notice-row"
          data-id={n.id}
          data-read={n.read ? 'yes' : 'no'}
          onClick={() => Taro.navigateTo({ url: `/pages/notice/index?id=${n.id}` })}
        >
          <View className="list__body">
            <Text className="list__title">
              {n.pinned ? <Text className="chip chip--on">置顶</Text> : null}
              {n.readCount === null && !n.read ? <Text className="chip chip--posting">未读</Text> : null}
              {n.title}
            </Text>
            <Text className="list__meta">
              {NOTICE_KIND_NAMES[n.kind]} · {n.placeName} · {formatDateTime(n.at)}
              {n.readCount !== null ? ` · ${n.readCount}户已读` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
