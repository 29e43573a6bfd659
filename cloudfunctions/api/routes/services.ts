import { AppError } from '../../../core/contract/errors'
import type { ServiceView } from '../../../core/contract/views'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { getDoc } from '../identity'
import type { PlaceDoc, ServiceDoc } from '../model/documents'
import { placesById } from '../places'
import type { Handler } from '../router'
import { cadreVillage, myVillage } from '../scope'
import { hashId } from '../ids'

/**
 * 便民服务: the town's service directory and the village's own additions, searched by word and browsed
 * by category. A directory is a few hundred entries at most: it is read whole (one query) and
 * filtered here, so a search matches any field a villager might type a word of.
 */
export const list: Handler<'service.list'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre'] },
  async handle({ category, query }, ctx) {
    const villageId = myVillage(ctx)
    const village = await getDoc<PlaceDoc>(ctx, 'places', villageId)
    const places = [villageId, village?.parentId ?? ''].filter(Boolean)
    const _ = ctx.db.command
    const [res, names] = await Promise.all([
      ctx.db
        .collection('services')
        .where({ placeId: _.in(places) })
        .limit(1000)
        .get() as unknown as Promise<{ data: ServiceDoc[] }>,
      placesById(ctx, places)
    ])
    const categories = [...new Set(res.data.map(s => s.category))]
    const words = query.split(/\s+/).filter(Boolean)
    const matches = (s: ServiceDoc) => {
      const all = [s.name, s.category, s.purpose, s.who, s.guide, ...s.materials].join(' ')
      return words.every(w => all.includes(w))
    }
    const services = res.data
      .filter(s => (!category || s.category === category) && matches(s))
      .sort((a, b) => categories.indexOf(a.category) - categories.indexOf(b.category) || a._id.localeCompare(b._id))
      .map((s): ServiceView => ({
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
        placeName: s.organisationName || (names.get(s.placeId)?.name ?? '')
      }))
    return { services, categories }
  }
}

export const save: Handler<'service.save'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, serviceId, ...fields }, ctx) {
    const villageId = cadreVillage(ctx)
    await checkText(ctx, fields.name, fields.purpose, fields.who, fields.guide, fields.where)
    const existing = serviceId ? await getDoc<ServiceDoc>(ctx, 'services', serviceId) : null
    if (serviceId && !existing) throw new AppError('NOT_FOUND', '没有找到这项服务')
    // a village edits its own additions; the town's directory is the town's
    if (existing && existing.placeId !== villageId) throw new AppError('FORBIDDEN', '只能修改本村添加的服务')
    const id = serviceId ?? hashId('svc-', 20, ctx.openid, requestId)
    const doc: ServiceDoc = { _id: id, placeId: villageId, ...fields, updatedAt: ctx.now() }
    const { _id, ...data } = doc
    await ctx.db.collection('services').doc(id).set({ data })
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(ctx, villageId, 'service.save', fields.name, existing && { name: existing.name }, {
        name: fields.name,
        category: fields.category
      })
    )
    const village = await getDoc<PlaceDoc>(ctx, 'places', villageId)
    return { id, ...fields, placeName: village?.name ?? '' }
  }
}
