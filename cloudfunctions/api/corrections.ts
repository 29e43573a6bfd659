import { AppError, ErrorCode } from '../../core/contract/errors'
import { pointsProblem } from '../../core/domain/rules'
import { canMovePosting } from '../../core/domain/workflow'
import { auditOf } from './audit'
import { refuseOwnHousehold } from './conflict'
import { getDoc } from './identity'
import { post, Posted, requestKeyFor, transactionGet } from './ledger'
import type { EntryDoc, PostingDoc } from './model/documents'
import type { RouteCtx } from './router'

/**
 * Corrects a score entry to `points` (0 cancels it) by a new correction entry for the difference; the
 * entry itself never changes. An entry is corrected once: the correction's id is fixed by the entry.
 * If the entry is in the public posting, the posting shows it corrected, in the same transaction.
 */
export async function correctEntry(
  ctx: RouteCtx,
  villageId: string,
  entryId: string,
  points: number,
  reason: string,
  requestId: string,
  /** more work in the same transaction (resolving the objection that led to it) */
  alsoInTransaction?: (t: any) => Promise<void>
): Promise<Posted> {
  const original = await getDoc<EntryDoc>(ctx, 'entries', entryId)
  if (!original) throw new AppError('NOT_FOUND', '没有找到这条积分记录')
  if (original.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
  refuseOwnHousehold(ctx, original.householdId)
  if ((original.kind !== 'award' && original.kind !== 'deduction') || !original.rule)
    throw new AppError('NOT_CORRECTABLE')
  if (points !== 0) {
    const problem = pointsProblem(original.rule, points)
    if (problem) throw new AppError(problem as ErrorCode)
  }
  const delta = points - original.points
  if (delta === 0) throw new AppError('NOT_CORRECTABLE', '更正后的分值和原来一样')
  return post(ctx, {
    id: `fix-${original._id}`,
    requestKey: requestKeyFor(ctx.openid, requestId),
    takenError: new AppError('ALREADY_CORRECTED'),
    householdId: original.householdId,
    villageId,
    kind: 'correction',
    points: delta,
    rule: original.rule,
    correctsId: original._id,
    capAt: original.at,
    note: reason,
    evidence: [],
    by: ctx.openid,
    byName: ctx.identity.user?.name ?? '',
    audit: auditOf(
      ctx,
      villageId,
      'score.correct',
      original.householdId,
      { entryId, points: original.points },
      { points, reason }
    ),
    async alsoInTransaction(t) {
      const posting = await transactionGet<PostingDoc>(t, 'postings', entryId)
      if (posting && canMovePosting(posting.state, 'corrected'))
        await t
          .collection('postings')
          .doc(entryId)
          .update({ data: { state: 'corrected' } })
      await alsoInTransaction?.(t)
    }
  })
}
