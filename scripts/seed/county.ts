/**
 * npm run seed:county — a county like Guanghan's in a local cloud data folder: 12 towns, 120
 * villages, 149,000 households, 447,800 people, a year of entries (about 12 per household), rules,
 * cadres, grid workers and bound users for about 80 % of households. Deterministic from a seed;
 * written in batches through the real wx-server-sdk, one village at a time, with a progress line.
 *
 *   npm run seed:county -- [--dir .data-county] [--scale 1] [--seed 1]
 *
 * `--scale 0.1` keeps the 12 towns and 120 villages and makes each village a tenth of the size.
 * Then: LOCALCLOUD_DATA_DIR=.data-county npm start
 */
import fs from 'node:fs'
import path from 'node:path'
import '../scf-env'
import { withSchemaVersion } from '../../cloudfunctions/shared/data/schema-version'
import { startLocalCloud } from '../../localcloud'
import { ensureCollections } from '../../cloudfunctions/shared/collections'
import { buildCountyVillage, countyPlaces, COUNTY_SHAPE } from './county-data'

const ROOT = path.resolve(__dirname, '../..')
const BATCH = 1000

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}

async function main() {
  const dir = path.resolve(ROOT, arg('dir', '.data-county'))
  const scale = Number(arg('scale', '1'))
  const seed = Number(arg('seed', '1'))
  if (fs.existsSync(path.join(dir, 'database.sqlite')))
    throw new Error(`${dir} has a database already: delete it first`)
  fs.mkdirSync(dir, { recursive: true })
  const started = Date.now()
  const lc = await startLocalCloud({ dataDir: dir, indexFile: path.join(ROOT, 'core/collections.json') })
  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local-env', serviceUrl: `${lc.url}/tcb` })
  const db = cloud.database()
  await ensureCollections(db)
  const now = Date.now()
  const { places, villages } = countyPlaces(scale)
  await write(db, 'places', places)
  const totals = { households: 0, people: 0, entries: 0, users: 0 }
  for (const [i, v] of villages.entries()) {
    const data = buildCountyVillage(v, now, seed)
    for (const [collection, docs] of Object.entries(data)) await write(db, collection, docs)
    totals.households += data.households.length
    totals.people += data.people.length
    totals.entries += data.entries.length
    totals.users += data.users.length
    const s = (Date.now() - started) / 1000
    process.stderr.write(
      `\rvillage ${i + 1}/${villages.length}: ${totals.households} households, ${totals.people} people, ` +
        `${totals.entries} entries, ${s.toFixed(0)} s   `
    )
  }
  await lc.close()
  const bytes = fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0)
  process.stderr.write('\n')
  console.log(
    JSON.stringify({
      seeded: dir,
      scale,
      seed,
      towns: COUNTY_SHAPE.towns,
      villages: villages.length,
      ...totals,
      seconds: Math.round((Date.now() - started) / 1000),
      megabytes: Math.round(bytes / 1024 / 1024)
    })
  )
}

async function write(db: any, collection: string, docs: object[]) {
  const stored = docs.map(d => withSchemaVersion(d))
  for (let i = 0; i < stored.length; i += BATCH)
    await db.collection(collection).add({ data: stored.slice(i, i + BATCH) })
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
