import { AppError } from '../../../core/contract/errors'
import type { Ctx } from '../context'
import { isConflict, isNotFound, isTransactionGone } from './db-errors'
import type { CollectionName, Collections, Stored } from './documents'
import { withSchemaVersion } from './schema-version'
import type { Patch } from './store'

/**
 * Transactions, typed. The cloud allows only doc-by-id operations in a transaction (get, set, update,
 * remove and add), so that is all a `Tx` offers: every invariant is kept on documents with known ids.
 * Documents written whole carry the schema version (schema-version.ts), as in the store.
 */

/** The SDK's transaction object, as far as it is used here. */
interface RawTransaction {
  collection(name: string): {
    add(options: { data: object }): Promise<unknown>
    doc(id: string): {
      get(): Promise<unknown>
      set(options: { data: object }): Promise<unknown>
      update(options: { data: object }): Promise<unknown>
      remove(): Promise<unknown>
    }
  }
}

export class Tx {
  constructor(private readonly raw: RawTransaction) {}

  /** The document, or null when it does not exist. */
  async get<C extends CollectionName>(collection: C, id: string): Promise<Collections[C] | null> {
    try {
      const res = (await this.raw.collection(collection).doc(id).get()) as { data?: Collections[C] } | undefined
      return res?.data ?? null
    } catch (e) {
      if (isNotFound(e)) return null
      throw e
    }
  }

  /** Adds under the document's _id; the commit fails if that id is taken (a duplicate). */
  async add<C extends CollectionName>(collection: C, doc: Stored<C>): Promise<void> {
    await this.raw.collection(collection).add({ data: withSchemaVersion(doc) })
  }

  async set<C extends CollectionName>(collection: C, doc: Stored<C>): Promise<void> {
    const { _id, ...fields } = withSchemaVersion(doc)
    await this.raw.collection(collection).doc(_id).set({ data: fields })
  }

  async update(collection: CollectionName, id: string, patch: Patch): Promise<void> {
    await this.raw.collection(collection).doc(id).update({ data: patch })
  }

  async remove(collection: CollectionName, id: string): Promise<void> {
    await this.raw.collection(collection).doc(id).remove()
  }
}

/** How often a conflicting transaction is tried before the caller is asked to try later. */
const TRANSACTION_ATTEMPTS_MAX = 30
const BACKOFF_MS_MAX = 300

/**
 * Runs a transaction, retrying conflicts with jittered back-off. wx-server-sdk retries only a
 * conflict raised at commit and only three times; in the cloud a conflict may also surface inside
 * the callback as errCode -501001. Fifty cadres scoring one household at once need more patience.
 * A transaction the database ended for idling wrote nothing either, and is run again the same way.
 */
export async function transact<T>(ctx: Pick<Ctx, 'db'>, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.runTransaction((raw: RawTransaction) => work(new Tx(raw)), 0)
    } catch (e) {
      if (!isConflict(e) && !isTransactionGone(e)) throw e
      if (attempt >= TRANSACTION_ATTEMPTS_MAX) throw new AppError('BUSY', undefined, String((e as Error)?.message ?? e))
      await new Promise(resolve => setTimeout(resolve, Math.random() * Math.min(BACKOFF_MS_MAX, 5 * 2 ** attempt)))
    }
  }
}
