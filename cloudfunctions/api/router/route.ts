import type { z } from 'zod'
import type { AuditAction } from '../../../core/contract/audit-actions'
import type { RouteName, RouteResult, routes } from '../../../core/contract/routes'
import type { RoleName } from '../../../core/domain/roles'
import type { Ctx } from '../../shared/context'
import type { Paging } from '../../shared/data/store'
import type { AuditRecorder } from './audit'
import type { Identity } from './identity'
import type { Scope, ScopeKind } from './scope'

/**
 * A route declares what the router does for it: who may call it (access), where it acts (scope),
 * what the audit trail records of it (audit), how its list is bounded (paging), and whether its writes
 * are keyed by the request themselves (ownIdempotency). The router performs all of that; `handle`
 * holds only the route's own logic. See docs/architecture.md for a complete example.
 */

/** Who may call a route: any WeChat user, a user the village knows, or holders of one of these roles. */
export type Access = { who: 'anyone' } | { who: 'registered' } | { who: 'roles'; roles: RoleName[] }

export const anyone: Access = { who: 'anyone' }
export const registered: Access = { who: 'registered' }
export const roles = (...names: RoleName[]): Access => ({ who: 'roles', roles: names })

/**
 * The audit record of a write: an action of core/contract/audit-actions.ts, or, for a write that is
 * nobody's administrative act (a villager's own request, a preference), why it records none.
 */
export type AuditDeclaration = AuditAction | { none: string }

/** A list's bound: pages of `size` (the input's `page`, or its own `pageSize`), or at most `max` rows. */
export type PagingDeclaration = { size: number } | { max: number }

export interface RouteCtx<S extends ScopeKind = ScopeKind> extends Ctx {
  identity: Identity
  scope: Scope<S>
  audit: AuditRecorder
  /** the page the caller asked for, bounded as declared (lists only) */
  paging: Paging
}

type Input<R extends RouteName> = z.output<(typeof routes)[R]['input']>

interface Declaration<R extends RouteName, S extends ScopeKind> {
  access: Access
  scope: S
  audit?: AuditDeclaration
  paging?: PagingDeclaration
  /**
   * The handler's writes are keyed by the request id themselves (the ledger's entry ids), so the
   * router does not claim the request: two database round trips saved on the busiest writes.
   */
  ownIdempotency?: true
  handle: (input: Input<R>, ctx: RouteCtx<S>) => Promise<RouteResult<R>>
}

/** A route's declaration; its scope kind types the handler's `ctx.scope`. */
export type Route<R extends RouteName> = { [S in ScopeKind]: Declaration<R, S> }[ScopeKind]

export type Routes = { [R in RouteName]: Route<R> }
