import { AppError } from '../../../core/contract/errors'
import { DEFAULT_PARTY_SETTINGS, PartySettings, partyRuleTerms } from '../../../core/domain/party'
import { COUNTY_ID } from '../../../core/domain/roles'
import type {
  MemberDoc,
  MemberEntryDoc,
  PartyOrgDoc,
  PartyRuleDoc,
  PartyRuleSnapshot
} from '../../shared/data/party-documents'
import type { Access, RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'
import { data } from '../../shared/data/store'

/**
 * What the party routes share: whose branch or town the caller acts in (from their grants only), and
 * the settings in force; the documents as views are in shared/data/party-views.ts. Party points are
 * seen by the member, their branch's officers and the town's party administrator; every route finds
 * its scope here.
 */

export const OFFICERS = ['branchSecretary', 'partyClerk'] as const
/** the branch's officers: 支部书记 and 党务管理员 (their routes act in the branch scope) */
export const officersOnly: Access = { who: 'roles', roles: [...OFFICERS] }

/** The member the caller is bound to. */
export async function myMember(ctx: RouteCtx): Promise<MemberDoc> {
  const grant = grantOf(ctx.identity, 'partyMember')
  if (!grant) throw new AppError('NOT_PARTY_MEMBER')
  const member = await data(ctx).partyMembers.get(grant.memberId)
  if (!member || !member.active) throw new AppError('NOT_PARTY_MEMBER')
  return member
}

export const partyTemplateIdOf = (ownerId: string) => (ownerId === COUNTY_ID ? 'pt-county' : `pt-${ownerId}`)

/** The settings in force in a town: the town's adjustment, else the county template's. */
export async function settingsFor(ctx: RouteCtx, townId: string): Promise<PartySettings> {
  const [town, county] = await Promise.all([
    data(ctx).partyTemplates.get(partyTemplateIdOf(townId)),
    data(ctx).partyTemplates.get(partyTemplateIdOf(COUNTY_ID))
  ])
  return town?.settings ?? county?.settings ?? DEFAULT_PARTY_SETTINGS
}

export async function branchDoc(ctx: RouteCtx, branchId: string): Promise<PartyOrgDoc> {
  const branch = await data(ctx).partyOrgs.get(branchId)
  if (!branch) throw new AppError('NOT_FOUND', '没有找到这个党支部')
  return branch
}

/** A member of the officer's branch, or a refusal. */
export async function memberOfBranch(ctx: RouteCtx, branchId: string, memberId: string): Promise<MemberDoc> {
  const member = await data(ctx).partyMembers.get(memberId)
  if (!member || !member.active) throw new AppError('NOT_FOUND', '没有找到这名党员')
  if (member.branchId !== branchId) throw new AppError('OTHER_BRANCH')
  return member
}

/** Up to 200 members of a branch (a branch has a few dozen). */
export async function membersOfBranch(ctx: RouteCtx, branchId: string): Promise<MemberDoc[]> {
  return data(ctx).partyMembers.find({ branchId, active: true }, { limit: 200 })
}

/** Each member's points of the entries matching `where` (a branch's quarter or year), in one aggregation. */
export async function pointsByMember(
  ctx: RouteCtx,
  where: Pick<MemberEntryDoc, 'branchId' | 'year'> & { quarter?: string }
): Promise<Map<string, number>> {
  const $ = ctx.db.command.aggregate
  const sums = await data(ctx).memberEntries.aggregate<{ _id: string; points: number }>(pipeline =>
    pipeline
      .match(where)
      .group({ _id: '$memberId', points: $.sum('$points') })
      .limit(1000)
  )
  return new Map(sums.map(r => [r._id, r.points]))
}

export async function rulesOfBranch(ctx: RouteCtx, branchId: string): Promise<PartyRuleDoc[]> {
  return data(ctx).partyRules.find({ branchId }, { limit: 100 })
}

export async function ruleOfBranch(ctx: RouteCtx, branchId: string, ruleId: string): Promise<PartyRuleDoc> {
  const rule = await data(ctx).partyRules.get(ruleId)
  if (!rule) throw new AppError('NOT_FOUND', '没有找到这条细则')
  if (rule.branchId !== branchId) throw new AppError('OTHER_BRANCH')
  if (!rule.active) throw new AppError('RULE_RETIRED')
  return rule
}

export const partySnapshotOf = (r: PartyRuleDoc): PartyRuleSnapshot => ({
  id: r._id,
  version: r.version,
  ...partyRuleTerms(r)
})
