/**
 * Periods (month, quarter, year) are counted in China Standard Time. Asia/Shanghai has kept UTC+8
 * without daylight saving since 1991, so a fixed offset is exact, and it works the same in every
 * mini-program JavaScript engine, where Intl time-zone support cannot be relied on.
 */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000

export interface PeriodKeys {
  month: string // 2026-11
  quarter: string // 2026-Q4
  year: string // 2026
}

export function periodKeys(atMs: number): PeriodKeys {
  const d = new Date(atMs + CST_OFFSET_MS)
  const year = d.getUTCFullYear()
  const month = d.getUTCMonth() + 1
  return {
    month: `${year}-${String(month).padStart(2, '0')}`,
    quarter: `${year}-Q${Math.ceil(month / 3)}`,
    year: String(year)
  }
}

/** The quarter before `quarter` ("2026-Q1" → "2025-Q4"). */
export function previousQuarter(quarter: string): string {
  const [y, q] = quarter.split('-Q').map(Number)
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`
}

/** A period key as people say it: "2026-Q4" → "2026年第4季度", "2026-11" → "2026年11月", "2026" → "2026年". */
export function periodWords(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key)
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`
  const month = /^(\d{4})-(\d{2})$/.exec(key)
  if (month) return `${month[1]}年${Number(month[2])}月`
  return /^\d{4}$/.test(key) ? `${key}年` : key
}

/** "2026年11月27日 18:05" in China Standard Time. */
/** Which kind of period a period key is: 2026, 2026-Q4 or 2026-11. */
export const periodKindOf = (key: string): keyof PeriodKeys =>
  key.length === 4 ? 'year' : key.includes('Q') ? 'quarter' : 'month'

export function formatDateTime(atMs: number): string {
  const d = new Date(atMs + CST_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** "11月27日" in China Standard Time: the short date of a line on the home card. */
export function formatDate(atMs: number): string {
  const d = new Date(atMs + CST_OFFSET_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

/**
 * The first and last millisecond of a day ("2026-11-27", as a date picker gives it) in China Standard
 * Time, or null for anything else.
 */
export function dayBounds(day: string): { from: number; to: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return null
  const from = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - CST_OFFSET_MS
  return { from, to: from + 24 * 60 * 60 * 1000 - 1 }
}
