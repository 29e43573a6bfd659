import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'

jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => (env = await productCloud()))
afterAll(() => env.close())

const registration = (doorPlate: string) => ({
  requestId: rid('plate'),
  doorPlate,
  head: '何春花',
  groupId: 'grp-xf-3',
  gridId: 'g-xf-2',
  members: [{ name: '何春花', relation: '户主', partyMember: false }]
})

test('eight concurrent registrations of one door plate make one household', async () => {
  // written differently but one plate: spaces and full-width digits do not make a second
  const plates = ['3组88号', '3组 88号', '３组88号', '3组88号', '3组88号 ', '3组８８号', '3组88号', '3组88号']
  const replies = await Promise.all(plates.map(p => env.call('demo-cadre', 'household.save', registration(p))))
  const created = replies.filter(r => r.ok)
  expect(created).toHaveLength(1)
  expect(replies.filter(r => !r.ok).map(r => (r as { code: string }).code)).toEqual(Array(7).fill('DOOR_PLATE_TAKEN'))
  const keys = await env.db.collection('doorPlates').where({ villageId: 'v-xinfeng' }).limit(1000).get()
  const forPlate = keys.data.filter((k: any) => k.householdId === (created[0] as any).data.householdId)
  expect(forPlate).toHaveLength(1)
  const all = await env.db.collection('households').where({ villageId: 'v-xinfeng', head: '何春花' }).count()
  expect(all.total).toBe(1)
})

test('a household that changes its plate gives the old one up and cannot take a plate another holds', async () => {
  const first = await env.call('demo-cadre', 'household.save', registration('3组90号'))
  if (!first.ok) throw new Error(first.message)
  const id = (first.data as { householdId: string }).householdId
  const move = { ...registration('3组91号'), householdId: id }
  expect(await env.call('demo-cadre', 'household.save', move)).toMatchObject({ ok: true })
  // the old plate is free again, the new one is taken
  expect(await env.call('demo-cadre', 'household.save', registration('3组90号'))).toMatchObject({ ok: true })
  expect(await env.call('demo-cadre', 'household.save', registration('3组91号'))).toMatchObject({
    ok: false,
    code: 'DOOR_PLATE_TAKEN'
  })
  // a seeded household's plate is held by its key document too
  expect(await env.call('demo-cadre', 'household.save', { ...registration('2组12号'), householdId: id })).toMatchObject(
    { ok: false, code: 'DOOR_PLATE_TAKEN' }
  )
})
