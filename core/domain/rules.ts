import { periodKeys } from './period'
import type { ErrorCode } from './errors'

/** Who may put a rule forward: a cadre scores directly; grid workers propose and villagers claim (reviewed). */
export type Proposer = 'cadre' | 'gridWorker' | 'villager'
export type CapPeriod = 'month' | 'quarter' | 'year'

/** The categories of the catalogue (积分细则), as Guanghan's villages use them. */
export const CATEGORIES = ['人居环境', '乡风文明', '遵纪守法', '公益参与', '孝老爱亲', '平安建设'] as const
export type Category = (typeof CATEGORIES)[number]

/** The terms of a 细则条目 that an entry is judged by, and that the entry keeps as its snapshot. */
export interface RuleTerms {
  category: Category
  title: string
  /** allowed points per entry; min == max for a fixed value; negative for deductions */
  points: { min: number; max: number }
  /** the most a household can gain (or lose) by this rule in one period; null: no cap */
  cap: { period: CapPeriod; max: number } | null
  evidenceRequired: boolean
  proposers: Proposer[]
}

export const CAP_PERIOD_NAMES: Record<CapPeriod, string> = { month: '每月', quarter: '每季度', year: '每年' }

/** Why these points cannot be given by this rule, or null when they can. */
export function pointsProblem(terms: RuleTerms, points: number): ErrorCode | null {
  if (!Number.isInteger(points) || points === 0) return 'POINTS_OUT_OF_RANGE'
  if (points < terms.points.min || points > terms.points.max) return 'POINTS_OUT_OF_RANGE'
  return null
}

/** A rule's terms are consistent: range ordered and of one sign, cap of that sign's size. */
export function termsProblem(terms: RuleTerms): string | null {
  const { min, max } = terms.points
  if (min > max) return '最低分不能大于最高分'
  if (min < 0 && max > 0) return '一条细则只能加分或只能扣分'
  if (min === 0 && max === 0) return '分值不能为0'
  if (terms.cap && terms.cap.max < Math.max(Math.abs(min), Math.abs(max))) return '封顶分不能小于一次的分值'
  return null
}

/** The period a cap counts in, e.g. "2026-11" for a monthly cap. */
export const capPeriodKey = (period: CapPeriod, atMs: number): string => periodKeys(atMs)[period]

export const describePoints = (p: { min: number; max: number }): string =>
  p.min === p.max
    ? `${p.min > 0 ? '+' : ''}${p.min}分`
    : `${p.min > 0 ? '+' : ''}${p.min}～${p.max > 0 ? '+' : ''}${p.max}分`

/** What a household has used of capped rules: rule id → the period counted and the amount used in it. */
export type CapsUsed = Record<string, { period: string; used: number }>

/**
 * How much of a capped rule the household has used in the period that `atMs` falls in, and how much is
 * left; null for a rule without a cap. The ledger keeps `used` in the rule's own direction (points
 * gained by an award rule, lost by a deduction rule).
 */
export function capUse(
  caps: CapsUsed | undefined,
  rule: { id: string; cap: RuleTerms['cap'] },
  atMs: number
): { used: number; max: number; left: number; periodName: string } | null {
  if (!rule.cap) return null
  const current = caps?.[rule.id]
  const used = current?.period === capPeriodKey(rule.cap.period, atMs) ? current.used : 0
  return {
    used,
    max: rule.cap.max,
    left: Math.max(0, rule.cap.max - used),
    periodName: CAP_PERIOD_USE[rule.cap.period]
  }
}

const CAP_PERIOD_USE: Record<CapPeriod, string> = { month: '本月', quarter: '本季度', year: '今年' }

/** Why a request for `points` by this rule would be refused by its cap (the message to show), or null. */
export function capRefusal(
  caps: CapsUsed | undefined,
  rule: { id: string; cap: RuleTerms['cap'] },
  points: number,
  atMs: number
): string | null {
  const use = capUse(caps, rule, atMs)
  if (!use || Math.abs(points) <= use.left) return null
  return use.left === 0
    ? `这一项${use.periodName}已经到了封顶的${use.max}分`
    : `这一项${use.periodName}已用${use.used}分，封顶${use.max}分，最多还能${use.left}分`
}
