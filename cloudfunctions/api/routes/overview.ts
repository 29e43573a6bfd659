import type { OverviewRow, TrendPoint, WideRankingRow } from '../../../core/contract/county'
import { AppError } from '../../../core/contract/errors'
import { emptyMonth, lastTwelveMonths, MonthFigures, percent } from '../../../core/domain/figures'
import { periodKeys } from '../../../core/domain/period'
import type { VillageStatsDoc } from '../../shared/village-figures'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { getDoc } from '../identity'
import type { HouseholdDoc, PlaceDoc } from '../model/documents'
import type { Handler, RouteCtx } from '../router'
import { grantOf } from '../scope'

/**
 * The town and county overview (镇街/县 总览): one read of the places (towns and villages) and one of
 * the villages' figures of this year and last; nothing of households or entries is read, so the cost
 * grows with the number of villages only. Points and participation are kept live (an increment after
 * each entry); bindings, claims waiting, overdue issues and the checklist come from the hourly
 * recount, hence "更新于 …" on the page.
 */

interface Scope {
  kind: 'town' | 'county'
  townId: string | null
}

function scopeOf(ctx: RouteCtx, townId: string | undefined): Scope {
  const town = grantOf(ctx, 'townAdmin')
  if (grantOf(ctx, 'countyAdmin')) return townId ? { kind: 'town', townId } : { kind: 'county', townId: null }
  if (!town) throw new AppError('FORBIDDEN')
  if (townId && townId !== town.townId) throw new AppError('FORBIDDEN', '只能查看本镇街的总览')
  return { kind: 'town', townId: town.townId }
}

interface VillageFigures {
  place: PlaceDoc
  month: MonthFigures
  activeYear: number
  stats: Map<string, MonthFigures>
}

function villageRow(v: VillageFigures): OverviewRow {
  const p = v.place
  const f = p.figures
  const households = p.householdCount ?? 0
  return {
    id: p._id,
    name: p.name,
    kind: 'village',
    households,
    registeredHouseholds: p.registeredHouseholds ?? 0,
    people: p.peopleCount ?? f?.people ?? 0,
    boundHouseholds: f?.boundHouseholds ?? 0,
    coverage: percent(households, p.registeredHouseholds ?? 0),
    participationMonth: percent(v.month.active, households),
    participationYear: percent(v.activeYear, households),
    awardedMonth: v.month.award,
    deductedMonth: -v.month.deduction,
    redeemedMonth: -(v.month.redemption + v.month.refund),
    claimsWaiting: f?.claimsWaiting ?? 0,
    issuesOverdue: f?.issuesOverdue ?? 0,
    rulesAdopted: f && f.rules > 0 ? 1 : 0,
    registerImported: f?.registerImported ? 1 : 0,
    cadres: f?.cadres ?? 0,
    gridWorkers: f?.gridWorkers ?? 0,
    villages: 1
  }
}

/** Villages summed into a town (or the county): counts add, percentages are recomputed from the sums. */
function sumRows(
  id: string,
  name: string,
  kind: OverviewRow['kind'],
  rows: OverviewRow[],
  active: { month: number; year: number }
): OverviewRow {
  const sum = (f: keyof OverviewRow) => rows.reduce((s, r) => s + ((r[f] as number) ?? 0), 0)
  const households = sum('households')
  const registered = sum('registeredHouseholds')
  return {
    id,
    name,
    kind,
    households,
    registeredHouseholds: registered,
    people: sum('people'),
    boundHouseholds: sum('boundHouseholds'),
    coverage: percent(households, registered),
    participationMonth: percent(active.month, households),
    participationYear: percent(active.year, households),
    awardedMonth: sum('awardedMonth'),
    deductedMonth: sum('deductedMonth'),
    redeemedMonth: sum('redeemedMonth'),
    claimsWaiting: sum('claimsWaiting'),
    issuesOverdue: sum('issuesOverdue'),
    rulesAdopted: sum('rulesAdopted'),
    registerImported: sum('registerImported'),
    cadres: sum('cadres'),
    gridWorkers: sum('gridWorkers'),
    villages: sum('villages')
  }
}

export async function overviewOf(ctx: RouteCtx, townId?: string) {
  const scope = scopeOf(ctx, townId)
  const _ = ctx.db.command
  const { month, year } = periodKeys(ctx.now())
  const years = [String(Number(year) - 1), year]
  const [placesRes, statsRes] = (await Promise.all([
    ctx.db
      .collection('places')
      .where({ kind: _.in(['town', 'village']) })
      .limit(1000)
      .get(),
    ctx.db
      .collection('villageStats')
      .where(scope.townId ? { townId: scope.townId, year: _.in(years) } : { year: _.in(years) })
      .limit(1000)
      .get()
  ])) as unknown as [{ data: PlaceDoc[] }, { data: VillageStatsDoc[] }]
  const towns = placesRes.data.filter(p => p.kind === 'town')
  const villages = placesRes.data.filter(p => p.kind === 'village' && (!scope.townId || p.parentId === scope.townId))
  if (scope.townId && !towns.some(t => t._id === scope.townId)) throw new AppError('NOT_FOUND', '没有找到这个镇街')

  const statsOf = new Map<string, Map<string, MonthFigures>>()
  const activeYearOf = new Map<string, number>()
  for (const s of statsRes.data) {
    const byMonth = statsOf.get(s.villageId) ?? new Map<string, MonthFigures>()
    for (const [slot, figures] of Object.entries(s.months)) byMonth.set(`${s.year}-${slot.slice(1)}`, figures)
    statsOf.set(s.villageId, byMonth)
    if (s.year === year) activeYearOf.set(s.villageId, s.activeYear)
  }
  const figures: VillageFigures[] = villages.map(place => {
    const stats = statsOf.get(place._id) ?? new Map()
    return { place, stats, month: stats.get(month) ?? emptyMonth(), activeYear: activeYearOf.get(place._id) ?? 0 }
  })
  const activeOf = (list: VillageFigures[]) => ({
    month: list.reduce((s, v) => s + v.month.active, 0),
    year: list.reduce((s, v) => s + v.activeYear, 0)
  })
  const villageRows = figures.map(villageRow)
  const rows =
    scope.kind === 'town'
      ? villageRows
      : towns.map(t => {
          const own = figures.filter(v => v.place.parentId === t._id)
          return sumRows(t._id, t.name, 'town', own.map(villageRow), activeOf(own))
        })
  const name = scope.townId ? towns.find(t => t._id === scope.townId)!.name : '全县'
  const recounted = villages.map(v => v.figures?.at ?? 0)
  return {
    scope: scope.kind,
    name,
    month,
    rows,
    total: sumRows(scope.townId ?? 'county', `${name}合计`, 'town', villageRows, activeOf(figures)),
    trend: trendOf(figures, month),
    updatedAt: recounted.length ? Math.min(...recounted) : 0
  }
}

/** Coverage, participation and points month by month over the last 12 months. */
function trendOf(figures: VillageFigures[], month: string): TrendPoint[] {
  const registered = figures.reduce((s, v) => s + (v.place.registeredHouseholds ?? 0), 0)
  return lastTwelveMonths(month).map(m => {
    let households = 0
    let active = 0
    let awarded = 0
    let deducted = 0
    for (const v of figures) {
      const f = v.stats.get(m)
      // a month's household count is the one its recount saw; the current month's is the live one
      households += m === month ? (v.place.householdCount ?? 0) : (f?.households ?? 0)
      active += f?.active ?? 0
      awarded += f?.award ?? 0
      deducted += -(f?.deduction ?? 0)
    }
    return {
      month: m,
      coverage: percent(households, registered),
      participation: percent(active, households),
      awarded,
      deducted
    }
  })
}

export const get: Handler<'overview.get'> = {
  access: { who: 'roles', roles: ['townAdmin', 'countyAdmin'] },
  handle: ({ townId }, ctx) => overviewOf(ctx, townId)
}

/** 户籍户数: entered by the town for each of its villages (the county for any). */
export const setRegistered: Handler<'village.setRegistered'> = {
  access: { who: 'roles', roles: ['townAdmin', 'countyAdmin'] },
  async handle({ requestId, villageId, registeredHouseholds }, ctx) {
    const village = await getDoc<PlaceDoc>(ctx, 'places', villageId)
    if (!village || village.kind !== 'village') throw new AppError('NOT_FOUND', '没有找到这个村')
    const town = grantOf(ctx, 'townAdmin')
    if (!grantOf(ctx, 'countyAdmin') && village.parentId !== town?.townId)
      throw new AppError('FORBIDDEN', '只能填写本镇街各村的户籍户数')
    await ctx.db.collection('places').doc(villageId).update({ data: { registeredHouseholds } })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(
        ctx,
        villageId,
        'village.setRegistered',
        village.name,
        village.registeredHouseholds ?? null,
        registeredHouseholds
      )
    )
    return { registeredHouseholds }
  }
}

/** The town of a caller who belongs to a village (cadre, grid worker, villager) or administers one. */
async function callerTown(ctx: RouteCtx): Promise<{ townId: string; villageId: string | null }> {
  const town = grantOf(ctx, 'townAdmin')
  if (town) return { townId: town.townId, villageId: null }
  const grant = grantOf(ctx, 'cadre') ?? grantOf(ctx, 'gridWorker') ?? grantOf(ctx, 'villager')
  if (!grant) throw new AppError('FORBIDDEN')
  const village = await getDoc<PlaceDoc>(ctx, 'places', grant.villageId)
  return { townId: village?.parentId ?? '', villageId: grant.villageId }
}

/**
 * 全镇/全县家庭积分榜: households by earned points across a town or the county, paged by the last
 * row's (earned, id): a deep page costs what the first does. Ties share a place; the cursor carries
 * the last row's place so the next page continues the count without counting again.
 */
export const wideRanking: Handler<'ranking.wide'> = {
  access: { who: 'roles', roles: ['villager', 'cadre', 'gridWorker', 'townAdmin', 'countyAdmin'] },
  async handle({ scope, after, pageSize }, ctx) {
    const _ = ctx.db.command
    const town = scope === 'town' ? await callerTown(ctx) : null
    const base: Record<string, unknown> = town ? { townId: town.townId } : {}
    const where = after
      ? _.and([
          { ...base, earned: _.lte(after.earned) },
          _.or([{ earned: _.lt(after.earned) }, { _id: _.gt(after.householdId) }])
        ])
      : base
    const mine = grantOf(ctx, 'villager')
    const [page, townPlace, me] = await Promise.all([
      ctx.db
        .collection('households')
        .where(where)
        .orderBy('earned', 'desc')
        .orderBy('_id', 'asc')
        .limit(pageSize + 1)
        .get() as unknown as Promise<{ data: HouseholdDoc[] }>,
      town ? getDoc<PlaceDoc>(ctx, 'places', town.townId) : null,
      !after && mine ? myPlace(ctx, mine.householdId, base) : null
    ])
    const rows = page.data.slice(0, pageSize)
    let rank = after?.rank ?? 0
    let position = after?.position ?? 0
    let previous = after?.earned ?? null
    const ranked: WideRankingRow[] = rows.map(h => {
      position += 1
      if (h.earned !== previous) rank = position
      previous = h.earned
      return rowOf(h, rank)
    })
    const last = ranked[ranked.length - 1]
    return {
      scopeName: town ? (townPlace?.name ?? '') : '全县',
      rows: ranked,
      next:
        page.data.length > pageSize && last
          ? { earned: last.earned, householdId: last.householdId, rank: last.rank, position }
          : null,
      me
    }
  }
}

const rowOf = (h: HouseholdDoc, rank: number): WideRankingRow => ({
  rank,
  householdId: h._id,
  doorPlate: h.doorPlate,
  head: h.head,
  villageName: h.village?.name ?? '',
  earned: h.earned
})

/** A villager's own place: their household, then one count of households above it. */
async function myPlace(ctx: RouteCtx, householdId: string, base: Record<string, unknown>) {
  const h = await getDoc<HouseholdDoc>(ctx, 'households', householdId)
  if (!h) return null
  const above = (await ctx.db
    .collection('households')
    .where({ ...base, earned: ctx.db.command.gt(h.earned) })
    .count()) as unknown as { total: number }
  return rowOf(h, above.total + 1)
}
