import { periodKeys } from './period'
import { capPeriodKey, RuleTerms } from './rules'
import type { ErrorCode } from './errors'

export type EntryKind = 'award' | 'deduction' | 'redemption' | 'refund' | 'correction'

/** Kinds that count as earned (score) points; redemption and refund move only the spendable balance. */
export const SCORE_KINDS: readonly EntryKind[] = ['award', 'deduction', 'correction']

/**
 * What a household's document keeps about its ledger, updated in the same transaction as each entry:
 * `balance` (spendable, == sum of all entries), `earned` (== sum of score entries; ranks and stars),
 * points of the current month and year, and the used amount of each capped rule in its current period.
 */
export interface LedgerState {
  balance: number
  earned: number
  monthKey: string
  monthPoints: number
  yearKey: string
  yearPoints: number
  caps: Record<string, { period: string; used: number }>
}

export interface Posting {
  kind: EntryKind
  points: number
  at: number
  /** the rule whose cap this entry counts against, with its terms at the time */
  rule: { id: string; terms: Pick<RuleTerms, 'cap' | 'points'> } | null
  /** when the cap counts in another period than `at` (a correction of an earlier entry) */
  capAt?: number
}

export const emptyLedgerState = (): LedgerState => ({
  balance: 0,
  earned: 0,
  monthKey: '',
  monthPoints: 0,
  yearKey: '',
  yearPoints: 0,
  caps: {}
})

/**
 * The household's ledger state after one more entry, or the reason it cannot be taken. Pure: the
 * ledger module runs it inside the transaction on the document it read. A cap limits the absolute
 * amount a rule adds (or takes) in its period; corrections may bring the used amount down, and may
 * raise it only as far as the cap (a correction from 5 to 15 points is 10 more of the rule).
 */
export function applyEntry(state: LedgerState, posting: Posting): LedgerState | { refused: ErrorCode } {
  const next: LedgerState = { ...state, caps: { ...state.caps } }
  next.balance += posting.points
  if (SCORE_KINDS.includes(posting.kind)) {
    const keys = periodKeys(posting.at)
    next.earned += posting.points
    next.monthPoints = (state.monthKey === keys.month ? state.monthPoints : 0) + posting.points
    next.monthKey = keys.month
    next.yearPoints = (state.yearKey === keys.year ? state.yearPoints : 0) + posting.points
    next.yearKey = keys.year
  }
  const cap = posting.rule?.terms.cap
  if (posting.rule && cap) {
    // used counts the rule's own direction: points gained by an award rule, points lost by a deduction rule
    const direction = posting.rule.terms.points.min < 0 ? -1 : 1
    const period = capPeriodKey(cap.period, posting.capAt ?? posting.at)
    const current = state.caps[posting.rule.id]
    const used = current?.period === period ? current.used : 0
    const after = used + posting.points * direction
    const raises = posting.kind !== 'correction' || posting.points * direction > 0
    if (raises && after > cap.max) return { refused: 'CAP_REACHED' }
    // only the latest period's use limits future entries; correcting an older period changes nothing here
    if (!current || current.period <= period) next.caps[posting.rule.id] = { period, used: Math.max(0, after) }
  }
  return next
}
