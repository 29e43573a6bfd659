import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'

/** 党务角色: what each granter may grant where, the holders listed by name and place name, never by id. */
jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => (env = await productCloud()))
afterAll(() => env.close())

const ok = async (openid: string, route: string, input: unknown = {}) => {
  const reply: any = await env.call(openid, route, input)
  if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
  return reply.data
}

test('a cadre grants on their village’s branches, the town admin the town too, the county the towns', async () => {
  const cadre = await ok('demo-cadre', 'partyRole.list')
  expect(cadre.grantable).toEqual(['branchSecretary', 'partyClerk'])
  expect(cadre.branches).toEqual([
    { id: 'pb-xf-1', name: '新丰村第一党支部', villageName: '新丰村' },
    { id: 'pb-xf-2', name: '新丰村第二党支部', villageName: '新丰村' }
  ])
  expect(cadre.towns).toEqual([])
  expect(cadre.grants.map((g: any) => `${g.name}|${g.label}|${g.placeNames}`).sort()).toEqual([
    '何建华|支部书记|新丰村第一党支部',
    '赵永红|党务管理员|新丰村第二党支部'
  ])

  const town = await ok('demo-town', 'partyRole.list')
  expect(town.grantable).toEqual(['branchSecretary', 'partyClerk', 'townPartyAdmin'])
  expect(town.branches.map((b: any) => b.id)).toEqual(['pb-xf-1', 'pb-xf-2', 'po-jq'])
  expect(town.towns.map((t: any) => t.name)).toEqual(['向阳镇'])
  expect(town.grants.map((g: any) => g.label).sort()).toEqual(['党务管理员', '支部书记', '镇党委管理员'])

  const county = await ok('demo-county', 'partyRole.list')
  expect(county.grantable).toEqual(['townPartyAdmin'])
  expect(county.branches).toEqual([])
  expect(county.towns.map((t: any) => t.name)).toContain('向阳镇')

  const other = await ok('demo-cadre-jq', 'partyRole.list')
  expect(other.branches.map((b: any) => b.id)).toEqual(['po-jq'])
  expect(other.grants).toEqual([])
})

test('a party role goes only to a number that has opened the app, checked after who may grant where', async () => {
  const grant = (openid: string, as = 'demo-cadre', placeId = 'pb-xf-1') =>
    env.call(as, 'partyRole.grant', { requestId: rid(), openid, name: '新人', role: 'partyClerk', placeId })
  // another village's cadre is refused for the place first, whoever the number is
  expect(await grant('party-made-up', 'demo-cadre-jq')).toMatchObject({ ok: false, code: 'GRANT_NOT_ALLOWED' })
  const refused: any = await grant('party-made-up')
  expect(refused).toMatchObject({ ok: false, code: 'NEVER_OPENED' })
  expect(refused.message).toContain('还没有打开过小程序')
  expect((await env.db.collection('users').where({ _id: 'party-made-up' }).count()).total).toBe(0)
  expect((await env.db.collection('grants').where({ openid: 'party-made-up' }).count()).total).toBe(0)
  // once they have opened the app, the same number is granted
  await ok('party-made-up', 'me.session')
  expect(await grant('party-made-up')).toMatchObject({ ok: true })
  expect((await ok('party-made-up', 'me.session')).roles.map((r: any) => r.role)).toEqual(['partyClerk'])
  await ok('demo-cadre', 'partyRole.revoke', { requestId: rid(), openid: 'party-made-up', role: 'partyClerk' })
})

test('a grant answers and lists with the branch’s name; revoking takes it off the list', async () => {
  await ok('jq-secretary', 'me.session') // a role goes only to someone who has opened the app
  const granted = await ok('demo-cadre-jq', 'partyRole.grant', {
    requestId: rid(),
    openid: 'jq-secretary',
    name: '钱书记',
    role: 'branchSecretary',
    placeId: 'po-jq'
  })
  expect(granted.placeNames).toEqual(['金桥村党支部'])
  const listed = await ok('demo-cadre-jq', 'partyRole.list')
  expect(listed.grants).toEqual([expect.objectContaining({ name: '钱书记', placeNames: ['金桥村党支部'] })])
  // the new secretary's own workbench is that branch's
  const branch = await ok('jq-secretary', 'partyBranch.members')
  expect(branch.branchName).toBe('金桥村党支部')
  await ok('demo-cadre-jq', 'partyRole.revoke', { requestId: rid(), openid: 'jq-secretary', role: 'branchSecretary' })
  expect((await ok('demo-cadre-jq', 'partyRole.list')).grants).toEqual([])
})
