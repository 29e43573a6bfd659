import { AppError } from '../../../core/contract/errors'
import { canMovePending } from '../../../core/domain/workflow'
import type { HouseholdDoc, PendingDoc, RuleSnapshot } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import type { AuditFacts } from '../router/audit'
import { actorName } from '../router/identity'
import type { RouteCtx } from '../router/route'

/**
 * Pending entries: a villager's claim or a grid worker's proposal, points asked for and in no balance
 * until a cadre approves them (review.approve writes them to the ledger).
 */

export function pendingOf(
  ctx: RouteCtx,
  kind: PendingDoc['kind'],
  id: string,
  h: HouseholdDoc,
  rule: RuleSnapshot,
  input: { points: number; description: string; evidence: string[] },
  logId: string | null
): PendingDoc {
  return {
    _id: id,
    kind,
    state: 'pending',
    householdId: h._id,
    villageId: h.villageId,
    doorPlate: h.doorPlate,
    head: h.head,
    rule,
    points: input.points,
    description: input.description,
    evidence: input.evidence,
    logId,
    by: ctx.openid,
    byName: actorName(ctx),
    at: ctx.now(),
    resolvedAt: null,
    resolvedBy: null,
    resolvedByName: null,
    reason: null,
    approvedPoints: null,
    entryId: null
  }
}

/** Adds a pending entry; a retry (same id) finds the first one. */
export async function addPending(ctx: RouteCtx, doc: PendingDoc): Promise<PendingDoc> {
  if (await data(ctx).pending.add(doc)) return doc
  const earlier = await data(ctx).pending.get(doc._id)
  if (earlier && earlier.by === doc.by) return earlier
  throw new AppError('STATE_CHANGED')
}

/** Moves a pending entry inside a transaction, if the state it is in allows it. */
export function movePending(
  ctx: RouteCtx,
  pendingId: string,
  /** refuses to move it (throws); runs in the transaction, after the entry is found */
  check: (p: PendingDoc) => unknown,
  change: Partial<PendingDoc>,
  /** the act's audit record, written in the same transaction */
  audited?: (p: PendingDoc) => AuditFacts
): Promise<PendingDoc> {
  return transact(ctx, async tx => {
    const p = await tx.get('pending', pendingId)
    if (!p) throw new AppError('NOT_FOUND', '没有找到这条申报')
    await check(p)
    if (!change.state || !canMovePending(p.state, change.state)) throw new AppError('STATE_CHANGED')
    await tx.update('pending', pendingId, change)
    if (audited) await ctx.audit.inTransaction(tx, audited(p))
    return { ...p, ...change }
  })
}
