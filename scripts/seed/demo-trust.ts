import { periodKeys } from '../../core/domain/period'
import { periodRange } from '../../core/domain/fairness'
import type { RuleTerms } from '../../core/domain/rules'

/**
 * The demo's material for trust (issue 16): 孙志明, 新丰村's second cadre, lives in 1组3号 (so he must
 * leave his own household to others: 回避) and this month gave most of his points to three
 * households of group 1, the pattern the fairness page flags (公平性).
 */
export const SECOND_CADRE = {
  openid: 'demo-cadre-2',
  name: '孙志明',
  householdId: 'h-xf-003'
}

const FAVOURED = ['h-xf-004', 'h-xf-007', 'h-xf-008']
const FAVOUR_RULES: [key: string, points: number][] = [
  ['yard', 20],
  ['civility', 20],
  ['filial', 10],
  ['safety', 15],
  ['law', 5]
]

/** Entries spread over this month up to now, in the seed's entry shape. */
export function favouredEntries(now: number, termsOf: (key: string) => RuleTerms): Record<string, unknown>[] {
  const monthStart = periodRange(periodKeys(now).month).fromMs
  const lines = FAVOURED.flatMap(h => FAVOUR_RULES.map(([key, points]) => ({ h, key, points })))
  return lines.map(({ h, key, points }, i) => {
    const at = Math.floor(monthStart + ((now - monthStart) * (i + 1)) / (lines.length + 1))
    const keys = periodKeys(at)
    const terms = termsOf(key)
    return {
      _id: `seed-fav-${h}-${key}`,
      account: `household:${h}`,
      householdId: h,
      villageId: 'v-xinfeng',
      kind: 'award',
      points,
      rule: { id: `r-xf-${key}`, version: 1, ...terms },
      capPeriod: terms.cap ? keys.month : null,
      correctsId: null,
      note: '',
      evidence: [],
      by: SECOND_CADRE.openid,
      byName: SECOND_CADRE.name,
      requestKey: 'seed',
      at,
      month: keys.month,
      year: keys.year
    }
  })
}
