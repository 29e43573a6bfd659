import type { Database } from './context'
import { data } from './data/store'

/** A village has at most a few thousand accounts; the check reads them all, and all their capped entries. */
const ACCOUNTS_PER_VILLAGE_MAX = 1000
const ENTRIES_CHECKED_MAX = 1_000_000
import { figuresDiffer, recountVillageYear, statsIdOf } from './village-figures'

/**
 * The ledger's invariant, checked from the data: for every account of a village (its households and
 * its party members, `household:<id>` and `member:<id>`), the balance is the sum of its entries,
 * `earned` is the sum of its score entries, and no capped rule has given more than its cap in any
 * period. Returns what is wrong (nothing, when all is well). Reads the whole
 * village's ledger in one aggregation; meant for tests, the demo and an occasional audit, not for a
 * user's request.
 */
export interface LedgerProblem {
  /** the account: "household:<id>" or "member:<id>" */
  account: string
  problem: 'balance' | 'earned' | 'cap'
  expected: number
  actual: number
  detail?: string
}

export async function checkVillageLedger(db: Database, villageId: string): Promise<LedgerProblem[]> {
  const $ = db.command.aggregate
  const store = data({ db })
  const [households, members, sums, capUse] = await Promise.all([
    store.households.find({ villageId }, { fields: ['balance', 'earned'], limit: ACCOUNTS_PER_VILLAGE_MAX }),
    store.partyMembers.find({ villageId }, { fields: ['balance', 'earned'], limit: ACCOUNTS_PER_VILLAGE_MAX }),
    store.entries.aggregate<{ _id: string; balance: number; earned: number }>(pipeline =>
      pipeline
        .match({ villageId })
        .group({
          _id: '$account',
          balance: $.sum('$points'),
          earned: $.sum($.cond({ if: $.in(['$kind', ['award', 'deduction', 'correction']]), then: '$points', else: 0 }))
        })
        .limit(ACCOUNTS_PER_VILLAGE_MAX * 10)
    ),
    store.entries.aggregate<CappedEntry>(pipeline =>
      pipeline
        .match({ villageId, 'rule.cap': db.command.neq(null) })
        .project({
          account: 1,
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
  const byAccount = new Map(sums.map(s => [s._id, s]))
  const accounts = [
    ...households.map(h => ({ ...h, account: `household:${h._id}` })),
    ...members.map(m => ({ ...m, account: `member:${m._id}` }))
  ]
  for (const a of accounts) {
    const sum = byAccount.get(a.account) ?? { balance: 0, earned: 0 }
    if (sum.balance !== (a.balance ?? 0))
      problems.push({ account: a.account, problem: 'balance', expected: sum.balance, actual: a.balance })
    if (sum.earned !== (a.earned ?? 0))
      problems.push({ account: a.account, problem: 'earned', expected: sum.earned, actual: a.earned })
  }
  problems.push(...capProblems(capUse))
  return problems
}

interface CappedEntry {
  account: string
  points: number
  capPeriod: string
  ruleId: string
  direction: number
  cap: { max: number }
}

function capProblems(entries: CappedEntry[]): LedgerProblem[] {
  const used = new Map<string, { account: string; max: number; used: number }>()
  for (const e of entries) {
    const key = `${e.account}|${e.ruleId}|${e.capPeriod}`
    const row = used.get(key) ?? { account: e.account, max: e.cap.max, used: 0 }
    row.used += e.points * (e.direction < 0 ? -1 : 1)
    used.set(key, row)
  }
  return [...used.entries()]
    .filter(([, r]) => r.used > r.max)
    .map(([key, r]) => ({
      account: r.account,
      problem: 'cap' as const,
      expected: r.max,
      actual: r.used,
      detail: key
    }))
}

/**
 * The overview's figures of a village and year (kept by increments after each entry) against a
 * recount of its entries. Lists every figure that differs.
 */
export async function checkVillageFigures(db: Database, villageId: string, townId: string, year: string) {
  const [recounted, stored] = await Promise.all([
    recountVillageYear(db, villageId, townId, year),
    data({ db }).villageStats.get(statsIdOf(villageId, year))
  ])
  return figuresDiffer(stored, recounted)
}
