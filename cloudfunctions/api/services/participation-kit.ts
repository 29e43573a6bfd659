import { AppError } from '../../../core/contract/errors'
import type { RoleGrant, RoleName } from '../../../core/domain/roles'
import { isNotFound } from '../../shared/data/db-errors'
import { hash } from '../../shared/data/ids'
import type { Ctx } from '../../shared/context'
import type { RouteCtx } from '../router/route'
import { grantOf as grantIn } from '../router/scope'
import { actorName as nameOf } from '../router/identity'

/**
 * What the participation routes (votes, activities, organisations, credit) share: their places from
 * the caller's grants and raw doc-by-id access for the participation collections. They were written
 * before the route layer's typed store; these keep them working on it until they move to `data(ctx)`.
 */

export const grantOf = <R extends RoleName>(ctx: RouteCtx, role: R): Extract<RoleGrant, { role: R }> | null =>
  grantIn(ctx.identity, role)

export const actorName = (ctx: RouteCtx) => nameOf(ctx)

/** The household of a villager. */
export function myHousehold(ctx: RouteCtx) {
  const grant = grantOf(ctx, 'villager')
  if (!grant) throw new AppError('NOT_BOUND')
  return grant
}

/** The village a cadre manages. */
export function cadreVillage(ctx: RouteCtx): string {
  const grant = grantOf(ctx, 'cadre')
  if (!grant) throw new AppError('FORBIDDEN')
  return grant.villageId
}

/** The village of anyone who belongs to one (cadre first, then grid worker, then villager). */
export function myVillage(ctx: RouteCtx): string {
  const grant = grantOf(ctx, 'cadre') ?? grantOf(ctx, 'gridWorker') ?? grantOf(ctx, 'villager')
  if (!grant) throw new AppError('FORBIDDEN')
  return grant.villageId
}

/** `prefix` + the first `length` hex digits of the parts' hash: ids fixed by what makes a write unique. */
export const hashId = (prefix: string, length: number, ...parts: string[]) => prefix + hash(...parts).slice(0, length)

/** A document by id, or null. */
export async function getDoc<T>(ctx: Pick<Ctx, 'db'>, collection: string, id: string): Promise<T | null> {
  try {
    const res = (await ctx.db.collection(collection).doc(id).get()) as unknown as { data: T }
    return res.data ?? null
  } catch (e) {
    if (isNotFound(e)) return null
    throw e
  }
}

/** A transaction retried on conflict (the route layer's typed one). */
export { transact } from '../../shared/data/transaction'
