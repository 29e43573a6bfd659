import type { WideRankingRow } from '../../../core/contract/county'
import { AppError } from '../../../core/contract/errors'
import type { HouseholdDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import { toWideRankingRow } from '../../shared/data/views'
import { roles, RouteCtx, Routes } from '../router/route'
import { grantOf } from '../router/scope'

/** The town of a caller: a town administrator's own, else the town of their household or village. */
async function callerTown(ctx: RouteCtx, household: HouseholdDoc | null): Promise<string> {
  const town = grantOf(ctx.identity, 'townAdmin')
  if (town) return town.townId
  if (household) return household.townId
  const grant = grantOf(ctx.identity, 'cadre') ?? grantOf(ctx.identity, 'gridWorker')
  if (!grant) throw new AppError('FORBIDDEN', '请选择全县')
  const village = await data(ctx).places.get(grant.villageId)
  return village?.parentId ?? ''
}

/**
 * 全镇/全县家庭积分榜: households by earned points across a town or the county, paged by the last
 * row's (earned, id): a deep page costs what the first does. Ties share a place; the cursor carries
 * the last row's place so the next page continues the count without counting again. A villager's own
 * place is one count, in parallel with the page: identity, household, then page and count (3 deep).
 */
export const rankingRoutes = {
  'ranking.wide': {
    access: roles('villager', 'cadre', 'gridWorker', 'townAdmin', 'countyAdmin'),
    scope: 'own',
    // the page's button says 再看30户
    paging: { size: 30 },
    async handle({ scope, after }, ctx) {
      const pageSize = ctx.paging.size
      const _ = ctx.db.command
      const mine = grantOf(ctx.identity, 'villager')
      const household = mine ? await data(ctx).households.get(mine.householdId) : null
      const townId = scope === 'town' ? await callerTown(ctx, household) : null
      const base: Record<string, unknown> = townId ? { townId } : {}
      const where = after
        ? _.and([
            { ...base, earned: _.lte(after.earned) },
            _.or([{ earned: _.lt(after.earned) }, { _id: _.gt(after.householdId) }])
          ])
        : base
      const [found, above] = await Promise.all([
        data(ctx).households.find(where, {
          orderBy: [
            ['earned', 'desc'],
            ['_id', 'asc']
          ],
          limit: pageSize + 1
        }),
        !after && household ? data(ctx).households.count({ ...base, earned: _.gt(household.earned) }) : null
      ])
      const rows = found.slice(0, pageSize)
      let rank = after?.rank ?? 0
      let position = after?.position ?? 0
      let previous = after?.earned ?? null
      const ranked: WideRankingRow[] = rows.map(h => {
        position += 1
        if (h.earned !== previous) rank = position
        previous = h.earned
        return toWideRankingRow(h, rank)
      })
      const last = ranked[ranked.length - 1]
      return {
        scopeName: townId ? '全镇' : '全县',
        rows: ranked,
        next:
          found.length > pageSize && last
            ? { earned: last.earned, householdId: last.householdId, rank: last.rank, position }
            : null,
        me: household && above !== null ? toWideRankingRow(household, above + 1) : null
      }
    }
  }
} satisfies Partial<Routes>
