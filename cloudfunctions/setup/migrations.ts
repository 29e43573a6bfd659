/**
 * Data that outlives versions: every stored document carries `schemaVersion`, and `setup` runs these
 * numbered migrations in order. Each is idempotent (a document already at its version is left alone)
 * and resumable: it walks each collection by `_id` in bounded batches, records how far it got in
 * `migrations/<migration>:<collection>` after every batch, and stops when the call's time budget is
 * spent, so the next call of `setup` carries on where this one stopped.
 *
 * A field that a later capability added is filled here for the documents written before it, never
 * assumed by the code that reads it. A migration walks only the collections it changes: a document at
 * version v has everything that the migrations up to v do to its collection (documents written by
 * the code carry SCHEMA_VERSION, the last migration's version, as they are complete).
 */
import declaration from '../../core/collections.json'
import { doorPlateOrder } from '../../core/domain/door-plate'
import type { Database } from '../shared/context'
import type { CollectionName, Collections, MigrationDoc, PlaceDoc } from '../shared/data/documents'
import { SCHEMA_VERSION } from '../shared/data/schema-version'
import { Collection, data, Patch } from '../shared/data/store'
import { mapWithLimit } from '../shared/limit'
import { recountVillageYear, snapshotVillage, statsIdOf } from '../shared/village-figures'

/** What one migration does to one document below its version; the fields returned are set on it. */
type Upgrade<C extends CollectionName> = (doc: Collections[C], db: Database, nowMs: number) => Promise<Patch> | Patch

/** One collection's part of a migration: the walk is typed by the collection it walks. */
interface Step {
  collection: CollectionName
  /** upgrades the next batch after `lastId`; the last id read, or null at the end of the collection */
  batch(
    db: Database,
    lastId: string,
    version: number,
    nowMs: number
  ): Promise<{ lastId: string | null; updated: number }>
}

export interface Migration {
  /** numbered, run in this order, never renamed */
  id: string
  /** the schemaVersion a document has after it */
  version: number
  description: string
  steps: readonly Step[]
}

/** documents read per batch, and updated at most this many at a time */
const BATCH_DOCS_MAX = 100
const PARALLEL_UPDATES_MAX = 10

const versionOf = (doc: object) => ('schemaVersion' in doc ? Number(doc.schemaVersion) : 0)

function step<C extends CollectionName>(collection: C, upgrade: Upgrade<C>): Step {
  return {
    collection,
    async batch(db, lastId, version, nowMs) {
      const store = new Collection<Collections[C]>(db, collection)
      const docs = await store.find(
        { _id: db.command.gt(lastId) },
        { orderBy: [['_id', 'asc']], limit: BATCH_DOCS_MAX }
      )
      const behind = docs.filter(doc => versionOf(doc) < version)
      await mapWithLimit(behind, PARALLEL_UPDATES_MAX, async doc => {
        const fields = await upgrade(doc, db, nowMs)
        await store.update(doc._id, { ...fields, schemaVersion: version })
      })
      const atEnd = docs.length < BATCH_DOCS_MAX
      return { lastId: atEnd ? null : docs[docs.length - 1]._id, updated: behind.length }
    }
  }
}

const STORED_COLLECTIONS = (Object.keys(declaration.collections) as CollectionName[]).filter(c => c !== 'migrations')

/**
 * The villages' figures (the town and county overview): the present state on the village's place
 * document, which the hourly timer otherwise writes only an hour after the upgrade, and the figures
 * of every year of its entries that has none (data from before the figures existed). A month's
 * household count cannot be recovered for the past: those months show no coverage.
 */
async function villageFigures(place: PlaceDoc, db: Database, nowMs: number): Promise<Patch> {
  if (place.kind !== 'village') return {}
  const townId = place.parentId ?? ''
  const store = data({ db })
  const years = await store.entries.aggregate<{ _id: string }>(pipeline =>
    pipeline.match({ villageId: place._id }).group({ _id: '$year' }).limit(200)
  )
  const ids = years.map(y => statsIdOf(place._id, y._id))
  const have = await store.villageStats.getMany(ids)
  for (const { _id: year } of years.filter(y => !have.has(statsIdOf(place._id, y._id))))
    await store.villageStats.set(await recountVillageYear(db, place._id, townId, year))
  return { figures: await snapshotVillage(db, place._id, nowMs) }
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-schema-version',
    version: 1,
    description: 'every document carries schemaVersion 1 (the data of releases before migrations)',
    steps: STORED_COLLECTIONS.map(c => step(c, () => ({})))
  },
  {
    id: '0002-village-figures',
    version: 2,
    description: 'villages get their figures: the present state, and the figures of years that have none',
    steps: [step('places', villageFigures)]
  },
  {
    id: '0003-plate-order',
    version: 3,
    description: 'households get plateOrder, their door plate in natural order (2组9号 before 2组10号)',
    steps: [step('households', household => ({ plateOrder: doorPlateOrder(household.doorPlate) }))]
  }
]

if (MIGRATIONS[MIGRATIONS.length - 1].version !== SCHEMA_VERSION)
  throw new Error('SCHEMA_VERSION must be the version of the last migration')

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
    for (const s of migration.steps) {
      const result = await migrateCollection(db, migration, s, nowMs, () => nowMs() >= deadlineMs)
      if (result.updated) report.updated[`${migration.id}:${s.collection}`] = result.updated
      if (!result.done) return { ...report, finished: false }
    }
  }
  return report
}

async function migrateCollection(
  db: Database,
  migration: Migration,
  s: Step,
  nowMs: () => number,
  outOfTime: () => boolean
) {
  const progresses = data({ db }).migrations
  const id = `${migration.id}:${s.collection}`
  const progress: MigrationDoc = (await progresses.get(id)) ?? { _id: id, lastId: '', done: false, updated: 0 }
  let updated = 0
  while (!progress.done) {
    const batch = await s.batch(db, progress.lastId, migration.version, nowMs())
    updated += batch.updated
    progress.updated += batch.updated
    progress.done = batch.lastId === null
    if (batch.lastId !== null) progress.lastId = batch.lastId
    await progresses.set(progress)
    // checked after a batch, so that every call moves on however little time it has
    if (!progress.done && outOfTime()) return { done: false, updated }
  }
  return { done: true, updated }
}
