import { AppError } from '../../../core/contract/errors'
import type { RoleName } from '../../../core/domain/roles'
import type { PlaceDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import type { RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'

/**
 * A village the caller may act on, from their grants: a cadre their own village, a town
 * administrator any village of their town, a county administrator any village. `roles` narrows who
 * is asked (the route's access already let the caller in).
 */
export async function villageInScope(ctx: RouteCtx, villageId: string, roles: RoleName[]): Promise<PlaceDoc> {
  const village = await data(ctx).places.get(villageId)
  if (!village || village.kind !== 'village') throw new AppError('NOT_FOUND', '没有找到这个村')
  if (roles.includes('countyAdmin') && grantOf(ctx.identity, 'countyAdmin')) return village
  const town = roles.includes('townAdmin') ? grantOf(ctx.identity, 'townAdmin') : null
  if (town && village.parentId === town.townId) return village
  const cadre = roles.includes('cadre') ? grantOf(ctx.identity, 'cadre') : null
  if (cadre && cadre.villageId === villageId) return village
  throw new AppError(cadre ? 'OTHER_VILLAGE' : 'FORBIDDEN')
}

/** The village a route acts on: the one named, or (a cadre naming none) the cadre's own. */
export function villageIdOf(ctx: RouteCtx, asked: string | undefined): string {
  const villageId = asked ?? grantOf(ctx.identity, 'cadre')?.villageId
  if (!villageId) throw new AppError('INVALID_INPUT', '请选择村')
  return villageId
}
