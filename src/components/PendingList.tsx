import { Text, View } from '@tarojs/components'
import type { PendingView } from '../../core/contract/views'
import { formatDateTime } from '../../core/domain/period'
import { PENDING_STATE_NAMES } from '../../core/domain/workflow'
import { signed } from './points'
import { WriteButton } from './WriteButton'

/** Claims or proposals with their state, the reviewer and the reason; pending ones may be withdrawn. */
export function PendingList({
  items,
  onWithdraw,
  withdrawing
}: {
  items: PendingView[]
  onWithdraw?: (p: PendingView) => void
  /** whether this one's withdrawal is in flight */
  withdrawing?: (p: PendingView) => boolean
}) {
  if (items.length === 0) return <View className="notice muted">还没有</View>
  return (
    <View className="list">
      {items.map(p => (
        <View key={p.id} className="list__row" data-testid="pending-row" data-state={p.state}>
          <Text className="list__number">{signed(p.approvedPoints ?? p.points)}</Text>
          <View className="list__body">
            <Text className="list__title">
              {p.doorPlate} · {p.ruleTitle}
            </Text>
            <Text className="list__meta">
              {PENDING_STATE_NAMES[p.state]} · {formatDateTime(p.at)}
              {p.resolvedByName ? ` · ${p.resolvedByName}` : ''}
            </Text>
            {p.reason ? <Text className="list__meta">原因：{p.reason}</Text> : null}
          </View>
          {onWithdraw && p.state === 'pending' ? (
            <WriteButton
              className="list__action"
              label="撤回"
              submitting={withdrawing?.(p) ?? false}
              onClick={() => onWithdraw(p)}
            />
          ) : null}
        </View>
      ))}
    </View>
  )
}
