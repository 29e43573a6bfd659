import type { Database } from './context'
import { figuresDiffer, recountVillageYear, statsIdOf, VillageStatsDoc } from './village-figures'

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
  type Holder = { _id: string; balance: number; earned: number }
  const holders = (collection: string) =>
    db
      .collection(collection)
      .where({ villageId })
      .field({ balance: true, earned: true })
      .limit(1000)
      .get() as unknown as Promise<{
      data: Holder[]
    }>
  const [households, members, sums, capUse] = await Promise.all([
    holders('households'),
    holders('partyMembers'),
    db
      .collection('entries')
      .aggregate()
      .match({ villageId })
      .group({
        _id: '$account',
        balance: $.sum('$points'),
        earned: $.sum($.cond({ if: $.in(['$kind', ['award', 'deduction', 'correction']]), then: '$points', else: 0 }))
      })
      .limit(10000)
      .end() as unknown as Promise<{ list: { _id: string; balance: number; earned: number }[] }>,
    db
      .collection('entries')
      .aggregate()
      .match({ villageId, 'rule.cap': db.command.neq(null) })
      .project({
        account: 1,
        points: 1,
        capPeriod: 1,
        cap: '$rule.cap',
        ruleId: '$rule.id',
        direction: '$rule.points.min'
      })
      .limit(1000000)
      .end() as unknown as Promise<{ list: CappedEntry[] }>
  ])
  const problems: LedgerProblem[] = []
  const byAccount = new Map(sums.list.map(s => [s._id, s]))
  const accounts = [
    ...households.data.map(h => ({ ...h, account: `household:${h._id}` })),
    ...members.data.map(m => ({ ...m, account: `member:${m._id}` }))
  ]
  for (const a of accounts) {
    const sum = byAccount.get(a.account) ?? { balance: 0, earned: 0 }
    if (sum.balance !== (a.balance ?? 0))
      problems.push({ account: a.account, problem: 'balance', expected: sum.balance, actual: a.balance })
    if (sum.earned !== (a.earned ?? 0))
      problems.push({ account: a.account, problem: 'earned', expected: sum.earned, actual: a.earned })
  }
  problems.push(...capProblems(capUse.list))
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
    db
      .collection('villageStats')
      .where({ _id: statsIdOf(villageId, year) })
      .limit(1)
      .get() as unknown as Promise<{ data: VillageStatsDoc[] }>
  ])
  return figuresDiffer(stored.data[0] ?? null, recounted)
}
