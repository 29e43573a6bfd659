import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'
import { registerFile, registerRows, SheetRow } from '../helpers/register'

/**
 * Household members flagged 党员 that come in by the register's import become party members of the
 * village's default branch (无职党员 until the branch says otherwise), once however often the import
 * runs, and never beside a member the branch already has for the same person.
 */
jest.setTimeout(120_000)
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => (env = await productCloud()))
afterAll(() => env.close())

const ok = <T = any>(reply: any): T => {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data as T
}
const upload = async (rows: SheetRow[]) =>
  (await env.cloud.uploadFile({ cloudPath: `imports/${rid('f')}.xlsx`, fileContent: await registerFile(rows) })).fileID

async function importAll(persona: string, villageId: string, fileId: string) {
  for (let calls = 1; calls <= 20; calls++) {
    const progress = ok(await env.call(persona, 'register.apply', { requestId: rid('ap'), villageId, fileId }))
    if (progress.done) return progress
  }
  throw new Error('import did not finish')
}

/** The party members of a village's households that this register names, by household and name. */
async function membersOf(villageId: string) {
  const members = (await env.db.collection('partyMembers').where({ villageId }).limit(1000).get()).data
  const households = new Map(
    (await env.db.collection('households').where({ villageId }).limit(1000).get()).data.map((h: any) => [h._id, h])
  )
  return members
    .filter((m: any) => households.has(m.householdId))
    .map((m: any) => ({ ...m, doorPlate: (households.get(m.householdId) as any).doorPlate }))
}

/** A register with its own door plates: every tenth head and one spouse are 党员. */
function partyRegister(prefix: string, idFrom: number) {
  const rows = registerRows(30, ['1组', '2组'], [], idFrom).map(r => ({
    ...r,
    门牌号: `${prefix}${r.门牌号}`,
    姓名: `${prefix}${r.姓名}`
  }))
  const spouse = rows.find(r => r.姓名 === `${prefix}配偶4`)!
  spouse.是否党员 = '是'
  return rows
}
const flaggedIn = (rows: SheetRow[]) =>
  rows
    .filter(r => r.是否党员 === '是')
    .map(r => r.姓名!)
    .sort()

test('党员 of an imported register join the default branch as 无职党员, once, however often or concurrently', async () => {
  const rows = partyRegister('东', 9000)
  const fileId = await upload(rows)
  // two applies of the same file at once, then the same content uploaded again
  await Promise.all([importAll('demo-town', 'v-xinfeng', fileId), importAll('demo-cadre', 'v-xinfeng', fileId)])
  await importAll('demo-cadre', 'v-xinfeng', await upload(rows))

  const members = (await membersOf('v-xinfeng')).filter((m: any) => m.doorPlate.startsWith('东'))
  expect(members.map((m: any) => m.name).sort()).toEqual(flaggedIn(rows))
  for (const m of members)
    expect(m).toMatchObject({ branchId: 'pb-xf-1', orgId: 'po-xf', category: 'unemployed', balance: 0, active: true })

  // the branch lists them and may change the category; a later import keeps the branch's choice
  const head = members.find((m: any) => m.name === '东户主0')
  const listed = ok(await env.call('demo-secretary', 'partyBranch.members', {}))
  expect(listed.members.map((m: any) => m.memberId)).toContain(head._id)
  ok(
    await env.call('demo-secretary', 'partyBranch.saveMember', {
      requestId: rid(),
      memberId: head._id,
      name: head.name,
      category: 'employed',
      exempt: false,
      householdId: head.householdId
    })
  )
  await importAll('demo-town', 'v-xinfeng', await upload([...rows]))
  const again = (await membersOf('v-xinfeng')).filter((m: any) => m.doorPlate.startsWith('东'))
  expect(again).toHaveLength(members.length)
  expect(again.find((m: any) => m._id === head._id).category).toBe('employed')
})

test('a person the branch already took from the households is not added twice by the import', async () => {
  const rows = partyRegister('西', 9200)
  await importAll('demo-cadre', 'v-xinfeng', await upload(rows))
  const before = (await membersOf('v-xinfeng')).filter((m: any) => m.doorPlate.startsWith('西'))
  expect(before.map((m: any) => m.name).sort()).toEqual(flaggedIn(rows))
  // the branch's own 从户籍添加 (which may add the demo households' 党员) finds these already there
  ok(await env.call('demo-secretary', 'partyBranch.fromHouseholds', { requestId: rid() }))
  const kept = (await membersOf('v-xinfeng')).filter((m: any) => m.doorPlate.startsWith('西'))
  expect(kept.map((m: any) => m._id).sort()).toEqual(before.map((m: any) => m._id).sort())
  // a newly flagged person in a changed register joins; nobody else is added again
  const changed = rows.map(r => (r.姓名 === '西子女7' ? { ...r, 是否党员: '是' } : r))
  await importAll('demo-cadre', 'v-xinfeng', await upload(changed))
  const after = (await membersOf('v-xinfeng')).filter((m: any) => m.doorPlate.startsWith('西'))
  expect(after.map((m: any) => m.name).sort()).toEqual(flaggedIn(changed))
  expect(after).toHaveLength(before.length + 1)
})

test('a village whose organisation is itself a 党支部 enrols into it', async () => {
  const rows = partyRegister('南', 9400)
  await importAll('demo-cadre-jq', 'v-jinqiao', await upload(rows))
  const members = (await membersOf('v-jinqiao')).filter((m: any) => m.doorPlate.startsWith('南'))
  expect(members.map((m: any) => m.name).sort()).toEqual(flaggedIn(rows))
  for (const m of members) expect(m).toMatchObject({ branchId: 'po-jq', orgId: 'po-jq', villageId: 'v-jinqiao' })
})
