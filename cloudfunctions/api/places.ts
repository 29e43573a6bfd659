import type { Ctx } from '../shared/context'
import type { PlaceDoc } from './model/documents'

/** Places by id in one query. */
export async function placesById(ctx: Pick<Ctx, 'db'>, ids: string[]): Promise<Map<string, PlaceDoc>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection('places')
    .where({ _id: _.in(unique) })
    .limit(unique.length)
    .get()) as unknown as { data: PlaceDoc[] }
  return new Map(res.data.map(p => [p._id, p]))
}

/** The children of some places (towns of a county, villages of a town, groups and grids of a village). */
export async function childPlaces(ctx: Pick<Ctx, 'db'>, parentIds: string[]): Promise<PlaceDoc[]> {
  if (parentIds.length === 0) return []
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection('places')
    .where({ parentId: _.in(parentIds) })
    .limit(1000)
    .get()) as unknown as { data: PlaceDoc[] }
  return res.data
}
