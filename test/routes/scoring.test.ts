import { productCloud } from '../helpers/product-cloud'
import { entriesOf, expectLedgerConsistent, household, rid } from '../helpers/ledger'

jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => {
  env = await productCloud()
})
afterAll(() => env.close())

const ok = <T = any>(reply: any): T => {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}

/** A rule without a cap, made by the cadre, so that concurrency tests are not cut short by caps. */
async function uncappedRule(openid = 'demo-cadre') {
  const rule = ok(
    await env.call(openid, 'rules.save', {
      requestId: rid('rule'),
      terms: {
        category: '公益参与',
        title: '测试：出工一次',
        points: { min: 1, max: 10 },
        cap: null,
        evidenceRequired: false,
        proposers: ['cadre']
      }
    })
  )
  return rule.id as string
}

test('the ledger of the seeded demo is consistent', async () => {
  await expectLedgerConsistent(env.db)
})

test('a cadre awards a household; the villager sees the new balance, entry and rank', async () => {
  const before = ok(await env.call('demo-villager', 'archive.home'))
  const award = ok(
    await env.call('demo-cadre', 'score.award', {
      requestId: rid(),
      householdId: 'h-xf-012',
      ruleId: 'r-xf-civility',
      points: 20,
      note: '儿子婚事简办'
    })
  )
  expect(award.balance).toBe(before.card.balance + 20)
  expect(award.entry).toMatchObject({
    points: 20,
    kind: 'award',
    title: '红白喜事简办、不大操大办',
    category: '乡风文明',
    byName: '张德明',
    note: '儿子婚事简办'
  })

  const after = ok(await env.call('demo-villager', 'archive.home'))
  expect(after.card.balance).toBe(before.card.balance + 20)
  expect(after.card.monthPoints).toBe(before.card.monthPoints + 20)
  expect(after.latest[0].id).toBe(award.entry.id)
  const village = (await env.db.collection('households').where({ villageId: 'v-xinfeng' }).limit(100).get()).data
  expect(after.card.rankInVillage).toBe(village.filter((h: any) => h.earned > after.card.earned).length + 1)
  const history = ok(await env.call('demo-villager', 'archive.history', { period: '2026-11' }))
  expect(history.entries[0]).toMatchObject({ id: award.entry.id, points: 20 })
  await expectLedgerConsistent(env.db)
})

test('a deduction needs evidence, and a deduction rule takes points away', async () => {
  const input = { requestId: rid(), householdId: 'h-xf-003', ruleId: 'r-xf-mess', points: -5, note: '门口堆放杂物' }
  expect(await env.call('demo-cadre', 'score.award', input)).toMatchObject({ ok: false, code: 'EVIDENCE_REQUIRED' })
  const before = await household(env.db, 'h-xf-003')
  const done = ok(
    await env.call('demo-cadre', 'score.award', {
      ...input,
      evidence: ['cloud://local-env.local-bucket/evidence/mess.jpg']
    })
  )
  expect(done.entry).toMatchObject({
    kind: 'deduction',
    points: -5,
    evidence: ['cloud://local-env.local-bucket/evidence/mess.jpg']
  })
  expect((await household(env.db, 'h-xf-003')).balance).toBe(before.balance - 5)
})

test('a cap per household per month is never exceeded', async () => {
  // 孝老爱亲: 10 points, at most 10 a month
  const id = 'h-xf-020'
  const used = (await household(env.db, id)).caps['r-xf-filial']
  const first = await env.call('demo-cadre', 'score.award', {
    requestId: rid(),
    householdId: id,
    ruleId: 'r-xf-filial',
    points: 10
  })
  if (used?.period === '2026-11' && used.used >= 10) expect(first).toMatchObject({ ok: false, code: 'CAP_REACHED' })
  else expect(first.ok).toBe(true)
  const before = await household(env.db, id)
  expect(
    await env.call('demo-cadre', 'score.award', {
      requestId: rid(),
      householdId: id,
      ruleId: 'r-xf-filial',
      points: 10
    })
  ).toMatchObject({
    ok: false,
    code: 'CAP_REACHED',
    message: '这一项在本期已经到了封顶分，不能再加'
  })
  expect(await household(env.db, id)).toEqual(before)
  await expectLedgerConsistent(env.db)
})

test('a retried award (same request id) is written once, sequentially and concurrently', async () => {
  const requestId = rid('retry')
  const input = { requestId, householdId: 'h-xf-004', ruleId: 'r-xf-volunteer', points: 5 }
  const before = await entriesOf(env.db, 'h-xf-004')
  const replies = await Promise.all([
    env.call('demo-cadre', 'score.award', input),
    env.call('demo-cadre', 'score.award', input)
  ])
  const again = await env.call('demo-cadre', 'score.award', input)
  const ids = [...replies, again].map(r => ok(r).entry.id)
  expect(new Set(ids).size).toBe(1)
  expect((await entriesOf(env.db, 'h-xf-004')).length).toBe(before.length + 1)
  await expectLedgerConsistent(env.db)
})

test('an award under a request id already used, with other points or note, is refused and writes nothing', async () => {
  const input = { requestId: rid('reused'), householdId: 'h-xf-004', ruleId: 'r-xf-volunteer', points: 5 }
  ok(await env.call('demo-cadre', 'score.award', input))
  const before = await entriesOf(env.db, 'h-xf-004')
  for (const changed of [{ points: 4 }, { note: '另一件事' }, { evidence: ['cloud://evidence/other.jpg'] }]) {
    const reply = await env.call('demo-cadre', 'score.award', { ...input, ...changed })
    expect(reply).toMatchObject({
      ok: false,
      code: 'REQUEST_REUSED',
      message: expect.stringMatching(/[\u4e00-\u9fa5]/)
    })
  }
  expect(await entriesOf(env.db, 'h-xf-004')).toEqual(before)
  // the request itself, sent again, still answers its first result
  expect(ok(await env.call('demo-cadre', 'score.award', input)).entry.points).toBe(5)
})

test('the ledger itself makes a retry idempotent, even without the stored reply', async () => {
  // a function that died after the commit but before the router stored the reply: the retry meets
  // the entry id derived from the request and writes nothing
  const requestId = rid('crash')
  const input = { requestId, householdId: 'h-xf-005', ruleId: 'r-xf-volunteer', points: 5 }
  const first = ok(await env.call('demo-cadre', 'score.award', input))
  await env.db.collection('requests').doc(`demo-cadre:score.award:${requestId}`).remove()
  const second = ok(await env.call('demo-cadre', 'score.award', input))
  expect(second.entry.id).toBe(first.entry.id)
  expect((await entriesOf(env.db, 'h-xf-005')).filter(e => e._id === first.entry.id)).toHaveLength(1)
})

test('a retry of an award whose rule was retired since answers the first result and writes nothing', async () => {
  // the rule is checked beside the ledger's transaction: a retry meets its entry before any refusal
  const ruleId = await uncappedRule()
  const input = { requestId: rid('retired'), householdId: 'h-xf-007', ruleId, points: 3 }
  const first = ok(await env.call('demo-cadre', 'score.award', input))
  ok(await env.call('demo-cadre', 'rules.retire', { requestId: rid(), ruleId }))
  const again = ok(await env.call('demo-cadre', 'score.award', input))
  expect(again).toEqual(first)
  expect((await entriesOf(env.db, 'h-xf-007')).filter(e => e._id === first.entry.id)).toHaveLength(1)
  // a new request by the retired rule is refused, and writes nothing
  const before = await entriesOf(env.db, 'h-xf-007')
  const refused = await env.call('demo-cadre', 'score.award', { ...input, requestId: rid('retired') })
  expect(refused).toMatchObject({ ok: false, code: 'RULE_RETIRED' })
  expect(await entriesOf(env.db, 'h-xf-007')).toHaveLength(before.length)
})

test('a cadre cannot score a household of another village, and nothing changes', async () => {
  const before = await household(env.db, 'h-xf-006')
  const reply = await env.call('demo-cadre-jq', 'score.award', {
    requestId: rid(),
    householdId: 'h-xf-006',
    ruleId: 'r-jq-volunteer',
    points: 5
  })
  expect(reply).toMatchObject({ ok: false, code: 'OTHER_VILLAGE' })
  // nor by a rule of another village
  expect(
    await env.call('demo-cadre-jq', 'score.award', {
      requestId: rid(),
      householdId: 'h-jq-001',
      ruleId: 'r-xf-volunteer',
      points: 5
    })
  ).toMatchObject({
    ok: false,
    code: 'OTHER_VILLAGE'
  })
  expect(await household(env.db, 'h-xf-006')).toEqual(before)
})

test('50 concurrent awards to one household: all land, balance equals the sum of entries', async () => {
  const ruleId = await uncappedRule()
  const before = await household(env.db, 'h-xf-007')
  const replies = await Promise.all(
    Array.from({ length: 50 }, () =>
      env.call('demo-cadre', 'score.award', { requestId: rid('c50'), householdId: 'h-xf-007', ruleId, points: 2 })
    )
  )
  expect(replies.filter(r => !r.ok)).toEqual([])
  expect((await household(env.db, 'h-xf-007')).balance).toBe(before.balance + 100)
  await expectLedgerConsistent(env.db)
})

test('50 concurrent awards against a cap: exactly the cap is given, the rest are refused as capped', async () => {
  const id = 'h-xf-008'
  const used = (await household(env.db, id)).caps['r-xf-volunteer']
  const room = 30 - (used?.period === '2026-11' ? used.used : 0)
  const replies = await Promise.all(
    Array.from({ length: 50 }, () =>
      env.call('demo-cadre', 'score.award', {
        requestId: rid('cap50'),
        householdId: id,
        ruleId: 'r-xf-volunteer',
        points: 5
      })
    )
  )
  expect(replies.filter(r => r.ok)).toHaveLength(Math.floor(room / 5))
  expect(replies.filter(r => !r.ok).every(r => r.code === 'CAP_REACHED')).toBe(true)
  expect((await household(env.db, id)).caps['r-xf-volunteer']).toEqual({ period: '2026-11', used: 30 - (room % 5) })
  await expectLedgerConsistent(env.db)
})

test('batch scoring gives a per-household result: applied, capped, refused and why', async () => {
  const householdIds = ['h-xf-009', 'h-xf-010', 'h-jq-001', 'h-nobody']
  // fill h-xf-010's monthly 孝老爱亲 cap first
  await env.call('demo-cadre', 'score.award', {
    requestId: rid(),
    householdId: 'h-xf-010',
    ruleId: 'r-xf-filial',
    points: 10
  })
  const batch = ok(
    await env.call('demo-cadre', 'score.batch', {
      requestId: rid(),
      householdIds: ['h-xf-011', ...householdIds],
      ruleId: 'r-xf-filial',
      points: 10
    })
  )
  const byId = Object.fromEntries(batch.lines.map((l: any) => [l.householdId, l]))
  expect(byId['h-xf-010']).toMatchObject({ status: 'capped', code: 'CAP_REACHED' })
  expect(byId['h-jq-001']).toMatchObject({ status: 'refused', code: 'OTHER_VILLAGE', message: '只能办理本村的事' })
  expect(byId['h-nobody']).toMatchObject({ status: 'refused', code: 'NOT_FOUND' })
  expect(batch.applied + batch.capped + batch.refused).toBe(5)
  expect(batch.refused).toBe(2)
  await expectLedgerConsistent(env.db)
})

test('a batch takes at most 200 households', async () => {
  const householdIds = Array.from({ length: 201 }, (_, i) => `h-xf-${i}`)
  expect(
    await env.call('demo-cadre', 'score.batch', { requestId: rid(), householdIds, ruleId: 'r-xf-filial', points: 10 })
  ).toMatchObject({
    ok: false,
    code: 'INVALID_INPUT'
  })
})

test('50 concurrent batches over overlapping households: every balance equals the sum of its entries', async () => {
  const ruleId = await uncappedRule()
  const ids = Array.from({ length: 24 }, (_, i) => `h-xf-${String(i + 1).padStart(3, '0')}`)
  const before = new Map(await Promise.all(ids.map(async id => [id, (await household(env.db, id)).balance] as const)))
  // batch k covers 8 households starting at k mod 24: each household is in several batches
  const windows = Array.from({ length: 50 }, (_, k) => Array.from({ length: 8 }, (_, j) => ids[(k + j) % 24]))
  const replies = await Promise.all(
    windows.map(w =>
      env.call('demo-cadre', 'score.batch', { requestId: rid('b50'), householdIds: w, ruleId, points: 1 })
    )
  )
  const lines = replies.flatMap(r => ok(r).lines)
  expect(lines.filter((l: any) => l.status !== 'applied')).toEqual([])
  for (const id of ids) {
    const covering = windows.filter(w => w.includes(id)).length
    expect((await household(env.db, id)).balance).toBe(before.get(id)! + covering)
  }
  await expectLedgerConsistent(env.db)
})

test('a correction is a new entry that references the one it corrects; an entry is corrected once', async () => {
  const award = ok(
    await env.call('demo-cadre', 'score.award', {
      requestId: rid(),
      householdId: 'h-xf-013',
      ruleId: 'r-xf-safety',
      points: 15
    })
  )
  const balance = award.balance
  const fix = ok(
    await env.call('demo-cadre', 'score.correct', {
      requestId: rid(),
      entryId: award.entry.id,
      points: 5,
      reason: '只参加了一次巡逻'
    })
  )
  expect(fix.entry).toMatchObject({
    kind: 'correction',
    points: -10,
    correctsId: award.entry.id,
    note: '只参加了一次巡逻'
  })
  expect(fix.balance).toBe(balance - 10)
  // the original is untouched
  expect((await env.db.collection('entries').doc(award.entry.id).get()).data.points).toBe(15)
  expect(
    await env.call('demo-cadre', 'score.correct', {
      requestId: rid(),
      entryId: award.entry.id,
      points: 10,
      reason: '再改一次'
    })
  ).toMatchObject({
    ok: false,
    code: 'ALREADY_CORRECTED'
  })
  expect(
    await env.call('demo-cadre', 'score.correct', {
      requestId: rid(),
      entryId: fix.entry.id,
      points: 0,
      reason: '更正的更正'
    })
  ).toMatchObject({
    ok: false,
    code: 'NOT_CORRECTABLE'
  })
  expect(
    await env.call('demo-cadre-jq', 'score.correct', {
      requestId: rid(),
      entryId: award.entry.id,
      points: 0,
      reason: '别村'
    })
  ).toMatchObject({
    ok: false,
    code: 'OTHER_VILLAGE'
  })
  await expectLedgerConsistent(env.db)
})

test('editing a rule never changes history: entries keep the snapshot they were scored by', async () => {
  const ruleId = await uncappedRule()
  const scored = ok(
    await env.call('demo-cadre', 'score.award', { requestId: rid(), householdId: 'h-xf-014', ruleId, points: 3 })
  )
  const edited = ok(
    await env.call('demo-cadre', 'rules.save', {
      requestId: rid(),
      ruleId,
      terms: {
        category: '公益参与',
        title: '测试：出工一天',
        points: { min: 5, max: 5 },
        cap: null,
        evidenceRequired: false,
        proposers: ['cadre']
      }
    })
  )
  expect(edited.version).toBe(2)
  const entry = (await env.db.collection('entries').doc(scored.entry.id).get()).data
  expect(entry.rule).toMatchObject({ title: '测试：出工一次', version: 1, points: { min: 1, max: 10 } })
  ok(await env.call('demo-cadre', 'rules.retire', { requestId: rid(), ruleId }))
  expect(
    await env.call('demo-cadre', 'score.award', { requestId: rid(), householdId: 'h-xf-014', ruleId, points: 5 })
  ).toMatchObject({ ok: false, code: 'RULE_RETIRED' })
  expect(ok(await env.call('demo-villager', 'archive.rules')).rules.map((r: any) => r.id)).not.toContain(ruleId)
})
