import { AppError } from '../../../core/contract/errors'
import { data } from '../../shared/data/store'
import type { RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'
import { childPlaces } from './places'

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

/** The places whose village business a caller watches: every place (the county), or these. */
export type Watched = { all: true } | { all: false; placeIds: string[] }

/**
 * What a caller watches, for routes open to villagers and administrators alike: their village and its
 * town (villager, grid worker, cadre); a town administrator's town and every village of it; the county
 * administrator everything. One read for a village, one for a town's villages.
 */
export async function placesWatched(ctx: RouteCtx): Promise<Watched> {
  if (grantOf(ctx.identity, 'countyAdmin')) return { all: true }
  const villageId = villageOf(ctx)
  const town = grantOf(ctx.identity, 'townAdmin')
  if (!villageId && !town) throw new AppError('FORBIDDEN')
  const [ownTown, townVillages] = await Promise.all([
    villageId ? townOf(ctx, villageId) : null,
    town ? childPlaces(ctx, [town.townId]) : []
  ])
  const ids = [villageId, ownTown, town?.townId ?? null, ...townVillages.map(v => v._id)]
  return { all: false, placeIds: [...new Set(ids.filter((p): p is string => p !== null))] }
}

export const watches = (watched: Watched, placeId: string) => watched.all || watched.placeIds.includes(placeId)

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
