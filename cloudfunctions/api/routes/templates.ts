import { grantOf } from '../router/scope'
import { AppError, ERRORS } from '../../../core/contract/errors'
import { COUNTY_ID } from '../../../core/domain/roles'
import type { TemplateDoc } from '../../shared/data/documents'
import { idFor } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { roles, Routes } from '../router/route'
import { checkTerms, templatesFor, villagePlace } from '../services/catalogue'

/** A county has at most a couple of dozen towns. */
const TOWNS_MAX = 200

/** Rule templates of the county and its towns, which villages adopt (rules.adoptTemplate). */
export const templatesRoutes = {
  'templates.list': {
    access: roles('townAdmin', 'countyAdmin', 'cadre'),
    scope: 'area',
    paging: { max: 100 },
    async handle(_input, ctx) {
      const { villageId, townId, county } = ctx.scope
      const owners = [COUNTY_ID]
      if (townId) owners.push(townId)
      if (villageId) owners.push((await villagePlace(ctx, villageId)).parentId ?? '')
      if (county) {
        const towns = await data(ctx).places.find({ parentId: COUNTY_ID, kind: 'town' }, { limit: TOWNS_MAX })
        owners.push(...towns.map(t => t._id))
      }
      const editable = [
        grantOf(ctx.identity, 'townAdmin')?.townId,
        grantOf(ctx.identity, 'countyAdmin') ? COUNTY_ID : ''
      ]
      return {
        templates: await templatesFor(
          ctx,
          [...new Set(owners)],
          editable.filter((o): o is string => !!o)
        )
      }
    }
  },

  'templates.save': {
    access: roles('townAdmin', 'countyAdmin'),
    scope: 'area',
    audit: 'templates.save',
    async handle({ requestId, templateId, name, items }, ctx) {
      items.forEach(checkTerms)
      if (new Set(items.map(i => i.key)).size !== items.length)
        throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（条目编号重复）`)
      const mine = [ctx.scope.townId, ctx.scope.county ? COUNTY_ID : null].filter((x): x is string => !!x)
      const id = templateId ?? idFor('template', ctx.openid, requestId)
      const existing = templateId ? await data(ctx).templates.get(templateId) : null
      if (templateId && !existing) throw new AppError('NOT_FOUND', '没有找到这个模板')
      const ownerId = existing?.ownerId ?? mine[0]
      if (!mine.includes(ownerId)) throw new AppError('FORBIDDEN')
      const doc: TemplateDoc = { _id: id, ownerId, name, items, updatedAt: ctx.now(), by: ctx.openid }
      await data(ctx).templates.set(doc)
      ctx.audit.record({
        target: name,
        before: existing ? { name: existing.name, items: existing.items.length } : null,
        after: { name, items: items.length },
        placeId: ownerId
      })
      const owner = await data(ctx).places.get(ownerId)
      return { id, ownerId, ownerName: owner?.name ?? '', name, items, editable: true }
    }
  }
} satisfies Partial<Routes>
