import { AppError } from '../../../core/contract/errors'
import { COUNTY_ID, RoleGrant } from '../../../core/domain/roles'
import { SERVED_VILLAGES_MAX } from '../../../core/domain/organisations'
import { mapWithLimit } from '../../shared/limit'
import { idFor } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { toNoticeView, toServiceView } from '../../shared/data/views'
import type { NoticeDoc, ServiceDoc } from '../../shared/data/documents'
import type { OrganisationDoc } from '../../shared/data/participation-documents'
import { checkText } from '../services/content-check'
import { giveRole, mustHaveOpenedApp } from '../services/grants'
import { villageOf } from '../services/my-places'
import { mayManage, organisationsServing, organisationView, serves, servingVillage } from '../services/organisations'
import { childPlaces, placesById } from '../services/places'
import { actorName } from '../router/identity'
import { roles, RouteCtx, Routes } from '../router/route'
import { grantOf } from '../router/scope'

/**
 * Organisations on the platform (入驻单位): police station, health centre, bank, power office… The
 * county registers any, a town its own; the one that registered it grants its staff their role (a
 * bank's staff: bankStaff). Staff publish services into the directory of the towns it serves and
 * notices to each village it serves; villagers see the organisations serving their village.
 */

const NOTICE_FAN_OUT_PARALLELISM = 10
const PAGE_SERVICES_MAX = 100
const PAGE_NOTICES_MAX = 20

/** The staff's own organisation, or NOT_FOUND. */
async function ownOrganisation(ctx: RouteCtx<'organisation'>): Promise<OrganisationDoc> {
  const o = await data(ctx).organisations.get(ctx.scope.organisationId)
  if (!o) throw new AppError('NOT_FOUND', '没有找到这个单位')
  return o
}

/** The organisation whose staff the caller is, if they are. */
const staffOf = (ctx: RouteCtx) =>
  (grantOf(ctx.identity, 'orgStaff') ?? grantOf(ctx.identity, 'bankStaff'))?.organisationId ?? null

/** The organisations a caller sees: an administrator's town's (or the county's), the staff's own, a village's. */
async function visibleOrganisations(ctx: RouteCtx): Promise<OrganisationDoc[]> {
  if (grantOf(ctx.identity, 'countyAdmin')) return organisationsServing(ctx, null)
  const town = grantOf(ctx.identity, 'townAdmin')
  if (town) return organisationsServing(ctx, town.townId)
  const own = staffOf(ctx)
  if (own) {
    const o = await data(ctx).organisations.get(own)
    return o ? [o] : []
  }
  const villageId = villageOf(ctx)
  if (!villageId) throw new AppError('FORBIDDEN')
  return servingVillage(ctx, villageId)
}

/** An organisation's service, named after it; its notices, with no one's reading of them. */
const serviceView = (s: ServiceDoc) => toServiceView(s, s.organisationName ?? '')
const noticeView = (n: NoticeDoc) => toNoticeView(n, false, false)

/** The organisation's page for the caller: its own staff see everything, a village what serves it. */
async function organisationPage(ctx: RouteCtx, organisationId: string) {
  const own = staffOf(ctx) === organisationId
  const villageId = own ? null : villageOf(ctx)
  if (!own && !villageId) throw new AppError('FORBIDDEN')
  const [o, townId] = await Promise.all([
    data(ctx).organisations.get(organisationId),
    villageId
      ? data(ctx)
          .places.get(villageId)
          .then(v => v?.parentId ?? null)
      : null
  ])
  if (!o || (villageId && !serves(o, villageId, townId))) throw new AppError('NOT_FOUND', '没有找到这个单位')
  const [services, notices] = await Promise.all([
    data(ctx).services.find({ organisationId }, { limit: PAGE_SERVICES_MAX }),
    data(ctx).notices.find(villageId ? { organisationId, placeId: villageId, withdrawn: false } : { organisationId }, {
      orderBy: [['at', 'desc']],
      limit: PAGE_NOTICES_MAX
    })
  ])
  // the staff's own page: a notice went to each village; show it once
  const seen = new Set<string>()
  const once = notices.filter(n => !seen.has(`${n.at}:${n.title}`) && seen.add(`${n.at}:${n.title}`))
  // one service document per town served: show each service once
  const names = new Set<string>()
  const uniqueServices = services.filter(s => !names.has(s.name) && names.add(s.name))
  return {
    organisation: organisationView(ctx, o),
    services: uniqueServices.map(serviceView),
    notices: once.map(noticeView)
  }
}

export const organisationRoutes = {
  'org.save': {
    access: roles('countyAdmin', 'townAdmin'),
    // the county registers any organisation, a town administrator those serving their town
    scope: 'area',
    audit: 'org.save',
    async handle({ requestId, organisationId, ...input }, ctx) {
      const townId = ctx.scope.county ? null : ctx.scope.townId
      if (townId && input.townIds.some(t => t !== townId)) throw new AppError('FORBIDDEN', '只能登记为本镇服务的单位')
      if (
        new Set(input.townIds).size < input.townIds.length ||
        new Set(input.villageIds).size < input.villageIds.length
      )
        throw new AppError('INVALID_INPUT', '服务的镇或村选重复了')
      const [existing, places] = await Promise.all([
        organisationId ? data(ctx).organisations.get(organisationId) : null,
        placesById(ctx, [...input.townIds, ...input.villageIds]),
        checkText(ctx, input.name, input.intro, input.address, input.hours)
      ])
      if (organisationId && !existing) throw new AppError('NOT_FOUND', '没有找到这个单位')
      if (existing && !mayManage(ctx, existing)) throw new AppError('FORBIDDEN', '只能修改本级登记的单位')
      // a bank's staff hold the bank staff role and households consented to it as a bank: neither follows a
      // change of kind, so a bank stays a bank and no other organisation becomes one
      if (existing && (existing.kind === 'bank') !== (input.kind === 'bank'))
        throw new AppError('INVALID_INPUT', '银行和其他单位不能互相改类别，请另外登记')
      const towns = input.townIds.map(id => places.get(id))
      const villages = input.villageIds.map(id => places.get(id))
      if (towns.some(t => t?.kind !== 'town')) throw new AppError('NOT_FOUND', '没有找到这个镇')
      if (villages.some(v => v?.kind !== 'village' || !input.townIds.includes(v.parentId ?? '')))
        throw new AppError('NOT_FOUND', '服务的村要在所选的镇里')
      const registrar = townId ?? COUNTY_ID
      const doc: OrganisationDoc = {
        _id: existing?._id ?? idFor('organisation', ctx.openid, requestId),
        ...input,
        serves: (villages.length ? villages : towns).map(p => p!.name),
        registeredBy: existing?.registeredBy ?? registrar,
        ratePolicy: existing?.ratePolicy ?? null,
        by: ctx.openid,
        at: ctx.now()
      }
      await data(ctx).organisations.set(doc)
      ctx.audit.record({
        placeId: registrar,
        target: doc.name,
        before: existing ? { serves: existing.serves } : null,
        after: { serves: doc.serves }
      })
      return organisationView(ctx, doc)
    }
  },

  'org.list': {
    access: roles('villager', 'gridWorker', 'cadre', 'townAdmin', 'countyAdmin', 'orgStaff', 'bankStaff'),
    // villagers see what serves their village, administrators their town's or all, staff their own:
    // no one scope kind covers them all, so the handler finds the places from the grants
    scope: 'own',
    // a town's organisations are read in one query of at most this many (services/organisations.ts)
    paging: { max: 200 },
    async handle(_input, ctx) {
      return { organisations: (await visibleOrganisations(ctx)).map(o => organisationView(ctx, o)) }
    }
  },

  'org.page': {
    access: roles('villager', 'gridWorker', 'cadre', 'orgStaff', 'bankStaff'),
    scope: 'own', // as org.list: a village's view, or the staff's own
    handle: ({ organisationId }, ctx) => organisationPage(ctx, organisationId)
  },

  'org.grantStaff': {
    access: roles('countyAdmin', 'townAdmin'),
    scope: 'area',
    audit: 'org.grantStaff',
    async handle({ organisationId, openid, name }, ctx) {
      const o = await data(ctx).organisations.get(organisationId)
      if (!o) throw new AppError('NOT_FOUND', '没有找到这个单位')
      if (!mayManage(ctx, o)) throw new AppError('GRANT_NOT_ALLOWED')
      await mustHaveOpenedApp(ctx, openid)
      const grant: RoleGrant = {
        role: o.kind === 'bank' ? 'bankStaff' : 'orgStaff',
        organisationId,
        organisationName: o.name
      }
      const places = { countyId: COUNTY_ID, townId: o.townIds[0] ?? null, villageId: null, householdId: null }
      await giveRole(ctx, { openid, name }, grant, places, ctx.openid)
      ctx.audit.record({
        placeId: o.registeredBy,
        target: `${name}（${o.name}）`,
        before: null,
        after: { role: grant.role }
      })
      return { granted: true }
    }
  },

  'org.publishService': {
    access: roles('orgStaff', 'bankStaff'),
    scope: 'organisation',
    audit: { none: 'the organisation’s own publication; its document records who and when' },
    async handle({ requestId, ...fields }, ctx) {
      const o = await ownOrganisation(ctx)
      await checkText(ctx, fields.name, fields.purpose, fields.who, fields.guide, fields.where)
      // one entry in the directory of each town it serves, under ids fixed by the request
      const docs: ServiceDoc[] = o.townIds.map(townId => ({
        _id: idFor('service', ctx.openid, requestId, townId),
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
  },

  'org.publishNotice': {
    access: roles('orgStaff', 'bankStaff'),
    scope: 'organisation',
    audit: { none: 'the organisation’s own publication; its document records who and when' },
    async handle({ requestId, title, body }, ctx) {
      const o = await ownOrganisation(ctx)
      await checkText(ctx, title, body)
      const villages = o.villageIds.length
        ? o.villageIds
        : (await childPlaces(ctx, o.townIds)).filter(p => p.kind === 'village').map(p => p._id)
      const at = ctx.now()
      // one notice per village, so each village's read counts stay its own; ids fixed by the request
      const docs = villages.slice(0, SERVED_VILLAGES_MAX).map((villageId): NoticeDoc => ({
        _id: idFor('notice', ctx.openid, requestId, villageId),
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
} satisfies Partial<Routes>
