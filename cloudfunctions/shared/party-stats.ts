import type { MemberCategory } from '../../core/domain/party'
import type { Ctx, Database } from './context'
import type { MemberDoc, PartyOrgDoc } from './data/party-documents'
import { data } from './data/store'
import { mapWithLimit } from './limit'

/**
 * The town's party overview reads one document per branch (`partyBranchStats/<branchId>`), never the
 * members: the branch's roster of active members with their name, category and the quarter they were
 * last scored in. Every write that changes a member sets that member's line of the roster right after
 * it (a field of its own, so writes of different members never conflict and a repeated write sets the
 * same value); a branch without the document yet is counted from its members once. A function that dies
 * between its write and the roster's leaves the line stale until the hourly recount (timer) rewrites
 * every roster from the members: at most an hour.
 */

export interface RosterLine {
  name: string
  category: MemberCategory
  /** the quarter (`2026-Q4`) of the member's latest entry; '' before their first */
  scoredQuarter: string
}

export interface BranchStatsDoc {
  _id: string
  townId: string
  villageId: string
  /** active members by id: a branch has at most MEMBERS_PER_BRANCH_MAX */
  roster: Record<string, RosterLine>
  recountedAt: number
}

/** A branch has a few dozen members; the roster is one document of at most this many lines. */
export const MEMBERS_PER_BRANCH_MAX = 200
/** the branches of a town, or of the county for the timer's recount */
const BRANCHES_MAX = 1000
const RECOUNT_PARALLELISM = 4

type Branch = Pick<PartyOrgDoc, '_id' | 'townId' | 'villageId'>
type Member = Pick<
  MemberDoc,
  '_id' | 'name' | 'category' | 'quarterKey' | 'active' | 'branchId' | 'townId' | 'villageId'
>

const lineOf = (m: Pick<MemberDoc, 'name' | 'category' | 'quarterKey'>): RosterLine => ({
  name: m.name,
  category: m.category,
  scoredQuarter: m.quarterKey
})

/** The branch's roster counted from its members, and written whole. */
export async function recountBranchStats(ctx: Pick<Ctx, 'db' | 'now'>, branch: Branch): Promise<BranchStatsDoc> {
  const members = await data(ctx).partyMembers.find(
    { branchId: branch._id, active: true },
    { limit: MEMBERS_PER_BRANCH_MAX, fields: ['name', 'category', 'quarterKey'] }
  )
  const doc: BranchStatsDoc = {
    _id: branch._id,
    townId: branch.townId,
    villageId: branch.villageId,
    roster: Object.fromEntries(members.map(m => [m._id, lineOf(m)])),
    recountedAt: ctx.now()
  }
  await data(ctx).partyBranchStats.set(doc)
  return doc
}

/**
 * After members were written (added, renamed, recategorised, scored), their lines of their branches'
 * rosters: one update per branch. A branch without a roster yet is counted whole instead (the members
 * just written are in it). Never fails the write it follows: a failure is logged, the recount repairs it.
 */
export async function noteMembers(ctx: Pick<Ctx, 'db' | 'now' | 'log'>, members: readonly Member[]): Promise<void> {
  const _ = ctx.db.command
  const byBranch = new Map<string, Member[]>()
  for (const m of members) byBranch.set(m.branchId, [...(byBranch.get(m.branchId) ?? []), m])
  for (const [branchId, list] of byBranch) {
    try {
      const patch = Object.fromEntries(
        list.map(m => [`roster.${m._id}`, m.active ? _.set(lineOf(m)) : _.remove()] as const)
      )
      const updated = await data(ctx).partyBranchStats.updateWhere({ _id: branchId }, patch)
      if (updated === 0)
        await recountBranchStats(ctx, { _id: branchId, townId: list[0].townId, villageId: list[0].villageId })
    } catch (e) {
      ctx.log.error('party-stats', { branchId, error: String((e as Error)?.message ?? e) })
    }
  }
}

/** The rosters of a town's branches: the stored ones, and a first count of any branch that has none yet. */
export async function branchStatsOfTown(
  ctx: Pick<Ctx, 'db' | 'now'>,
  branches: readonly Branch[],
  stored: readonly BranchStatsDoc[]
): Promise<Map<string, BranchStatsDoc>> {
  const byId = new Map(stored.map(s => [s._id, s]))
  const missing = branches.filter(b => !byId.has(b._id))
  const counted = await mapWithLimit(missing, RECOUNT_PARALLELISM, b => recountBranchStats(ctx, b))
  for (const c of counted) byId.set(c._id, c)
  return byId
}

export const storedStatsOfTown = (ctx: Pick<Ctx, 'db'>, townId: string) =>
  data(ctx).partyBranchStats.find({ townId }, { limit: BRANCHES_MAX })

/** The hourly recount of every branch's roster from its members: repairs any line a write left stale. */
export async function recountPartyStats(db: Database, now: number) {
  const ctx = { db, now: () => now }
  const branches = await data(ctx).partyOrgs.find({ kind: 'branch' }, { limit: BRANCHES_MAX })
  await mapWithLimit(branches, RECOUNT_PARALLELISM, b => recountBranchStats(ctx, b))
  return { branchesRecounted: branches.length }
}
