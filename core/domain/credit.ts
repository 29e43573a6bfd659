/**
 * Points for credit (积分贷). A bank sees a household's points summary only under the consent of its
 * head: separate and explicit (PIPL art. 23: who receives what, why, for how long), revocable at any
 * time, expiring by itself. Pure rules; the credit routes check them on every read by the bank.
 */
export const CONSENT_DAYS = [30, 90, 180, 365] as const
export const DAY_MS = 24 * 3600_000

/** What the bank sees: named in the consent text the villager agrees to. */
export const CONSENT_SCOPE = ['可用积分', '今年和去年的得分', '星级', '在本村的排名', '最近12个月的积分明细'] as const

export interface ConsentTerms {
  grantedAt: number
  expiresAt: number
  revokedAt: number | null
}

export type ConsentState = 'inForce' | 'revoked' | 'expired'

export function consentState(c: ConsentTerms, nowMs: number): ConsentState {
  if (c.revokedAt !== null) return 'revoked'
  return nowMs < c.expiresAt ? 'inForce' : 'expired'
}

export const CONSENT_STATE_NAMES: Record<ConsentState, string> = {
  inForce: '已授权',
  revoked: '已撤回',
  expired: '已过期'
}

/**
 * A bank's rate policy: the base rate, how much each full 100 points takes off, and the most it takes
 * off (in Guanghan each 100 points took another 0.1 percentage point off a loan's rate).
 */
export interface RatePolicy {
  baseRatePct: number
  cutPer100Pct: number
  maxCutPct: number
}

/** The rate a household's earned points would get under a policy: an estimate, the bank decides. */
export function estimateRate(policy: RatePolicy, earned: number): { cutPct: number; ratePct: number } {
  const steps = Math.max(0, Math.floor(earned / 100))
  const cutPct = Math.min(policy.maxCutPct, round2(steps * policy.cutPer100Pct))
  return { cutPct, ratePct: round2(policy.baseRatePct - cutPct) }
}

const round2 = (n: number) => Math.round(n * 100) / 100
