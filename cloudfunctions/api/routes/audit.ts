import { data, listOf } from '../../shared/data/store'
import { toAuditView } from '../../shared/data/views'
import { roles, Routes } from '../router/route'
import { childPlaces } from '../services/places'

/** The audit trail (审计记录) of the cadre's village, or of the town administrator's town and all its villages. */
export const auditRoutes = {
  'audit.list': {
    access: roles('cadre', 'townAdmin'),
    scope: 'area',
    paging: { size: 20 },
    async handle(_input, ctx) {
      const { villageId, townId } = ctx.scope
      const places = villageId ? [villageId] : []
      if (townId) places.push(townId, ...(await childPlaces(ctx, [townId])).map(p => p._id))
      const found = await data(ctx).audit.page({ placeId: ctx.db.command.in(places) }, [['at', 'desc']], ctx.paging)
      return listOf('items', found, toAuditView)
    }
  }
} satisfies Partial<Routes>
