import { ZodError } from 'zod'
import { routes, RouteName } from '../../../core/contract/routes'
import { AppError, ERRORS, Reply } from '../../../core/contract/errors'
import { actionOf } from '../../../core/contract/audit-actions'
import { describeFieldIssue, type FieldIssue } from '../../../core/contract/field-labels'
import type { Ctx } from '../../shared/context'
import { requestKeyFor } from '../../shared/data/ids'
import type { Paging } from '../../shared/data/store'
import { auditSession, noAudit, writePendingAudit } from './audit'
import { answerRequest, claimRequest, contentOf, releaseRequest } from './idempotency'
import { Identity, loadIdentity } from './identity'
import type { Access, Route, RouteCtx, Routes } from './route'
import { resolveScope } from './scope'

/**
 * The one router of the api function: for every call it finds the route, validates the input, loads
 * the caller's identity, checks access, claims the request (writes), resolves the scope, runs the
 * handler, writes the audit record and the reply, and maps errors to `{ ok: false, code, message }`.
 */

/** Refuses at start a route whose declaration leaves out what its contract requires. */
function checkDeclarations(handlers: Routes) {
  for (const name of Object.keys(routes) as RouteName[]) {
    const spec = routes[name]
    const route = handlers[name] as Route<RouteName> | undefined
    if (!route?.access?.who) throw new Error(`route ${name} declares no access policy; refusing to register it`)
    if (!route.scope) throw new Error(`route ${name} declares no scope; refusing to register it`)
    if (spec.write && !route.audit) throw new Error(`route ${name} writes but declares no audit action`)
    if (spec.list && !route.paging) throw new Error(`route ${name} reads a list but declares no paging bound`)
  }
}

function allowed(access: Access, identity: Identity): AppError | null {
  if (access.who === 'anyone') return null
  // a user record without roles is someone who opened the app and holds nothing yet
  if (identity.roles.length === 0) return new AppError('NOT_REGISTERED')
  if (access.who === 'registered') return null
  return identity.roles.some(r => access.roles.includes(r.role)) ? null : new AppError('FORBIDDEN')
}

function pagingOf(route: Route<RouteName>, input: { page?: number; pageSize?: number }): Paging {
  const declared = route.paging
  if (!declared) return { page: 1, size: 0 }
  if ('max' in declared) return { page: 1, size: declared.max }
  return { page: input.page ?? 1, size: input.pageSize ?? declared.size }
}

export function createRouter(handlers: Routes) {
  checkDeclarations(handlers)

  return async function handle(event: unknown, ctx: Ctx): Promise<Reply<unknown>> {
    const started = ctx.now()
    const { route: name, input } = (event ?? {}) as { route?: unknown; input?: unknown }
    let claimedKey: string | null = null
    try {
      // own properties only: "constructor" or "__proto__" are no routes
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(routes, name))
        throw new AppError('UNKNOWN_ROUTE')
      const routeName = name as RouteName
      const spec = routes[routeName]
      const route = handlers[routeName] as Route<RouteName>
      const parsed = spec.input.safeParse(input ?? {})
      if (!parsed.success) throw invalidInput(parsed.error, routeName)
      const valid = parsed.data as { requestId?: string; page?: number; pageSize?: number }

      const requestKey = valid.requestId ? requestKeyFor(ctx.openid, valid.requestId) : ''
      const replyKey = spec.write && !route.ownIdempotency ? `${ctx.openid}:${routeName}:${valid.requestId}` : null
      const [identity, claim] = await Promise.all([
        loadIdentity(ctx),
        replyKey ? claimRequest(ctx, replyKey, routeName, contentOf(valid)) : null
      ])
      if (claim && !claim.claimed) return { ok: true, data: claim.reply }
      claimedKey = replyKey

      const refusal = allowed(route.access, identity)
      if (refusal) throw refusal
      const roleNames = route.access.who === 'roles' ? route.access.roles : []
      const scope = resolveScope(route.scope, identity, roleNames)
      const action = actionOf(route.audit)
      const audit = action
        ? auditSession(ctx, action, {
            openid: ctx.openid,
            name: identity.user?.name ?? '',
            key: requestKey,
            defaultPlaceId: scope.auditPlaceId
          })
        : noAudit
      const routeCtx: RouteCtx = { ...ctx, identity, scope, audit, paging: pagingOf(route, valid) }

      const data = await route.handle(valid as never, routeCtx as never)
      await Promise.all([writePendingAudit(ctx, audit), claimedKey ? answerRequest(ctx, claimedKey, data) : null])
      ctx.log.info('route', { route: routeName, ms: ctx.now() - started })
      return { ok: true, data }
    } catch (e) {
      if (claimedKey) await releaseRequest(ctx, claimedKey).catch(() => {})
      if (e instanceof AppError) {
        ctx.log.info('refused', { route: name, code: e.code, detail: e.detail })
        return { ok: false, code: e.code, message: e.message }
      }
      ctx.log.error('failed', { route: name, error: String((e as Error)?.stack ?? e) })
      return { ok: false, code: 'INTERNAL', message: ERRORS.INTERNAL }
    }
  }
}

/** The first refused field, named as the user knows it (core/contract/field-labels.ts): 请填写说明. */
function invalidInput(error: ZodError, route: string): AppError {
  return new AppError('INVALID_INPUT', describeFieldIssue(error.issues[0] as FieldIssue, route), error.issues)
}
