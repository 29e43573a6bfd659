import { AppError } from '../../../core/contract/errors'
import type { Ctx } from '../../shared/context'
import { data } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'

/**
 * Exactly once per request. Before a write route's handler runs, the router claims the request's key
 * by adding a `requests` document under it: the database lets one add of an id succeed, so of two
 * identical calls in flight only one runs the handler. The other waits for the first one's reply and
 * answers with it, as does any later retry. A call that fails releases its claim, so the same request
 * may be tried again.
 */

/** How long a duplicate waits for the first call before asking the client to try again later. */
const WAIT_POLLS_MAX = 25
const WAIT_POLL_MS = 120
/** A claim older than the function's time limit (config.json: 60 s) belongs to a call that died. */
const CLAIM_STALE_MS = 90_000

export type Claim = { claimed: true } | { claimed: false; reply: unknown }

export async function claimRequest(ctx: Pick<Ctx, 'db' | 'now'>, key: string, route: string): Promise<Claim> {
  const requests = data(ctx).requests
  for (let poll = 0; poll <= WAIT_POLLS_MAX; poll++) {
    if (await requests.add({ _id: key, route, state: 'running', data: null, at: ctx.now() })) return { claimed: true }
    const earlier = await requests.get(key)
    // replies stored before claims existed have no state: they are answers
    if (earlier && earlier.state !== 'running') return { claimed: false, reply: earlier.data }
    if (earlier && ctx.now() - earlier.at > CLAIM_STALE_MS && (await takeOver(ctx, key, earlier.at)))
      return { claimed: true }
    if (earlier) await new Promise(resolve => setTimeout(resolve, WAIT_POLL_MS))
    // no document: the first call failed and released it; claim it again at once
  }
  throw new AppError('BUSY')
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
