import { Text, View } from '@tarojs/components'
import type { EntryView, HouseholdCard as Card } from '../../core/contract/routes'
import { formatDate } from '../../core/domain/period'
import { signed } from './points'
import './HouseholdCard.css'

/** The household's points at a glance: balance first and biggest, then stars, rank and this period. */
export function HouseholdCard({ card, latest }: { card: Card; latest?: EntryView }) {
  return (
    <View className="household-card">
      <View className="household-card__place">
        <Text>
          {card.villageName} · {card.doorPlate}
        </Text>
        <Text className="household-card__head">户主 {card.head}</Text>
      </View>
      <View className="household-card__balance">
        <Text className="household-card__number" data-testid="balance">
          {card.balance}
        </Text>
        <Text className="household-card__unit">积分</Text>
      </View>
      <View className="household-card__stars" aria-label={`${card.stars}星级文明户`}>
        <Text>
          {'★'.repeat(card.stars)}
          {'☆'.repeat(Math.max(0, 5 - card.stars))}
        </Text>
        <Text className="household-card__stars-label">
          {card.stars > 0 ? `${card.stars}星级文明户` : '还不是星级户'}
        </Text>
      </View>
      {card.party ? (
        <View className="household-card__party" data-testid="party-household">
          <Text>共产党员户</Text>
          {card.party.star ? (
            <Text
              data-testid="party-star"
              data-stars={card.party.star.exempt ? 'exempt' : String(card.party.star.stars)}
            >
              {' '}
              · {card.party.star.name} {card.party.star.year}年
              {card.party.star.exempt
                ? '免评'
                : card.party.star.stars > 0
                  ? `${'★'.repeat(card.party.star.stars)}党员`
                  : '不合格'}
              {card.party.star.posting ? '（公示中）' : ''}
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className="household-card__facts">
        <View className="household-card__fact">
          <Text className="household-card__fact-number" data-testid="rank-all-time">
            第{card.rankInVillage}名
          </Text>
          <Text className="household-card__fact-label">总排名</Text>
          <Text className="household-card__fact-label">全村{card.householdsInVillage}户</Text>
        </View>
        <View className="household-card__fact">
          <Text className="household-card__fact-number">{card.monthPoints}</Text>
          <Text className="household-card__fact-label">本月得分</Text>
        </View>
        <View className="household-card__fact">
          <Text className="household-card__fact-number">{card.yearPoints}</Text>
          <Text className="household-card__fact-label">今年得分</Text>
        </View>
      </View>
      {latest ? (
        <View className="household-card__latest" data-testid="latest-entry">
          <Text className="household-card__latest-points">{signed(latest.points)}</Text>
          <Text>
            {latest.title} · {formatDate(latest.at)}
          </Text>
        </View>
      ) : null}
    </View>
  )
}
