import { withLocalCloud } from '../helpers/local-cloud'

// The local cloud's database, exercised only through the real wx-server-sdk.
let env: Awaited<ReturnType<typeof withLocalCloud>>
let db: any
let _: any

beforeAll(async () => {
  env = await withLocalCloud({ indexes: { people: [{ name: 'village_points', keys: { village: 1, points: -1 } }] } })
  db = env.db
  _ = db.command
  await db.createCollection('people')
  await db.collection('people').add({
    data: [
      { _id: 'p1', name: '张三', village: 'v1', points: 10, tags: ['a'], home: { town: 't1', no: 3 } },
      { _id: 'p2', name: '李四', village: 'v1', points: 30, tags: ['b'], home: { town: 't1', no: 7 } },
      { _id: 'p3', name: '王五', village: 'v2', points: 20, home: { town: 't2', no: 1 } },
      { _id: 'p4', name: '赵六', village: 'v1', points: 30, tags: ['a', 'b'], home: { town: 't2', no: 9 } }
    ]
  })
})
afterAll(() => env.lc.close())

const ids = (res: { data: { _id: string }[] }) => res.data.map(d => d._id).sort()

describe('where with command operators', () => {
  test.each([
    ['eq', () => ({ points: _.eq(30) }), ['p2', 'p4']],
    ['neq', () => ({ village: _.neq('v1') }), ['p3']],
    ['gt', () => ({ points: _.gt(20) }), ['p2', 'p4']],
    ['gte', () => ({ points: _.gte(20) }), ['p2', 'p3', 'p4']],
    ['lt', () => ({ points: _.lt(20) }), ['p1']],
    ['lte', () => ({ points: _.lte(20) }), ['p1', 'p3']],
    ['in', () => ({ name: _.in(['张三', '王五']) }), ['p1', 'p3']],
    ['nin', () => ({ village: _.nin(['v1']) }), ['p3']],
    ['and', () => ({ points: _.gt(10).and(_.lt(30)) }), ['p3']],
    ['or', () => _.or([{ points: 10 }, { village: 'v2' }]), ['p1', 'p3']],
    ['exists', () => ({ tags: _.exists(false) }), ['p3']],
    ['nested field', () => ({ 'home.town': 't2' }), ['p3', 'p4']],
    ['nested object', () => ({ home: { no: _.gt(5) } }), ['p2', 'p4']],
    ['array element', () => ({ tags: 'a' }), ['p1', 'p4']],
    ['indexed and unindexed together', () => ({ village: 'v1', name: '李四' }), ['p2']],
    ['db.RegExp on an indexed field', () => ({ village: db.RegExp({ regexp: '^V2$', options: 'i' }) }), ['p3']],
    [
      'db.RegExp in an or',
      () => ({ village: 'v1', name: _.or(db.RegExp({ regexp: '张' }), db.RegExp({ regexp: '赵' })) }),
      ['p1', 'p4']
    ]
  ])('%s', async (_name, query, expected) => {
    expect(ids(await db.collection('people').where(query()).get())).toEqual(expected)
  })
})

test('orderBy on two fields, skip, limit, projection and count', async () => {
  const res = await db
    .collection('people')
    .where({ village: 'v1' })
    .orderBy('points', 'desc')
    .orderBy('name', 'asc')
    .skip(1)
    .limit(2)
    .field({ name: true, points: true })
    .get()
  expect(res.data).toEqual([
    { _id: 'p4', name: '赵六', points: 30 },
    { _id: 'p1', name: '张三', points: 10 }
  ])
  expect((await db.collection('people').where({ village: 'v1' }).count()).total).toBe(3)
  expect((await db.collection('people').where({ tags: 'b' }).count()).total).toBe(2)
})

test('reads return 100 documents by default and at most 1,000', async () => {
  await db.createCollection('many')
  const docs = Array.from({ length: 1200 }, (_v, i) => ({ _id: `m${String(i).padStart(4, '0')}`, i }))
  for (let i = 0; i < docs.length; i += 400) await db.collection('many').add({ data: docs.slice(i, i + 400) })
  expect((await db.collection('many').get()).data).toHaveLength(100)
  expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000)
  expect((await db.collection('many').count()).total).toBe(1200)
})

test('a collection must exist before it is written', async () => {
  await expect(db.collection('nowhere').add({ data: { a: 1 } })).rejects.toMatchObject({ errCode: -502005 })
  await expect(db.createCollection('people')).rejects.toMatchObject({ errMsg: expect.stringContaining('exist') })
})

test('add with an existing _id is refused and changes nothing', async () => {
  await expect(db.collection('people').add({ data: { _id: 'p1', name: 'x' } })).rejects.toMatchObject({
    errCode: -502001,
    errMsg: expect.stringContaining('duplicate key')
  })
  expect((await db.collection('people').doc('p1').get()).data.name).toBe('张三')
})

describe('updates', () => {
  beforeEach(async () => {
    await db
      .collection('people')
      .doc('u1')
      .set({ data: { name: 'u', points: 1, list: [1], home: { town: 't1', no: 1 } } })
  })
  const read = async () => (await db.collection('people').doc('u1').get()).data

  test('update merges; set replaces', async () => {
    await db
      .collection('people')
      .doc('u1')
      .update({ data: { home: { no: 2 }, extra: true } })
    expect(await read()).toMatchObject({ name: 'u', home: { town: 't1', no: 2 }, extra: true })
    await db
      .collection('people')
      .doc('u1')
      .set({ data: { name: 'only' } })
    expect(await read()).toEqual({ _id: 'u1', name: 'only' })
  })

  test('inc, remove, push and set of a nested object', async () => {
    await db
      .collection('people')
      .doc('u1')
      .update({
        data: { points: _.inc(4), name: _.remove(), list: _.push([2, 3]), home: _.set({ town: 't9' }) }
      })
    expect(await read()).toEqual({ _id: 'u1', points: 5, list: [1, 2, 3], home: { town: 't9' } })
  })

  test('multi-document update and remove report their counts', async () => {
    await db.createCollection('batch')
    await db.collection('batch').add({ data: [{ g: 1 }, { g: 1 }, { g: 2 }] })
    expect(
      (
        await db
          .collection('batch')
          .where({ g: 1 })
          .update({ data: { seen: true } })
      ).stats.updated
    ).toBe(2)
    expect((await db.collection('batch').where({ seen: true }).remove()).stats.removed).toBe(2)
    expect((await db.collection('batch').count()).total).toBe(1)
  })
})

test('aggregate: $match, $group, $sort, $skip, $limit, $project, $count', async () => {
  const $ = db.command.aggregate
  const res = await db
    .collection('people')
    .aggregate()
    .match({ points: _.gte(10) })
    .group({ _id: '$village', total: $.sum('$points'), n: $.sum(1) })
    .sort({ total: -1 })
    .skip(0)
    .limit(10)
    .project({ _id: 1, total: 1 })
    .end()
  expect(res.list).toEqual([
    { _id: 'v1', total: 70 },
    { _id: 'v2', total: 20 }
  ])
  const counted = await db.collection('people').aggregate().match({ village: 'v1' }).count('n').end()
  expect(counted.list).toEqual([{ n: 3 }])
})

test('indexed predicates and sorts are served by the SQLite index', () => {
  const plan = env.lc.store.explain('people', {
    where: `json_extract(doc, '$."village"') = ?`,
    params: ['v1'],
    orderBy: `json_extract(doc, '$."village"') ASC, json_extract(doc, '$."points"') DESC`
  })
  expect(plan.join(' ')).toContain('USING INDEX ix_people_village_points')
})
