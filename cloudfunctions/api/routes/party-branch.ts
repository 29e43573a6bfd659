import { createHash } from 'node:crypto'
import { AppError, ERRORS } from '../../../core/contract/errors'
import { BIND_CODE_ALPHABET, BIND_CODE_DAYS, mayBeExempt, type PartyRuleTerms } from '../../../core/domain/party'
import { termsProblem } from '../../../core/domain/rules'
import { periodKeys } from '../../../core/domain/period'
import { COUNTY_ID } from '../../../core/domain/roles'
import { DAY_MS } from '../../../core/domain/workflow'
import { idFor } from '../../shared/data/ids'
import type { MemberCodeDoc, MemberDoc, PartyRuleDoc } from '../../shared/data/party-documents'
import {
  branchDoc,
  memberOfBranch,
  membersOfBranch,
  officersOnly,
  partyTemplateIdOf,
  rulesOfBranch
} from '../services/party'
import { toMemberRow, toPartyRuleView } from '../../shared/data/party-views'
import type { Route, RouteCtx } from '../router/route'
import { checkText } from '../services/content-check'
import { noteMembers } from '../../shared/party-stats'
import { addPeopleAsMembers, newMember } from '../services/party-members'
import { mapWithLimit } from '../../shared/limit'
import { data } from '../../shared/data/store'

/** The branch officers' work on members, bind codes and the branch's party rules. */

const access = officersOnly
/** A branch has a few dozen members; its list is read whole. */
const MEMBERS_PER_BRANCH_MAX = 200

export const members: Route<'partyBranch.members'> = {
  access,
  scope: 'branch',
  paging: { max: MEMBERS_PER_BRANCH_MAX },
  async handle(_input, ctx) {
    const { branchId } = ctx.scope
    const [branch, list, rules] = await Promise.all([
      branchDoc(ctx, branchId),
      membersOfBranch(ctx, branchId),
      rulesOfBranch(ctx, branchId)
    ])
    const now = ctx.now()
    return {
      branchName: branch.name,
      quarter: periodKeys(now).quarter,
      members: list.map(m => toMemberRow(m, now)).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
      rules: rules.filter(r => r.active).map(toPartyRuleView)
    }
  }
}

/** A new member of the branch (or a change of name, category, exemption, household). Points stay as they are. */
export const saveMember: Route<'partyBranch.saveMember'> = {
  access,
  scope: 'branch',
  audit: 'partyBranch.saveMember',
  async handle({ requestId, memberId, ...fields }, ctx) {
    const { branchId, villageId } = ctx.scope
    if (fields.exempt && !mayBeExempt(fields.category))
      throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（只有老弱病残党员可以免评）`)
    const [branch, existing, household] = await Promise.all([
      branchDoc(ctx, branchId),
      memberId ? memberOfBranch(ctx, branchId, memberId) : null,
      fields.householdId ? data(ctx).households.get(fields.householdId) : null
    ])
    if (fields.householdId && !household) throw new AppError('NOT_FOUND', '没有找到这一户')
    if (household && household.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
    await checkText(ctx, fields.name)
    const id = memberId ?? idFor('partyMember', ctx.openid, requestId)
    if (existing) {
      // entries keep the category they were scored in; only what comes next follows the new one
      await data(ctx).partyMembers.update(id, fields)
    } else {
      await addMember(ctx, newMember(id, fields, branch, ctx.now()))
    }
    ctx.audit.record({ target: id, before: existing ? pick(existing) : null, after: fields })
    const saved = (await data(ctx).partyMembers.get(id))!
    await noteMembers(ctx, [saved])
    return toMemberRow(saved, ctx.now())
  }
}

const pick = (m: MemberDoc) => ({ name: m.name, category: m.category, exempt: m.exempt, householdId: m.householdId })

/** Adds a member; an id already taken (a retried request) is the member added the first time. */
const addMember = (ctx: RouteCtx, doc: MemberDoc) => data(ctx).partyMembers.add(doc)

const HOUSEHOLDS_READ_MAX = 1000
const MEMBERS_PER_VILLAGE_MAX = 1000

/**
 * Members from the village's household members flagged 党员. The member's id is fixed by the
 * household and the name, so running it again (or by the other branch) adds nobody twice.
 */
export const fromHouseholds: Route<'partyBranch.fromHouseholds'> = {
  access,
  scope: 'branch',
  audit: 'partyBranch.fromHouseholds',
  async handle(_input, ctx) {
    const { branchId, villageId } = ctx.scope
    const [branch, households] = await Promise.all([
      branchDoc(ctx, branchId),
      data(ctx).households.find({ villageId }, { fields: ['members'], limit: HOUSEHOLDS_READ_MAX })
    ])
    const flagged = households.flatMap(h =>
      h.members.filter(m => m.partyMember).map(m => ({ householdId: h._id, name: m.name }))
    )
    const existing = await data(ctx).partyMembers.find(
      { villageId },
      { fields: ['name', 'householdId'], limit: MEMBERS_PER_VILLAGE_MAX }
    )
    const count = await addPeopleAsMembers(ctx, branch, flagged, existing)
    ctx.audit.record({ target: branchId, before: null, after: { added: count } })
    return { added: count, kept: flagged.length - count }
  }
}

/** 8 characters fixed by the request, so a retried request returns the same code. */
function codeFor(openid: string, requestId: string, memberId: string) {
  const bytes = createHash('sha256').update(`member\n${openid}\n${requestId}\n${memberId}`).digest()
  return Array.from(bytes.subarray(0, 8), b => BIND_CODE_ALPHABET[b % 32]).join('')
}

export const bindCode: Route<'partyBranch.bindCode'> = {
  access,
  scope: 'branch',
  audit: 'partyBranch.bindCode',
  async handle({ requestId, memberId }, ctx) {
    const { branchId, villageId } = ctx.scope
    await memberOfBranch(ctx, branchId, memberId)
    const doc: MemberCodeDoc = {
      _id: codeFor(ctx.openid, requestId, memberId),
      memberId,
      branchId,
      villageId,
      expiresAt: ctx.now() + BIND_CODE_DAYS * DAY_MS,
      at: ctx.now()
    }
    if (!(await data(ctx).memberCodes.add(doc))) {
      const earlier = await data(ctx).memberCodes.get(doc._id)
      return { code: doc._id, expiresAt: earlier?.expiresAt ?? doc.expiresAt }
    }
    ctx.audit.record({ target: memberId, before: null, after: {} })
    return { code: doc._id, expiresAt: doc.expiresAt }
  }
}

/**
 * A party rule's terms are consistent as a village rule's are (range ordered, of one sign, not zero, a
 * cap no smaller than one score), and a meeting's rule gives everyone present the same points: a fixed
 * award (the meeting route gives its lowest points, and a deduction would take points from those who came).
 */
function partyTermsProblem(terms: PartyRuleTerms): string | null {
  const problem = termsProblem({ ...terms, category: '公益参与', proposers: ['cadre'] })
  if (problem) return problem
  if (terms.meeting && (terms.points.min !== terms.points.max || terms.points.min < 0))
    return '会议签到的细则要是固定的加分'
  return null
}

/** A new rule of the branch, or a change that bumps its version (entries keep their snapshot). */
export const saveRule: Route<'partyBranch.saveRule'> = {
  access,
  scope: 'branch',
  audit: 'partyBranch.saveRule',
  async handle({ requestId, ruleId, terms }, ctx) {
    const { branchId } = ctx.scope
    const problem = partyTermsProblem(terms)
    if (problem) throw new AppError('INVALID_INPUT', problem)
    const existing = ruleId ? await data(ctx).partyRules.get(ruleId) : null
    if (ruleId && existing?.branchId !== branchId) throw new AppError('NOT_FOUND', '没有找到这条细则')
    const id = ruleId ?? idFor('partyRule', ctx.openid, requestId)
    const doc: PartyRuleDoc = {
      _id: id,
      branchId,
      ...terms,
      categories: [...new Set(terms.categories)],
      active: true,
      version: (existing?.version ?? 0) + 1,
      source: existing?.source ?? null,
      updatedAt: ctx.now()
    }
    // a retry of the same change would bump the version again: the stored reply answers it first
    await data(ctx).partyRules.set(doc)
    ctx.audit.record({ target: id, before: existing, after: doc })
    return toPartyRuleView(doc)
  }
}

/** Adopts the town's template (or the county's) into the branch: items it already has are kept. */
export const adoptTemplate: Route<'partyBranch.adoptTemplate'> = {
  access,
  scope: 'branch',
  audit: 'partyBranch.adoptTemplate',
  async handle(_input, ctx) {
    const { branchId } = ctx.scope
    const branch = await branchDoc(ctx, branchId)
    const [town, county, rules] = await Promise.all([
      data(ctx).partyTemplates.get(partyTemplateIdOf(branch.townId)),
      data(ctx).partyTemplates.get(partyTemplateIdOf(COUNTY_ID)),
      rulesOfBranch(ctx, branchId)
    ])
    const template = town?.items.length ? town : county
    if (!template) throw new AppError('NOT_FOUND', '还没有党员积分细则模板')
    const have = new Set(rules.map(r => r.source))
    const missing = template.items.filter(i => !have.has(`${template._id}/${i.key}`))
    await mapWithLimit(missing, 10, ({ key, ...terms }) =>
      data(ctx).partyRules.set({
        _id: `${branchId}-${key}`,
        branchId,
        ...terms,
        active: true,
        version: 1,
        source: `${template._id}/${key}`,
        updatedAt: ctx.now()
      })
    )
    ctx.audit.record({ target: template._id, before: null, after: { added: missing.length } })
    return { added: missing.length, kept: template.items.length - missing.length }
  }
}
