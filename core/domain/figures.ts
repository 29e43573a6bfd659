import type { EntryKind } from './ledger'

/**
 * A village's figures by month, as kept in `villageStats/<village>:<year>` and shown on the town and
 * county overview. Points are sums of entries by kind (deductions and redemptions are negative sums);
 * `active` counts households with at least one score entry in the month.
 */
export interface MonthFigures {
  award: number
  deduction: number
  correction: number
  redemption: number
  refund: number
  active: number
  /** households in the archive when the month was last recounted (the coverage trend) */
  households?: number
}

export const MONTH_KEYS = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10', 'm11', 'm12'] as const
export type MonthKey = (typeof MONTH_KEYS)[number]

/** "2026-11" → the year "2026" and the field "m11". */
export const monthSlot = (month: string) => ({ year: month.slice(0, 4), slot: `m${month.slice(5, 7)}` as MonthKey })

export const emptyMonth = (): MonthFigures => ({
  award: 0,
  deduction: 0,
  correction: 0,
  redemption: 0,
  refund: 0,
  active: 0
})

/** What one entry adds to its village's figures. */
export interface FiguresDelta {
  villageId: string
  townId: string
  month: string
  kind: EntryKind
  points: number
  /** the household's first score entry of the month / year */
  newInMonth: boolean
  newInYear: boolean
}

/** The last 12 months ending with `month`, oldest first ("2025-12" … "2026-11"). */
export function lastTwelveMonths(month: string): string[] {
  let y = Number(month.slice(0, 4))
  let m = Number(month.slice(5, 7))
  const out: string[] = []
  for (let i = 0; i < 12; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`)
    m -= 1
    if (m === 0) {
      m = 12
      y -= 1
    }
  }
  return out
}

/** a ÷ b as a percentage with one decimal, or null when there is nothing to divide by */
export const percent = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 1000) / 10 : null)

/** A village's figures of one year (`<villageId>:<year>`), as stored. */
export interface VillageYearFigures {
  _id: string
  villageId: string
  townId: string
  year: string
  months: Record<string, MonthFigures>
  /** households with a score entry this year */
  activeYear: number
  recountedAt: number
}

/** Figures of entries already known (seeding): per village and year, as the live increments keep them. */
export function figuresOfEntries(
  entries: { villageId: string; householdId: string; kind: EntryKind; points: number; month: string }[],
  townOf: (villageId: string) => string
): VillageYearFigures[] {
  const docs = new Map<string, VillageYearFigures>()
  const seenMonth = new Set<string>()
  const seenYear = new Set<string>()
  for (const e of entries) {
    const { year, slot } = monthSlot(e.month)
    const id = `${e.villageId}:${year}`
    let doc = docs.get(id)
    if (!doc) {
      doc = {
        _id: id,
        villageId: e.villageId,
        townId: townOf(e.villageId),
        year,
        months: Object.fromEntries(MONTH_KEYS.map(k => [k, emptyMonth()])),
        activeYear: 0,
        recountedAt: 0
      }
      docs.set(id, doc)
    }
    const month = doc.months[slot]
    month[e.kind] += e.points
    if (['award', 'deduction', 'correction'].includes(e.kind)) {
      if (!seenMonth.has(`${e.householdId}|${e.month}`)) {
        seenMonth.add(`${e.householdId}|${e.month}`)
        month.active += 1
      }
      if (!seenYear.has(`${e.householdId}|${year}`)) {
        seenYear.add(`${e.householdId}|${year}`)
        doc.activeYear += 1
      }
    }
  }
  return [...docs.values()]
}
