import declaration from '../../../core/collections.json'
import type { Ctx, Database } from '../context'
import { isDuplicate, isNotFound } from './db-errors'
import type { CollectionName, Collections } from './documents'
import type { MemberEntryDoc } from './party-documents'
import { withSchemaVersion } from './schema-version'

/**
 * Typed access to the product's collections. wx-server-sdk's results are loosely typed (`any`
 * payloads behind unions with `void | string`); they are cast to the stored document types here and
 * nowhere else, so the rest of the functions reads and writes typed documents. Every document written
 * whole (add, set) is stamped with the schema version here and in the typed transaction
 * (schema-version.ts), so that no route has to remember it.
 */

/** A query condition as the SDK takes it: plain fields, `db.command` operators, `_.and`/`_.or`. */
export type Where = object
export type SortOrder = 'asc' | 'desc'
/** Sort keys, most significant first. */
export type OrderBy<T> = readonly (readonly [keyof T & string, SortOrder])[]
/** A partial update: fields, dotted paths or `db.command` update operators (`_.inc`, `_.set`). */
export type Patch = Record<string, unknown>

/** The most documents one query returns (the SDK clamps `limit` to 1,000 itself). */
export const QUERY_LIMIT_MAX = 1000

export interface FindOptions<T> {
  limit: number
  orderBy?: OrderBy<T>
  skip?: number
  /** fields to return (projection); `_id` always comes */
  fields?: (keyof T & string)[]
}

export type AllOptions<T> = Omit<FindOptions<T>, 'limit' | 'skip'> & { max: number }

/** A page of a paged query: `page` is 1-based, `size` the page's length. */
export interface Paging {
  page: number
  size: number
}

export interface Page<T> {
  rows: T[]
  page: number
  hasMore: boolean
}

/**
 * A page as a list route answers it: the rows as views under the contract's name for them (`items`,
 * `orders`, …), the page, and whether another page follows. The views are mapped here one row at a
 * time, or given already mapped (a view that reads more documents maps the page's rows at once).
 */
export function listOf<K extends string, T, V>(
  key: K,
  found: Page<T>,
  views: ((row: T) => V) | V[]
): Record<K, V[]> & Omit<Page<T>, 'rows'> {
  const rows = Array.isArray(views) ? views : found.rows.map(views)
  return { [key]: rows, page: found.page, hasMore: found.hasMore } as Record<K, V[]> & Omit<Page<T>, 'rows'>
}

type Aggregate = ReturnType<ReturnType<Database['collection']>['aggregate']>
type Raw<T> = Promise<unknown> | T
const resultOf = async <R>(call: Raw<unknown>) => (await call) as R

export class Collection<T extends { _id: string }> {
  constructor(
    private readonly db: Database,
    readonly name: CollectionName
  ) {}

  private ref() {
    return this.db.collection(this.name)
  }

  /** The document with this id, or null (the SDK rejects a missing document; that is no error here). */
  async get(id: string): Promise<T | null> {
    try {
      const res = await resultOf<{ data: T | null }>(this.ref().doc(id).get())
      return res.data ?? null
    } catch (e) {
      if (isNotFound(e)) return null
      throw e
    }
  }

  /** The documents with these ids, by id, in one query. */
  async getMany(ids: readonly string[]): Promise<Map<string, T>> {
    const unique = [...new Set(ids)]
    if (unique.length === 0) return new Map()
    const found = await this.find({ _id: this.db.command.in(unique) }, { limit: unique.length })
    return new Map(found.map(d => [d._id, d]))
  }

  /** With `fields`, the rows hold only those fields (and `_id`), and are typed so. */
  find<K extends keyof T & string>(
    where: Where,
    options: FindOptions<T> & { fields: K[] }
  ): Promise<Pick<T, K | '_id'>[]>
  find(where: Where, options: FindOptions<T>): Promise<T[]>
  async find(where: Where, options: FindOptions<T>): Promise<T[]> {
    let query = this.ref().where(where)
    for (const [field, order] of options.orderBy ?? []) query = query.orderBy(field, order)
    if (options.skip) query = query.skip(options.skip)
    if (options.fields) query = query.field(Object.fromEntries(options.fields.map(f => [f, true])))
    const res = await resultOf<{ data: T[] }>(query.limit(Math.min(options.limit, QUERY_LIMIT_MAX)).get())
    return res.data
  }

  /**
   * Every document the condition matches, read a thousand at a time, but no more than `max` + 1: a
   * caller that finds more than `max` refuses the request rather than answering with part of it.
   */
  findAll<K extends keyof T & string>(
    where: Where,
    options: AllOptions<T> & { fields: K[] }
  ): Promise<Pick<T, K | '_id'>[]>
  findAll(where: Where, options: AllOptions<T>): Promise<T[]>
  async findAll(where: Where, { max, ...options }: AllOptions<T>): Promise<T[]> {
    const found: T[] = []
    for (let skip = 0; found.length <= max; skip += QUERY_LIMIT_MAX) {
      const rows = await this.find(where, { ...options, skip, limit: QUERY_LIMIT_MAX })
      found.push(...rows)
      if (rows.length < QUERY_LIMIT_MAX) break
    }
    return found
  }

  /** One page, sorted: reads one row more than the page to know whether another page follows. */
  page<K extends keyof T & string>(
    where: Where,
    orderBy: OrderBy<T>,
    paging: Paging,
    fields: K[]
  ): Promise<Page<Pick<T, K | '_id'>>>
  page(where: Where, orderBy: OrderBy<T>, paging: Paging): Promise<Page<T>>
  async page(where: Where, orderBy: OrderBy<T>, paging: Paging, fields?: (keyof T & string)[]): Promise<Page<T>> {
    const skip = (paging.page - 1) * paging.size
    const rows = await this.find(where, { orderBy, skip, limit: paging.size + 1, fields })
    return { rows: rows.slice(0, paging.size), page: paging.page, hasMore: rows.length > paging.size }
  }

  /** An aggregation pipeline built by `build`; its rows as `R` (the pipeline decides their shape). */
  async aggregate<R>(build: (pipeline: Aggregate) => Aggregate): Promise<R[]> {
    const res = await resultOf<{ list: R[] }>(build(this.ref().aggregate()).end())
    return res.list
  }

  async count(where: Where): Promise<number> {
    const res = await resultOf<{ total: number }>(this.ref().where(where).count())
    return res.total
  }

  /** Adds the document under its own _id; false when that id is taken already (a retried write). */
  async add(doc: T): Promise<boolean> {
    try {
      await this.ref().add({ data: withSchemaVersion(doc) })
      return true
    } catch (e) {
      if (isDuplicate(e)) return false
      throw e
    }
  }

  /** Writes the whole document under its _id, replacing what was there. */
  async set(doc: T): Promise<void> {
    const { _id, ...fields } = withSchemaVersion(doc)
    await this.ref().doc(_id).set({ data: fields })
  }

  async update(id: string, patch: Patch): Promise<void> {
    await this.ref().doc(id).update({ data: patch })
  }

  /** Updates every document the condition matches; how many were. */
  async updateWhere(where: Where, patch: Patch): Promise<number> {
    const res = await resultOf<{ stats?: { updated?: number } }>(this.ref().where(where).update({ data: patch }))
    return res.stats?.updated ?? 0
  }

  async remove(id: string): Promise<void> {
    await this.ref().doc(id).remove()
  }
}

export type Store = { [C in CollectionName]: Collection<Collections[C]> } & {
  /** the party members' entries of the ledger's one entries collection */
  memberEntries: Collection<MemberEntryDoc>
}

const stores = new WeakMap<Database, Store>()

/** The typed collections of a database: `data(ctx).households.get(id)`. */
export function data(ctx: Pick<Ctx, 'db'>): Store {
  let store = stores.get(ctx.db)
  if (!store) {
    const names = Object.keys(declaration.collections) as CollectionName[]
    store = {
      ...Object.fromEntries(names.map(name => [name, new Collection(ctx.db, name)])),
      memberEntries: new Collection<MemberEntryDoc>(ctx.db, 'entries')
    } as Store
    stores.set(ctx.db, store)
  }
  return store
}
