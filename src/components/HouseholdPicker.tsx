import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { HouseholdSummary } from '../../core/contract/views'

const SHOWN_MAX = 30

/**
 * Tick households of a grid worker's grids: search by door plate or head (as on the cadre's workbench),
 * the chosen ones stay on top, and at most a screenful of matches is shown, however many households.
 */
export function HouseholdPicker({
  households,
  chosen,
  onChange
}: {
  households: HouseholdSummary[]
  chosen: string[]
  onChange: (ids: string[]) => void
}) {
  const [query, setQuery] = useState('')
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter(x => x !== id) : [...chosen, id])
  const words = query.trim()
  const picked = households.filter(h => chosen.includes(h.householdId))
  const matches = households
    .filter(h => !chosen.includes(h.householdId))
    .filter(h => !words || h.doorPlate.includes(words) || h.head.includes(words))
  const chip = (h: HouseholdSummary) => (
    <Text
      key={h.householdId}
      className={`chip ${chosen.includes(h.householdId) ? 'chip--on' : ''}`}
      data-household={h.householdId}
      onClick={() => toggle(h.householdId)}
    >
      {h.doorPlate} {h.head}
    </Text>
  )
  return (
    <View>
      <Input
        className="input picker__search"
        data-testid="household-filter"
        placeholder="搜门牌号或户主姓名"
        value={query}
        onInput={e => setQuery(e.detail.value)}
      />
      {picked.length ? <View className="muted">已选{picked.length}户：</View> : null}
      <View className="picker__chips">{picked.map(chip)}</View>
      <View className="picker__chips">{matches.slice(0, SHOWN_MAX).map(chip)}</View>
      {matches.length > SHOWN_MAX ? (
        <View className="muted">还有{matches.length - SHOWN_MAX}户，请输入门牌号或姓名查找</View>
      ) : matches.length === 0 ? (
        <View className="muted">没有找到“{words}”</View>
      ) : null}
    </View>
  )
}
