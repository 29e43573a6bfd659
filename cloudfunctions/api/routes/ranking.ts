import type { WideRankingRow } from '../../../core/contract/county'
import { AppError } from '../../../core/contract/errors'
import type { HouseholdDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import { roles, RouteCtx, Routes } from '../router/route'
import { grantOf } from '../router/scope'

/** The town of a caller who belongs to a village (cadre, grid worker, villager) or administers one. */
async function callerTown(ctx: RouteCtx): Promise<{ townId: string; villageId: string | null }> {
  const { identity } = ctx
  const town = grantOf(identity, 'townAdmin')
  if (town) return { townId: town.townId, villageId: null }
  const grant = grantOf(identity, 'cadre') ?? grantOf(identity, 'gridWorker') ?? grantOf(identity, 'villager')
  if (!grant) throw new AppError('FORBIDDEN')
  const village = await data(ctx).places.get(grant.villageId)
  return { townId: village?.parentId ?? '', villageId: grant.villageId }
}

/**
 * 全镇/全县家庭积分榜: households by earned points across a town or the county, paged by the last
 * row's (earned, id): a deep page costs what the first does. Ties share a place; the cursor carries
 * the last row's place so the next page continues the count without counting again.
 */
export const rankingRoutes = {
  'ranking.wide': {
    access: roles('villager', 'cadre', 'gridWorker', 'townAdmin', 'countyAdmin'),
    scope: 'own',
    paging: { size: 20 },
    async handle({ scope, after }, ctx) {
      const pageSize = ctx.paging.size
      const _ = ctx.db.command
      const town = scope === 'town' ? await callerTown(ctx) : null
      const base: Record<string, unknown> = town ? { townId: town.townId } : {}
      const where = after
        ? _.and([
            { ...base, earned: _.lte(after.earned) },
            _.or([{ earned: _.lt(after.earned) }, { _id: _.gt(after.householdId) }])
          ])
        : base
      const mine = grantOf(ctx.identity, 'villager')
      const [found, townPlace, me] = await Promise.all([
        data(ctx).households.find(where, {
          orderBy: [
            ['earned', 'desc'],
            ['_id', 'asc']
          ],
          limit: pageSize + 1
        }),
        town ? data(ctx).places.get(town.townId) : null,
        !after && mine ? myPlace(ctx, mine.householdId, base) : null
      ])
      const rows = found.slice(0, pageSize)
      let rank = after?.rank ?? 0
      let position = after?.position ?? 0
      let previous = after?.earned ?? null
      const ranked: WideRankingRow[] = rows.map(h => {
        position += 1
        if (h.earned !== previous) rank = position
        previous = h.earned
        return rowOf(h, rank)
      })
      const last = ranked[ranked.length - 1]
      return {
        scopeName: town ? (townPlace?.name ?? '') : '全县',
        rows: ranked,
        next:
          found.length > pageSize && last
            ? { earned: last.earned, householdId: last.householdId, rank: last.rank, position }
            : null,
        me
      }
    }
  }
} satisfies Partial<Routes>

const rowOf = (h: HouseholdDoc, rank: number): WideRankingRow => ({
  rank,
  householdId: h._id,
  doorPlate: h.doorPlate,
  head: h.head,
  villageName: h.village?.name ?? '',
  earned: h.earned
})

/** A villager's own place: their household, then one count of households above it. */
async function myPlace(ctx: RouteCtx, householdId: string, base: Record<string, unknown>) {
  const h = await data(ctx).households.get(householdId)
  if (!h) return null
  const above = await data(ctx).households.count({ ...base, earned: ctx.db.command.gt(h.earned) })
  return rowOf(h, above + 1)
}
