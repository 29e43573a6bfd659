import type { Ctx } from '../shared/context'
import type { AuditDoc } from './model/documents'
import { AuditDraft, requestKeyFor } from './ledger'
import type { RouteCtx } from './router'
import { actorName } from './scope'

/**
 * The audit trail. Acts that write points put their record in the ledger's transaction
 * (NewEntry.audit); the others record it right after the act, under an id fixed by the request, so a
 * retried request writes it once.
 */
export async function recordAudit(ctx: Pick<Ctx, 'db' | 'now'>, id: string, draft: AuditDraft) {
  const doc: AuditDoc = { _id: id, ...draft, at: ctx.now() }
  try {
    await ctx.db.collection('audit').add({ data: doc })
  } catch (e: any) {
    if (!/duplicate/i.test(String(e?.errMsg ?? e?.message))) throw e
  }
}

/** The audit record id of a request: one record per act, however often it is retried. */
export const auditIdFor = (ctx: RouteCtx, requestId: string) => `a-${requestKeyFor(ctx.openid, requestId)}`

/** An audit draft of the caller's act. */
export const auditOf = (
  ctx: RouteCtx,
  placeId: string,
  action: string,
  target: string,
  before: unknown,
  after: unknown
): AuditDraft => ({
  placeId,
  actor: ctx.openid,
  actorName: actorName(ctx),
  action,
  target,
  before: before ?? null,
  after: after ?? null
})
