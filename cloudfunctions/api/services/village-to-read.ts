import { AppError } from '../../../core/contract/errors'
import type { PlaceDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import { childPlaces } from './places'
import type { RouteCtx } from '../router/route'

/**
 * The one village a read is about, within the caller's area. Someone of a village (cadre, grid worker,
 * villager) reads their own: a placeId naming another village is OTHER_VILLAGE. A town administrator
 * names one of their town's villages (the first of the town when none is named); any other place is
 * OTHER_VILLAGE.
 */
export async function villageToRead(
  ctx: RouteCtx<'area'>,
  placeId: string | undefined
): Promise<{ village: PlaceDoc; townVillages: PlaceDoc[] }> {
  const { villageId, townId } = ctx.scope
  if (villageId) {
    if (placeId && placeId !== villageId) throw new AppError('OTHER_VILLAGE')
    const village = await data(ctx).places.get(villageId)
    if (!village) throw new AppError('NOT_FOUND')
    return { village, townVillages: [village] }
  }
  if (!townId) throw new AppError('FORBIDDEN')
  const villages = (await childPlaces(ctx, [townId])).filter(p => p.kind === 'village')
  villages.sort((a, b) => (a._id < b._id ? -1 : 1))
  const village = placeId ? villages.find(v => v._id === placeId) : villages[0]
  if (!village) throw new AppError('OTHER_VILLAGE')
  return { village, townVillages: villages }
}
