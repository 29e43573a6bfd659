import { useCallback } from 'react'
import { Text, View } from '@tarojs/components'
import { PARTY_ORG_NAMES, starWord } from '../../../../../core/domain/party'
import { call } from '../../../../services/api'
import { useLoad } from '../../../../services/use-route'
import { Screen } from '../../../../components/Screen'
import { QuarterList } from '../../components/QuarterList'
import '../../components/party.css'

/**
 * 党务公示 for everyone of the village: the party organisation and the stars the town gave it, and
 * what the branches post (quarters' points, annual ratings once the town has posted them).
 */
export default function PublicPage() {
  const { data, problem } = useLoad(
    useCallback(async () => {
      const [village, postings] = await Promise.all([call('partyOrg.village', {}), call('partyPosting.list', {})])
      return { village, postings }
    }, [])
  )
  return (
    <Screen data={data} problem={problem}>
      {({ village, postings }) => (
        <>
          {village.orgs.map(o => (
            <View key={o.orgId} className="party-card" data-testid="village-org">
              <View>
                {o.name}（{PARTY_ORG_NAMES[o.kind]}）
              </View>
              <View className="party-card__stars">
                {o.stars
                  ? `${o.stars.year}年 ${'★'.repeat(o.stars.stars)}${'☆'.repeat(5 - o.stars.stars)}`
                  : '还没评星'}
                {o.stars?.state === 'posted' ? '（公示中）' : ''}
              </View>
              {o.stars ? <View>{o.stars.reason}</View> : null}
              <View>{o.branches.join('、')}</View>
            </View>
          ))}
          {postings.ratings.map(r => (
            <View key={r.branchId + r.year}>
              <View className="section-title">
                {r.branchName} {r.year}年党员评星{r.state === 'posted' ? '（公示中）' : ''}
              </View>
              <View className="list">
                {r.rows.map(row => (
                  <View key={row.memberId} className="list__row">
                    <View className="list__body">{row.name}</View>
                    <Text className="list__number">
                      {starWord(
                        row.exempt
                          ? { exempt: true }
                          : { exempt: false, total: row.total, stars: row.stars, failed: row.stars === 0 }
                      )}
                    </Text>
                  </View>
                ))}
              </View>
            </View>
          ))}
          <QuarterList quarters={postings.quarters} />
        </>
      )}
    </Screen>
  )
}
