import { AppError } from '../../../core/contract/errors'
import type { GrantableRole, PlaceOption } from '../../../core/contract/views'
import { COUNTY_ID, RoleGrant } from '../../../core/domain/roles'
import type { PlaceDoc } from '../../shared/data/documents'
import { placeIdsOf, toGrantView } from '../../shared/data/views'
import { data } from '../../shared/data/store'
import { roles, RouteCtx, Routes } from '../router/route'
import { giveRole, GrantScope, grantId, mustHaveOpenedApp, takeRole } from '../services/grants'
import { childPlaces, placesById } from '../services/places'

/** The grants one authority lists: a village's grid workers, a town's cadres, the county's administrators. */
const GRANTS_LISTED_MAX = 200

/**
 * Roles are granted by the level above: the county administrator grants county and town
 * administrators, a town administrator grants the cadres of its villages, a cadre grants the grid
 * workers of the village's grids. Villagers join by a household's join code instead.
 */

interface Authority {
  /** the roles this caller may grant and revoke */
  roles: GrantableRole[]
  /** where: the place whose children (or itself, for county administrators) they may grant on */
  placeId: string
  /** the grant documents they may see: a query on the grants collection */
  sees: Record<string, unknown>
}

function authoritiesOf(ctx: RouteCtx<'area'>): Authority[] {
  const _ = ctx.db.command
  const { county, townId, villageId } = ctx.scope
  const list: Authority[] = []
  if (county)
    list.push({
      roles: ['countyAdmin', 'townAdmin'],
      placeId: COUNTY_ID,
      sees: { countyId: COUNTY_ID, role: _.in(['countyAdmin', 'townAdmin']) }
    })
  if (townId) list.push({ roles: ['cadre'], placeId: townId, sees: { townId, role: 'cadre' } })
  if (villageId) list.push({ roles: ['gridWorker'], placeId: villageId, sees: { villageId, role: 'gridWorker' } })
  return list
}

/** The grant and its listing scope, if this caller may give `role` on these places. */
async function checkGrant(
  ctx: RouteCtx<'area'>,
  role: GrantableRole,
  placeIds: string[]
): Promise<{ grant: RoleGrant; scope: GrantScope }> {
  const authority = authoritiesOf(ctx).find(a => a.roles.includes(role))
  if (!authority) throw new AppError('GRANT_NOT_ALLOWED')
  const places = await placesById(ctx, placeIds)
  const all = placeIds.map(id => places.get(id))
  const kindNeeded = { countyAdmin: 'county', townAdmin: 'town', cadre: 'village', gridWorker: 'grid' }[role]
  const fits = (p: PlaceDoc | undefined) =>
    p &&
    p.kind === kindNeeded &&
    (role === 'countyAdmin' ? p._id === authority.placeId : p.parentId === authority.placeId)
  if (!all.every(fits) || (role !== 'gridWorker' && placeIds.length !== 1))
    throw new AppError('GRANT_NOT_ALLOWED', '只能在您管辖的地方授予这个角色')
  const scope: GrantScope = { countyId: COUNTY_ID, townId: null, villageId: null, householdId: null }
  const [first] = placeIds
  switch (role) {
    case 'countyAdmin':
      return { grant: { role, countyId: first }, scope }
    case 'townAdmin':
      return { grant: { role, townId: first }, scope: { ...scope, townId: first } }
    case 'cadre':
      return { grant: { role, villageId: first }, scope: { ...scope, townId: authority.placeId, villageId: first } }
    case 'gridWorker': {
      const village = await data(ctx).places.get(authority.placeId)
      return {
        grant: { role, villageId: authority.placeId, gridIds: placeIds },
        scope: { ...scope, townId: village?.parentId ?? null, villageId: authority.placeId }
      }
    }
  }
}

export const rolesRoutes = {
  'roles.list': {
    access: roles('countyAdmin', 'townAdmin', 'cadre'),
    scope: 'area',
    paging: { max: GRANTS_LISTED_MAX },
    async handle(_input, ctx) {
      const authorities = authoritiesOf(ctx)
      const placeIds = authorities.map(a => a.placeId)
      const [grantLists, children, self] = await Promise.all([
        Promise.all(authorities.map(a => data(ctx).grants.find(a.sees, { limit: GRANTS_LISTED_MAX }))),
        childPlaces(ctx, placeIds),
        placesById(ctx, placeIds)
      ])
      const grants = grantLists.flat()
      const places = new Map([...self, ...children.map(p => [p._id, p] as const)])
      const options: PlaceOption[] = [...self.values(), ...children.filter(p => p.kind !== 'group')].map(p => ({
        id: p._id,
        name: p.name,
        kind: p.kind
      }))
      return {
        grants: grants.sort((a, b) => b.at - a.at).map(g => toGrantView(g, places)),
        places: options,
        grantable: authorities.flatMap(a => a.roles)
      }
    }
  },

  'roles.grant': {
    access: roles('countyAdmin', 'townAdmin', 'cadre'),
    scope: 'area',
    audit: 'roles.grant',
    async handle({ openid, name, role, placeIds }, ctx) {
      const { grant, scope } = await checkGrant(ctx, role, [...new Set(placeIds)])
      await mustHaveOpenedApp(ctx, openid)
      const doc = await giveRole(ctx, { openid, name }, grant, scope, ctx.openid)
      ctx.audit.record({
        target: name,
        before: null,
        after: { name, grant },
        placeId: scope.villageId ?? scope.townId ?? scope.countyId
      })
      return toGrantView(doc, await placesById(ctx, placeIdsOf(grant)))
    }
  },

  'roles.revoke': {
    access: roles('countyAdmin', 'townAdmin', 'cadre'),
    scope: 'area',
    audit: 'roles.revoke',
    async handle({ openid, role }, ctx) {
      const authority = authoritiesOf(ctx).find(a => a.roles.includes(role))
      if (!authority) throw new AppError('GRANT_NOT_ALLOWED')
      const held = await data(ctx).grants.get(grantId(openid, role))
      if (!held) return { revoked: false }
      const inScope =
        role === 'countyAdmin' || role === 'townAdmin'
          ? held.countyId === authority.placeId
          : role === 'cadre'
            ? held.townId === authority.placeId
            : held.villageId === authority.placeId
      if (!inScope) throw new AppError('GRANT_NOT_ALLOWED', '只能收回您管辖的地方的角色')
      const revoked = await takeRole(ctx, openid, role)
      ctx.audit.record({
        target: held.name,
        before: { name: held.name, grant: held.grant },
        after: null,
        placeId: held.villageId ?? held.townId ?? held.countyId
      })
      return { revoked }
    }
  }
} satisfies Partial<Routes>
