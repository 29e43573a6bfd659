import { AppError } from '../../../core/contract/errors'
import { data } from '../../shared/data/store'
import type { RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'

/**
 * The places whose village business (votes, activities, organisations) a caller sees or runs, from
 * their grants as the router loaded them, never from the input.
 */

/** The village a caller belongs to, as the `village` scope finds it: as cadre, else grid worker, else villager. */
export function villageOf(ctx: Pick<RouteCtx, 'identity'>): string | null {
  const grant =
    grantOf(ctx.identity, 'cadre') ?? grantOf(ctx.identity, 'gridWorker') ?? grantOf(ctx.identity, 'villager')
  return grant?.villageId ?? null
}

/** The town a village belongs to (one read of the village). */
export async function townOf(ctx: Pick<RouteCtx, 'db'>, villageId: string): Promise<string | null> {
  return (await data(ctx).places.get(villageId))?.parentId ?? null
}

/** A caller's village and its town; a town administrator's town. For routes open to both. */
export async function myVillageAndTown(ctx: RouteCtx): Promise<{ villageId: string | null; townId: string | null }> {
  const villageId = villageOf(ctx)
  if (villageId) return { villageId, townId: await townOf(ctx, villageId) }
  const town = grantOf(ctx.identity, 'townAdmin')
  if (!town) throw new AppError('FORBIDDEN')
  return { villageId: null, townId: town.townId }
}

/** Where an administrator publishes village business: the cadre's village, or the whole town (`toTown`). */
export function publishPlaceOf(scope: RouteCtx<'area'>['scope'], toTown: boolean): string {
  if (toTown) {
    if (!scope.townId) throw new AppError('FORBIDDEN', '只有镇街管理员能发给全镇')
    return scope.townId
  }
  const placeId = scope.villageId ?? scope.townId
  if (!placeId) throw new AppError('FORBIDDEN')
  return placeId
}

/** Whether the caller manages a place's business: its cadre, or the administrator of the town. */
export const managesPlace = (ctx: Pick<RouteCtx, 'identity'>, placeId: string) =>
  grantOf(ctx.identity, 'cadre')?.villageId === placeId || grantOf(ctx.identity, 'townAdmin')?.townId === placeId
