import { AppError } from '../../../core/contract/errors'
import type { Ctx } from '../../shared/context'
import { hash } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'

/**
 * Exactly once per request. Before a write route's handler runs, the router claims the request's key
 * by adding a `requests` document under it: the database lets one add of an id succeed, so of two
 * identical calls in flight only one runs the handler. The other waits for the first one's reply and
 * answers with it, as does any later retry. A call that fails releases its claim, so the same request
 * may be tried again. A retry sends what its request sent; a call under a request id already taken
 * whose content differs is another request wrongly named, and is refused (REQUEST_REUSED) rather than
 * answered with a reply about something it did not ask.
 */

/**
 * How long a duplicate waits for the first call's reply before asking the client to try again later.
 * The first call may run for most of the api's time limit (config.json: 60 s; a register import step
 * takes up to 30 s), and it started before the duplicate, so the duplicate waits as long as the first
 * can still answer, within its own limit. Measured on the wall clock: ctx.now() is the business clock.
 * A fixed count of short polls (about 3 s) gave BUSY to the duplicate of any call slower than that.
 */
const DUPLICATE_WAIT_MS = 45_000
/** Polls start quick (a double tap's twin is usually answered within a round trip) and slow down. */
const POLL_MS_FIRST = 100
const POLL_MS_MAX = 1_000
/** A claim older than the function's time limit (config.json: 60 s) belongs to a call that died. */
const CLAIM_STALE_MS = 90_000

export type Claim = { claimed: true } | { claimed: false; reply: unknown }

/** What a request sent, as a short hash: the validated input, whose fields come in the schema's order. */
export const contentOf = (input: unknown) => hash(JSON.stringify(input)).slice(0, 24)

export async function claimRequest(
  ctx: Pick<Ctx, 'db' | 'now'>,
  key: string,
  route: string,
  content: string
): Promise<Claim> {
  const requests = data(ctx).requests
  const giveUpAt = Date.now() + DUPLICATE_WAIT_MS
  for (let pollMs = POLL_MS_FIRST; ; pollMs = Math.min(POLL_MS_MAX, pollMs * 1.5)) {
    if (await requests.add({ _id: key, route, state: 'running', data: null, at: ctx.now(), content }))
      return { claimed: true }
    const earlier = await requests.get(key)
    if (earlier?.content !== undefined && earlier.content !== content) throw new AppError('REQUEST_REUSED')
    // replies stored before claims existed have no state: they are answers
    if (earlier && earlier.state !== 'running') return { claimed: false, reply: earlier.data }
    if (earlier && ctx.now() - earlier.at > CLAIM_STALE_MS && (await takeOver(ctx, key, earlier.at)))
      return { claimed: true }
    if (Date.now() >= giveUpAt) throw new AppError('BUSY')
    if (earlier) await new Promise(resolve => setTimeout(resolve, pollMs))
    // no document: the first call failed and released it; claim it again at once
  }
}

/** Takes over a claim whose call died, unless another retry took it first. */
function takeOver(ctx: Pick<Ctx, 'db' | 'now'>, key: string, staleAt: number): Promise<boolean> {
  return transact(ctx, async tx => {
    const claim = await tx.get('requests', key)
    if (!claim || claim.state !== 'running' || claim.at !== staleAt) return false
    await tx.update('requests', key, { at: ctx.now() })
    return true
  })
}

export const answerRequest = (ctx: Pick<Ctx, 'db'>, key: string, reply: unknown) =>
  data(ctx).requests.update(key, { state: 'done', data: ctx.db.command.set(reply as object) })

export const releaseRequest = (ctx: Pick<Ctx, 'db'>, key: string) => data(ctx).requests.remove(key)
