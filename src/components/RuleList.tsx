import { Text, View } from '@tarojs/components'
import type { RuleView } from '../../core/contract/views'
import { CAP_PERIOD_NAMES, describePoints, type CapsUsed } from '../../core/domain/rules'
import { capUseShort } from './CapUse'

/** The catalogue grouped by category: what each deed is worth and how often it counts. */
export function RuleList({
  rules,
  onPick,
  action,
  caps
}: {
  rules: RuleView[]
  onPick?: (r: RuleView) => void
  action?: string
  /** the household's use of capped rules this period, shown on each capped rule */
  caps?: CapsUsed
}) {
  const categories = [...new Set(rules.map(r => r.category))]
  if (rules.length === 0) return <View className="notice muted">还没有积分细则</View>
  return (
    <View>
      {categories.map(c => (
        <View key={c}>
          <View className="section-title">{c}</View>
          <View className="list">
            {rules
              .filter(r => r.category === c)
              .map(r => (
                <View
                  key={r.id}
                  className={`list__row ${r.active ? '' : 'list__row--off'}`}
                  onClick={onPick ? () => onPick(r) : undefined}
                  data-rule={r.id}
                >
                  <Text className={`list__number ${r.points.min < 0 ? 'minus' : 'plus'}`}>
                    {describePoints(r.points)}
                  </Text>
                  <View className="list__body">
                    <Text className="list__title">{r.title}</Text>
                    <Text className="list__meta">
                      {r.cap ? `${CAP_PERIOD_NAMES[r.cap.period]}最多${r.cap.max}分` : '不封顶'}
                      {caps ? capUseShort(caps, r) : ''}
                      {r.evidenceRequired ? ' · 需拍照' : ''}
                      {r.active ? '' : ' · 已停用'}
                    </Text>
                  </View>
                  {action ? <Text className="list__action">{action}</Text> : null}
                </View>
              ))}
          </View>
        </View>
      ))}
    </View>
  )
}
