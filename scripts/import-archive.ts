/**
 * Loads an archive of 导出全部数据 (the .zip that `dataExport.run` writes: one JSON-lines file per
 * collection and a manifest) into a local cloud data folder, so that a county keeps its own copy and
 * runs the product on it offline:
 *   npm run import-archive <archive.zip> [data-folder]      (default .data/)
 *   LOCALCLOUD_DATA_DIR=<data-folder> npm start
 * The folder must be new or empty. An archive from an older release is upgraded by setup's
 * migrations after loading; the ledger check runs at the end.
 */
import fs from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import './scf-env'
import { startLocalCloud } from '../localcloud'
import declaration from '../core/collections.json'
import { ensureCollections } from '../cloudfunctions/shared/collections'
import { SCHEMA_VERSION } from '../cloudfunctions/shared/data/schema-version'
import { runMigrations } from '../cloudfunctions/setup/migrations'
import { checkVillageLedger } from '../cloudfunctions/shared/ledger-check'

type Db = any

/** documents added per request */
const ADD_BATCH = 200
/** setup's calls while loading; each carries on where the last stopped */
const MIGRATION_CALLS_MAX = 10_000

interface Manifest {
  format: string
  schemaVersion: number
  placeName: string
  counts: Record<string, number>
}

export interface ImportReport {
  placeName: string
  counts: Record<string, number>
  ledgerProblems: number
}

/** Loads the archive into the (empty) database; what it loaded and what the ledger check found. */
export async function importArchive(db: Db, archive: Buffer): Promise<ImportReport> {
  const zip = await JSZip.loadAsync(archive)
  const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? 'null') as Manifest | null
  if (manifest?.format !== 'xiangcun-jifen-data-export')
    throw new Error('这不是乡村积分导出的数据包（没有 manifest.json）')
  if (manifest.schemaVersion > SCHEMA_VERSION)
    throw new Error(`数据包来自更新的版本（数据版本 ${manifest.schemaVersion}），请先升级本程序`)
  const known = new Set(Object.keys(declaration.collections))
  const unknown = Object.keys(manifest.counts).filter(c => !known.has(c))
  if (unknown.length) throw new Error(`数据包里有本程序不认识的数据：${unknown.join(', ')}`)

  await ensureCollections(db)
  if ((await db.collection('places').count()).total > 0)
    throw new Error('这个数据文件夹里已经有数据了，请换一个空文件夹')
  const counts: Record<string, number> = {}
  for (const collection of Object.keys(manifest.counts)) {
    const text = (await zip.file(`${collection}.jsonl`)?.async('string')) ?? ''
    const docs = text
      .split('\n')
      .filter(line => line.trim() !== '')
      .map(line => JSON.parse(line))
    for (let i = 0; i < docs.length; i += ADD_BATCH)
      await db.collection(collection).add({ data: docs.slice(i, i + ADD_BATCH) })
    counts[collection] = docs.length
    if (docs.length !== manifest.counts[collection])
      throw new Error(`${collection}: 数据包说有 ${manifest.counts[collection]} 条，读到 ${docs.length} 条`)
  }
  for (let calls = 0; calls < MIGRATION_CALLS_MAX; calls++) if ((await runMigrations(db, 10_000)).finished) break
  return { placeName: manifest.placeName, counts, ledgerProblems: await ledgerProblems(db) }
}

async function ledgerProblems(db: Db): Promise<number> {
  const villages = (await db.collection('places').where({ kind: 'village' }).limit(1000).get()).data as {
    _id: string
  }[]
  let problems = 0
  for (const v of villages) problems += (await checkVillageLedger(db, v._id)).length
  return problems
}

async function main(archivePath: string | undefined, dataDir: string) {
  if (!archivePath) throw new Error('用法：npm run import-archive <数据包.zip> [数据文件夹]')
  const archive = fs.readFileSync(archivePath)
  const lc = await startLocalCloud({ dataDir, indexFile: path.resolve(__dirname, '../core/collections.json') })
  try {
    const cloud = require('wx-server-sdk')
    cloud.init({ env: 'local-env', serviceUrl: `${lc.url}/tcb` })
    const report = await importArchive(cloud.database(), archive)
    const total = Object.values(report.counts).reduce((a, b) => a + b, 0)
    console.log(`已导入 ${report.placeName}：${total} 条，到 ${dataDir}`)
    console.log(`积分核对：${report.ledgerProblems === 0 ? '全部一致' : `${report.ledgerProblems} 处不一致`}`)
    console.log(`启动：LOCALCLOUD_DATA_DIR=${dataDir} npm start`)
  } finally {
    await lc.close()
  }
}

if (require.main === module)
  main(process.argv[2], path.resolve(process.argv[3] ?? path.join(__dirname, '../.data'))).catch(e => {
    console.error(e instanceof Error ? e.message : e)
    process.exit(1)
  })
