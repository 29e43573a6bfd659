import { View } from '@tarojs/components'
import type { RuleView } from '../../core/contract/views'
import { capUse, type CapsUsed } from '../../core/domain/rules'

/** How much of a capped rule a household has used this period, before anyone asks for more. */
export function CapUse({ caps, rule, who = '' }: { caps: CapsUsed; rule: RuleView; who?: string }) {
  const use = capUse(caps, rule, Date.now())
  if (!use) return null
  return (
    <View className={use.left === 0 ? 'notice minus' : 'notice'} data-testid="cap-use" data-left={use.left}>
      {who}
      {use.periodName}已用{use.used}分，封顶{use.max}分，
      {use.left === 0 ? '已经封顶了' : `还能${rule.points.min < 0 ? '扣' : '加'}${use.left}分`}
    </View>
  )
}

/** The short form for a list row: 本月已用6/10分. */
export function capUseShort(caps: CapsUsed | undefined, rule: RuleView): string {
  const use = capUse(caps, rule, Date.now())
  return use ? ` · ${use.periodName}已用${use.used}/${use.max}分` : ''
}
