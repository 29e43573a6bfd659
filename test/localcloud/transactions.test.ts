import { withLocalCloud } from '../helpers/local-cloud'

let env: Awaited<ReturnType<typeof withLocalCloud>>
let db: any
let _: any

beforeAll(async () => {
  env = await withLocalCloud()
  db = env.db
  _ = db.command
  await db.createCollection('counters')
})
afterAll(() => env.lc.close())

const value = async (id: string) => (await db.collection('counters').doc(id).get()).data.n

test('_.inc is atomic under 200 concurrent updates', async () => {
  await db
    .collection('counters')
    .doc('inc')
    .set({ data: { n: 0 } })
  await Promise.all(
    Array.from({ length: 200 }, () =>
      db
        .collection('counters')
        .doc('inc')
        .update({ data: { n: _.inc(1) } })
    )
  )
  expect(await value('inc')).toBe(200)
})

test('runTransaction commits all or nothing', async () => {
  await db
    .collection('counters')
    .doc('a')
    .set({ data: { n: 10 } })
  await db
    .collection('counters')
    .doc('b')
    .set({ data: { n: 0 } })
  await expect(
    db.runTransaction(async (t: any) => {
      await t
        .collection('counters')
        .doc('a')
        .update({ data: { n: _.inc(-5) } })
      await t
        .collection('counters')
        .doc('b')
        .update({ data: { n: _.inc(5) } })
      throw new Error('changed my mind')
    })
  ).rejects.toThrow('changed my mind')
  expect([await value('a'), await value('b')]).toEqual([10, 0])

  await db.runTransaction(async (t: any) => {
    await t
      .collection('counters')
      .doc('a')
      .update({ data: { n: _.inc(-5) } })
    await t
      .collection('counters')
      .doc('b')
      .update({ data: { n: _.inc(5) } })
    await t.collection('counters').add({ data: { _id: 'c', n: 1 } })
  })
  expect([await value('a'), await value('b'), await value('c')]).toEqual([5, 5, 1])
})

test('a transaction reads its own writes and its snapshot', async () => {
  await db
    .collection('counters')
    .doc('own')
    .set({ data: { n: 1 } })
  const seen = await db.runTransaction(async (t: any) => {
    await t
      .collection('counters')
      .doc('own')
      .update({ data: { n: _.inc(1) } })
    return (await t.collection('counters').doc('own').get()).data.n
  })
  expect(seen).toBe(2)
  // wx-server-sdk turns a missing document into a rejection, inside a transaction as outside
  await expect(db.runTransaction(async (t: any) => t.collection('counters').doc('nobody').get())).rejects.toMatchObject(
    {
      errMsg: expect.stringContaining('does not exist')
    }
  )
})

test('30 concurrent read-modify-write transactions on one document lose no update', async () => {
  await db
    .collection('counters')
    .doc('rmw')
    .set({ data: { n: 0 } })
  const increment = () =>
    db.runTransaction(async (t: any) => {
      const { data } = await t.collection('counters').doc('rmw').get()
      await t
        .collection('counters')
        .doc('rmw')
        .update({ data: { n: data.n + 1 } })
    })
  const outcomes = await Promise.allSettled(Array.from({ length: 30 }, increment))
  const committed = outcomes.filter(o => o.status === 'fulfilled').length
  const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
  // As in the cloud, runTransaction retries a conflict 3 more times and then gives up; every
  // failure is a conflict and every committed increment is in the document.
  for (const f of failures) expect(f.reason.code ?? f.reason.errCode).toBe('DATABASE_TRANSACTION_CONFLICT')
  expect(committed).toBeGreaterThan(0)
  expect(await value('rmw')).toBe(committed)
})

test('a write outside a transaction makes the transaction conflict rather than be lost', async () => {
  await db
    .collection('counters')
    .doc('race')
    .set({ data: { n: 0 } })
  let attempts = 0
  await db.runTransaction(async (t: any) => {
    attempts++
    const { data } = await t.collection('counters').doc('race').get()
    if (attempts === 1)
      await db
        .collection('counters')
        .doc('race')
        .update({ data: { n: _.inc(100) } })
    await t
      .collection('counters')
      .doc('race')
      .update({ data: { n: data.n + 1 } })
  })
  expect(attempts).toBe(2)
  expect(await value('race')).toBe(101)
})

test('a where query inside a transaction is refused as in the cloud', async () => {
  // Only get() carries the transaction id; the SDK sends a where-update or -count inside the callback
  // as an ordinary request outside the transaction, so the server cannot tell (docs/local-cloud.md:
  // what it does not emulate).
  await expect(
    db.runTransaction(async (t: any) => t.collection('counters').where({ n: 1 }).get())
  ).rejects.toMatchObject({
    errCode: -502002
  })
})
