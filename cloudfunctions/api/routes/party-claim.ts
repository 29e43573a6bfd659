import { AppError } from '../../../core/contract/errors'
import { pointsProblem } from '../../../core/domain/rules'
import { canMovePending } from '../../../core/domain/workflow'
import { getDoc } from '../identity'
import { hashId } from '../ids'
import { postToMembers, requestKeyFor, transact, transactionGet } from '../ledger'
import type { PartyClaimDoc } from '../model/party-documents'
import { myMember, officerBranch, officersOnly, partySnapshotOf, ruleOfBranch, toClaimView } from '../party'
import type { Handler, RouteCtx } from '../router'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { actorName } from '../scope'

/** Members claim (申报) points for items open to them; the branch's officers approve or reject. */

const QUEUE_MAX = 100

export const create: Handler<'partyClaim.create'> = {
  access: { who: 'roles', roles: ['partyMember'] },
  async handle({ requestId, ruleId, points, description, evidence }, ctx) {
    const member = await myMember(ctx)
    const rule = await ruleOfBranch(ctx, member.branchId, ruleId)
    if (!rule.claimable || !rule.categories.includes(member.category)) throw new AppError('RULE_NOT_ALLOWED')
    const problem = pointsProblem({ ...rule, category: '公益参与', proposers: ['villager'] }, points)
    if (problem) throw new AppError(problem)
    if (rule.evidenceRequired && evidence.length === 0) throw new AppError('EVIDENCE_REQUIRED')
    await checkText(ctx, description)
    const doc: PartyClaimDoc = {
      _id: hashId('pc', 31, ctx.openid, requestId),
      state: 'pending',
      memberId: member._id,
      memberName: member.name,
      branchId: member.branchId,
      villageId: member.villageId,
      rule: partySnapshotOf(rule),
      points,
      description,
      evidence,
      by: ctx.openid,
      at: ctx.now(),
      resolvedAt: null,
      resolvedByName: null,
      reason: null,
      entryId: null
    }
    await ctx.db.collection('partyClaims').add({ data: doc })
    return toClaimView(doc)
  }
}

export const queue: Handler<'partyClaim.queue'> = {
  access: officersOnly,
  async handle(_input, ctx) {
    const { branchId } = officerBranch(ctx)
    const res = (await ctx.db
      .collection('partyClaims')
      .where({ branchId, state: 'pending' })
      .orderBy('at', 'desc')
      .limit(QUEUE_MAX)
      .get()) as unknown as { data: PartyClaimDoc[] }
    return { items: res.data.map(toClaimView) }
  }
}

async function claimOfBranch(ctx: RouteCtx, claimId: string) {
  const { branchId, villageId } = officerBranch(ctx)
  const claim = await getDoc<PartyClaimDoc>(ctx, 'partyClaims', claimId)
  if (!claim) throw new AppError('NOT_FOUND')
  if (claim.branchId !== branchId) throw new AppError('OTHER_BRANCH')
  if (claim.by === ctx.openid) throw new AppError('SELF_REVIEW')
  return { claim, villageId }
}

/**
 * Approving writes the member's entry and moves the claim in the ledger's one transaction; the
 * entry and act ids are fixed by the claim, so a second officer pressing at the same moment meets
 * the first one's result.
 */
export const approve: Handler<'partyClaim.approve'> = {
  access: officersOnly,
  ownIdempotency: true,
  async handle({ requestId, claimId, points }, ctx) {
    const { claim, villageId } = await claimOfBranch(ctx, claimId)
    const given = points ?? claim.points
    const problem = pointsProblem({ ...claim.rule, category: '公益参与', proposers: ['villager'] }, given)
    if (problem) throw new AppError(problem)
    const entryId = `e-${claim._id}`
    const now = ctx.now()
    await postToMembers(ctx, {
      actId: `approve-${claim._id}`,
      requestKey: requestKeyFor(ctx.openid, requestId),
      kind: 'approval',
      branchId: claim.branchId,
      title: claim.rule.title,
      note: claim.description,
      evidence: claim.evidence,
      lines: [{ memberId: claim.memberId, id: entryId, kind: 'award', points: given, rule: claim.rule }],
      by: ctx.openid,
      byName: actorName(ctx),
      takenError: new AppError('STATE_CHANGED'),
      audit: auditOf(ctx, villageId, 'partyClaim.approve', claim._id, { state: claim.state }, { points: given }),
      async alsoInTransaction(t) {
        const fresh = await transactionGet<PartyClaimDoc>(t, 'partyClaims', claim._id)
        if (!fresh || !canMovePending(fresh.state, 'approved')) throw new AppError('STATE_CHANGED')
        await t
          .collection('partyClaims')
          .doc(claim._id)
          .update({
            data: { state: 'approved', resolvedAt: now, resolvedByName: actorName(ctx), entryId, points: given }
          })
      }
    })
    return toClaimView((await getDoc<PartyClaimDoc>(ctx, 'partyClaims', claim._id))!)
  }
}

export const reject: Handler<'partyClaim.reject'> = {
  access: officersOnly,
  async handle({ requestId, claimId, reason }, ctx) {
    const { claim, villageId } = await claimOfBranch(ctx, claimId)
    const after = await transact(ctx, async t => {
      const fresh = await transactionGet<PartyClaimDoc>(t, 'partyClaims', claim._id)
      if (!fresh || !canMovePending(fresh.state, 'rejected')) throw new AppError('STATE_CHANGED')
      const change = { state: 'rejected' as const, resolvedAt: ctx.now(), resolvedByName: actorName(ctx), reason }
      await t.collection('partyClaims').doc(claim._id).update({ data: change })
      return { ...fresh, ...change }
    })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, villageId, 'partyClaim.reject', claim._id, { state: claim.state }, { reason })
    )
    return toClaimView(after)
  }
}
