import { Doc, decodeWire, encodeWire } from './document-codec'
import { DocumentStore, newDocId } from './store'
import { TransactionManager } from './transactions'
import { orderBySql, pushdown } from './pushdown'
import { aggregate, applyUpdate, matcher, project } from './mongo'
import { errors } from '../errors'

/**
 * The `database.*` actions of the CloudBase API, as @cloudbase/database sends them
 * (src/query.ts, document.ts, collection.ts, aggregate.ts, transaction/). Each handler returns the
 * reply body without its requestId.
 */
export type ActionHandler = (params: Record<string, any>) => Record<string, any>

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000

const parseParam = (value: unknown): any => {
  if (value === undefined || value === null || value === '') return undefined
  return typeof value === 'string' ? decodeWire(value) : value
}

const idOfDocQuery = (params: Record<string, any>): string => {
  const query = parseParam(params.query) ?? {}
  const id = params._id ?? query._id
  if (id === undefined || id === null || typeof id === 'object') throw errors.invalidParam('docId不能为空')
  return String(id)
}

export function databaseActions(store: DocumentStore, txns: TransactionManager): Record<string, ActionHandler> {
  const clampLimit = (limit: unknown) => {
    const n = Number(limit)
    if (!Number.isFinite(n) || n <= 0) return DEFAULT_LIMIT
    return Math.min(Math.floor(n), MAX_LIMIT)
  }

  /** Documents matching a query, in order, streamed from SQL and checked by mingo. */
  function* matching(
    collection: string,
    query: Doc,
    order?: Record<string, number>,
    window?: { offset: number; limit: number }
  ) {
    const plan = pushdown(query, store.indexedFields(collection))
    const orderBy = orderBySql(order)
    const test = plan.exact ? null : matcher(query)
    const sqlWindow = plan.exact && window ? { limit: window.limit, offset: window.offset } : {}
    let skipped = 0
    let taken = 0
    for (const row of store.scan(collection, { where: plan.where, params: plan.params, orderBy, ...sqlWindow })) {
      if (test && !test.test(row.doc)) continue
      if (window && !plan.exact) {
        if (skipped < window.offset) {
          skipped++
          continue
        }
        if (taken >= window.limit) return
      }
      taken++
      yield row.doc
    }
  }

  const find = (collection: string, query: Doc, order: any, offset: number, limit: number) =>
    Array.from(matching(collection, query, order, { offset, limit }))

  const rejectInTransaction = (params: Record<string, any>, what: string) => {
    if (params.transactionId)
      throw errors.invalidCommand(`${what} with a where query is not allowed in a transaction; use doc(id)`)
  }

  const insertOne = (collection: string, doc: Doc, transactionId?: string): string => {
    if (doc._id === undefined || doc._id === null) doc._id = newDocId()
    const id = String(doc._id)
    if (transactionId) {
      txns.write(transactionId, collection, id, current => {
        if (current) throw errors.duplicateKey(collection, doc._id)
        return doc
      })
    } else {
      store.insert(collection, doc)
    }
    return doc._id
  }

  const changed = (a: Doc | null, b: Doc | null) => JSON.stringify(a) !== JSON.stringify(b)

  return {
    'database.addCollection': p => {
      store.createCollection(p.collectionName)
      return {}
    },

    'database.getDocument': p => {
      const query = parseParam(p.query) ?? {}
      const projection = parseParam(p.projection)
      if (p.queryType === 'DOC') {
        const id = idOfDocQuery(p)
        const doc = p.transactionId
          ? txns.read(p.transactionId, p.collectionName, id)
          : (store.get(p.collectionName, id)?.doc ?? null)
        return { data: { list: doc ? [encodeWire(project(doc, projection))] : [], limit: 1, offset: 0 } }
      }
      rejectInTransaction(p, 'get')
      const offset = Math.max(0, Number(p.offset) || 0)
      const limit = clampLimit(p.limit)
      const docs = find(p.collectionName, query, parseParam(p.order), offset, limit)
      return { data: { list: docs.map(d => encodeWire(project(d, projection))), limit, offset } }
    },

    'database.modifyAndReturnDoc': p => {
      rejectInTransaction(p, 'updateAndReturn')
      const data: Doc = parseParam(p.data) ?? {}
      const [doc] = Array.from(
        matching(p.collectionName, parseParam(p.query) ?? {}, undefined, { offset: 0, limit: 1 })
      )
      if (!doc) return { data: { updated: 0, doc: null } }
      const next = applyUpdate(doc, data, true)
      if (changed(doc, next)) store.replace(p.collectionName, next)
      return { data: { updated: changed(doc, next) ? 1 : 0, doc: encodeWire(next) } }
    },

    'database.countDocument': p => {
      rejectInTransaction(p, 'count')
      const query = parseParam(p.query) ?? {}
      const plan = pushdown(query, store.indexedFields(p.collectionName))
      if (plan.exact) return { data: { total: store.count(p.collectionName, plan.where, plan.params) } }
      let total = 0
      for (const _ of matching(p.collectionName, query)) total++
      return { data: { total } }
    },

    // count() sends calculateDocument in node-sdk 3.17; countDocument is the older name
    get 'database.calculateDocument'() {
      return this['database.countDocument']
    },

    'database.insertDocument': p => {
      store.assertCollection(p.collectionName)
      const docs: Doc[] = (Array.isArray(p.data) ? p.data : [p.data]).map(parseParam)
      const insertedIds = p.transactionId
        ? docs.map(d => insertOne(p.collectionName, d, p.transactionId))
        : store.atomically(() => docs.map(d => insertOne(p.collectionName, d)))
      return { data: { insertedIds } }
    },

    'database.modifyDocument': p => {
      const data: Doc = parseParam(p.data) ?? {}
      const merge = p.merge !== false
      const upsert = p.upsert === true
      if (p.queryType === 'DOC') {
        const id = idOfDocQuery(p)
        const compute = (current: Doc | null): Doc | null => {
          if (current) return applyUpdate(current, data, merge)
          return upsert ? applyUpdate({ _id: id }, data, merge) : null
        }
        if (p.transactionId) {
          const { before, after } = txns.write(p.transactionId, p.collectionName, id, compute)
          return {
            data: { updated: before && changed(before, after) ? 1 : 0, upsert_id: before ? undefined : after?._id }
          }
        }
        const before = store.get(p.collectionName, id)?.doc ?? null
        const after = compute(before)
        if (!before && after) {
          store.insert(p.collectionName, after)
          return { data: { updated: 0, upsert_id: id } }
        }
        if (before && after && changed(before, after)) {
          store.replace(p.collectionName, after)
          return { data: { updated: 1 } }
        }
        return { data: { updated: 0 } }
      }
      rejectInTransaction(p, 'update')
      const query = parseParam(p.query) ?? {}
      return store.atomically(() => {
        const targets = Array.from(
          matching(p.collectionName, query, undefined, p.multi === false ? { offset: 0, limit: 1 } : undefined)
        )
        let updated = 0
        for (const doc of targets) {
          const next = applyUpdate(doc, data, merge)
          if (changed(doc, next)) {
            store.replace(p.collectionName, next)
            updated++
          }
        }
        if (targets.length === 0 && upsert) {
          const seed = Object.fromEntries(
            Object.entries(query).filter(([k, v]) => !k.startsWith('$') && (typeof v !== 'object' || v === null))
          )
          const doc = applyUpdate({ ...seed, _id: seed._id ?? newDocId() }, data, merge)
          store.insert(p.collectionName, doc)
          return { data: { updated: 0, upsert_id: doc._id } }
        }
        return { data: { updated } }
      })
    },

    'database.removeDocument': p => {
      if (p.queryType === 'DOC') {
        const id = idOfDocQuery(p)
        if (p.transactionId) {
          const { before } = txns.write(p.transactionId, p.collectionName, id, () => null)
          return { data: { deleted: before ? 1 : 0 } }
        }
        return { data: { deleted: store.remove(p.collectionName, id) ? 1 : 0 } }
      }
      rejectInTransaction(p, 'remove')
      const query = parseParam(p.query) ?? {}
      return store.atomically(() => {
        const targets = Array.from(
          matching(p.collectionName, query, undefined, p.multi === false ? { offset: 0, limit: 1 } : undefined)
        )
        for (const doc of targets) store.remove(p.collectionName, doc._id)
        return { data: { deleted: targets.length } }
      })
    },

    'database.aggregateDocuments': p => {
      store.assertCollection(p.collectionName)
      const pipeline: Doc[] = (p.stages ?? []).map((s: { stageKey: string; stageValue: string }) => ({
        [s.stageKey]: decodeWire(s.stageValue)
      }))
      // A leading $match (and a $sort right after it) is served by SQL; the rest runs in mingo.
      let query: Doc = {}
      let order: Record<string, number> | undefined
      let rest = pipeline
      if (rest[0]?.$match) {
        query = rest[0].$match
        rest = rest.slice(1)
        if (rest[0]?.$sort) {
          order = rest[0].$sort
          rest = rest.slice(1)
        }
      }
      return { data: { list: aggregate(rest, matching(p.collectionName, query, order)).map(encodeWire) } }
    },

    'database.startTransaction': () => ({ transactionId: txns.start() }),
    'database.commitTransaction': p => {
      txns.commit(p.transactionId)
      return {}
    },
    'database.abortTransaction': p => {
      txns.abort(p.transactionId)
      return {}
    },

    // The older transaction API (@cloudbase/database/src/transaction.ts): replies carry EJSON strings.
    'database.getInTransaction': p => ({
      data: encodeWire(txns.read(p.transactionId, p.collectionName, String(p._id)))
    }),
    'database.updateDocInTransaction': p => {
      const data: Doc = parseParam(p.data) ?? {}
      const { before, after } = txns.write(p.transactionId, p.collectionName, String(p._id), current => {
        if (current) return applyUpdate(current, data, !p.upsert)
        return p.upsert ? applyUpdate({ _id: p._id }, data, false) : null
      })
      return {
        updated: encodeWire(before && changed(before, after) ? 1 : 0),
        upserted: before ? null : JSON.stringify([{ _id: p._id }])
      }
    },
    'database.insertDocInTransaction': p => {
      const doc: Doc = { ...parseParam(p.data), _id: p._id ?? newDocId() }
      insertOne(p.collectionName, doc, p.transactionId)
      return { inserted: 1, ok: 1, id: doc._id }
    },
    'database.deleteDocInTransaction': p => {
      const { before } = txns.write(p.transactionId, p.collectionName, String(p._id), () => null)
      return { deleted: encodeWire(before ? 1 : 0) }
    }
  }
}
