import { Text, View } from '@tarojs/components'
import type { ActivityView } from '../../../../core/contract/participation'
import { ACTIVITY_KIND_NAMES } from '../../../../core/domain/activities'
import { formatDateTime } from '../../../../core/domain/period'

const STATE_WORDS = { open: '', cancelled: ' · 已取消', confirmed: ' · 已结束' } as const

/** An activity's when, where, places and points, numbers first. */
export function ActivityCard({ activity: a }: { activity: ActivityView }) {
  return (
    <View className="notice">
      <Text className="muted">
        {ACTIVITY_KIND_NAMES[a.kind]}
        {STATE_WORDS[a.state]}
      </Text>
      <View className="section-title" style={{ margin: '8px 0' }} data-testid="activity-title">
        {a.title}
      </View>
      <View>
        时间：{formatDateTime(a.startAt)} 到 {formatDateTime(a.endAt).slice(-5)}
      </View>
      <View>地点：{a.place}</View>
      <View>
        名额：已报 <Text data-testid="activity-signed-up">{a.signedUp}</Text> / {a.capacity} 人
      </View>
      {a.credit ? (
        <View>
          参加并签到：每户加 <Text className="plus">{a.credit.points}</Text> 分（{a.credit.title}）
        </View>
      ) : null}
      {a.description ? <View className="muted">{a.description}</View> : null}
    </View>
  )
}
