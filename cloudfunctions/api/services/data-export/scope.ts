import { townAdminsPlace } from '../../../../core/domain/seal'
import type { CollectionName, Collections, PlaceDoc } from '../../../shared/data/documents'
import { Collection, data } from '../../../shared/data/store'
import type { RouteCtx } from '../../router/route'

/** A county has a few thousand places (towns, villages, their groups and grids). */
const PLACES_MAX = 20_000

export type AnyDoc = { _id: string } & Record<string, unknown>

/** Which documents of a batch belong to the export: all of them for the county, a town's for a town. */
export type Belongs = (collection: CollectionName, docs: AnyDoc[]) => Promise<AnyDoc[]>

/** The fields that name a document's place, checked in this order. */
const PLACE_FIELDS = ['villageId', 'townId', 'placeId', 'ownerId'] as const
/** Documents without a place of their own belong where the document they hang on belongs. */
const PARENT_FIELDS: [string, CollectionName][] = [
  ['householdId', 'households'],
  ['voteId', 'votes'],
  ['activityId', 'activities'],
  ['memberId', 'partyMembers'],
  ['noticeId', 'notices'],
  ['branchId', 'partyOrgs'],
  ['orgId', 'partyOrgs']
]

const placeOf = (doc: AnyDoc): string | null => {
  for (const field of PLACE_FIELDS) if (typeof doc[field] === 'string') return doc[field] as string
  return null
}
const parentOf = (doc: AnyDoc): [string, CollectionName] | null => {
  for (const [field, collection] of PARENT_FIELDS)
    if (typeof doc[field] === 'string') return [doc[field] as string, collection]
  return null
}

/** The town, its villages and their groups and grids, and the place of the town's administrators. */
async function townPlaces(ctx: RouteCtx, townId: string): Promise<{ inTown: Set<string>; rootIds: string[] }> {
  const places = await data(ctx).places.find({}, { limit: PLACES_MAX })
  const children = new Map<string, PlaceDoc[]>()
  for (const p of places) children.set(p.parentId ?? '', [...(children.get(p.parentId ?? '') ?? []), p])
  const inTown = new Set([townId, townAdminsPlace(townId)])
  for (let level = [townId]; level.length;) {
    level = level.flatMap(id => (children.get(id) ?? []).map(p => p._id))
    for (const id of level) inTown.add(id)
  }
  // the county's own place, so that the town's copy has the root its places hang on
  return { inTown, rootIds: places.filter(p => p.parentId === null).map(p => p._id) }
}

/**
 * What of the county belongs to one town: places under it; users with a role there; documents whose
 * village, town, place or owner is there; the rest by the document they hang on (a household, a vote,
 * an activity, a party member, a notice, a branch); organisations serving the town.
 */
export async function belongsTo(ctx: RouteCtx, townId: string | null): Promise<Belongs> {
  if (townId === null) return async (_collection, docs) => docs
  const { inTown, rootIds } = await townPlaces(ctx, townId)
  const placeIn = (doc: AnyDoc) => {
    const place = placeOf(doc)
    return place !== null && inTown.has(place)
  }
  return async (collection, docs) => {
    if (collection === 'places') return docs.filter(d => inTown.has(d._id) || rootIds.includes(d._id))
    if (collection === 'users') return docs.filter(d => ((d.roles ?? []) as AnyDoc[]).some(role => placeIn(role)))
    if (collection === 'organisations') return docs.filter(d => ((d.townIds ?? []) as string[]).includes(townId))
    const parents = await parentsIn(
      ctx,
      docs.filter(d => placeOf(d) === null)
    )
    return docs.filter(d => {
      if (placeOf(d) !== null) return placeIn(d)
      const parent = parentOf(d)
      const found = parent && parents.get(`${parent[1]}/${parent[0]}`)
      return found ? placeIn(found) : false
    })
  }
}

/** The documents that a batch's documents hang on, one query per parent collection. */
async function parentsIn(ctx: RouteCtx, docs: AnyDoc[]): Promise<Map<string, AnyDoc>> {
  const wanted = new Map<CollectionName, string[]>()
  for (const d of docs) {
    const parent = parentOf(d)
    if (parent) wanted.set(parent[1], [...(wanted.get(parent[1]) ?? []), parent[0]])
  }
  const found = new Map<string, AnyDoc>()
  await Promise.all(
    [...wanted].map(async ([collection, ids]) => {
      const byId = await new Collection<Collections[typeof collection] & AnyDoc>(ctx.db, collection).getMany(ids)
      for (const [id, doc] of byId) found.set(`${collection}/${id}`, doc)
    })
  )
  return found
}
