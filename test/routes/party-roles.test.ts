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

test('a grant answers and lists with the branch’s name; revoking takes it off the list', async () => {
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
