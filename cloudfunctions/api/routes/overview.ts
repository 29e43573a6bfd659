import { roles, Routes } from '../router/route'
import { overviewOf } from '../services/overview'

/**
 * The town and county overview (镇街/县 总览): coverage, participation and points per village or town,
 * from pre-aggregated figures (services/overview.ts).
 */
export const overviewRoutes = {
  'overview.get': {
    access: roles('townAdmin', 'countyAdmin'),
    scope: 'area',
    handle: ({ townId }, ctx) => overviewOf(ctx, townId)
  }
} satisfies Partial<Routes>
