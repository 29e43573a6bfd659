import type { OverviewRow, TrendPoint } from '../../../core/contract/county'
import { AppError } from '../../../core/contract/errors'
import { emptyMonth, lastTwelveMonths, MonthFigures, percent } from '../../../core/domain/figures'
import { periodKeys } from '../../../core/domain/period'
import type { PlaceDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import type { RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'

/**
 * The town and county overview (镇街/县 总览): one read of the places (towns and villages) and one of
 * the villages' figures of this year and last; nothing of households or entries is read, so the cost
 * grows with the number of villages only. Points and participation are kept live (an increment after
 * each entry); bindings, claims waiting, overdue issues and the checklist come from the hourly
 * recount, hence "更新于 …" on the page.
 */

/** Towns and villages of a county: a few hundred. */
const PLACES_MAX = 1000

interface Scope {
  kind: 'town' | 'county'
  townId: string | null
}

/** A county administrator sees any town or the county; a town administrator their town. */
function scopeOf(ctx: RouteCtx, townId: string | undefined): Scope {
  const town = grantOf(ctx.identity, 'townAdmin')
  if (grantOf(ctx.identity, 'countyAdmin')) return townId ? { kind: 'town', townId } : { kind: 'county', townId: null }
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
  const [places, stats] = await Promise.all([
    data(ctx).places.find({ kind: _.in(['town', 'village']) }, { limit: PLACES_MAX }),
    data(ctx).villageStats.find(scope.townId ? { townId: scope.townId, year: _.in(years) } : { year: _.in(years) }, {
      limit: PLACES_MAX * years.length
    })
  ])
  const towns = places.filter(p => p.kind === 'town')
  const villages = places.filter(p => p.kind === 'village' && (!scope.townId || p.parentId === scope.townId))
  if (scope.townId && !towns.some(t => t._id === scope.townId)) throw new AppError('NOT_FOUND', '没有找到这个镇街')

  const statsOf = new Map<string, Map<string, MonthFigures>>()
  const activeYearOf = new Map<string, number>()
  for (const s of stats) {
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
    // a month before any recount recorded its households has no coverage to show, not 0 %
    return {
      month: m,
      coverage: households > 0 ? percent(households, registered) : null,
      participation: percent(active, households),
      awarded,
      deducted
    }
  })
}
