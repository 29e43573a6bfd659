/**
 * All the data out (issue 18, item 4): the county administrator exports the demo county through the
 * route, a call at a time (each given no time at all, so every call walks one batch and the export
 * resumes call after call), one call dying after it wrote a part; `importArchive` (npm run
 * import-archive) loads the archive into a fresh data folder, where balances, entries and the ledger
 * check are the same as in the county's own data. Personal numbers stay masked in the archive.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { handlers } from '../../cloudfunctions/api/routes'
import { runExport } from '../../cloudfunctions/api/routes/data-export'
import { EXPORTED_COLLECTIONS } from '../../cloudfunctions/api/services/data-export/run'
import { checkVillageLedger } from '../../cloudfunctions/shared/ledger-check'
import { importArchive } from '../../scripts/import-archive'
import { rid } from '../helpers/ledger'
import { productCloud } from '../helpers/product-cloud'
import { ROOT, sdkFor } from '../helpers/local-cloud'

jest.setTimeout(180_000)
type Env = Awaited<ReturnType<typeof productCloud>>
let env: Env
let copy: LocalCloud
let copyDb: any
let dataDir: string
let archive: JSZip
let calls = 0

const PHONE = '13812345678'

beforeAll(async () => {
  env = await productCloud()
  // a villager writes a mobile number into an issue: it must not leave unmasked
  const raised = await env.call('demo-villager', 'issue.raise', {
    requestId: rid(),
    category: '其他',
    text: `路灯坏了，联系我${PHONE}`
  })
  expect(raised).toMatchObject({ ok: true })
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'))
})
afterAll(async () => {
  await Promise.all([env?.close(), copy?.close()])
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** uploads that land and then fail once, on the `failAt`-th upload: a call dying after writing a part */
function dyingStorage(failAt: number) {
  let uploads = 0
  return new Proxy(env.cloud, {
    get(target, key) {
      if (key !== 'uploadFile') return target[key]
      return async (options: unknown) => {
        const uploaded = await target.uploadFile(options)
        if (++uploads === failAt) throw new Error('the function was stopped here')
        return uploaded
      }
    }
  })
}

test('the export resumes call after call, a call that died after writing a part duplicates nothing', async () => {
  const handle = env.router({ ...handlers, 'dataExport.run': runExport({ walkMs: 0 }) })
  const ctx = { ...env.ctxFor('demo-county'), storage: dyingStorage(3) }
  const run = async (input: object) => {
    calls++
    return (await handle({ route: 'dataExport.run', input: { requestId: rid(), ...input } }, ctx)) as any
  }
  let reply = await run({})
  expect(reply).toMatchObject({ ok: true, data: { placeName: '全县', done: false } })
  const exportId = reply.data.exportId
  let failures = 0
  while (!reply.ok || !reply.data.done) {
    reply = await run({ exportId })
    if (!reply.ok) failures++
    expect(calls).toBeLessThan(500)
  }
  expect(failures).toBe(1)
  expect(calls).toBeGreaterThan(EXPORTED_COLLECTIONS.length / 2)
  expect(reply.data.file).toMatchObject({ fileName: expect.stringMatching(/^全县全部数据-\d{4}-\d{2}-\d{2}\.zip$/) })
  const bytes = Buffer.from(await (await fetch(reply.data.file.url)).arrayBuffer())
  archive = await JSZip.loadAsync(bytes)
  console.log('ARCHIVE_BYTES', bytes.length, calls)

  // every exported collection holds each document once, all of them (but the audit record of the
  // finished export, written after its archive)
  for (const collection of EXPORTED_COLLECTIONS) {
    const ids = (await linesOf(collection)).map(d => d._id)
    const stored = (await env.db.collection(collection).count()).total - (collection === 'audit' ? 1 : 0)
    expect([collection, ids.length, new Set(ids).size]).toEqual([collection, stored, stored])
  }
  const audit = await env.db.collection('audit').where({ action: 'dataExport.run' }).get()
  expect(audit.data.map((a: any) => a.after)).toEqual(
    expect.arrayContaining([{ started: true }, expect.objectContaining({ file: reply.data.file.fileName })])
  )
})

test('personal numbers are masked in the archive', async () => {
  const text = (await Promise.all(Object.values(archive.files).map(f => f.async('string')))).join('\n')
  expect(text).not.toContain(PHONE)
  expect(text).toContain('路灯坏了，联系我138****5678')
  expect(text).not.toMatch(/(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])/)
  for (const person of await linesOf('people')) expect(person.idHash).toBe('')
})

test('imported into a fresh data folder: the same balances, entries and ledger check', async () => {
  copy = await startLocalCloud({ dataDir, indexFile: path.join(ROOT, 'core/collections.json') })
  copyDb = sdkFor(copy, 'import').database()
  const bytes = await archive.generateAsync({ type: 'nodebuffer' })
  const report = await importArchive(copyDb, bytes)
  expect(report.ledgerProblems).toBe(0)

  const balances = async (db: any) => {
    const res = await db.collection('households').field({ balance: true, earned: true }).limit(1000).get()
    return Object.fromEntries(res.data.map((h: any) => [h._id, [h.balance, h.earned]]))
  }
  const entries = async (db: any) => {
    const rows: any[] = []
    for (let last = ''; ;) {
      const page = await db
        .collection('entries')
        .where({ _id: db.command.gt(last) })
        .orderBy('_id', 'asc')
        .field({ account: true, points: true, kind: true, at: true })
        .limit(1000)
        .get()
      rows.push(...page.data)
      if (page.data.length < 1000) return rows
      last = page.data[page.data.length - 1]._id
    }
  }
  const [original, imported] = await Promise.all([balances(env.db), balances(copyDb)])
  expect(Object.keys(imported).length).toBeGreaterThan(30)
  expect(imported).toEqual(original)
  const [originalEntries, importedEntries] = await Promise.all([entries(env.db), entries(copyDb)])
  expect(importedEntries.length).toBeGreaterThan(300)
  expect(importedEntries).toEqual(originalEntries)
  for (const village of ['v-xinfeng', 'v-jinqiao'])
    expect(await checkVillageLedger(copyDb, village)).toEqual(await checkVillageLedger(env.db, village))

  // a second import into the same folder is refused, nothing changes
  await expect(importArchive(copyDb, bytes)).rejects.toThrow('已经有数据')
  expect(await balances(copyDb)).toEqual(original)
})

async function linesOf(collection: string): Promise<any[]> {
  const text = (await archive.file(`${collection}.jsonl`)?.async('string')) ?? ''
  return text
    .split('\n')
    .filter(Boolean)
    .map(line => JSON.parse(line))
}

test('a town administrator exports their own town: its households, not the county’s own templates', async () => {
  const call = (input: object) =>
    env.call('demo-town', 'dataExport.run', { requestId: rid(), ...input }) as Promise<any>
  expect(await call({ townId: 't-other' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  let reply = await call({})
  for (let calls = 0; reply.ok && !reply.data.done && calls < 50; calls++)
    reply = await call({ exportId: reply.data.exportId })
  expect(reply).toMatchObject({ ok: true, data: { placeName: '向阳镇', done: true } })
  const town = await JSZip.loadAsync(Buffer.from(await (await fetch(reply.data.file.url)).arrayBuffer()))
  const ids = async (collection: string) =>
    ((await town.file(`${collection}.jsonl`)?.async('string')) ?? '')
      .split('\n')
      .filter(Boolean)
      .map(line => JSON.parse(line)._id as string)
  // the demo's one town holds every household; the county's own template and party template stay out
  expect((await ids('households')).length).toBe((await env.db.collection('households').count()).total)
  expect(await ids('templates')).not.toContain('t-county-default')
  expect((await env.db.collection('templates').where({ ownerId: 'county' }).count()).total).toBeGreaterThan(0)
  expect(await ids('places')).toEqual(expect.arrayContaining(['county', 't-xiangyang', 'v-xinfeng', 'v-jinqiao']))
})
