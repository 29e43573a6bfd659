import type { Database } from './context'
import { data } from './data/store'

/** A village has at most a few thousand households; the check reads them all, and all their capped entries. */
const HOUSEHOLDS_PER_VILLAGE_MAX = 1000
const ENTRIES_CHECKED_MAX = 1_000_000

/**
 * The ledger's invariant, checked from the data: for every household of a village, the balance is
 * the sum of its entries, `earned` is the sum of its score entries, and no capped rule has given more
 * than its cap in any period. Returns what is wrong (nothing, when all is well). Reads the whole
 * village's ledger in one aggregation; meant for tests, the demo and an occasional audit, not for a
 * user's request.
 */
export interface LedgerProblem {
  householdId: string
  problem: 'balance' | 'earned' | 'cap'
  expected: number
  actual: number
  detail?: string
}

export async function checkVillageLedger(db: Database, villageId: string): Promise<LedgerProblem[]> {
  const $ = db.command.aggregate
  const { households, entries } = data({ db })
  const [balances, sums, capUse] = await Promise.all([
    households.find({ villageId }, { fields: ['balance', 'earned'], limit: HOUSEHOLDS_PER_VILLAGE_MAX }),
    entries.aggregate<{ _id: string; balance: number; earned: number }>(pipeline =>
      pipeline
        .match({ villageId })
        .group({
          _id: '$householdId',
          balance: $.sum('$points'),
          earned: $.sum($.cond({ if: $.in(['$kind', ['award', 'deduction', 'correction']]), then: '$points', else: 0 }))
        })
        .limit(HOUSEHOLDS_PER_VILLAGE_MAX * 10)
    ),
    entries.aggregate<CappedEntry>(pipeline =>
      pipeline
        .match({ villageId, 'rule.cap': db.command.neq(null) })
        .project({
          householdId: 1,
          points: 1,
          capPeriod: 1,
          cap: '$rule.cap',
          ruleId: '$rule.id',
          direction: '$rule.points.min'
        })
        .limit(ENTRIES_CHECKED_MAX)
    )
  ])
  const problems: LedgerProblem[] = []
  const byHousehold = new Map(sums.map(s => [s._id, s]))
  for (const h of balances) {
    const sum = byHousehold.get(h._id) ?? { balance: 0, earned: 0 }
    if (sum.balance !== h.balance)
      problems.push({ householdId: h._id, problem: 'balance', expected: sum.balance, actual: h.balance })
    if (sum.earned !== h.earned)
      problems.push({ householdId: h._id, problem: 'earned', expected: sum.earned, actual: h.earned })
  }
  problems.push(...capProblems(capUse))
  return problems
}

interface CappedEntry {
  householdId: string
  points: number
  capPeriod: string
  ruleId: string
  direction: number
  cap: { max: number }
}

function capProblems(entries: CappedEntry[]): LedgerProblem[] {
  const used = new Map<string, { householdId: string; max: number; used: number }>()
  for (const e of entries) {
    const key = `${e.householdId}|${e.ruleId}|${e.capPeriod}`
    const row = used.get(key) ?? { householdId: e.householdId, max: e.cap.max, used: 0 }
    row.used += e.points * (e.direction < 0 ? -1 : 1)
    used.set(key, row)
  }
  return [...used.entries()]
    .filter(([, r]) => r.used > r.max)
    .map(([key, r]) => ({
      householdId: r.householdId,
      problem: 'cap' as const,
      expected: r.max,
      actual: r.used,
      detail: key
    }))
}
