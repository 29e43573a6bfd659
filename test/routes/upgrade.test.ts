/**
 * Data that outlives versions: a data folder written by the release before migrations existed
 * (test/fixtures/upgrade-d4bd6c1, made by scripts/make-upgrade-fixture.ts at that commit) upgrades
 * itself through setup's migrations, in several calls when each has little time, and a second run
 * changes nothing; the ledger check and the app's key reads then work on it.
 */
import fs from 'node:fs'
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
})
afterAll(async () => {
  await lc.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})
jest.setTimeout(120_000)

const count = async (collection: string, where: object = {}) =>
  (await db.collection(collection).where(where).count()).total

test('the old data has no schema version; setup migrates it in bounded calls that resume', async () => {
  const _ = db.command
  expect(await count('households', { schemaVersion: _.exists(true) })).toBe(0)
  const households = await count('households')
  expect(households).toBeGreaterThan(20)

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
  const latest = MIGRATIONS.at(-1)!.version
  for (const collection of ['households', 'entries', 'users', 'places', 'rules', 'services'])
    expect(await count(collection, { schemaVersion: _.neq(latest) })).toBe(0)
  const updated = reports.flatMap(r => Object.values(r.updated)).reduce((a, b) => a + b, 0)
  expect(updated).toBeGreaterThanOrEqual(households)
})

test('running the migrations again changes nothing', async () => {
  const again = await runMigrations(db, 60_000)
  expect(again).toEqual({ finished: true, updated: {} })
})

test('the upgraded data passes the ledger check, and the app reads it through the api function', async () => {
  await expectLedgerConsistent(db)
  const home = await lc.host!.invoke('api', { route: 'archive.home', input: {} }, { openid: 'demo-villager' })
  expect(home.result).toMatchObject({ ok: true, data: { card: { doorPlate: '2组12号', head: '王秀英' } } })
  const ranking = await lc.host!.invoke(
    'api',
    { route: 'archive.ranking', input: { period: 'all', page: 1 } },
    { openid: 'demo-villager' }
  )
  expect(ranking.result).toMatchObject({ ok: true })
  const desk = await lc.host!.invoke('api', { route: 'cadre.households', input: {} }, { openid: 'demo-cadre' })
  expect((desk.result as any).data.households.length).toBeGreaterThan(20)
})
