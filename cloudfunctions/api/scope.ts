import { AppError } from '../../core/contract/errors'
import type { RoleGrant, RoleName } from '../../core/domain/roles'
import type { RouteCtx } from './router'

/**
 * The places a caller may act in, from their grants as loaded server-side; never from the input.
 * The router has already checked the role; these find the grant's scope.
 */
export function grantOf<R extends RoleName>(ctx: RouteCtx, role: R): Extract<RoleGrant, { role: R }> | null {
  return (ctx.identity.roles.find(r => r.role === role) as Extract<RoleGrant, { role: R }> | undefined) ?? null
}

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

/** The caller's name for the record of who did what. */
export const actorName = (ctx: RouteCtx) => ctx.identity.user?.name ?? ''
