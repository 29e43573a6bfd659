import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ACTIVITY_KIND_NAMES } from '../../../../../core/domain/activities'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { Page } from '../../components/Page'

/** 活动报名: the village's activities, latest first; the cadre posts new ones. */
export default function ActivitiesPage() {
  const load = useCallback(async () => {
    const [list, session] = await Promise.all([call('activity.list', {}), call('me.session', {})])
    return { activities: list.activities, isCadre: session.roles.some(r => r.role === 'cadre') }
  }, [])
  const { data, problem } = useLoad(load)
  const go = (url: string) => Taro.navigateTo({ url })
  const mineWord = (m: { state: string; checkedIn: boolean } | null) =>
    !m || m.state === 'cancelled' ? '' : m.checkedIn ? '已签到' : '已报名'
  return (
    <Page problem={problem} data={data}>
      {d => (
        <>
          {d.isCadre ? (
            <View
              className="button"
              data-testid="open-activity-new"
              onClick={() => go('/packages/participation/pages/activity-new/index')}
            >
              发布活动
            </View>
          ) : null}
          {d.activities.length === 0 ? <View className="notice muted">现在没有活动。</View> : null}
          <View className="list">
            {d.activities.map(a => (
              <View
                key={a.id}
                className="list__row"
                data-testid="activity-row"
                data-id={a.id}
                onClick={() => go(`/packages/participation/pages/activity/index?id=${a.id}`)}
              >
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
              </View>
            ))}
          </View>
        </>
      )}
    </Page>
  )
}
