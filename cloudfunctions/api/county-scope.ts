import { AppError } from '../../core/contract/errors'
import type { RoleName } from '../../core/domain/roles'
import { getDoc } from './identity'
import type { PlaceDoc } from './model/documents'
import type { RouteCtx } from './router'
import { grantOf } from './scope'

/**
 * A village the caller may act on, from their grants: a cadre their own village, a town
 * administrator any village of their town, a county administrator any village. `roles` narrows who
 * is asked (the route's access already let the caller in).
 */
export async function villageInScope(ctx: RouteCtx, villageId: string, roles: RoleName[]): Promise<PlaceDoc> {
  const village = await getDoc<PlaceDoc>(ctx, 'places', villageId)
  if (!village || village.kind !== 'village') throw new AppError('NOT_FOUND', '没有找到这个村')
  if (roles.includes('countyAdmin') && grantOf(ctx, 'countyAdmin')) return village
  const town = roles.includes('townAdmin') ? grantOf(ctx, 'townAdmin') : null
  if (town && village.parentId === town.townId) return village
  const cadre = roles.includes('cadre') ? grantOf(ctx, 'cadre') : null
  if (cadre && cadre.villageId === villageId) return village
  throw new AppError(cadre ? 'OTHER_VILLAGE' : 'FORBIDDEN')
}
