import { useCallback } from 'react'
import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { Screen } from '../../../../components/Screen'
import { ActivityCard } from '../../components/ActivityCard'

/**
 * The activity's code "a=<id>&k=<key>": WeChat passes it URL-encoded as `scene`; the local QR code is
 * a link with it.
 */
export function activityOfScene(scene = ''): { activityId: string; key: string } {
  let decoded = ''
  try {
    decoded = decodeURIComponent(scene)
  } catch {
    return { activityId: '', key: '' }
  }
  const params = Object.fromEntries(decoded.split('&').map(pair => pair.split('=') as [string, string]))
  return { activityId: params.a ?? '', key: params.k ?? '' }
}

/** What scanning an activity's code at the place opens: the activity and one big 签到 button. */
export default function CheckInPage() {
  const { activityId, key } = activityOfScene(useRouter().params.scene)
  const { data, problem, reload } = useLoad(useCallback(() => call('activity.get', { activityId }), [activityId]))
  const write = useWrite()
  const checkIn = () => write.run('activity.checkIn', { activityId, key }, { done: '已签到', after: reload })
  return (
    <Screen problem={problem} data={data}>
      {a => (
        <>
          <ActivityCard activity={a} />
          {a.mine?.checkedIn ? (
            <View className="notice" data-testid="checked-in">
              您已经签到了。活动结束、村里确认以后，积分会加到您家。
            </View>
          ) : (
            <View className="button" data-testid="check-in" onClick={() => void checkIn()}>
              签到
            </View>
          )}
        </>
      )}
    </Screen>
  )
}
