/**
 * Data that outlives versions: a data folder written by the release before migrations existed
 * (test/fixtures/upgrade-d4bd6c1, made by scripts/make-upgrade-fixture.ts at that commit) upgrades
 * itself through setup's migrations, in several calls when each has little time, and a second run
 * changes nothing; the ledger check and the app's key reads then work on it. The fixture's villages
 * have no figures of their present state (the overview's), and one village's year figures are taken
 * out of the copy, as a release before the county's figures would have left them.
 */
import fs from 'node:fs'
import collections from '../../core/collections.json'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { MIGRATIONS, MigrationReport, runMigrations } from '../../cloudfunctions/setup/migrations'
import { ensureCollections } from '../../cloudfunctions/shared/collections'
import { expectLedgerConsistent } from '../helpers/ledger'
import { ROOT, sdkFor } from '../helpers/local-cloud'

const FIXTURE = path.join(ROOT, 'test/fixtures/upgrade-d4bd6c1')
let lc: LocalCloud
let db: any
let dataDir: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-'))
  fs.cpSync(FIXTURE, dataDir, { recursive: true })
  lc = await startLocalCloud({
    dataDir,
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions')
  })
  db = sdkFor(lc, 'upgrade').database()
  await db.collection('villageStats').doc('v-jinqiao:2026').remove()
})
afterAll(async () => {
  await lc.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})
jest.setTimeout(120_000)

const invoke = async (openid: string, route: string, input: object = {}) =>
  (await lc.host!.invoke('api', { route, input }, { openid })).result as { ok: boolean; data: any }
const xinfengRow = async () =>
  (await invoke('demo-town', 'overview.get')).data.rows.find((r: { id: string }) => r.id === 'v-xinfeng')

const count = async (collection: string, where: object = {}) =>
  (await db.collection(collection).where(where).count()).total

test('the old data has no schema version; setup migrates it in bounded calls that resume', async () => {
  const _ = db.command
  expect(await count('households', { schemaVersion: _.exists(true) })).toBe(0)
  const households = await count('households')
  expect(households).toBeGreaterThan(20)
  // what the old data lacks: the overview shows 新丰村 with no cadre and no rules until its figures exist
  expect(await count('places', { figures: _.exists(true) })).toBe(0)
  expect(await xinfengRow()).toMatchObject({ cadres: 0, rulesAdopted: 0, boundHouseholds: 0 })
  // nor the households' door plates in natural order, which the cadre's and grid worker's lists sort by
  expect(await count('households', { plateOrder: _.exists(true) })).toBe(0)

  await ensureCollections(db) // as setup does first: the migrations collection is new
  const reports: MigrationReport[] = []
  // a budget of nothing still moves one batch a call, so the upgrade finishes, call after call
  for (let calls = 0; calls < 500; calls++) {
    const report = await runMigrations(db, 0)
    reports.push(report)
    if (report.finished) break
  }
  expect(reports.length).toBeGreaterThan(1)
  expect(reports.at(-1)!.finished).toBe(true)
  // every document has a version
  for (const collection of Object.keys(collections.collections))
    expect([collection, await count(collection, { schemaVersion: _.exists(false) })]).toEqual([collection, 0])
  // and every document a migration walks is at least at its version
  for (const m of MIGRATIONS)
    for (const { collection } of m.steps)
      expect([m.id, collection, await count(collection, { schemaVersion: _.lt(m.version) })]).toEqual([
        m.id,
        collection,
        0
      ])
  expect(await count('places', { kind: 'village', figures: _.exists(true) })).toBe(2)
  expect(await count('households', { plateOrder: _.exists(false) })).toBe(0)
  const updated = reports.flatMap(r => Object.values(r.updated)).reduce((a, b) => a + b, 0)
  expect(updated).toBeGreaterThanOrEqual(households)
})

test('running the migrations again changes nothing', async () => {
  const again = await runMigrations(db, 60_000)
  expect(again).toEqual({ finished: true, updated: {} })
})

test('the upgraded data passes the ledger check, and the app reads it through the api function', async () => {
  // balances, caps and the year figures (金桥村's recounted by the migration) agree with the entries
  await expectLedgerConsistent(db)
  const home = await invoke('demo-villager', 'archive.home')
  expect(home).toMatchObject({ ok: true, data: { card: { doorPlate: '2组12号', head: '王秀英' } } })
  expect(await invoke('demo-villager', 'archive.ranking', { period: 'all', page: 1 })).toMatchObject({ ok: true })
  const desk = await invoke('demo-cadre', 'cadre.households')
  expect(desk.data.households.length).toBeGreaterThan(20)
  const cadres = await count('grants', { villageId: 'v-xinfeng', role: 'cadre' })
  const bound = await count('households', { villageId: 'v-xinfeng', 'boundUsers.0': db.command.exists(true) })
  expect(cadres).toBeGreaterThan(0)
  expect(bound).toBeGreaterThan(0)
  expect(await xinfengRow()).toMatchObject({ cadres, rulesAdopted: 1, boundHouseholds: bound })
})
