import { AppError } from '../../../core/contract/errors'
import { refuseOwnHousehold, refuseOwnMember } from '../conflict'
import { roles, RouteCtx } from '../router/route'
import type { ScopedDoc } from '../router/scope'
import { Collection, data, listOf, Store } from '../../shared/data/store'
import { officersOnly } from './party'

/**
 * The review queues: a village's claims and proposals and its objections, which its cadres resolve;
 * a party branch's claims and objections, which its officers resolve. A queue lists what waits in the
 * caller's place, newest first; the item the caller acts on is checked in one order for every queue.
 */

/** The cadres page through their village's queue twenty at a time. */
const VILLAGE_QUEUE_PAGE = 20
/** A branch has a few claims and objections a quarter: its officers see them on one page. */
const BRANCH_QUEUE_MAX = 100

const NEWEST_FIRST = [['at', 'desc']] as const

type Queued = { _id: string; at: number; state: string }

/** The route of a village's queue: its cadres, a page of what waits in `state`. */
export function villageQueue<T extends Queued & { villageId: string }, V>(
  collectionOf: (store: Store) => Collection<T>,
  state: T['state'],
  view: (doc: T) => V
) {
  return {
    access: roles('cadre'),
    scope: 'village' as const,
    paging: { size: VILLAGE_QUEUE_PAGE },
    async handle(_input: object, ctx: RouteCtx<'village'>) {
      const where = { villageId: ctx.scope.villageId, state }
      return listOf('items', await collectionOf(data(ctx)).page(where, NEWEST_FIRST, ctx.paging), view)
    }
  }
}

/** The route of a party branch's queue: its officers, all that waits in `state` (up to a bound). */
export function branchQueue<T extends Queued & { branchId: string }, V>(
  collectionOf: (store: Store) => Collection<T>,
  state: T['state'],
  view: (doc: T) => V
) {
  return {
    access: officersOnly,
    scope: 'branch' as const,
    paging: { max: BRANCH_QUEUE_MAX },
    async handle(_input: object, ctx: RouteCtx<'branch'>) {
      const where = { branchId: ctx.scope.branchId, state }
      const found = await collectionOf(data(ctx)).page(where, NEWEST_FIRST, ctx.paging)
      return { items: found.rows.map(view) }
    }
  }
}

/** Whom an item concerns, as far as the caller may not act on it. */
export interface Parties {
  /** who proposed it: nobody reviews their own proposal (SELF_REVIEW) */
  proposedBy?: string
  /** the household it is about: never the caller's own (CONFLICT_OF_INTEREST) */
  householdId?: string | null
  /** the party member it is about: never the caller themselves (CONFLICT_OF_INTEREST) */
  memberId?: string
}

/**
 * The item the caller is about to act on, checked in one order for every queue (the route tests pin
 * it, test/routes/queue-refusals.test.ts): it exists (`notFound`), it lies in the caller's place (the
 * scope's check: OTHER_VILLAGE, OTHER_BRANCH), the caller did not propose it (SELF_REVIEW), and it is
 * about neither their household nor themselves as a party member (CONFLICT_OF_INTEREST). `partiesOf`
 * runs only once the item is known to be in the caller's place.
 */
export async function itemToActOn<T extends ScopedDoc>(
  ctx: RouteCtx,
  item: T | null,
  notFound: AppError,
  partiesOf: (item: T) => Parties | Promise<Parties>
): Promise<T> {
  if (!item) throw notFound
  ctx.scope.check(item)
  const { proposedBy, householdId, memberId } = await partiesOf(item)
  if (proposedBy === ctx.openid) throw new AppError('SELF_REVIEW')
  if (householdId) refuseOwnHousehold(ctx, householdId)
  if (memberId) refuseOwnMember(ctx, memberId)
  return item
}
