/**
 * Fairness statistics (公平性): who scores whom and how much, for one village and one period, and
 * which scorers' patterns stand out. Pure: the route reads the period's entries of one village, its
 * objections and its households' groups, and this module counts.
 */

export interface ScoredEntry {
  id: string
  householdId: string
  /** the scorer: the cadre who scored, or the grid worker whose proposal it was */
  scorer: string
  scorerName: string
  points: number
}

export interface ObjectionFact {
  entryId: string
  upheld: boolean
}

/** A scorer needs this many entries in the period before their pattern is judged. */
export const MIN_ENTRIES_TO_JUDGE = 10
/** Flag: their top 3 households got at least this share of the points they gave. */
export const FEW_HOUSEHOLDS_SHARE = 0.5
/** Flag: one group got at least this share of the points they gave… */
export const ONE_GROUP_SHARE = 0.7
/** …while it holds less than this share of the village's households. */
export const ONE_GROUP_HOUSEHOLDS_MAX = 0.5
/** Flag: at least this many objections to their entries, and at least this share upheld. */
export const UPHELD_MIN = 3
export const UPHELD_SHARE = 1 / 3

export type Flag = 'fewHouseholds' | 'oneGroup' | 'upheldObjections'

export const FLAG_TEXT: Record<Flag, string> = {
  fewHouseholds: '加分集中在少数几户',
  oneGroup: '加分集中在一个组',
  upheldObjections: '被提异议并成立的较多'
}

export interface ScorerRow {
  /** a stable key for the page (not the openid) */
  key: string
  name: string
  entries: number
  given: number
  taken: number
  households: number
  /** share of the points they gave that went to their top 3 households */
  top3Share: number
  /** the group that got most of the points they gave, and its share */
  topGroup: { name: string; share: number } | null
  objections: number
  upheld: number
  flags: Flag[]
}

export interface VillageFigures {
  villageId: string
  villageName: string
  households: number
  entries: number
  given: number
  taken: number
  householdsScored: number
  /** share of the points given that went to the top 10 % of the village's households */
  top10Share: number
  /** households with no score entry in the last six months */
  idleSixMonths: number
  objections: number
  upheld: number
}

export interface FairnessReport {
  period: 'month' | 'quarter' | 'year'
  key: string
  villages: { id: string; name: string }[]
  village: VillageFigures
  scorers: ScorerRow[]
}

export interface VillageDistribution {
  villageName: string
  month: string
  households: number
  /** households with points (positive) this month */
  withPoints: number
  /** households whose month ended below zero */
  belowZero: number
  bands: { label: string; count: number }[]
}

/** Month-points bands shown to villagers: how many households got how much. */
export const DISTRIBUTION_BANDS: { label: string; min: number; max: number | null }[] = [
  { label: '1–10分', min: 1, max: 10 },
  { label: '11–20分', min: 11, max: 20 },
  { label: '21–40分', min: 21, max: 40 },
  { label: '41分以上', min: 41, max: null }
]

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0)

/** Positive points per household, largest first. */
function givenByHousehold(entries: readonly ScoredEntry[]): number[] {
  const by = new Map<string, number>()
  for (const e of entries) if (e.points > 0) by.set(e.householdId, (by.get(e.householdId) ?? 0) + e.points)
  return [...by.values()].sort((a, b) => b - a)
}

export function villageFigures(
  village: { id: string; name: string; households: number },
  entries: readonly ScoredEntry[],
  objections: readonly ObjectionFact[],
  scoredInSixMonths: number
): VillageFigures {
  const given = sum(entries.filter(e => e.points > 0).map(e => e.points))
  const topCount = Math.max(1, Math.ceil(village.households * 0.1))
  return {
    villageId: village.id,
    villageName: village.name,
    households: village.households,
    entries: entries.length,
    given,
    taken: sum(entries.filter(e => e.points < 0).map(e => e.points)),
    householdsScored: new Set(entries.map(e => e.householdId)).size,
    top10Share: share(sum(givenByHousehold(entries).slice(0, topCount)), given),
    idleSixMonths: Math.max(0, village.households - scoredInSixMonths),
    objections: objections.length,
    upheld: objections.filter(o => o.upheld).length
  }
}

/**
 * One row per scorer, most entries first, with the flags their pattern earns. `groupOf` names each
 * household's group; `groupSizes` counts the village's households per group name.
 */
export function scorerRows(
  entries: readonly ScoredEntry[],
  objections: readonly ObjectionFact[],
  groupOf: (householdId: string) => string,
  groupSizes: ReadonlyMap<string, number>
): ScorerRow[] {
  const householdsInVillage = sum([...groupSizes.values()])
  const byScorer = new Map<string, ScoredEntry[]>()
  for (const e of entries) byScorer.set(e.scorer, [...(byScorer.get(e.scorer) ?? []), e])
  const scorerOfEntry = new Map(entries.map(e => [e.id, e.scorer]))
  const rows = [...byScorer.entries()].map(([scorer, mine], i): ScorerRow => {
    const given = sum(mine.filter(e => e.points > 0).map(e => e.points))
    const perGroup = new Map<string, number>()
    for (const e of mine)
      if (e.points > 0) perGroup.set(groupOf(e.householdId), (perGroup.get(groupOf(e.householdId)) ?? 0) + e.points)
    const [groupName, groupPoints] = [...perGroup.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
    const theirs = objections.filter(o => scorerOfEntry.get(o.entryId) === scorer)
    const row: ScorerRow = {
      key: `s${i + 1}`,
      name: mine[0].scorerName,
      entries: mine.length,
      given,
      taken: sum(mine.filter(e => e.points < 0).map(e => e.points)),
      households: new Set(mine.map(e => e.householdId)).size,
      top3Share: share(sum(givenByHousehold(mine).slice(0, 3)), given),
      topGroup: groupName ? { name: groupName, share: share(groupPoints, given) } : null,
      objections: theirs.length,
      upheld: theirs.filter(o => o.upheld).length,
      flags: []
    }
    row.flags = flagsOf(row, (groupSizes.get(groupName) ?? 0) / Math.max(1, householdsInVillage))
    return row
  })
  return rows.sort((a, b) => b.entries - a.entries || (a.name < b.name ? -1 : 1))
}

function flagsOf(row: ScorerRow, topGroupHouseholdShare: number): Flag[] {
  const flags: Flag[] = []
  const judged = row.entries >= MIN_ENTRIES_TO_JUDGE
  if (judged && row.top3Share >= FEW_HOUSEHOLDS_SHARE) flags.push('fewHouseholds')
  if (
    judged &&
    row.topGroup &&
    row.topGroup.share >= ONE_GROUP_SHARE &&
    topGroupHouseholdShare < ONE_GROUP_HOUSEHOLDS_MAX
  )
    flags.push('oneGroup')
  if (row.objections >= UPHELD_MIN && row.upheld / row.objections >= UPHELD_SHARE) flags.push('upheldObjections')
  return flags
}

/** The first and the next millisecond of a period key (2026-11, 2026-Q4, 2026), China Standard Time. */
export function periodRange(key: string): { fromMs: number; toMs: number } {
  const offset = 8 * 60 * 60 * 1000
  const [y, rest] = key.split('-')
  const year = Number(y)
  let from: [number, number]
  let to: [number, number]
  if (!rest)
    [from, to] = [
      [year, 0],
      [year + 1, 0]
    ]
  else if (rest.startsWith('Q')) {
    const q = Number(rest.slice(1)) - 1
    ;[from, to] = [
      [year, q * 3],
      [year, q * 3 + 3]
    ]
  } else {
    const m = Number(rest) - 1
    ;[from, to] = [
      [year, m],
      [year, m + 1]
    ]
  }
  return { fromMs: Date.UTC(from[0], from[1]) - offset, toMs: Date.UTC(to[0], to[1]) - offset }
}
