import { AppError } from '../../../core/contract/errors'
import type { OrganisationView } from '../../../core/contract/participation'
import type { NoticeView, ServiceView } from '../../../core/contract/views'
import { COUNTY_ID, RoleGrant } from '../../../core/domain/roles'
import { SERVED_VILLAGES_MAX } from '../../../core/domain/organisations'
import { mapWithLimit } from '../../shared/limit'
import { data } from '../../shared/data/store'
import { checkText } from '../services/content-check'
import { giveRole } from '../services/grants'
import { getDoc } from '../services/participation-kit'
import { hashId } from '../services/participation-kit'
import type { NoticeDoc, PlaceDoc, ServiceDoc } from '../../shared/data/documents'
import type { OrganisationDoc } from '../../shared/data/participation-documents'
import { childPlaces, placesById } from '../services/places'
import type { Route as Handler, RouteCtx } from '../router/route'
import { actorName, grantOf, myVillage } from '../services/participation-kit'

/**
 * Organisations on the platform (入驻单位): police station, health centre, bank, power office… The
 * county registers any, a town its own; the one that registered it grants its staff their role (a
 * bank's staff: bankStaff). Staff publish services into the directory of the towns it serves and
 * notices to each village it serves; villagers see the organisations serving their village.
 */

const LIST_MAX = 200
const NOTICE_FAN_OUT_PARALLELISM = 10

/** The place an administrator registers organisations for: the county, or their town. */
function registrar(ctx: RouteCtx): { placeId: string; townId: string | null } {
  if (grantOf(ctx, 'countyAdmin')) return { placeId: COUNTY_ID, townId: null }
  const town = grantOf(ctx, 'townAdmin')
  if (town) return { placeId: town.townId, townId: town.townId }
  throw new AppError('FORBIDDEN')
}

const mayManage = (ctx: RouteCtx, o: OrganisationDoc) =>
  !!grantOf(ctx, 'countyAdmin') || grantOf(ctx, 'townAdmin')?.townId === o.registeredBy

export const toOrganisationView = (ctx: RouteCtx, o: OrganisationDoc): OrganisationView => ({
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

/** The organisation whose staff the caller is. */
export function staffOrganisation(ctx: RouteCtx): string {
  const grant = grantOf(ctx, 'orgStaff') ?? grantOf(ctx, 'bankStaff')
  if (!grant) throw new AppError('FORBIDDEN')
  return grant.organisationId
}

/** Whether an organisation serves a village (of a town). */
export const serves = (o: OrganisationDoc, villageId: string, townId: string | null) =>
  o.villageIds.length ? o.villageIds.includes(villageId) : !!townId && o.townIds.includes(townId)

/** The organisations serving the caller's village (one query on the town, filtered by village). */
export async function servingMyVillage(ctx: RouteCtx): Promise<OrganisationDoc[]> {
  const villageId = myVillage(ctx)
  const village = await getDoc<PlaceDoc>(ctx, 'places', villageId)
  const townId = village?.parentId ?? null
  const res = (await ctx.db
    .collection('organisations')
    .where({ townIds: townId })
    .limit(LIST_MAX)
    .get()) as unknown as { data: OrganisationDoc[] }
  return res.data.filter(o => serves(o, villageId, townId))
}

export const save: Handler<'org.save'> = {
  access: { who: 'roles', roles: ['countyAdmin', 'townAdmin'] },
  scope: 'own',
  audit: 'org.save',
  async handle({ requestId, organisationId, ...input }, ctx) {
    const { placeId, townId } = registrar(ctx)
    if (townId && input.townIds.some(t => t !== townId)) throw new AppError('FORBIDDEN', '只能登记为本镇服务的单位')
    const [existing, places] = await Promise.all([
      organisationId ? getDoc<OrganisationDoc>(ctx, 'organisations', organisationId) : null,
      placesById(ctx, [...input.townIds, ...input.villageIds]),
      checkText(ctx, input.name, input.intro, input.address, input.hours)
    ])
    if (organisationId && !existing) throw new AppError('NOT_FOUND', '没有找到这个单位')
    if (existing && !mayManage(ctx, existing)) throw new AppError('FORBIDDEN', '只能修改本级登记的单位')
    const towns = input.townIds.map(id => places.get(id))
    const villages = input.villageIds.map(id => places.get(id))
    if (towns.some(t => t?.kind !== 'town')) throw new AppError('NOT_FOUND', '没有找到这个镇')
    if (villages.some(v => v?.kind !== 'village' || !input.townIds.includes(v.parentId ?? '')))
      throw new AppError('NOT_FOUND', '服务的村要在所选的镇里')
    const doc: OrganisationDoc = {
      _id: existing?._id ?? hashId('org-', 16, ctx.openid, requestId),
      ...input,
      serves: (villages.length ? villages : towns).map(p => p!.name),
      registeredBy: existing?.registeredBy ?? placeId,
      ratePolicy: existing?.ratePolicy ?? null,
      by: ctx.openid,
      at: ctx.now()
    }
    await data(ctx).organisations.set(doc)
    ctx.audit.record({
      placeId: placeId,
      target: doc.name,
      before: existing ? { serves: existing.serves } : null,
      after: { serves: doc.serves }
    })
    return toOrganisationView(ctx, doc)
  }
}

export const list: Handler<'org.list'> = {
  access: {
    who: 'roles',
    roles: ['villager', 'gridWorker', 'cadre', 'townAdmin', 'countyAdmin', 'orgStaff', 'bankStaff']
  },
  scope: 'own',
  async handle(_input, ctx) {
    let organisations: OrganisationDoc[]
    if (grantOf(ctx, 'countyAdmin') || grantOf(ctx, 'townAdmin')) {
      const town = grantOf(ctx, 'countyAdmin') ? null : grantOf(ctx, 'townAdmin')!.townId
      const res = (await ctx.db
        .collection('organisations')
        .where(town ? { townIds: town } : {})
        .limit(LIST_MAX)
        .get()) as unknown as { data: OrganisationDoc[] }
      organisations = res.data
    } else if (grantOf(ctx, 'orgStaff') || grantOf(ctx, 'bankStaff')) {
      const own = await getDoc<OrganisationDoc>(ctx, 'organisations', staffOrganisation(ctx))
      organisations = own ? [own] : []
    } else organisations = await servingMyVillage(ctx)
    return { organisations: organisations.map(o => toOrganisationView(ctx, o)) }
  }
}

export const page: Handler<'org.page'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre', 'orgStaff', 'bankStaff'] },
  scope: 'own',
  async handle({ organisationId }, ctx) {
    const o = await getDoc<OrganisationDoc>(ctx, 'organisations', organisationId)
    const own = (grantOf(ctx, 'orgStaff') ?? grantOf(ctx, 'bankStaff'))?.organisationId === organisationId
    const villageId = own ? null : myVillage(ctx)
    const village = villageId ? await getDoc<PlaceDoc>(ctx, 'places', villageId) : null
    if (!o || (!own && !serves(o, villageId!, village?.parentId ?? null)))
      throw new AppError('NOT_FOUND', '没有找到这个单位')
    const [services, notices] = (await Promise.all([
      ctx.db.collection('services').where({ organisationId }).limit(100).get(),
      ctx.db
        .collection('notices')
        .where(villageId ? { organisationId, placeId: villageId, withdrawn: false } : { organisationId })
        .orderBy('at', 'desc')
        .limit(20)
        .get()
    ])) as unknown as [{ data: ServiceDoc[] }, { data: NoticeDoc[] }]
    // the staff's own page: a notice went to each village; show it once
    const seen = new Set<string>()
    const once = notices.data.filter(n => !seen.has(`${n.at}:${n.title}`) && seen.add(`${n.at}:${n.title}`))
    // one service document per town served: show each service once
    const names = new Set<string>()
    const uniqueServices = services.data.filter(s => !names.has(s.name) && names.add(s.name))
    return {
      organisation: toOrganisationView(ctx, o),
      services: uniqueServices.map(s => serviceView(s)),
      notices: once.map(n => noticeView(n))
    }
  }
}

const serviceView = (s: ServiceDoc): ServiceView => ({
  id: s._id,
  category: s.category,
  name: s.name,
  purpose: s.purpose,
  who: s.who,
  materials: s.materials,
  where: s.where,
  when: s.when,
  phone: s.phone,
  guide: s.guide,
  placeName: s.organisationName ?? ''
})

const noticeView = (n: NoticeDoc): NoticeView => ({
  id: n._id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  pictures: n.pictures,
  attachments: n.attachments,
  financeRows: n.financeRows,
  placeName: n.placeName,
  pinned: n.pinned,
  withdrawn: n.withdrawn,
  byName: n.byName,
  at: n.at,
  read: false,
  readCount: null
})

export const grantStaff: Handler<'org.grantStaff'> = {
  access: { who: 'roles', roles: ['countyAdmin', 'townAdmin'] },
  scope: 'own',
  audit: 'org.grantStaff',
  async handle({ organisationId, openid, name }, ctx) {
    const o = await getDoc<OrganisationDoc>(ctx, 'organisations', organisationId)
    if (!o) throw new AppError('NOT_FOUND', '没有找到这个单位')
    if (!mayManage(ctx, o)) throw new AppError('GRANT_NOT_ALLOWED')
    const grant: RoleGrant = {
      role: o.kind === 'bank' ? 'bankStaff' : 'orgStaff',
      organisationId,
      organisationName: o.name
    }
    await giveRole(
      ctx,
      { openid, name },
      grant,
      { countyId: COUNTY_ID, townId: o.townIds[0] ?? null, villageId: null, householdId: null },
      ctx.openid
    )
    ctx.audit.record({
      placeId: o.registeredBy,
      target: `${name}（${o.name}）`,
      before: null,
      after: { role: grant.role }
    })
    return { granted: true }
  }
}

export const publishService: Handler<'org.publishService'> = {
  access: { who: 'roles', roles: ['orgStaff', 'bankStaff'] },
  scope: 'own',
  audit: { none: 'the organisation’s own publication; its document records who and when' },
  async handle({ requestId, ...fields }, ctx) {
    const o = await getDoc<OrganisationDoc>(ctx, 'organisations', staffOrganisation(ctx))
    if (!o) throw new AppError('NOT_FOUND', '没有找到这个单位')
    await checkText(ctx, fields.name, fields.purpose, fields.who, fields.guide, fields.where)
    // one entry in the directory of each town it serves, under ids fixed by the request
    const docs: ServiceDoc[] = o.townIds.map(townId => ({
      _id: hashId('svc-', 20, ctx.openid, requestId, townId),
      placeId: townId,
      ...fields,
      phone: o.phone,
      updatedAt: ctx.now(),
      organisationId: o._id,
      organisationName: o.name
    }))
    for (const doc of docs) await data(ctx).services.set(doc)
    return serviceView(docs[0])
  }
}

export const publishNotice: Handler<'org.publishNotice'> = {
  access: { who: 'roles', roles: ['orgStaff', 'bankStaff'] },
  scope: 'own',
  audit: { none: 'the organisation’s own publication; its document records who and when' },
  async handle({ requestId, title, body }, ctx) {
    const o = await getDoc<OrganisationDoc>(ctx, 'organisations', staffOrganisation(ctx))
    if (!o) throw new AppError('NOT_FOUND', '没有找到这个单位')
    await checkText(ctx, title, body)
    const villages = o.villageIds.length
      ? o.villageIds
      : (await childPlaces(ctx, o.townIds)).filter(p => p.kind === 'village').map(p => p._id)
    const at = ctx.now()
    // one notice per village, so each village's read counts stay its own; ids fixed by the request
    const docs = villages.slice(0, SERVED_VILLAGES_MAX).map((villageId): NoticeDoc & { organisationId: string } => ({
      _id: hashId('n', 24, ctx.openid, requestId, villageId),
      placeId: villageId,
      placeName: o.name,
      kind: 'notice',
      title,
      body,
      pictures: [],
      attachments: [],
      financeRows: [],
      pinned: false,
      withdrawn: false,
      by: ctx.openid,
      byName: `${o.name} ${actorName(ctx)}`,
      at,
      readCount: 0,
      organisationId: o._id
    }))
    if (docs.length === 0) throw new AppError('NOT_FOUND', '这个单位还没有服务的村')
    await mapWithLimit(docs, NOTICE_FAN_OUT_PARALLELISM, doc => data(ctx).notices.set(doc))
    return { notice: noticeView(docs[0]), villages: docs.length }
  }
}
