import { emptyMonth, MONTH_KEYS, monthSlot, MonthFigures, VillageYearFigures } from '../../core/domain/figures'
import { periodKeys } from '../../core/domain/period'
import { DAY_MS, ISSUE_DUE_DAYS } from '../../core/domain/workflow'
import type { Database } from './context'
import { data } from './data/store'

/**
 * The villages' figures recounted from the data: the entries (points by kind and month, households
 * active per month and year) and the village's present state (bound households, claims waiting,
 * issues overdue, the roll-out checklist). The timer writes them every hour, repairing any drift of
 * the live increments; the ledger check compares them with what is stored.
 */
export type VillageStatsDoc = VillageYearFigures

/** The present state of a village, recounted hourly and kept on its place document as `figures`. */
export interface VillageSnapshot {
  households: number
  people: number
  boundHouseholds: number
  claimsWaiting: number
  issuesOverdue: number
  rules: number
  cadres: number
  gridWorkers: number
  registerImported: boolean
  at: number
}

export const statsIdOf = (villageId: string, year: string) => `${villageId}:${year}`

export const emptyStats = (villageId: string, townId: string, year: string): VillageStatsDoc => ({
  _id: statsIdOf(villageId, year),
  villageId,
  townId,
  year,
  months: Object.fromEntries(MONTH_KEYS.map(k => [k, emptyMonth()])),
  activeYear: 0,
  recountedAt: 0
})

const SCORE = ['award', 'deduction', 'correction']

/** A village's figures of one year, from its entries: three aggregations. */
export async function recountVillageYear(
  db: Database,
  villageId: string,
  townId: string,
  year: string
): Promise<VillageStatsDoc> {
  const $ = db.command.aggregate
  const _ = db.command
  const { entries } = data({ db })
  // households' entries only: party members' accounts (member:<id>) share the collection
  const households = { householdId: _.exists(true) }
  const [byKind, activeByMonth, activeInYear] = await Promise.all([
    entries.aggregate<{ _id: { month: string; kind: string }; points: number }>(pipeline =>
      pipeline
        .match({ villageId, year, ...households })
        .group({ _id: { month: '$month', kind: '$kind' }, points: $.sum('$points') })
        .limit(1000)
    ),
    entries.aggregate<{ _id: string; n: number }>(pipeline =>
      pipeline
        .match({ villageId, year, kind: _.in(SCORE), ...households })
        .group({ _id: { month: '$month', householdId: '$householdId' } })
        .group({ _id: '$_id.month', n: $.sum(1) })
        .limit(100)
    ),
    entries.aggregate<{ n: number }>(pipeline =>
      pipeline
        .match({ villageId, year, kind: _.in(SCORE), ...households })
        .group({ _id: '$householdId' })
        .group({ _id: null, n: $.sum(1) })
    )
  ])
  const doc = emptyStats(villageId, townId, year)
  for (const row of byKind) {
    const { slot } = monthSlot(row._id.month)
    doc.months[slot][row._id.kind as keyof MonthFigures] = row.points
  }
  for (const row of activeByMonth) doc.months[monthSlot(row._id).slot].active = row.n
  doc.activeYear = activeInYear[0]?.n ?? 0
  return doc
}

/** The live figures that differ from a recount ("m11.award: stored 120, recounted 125"). */
export function figuresDiffer(stored: VillageStatsDoc | null, recounted: VillageStatsDoc): string[] {
  const problems: string[] = []
  const have = stored ?? emptyStats(recounted.villageId, recounted.townId, recounted.year)
  for (const slot of MONTH_KEYS)
    for (const field of ['award', 'deduction', 'correction', 'redemption', 'refund', 'active'] as const) {
      const a = have.months?.[slot]?.[field] ?? 0
      const b = recounted.months[slot][field]
      if (a !== b) problems.push(`${recounted._id} ${slot}.${field}: stored ${a}, recounted ${b}`)
    }
  if ((have.activeYear ?? 0) !== recounted.activeYear)
    problems.push(`${recounted._id} activeYear: stored ${have.activeYear}, recounted ${recounted.activeYear}`)
  return problems
}

/** A village's present state: counts by indexed queries, in parallel. */
export async function snapshotVillage(db: Database, villageId: string, now: number): Promise<VillageSnapshot> {
  const _ = db.command
  const store = data({ db })
  const [households, people, bound, claims, overdue, rules, cadres, gridWorkers, imports] = await Promise.all([
    store.households.count({ villageId }),
    store.people.count({ villageId }),
    store.households.count({ villageId, 'boundUsers.0': _.exists(true) }),
    store.pending.count({ villageId, state: 'pending' }),
    store.issues.count({
      villageId,
      state: _.in(['received', 'handling']),
      at: _.lt(now - ISSUE_DUE_DAYS * DAY_MS)
    }),
    store.rules.count({ villageId, active: true }),
    store.grants.count({ villageId, role: 'cadre' }),
    store.grants.count({ villageId, role: 'gridWorker' }),
    store.imports.count({ villageId, state: 'done' })
  ])
  return {
    households,
    people,
    boundHouseholds: bound,
    claimsWaiting: claims,
    issuesOverdue: overdue,
    rules,
    cadres,
    gridWorkers,
    registerImported: imports > 0,
    at: now
  }
}

/**
 * The hourly recount of one village: its state onto its place document, this year's figures (and
 * last year's in January, when late corrections may still land there) written exactly.
 */
export async function recountVillage(db: Database, villageId: string, townId: string, now: number) {
  const snapshot = await snapshotVillage(db, villageId, now)
  const { year, month } = periodKeys(now)
  const stats = await recountVillageYear(db, villageId, townId, year)
  stats.months[monthSlot(month).slot].households = snapshot.households
  stats.recountedAt = now
  const store = data({ db })
  await Promise.all([store.places.update(villageId, { figures: snapshot }), store.villageStats.set(stats)])
  return snapshot
}
