import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../core/domain/period'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useLargeFont } from '../../services/large-font'
import { Loading, Problem } from '../../components/Problem'
import { Bars } from '../../components/Bars'

/**
 * 村里的积分: how many households got points this month and how much (公平性, for everyone to see),
 * and the village's published seals (存证): each day's tree head, chained to the day before.
 */
export default function VillagePage() {
  const large = useLargeFont()
  const { data, problem } = useLoad(
    useCallback(async () => {
      const [spread, seals] = await Promise.all([call('fairness.village', {}), call('seal.heads', {})])
      return { spread, seals }
    }, [])
  )
  if (problem) return <Problem problem={problem} />
  if (!data) return <Loading />
  const { spread, seals } = data
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <View className="notice" data-testid="distribution">
        <Text className="list__title">
          {spread.month.replace('-', '年')}月，{spread.villageName}
          {spread.households}户里有{spread.withPoints}户得了分
          {spread.belowZero ? `，${spread.belowZero}户被扣分多于加分` : ''}
        </Text>
      </View>
      <Bars rows={spread.bands.map(b => ({ label: b.label, value: b.count, text: `${b.count}户` }))} />

      <View className="section-title">存证（每天的积分记录都封存，谁也改不了）</View>
      <View className="list" data-testid="heads">
        {seals.heads.map(h => (
          <View key={h.day} className="list__row" data-testid="head" data-day={h.day}>
            <View className="list__body">
              <Text className="list__title">
                {h.day} · {h.size}条
              </Text>
              <Text className="list__meta proof__line">存证码 {h.root.slice(0, 8)}</Text>
              <Text className="list__meta proof__line">
                树头 {h.headHash.slice(0, 16)}… 接前一天 {h.prevHash ? `${h.prevHash.slice(0, 8)}…` : '（第一天）'} ·{' '}
                {formatDateTime(h.sealedAt)}
              </Text>
            </View>
          </View>
        ))}
        {seals.heads.length === 0 ? <View className="list__row muted">还没有存证</View> : null}
      </View>
    </View>
  )
}
