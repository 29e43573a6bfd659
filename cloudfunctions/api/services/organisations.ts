import type { OrganisationView } from '../../../core/contract/participation'
import type { OrganisationDoc } from '../../shared/data/participation-documents'
import { data } from '../../shared/data/store'
import type { RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'
import { townOf } from './my-places'

/** Organisations on the platform (入驻单位), as the organisation, issue and credit routes share them. */

/** The most organisations one town has on the platform (one query reads them all). */
const ORGANISATIONS_PER_TOWN_MAX = 200

/** Whether the caller may change an organisation and grant its staff: the county, or the town that registered it. */
export const mayManage = (ctx: Pick<RouteCtx, 'identity'>, o: OrganisationDoc) =>
  !!grantOf(ctx.identity, 'countyAdmin') || grantOf(ctx.identity, 'townAdmin')?.townId === o.registeredBy

export const organisationView = (ctx: Pick<RouteCtx, 'identity'>, o: OrganisationDoc): OrganisationView => ({
  id: o._id,
  name: o.name,
  kind: o.kind,
  intro: o.intro,
  phone: o.phone,
  address: o.address,
  hours: o.hours,
  serves: o.serves,
  ratePolicy: o.ratePolicy,
  canManage: mayManage(ctx, o)
})

/** Whether an organisation serves a village (of a town). */
export const serves = (o: OrganisationDoc, villageId: string, townId: string | null) =>
  o.villageIds.length ? o.villageIds.includes(villageId) : !!townId && o.townIds.includes(townId)

/** The organisations serving a town, or (null) every one of the county, as many as a town may have. */
export const organisationsServing = (ctx: Pick<RouteCtx, 'db'>, townId: string | null) =>
  data(ctx).organisations.find(townId ? { townIds: townId } : {}, { limit: ORGANISATIONS_PER_TOWN_MAX })

/** The organisations serving a village: one query on its town, filtered by village. */
export async function servingVillage(ctx: Pick<RouteCtx, 'db'>, villageId: string): Promise<OrganisationDoc[]> {
  const townId = await townOf(ctx, villageId)
  if (!townId) return []
  return (await organisationsServing(ctx, townId)).filter(o => serves(o, villageId, townId))
}

/** One organisation serving a village, or null. */
export async function organisationServing(
  ctx: Pick<RouteCtx, 'db'>,
  organisationId: string,
  villageId: string
): Promise<OrganisationDoc | null> {
  const [o, townId] = await Promise.all([data(ctx).organisations.get(organisationId), townOf(ctx, villageId)])
  return o && serves(o, villageId, townId) ? o : null
}
