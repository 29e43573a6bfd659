import { randomBytes } from 'node:crypto'
import type { Doc } from './document-codec'
import type { DocumentStore } from './store'
import { errors } from '../errors'

/**
 * Transactions by optimistic concurrency control. A transaction remembers the version (the store's
 * sequence number) of every document it reads or writes, buffers its writes, and at commit checks
 * that none of those documents changed since; if one did, the commit fails with
 * DATABASE_TRANSACTION_CONFLICT and nothing is written. Otherwise all writes land in one SQLite
 * transaction. No update is lost and every committed transaction behaves as if it ran alone.
 *
 * Conflicts are reported at commit, never by a read or write inside the callback: wx-server-sdk
 * wraps errors of doc operations into errCode -501001 and drops their `code`, so only a conflict at
 * commit makes `db.runTransaction` retry (@cloudbase/database/src/transaction/index.ts).
 */
interface Touched {
  collection: string
  id: string
  /** sequence number of the version first seen, 0 when the document did not exist */
  seenSeq: number
  /** buffered write: the new document, null for a removal, undefined when only read */
  write?: Doc | null
  /** the document as the transaction currently sees it */
  current: Doc | null
}

interface Transaction {
  id: string
  touched: Map<string, Touched>
  lastUsed: number
}

const IDLE_LIMIT_MS = 10_000
const keyOf = (collection: string, id: unknown) => `${collection}\u0000${String(id)}`

export class TransactionManager {
  private readonly open = new Map<string, Transaction>()

  constructor(private readonly store: DocumentStore) {}

  start(): string {
    this.expireIdle()
    const id = randomBytes(12).toString('hex')
    this.open.set(id, { id, touched: new Map(), lastUsed: Date.now() })
    return id
  }

  private txn(id: string): Transaction {
    const t = this.open.get(id)
    if (!t) throw errors.transactionNotExist(id)
    t.lastUsed = Date.now()
    return t
  }

  private touch(t: Transaction, collection: string, id: string): Touched {
    this.store.assertCollection(collection)
    const key = keyOf(collection, id)
    let entry = t.touched.get(key)
    if (!entry) {
      const row = this.store.get(collection, id)
      entry = { collection, id, seenSeq: row?.seq ?? 0, current: row?.doc ?? null }
      t.touched.set(key, entry)
    }
    return entry
  }

  read(txnId: string, collection: string, id: string): Doc | null {
    return structuredClone(this.touch(this.txn(txnId), collection, id).current)
  }

  /** Stages a write computed from the document as this transaction sees it (null when missing). */
  write(
    txnId: string,
    collection: string,
    id: string,
    compute: (current: Doc | null) => Doc | null
  ): { before: Doc | null; after: Doc | null } {
    const entry = this.touch(this.txn(txnId), collection, id)
    const before = entry.current
    const after = compute(structuredClone(before))
    entry.current = after
    entry.write = after
    return { before, after }
  }

  commit(txnId: string) {
    const t = this.txn(txnId)
    this.open.delete(txnId)
    for (const e of t.touched.values()) {
      if ((this.store.get(e.collection, e.id)?.seq ?? 0) !== e.seenSeq) {
        throw errors.transactionConflict(`${e.collection}/${e.id} changed while the transaction ran`)
      }
    }
    this.store.atomically(() => {
      for (const e of t.touched.values()) {
        if (e.write === undefined) continue
        const existed = e.seenSeq !== 0
        if (e.write && existed) this.store.replace(e.collection, e.write)
        else if (e.write) this.store.insert(e.collection, e.write)
        else if (existed) this.store.remove(e.collection, e.id)
      }
    })
  }

  abort(txnId: string) {
    this.open.delete(txnId)
  }

  private expireIdle() {
    const now = Date.now()
    for (const t of this.open.values()) if (now - t.lastUsed > IDLE_LIMIT_MS) this.open.delete(t.id)
  }
}
