import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { fromHex, leafHash, utf8, verifyInclusion } from '../../core/domain/merkle'
import { verifyExport } from '../../core/domain/ledger-export'
import { canonicalEntry, dayOf, DAY_MS } from '../../core/domain/seal'
import { sealAllVillages } from '../../cloudfunctions/timer/sealing'
import { productCloud } from '../helpers/product-cloud'
import { ROOT } from '../helpers/local-cloud'

/**
 * Seals (存证) end to end: the timer seals every finished day of the demo villages, an untouched
 * village verifies from its export alone, every entry of a sealed day proves its inclusion, and an
 * entry changed or deleted in the database after sealing is named by the timer's re-check (an alarm
 * to the town's administrators) and by `npm run verify-ledger`.
 */
jest.setTimeout(120_000)
const NOW = Date.UTC(2026, 10, 27, 4, 0)
let env: Awaited<ReturnType<typeof productCloud>>
const data = (reply: any) => {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}
const dir = mkdtempSync(path.join(tmpdir(), 'verify-ledger-'))

beforeAll(async () => {
  env = await productCloud(NOW)
})
afterAll(() => env.close())

/** Runs npm run verify-ledger's script on an export: JSON data, or the bytes of an .xlsx. */
async function verifyLedgerCli(exported: unknown, name: string) {
  const xlsx = Buffer.isBuffer(exported)
  const file = path.join(dir, `${name}.${xlsx ? 'xlsx' : 'json'}`)
  writeFileSync(file, xlsx ? exported : JSON.stringify(exported))
  try {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/verify-ledger.ts', file], { cwd: ROOT })
    return { code: 0, stdout }
  } catch (e: any) {
    return { code: e.code as number, stdout: String(e.stdout) }
  }
}

/** The .xlsx form of the export, downloaded as the app would. */
async function exportXlsx(openid: string) {
  const file = data(await env.call(openid, 'seal.exportFile', {}))
  expect(file.fileName).toMatch(/积分存证.*\.xlsx$/)
  return Buffer.from(await (await fetch(file.url)).arrayBuffer())
}

test('the timer seals each finished day of each village, chained, once', async () => {
  const first = await sealAllVillages(env.db, NOW, 400)
  expect(first.alarms).toEqual([])
  expect(first.sealedDays).toBeGreaterThan(100)
  const again = await sealAllVillages(env.db, NOW, 400)
  expect(again).toEqual({ villages: 2, sealedDays: 0, alarms: [] })

  const { heads } = data(await env.call('demo-villager', 'seal.heads', {}))
  expect(heads[0].day).toBe(dayOf(NOW - DAY_MS))
  expect(heads[0].prevHash).toBe(heads[1].headHash)
  // today is not sealed until it has ended
  expect(heads.some((h: any) => h.day === dayOf(NOW))).toBe(false)
})

test('an untouched village verifies from its export alone, by the library and by npm run verify-ledger', async () => {
  const exported = data(await env.call('demo-cadre', 'seal.export', {}))
  // the last 31 days, today not yet sealed
  expect(exported.days.length).toBe(30)
  const result = verifyExport(exported)
  expect(result).toMatchObject({ ok: true, problems: [] })
  expect(result.entries).toBeGreaterThan(10)
  const { heads } = data(await env.call('demo-villager', 'seal.heads', {}))
  const cli = await verifyLedgerCli(exported, 'untouched')
  expect(cli.code).toBe(0)
  expect(cli.stdout).toContain('核对通过')
  expect(cli.stdout).toContain(heads[0].headHash)
  const fromXlsx = await verifyLedgerCli(await exportXlsx('demo-cadre'), 'untouched')
  expect(fromXlsx.code).toBe(0)
  expect(fromXlsx.stdout).toContain('核对通过')
  expect(fromXlsx.stdout).toContain(`${result.entries} 条积分记录`)
})

test('every entry of a sealed day proves its inclusion; an altered entry does not', async () => {
  const exported = data(await env.call('demo-cadre', 'seal.export', {}))
  const day = exported.days.filter((d: any) => d.leaves.length >= 3).pop()
  expect(day).toBeDefined()
  for (const leaf of day.leaves) {
    const explained = data(await env.call('demo-cadre', 'entry.explain', { entryId: leaf.id }))
    const p = explained.proof
    expect(p).toMatchObject({ day: day.head.day, root: day.head.root, size: day.head.size, matchesSeal: true })
    const ownLeaf = leafHash(utf8(canonicalEntry(leaf.entry)))
    expect(verifyInclusion(ownLeaf, p.index, p.size, p.path.map(fromHex), fromHex(p.root))).toBe(true)
    const altered = leafHash(utf8(canonicalEntry({ ...leaf.entry, points: leaf.entry.points + 1 })))
    expect(verifyInclusion(altered, p.index, p.size, p.path.map(fromHex), fromHex(p.root))).toBe(false)
  }
})

test('an entry changed or deleted in the database after sealing is named by the timer and verify-ledger', async () => {
  const before = data(await env.call('demo-cadre', 'seal.export', {}))
  const recent = before.days.filter((d: any) => d.leaves.length > 0).slice(-2)
  const changed = recent[1].leaves[0].id
  const deleted = recent[0].leaves[0].id
  await env.db
    .collection('entries')
    .doc(changed)
    .update({ data: { points: 25 } })
  await env.db.collection('entries').doc(deleted).remove()

  const run = await sealAllVillages(env.db, NOW, 400)
  expect(run.alarms.map(a => [a.entryId, a.problem]).sort()).toEqual(
    [
      [changed, 'changed'],
      [deleted, 'deleted']
    ].sort()
  )
  // the town's administrators get a notice naming the entry, and the town's audit trail records it
  const notices = data(await env.call('demo-town', 'notice.list', {})).notices
  expect(
    notices
      .filter((n: any) => n.title.includes('存证报警'))
      .map((n: any) => n.title)
      .join('\n')
  ).toContain(changed)
  const audit = data(await env.call('demo-town', 'audit.list', {})).items
  expect(
    audit
      .filter((a: any) => a.action === 'seal.alarm')
      .map((a: any) => a.target)
      .sort()
  ).toEqual([changed, deleted].sort())
  // villagers are not shown the administrators' alarms
  const villagerNotices = data(await env.call('demo-villager', 'notice.list', {})).notices
  expect(villagerNotices.some((n: any) => n.title.includes('存证报警'))).toBe(false)
  // the timer raises each alarm once
  await sealAllVillages(env.db, NOW + 3600_000, 400)
  const again = data(await env.call('demo-town', 'audit.list', {})).items
  expect(again.filter((a: any) => a.action === 'seal.alarm')).toHaveLength(2)

  const after = data(await env.call('demo-cadre', 'seal.export', {}))
  expect(verifyExport(after).problems).toEqual(
    expect.arrayContaining([
      { kind: 'entryChanged', day: recent[1].head.day, entryId: changed },
      { kind: 'entryMissing', day: recent[0].head.day, entryId: deleted }
    ])
  )
  const cli = await verifyLedgerCli(after, 'tampered')
  expect(cli.code).toBe(1)
  expect(cli.stdout).toContain(`积分记录 ${changed} 在存证以后被改过`)
  expect(cli.stdout).toContain(`积分记录 ${deleted} 在存证以后被删除了`)
  const fromXlsx = await verifyLedgerCli(await exportXlsx('demo-villager'), 'tampered')
  expect(fromXlsx.code).toBe(1)
  expect(fromXlsx.stdout).toContain(`积分记录 ${changed} 在存证以后被改过`)
  expect(fromXlsx.stdout).toContain(`积分记录 ${deleted} 在存证以后被删除了`)
  // the entry page says the stored entry no longer matches its seal
  const explained = data(await env.call('demo-cadre', 'entry.explain', { entryId: changed }))
  expect(explained.proof.matchesSeal).toBe(false)
  // the other village was not touched and still verifies
  expect(verifyExport(data(await env.call('demo-cadre-jq', 'seal.export', {})))).toMatchObject({ ok: true })
})

test('a town administrator reads the heads of the town villages only', async () => {
  expect(data(await env.call('demo-town', 'seal.heads', { placeId: 'v-jinqiao' })).villageName).toBe('金桥村')
  expect(await env.call('demo-town', 'seal.heads', { placeId: 'v-elsewhere' })).toMatchObject({
    ok: false,
    code: 'OTHER_VILLAGE'
  })
  expect(await env.call('demo-villager', 'seal.heads', { placeId: 'v-jinqiao' })).toMatchObject({
    ok: false,
    code: 'OTHER_VILLAGE'
  })
  expect(await env.call('demo-cadre', 'seal.export', { fromDay: '2026-01-01', toDay: '2026-11-27' })).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT'
  })
})
