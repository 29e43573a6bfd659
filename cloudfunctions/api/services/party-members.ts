import { emptyLedgerState } from '../../../core/domain/ledger'
import type { MemberCategory } from '../../../core/domain/party'
import type { Ctx } from '../../shared/context'
import { idFor } from '../../shared/data/ids'
import type { MemberDoc, PartyOrgDoc } from '../../shared/data/party-documents'
import { data } from '../../shared/data/store'
import { mapWithLimit } from '../../shared/limit'
import { noteMembers } from '../../shared/party-stats'

/**
 * New party members, wherever they come from: added by a branch officer, taken from the village's
 * household members flagged 党员 by the branch, or brought in by the register's import.
 */

/** The category a member taken from a household starts in; the branch changes it when it knows better. */
export const CATEGORY_FROM_HOUSEHOLD: MemberCategory = 'unemployed'
/** A village has one party organisation and a handful of branches. */
const ORGS_PER_VILLAGE_MAX = 50
/** `in` queries over households stay far below the cloud's 1,000 rows per read. */
const HOUSEHOLDS_PER_READ = 200
const ADD_PARALLELISM = 10

type Branch = Pick<PartyOrgDoc, '_id' | 'villageId' | 'townId' | 'parentId'>

export function newMember(
  id: string,
  fields: Pick<MemberDoc, 'name' | 'category' | 'exempt' | 'householdId'>,
  branch: Branch,
  now: number
): MemberDoc {
  return {
    _id: id,
    ...fields,
    villageId: branch.villageId,
    townId: branch.townId,
    orgId: branch.parentId ?? branch._id,
    branchId: branch._id,
    openid: null,
    quarterKey: '',
    quarterPoints: 0,
    latest: [],
    active: true,
    createdAt: now,
    ...emptyLedgerState()
  }
}

/** A member from a household is known by household and name: the same person always gets the same id. */
export const memberIdOfHouseholdPerson = (householdId: string, name: string) => idFor('partyMember', householdId, name)

/**
 * The village's default branch for members nobody has placed yet: the organisation itself when it is
 * a 党支部, else the first of its branches in the order of their ids (the order they were set up in
 * the register of organisations). Null when the village has no party organisation yet.
 */
export async function defaultBranchOf(ctx: Pick<Ctx, 'db'>, villageId: string): Promise<PartyOrgDoc | null> {
  const orgs = await data(ctx).partyOrgs.find({ villageId }, { limit: ORGS_PER_VILLAGE_MAX })
  const branches = orgs.filter(o => o.kind === 'branch').sort((a, b) => a._id.localeCompare(b._id))
  return branches.find(b => b.parentId === null) ?? branches[0] ?? null
}

/**
 * Household members flagged 党员 become members of the village's default branch, once: a person who is
 * already a member (of any branch of the village, by household and name) is left as they are, and the
 * id fixed by household and name makes a repeated or concurrent run add nobody twice. How many were added.
 */
export async function enrolFlaggedPeople(
  ctx: Pick<Ctx, 'db' | 'now' | 'log'>,
  villageId: string,
  people: { householdId: string; name: string }[]
): Promise<number> {
  if (people.length === 0) return 0
  const branch = await defaultBranchOf(ctx, villageId)
  if (!branch) return 0
  const householdIds = [...new Set(people.map(p => p.householdId))]
  const chunks: string[][] = []
  for (let i = 0; i < householdIds.length; i += HOUSEHOLDS_PER_READ)
    chunks.push(householdIds.slice(i, i + HOUSEHOLDS_PER_READ))
  const _ = ctx.db.command
  const existing = await mapWithLimit(chunks, 4, chunk =>
    data(ctx).partyMembers.find(
      { villageId, householdId: _.in(chunk) },
      { limit: HOUSEHOLDS_PER_READ * 10, fields: ['householdId', 'name'] }
    )
  )
  return addPeopleAsMembers(ctx, branch, people, existing.flat())
}

/**
 * Adds those of `people` who are not among the `existing` members (by household and name) to the
 * branch, as members from a household. The id fixed by household and name makes a repeated or
 * concurrent run add nobody twice. How many were added.
 */
export async function addPeopleAsMembers(
  ctx: Pick<Ctx, 'db' | 'now' | 'log'>,
  branch: PartyOrgDoc,
  people: { householdId: string; name: string }[],
  existing: { householdId: string | null; name: string }[]
): Promise<number> {
  const known = new Set(existing.map(m => `${m.householdId}|${m.name}`))
  const fresh = people.filter(p => !known.has(`${p.householdId}|${p.name}`))
  const now = ctx.now()
  const docs = fresh.map(p =>
    newMember(
      memberIdOfHouseholdPerson(p.householdId, p.name),
      { name: p.name, category: CATEGORY_FROM_HOUSEHOLD, exempt: false, householdId: p.householdId },
      branch,
      now
    )
  )
  const added = await mapWithLimit(docs, ADD_PARALLELISM, doc => data(ctx).partyMembers.add(doc))
  await noteMembers(
    ctx,
    docs.filter((_, i) => added[i])
  )
  return added.filter(Boolean).length
}
