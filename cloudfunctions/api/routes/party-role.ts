import { AppError } from '../../../core/contract/errors'
import { COUNTY_ID, ROLE_NAMES, RoleGrant } from '../../../core/domain/roles'
import { giveRole, GrantScope, grantId, takeRole } from '../services/grants'
import type { Route, RouteCtx } from '../router/route'
import { data } from '../../shared/data/store'

/**
 * Party roles: a branch's 支部书记 and 党务管理员 are granted by the village's cadre or the town's
 * administrator; a town's 镇党委管理员 by the county administrator or the town's administrator.
 */

type PartyRole = 'branchSecretary' | 'partyClerk' | 'townPartyAdmin'

/** May the caller act on party roles in this village and town? Branch roles: the village's cadre or the town's administrator. */
const mayGrant = (ctx: RouteCtx<'area'>, role: PartyRole, villageId: string | null, townId: string) => {
  const { scope } = ctx
  if (role === 'townPartyAdmin') return scope.county || scope.townId === townId
  return (villageId !== null && scope.villageId === villageId) || scope.townId === townId
}

async function grantFor(
  ctx: RouteCtx<'area'>,
  role: PartyRole,
  placeId: string
): Promise<{ grant: RoleGrant; scope: GrantScope }> {
  const base = { countyId: COUNTY_ID, householdId: null }
  if (role === 'townPartyAdmin') {
    const town = await data(ctx).places.get(placeId)
    if (!town || town.kind !== 'town') throw new AppError('GRANT_NOT_ALLOWED', '只能在镇街授予镇党委管理员')
    if (!mayGrant(ctx, role, null, town._id)) throw new AppError('GRANT_NOT_ALLOWED')
    return { grant: { role, townId: town._id }, scope: { ...base, townId: town._id, villageId: null } }
  }
  const branch = await data(ctx).partyOrgs.get(placeId)
  if (!branch || branch.kind !== 'branch') throw new AppError('GRANT_NOT_ALLOWED', '只能在党支部授予这个角色')
  if (!mayGrant(ctx, role, branch.villageId, branch.townId)) throw new AppError('GRANT_NOT_ALLOWED')
  return {
    grant: { role, branchId: branch._id, villageId: branch.villageId },
    scope: { ...base, townId: branch.townId, villageId: branch.villageId }
  }
}

export const grant: Route<'partyRole.grant'> = {
  audit: 'partyRole.grant',
  access: { who: 'roles', roles: ['cadre', 'townAdmin', 'countyAdmin'] },
  scope: 'area',
  async handle({ openid, name, role, placeId }, ctx) {
    const { grant, scope } = await grantFor(ctx, role, placeId)
    const doc = await giveRole(ctx, { openid, name }, grant, scope, ctx.openid)
    ctx.audit.record({
      placeId: scope.villageId ?? scope.townId ?? COUNTY_ID,
      target: openid,
      before: null,
      after: { name, grant }
    })
    return { openid, name, role, label: ROLE_NAMES[role], placeNames: [placeId], at: doc.at }
  }
}

export const revoke: Route<'partyRole.revoke'> = {
  audit: 'partyRole.revoke',
  access: { who: 'roles', roles: ['cadre', 'townAdmin', 'countyAdmin'] },
  scope: 'area',
  async handle({ openid, role }, ctx) {
    const { villageId, townId, county } = ctx.scope
    const mayAtAll = role === 'townPartyAdmin' ? county || townId : villageId || townId
    if (!mayAtAll) throw new AppError('GRANT_NOT_ALLOWED')
    const held = await data(ctx).grants.get(grantId(openid, role))
    if (!held) return { revoked: false }
    if (!mayGrant(ctx, role, held.villageId, held.townId ?? '')) throw new AppError('GRANT_NOT_ALLOWED')
    const revoked = await takeRole(ctx, openid, role)
    ctx.audit.record({
      placeId: held.villageId ?? held.townId ?? COUNTY_ID,
      target: openid,
      before: { grant: held.grant },
      after: null
    })
    return { revoked }
  }
}
