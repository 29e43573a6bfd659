import { AppError } from '../../../core/contract/errors'
import type { GrantableRole, GrantView, PlaceOption } from '../../../core/contract/views'
import { COUNTY_ID, ROLE_NAMES, RoleGrant } from '../../../core/domain/roles'
import { getDoc } from '../identity'
import { giveRole, GrantScope, grantId, takeRole } from '../grants'
import type { GrantDoc, PlaceDoc } from '../model/documents'
import { childPlaces, placesById } from '../places'
import type { Handler, RouteCtx } from '../router'
import { grantOf } from '../scope'
import { auditIdFor, auditOf, recordAudit } from '../audit'

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

function authoritiesOf(ctx: RouteCtx): Authority[] {
  const _ = ctx.db.command
  const list: Authority[] = []
  if (grantOf(ctx, 'countyAdmin'))
    list.push({
      roles: ['countyAdmin', 'townAdmin'],
      placeId: COUNTY_ID,
      sees: { countyId: COUNTY_ID, role: _.in(['countyAdmin', 'townAdmin']) }
    })
  const town = grantOf(ctx, 'townAdmin')
  if (town) list.push({ roles: ['cadre'], placeId: town.townId, sees: { townId: town.townId, role: 'cadre' } })
  const cadre = grantOf(ctx, 'cadre')
  if (cadre)
    list.push({
      roles: ['gridWorker'],
      placeId: cadre.villageId,
      sees: { villageId: cadre.villageId, role: 'gridWorker' }
    })
  return list
}

const toGrantView = (g: GrantDoc, places: Map<string, PlaceDoc>): GrantView => ({
  openid: g.openid,
  name: g.name,
  role: g.role,
  label: ROLE_NAMES[g.role],
  placeNames: placeIdsOf(g.grant).map(id => places.get(id)?.name ?? id),
  at: g.at
})

const placeIdsOf = (g: RoleGrant): string[] => {
  switch (g.role) {
    case 'countyAdmin':
      return [g.countyId]
    case 'townAdmin':
      return [g.townId]
    case 'cadre':
      return [g.villageId]
    case 'gridWorker':
      return g.gridIds
    case 'villager':
      return [g.householdId]
    case 'partyMember':
    case 'branchSecretary':
    case 'partyClerk':
      return [g.villageId]
    case 'townPartyAdmin':
      return [g.townId]
  }
}

export const list: Handler<'roles.list'> = {
  access: { who: 'roles', roles: ['countyAdmin', 'townAdmin', 'cadre'] },
  async handle(_input, ctx) {
    const authorities = authoritiesOf(ctx)
    const [grantLists, children, self] = await Promise.all([
      Promise.all(
        authorities.map(
          a => ctx.db.collection('grants').where(a.sees).limit(200).get() as unknown as Promise<{ data: GrantDoc[] }>
        )
      ),
      childPlaces(
        ctx,
        authorities.map(a => a.placeId)
      ),
      placesById(
        ctx,
        authorities.map(a => a.placeId)
      )
    ])
    const grants = grantLists.flatMap(r => r.data)
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
}

/** The grant and its listing scope, if this caller may give `role` on these places. */
async function checkGrant(
  ctx: RouteCtx,
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
      const village = await getDoc<PlaceDoc>(ctx, 'places', authority.placeId)
      return {
        grant: { role, villageId: authority.placeId, gridIds: placeIds },
        scope: { ...scope, townId: village?.parentId ?? null, villageId: authority.placeId }
      }
    }
  }
}

export const grant: Handler<'roles.grant'> = {
  access: { who: 'roles', roles: ['countyAdmin', 'townAdmin', 'cadre'] },
  async handle({ requestId, openid, name, role, placeIds }, ctx) {
    const [{ grant, scope }, known] = await Promise.all([
      checkGrant(ctx, role, [...new Set(placeIds)]),
      hasOpenedTheApp(ctx, openid)
    ])
    if (!known) throw new AppError('NEVER_OPENED')
    const doc = await giveRole(ctx, { openid, name }, grant, scope, ctx.openid)
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, scope.villageId ?? scope.townId ?? scope.countyId, 'roles.grant', openid, null, { name, grant })
    )
    return toGrantView(doc, await placesById(ctx, placeIdsOf(grant)))
  }
}

export const revoke: Handler<'roles.revoke'> = {
  access: { who: 'roles', roles: ['countyAdmin', 'townAdmin', 'cadre'] },
  async handle({ requestId, openid, role }, ctx) {
    const authority = authoritiesOf(ctx).find(a => a.roles.includes(role))
    if (!authority) throw new AppError('GRANT_NOT_ALLOWED')
    const held = await getDoc<GrantDoc>(ctx, 'grants', grantId(openid, role))
    if (!held) return { revoked: false }
    const inScope =
      role === 'countyAdmin' || role === 'townAdmin'
        ? held.countyId === authority.placeId
        : role === 'cadre'
          ? held.townId === authority.placeId
          : held.villageId === authority.placeId
    if (!inScope) throw new AppError('GRANT_NOT_ALLOWED', '只能收回您管辖的地方的角色')
    const revoked = await takeRole(ctx, openid, role)
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(
        ctx,
        held.villageId ?? held.townId ?? held.countyId,
        'roles.revoke',
        openid,
        { name: held.name, grant: held.grant },
        null
      )
    )
    return { revoked }
  }
}

/** A made-up number is refused: the person has an account, or opened the app once (me.session notes it). */
async function hasOpenedTheApp(ctx: RouteCtx, openid: string): Promise<boolean> {
  const [user, visitor] = await Promise.all([getDoc(ctx, 'users', openid), getDoc(ctx, 'visitors', openid)])
  return user !== null || visitor !== null
}
