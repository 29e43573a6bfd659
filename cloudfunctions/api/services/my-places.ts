import { AppError } from '../../../core/contract/errors'
import { getDoc } from './participation-kit'
import type { PlaceDoc } from '../../shared/data/documents'
import type { RouteCtx } from '../router/route'
import { grantOf, myVillage } from './participation-kit'

/**
 * The places whose village business (votes, activities) a caller sees: their village and its town;
 * a town administrator their town. From their grants, never from the input.
 */
export async function myVillageAndTown(ctx: RouteCtx): Promise<{ villageId: string | null; townId: string | null }> {
  const town = grantOf(ctx, 'townAdmin')
  const inVillage = ctx.identity.roles.some(r => r.role === 'villager' || r.role === 'cadre' || r.role === 'gridWorker')
  if (!inVillage) {
    if (!town) throw new AppError('FORBIDDEN')
    return { villageId: null, townId: town.townId }
  }
  const villageId = myVillage(ctx)
  const village = await getDoc<PlaceDoc>(ctx, 'places', villageId)
  return { villageId, townId: village?.parentId ?? null }
}

/** Where the caller may publish village business: their village (cadre) or their town (town administrator). */
export function publishPlaceOf(ctx: RouteCtx, toTown: boolean): { placeId: string; kind: 'village' | 'town' } {
  if (toTown) {
    const town = grantOf(ctx, 'townAdmin')
    if (!town) throw new AppError('FORBIDDEN', '只有镇街管理员能发给全镇')
    return { placeId: town.townId, kind: 'town' }
  }
  const cadre = grantOf(ctx, 'cadre')
  if (cadre) return { placeId: cadre.villageId, kind: 'village' }
  const town = grantOf(ctx, 'townAdmin')
  if (town) return { placeId: town.townId, kind: 'town' }
  throw new AppError('FORBIDDEN')
}

/** Whether the caller manages a place's business: its cadre, or the administrator of the town. */
export const managesPlace = (ctx: RouteCtx, placeId: string) =>
  grantOf(ctx, 'cadre')?.villageId === placeId || grantOf(ctx, 'townAdmin')?.townId === placeId
