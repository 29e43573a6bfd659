import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { ACTIVITY_KIND_NAMES } from '../../../../../core/domain/activities'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { Screen } from '../../../../components/Screen'
import { OpenableList } from '../../components/OpenableList'

const mineWord = (m: { state: string; checkedIn: boolean } | null) =>
  !m || m.state === 'cancelled' ? '' : m.checkedIn ? '已签到' : '已报名'

/** 活动报名: the village's activities, latest first; the cadre posts new ones. */
export default function ActivitiesPage() {
  const load = useCallback(async () => {
    const [list, session] = await Promise.all([call('activity.list', {}), call('me.session', {})])
    return { activities: list.activities, isCadre: session.roles.some(r => r.role === 'cadre') }
  }, [])
  const { data, problem } = useLoad(load)
  return (
    <Screen problem={problem} data={data}>
      {d => (
        <OpenableList
          items={d.activities}
          create={
            d.isCadre
              ? {
                  label: '发布活动',
                  testid: 'open-activity-new',
                  url: '/packages/participation/pages/activity-new/index'
                }
              : null
          }
          empty="现在没有活动。"
          rowTestid="activity-row"
          urlOf={a => `/packages/participation/pages/activity/index?id=${a.id}`}
        >
          {a => (
            <>
              <View className="list__body">
                <Text className="list__title">{a.title}</Text>
                <Text className="list__meta">
                  {ACTIVITY_KIND_NAMES[a.kind]} · {formatDateTime(a.startAt)} · {a.place}
                </Text>
              </View>
              <Text className="list__number">
                {a.signedUp}/{a.capacity}
              </Text>
              {mineWord(a.mine) ? <Text className="list__action muted">{mineWord(a.mine)}</Text> : null}
            </>
          )}
        </OpenableList>
      )}
    </Screen>
  )
}
