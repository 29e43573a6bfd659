import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { Doc, decodeStored, encodeStored } from './document-codec'
import { fieldExpr, quoteIdent } from './sql-paths'
import { errors } from '../errors'

export interface IndexSpec {
  name: string
  /** field → 1 (ascending) or -1 (descending), in order */
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export type IndexDeclarations = Record<string, IndexSpec[]>

export interface StoredRow {
  doc: Doc
  /** the commit sequence number of the last write to this document */
  seq: number
}

export interface SqlPlan {
  where: string
  params: unknown[]
  orderBy: string
  limit?: number
  offset?: number
}

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/

export const newDocId = () => randomBytes(16).toString('hex')

/**
 * SQLite storage: one table per collection (`_id`, `seq`, `doc` as JSON), WAL, and the declared
 * indexes as expression indexes over json_extract. Every write stamps the document with a
 * sequence number from one counter; transactions use it to detect conflicts.
 */
export class DocumentStore {
  private readonly db: Database.Database
  private readonly collections = new Set<string>()
  private seq = 0
  private readonly statements = new Map<string, Database.Statement>()

  constructor(
    file: string,
    private readonly indexes: IndexDeclarations = {}
  ) {
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec('CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY)')
    for (const { name } of this.db.prepare('SELECT name FROM _collections').all() as { name: string }[]) {
      this.collections.add(name)
      this.createIndexes(name)
      const row = this.db.prepare(`SELECT max(seq) AS s FROM ${this.table(name)}`).get() as { s: number | null }
      this.seq = Math.max(this.seq, row.s ?? 0)
    }
  }

  close() {
    this.db.close()
  }

  get currentSeq() {
    return this.seq
  }

  hasCollection(name: string) {
    return this.collections.has(name)
  }

  assertCollection(name: string) {
    if (!this.collections.has(name)) throw errors.collectionNotExist(name)
  }

  indexedFields(collection: string): Set<string> {
    const fields = new Set<string>(['_id'])
    for (const spec of this.indexes[collection] ?? []) for (const f of Object.keys(spec.keys)) fields.add(f)
    return fields
  }

  createCollection(name: string) {
    if (!COLLECTION_NAME.test(name)) throw errors.invalidParam(`invalid collection name: ${name}`)
    if (this.collections.has(name)) throw errors.collectionExists(name)
    this.db.exec(`CREATE TABLE ${this.table(name)} (_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, doc TEXT NOT NULL)`)
    this.db.prepare('INSERT INTO _collections (name) VALUES (?)').run(name)
    this.collections.add(name)
    this.createIndexes(name)
  }

  private createIndexes(collection: string) {
    for (const spec of this.indexes[collection] ?? []) {
      const columns = Object.entries(spec.keys)
        .map(([field, dir]) => `${fieldExpr(field)}${dir === -1 ? ' DESC' : ''}`)
        .join(', ')
      const name = quoteIdent(`ix_${collection}_${spec.name}`)
      this.db.exec(
        `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${this.table(collection)} (${columns})`
      )
    }
  }

  private table(collection: string) {
    return quoteIdent(`c_${collection}`)
  }

  private prepared(sql: string) {
    let st = this.statements.get(sql)
    if (!st) {
      st = this.db.prepare(sql)
      this.statements.set(sql, st)
    }
    return st
  }

  get(collection: string, id: unknown): StoredRow | undefined {
    this.assertCollection(collection)
    const row = this.prepared(`SELECT seq, doc FROM ${this.table(collection)} WHERE _id = ?`).get(String(id)) as
      { seq: number; doc: string } | undefined
    return row && { seq: row.seq, doc: decodeStored(row.doc) }
  }

  /** Streams rows in SQL order; callers stop iterating when they have enough. */
  *scan(collection: string, plan: SqlPlan): Generator<StoredRow> {
    this.assertCollection(collection)
    let sql = `SELECT seq, doc FROM ${this.table(collection)}`
    if (plan.where) sql += ` WHERE ${plan.where}`
    if (plan.orderBy) sql += ` ORDER BY ${plan.orderBy}`
    if (plan.limit !== undefined) sql += ` LIMIT ${plan.limit | 0}`
    if (plan.offset) sql += `${plan.limit === undefined ? ' LIMIT -1' : ''} OFFSET ${plan.offset | 0}`
    for (const row of this.prepared(sql).iterate(...plan.params) as Iterable<{ seq: number; doc: string }>) {
      yield { seq: row.seq, doc: decodeStored(row.doc) }
    }
  }

  count(collection: string, where: string, params: unknown[]): number {
    this.assertCollection(collection)
    const sql = `SELECT count(*) AS n FROM ${this.table(collection)}${where ? ` WHERE ${where}` : ''}`
    return (this.prepared(sql).get(...params) as { n: number }).n
  }

  insert(collection: string, doc: Doc): number {
    this.assertCollection(collection)
    const seq = ++this.seq
    try {
      this.prepared(`INSERT INTO ${this.table(collection)} (_id, seq, doc) VALUES (?, ?, ?)`).run(
        String(doc._id),
        seq,
        encodeStored(doc)
      )
    } catch (e: any) {
      if (e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw errors.duplicateKey(collection, doc._id)
      if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE')
        throw errors.requestFailed(`E11000 duplicate key error collection: ${collection}`)
      throw e
    }
    return seq
  }

  replace(collection: string, doc: Doc): number {
    this.assertCollection(collection)
    const seq = ++this.seq
    this.prepared(`UPDATE ${this.table(collection)} SET seq = ?, doc = ? WHERE _id = ?`).run(
      seq,
      encodeStored(doc),
      String(doc._id)
    )
    return seq
  }

  remove(collection: string, id: unknown): boolean {
    this.assertCollection(collection)
    ++this.seq
    return this.prepared(`DELETE FROM ${this.table(collection)} WHERE _id = ?`).run(String(id)).changes > 0
  }

  /** Runs fn in one SQLite transaction: all of its writes land or none does. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  explain(collection: string, plan: SqlPlan): string[] {
    const where = plan.where ? ` WHERE ${plan.where}` : ''
    const orderBy = plan.orderBy ? ` ORDER BY ${plan.orderBy}` : ''
    const sql = `EXPLAIN QUERY PLAN SELECT doc FROM ${this.table(collection)}${where}${orderBy}`
    return (this.db.prepare(sql).all(...plan.params) as { detail: string }[]).map(r => r.detail)
  }
}
