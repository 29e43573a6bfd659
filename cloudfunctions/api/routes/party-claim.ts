import { AppError } from '../../../core/contract/errors'
import { pointsProblem } from '../../../core/domain/rules'
import { canMovePending } from '../../../core/domain/workflow'
import { idFor } from '../../shared/data/ids'
import { transact } from '../../shared/data/transaction'
import { requestKeyFor } from '../../shared/data/ids'
import { writeMemberAct } from '../services/ledger'
import type { PartyClaimDoc } from '../../shared/data/party-documents'
import { myMember, officersOnly, partySnapshotOf, ruleOfBranch } from '../services/party'
import { toClaimView } from '../../shared/data/party-views'
import type { Route, RouteCtx } from '../router/route'
import { checkText } from '../services/content-check'
import { actorName } from '../router/identity'
import { data } from '../../shared/data/store'
import { branchQueue, itemToActOn } from '../services/queues'

/** Members claim (申报) points for items open to them; the branch's officers approve or reject. */

export const create: Route<'partyClaim.create'> = {
  audit: { none: 'a claim records who made it; the officer’s review of it is audited' },
  access: { who: 'roles', roles: ['partyMember'] },
  scope: 'branch',
  async handle({ requestId, ruleId, points, description, evidence }, ctx) {
    const member = await myMember(ctx)
    const rule = await ruleOfBranch(ctx, member.branchId, ruleId)
    if (!rule.claimable || !rule.categories.includes(member.category)) throw new AppError('RULE_NOT_ALLOWED')
    const problem = pointsProblem({ ...rule, category: '公益参与', proposers: ['villager'] }, points)
    if (problem) throw new AppError(problem)
    if (rule.evidenceRequired && evidence.length === 0) throw new AppError('EVIDENCE_REQUIRED')
    await checkText(ctx, description)
    const doc: PartyClaimDoc = {
      _id: idFor('partyClaim', ctx.openid, requestId),
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
    await data(ctx).partyClaims.add(doc)
    return toClaimView(doc)
  }
}

export const queue: Route<'partyClaim.queue'> = branchQueue(store => store.partyClaims, 'pending', toClaimView)

/** An officer reviews neither a claim they made nor one about themselves as a member. */
const claimToReview = async (ctx: RouteCtx, claimId: string) =>
  itemToActOn(ctx, await data(ctx).partyClaims.get(claimId), new AppError('NOT_FOUND'), claim => ({
    proposedBy: claim.by,
    memberId: claim.memberId
  }))

/**
 * Approving writes the member's entry and moves the claim in the ledger's one transaction; the
 * entry and act ids are fixed by the claim, so a second officer pressing at the same moment meets
 * the first one's result.
 */
export const approve: Route<'partyClaim.approve'> = {
  audit: 'partyClaim.approve',
  access: officersOnly,
  scope: 'branch',
  ownIdempotency: true,
  async handle({ requestId, claimId, points }, ctx) {
    const claim = await claimToReview(ctx, claimId)
    const given = points ?? claim.points
    const problem = pointsProblem({ ...claim.rule, category: '公益参与', proposers: ['villager'] }, given)
    if (problem) throw new AppError(problem)
    const entryId = `e-${claim._id}`
    const now = ctx.now()
    await writeMemberAct(ctx, {
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
      audit: ctx.audit.draft({
        target: claim._id,
        before: { state: claim.state },
        after: { points: given }
      }),
      async alsoInTransaction(t) {
        const fresh = await t.get('partyClaims', claim._id)
        if (!fresh || !canMovePending(fresh.state, 'approved')) throw new AppError('STATE_CHANGED')
        await t.update('partyClaims', claim._id, {
          state: 'approved',
          resolvedAt: now,
          resolvedByName: actorName(ctx),
          entryId,
          points: given
        })
      }
    })
    return toClaimView((await data(ctx).partyClaims.get(claim._id))!)
  }
}

export const reject: Route<'partyClaim.reject'> = {
  audit: 'partyClaim.reject',
  access: officersOnly,
  scope: 'branch',
  async handle({ claimId, reason }, ctx) {
    const claim = await claimToReview(ctx, claimId)
    const after = await transact(ctx, async t => {
      const fresh = await t.get('partyClaims', claim._id)
      if (!fresh || !canMovePending(fresh.state, 'rejected')) throw new AppError('STATE_CHANGED')
      const change = { state: 'rejected' as const, resolvedAt: ctx.now(), resolvedByName: actorName(ctx), reason }
      await t.update('partyClaims', claim._id, change)
      return { ...fresh, ...change }
    })
    ctx.audit.record({ target: claim._id, before: { state: claim.state }, after: { reason } })
    return toClaimView(after)
  }
}
