import ExcelJS from 'exceljs'
import { handlers } from '../../cloudfunctions/api/routes'
import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, rid } from '../helpers/ledger'
import { badIdNumber, registerFile, registerRows, SheetRow, validIdNumber } from '../helpers/register'
import { recountVillage } from '../../cloudfunctions/shared/village-figures'
import { recountFigures } from '../../cloudfunctions/timer/tasks'
import { checkVillageFigures } from '../../cloudfunctions/shared/ledger-check'

jest.setTimeout(120_000)
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => (env = await productCloud()))
afterAll(() => env.close())

const ok = <T = any>(reply: any): T => {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data as T
}
const upload = async (rows: SheetRow[], name = rid('f')) =>
  (await env.cloud.uploadFile({ cloudPath: `imports/${name}.xlsx`, fileContent: await registerFile(rows) })).fileID
const GROUPS = ['1组', '2组', '3组']
const GRIDS = ['第1网格', '第2网格']

/** Applies an import to the end, as the page does: call again while not done. */
async function importAll(persona: string, villageId: string, fileId: string) {
  for (let calls = 1; calls <= 20; calls++) {
    const progress = ok(await env.call(persona, 'register.apply', { requestId: rid('ap'), villageId, fileId }))
    if (progress.done) return { ...progress, calls }
  }
  throw new Error('import did not finish')
}

test('the preview explains each bad row; nothing is written until applied; same file again: no change', async () => {
  const rows = registerRows(40, GROUPS, GRIDS)
  // a dozen bad rows of the kinds villages make
  rows[0] = { ...rows[0], 身份证号: badIdNumber(1) } // impossible check digit
  rows[3] = { ...rows[3], 村民小组: '9组' } // no such group
  rows[6] = { ...rows[6], 网格: '第9网格' } // no such grid
  rows[9] = { ...rows[9], 与户主关系: '子女' } // household without a head
  rows[12] = { ...rows[12], 姓名: '很长的名字'.repeat(5) } // too long
  rows[15] = { ...rows[15], 身份证号: rows[18].身份证号 } // one person in two households
  rows.push({ ...rows[21], 姓名: '另一个户主' }) // the door plate twice with different heads
  const fileId = await upload(rows)
  const before = (await env.db.collection('households').where({ villageId: 'v-xinfeng' }).count()).total
  const preview = ok(await env.call('demo-town', 'register.preview', { villageId: 'v-xinfeng', fileId }))
  const reasons = preview.problems.map((p: any) => `${p.row}|${p.column}|${p.reason}`)
  expect(reasons).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^2\|身份证号\|身份证号不对/),
      expect.stringMatching(/^5\|村民小组\|本村没有“9组”/),
      expect.stringMatching(/^8\|网格\|本村没有“第9网格”/),
      expect.stringMatching(/\|与户主关系\|门牌1组103号没有户主/),
      expect.stringMatching(/^14\|姓名\|姓名太长了/),
      expect.stringMatching(/\|身份证号\|.*一个人只能在一户/),
      expect.stringMatching(/\|门牌号\|门牌.*出现了两次，户主不同/)
    ])
  )
  expect(preview.householdsAdded).toBeGreaterThan(30)
  expect((await env.db.collection('households').where({ villageId: 'v-xinfeng' }).count()).total).toBe(before)

  const first = await importAll('demo-town', 'v-xinfeng', fileId)
  expect(first).toMatchObject({
    done: true,
    householdsAdded: preview.householdsAdded,
    peopleAdded: preview.peopleAdded
  })
  const after = (await env.db.collection('households').where({ villageId: 'v-xinfeng' }).count()).total
  expect(after).toBe(before + preview.householdsAdded)

  // the fixed file, uploaded again: the fixed households are added, the rest are unchanged
  const fixed = registerRows(40, GROUPS, GRIDS)
  const again = ok(
    await env.call('demo-town', 'register.preview', { villageId: 'v-xinfeng', fileId: await upload(fixed) })
  )
  expect(again.problemCount).toBe(0)
  expect(again.householdsUnchanged).toBeGreaterThan(30)
  const fixedId = await upload(fixed)
  await importAll('demo-town', 'v-xinfeng', fixedId)
  // and the same content once more: nothing at all
  const third = await importAll('demo-town', 'v-xinfeng', await upload(fixed))
  expect(third).toMatchObject({ householdsAdded: 0, householdsChanged: 0, householdsUnchanged: 40, peopleAdded: 0 })
  expect((await env.db.collection('households').where({ villageId: 'v-xinfeng' }).count()).total).toBe(before + 40)
  const audit = await env.db.collection('audit').where({ placeId: 'v-xinfeng', action: 'register.import' }).get()
  expect(audit.data.length).toBe(3)
  expect(audit.data[0].after).toMatchObject({ householdsAdded: preview.householdsAdded })
})

test('a changed register shows what changes, and never deletes a household', async () => {
  const rows = registerRows(5, ['1组'], [], 600)
  await importAll('demo-cadre-jq', 'v-jinqiao', await upload(rows))
  const changed = rows.filter((_, i) => i !== 2) // a member left out: kept, not deleted
  changed[0] = { ...changed[0], 姓名: '新户主' }
  changed.push({ ...rows[0], 姓名: '新生儿', 与户主关系: '子女', 出生年份: '2025' })
  const fileId = await upload(changed)
  const preview = ok(await env.call('demo-cadre-jq', 'register.preview', { villageId: 'v-jinqiao', fileId }))
  expect(preview.changes).toEqual([
    { doorPlate: '1组100号', what: expect.arrayContaining(['户主：户主0 → 新户主', '新增2人']) }
  ])
  await importAll('demo-cadre-jq', 'v-jinqiao', fileId)
  const h = (await env.db.collection('households').where({ villageId: 'v-jinqiao', doorPlate: '1组100号' }).get())
    .data[0]
  expect(h.head).toBe('新户主')
  expect(h.members.map((m: any) => m.name)).toEqual(expect.arrayContaining(['新户主', '配偶0', '新生儿', '户主0']))
})

test('ID and phone numbers: nowhere in the database or a reply in full', async () => {
  const id = validIdNumber(777, 1980)
  const rows: SheetRow[] = [
    { 村民小组: '1组', 门牌号: '1组900号', 姓名: '隐私测试', 与户主关系: '户主', 身份证号: id, 联系电话: '13912345678' }
  ]
  const fileId = await upload(rows)
  const preview = await env.call('demo-cadre-jq', 'register.preview', { villageId: 'v-jinqiao', fileId })
  await importAll('demo-cadre-jq', 'v-jinqiao', fileId)
  const detailOf = async () => {
    const h = (await env.db.collection('households').where({ doorPlate: '1组900号' }).get()).data[0]
    return { h, reply: await env.call('demo-cadre-jq', 'cadre.household', { householdId: h._id }) }
  }
  const { h, reply } = await detailOf()
  expect(h.members[0]).toMatchObject({ idLast4: id.slice(-4), phoneMasked: '139****5678' })
  const exported = ok(await env.call('demo-cadre-jq', 'export.households', { villageId: 'v-jinqiao' }))
  const exportText = await (await fetch(exported.url)).arrayBuffer()
  const everything = JSON.stringify(reply) + JSON.stringify(preview)
  const person = (await env.db.collection('people').where({ householdId: h._id }).get()).data
  expect(person[0].idHash).toMatch(/^[0-9a-f]{32}$/)
  const dump: string[] = []
  for (const c of ['households', 'people', 'audit', 'imports', 'requests'])
    dump.push(JSON.stringify((await env.db.collection(c).limit(1000).get()).data))
  for (const text of [...dump, everything, Buffer.from(exportText).toString('latin1')]) {
    expect(text).not.toContain(id)
    expect(text).not.toContain(id.slice(0, 14))
    expect(text).not.toContain('13912345678')
  }
})

test('a cadre cannot import into, export or preview another village', async () => {
  const fileId = await upload(registerRows(2, ['1组'], []))
  for (const route of ['register.preview', 'register.template', 'export.households'])
    expect(await env.call('demo-cadre', route, { villageId: 'v-jinqiao', fileId })).toMatchObject({
      ok: false,
      code: route === 'register.preview' ? 'OTHER_VILLAGE' : expect.any(String)
    })
  expect(
    await env.call('demo-cadre', 'register.apply', { requestId: rid(), villageId: 'v-jinqiao', fileId })
  ).toMatchObject({
    ok: false,
    code: 'OTHER_VILLAGE'
  })
})

test('a file over the limits is refused with a plain reason', async () => {
  const big = registerRows(1700, GROUPS, GRIDS) // 5,100 rows
  const reply = await env.call('demo-cadre', 'register.preview', { villageId: 'v-xinfeng', fileId: await upload(big) })
  expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('最多5000行') })
})

test('the ledger export opens in exceljs with every entry of the period', async () => {
  const file = ok(await env.call('demo-cadre', 'export.ledger', { villageId: 'v-xinfeng', period: '2026' }))
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(await (await fetch(file.url)).arrayBuffer())
  const sheet = wb.worksheets[0]
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    '时间',
    '门牌号',
    '户主',
    '类别',
    '细则',
    '分值',
    '经办人',
    '公示状态',
    '说明'
  ])
  const _ = env.db.command
  const entries = (
    await env.db
      .collection('entries')
      .where({ villageId: 'v-xinfeng', householdId: _.exists(true) })
      .count()
  ).total
  expect(sheet.actualRowCount - 1).toBe(entries)
  expect(file.rows).toBe(entries)
})

test('the overview equals a recount after concurrent scoring, and its cost does not grow with households', async () => {
  const households = (await env.db.collection('households').where({ villageId: 'v-xinfeng' }).limit(200).get()).data
  const ids = households.map((h: any) => h._id).slice(0, 30)
  await Promise.all([
    ...ids.map((householdId: string) =>
      env.call('demo-cadre', 'score.award', { requestId: rid('aw'), householdId, ruleId: 'r-xf-volunteer', points: 5 })
    ),
    env.call('demo-cadre', 'score.batch', {
      requestId: rid('b'),
      householdIds: ids,
      ruleId: 'r-xf-volunteer',
      points: 5
    }),
    env.call('demo-cadre', 'score.batch', {
      requestId: rid('b'),
      householdIds: ids,
      ruleId: 'r-xf-volunteer',
      points: 5
    })
  ])
  await expectLedgerConsistent(env.db)
  ok(
    await env.call('demo-town', 'village.setRegistered', {
      requestId: rid(),
      villageId: 'v-xinfeng',
      registeredHouseholds: 200
    })
  )
  expect(await recountFigures(env.db, Date.UTC(2026, 10, 27, 4, 0))).toEqual({ recounted: 2 })
  const o = ok(await env.call('demo-town', 'overview.get', {}))
  const xf = o.rows.find((r: any) => r.id === 'v-xinfeng')
  const count = (where: object) => env.db.collection('households').where(where).count()
  const archive = (await count({ villageId: 'v-xinfeng' })).total
  const activeMonth = (await count({ villageId: 'v-xinfeng', monthKey: '2026-11' })).total
  expect(xf).toMatchObject({
    households: archive,
    registeredHouseholds: 200,
    coverage: Math.round((archive / 200) * 1000) / 10,
    participationMonth: Math.round((activeMonth / archive) * 1000) / 10
  })
  expect(o.trend).toHaveLength(12)
  expect(o.updatedAt).toBeGreaterThan(0)
  // a figure that drifted (a function died after its commit) is found by the check and repaired by the recount
  await env.db
    .collection('villageStats')
    .doc('v-xinfeng:2026')
    .update({ data: { months: { m11: { award: 1 } } } })
  expect(await checkVillageFigures(env.db, 'v-xinfeng', 't-xiangyang', '2026')).toEqual([
    expect.stringContaining('m11.award: stored 1')
  ])
  await recountVillage(env.db, 'v-xinfeng', 't-xiangyang', Date.UTC(2026, 10, 27, 4, 0))
  expect(await checkVillageFigures(env.db, 'v-xinfeng', 't-xiangyang', '2026')).toEqual([])
  // the county sees the town rolled up; the town administrator cannot see another town
  const county = ok(await env.call('demo-county', 'overview.get', {}))
  expect(county.rows).toEqual([expect.objectContaining({ id: 't-xiangyang', kind: 'town', villages: 2 })])
  expect(await env.call('demo-town', 'overview.get', { townId: 't-other' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN'
  })
})

test('the ranking across the town pages by cursor and equals a full sort', async () => {
  const all = (await env.db.collection('households').where({ townId: 't-xiangyang' }).limit(1000).get()).data
  const sorted = [...all].sort((a: any, b: any) => b.earned - a.earned || (a._id < b._id ? -1 : 1))
  const seen: any[] = []
  let after: any
  for (let page = 0; page < 100; page++) {
    const r = ok(
      await env.call('demo-villager', 'ranking.wide', { scope: 'town', pageSize: 7, ...(after ? { after } : {}) })
    )
    seen.push(...r.rows)
    if (!r.next) break
    after = r.next
  }
  expect(seen.map(r => r.householdId)).toEqual(sorted.map((h: any) => h._id))
  // ties share a place; a place is the number of households above plus one
  for (const r of seen) expect(r.rank).toBe(sorted.filter((h: any) => h.earned > r.earned).length + 1)
  const me = ok(await env.call('demo-villager', 'ranking.wide', { scope: 'county' })).me
  expect(me).toMatchObject({ householdId: 'h-xf-012' })
})

test('without a page size the ranking gives the page its route declares (再看30户)', async () => {
  const first = ok(await env.call('demo-county', 'ranking.wide', { scope: 'county' }))
  expect(first.next).not.toBeNull()
  expect(first.rows).toHaveLength((handlers['ranking.wide'].paging as { size: number }).size)
  expect(first.rows).toHaveLength(30) // what the page's button promises
})
