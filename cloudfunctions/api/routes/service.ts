import { AppError } from '../../../core/contract/errors'
import type { ServiceDoc } from '../../shared/data/documents'
import { idFor } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { toServiceView } from '../../shared/data/views'
import { roles, Routes } from '../router/route'
import { checkText } from '../services/content-check'
import { placesById } from '../services/places'

/**
 * 便民服务: the town's service directory and the village's own additions, searched by word and browsed
 * by category. A directory is a few hundred entries at most: it is read whole (one query) and
 * filtered here, so a search matches any field a villager might type a word of.
 */
const SERVICES_MAX = 1000

export const serviceRoutes = {
  'service.list': {
    access: roles('villager', 'gridWorker', 'cadre'),
    scope: 'village',
    paging: { max: SERVICES_MAX },
    async handle({ category, query }, ctx) {
      const { villageId } = ctx.scope
      const village = await data(ctx).places.get(villageId)
      const places = [villageId, village?.parentId ?? ''].filter(Boolean)
      const [all, names] = await Promise.all([
        data(ctx).services.find({ placeId: ctx.db.command.in(places) }, { limit: ctx.paging.size }),
        placesById(ctx, places)
      ])
      const categories = [...new Set(all.map(s => s.category))]
      const words = query.split(/\s+/).filter(Boolean)
      const matches = (s: ServiceDoc) => {
        const text = [s.name, s.category, s.purpose, s.who, s.guide, ...s.materials].join(' ')
        return words.every(w => text.includes(w))
      }
      const services = all
        .filter(s => (!category || s.category === category) && matches(s))
        .sort((a, b) => categories.indexOf(a.category) - categories.indexOf(b.category) || a._id.localeCompare(b._id))
        .map(s => toServiceView(s, s.organisationName || (names.get(s.placeId)?.name ?? '')))
      return { services, categories }
    }
  },

  'service.save': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'service.save',
    async handle({ requestId, serviceId, ...fields }, ctx) {
      const { villageId } = ctx.scope
      await checkText(ctx, fields.name, fields.purpose, fields.who, fields.guide, fields.where)
      const existing = serviceId ? await data(ctx).services.get(serviceId) : null
      if (serviceId && !existing) throw new AppError('NOT_FOUND', '没有找到这项服务')
      // a village edits its own additions; the town's directory is the town's
      if (existing && existing.placeId !== villageId) throw new AppError('FORBIDDEN', '只能修改本村添加的服务')
      const id = serviceId ?? idFor('service', ctx.openid, requestId)
      await data(ctx).services.set({ _id: id, placeId: villageId, ...fields, updatedAt: ctx.now() })
      ctx.audit.record({
        target: fields.name,
        before: existing && { name: existing.name },
        after: { name: fields.name, category: fields.category }
      })
      const village = await data(ctx).places.get(villageId)
      return { id, ...fields, placeName: village?.name ?? '' }
    }
  }
} satisfies Partial<Routes>
