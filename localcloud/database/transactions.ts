import { randomBytes } from 'node:crypto'
import type { Doc } from './document-codec'
import type { DocumentStore } from './store'
import { errors } from '../errors'

/**
 * Transactions with snapshot isolation by optimistic concurrency, as MongoDB runs them in the cloud:
 * the snapshot is the store's sequence number at the transaction's first operation; a read of a
 * document written after the snapshot, a write to a document written after the snapshot, or a write
 * to a document another open transaction has written, is a conflict (DATABASE_TRANSACTION_CONFLICT,
 * which makes the SDK's runTransaction retry). Writes are buffered and applied in one SQLite
 * transaction at commit, after checking again that nothing changed underneath.
 */
interface PendingWrite {
  collection: string
  id: string
  /** the new document, or null for a removal */
  doc: Doc | null
  /** whether the document existed when the transaction first touched it */
  existed: boolean
}

interface Transaction {
  id: string
  snapshot: number | null
  writes: Map<string, PendingWrite>
  lastUsed: number
}

const IDLE_LIMIT_MS = 10_000
const keyOf = (collection: string, id: unknown) => `${collection}\u0000${String(id)}`

export class TransactionManager {
  private readonly open = new Map<string, Transaction>()
  /** document key → id of the open transaction that has written it */
  private readonly writeLocks = new Map<string, string>()
  /** document key → sequence number of its removal, so a snapshot can tell "removed since" */
  private readonly removedAt = new Map<string, number>()

  constructor(private readonly store: DocumentStore) {}

  start(): string {
    this.expireIdle()
    const id = randomBytes(12).toString('hex')
    this.open.set(id, { id, snapshot: null, writes: new Map(), lastUsed: Date.now() })
    return id
  }

  /** Called by every non-transactional removal, so open snapshots can see it. */
  noteRemoval(collection: string, id: unknown) {
    this.removedAt.set(keyOf(collection, id), this.store.currentSeq)
  }

  private txn(id: string): Transaction {
    const t = this.open.get(id)
    if (!t) throw errors.transactionNotExist(id)
    t.lastUsed = Date.now()
    if (t.snapshot === null) t.snapshot = this.store.currentSeq
    return t
  }

  private changedSince(collection: string, id: string, snapshot: number): boolean {
    const row = this.store.get(collection, id)
    if (row) return row.seq > snapshot
    return (this.removedAt.get(keyOf(collection, id)) ?? 0) > snapshot
  }

  read(txnId: string, collection: string, id: string): Doc | null {
    const t = this.txn(txnId)
    this.store.assertCollection(collection)
    const pending = t.writes.get(keyOf(collection, id))
    if (pending) return pending.doc
    if (this.changedSince(collection, id, t.snapshot!)) {
      throw errors.transactionConflict(`${collection}/${id} changed after the transaction's snapshot`)
    }
    return this.store.get(collection, id)?.doc ?? null
  }

  /** Reads for writing: takes the document's write lock, then returns its current version in the snapshot. */
  private lockForWrite(t: Transaction, collection: string, id: string): PendingWrite {
    this.store.assertCollection(collection)
    const key = keyOf(collection, id)
    const pending = t.writes.get(key)
    if (pending) return pending
    const owner = this.writeLocks.get(key)
    if (owner && owner !== t.id) throw errors.transactionConflict(`${collection}/${id} is being written by another transaction`)
    if (this.changedSince(collection, id, t.snapshot!)) {
      throw errors.transactionConflict(`${collection}/${id} changed after the transaction's snapshot`)
    }
    const doc = this.store.get(collection, id)?.doc ?? null
    this.writeLocks.set(key, t.id)
    const write: PendingWrite = { collection, id, doc, existed: doc !== null }
    t.writes.set(key, write)
    return write
  }

  /** Stages a write computed from the document's version in the snapshot (null when missing). */
  write(txnId: string, collection: string, id: string, compute: (current: Doc | null) => Doc | null): { before: Doc | null; after: Doc | null } {
    const t = this.txn(txnId)
    const pending = this.lockForWrite(t, collection, id)
    const before = pending.doc
    const after = compute(before)
    pending.doc = after
    return { before, after }
  }

  commit(txnId: string) {
    const t = this.txn(txnId)
    try {
      for (const w of t.writes.values()) {
        if (this.changedSince(w.collection, w.id, t.snapshot!)) {
          throw errors.transactionConflict(`${w.collection}/${w.id} was written outside the transaction`)
        }
      }
      this.store.atomically(() => {
        for (const w of t.writes.values()) {
          if (w.doc && w.existed) this.store.replace(w.collection, w.doc)
          else if (w.doc) this.store.insert(w.collection, w.doc)
          else if (w.existed) {
            this.store.remove(w.collection, w.id)
            this.noteRemoval(w.collection, w.id)
          }
        }
      })
    } finally {
      this.release(t)
    }
  }

  abort(txnId: string) {
    const t = this.open.get(txnId)
    if (t) this.release(t)
  }

  private release(t: Transaction) {
    for (const key of t.writes.keys()) if (this.writeLocks.get(key) === t.id) this.writeLocks.delete(key)
    this.open.delete(t.id)
  }

  private expireIdle() {
    const now = Date.now()
    for (const t of this.open.values()) if (now - t.lastUsed > IDLE_LIMIT_MS) this.release(t)
    // A removal older than every open snapshot can no longer make a difference.
    const oldest = Math.min(...[...this.open.values()].map(t => t.snapshot ?? Infinity))
    for (const [key, seq] of this.removedAt) if (seq <= oldest) this.removedAt.delete(key)
  }
}
