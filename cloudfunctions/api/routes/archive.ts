import { AppError } from '../../../core/contract/errors'
import type { RankingPeriod, RankingRow } from '../../../core/contract/views'
import { periodKeys } from '../../../core/domain/period'
import { starLevel } from '../../../core/domain/stars'
import type { HouseholdDoc } from '../../shared/data/documents'
import { data, listOf } from '../../shared/data/store'
import { partyOnCard, RANKED_FIELDS, toEntryView, toRankingRow, toRuleView } from '../../shared/data/views'
import { grantOf } from '../router/scope'
import { roles, Routes } from '../router/route'
import { activeRules } from '../services/catalogue'

/** What villagers see of their household and village. Each read is at most three database round trips. */

const inVillage = roles('villager', 'gridWorker', 'cadre')

/** The field a ranking orders by, and the condition that a household has points in the period. */
function rankingOf(period: RankingPeriod, now: number) {
  const keys = periodKeys(now)
  if (period === 'month') return { field: 'monthPoints' as const, where: { monthKey: keys.month } }
  if (period === 'year') return { field: 'yearPoints' as const, where: { yearKey: keys.year } }
  return { field: 'earned' as const, where: {} }
}

export const archiveRoutes = {
  'archive.home': {
    access: roles('villager'),
    scope: 'household',
    async handle(_input, ctx) {
      const { householdId, villageId } = ctx.scope
      const household = await data(ctx).households.get(householdId)
      if (!household) throw new AppError('NOT_FOUND')
      const above = await data(ctx).households.count({ villageId, earned: ctx.db.command.gt(household.earned) })
      const now = periodKeys(ctx.now())
      return {
        card: {
          householdId,
          doorPlate: household.doorPlate,
          head: household.head,
          villageName: household.village.name,
          balance: household.balance,
          earned: household.earned,
          stars: starLevel(household.earned, household.village.starThresholds),
          rankInVillage: above + 1,
          householdsInVillage: household.village.householdCount,
          monthPoints: household.monthKey === now.month ? household.monthPoints : 0,
          yearPoints: household.yearKey === now.year ? household.yearPoints : 0,
          postingDays: household.village.postingDays ?? 0,
          ...partyOnCard(household, ctx.now())
        },
        latest: household.latest ?? [],
        members: household.members ?? []
      }
    }
  },

  'archive.history': {
    access: roles('villager'),
    scope: 'household',
    paging: { size: 20 },
    async handle({ period }, ctx) {
      const { householdId, villageId } = ctx.scope
      const where: Record<string, string> = { householdId }
      if (period.length === 7) where.month = period
      else if (period.length === 4) where.year = period
      const [found, village] = await Promise.all([
        data(ctx).entries.page(where, [['at', 'desc']], ctx.paging),
        data(ctx).places.get(villageId)
      ])
      return { ...listOf('entries', found, toEntryView), postingDays: village?.postingDays ?? 0 }
    }
  },

  'archive.rules': {
    access: inVillage,
    scope: 'village',
    async handle(_input, ctx) {
      const { villageId } = ctx.scope
      const householdId = grantOf(ctx.identity, 'villager')?.householdId
      const [catalogue, village, household] = await Promise.all([
        activeRules(ctx, villageId),
        data(ctx).places.get(villageId),
        householdId ? data(ctx).households.get(householdId) : null
      ])
      // a villager's use of capped rules, to show before they claim more
      return {
        rules: catalogue.map(toRuleView),
        starThresholds: village?.starThresholds ?? [],
        myCaps: household?.caps ?? {}
      }
    }
  },

  'archive.ranking': {
    access: inVillage,
    scope: 'village',
    paging: { size: 20 },
    async handle({ period }, ctx) {
      const { villageId } = ctx.scope
      const mine = grantOf(ctx.identity, 'villager')
      const { field, where } = rankingOf(period, ctx.now())
      const households = data(ctx).households
      const [found, household] = await Promise.all([
        // only what a row shows: a household's newest entries and members would be most of each row's bytes
        households.page({ villageId, ...where }, [[field, 'desc']], ctx.paging, [...RANKED_FIELDS, field]),
        mine?.villageId === villageId ? households.get(mine.householdId) : null
      ])
      const rows: RankingRow[] = []
      found.rows.forEach((h, i) => {
        const previous = rows[i - 1]
        const rank =
          previous && previous.points === h[field] ? previous.rank : (found.page - 1) * ctx.paging.size + i + 1
        rows.push(toRankingRow(h, h[field], rank))
      })

      let me: RankingRow | null = null
      if (household) {
        const inPeriod = Object.entries(where).every(([k, v]) => household[k as keyof HouseholdDoc] === v)
        const points = inPeriod ? household[field] : 0
        // the household's own place, even when it is not on this page: one count of those ahead of it
        me =
          rows.find(r => r.householdId === household._id) ??
          toRankingRow(
            household,
            points,
            (await households.count({ villageId, ...where, [field]: ctx.db.command.gt(points) })) + 1
          )
      }
      const villageName = household?.village.name ?? found.rows[0]?.village.name ?? ''
      return { rows, page: found.page, hasMore: found.hasMore, me, villageName }
    }
  }
} satisfies Partial<Routes>
