import { AppError } from '../../../core/contract/errors'
import { pointsProblem } from '../../../core/domain/rules'
import { canMovePending } from '../../../core/domain/workflow'
import type { PendingDoc } from '../../shared/data/documents'
import { requestKeyFor, settledIds } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { toPendingView } from '../../shared/data/views'
import { actorName } from '../router/identity'
import { roles, RouteCtx, Routes } from '../router/route'
import { checkText } from '../services/content-check'
import { writeEntry } from '../services/ledger'
import { movePending } from '../services/pending'
import { itemToActOn, villageQueue } from '../services/queues'

/**
 * The cadre's review of claims and proposals. Approving writes the pending entry to the ledger in the
 * same transaction that moves it to approved, so it is resolved exactly once.
 */

/**
 * A reviewer never reviews what they proposed themselves (a cadre who is also a villager, say), nor
 * anything about their own household.
 */
const reviewable = (ctx: RouteCtx, p: PendingDoc | null) =>
  itemToActOn(ctx, p, new AppError('NOT_FOUND', '没有找到这条申报'), item => ({
    proposedBy: item.by,
    householdId: item.householdId
  }))

export const reviewRoutes = {
  'review.queue': villageQueue(store => store.pending, 'pending', toPendingView),

  'review.approve': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'review.approve',
    ownIdempotency: true,
    async handle(input, ctx) {
      const { villageId } = ctx.scope
      const pending = await reviewable(ctx, await data(ctx).pending.get(input.pendingId))
      const points = input.points ?? pending.points
      const problem = pointsProblem(pending.rule, points)
      if (problem) throw new AppError(problem)
      const entryId = settledIds.approval(pending._id)
      const change: Partial<PendingDoc> = {
        state: 'approved',
        resolvedAt: ctx.now(),
        resolvedBy: ctx.openid,
        resolvedByName: actorName(ctx),
        approvedPoints: points,
        entryId
      }
      // the entry's id is fixed by the pending entry: however many cadres press, it is posted once
      const written = await writeEntry(ctx, {
        id: entryId,
        requestKey: requestKeyFor(ctx.openid, input.requestId),
        takenError: new AppError('STATE_CHANGED'),
        sameContent: earlier => earlier.points === points,
        householdId: pending.householdId,
        villageId,
        kind: points < 0 ? 'deduction' : 'award',
        points,
        rule: pending.rule,
        note: pending.description,
        evidence: pending.evidence,
        by: ctx.openid,
        byName: actorName(ctx),
        publicPosting: true,
        audit: ctx.audit.draft({
          target: pending.doorPlate,
          before: { state: 'pending', points: pending.points, by: pending.byName },
          after: { state: 'approved', points }
        }),
        async alsoInTransaction(tx) {
          const now = await tx.get('pending', pending._id)
          if (!now || !canMovePending(now.state, 'approved')) throw new AppError('STATE_CHANGED')
          await tx.update('pending', pending._id, change)
        }
      })
      return { item: toPendingView({ ...pending, ...change }), entry: written.entry }
    }
  },

  'review.reject': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'review.reject',
    async handle({ pendingId, reason }, ctx) {
      await checkText(ctx, reason)
      const done = await movePending(
        ctx,
        pendingId,
        p => reviewable(ctx, p),
        { state: 'rejected', resolvedAt: ctx.now(), resolvedBy: ctx.openid, resolvedByName: actorName(ctx), reason },
        p => ({
          target: p.doorPlate,
          before: { state: 'pending', points: p.points, by: p.byName },
          after: { state: 'rejected', reason }
        })
      )
      return toPendingView(done)
    }
  }
} satisfies Partial<Routes>
