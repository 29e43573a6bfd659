import { refuseOwnMember } from '../conflict'
import { AppError, ERRORS } from '../../../core/contract/errors'
import { pointsProblem } from '../../../core/domain/rules'
import { idFor } from '../../shared/data/ids'
import { requestKeyFor } from '../../shared/data/ids'
import { entryIdFor, MemberAct, writeMemberAct } from '../services/ledger'
import type { PartyRuleDoc } from '../../shared/data/party-documents'
import { toActView } from '../../shared/data/party-views'
import { officersOnly, partySnapshotOf, ruleOfBranch } from '../services/party'
import type { Route, RouteCtx } from '../router/route'
import { checkText } from '../services/content-check'
import { actorName } from '../router/identity'

/**
 * Branch officers score members by the branch's rules: one member, or a meeting's attendance list
 * (三会一课, 主题党日) in one act: every member present gets the meeting's points, those absent without
 * leave may get the deduction in the same act. One transaction, one act document fixed by the request.
 */

function checkedRule(rule: PartyRuleDoc, points: number, evidence: string[]) {
  const problem = pointsProblem({ ...rule, category: '公益参与', proposers: ['cadre'] }, points)
  if (problem) throw new AppError(problem)
  if (rule.evidenceRequired && evidence.length === 0) throw new AppError('EVIDENCE_REQUIRED')
  return partySnapshotOf(rule)
}

const actBase = (ctx: RouteCtx, requestId: string, branchId: string) => ({
  actId: idFor('partyAct', ctx.openid, requestId),
  requestKey: requestKeyFor(ctx.openid, requestId),
  branchId,
  by: ctx.openid,
  byName: actorName(ctx)
})

const lineId = (ctx: RouteCtx, requestId: string, memberId: string) =>
  entryIdFor(ctx.openid, requestId, `member:${memberId}`)

export const award: Route<'partyScore.award'> = {
  audit: 'partyScore.award',
  access: officersOnly,
  scope: 'branch',
  ownIdempotency: true,
  async handle({ requestId, memberId, ruleId, points, note, evidence }, ctx) {
    const { branchId } = ctx.scope
    refuseOwnMember(ctx, memberId)
    const rule = checkedRule(await ruleOfBranch(ctx, branchId, ruleId), points, evidence)
    await checkText(ctx, note)
    const act: MemberAct = {
      ...actBase(ctx, requestId, branchId),
      kind: 'award',
      title: rule.title,
      note,
      evidence,
      lines: [
        { memberId, id: lineId(ctx, requestId, memberId), kind: points < 0 ? 'deduction' : 'award', points, rule }
      ],
      audit: ctx.audit.draft({
        target: `member:${memberId}`,
        before: null,
        after: { rule: rule.title, points, note }
      })
    }
    return toActView((await writeMemberAct(ctx, act)).act)
  }
}

export const meeting: Route<'partyScore.meeting'> = {
  audit: 'partyScore.meeting',
  access: officersOnly,
  scope: 'branch',
  ownIdempotency: true,
  async handle({ requestId, ruleId, presentIds, absentIds, absentRuleId, note, evidence }, ctx) {
    const { branchId } = ctx.scope
    const present = [...new Set(presentIds)]
    const absent = [...new Set(absentIds)]
    if (present.length === 0) throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（没有选到会的党员）`)
    if (present.some(id => absent.includes(id)))
      throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（同一个人不能既到会又缺席）`)
    const [meetingRule, absentRule] = await Promise.all([
      ruleOfBranch(ctx, branchId, ruleId),
      absentRuleId ? ruleOfBranch(ctx, branchId, absentRuleId) : null
    ])
    if (!meetingRule.meeting) throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（这条细则不是会议签到）`)
    if (absentRule && absentRule.points.max >= 0)
      throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（缺席要选扣分的细则）`)
    const rule = checkedRule(meetingRule, meetingRule.points.min, evidence)
    const deduction = absentRule ? checkedRule(absentRule, absentRule.points.max, evidence) : null
    await checkText(ctx, note)
    const line = (memberId: string, r: typeof rule) => ({
      memberId,
      id: lineId(ctx, requestId, memberId),
      kind: r.points.min < 0 ? ('deduction' as const) : ('award' as const),
      points: r.points.min < 0 ? r.points.max : r.points.min,
      rule: r
    })
    const act: MemberAct = {
      ...actBase(ctx, requestId, branchId),
      kind: 'meeting',
      title: rule.title,
      note,
      evidence,
      present,
      absent,
      lines: [...present.map(id => line(id, rule)), ...(deduction ? absent.map(id => line(id, deduction)) : [])],
      // a member at the year's cap, or one whose category the rule is not for, is skipped and reported
      skipRefused: true,
      // the trail shows the rule by its title and the attendance as numbers (services/audit-text.ts)
      audit: ctx.audit.draft({
        target: rule.title,
        before: null,
        after: { rule: rule.title, present, absent, absentRule: deduction?.title ?? null, note }
      })
    }
    return toActView((await writeMemberAct(ctx, act)).act)
  }
}
