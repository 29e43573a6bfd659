import { Text, View } from '@tarojs/components'
import type { GrantView } from '../../../core/contract/views'
import { formatDateTime } from '../../../core/domain/period'
import { WriteButton } from '../WriteButton'

/**
 * 现有人员: who holds the roles a granter manages (name · role, places · since when), each with 收回.
 * The page decides how a revoke is sent (and whether it asks first); the list only lays the rows out.
 */
export function GrantList({
  grants,
  onRevoke,
  revoking,
  busy,
  testids = {}
}: {
  grants: GrantView[]
  onRevoke: (g: GrantView) => unknown
  /** this holder's revoke is in flight */
  revoking: (g: GrantView) => boolean
  /** some write of the page is in flight */
  busy: boolean
  testids?: { row?: string; revoke?: string }
}) {
  return (
    <View className="list">
      {grants.map(g => (
        <View key={`${g.openid}-${g.role}`} className="list__row" data-testid={testids.row}>
          <View className="list__body">
            <Text className="list__title">
              {g.name} · {g.label}
            </Text>
            <Text className="list__meta">
              {g.placeNames.join('、')} · {formatDateTime(g.at)}
            </Text>
          </View>
          <WriteButton
            className="list__action"
            label="收回"
            testid={testids.revoke}
            submitting={revoking(g)}
            disabled={busy}
            onClick={() => onRevoke(g)}
          />
        </View>
      ))}
      {grants.length === 0 ? <View className="list__row muted">还没有</View> : null}
    </View>
  )
}
