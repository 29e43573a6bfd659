import { data, listOf } from '../../shared/data/store'
import { roles, RouteCtx, Routes } from '../router/route'
import { describeAudit } from '../services/audit-text'
import { childPlaces } from '../services/places'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const HOUSEHOLDS_BY_NAME_MAX = 50

/**
 * Records of a person: who acted, or what the act was about, written as a name or door plate, or as
 * the id of a household of the area whose door plate or head matches (acts on a household keep its id).
 */
async function ofPerson(person: string, ctx: RouteCtx<'area'>) {
  const _ = ctx.db.command
  const pattern = ctx.db.RegExp({ regexp: escapeRegExp(person), options: 'i' })
  const { villageId, townId } = ctx.scope
  const households = await data(ctx).households.find(
    _.and([villageId ? { villageId } : townId ? { townId } : {}, _.or([{ head: pattern }, { doorPlate: pattern }])]),
    { limit: HOUSEHOLDS_BY_NAME_MAX, fields: ['_id'] }
  )
  return _.or([{ actorName: pattern }, { target: pattern }, { target: _.in(households.map(h => h._id)) }])
}

/**
 * The audit trail (审计记录) of the cadre's village, of the town administrator's town and all its villages,
 * or of the whole county for its administrator; found by act, by person and by dates, read as sentences.
 */
export const auditRoutes = {
  'audit.list': {
    access: roles('cadre', 'townAdmin', 'countyAdmin'),
    scope: 'area',
    paging: { size: 20 },
    async handle(input, ctx) {
      const _ = ctx.db.command
      const { villageId, townId, county } = ctx.scope
      const where: object[] = []
      if (!county) {
        const places = villageId ? [villageId] : []
        if (townId) places.push(townId, ...(await childPlaces(ctx, [townId])).map(p => p._id))
        where.push({ placeId: _.in(places) })
      }
      if (input.action) where.push({ action: input.action })
      if (input.from !== undefined) where.push({ at: _.gte(input.from) })
      if (input.to !== undefined) where.push({ at: _.lte(input.to) })
      if (input.person) where.push(await ofPerson(input.person, ctx))
      const found = await data(ctx).audit.page(where.length ? _.and(where) : {}, [['at', 'desc']], ctx.paging)
      return listOf('items', found, await describeAudit(ctx, found.rows))
    }
  }
} satisfies Partial<Routes>
