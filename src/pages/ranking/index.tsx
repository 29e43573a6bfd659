import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { RankingPeriod } from '../../../core/contract/views'
import type { RouteResult } from '../../../core/contract/routes'
import { call } from '../../services/api'
import { useLoad } from '../../services/use-route'
import { useLargeFont } from '../../services/large-font'
import { Tabs } from '../../components/Tabs'
import { RankingList } from '../../components/RankingList'
import { Loading, Problem } from '../../components/Problem'
import { NotForThisRole, inAVillage, overseenArea } from '../../components/NotForThisRole'
import { WideRankingList } from '../../components/WideRankingList'

/** `label` on the tab; `rank` in front of a place (本月第4名, 总排名第12名), so no number goes unlabelled */
const PERIODS: { value: RankingPeriod; label: string; rank: string }[] = [
  { value: 'month', label: '本月', rank: '本月' },
  { value: 'year', label: '今年', rank: '今年' },
  { value: 'all', label: '总榜', rank: '总排名' }
]

/**
 * 红榜: the village's households by points, with the viewer's own place always shown. A town or county
 * administrator, who belongs to no village, sees their town's or county's households by points earned.
 */
export default function Ranking() {
  const large = useLargeFont()
  const [period, setPeriod] = useState<RankingPeriod>('month')
  const load = useCallback(async () => {
    const session = await call('me.session', {})
    return { session, ranking: inAVillage(session) ? await call('archive.ranking', { period, page: 1 }) : null }
  }, [period])
  const { data: loaded, problem, setData: setLoaded } = useLoad(load)
  const data = loaded?.ranking
  const setData = (ranking: RouteResult<'archive.ranking'> | null) =>
    setLoaded(ranking && loaded ? { ...loaded, ranking } : null)
  const [more, setMore] = useState(false)

  // useLoad reloads when `load` changes with the period
  const choose = (p: RankingPeriod) => {
    setPeriod(p)
    setData(null)
  }
  const loadMore = async () => {
    if (!data) return
    setMore(true)
    const next = await call('archive.ranking', { period, page: data.page + 1 }).finally(() => setMore(false))
    setData({ ...next, rows: [...data.rows, ...next.rows] })
  }

  const periodLabel = PERIODS.find(p => p.value === period)!.rank
  const area = loaded && !loaded.ranking ? overseenArea(loaded.session) : null
  if (loaded && !loaded.ranking)
    return (
      <View className={`page ${large ? 'large' : ''}`}>
        {area ? (
          <>
            <View className="section-title" data-testid="area-ranking-title">
              {area.name}各户积分榜 · 累计得分
            </View>
            <View className="notice muted">
              每个村的红榜在村里看；这里是{area.scope === 'town' ? '全镇' : '全县'}各户按累计得分排的名次。
            </View>
            <WideRankingList scope={area.scope} />
          </>
        ) : (
          <NotForThisRole session={loaded.session} what="红榜：村里各家的积分排名" />
        )}
      </View>
    )
  return (
    <View className={`page ${large ? 'large' : ''}`}>
      <Tabs options={PERIODS} value={period} onChange={choose} />
      {problem ? (
        <Problem problem={problem} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <View className="section-title" data-testid="ranking-title">
            {data.villageName}红榜 · {periodLabel}
          </View>
          <RankingList rows={data.rows} mine={data.me?.householdId} />
          {data.hasMore ? (
            <View className="button secondary" onClick={() => void loadMore()}>
              {more ? '正在加载…' : '看更多'}
            </View>
          ) : null}
          {data.me ? (
            <View className="me-bar list" data-testid="my-place">
              <View className="list__row list__row--mine">
                <Text className="rank">{data.me.rank}</Text>
                <View className="list__body">
                  <Text className="list__title">
                    我家{periodLabel}第{data.me.rank}名
                  </Text>
                  <Text className="list__meta">{data.me.doorPlate}</Text>
                </View>
                <Text className="list__number">{data.me.points}</Text>
              </View>
            </View>
          ) : null}
        </>
      )}
    </View>
  )
}
