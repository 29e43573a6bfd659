import { AppError } from '../../../core/contract/errors'
import type { RankingPeriod, RankingRow } from '../../../core/contract/views'
import { periodKeys } from '../../../core/domain/period'
import { starLevel } from '../../../core/domain/stars'
import type { Access, Handler, RouteCtx } from '../router'
import { getDoc } from '../identity'
import type { EntryDoc, HouseholdDoc, PlaceDoc, RuleDoc } from '../model/documents'
import { toEntryView, toRuleView } from '../model/views'
import { grantOf, myHousehold, myVillage } from '../scope'

/** What villagers see of their household and village. Each read is at most three database round trips. */

const PAGE = 20
const inVillage: Access = { who: 'roles', roles: ['villager', 'gridWorker', 'cadre'] }

export const home: Handler<'archive.home'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle(_input, ctx) {
    const { householdId, villageId } = myHousehold(ctx)
    const household = await getDoc<HouseholdDoc>(ctx, 'households', householdId)
    if (!household) throw new AppError('NOT_FOUND')
    const _ = ctx.db.command
    const above = (await ctx.db
      .collection('households')
      .where({ villageId, earned: _.gt(household.earned) })
      .count()) as { total: number }
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
        rankInVillage: above.total + 1,
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
}

/** 共产党员户 and the member's latest annual star (党员积分评星), from what the household document carries. */
function partyOnCard(h: HouseholdDoc, now: number) {
  if (!h.members.some(m => m.partyMember) && !h.partyStars) return {}
  const s = h.partyStars
  return {
    party: {
      star: s ? { name: s.name, year: s.year, stars: s.stars, exempt: s.exempt, posting: s.until > now } : null
    }
  }
}

export const history: Handler<'archive.history'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle({ period, page }, ctx) {
    const { householdId, villageId } = myHousehold(ctx)
    const where: Record<string, string> = { householdId }
    if (period.length === 7) where.month = period
    else if (period.length === 4) where.year = period
    const [res, village] = await Promise.all([
      ctx.db
        .collection('entries')
        .where(where)
        .orderBy('at', 'desc')
        .skip((page - 1) * PAGE)
        .limit(PAGE + 1)
        .get() as unknown as Promise<{ data: EntryDoc[] }>,
      getDoc<PlaceDoc>(ctx, 'places', villageId)
    ])
    return {
      entries: res.data.slice(0, PAGE).map(toEntryView),
      page,
      hasMore: res.data.length > PAGE,
      postingDays: village?.postingDays ?? 0
    }
  }
}

export const rules: Handler<'archive.rules'> = {
  access: inVillage,
  async handle(_input, ctx) {
    const villageId = myVillage(ctx)
    const householdId = grantOf(ctx, 'villager')?.householdId
    const [catalogue, village, household] = await Promise.all([
      activeRules(ctx, villageId),
      getDoc<PlaceDoc>(ctx, 'places', villageId),
      householdId ? getDoc<HouseholdDoc>(ctx, 'households', householdId) : null
    ])
    return {
      rules: catalogue.map(toRuleView),
      starThresholds: village?.starThresholds ?? [],
      myCaps: household?.caps ?? {}
    }
  }
}

async function activeRules(ctx: RouteCtx, villageId: string): Promise<RuleDoc[]> {
  const res = (await ctx.db.collection('rules').where({ villageId, active: true }).limit(200).get()) as unknown as {
    data: RuleDoc[]
  }
  return res.data.sort((a, b) => a.category.localeCompare(b.category, 'zh') || a._id.localeCompare(b._id))
}

/** The field a ranking orders by, and the condition that a household has points in the period. */
function rankingOf(period: RankingPeriod, now: number) {
  const keys = periodKeys(now)
  if (period === 'month') return { field: 'monthPoints' as const, where: { monthKey: keys.month } }
  if (period === 'year') return { field: 'yearPoints' as const, where: { yearKey: keys.year } }
  return { field: 'earned' as const, where: {} }
}

export const ranking: Handler<'archive.ranking'> = {
  access: inVillage,
  async handle({ period, page }, ctx) {
    const villageId = myVillage(ctx)
    const mine = ctx.identity.roles.find(r => r.role === 'villager' && r.villageId === villageId)
    const { field, where } = rankingOf(period, ctx.now())
    const [pageRes, household] = await Promise.all([
      ctx.db
        .collection('households')
        .where({ villageId, ...where })
        .orderBy(field, 'desc')
        .skip((page - 1) * PAGE)
        .limit(PAGE + 1)
        .get() as unknown as Promise<{ data: HouseholdDoc[] }>,
      mine?.role === 'villager' ? getDoc<HouseholdDoc>(ctx, 'households', mine.householdId) : null
    ])
    const pageDocs = pageRes.data.slice(0, PAGE)
    const rows: RankingRow[] = []
    pageDocs.forEach((h, i) => {
      const previous = rows[i - 1]
      const rank = previous && previous.points === h[field] ? previous.rank : (page - 1) * PAGE + i + 1
      rows.push(rowOf(h, h[field], rank))
    })

    let me: RankingRow | null = null
    if (household) {
      const inPeriod = Object.entries(where).every(([k, v]) => (household as any)[k] === v)
      const points = inPeriod ? household[field] : 0
      // the household's own place, even when it is not on this page: one count of those ahead of it
      const onPage = rows.find(r => r.householdId === household._id)
      const _ = ctx.db.command
      me =
        onPage ??
        rowOf(
          household,
          points,
          (
            (await ctx.db
              .collection('households')
              .where({ villageId, ...where, [field]: _.gt(points) })
              .count()) as { total: number }
          ).total + 1
        )
    }
    const villageName = household?.village.name ?? pageDocs[0]?.village.name ?? ''
    return { rows, page, hasMore: pageRes.data.length > PAGE, me, villageName }
  }
}

const rowOf = (h: HouseholdDoc, points: number, rank: number): RankingRow => ({
  rank,
  householdId: h._id,
  doorPlate: h.doorPlate,
  head: h.head,
  points,
  stars: starLevel(h.earned, h.village.starThresholds)
})
