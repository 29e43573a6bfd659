import { Text, View } from '@tarojs/components'
import type { HouseholdSummary } from '../../core/contract/views'

/** Tick households from a list (a grid worker's grids). */
export function HouseholdPicker({
  households,
  chosen,
  onChange
}: {
  households: HouseholdSummary[]
  chosen: string[]
  onChange: (ids: string[]) => void
}) {
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter(x => x !== id) : [...chosen, id])
  return (
    <View>
      {households.map(h => (
        <Text
          key={h.householdId}
          className={`chip ${chosen.includes(h.householdId) ? 'chip--on' : ''}`}
          data-household={h.householdId}
          onClick={() => toggle(h.householdId)}
        >
          {h.doorPlate} {h.head}
        </Text>
      ))}
    </View>
  )
}
