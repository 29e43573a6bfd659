/**
 * Data that outlives versions: every stored document carries `schemaVersion`, and `setup` runs these
 * numbered migrations in order. Each is idempotent (a document already at its version is left alone)
 * and resumable: it walks each collection by `_id` in bounded batches, records how far it got in
 * `migrations/<migration>:<collection>` after every batch, and stops when the call's time budget is
 * spent, so the next call of `setup` carries on where this one stopped.
 */
import declaration from '../../core/collections.json'
import type { Database } from '../shared/context'
import { mapWithLimit } from '../shared/limit'

export interface Migration {
  /** numbered, run in this order, never renamed */
  id: string
  /** the schemaVersion a document has after it */
  version: number
  description: string
  /** the collections it touches */
  collections: readonly string[]
  /** the fields to set on a document below `version` (schemaVersion is set too) */
  upgrade: (doc: Record<string, unknown>) => Record<string, unknown>
}

const ALL_COLLECTIONS = Object.keys(declaration.collections).filter(c => c !== 'migrations')

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-schema-version',
    version: 1,
    description: 'every document carries schemaVersion 1 (the data of releases before migrations)',
    collections: ALL_COLLECTIONS,
    upgrade: () => ({})
  }
]

/** documents read per batch, and updated at most this many at a time */
const BATCH_DOCS_MAX = 100
const PARALLEL_UPDATES_MAX = 10

interface Progress {
  _id: string
  lastId: string
  done: boolean
  updated: number
}

export interface MigrationReport {
  finished: boolean
  /** per migration and collection: documents updated in this call */
  updated: Record<string, number>
}

/** Runs what is left of every migration within `budgetMs`; call again while `finished` is false. */
export async function runMigrations(
  db: Database,
  budgetMs: number,
  nowMs = () => Date.now()
): Promise<MigrationReport> {
  const deadlineMs = nowMs() + budgetMs
  const report: MigrationReport = { finished: true, updated: {} }
  for (const migration of MIGRATIONS) {
    for (const collection of migration.collections) {
      const key = `${migration.id}:${collection}`
      const result = await migrateCollection(db, migration, collection, () => nowMs() >= deadlineMs)
      if (result.updated) report.updated[key] = result.updated
      if (!result.done) return { ...report, finished: false }
    }
  }
  return report
}

async function migrateCollection(db: Database, migration: Migration, collection: string, outOfTime: () => boolean) {
  const _ = db.command
  const progressId = `${migration.id}:${collection}`
  const progress = await readProgress(db, progressId)
  let updated = 0
  while (!progress.done) {
    const batch = (await db
      .collection(collection)
      .where({ _id: _.gt(progress.lastId) })
      .orderBy('_id', 'asc')
      .limit(BATCH_DOCS_MAX)
      .get()) as unknown as { data: Record<string, unknown>[] }
    const behind = batch.data.filter(doc => Number(doc.schemaVersion ?? 0) < migration.version)
    await mapWithLimit(behind, PARALLEL_UPDATES_MAX, async doc => {
      const data = { ...migration.upgrade(doc), schemaVersion: migration.version }
      await db.collection(collection).doc(String(doc._id)).update({ data })
    })
    updated += behind.length
    progress.updated += behind.length
    progress.done = batch.data.length < BATCH_DOCS_MAX
    if (batch.data.length) progress.lastId = String(batch.data[batch.data.length - 1]._id)
    const { _id, ...fields } = progress
    await db.collection('migrations').doc(_id).set({ data: fields })
    // checked after a batch, so that every call moves on however little time it has
    if (!progress.done && outOfTime()) return { done: false, updated }
  }
  return { done: true, updated }
}

async function readProgress(db: Database, id: string): Promise<Progress> {
  try {
    const found = (await db.collection('migrations').doc(id).get()) as unknown as { data: Progress }
    return { ...found.data, _id: id }
  } catch (e) {
    const error = e as { errMsg?: string; message?: string }
    if (!/does not exist/.test(String(error?.errMsg ?? error?.message))) throw e
    return { _id: id, lastId: '', done: false, updated: 0 } // not started
  }
}
