import { Text, View } from '@tarojs/components'
import type { RankingRow } from '../../core/contract/views'

/** 红榜: place, household and points; the viewer's own household is marked. */
export function RankingList({ rows, mine }: { rows: RankingRow[]; mine?: string }) {
  if (rows.length === 0) return <View className="notice muted">这段时间还没有人得分</View>
  return (
    <View className="list">
      {rows.map(r => (
        <View
          key={r.householdId}
          className={`list__row ${r.householdId === mine ? 'list__row--mine' : ''}`}
          data-testid="ranking-row"
        >
          <Text className={`rank ${r.rank <= 3 ? 'rank--top' : ''}`}>{r.rank}</Text>
          <View className="list__body">
            <Text className="list__title">
              {r.doorPlate} · {r.head}
            </Text>
            <Text className="list__meta">{r.stars > 0 ? `${'★'.repeat(r.stars)} ${r.stars}星级文明户` : ''}</Text>
          </View>
          <Text className="list__number">{r.points}</Text>
        </View>
      ))}
    </View>
  )
}
