import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'
import { ok } from '../helpers/participation'

/**
 * The cadre's household form edits a member's name, relation and party membership; what the register
 * import brought besides (gender, birth year, the ID number's last four, the masked phone) has no field
 * on the form, so saving the form must keep it for every member it still names.
 */
jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => (env = await productCloud()))
afterAll(() => env.close())

const HOUSEHOLD = 'h-xf-006'
const imported = [
  {
    name: '郑国庆',
    relation: '户主',
    partyMember: false,
    gender: '男',
    birthYear: 1968,
    idLast4: '1234',
    phoneMasked: '138****5678'
  },
  {
    name: '郑小红',
    relation: '女',
    partyMember: false,
    gender: '女',
    birthYear: 1995,
    idLast4: '004X',
    phoneMasked: ''
  }
]

test('saving the household form keeps what the register brought for the members it still names', async () => {
  await env.db
    .collection('households')
    .doc(HOUSEHOLD)
    .update({ data: { head: '郑国庆', members: env.db.command.set(imported) } })
  const h = (await env.db.collection('households').doc(HOUSEHOLD).get()).data
  ok(
    await env.call('demo-cadre', 'household.save', {
      requestId: rid(),
      householdId: HOUSEHOLD,
      doorPlate: h.doorPlate,
      head: '郑国庆',
      groupId: h.groupId,
      gridId: h.gridId,
      members: [
        { name: '郑国庆', relation: '户主', partyMember: true },
        { name: '郑小红', relation: '子女', partyMember: false },
        { name: '郑小军', relation: '子女', partyMember: false }
      ]
    })
  )
  const members = (await env.db.collection('households').doc(HOUSEHOLD).get()).data.members
  expect(members).toEqual([
    { ...imported[0], partyMember: true },
    { ...imported[1], relation: '子女' },
    { name: '郑小军', relation: '子女', partyMember: false }
  ])
})
