import { AppError } from '../../../core/contract/errors'
import type { PartyRoleName, PartyRolesView } from '../../../core/contract/party-views'
import { COUNTY_ID, ROLE_NAMES, RoleGrant } from '../../../core/domain/roles'
import { giveRole, GrantScope, grantId, mustHaveOpenedApp, takeRole } from '../services/grants'
import { childPlaces, placesById } from '../services/places'
import type { GrantDoc } from '../../shared/data/documents'
import type { PartyOrgDoc } from '../../shared/data/party-documents'
import type { Route, RouteCtx } from '../router/route'
import { data } from '../../shared/data/store'

/**
 * Party roles: a branch's 支部书记 and 党务管理员 are granted by the village's cadre or the town's
 * administrator; a town's 镇党委管理员 by the county administrator or the town's administrator.
 */

type PartyRole = PartyRoleName

/**
 * May the caller act on party roles in this village and town? Branch roles: the village's cadre or
 * the town's administrator.
 */
const mayGrant = (ctx: RouteCtx<'area'>, role: PartyRole, villageId: string | null, townId: string) => {
  const { scope } = ctx
  if (role === 'townPartyAdmin') return scope.county || scope.townId === townId
  return (villageId !== null && scope.villageId === villageId) || scope.townId === townId
}

async function grantFor(
  ctx: RouteCtx<'area'>,
  role: PartyRole,
  placeId: string
): Promise<{ grant: RoleGrant; scope: GrantScope; placeName: string }> {
  const base = { countyId: COUNTY_ID, householdId: null }
  if (role === 'townPartyAdmin') {
    const town = await data(ctx).places.get(placeId)
    if (!town || town.kind !== 'town') throw new AppError('GRANT_NOT_ALLOWED', '只能在镇街授予镇党委管理员')
    if (!mayGrant(ctx, role, null, town._id)) throw new AppError('GRANT_NOT_ALLOWED')
    return {
      grant: { role, townId: town._id },
      scope: { ...base, townId: town._id, villageId: null },
      placeName: town.name
    }
  }
  const branch = await data(ctx).partyOrgs.get(placeId)
  if (!branch || branch.kind !== 'branch') throw new AppError('GRANT_NOT_ALLOWED', '只能在党支部授予这个角色')
  if (!mayGrant(ctx, role, branch.villageId, branch.townId)) throw new AppError('GRANT_NOT_ALLOWED')
  return {
    grant: { role, branchId: branch._id, villageId: branch.villageId },
    scope: { ...base, townId: branch.townId, villageId: branch.villageId },
    placeName: branch.name
  }
}

/** Branches of a village or a town, and the holders of party roles, that one page lists. */
const LISTED_MAX = 200
const BRANCH_ROLES: PartyRole[] = ['branchSecretary', 'partyClerk']

/**
 * Where the caller may grant party roles: a cadre their village's branches, a town administrator the
 * town's branches and the town, the county administrator the towns.
 */
async function grantPlaces(ctx: RouteCtx<'area'>) {
  const store = data(ctx)
  const { villageId, townId, county } = ctx.scope
  const [villageOrgs, townOrgs, towns] = await Promise.all([
    villageId ? store.partyOrgs.find({ villageId }, { limit: LISTED_MAX }) : [],
    townId ? store.partyOrgs.find({ townId }, { limit: LISTED_MAX }) : [],
    county ? childPlaces(ctx, [COUNTY_ID]) : townId ? [...(await placesById(ctx, [townId])).values()] : []
  ])
  const byId = new Map<string, PartyOrgDoc>([...villageOrgs, ...townOrgs].map(o => [o._id, o]))
  return {
    villageId,
    townId,
    county,
    branches: [...byId.values()].filter(o => o.kind === 'branch'),
    towns: towns.filter(p => p.kind === 'town')
  }
}

export const list: Route<'partyRole.list'> = {
  access: { who: 'roles', roles: ['cadre', 'townAdmin', 'countyAdmin'] },
  scope: 'area',
  paging: { max: LISTED_MAX },
  async handle(_input, ctx): Promise<PartyRolesView> {
    const { villageId, townId, county, branches, towns } = await grantPlaces(ctx)
    const _ = ctx.db.command
    const grants = data(ctx).grants
    const found = await Promise.all([
      villageId ? grants.find({ villageId, role: _.in(BRANCH_ROLES) }, { limit: LISTED_MAX }) : [],
      townId ? grants.find({ townId, role: _.in([...BRANCH_ROLES, 'townPartyAdmin']) }, { limit: LISTED_MAX }) : [],
      county ? grants.find({ countyId: COUNTY_ID, role: 'townPartyAdmin' }, { limit: LISTED_MAX }) : []
    ])
    const unique = new Map<string, GrantDoc>(found.flat().map(g => [g._id, g]))
    const villages = await placesById(ctx, [...new Set(branches.map(b => b.villageId))])
    const placeName = new Map([
      ...branches.map(b => [b._id, b.name] as const),
      ...towns.map(t => [t._id, t.name] as const)
    ])
    const placeOf = (g: RoleGrant) => ('branchId' in g ? g.branchId : 'townId' in g ? g.townId : '')
    return {
      grantable: [
        ...(villageId || townId ? BRANCH_ROLES : []),
        ...(townId || county ? (['townPartyAdmin'] as const) : [])
      ],
      branches: branches
        .map(b => ({ id: b._id, name: b.name, villageName: villages.get(b.villageId)?.name ?? '' }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      towns: towns.map(t => ({ id: t._id, name: t.name })).sort((a, b) => a.id.localeCompare(b.id)),
      grants: [...unique.values()]
        .sort((a, b) => b.at - a.at)
        .map(g => ({
          openid: g.openid,
          name: g.name,
          role: g.role,
          label: ROLE_NAMES[g.role],
          placeNames: [placeName.get(placeOf(g.grant)) ?? ''],
          at: g.at
        }))
    }
  }
}

export const grant: Route<'partyRole.grant'> = {
  audit: 'partyRole.grant',
  access: { who: 'roles', roles: ['cadre', 'townAdmin', 'countyAdmin'] },
  scope: 'area',
  async handle({ openid, name, role, placeId }, ctx) {
    const { grant, scope, placeName } = await grantFor(ctx, role, placeId)
    await mustHaveOpenedApp(ctx, openid)
    const doc = await giveRole(ctx, { openid, name }, grant, scope, ctx.openid)
    ctx.audit.record({
      placeId: scope.villageId ?? scope.townId ?? COUNTY_ID,
      target: openid,
      before: null,
      after: { name, grant }
    })
    return { openid, name, role, label: ROLE_NAMES[role], placeNames: [placeName], at: doc.at }
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
