import type { RouteCtx } from './router'

export interface PlaceDoc {
  _id: string
  kind: 'county' | 'town' | 'village' | 'group' | 'grid'
  name: string
  parentId: string | null
  /** villages only: star thresholds and number of households, kept by the writes that change them */
  starThresholds?: number[]
  householdCount?: number
}

/** Places by id in one query. */
export async function placesById(ctx: Pick<RouteCtx, 'db'>, ids: string[]): Promise<Map<string, PlaceDoc>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Map()
  const _ = ctx.db.command
  const res = (await ctx.db.collection('places').where({ _id: _.in(unique) }).limit(unique.length).get()) as unknown as { data: PlaceDoc[] }
  return new Map(res.data.map(p => [p._id, p]))
}
