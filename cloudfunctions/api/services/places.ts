import type { Ctx } from '../../shared/context'
import type { PlaceDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'

/** How many children one place has at most (villages of a town, groups and grids of a village). */
const CHILD_PLACES_MAX = 1000

/** Places by id in one query. */
export const placesById = (ctx: Pick<Ctx, 'db'>, ids: string[]): Promise<Map<string, PlaceDoc>> =>
  data(ctx).places.getMany(ids)

/** The children of some places (towns of a county, villages of a town, groups and grids of a village). */
export async function childPlaces(ctx: Pick<Ctx, 'db'>, parentIds: string[]): Promise<PlaceDoc[]> {
  if (parentIds.length === 0) return []
  return data(ctx).places.find({ parentId: ctx.db.command.in(parentIds) }, { limit: CHILD_PLACES_MAX })
}
