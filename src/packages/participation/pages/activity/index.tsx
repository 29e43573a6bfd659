import { useCallback } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { beforeStart } from '../../../../../core/domain/activities'
import { formatDateTime } from '../../../../../core/domain/period'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { useWrite } from '../../../../services/write'
import { Screen } from '../../../../components/Screen'
import { ActivityCard } from '../../components/ActivityCard'

/**
 * One activity. A villager signs up or cancels before the start (and checks in by scanning the code
 * at the place). The village's cadre shows the code to scan, ticks people off, and at the end confirms
 * attendance, which credits each attending household once.
 */
export default function ActivityPage() {
  const activityId = useRouter().params.id ?? ''
  const load = useCallback(async () => {
    const activity = await call('activity.get', { activityId })
    if (!activity.canManage) return { activity, attendees: [], code: null }
    const [list, code] = await Promise.all([
      call('activity.attendees', { activityId }),
      activity.state === 'open' ? call('activity.code', { activityId }) : null
    ])
    return { activity, attendees: list.attendees, code }
  }, [activityId])
  const { data, problem, reload } = useLoad(load)
  const write = useWrite()
  const confirm = async () => {
    const sure = await Taro.showModal({ title: '确认出勤', content: '确认以后按签到的户加分，名单不能再改。' })
    if (!sure.confirm) return
    await write.run('activity.confirm', { activityId }, { done: '已确认', after: reload })
  }

  return (
    <Screen problem={problem} data={data}>
      {({ activity: a, attendees, code }) => (
        <>
          <ActivityCard activity={a} />
          {!a.canManage && a.state === 'open' ? (
            a.mine?.state === 'signedUp' ? (
              <>
                <View className="notice" data-testid="signed-up">
                  {a.mine.checkedIn ? '您已经签到了。' : '您已经报名了。到了活动地点，扫现场的活动码签到。'}
                </View>
                {beforeStart(a, Date.now()) ? (
                  <View
                    className="button secondary"
                    data-testid="activity-cancel"
                    onClick={() => void write.run('activity.cancel', { activityId }, { done: '已取消', after: reload })}
                  >
                    取消报名
                  </View>
                ) : null}
              </>
            ) : (
              <View
                className="button"
                data-testid="activity-sign-up"
                onClick={() => void write.run('activity.signUp', { activityId }, { done: '已报名', after: reload })}
              >
                报名
              </View>
            )
          ) : null}
          {code ? (
            <View className="notice" style={{ textAlign: 'center' }}>
              <View>活动码：打印出来贴在活动地点，大家扫码签到</View>
              <Image
                src={code.url}
                data-testid="activity-code"
                data-url={code.url}
                style={{ width: '200px', height: '200px' }}
              />
            </View>
          ) : null}
          {a.canManage ? (
            <>
              <View className="section-title">
                报名和签到（签到 {attendees.filter(p => p.checkedInAt && p.state === 'signedUp').length} 人）
              </View>
              <View className="list">
                {attendees.map(p => (
                  <View
                    key={p.id}
                    className={`list__row ${p.state === 'cancelled' ? 'list__row--off' : ''}`}
                    data-testid="attendee"
                    data-household={p.householdId}
                  >
                    <View className="list__body">
                      <Text className="list__title">{p.label}</Text>
                      <Text className="list__meta">
                        {p.state === 'cancelled'
                          ? '已取消报名'
                          : p.checkedInAt
                            ? `${formatDateTime(p.checkedInAt)} ${p.checkedInBy === 'code' ? '扫码签到' : '村干部登记'}`
                            : '还没签到'}
                      </Text>
                    </View>
                    {a.state === 'open' && p.state === 'signedUp' ? (
                      <Text
                        className={`list__action ${p.checkedInAt ? 'muted' : ''}`}
                        data-testid="attendee-tick"
                        onClick={() =>
                          void write.run(
                            'activity.tick',
                            { activityId, signupId: p.id, present: !p.checkedInAt },
                            { done: p.checkedInAt ? '已撤销' : '已登记', after: reload }
                          )
                        }
                      >
                        {p.checkedInAt ? '撤销' : '到了'}
                      </Text>
                    ) : null}
                  </View>
                ))}
              </View>
              {a.state === 'open' && !beforeStart(a, Date.now()) ? (
                <View className="button" data-testid="activity-confirm" onClick={() => void confirm()}>
                  确认出勤{a.credit ? `，每户加${a.credit.points}分` : ''}
                </View>
              ) : null}
              {a.state === 'confirmed' ? (
                <View className="notice" data-testid="activity-confirmed">
                  已确认出勤{a.credit ? `，${a.credited ?? 0}户加了分` : ''}。
                </View>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </Screen>
  )
}
