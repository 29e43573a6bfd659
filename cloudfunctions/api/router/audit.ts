import type { AuditAction } from '../../../core/contract/audit-actions'
import type { AuditDoc } from '../../shared/data/documents'
import { settledIds } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import type { Tx } from '../../shared/data/transaction'
import type { Ctx } from '../../shared/context'

/**
 * The audit trail (审计记录), written by the router for every route that declares an audit action.
 * The handler says what the act was about once it is allowed and done; the record is written after
 * the handler succeeded, or inside the handler's own transaction when the act is transactional, under
 * an id fixed by the request, so a retried request writes it once and a refused one writes nothing.
 */

export type AuditDraft = Omit<AuditDoc, '_id' | 'at'>

export interface AuditFacts {
  /** what the act was about: a door plate, a rule's title, a person's name */
  target: string
  before: unknown
  after: unknown
  /** the village, town or county the record is filed under; the route's scope decides by default */
  placeId?: string
}

export interface AuditRecorder {
  /** The act's record, written by the router once the handler has succeeded. */
  record(facts: AuditFacts): void
  /** The act's record, added in the handler's own transaction. */
  inTransaction(tx: Tx, facts: AuditFacts): Promise<void>
  /** The act's record for the ledger, which writes it in the entry's transaction under the entry's id. */
  draft(facts: AuditFacts): AuditDraft
}

export interface AuditSession extends AuditRecorder {
  /** the record the router still has to write, if the handler recorded one outside a transaction */
  pending(): AuditDoc | null
}

interface Actor {
  openid: string
  name: string
  /** the request's key: the record's id */
  key: string
  defaultPlaceId: string
}

/** An audit recorder for one call of a route declaring `action`. */
export function auditSession(ctx: Pick<Ctx, 'now'>, action: AuditAction, actor: Actor): AuditSession {
  let pending: AuditDoc | null = null
  const draft = (facts: AuditFacts): AuditDraft => ({
    placeId: facts.placeId ?? actor.defaultPlaceId,
    actor: actor.openid,
    actorName: actor.name,
    action,
    target: facts.target,
    before: facts.before ?? null,
    after: facts.after ?? null
  })
  const doc = (facts: AuditFacts): AuditDoc => ({ _id: settledIds.audit(actor.key), ...draft(facts), at: ctx.now() })
  return {
    draft,
    record: facts => {
      pending = doc(facts)
    },
    inTransaction: (tx, facts) => tx.add('audit', doc(facts)),
    pending: () => pending
  }
}

/** A recorder for routes that declared they record nothing: recording there is a programming error. */
export const noAudit: AuditSession = {
  draft: () => {
    throw new Error('this route declares no audit action')
  },
  record: () => {
    throw new Error('this route declares no audit action')
  },
  inTransaction: () => {
    throw new Error('this route declares no audit action')
  },
  pending: () => null
}

/** Writes a record the handler left to the router; a retry meets the first one and writes nothing. */
export async function writePendingAudit(ctx: Pick<Ctx, 'db'>, session: AuditSession) {
  const doc = session.pending()
  if (doc) await data(ctx).audit.add(doc)
}
