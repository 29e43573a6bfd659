import { ZodError } from 'zod'
import { routes, RouteName, RouteResult } from '../../core/contract/routes'
import { AppError, ERRORS, Reply } from '../../core/contract/errors'
import { describeFieldIssue, type FieldIssue } from '../../core/contract/field-labels'
import type { RoleName } from '../../core/domain/roles'
import type { z } from 'zod'
import type { Ctx } from '../shared/context'
import { Identity, getDoc, loadIdentity } from './identity'

/**
 * Who may call a route. `anyone`: any WeChat user, even one with no role; `registered`: a user the
 * village knows; `roles`: one of these roles. Scope (which village, grid or household) is checked by
 * the handler against the caller's grants, never against anything the client says about itself.
 */
export type Access = { who: 'anyone' } | { who: 'registered' } | { who: 'roles'; roles: RoleName[] }

export type RouteCtx = Ctx & { identity: Identity }

export interface Handler<R extends RouteName> {
  access: Access
  /**
   * The handler's writes are keyed by the request id themselves (the ledger's entry ids), so the
   * router neither looks up nor stores a reply: two database round trips saved on the busiest writes.
   */
  ownIdempotency?: boolean
  handle: (input: z.output<(typeof routes)[R]['input']>, ctx: RouteCtx) => Promise<RouteResult<R>>
}

export type Handlers = { [R in RouteName]: Handler<R> }

interface StoredReply {
  _id: string
  route: string
  data: unknown
  at: number
}

export function createRouter(handlers: Handlers) {
  for (const name of Object.keys(routes) as RouteName[]) {
    const handler = handlers[name] as Handler<RouteName> | undefined
    if (!handler?.access?.who) throw new Error(`route ${name} declares no access policy; refusing to register it`)
  }

  function allowed(access: Access, identity: Identity): AppError | null {
    if (access.who === 'anyone') return null
    if (!identity.user && identity.roles.length === 0) return new AppError('NOT_REGISTERED')
    if (access.who === 'registered') return null
    return identity.roles.some(r => access.roles.includes(r.role)) ? null : new AppError('FORBIDDEN')
  }

  return async function handle(event: unknown, ctx: Ctx): Promise<Reply<unknown>> {
    const started = ctx.now()
    const { route, input } = (event ?? {}) as { route?: string; input?: unknown }
    try {
      if (typeof route !== 'string' || !(route in routes)) throw new AppError('UNKNOWN_ROUTE')
      const name = route as RouteName
      const spec = routes[name]
      const parsed = spec.input.safeParse(input ?? {})
      if (!parsed.success) throw invalidInput(parsed.error)

      const handler = handlers[name] as Handler<RouteName>
      const replyKey =
        spec.write && !handler.ownIdempotency
          ? `${ctx.openid}:${name}:${(parsed.data as { requestId: string }).requestId}`
          : null
      const [identity, earlier] = await Promise.all([
        loadIdentity(ctx),
        replyKey ? getDoc<StoredReply>(ctx, 'requests', replyKey) : null
      ])
      const refusal = allowed(handler.access, identity)
      if (refusal) throw refusal
      if (earlier) return { ok: true, data: earlier.data }

      const data = await handler.handle(parsed.data as never, { ...ctx, identity })
      if (replyKey) await rememberReply(ctx, { _id: replyKey, route: name, data, at: ctx.now() })
      ctx.log.info('route', { route: name, ms: ctx.now() - started })
      return { ok: true, data }
    } catch (e) {
      if (e instanceof AppError) {
        ctx.log.info('refused', { route, code: e.code, detail: e.detail })
        return { ok: false, code: e.code, message: e.message }
      }
      ctx.log.error('failed', { route, error: String((e as Error)?.stack ?? e) })
      return { ok: false, code: 'INTERNAL', message: ERRORS.INTERNAL }
    }
  }
}

/** A retry that raced the first call finds the reply already stored; the first one stands. */
async function rememberReply(ctx: Ctx, reply: StoredReply) {
  try {
    await ctx.db.collection('requests').add({ data: reply })
  } catch (e: any) {
    if (!/duplicate key/.test(String(e?.errMsg ?? e?.message))) throw e
  }
}

function invalidInput(error: ZodError): AppError {
  return new AppError('INVALID_INPUT', describeFieldIssue(error.issues[0] as FieldIssue), error.issues)
}
