import { refuseOwnHousehold } from '../conflict'
import { AppError } from '../../../core/contract/errors'
import { pointsProblem } from '../../../core/domain/rules'
import { canMovePosting } from '../../../core/domain/workflow'
import { requestKeyFor, settledIds } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import type { Tx } from '../../shared/data/transaction'
import type { RouteCtx } from '../router/route'
import { writeEntry, Written } from './ledger'

/**
 * Corrects a score entry to `points` (0 cancels it) by a new correction entry for the difference; the
 * entry itself never changes. An entry is corrected once: the correction's id is fixed by the entry.
 * If the entry is in the public posting, the posting shows it corrected, in the same transaction, and
 * so is the act's audit record (the route's own action: a correction, or an upheld objection).
 */
export async function correctEntry(
  ctx: RouteCtx,
  villageId: string,
  entryId: string,
  points: number,
  reason: string,
  requestId: string,
  /** more work in the same transaction (resolving the objection that led to it) */
  alsoInTransaction?: (tx: Tx) => Promise<void>
): Promise<Written> {
  const original = await data(ctx).entries.get(entryId)
  if (!original) throw new AppError('NOT_FOUND', '没有找到这条积分记录')
  if (original.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
  refuseOwnHousehold(ctx, original.householdId)
  if ((original.kind !== 'award' && original.kind !== 'deduction') || !original.rule)
    throw new AppError('NOT_CORRECTABLE')
  if (points !== 0) {
    const problem = pointsProblem(original.rule, points)
    if (problem) throw new AppError(problem)
  }
  const delta = points - original.points
  if (delta === 0) throw new AppError('NOT_CORRECTABLE', '更正后的分值和原来一样')
  return writeEntry(ctx, {
    id: settledIds.correction(original._id),
    requestKey: requestKeyFor(ctx.openid, requestId),
    takenError: new AppError('ALREADY_CORRECTED'),
    sameContent: earlier => earlier.points === delta && earlier.note === reason,
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
    audit: ctx.audit.draft({
      target: original.householdId,
      before: { entryId, points: original.points },
      after: { points, reason }
    }),
    async alsoInTransaction(tx) {
      const posting = await tx.get('postings', entryId)
      if (posting && canMovePosting(posting.state, 'corrected'))
        await tx.update('postings', entryId, { state: 'corrected' })
      await alsoInTransaction?.(tx)
    }
  })
}
