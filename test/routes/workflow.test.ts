import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, household, rid } from '../helpers/ledger'
import { runScheduledTasks } from '../../cloudfunctions/timer/tasks'

jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
const NOW = Date.UTC(2026, 10, 27, 4, 0)
const DAY = 86_400_000
/** a rule without a cap, so that a household's earlier points never refuse a test's award */
let freeRule = ''

beforeAll(async () => {
  env = await productCloud(NOW)
  // a role goes only to someone who has opened the app
  await env.call('cadre-two', 'me.session', {})
  // a second cadre of 新丰村, for two reviewers pressing at once
  ok(
    await env.call('demo-town', 'roles.grant', {
      requestId: rid(),
      openid: 'cadre-two',
      name: '钱二',
      role: 'cadre',
      placeIds: ['v-xinfeng']
    })
  )
  freeRule = ok(
    await env.call('demo-cadre', 'rules.save', {
      requestId: rid(),
      terms: {
        category: '公益参与',
        title: '出义务工（每次）',
        points: { min: 5, max: 10 },
        cap: null,
        evidenceRequired: false,
        proposers: ['cadre', 'gridWorker', 'villager']
      }
    })
  ).id
})
afterAll(() => env.close())

function ok<T = any>(reply: any): T {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}
const count = async (collection: string, where: object) =>
  (await env.db.collection(collection).where(where).count()).total

test('a grid worker logs a visit and proposes points; they count nowhere until a cadre approves', async () => {
  const log = ok(
    await env.call('demo-grid', 'grid.createLog', {
      requestId: rid(),
      type: 'visit',
      at: NOW - 3600_000,
      place: '2组院坝',
      householdIds: ['h-xf-002', 'h-xf-003'],
      note: '走访两户，院坝干净'
    })
  )
  expect(log.households.map((h: any) => h.id)).toEqual(['h-xf-002', 'h-xf-003'])
  expect(ok(await env.call('demo-grid', 'grid.logs', { type: 'visit' })).logs[0].id).toBe(log.id)

  const before = await household(env.db, 'h-xf-002')
  const proposed = ok(
    await env.call('demo-grid', 'grid.propose', {
      requestId: rid(),
      logId: log.id,
      householdIds: ['h-xf-002', 'h-xf-003'],
      ruleId: 'r-xf-safety',
      points: 5,
      description: '参加夜间巡逻'
    })
  )
  expect(proposed.items.map((p: any) => p.state)).toEqual(['pending', 'pending'])
  expect(await household(env.db, 'h-xf-002')).toEqual(before)

  const queue = ok(await env.call('demo-cadre', 'review.queue', {}))
  const item = queue.items.find((p: any) => p.householdId === 'h-xf-002' && p.kind === 'proposal')
  expect(item).toMatchObject({
    ruleTitle: '参加巡逻、报告安全隐患',
    points: 5,
    byName: '刘芳',
    range: { min: 5, max: 15 }
  })

  const approved = ok(
    await env.call('demo-cadre', 'review.approve', { requestId: rid(), pendingId: item.id, points: 10 })
  )
  expect(approved.item).toMatchObject({ state: 'approved', approvedPoints: 10 })
  expect((await household(env.db, 'h-xf-002')).balance).toBe(before.balance + 10)
  const mine = ok(await env.call('demo-grid', 'pending.mine', {}))
  expect(mine.items.find((p: any) => p.id === item.id)).toMatchObject({ state: 'approved', resolvedByName: '张德明' })
  // posted for the village to see, and audited
  const posting = ok(await env.call('demo-villager', 'posting.list', {}))
  expect(posting.items.find((p: any) => p.entryId === approved.entry.id)).toMatchObject({
    state: 'posted',
    points: 10,
    doorPlate: '1组2号',
    until: NOW + 7 * DAY
  })
  const audit = ok(await env.call('demo-cadre', 'audit.list', {}))
  expect(audit.items.find((a: any) => a.action === 'review.approve')).toMatchObject({
    actorName: '张德明',
    label: '审核通过',
    after: { state: 'approved', points: 10 }
  })
  await expectLedgerConsistent(env.db)
})

test('a grid worker proposes only for households of their grids, and only by rules open to grid workers', async () => {
  // h-xf-020 is in 3组, the second grid … which 刘芳 also works; 金桥村's households are not hers
  expect(
    await env.call('demo-grid', 'grid.propose', {
      requestId: rid(),
      householdIds: ['h-jq-001'],
      ruleId: 'r-xf-safety',
      points: 5,
      description: '巡逻'
    })
  ).toMatchObject({ ok: false, code: 'NOT_YOUR_GRID' })
  const rule = ok(
    await env.call('demo-cadre', 'rules.save', {
      requestId: rid(),
      terms: {
        category: '乡风文明',
        title: '只由村干部评定',
        points: { min: 5, max: 5 },
        cap: null,
        evidenceRequired: false,
        proposers: ['cadre']
      }
    })
  )
  expect(
    await env.call('demo-grid', 'grid.propose', {
      requestId: rid(),
      householdIds: ['h-xf-002'],
      ruleId: rule.id,
      points: 5,
      description: '试试'
    })
  ).toMatchObject({ ok: false, code: 'RULE_NOT_ALLOWED' })
  expect(
    await env.call('demo-grid', 'grid.createLog', {
      requestId: rid(),
      type: 'patrol',
      at: NOW,
      householdIds: ['h-jq-002']
    })
  ).toMatchObject({ ok: false, code: 'NOT_YOUR_GRID' })
})

test('a villager claims for their own household; the proposer may withdraw while it is pending', async () => {
  expect(
    await env.call('demo-villager', 'claim.create', {
      requestId: rid(),
      ruleId: 'r-xf-mess',
      points: -5,
      description: '自己报'
    })
  ).toMatchObject({ ok: false, code: 'RULE_NOT_ALLOWED' })
  const claim = ok(
    await env.call('demo-villager', 'claim.create', {
      requestId: rid(),
      ruleId: 'r-xf-volunteer',
      points: 5,
      description: '参加了河道清理'
    })
  )
  expect(claim).toMatchObject({ kind: 'claim', state: 'pending', householdId: 'h-xf-012', byName: '王秀英' })
  expect(
    await env.call('demo-villager-2', 'pending.withdraw', { requestId: rid(), pendingId: claim.id })
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(ok(await env.call('demo-villager', 'pending.withdraw', { requestId: rid(), pendingId: claim.id })).state).toBe(
    'withdrawn'
  )
  // every move out of withdrawn is refused with one code
  for (const [who, route, extra] of [
    ['demo-villager', 'pending.withdraw', {}],
    ['demo-cadre', 'review.approve', {}],
    ['demo-cadre', 'review.reject', { reason: '不符合' }]
  ] as const) {
    expect(await env.call(who, route, { requestId: rid(), pendingId: claim.id, ...extra })).toMatchObject({
      ok: false,
      code: 'STATE_CHANGED'
    })
  }
})

test('a rejection carries its reason to the proposer; a rejected claim cannot be approved', async () => {
  const claim = ok(
    await env.call('demo-villager-2', 'claim.create', {
      requestId: rid(),
      ruleId: 'r-xf-filial',
      points: 10,
      description: '照顾老人'
    })
  )
  ok(await env.call('demo-cadre', 'review.reject', { requestId: rid(), pendingId: claim.id, reason: '本月已经评过' }))
  expect(
    ok(await env.call('demo-villager-2', 'pending.mine', {})).items.find((p: any) => p.id === claim.id)
  ).toMatchObject({ state: 'rejected', reason: '本月已经评过' })
  expect(await env.call('demo-cadre', 'review.approve', { requestId: rid(), pendingId: claim.id })).toMatchObject({
    ok: false,
    code: 'STATE_CHANGED'
  })
  expect(
    await env.call('demo-cadre-jq', 'review.reject', { requestId: rid(), pendingId: claim.id, reason: '别村' })
  ).toMatchObject({ ok: false, code: 'OTHER_VILLAGE' })
})

test('two cadres approving one claim at the same moment: exactly one succeeds, the balance moves once', async () => {
  const claim = ok(
    await env.call('demo-villager-2', 'claim.create', {
      requestId: rid(),
      ruleId: freeRule,
      points: 5,
      description: '修路出工'
    })
  )
  const before = await household(env.db, 'h-xf-001')
  const replies = await Promise.all([
    env.call('demo-cadre', 'review.approve', { requestId: rid(), pendingId: claim.id }),
    env.call('cadre-two', 'review.approve', { requestId: rid(), pendingId: claim.id })
  ])
  expect(replies.filter(r => r.ok)).toHaveLength(1)
  expect(replies.find(r => !r.ok)).toMatchObject({ code: 'STATE_CHANGED' })
  expect((await household(env.db, 'h-xf-001')).balance).toBe(before.balance + 5)
  expect(await count('entries', { _id: `ap-${claim.id}` })).toBe(1)
  await expectLedgerConsistent(env.db)
})

test('a retried approval (same request id) answers again and writes nothing more', async () => {
  const claim = ok(
    await env.call('demo-villager-2', 'claim.create', {
      requestId: rid(),
      ruleId: freeRule,
      points: 5,
      description: '参加法治讲座'
    })
  )
  const requestId = rid()
  const first = ok(await env.call('demo-cadre', 'review.approve', { requestId, pendingId: claim.id }))
  const again = ok(await env.call('demo-cadre', 'review.approve', { requestId, pendingId: claim.id }))
  expect(again.entry.id).toBe(first.entry.id)
  await expectLedgerConsistent(env.db)
})

test('nobody reviews their own claim, even a villager who is also a cadre', async () => {
  ok(
    await env.call('demo-town', 'roles.grant', {
      requestId: rid(),
      openid: 'demo-villager',
      name: '王秀英',
      role: 'cadre',
      placeIds: ['v-xinfeng']
    })
  )
  const claim = ok(
    await env.call('demo-villager', 'claim.create', {
      requestId: rid(),
      ruleId: 'r-xf-civility',
      points: 10,
      description: '婚事简办'
    })
  )
  expect(await env.call('demo-villager', 'review.approve', { requestId: rid(), pendingId: claim.id })).toMatchObject({
    ok: false,
    code: 'SELF_REVIEW'
  })
  expect(
    await env.call('demo-villager', 'review.reject', { requestId: rid(), pendingId: claim.id, reason: '自己' })
  ).toMatchObject({ ok: false, code: 'SELF_REVIEW' })
  ok(await env.call('demo-town', 'roles.revoke', { requestId: rid(), openid: 'demo-villager', role: 'cadre' }))
})

test('an objection upheld corrects the entry by a new entry; the objector sees the reply', async () => {
  const award = ok(
    await env.call('demo-cadre', 'score.award', {
      requestId: rid(),
      householdId: 'h-xf-012',
      ruleId: freeRule,
      points: 10,
      note: '义务劳动'
    })
  )
  const balance = award.balance
  const objection = ok(
    await env.call('demo-villager-2', 'objection.create', {
      requestId: rid(),
      entryId: award.entry.id,
      reason: '那天她家没人去'
    })
  )
  expect(objection).toMatchObject({ state: 'open', doorPlate: '2组12号', points: 10 })
  expect(
    await env.call('demo-villager-2', 'objection.create', {
      requestId: rid(),
      entryId: award.entry.id,
      reason: '再说一次'
    })
  ).toMatchObject({ ok: false, code: 'ALREADY_OBJECTED' })
  const posted = async () =>
    ok(await env.call('demo-villager', 'posting.list', {})).items.find((p: any) => p.entryId === award.entry.id)
  expect(await posted()).toMatchObject({ state: 'objected', objections: 1 })

  expect(ok(await env.call('demo-cadre', 'objection.queue', {})).items.map((o: any) => o.id)).toContain(objection.id)
  ok(
    await env.call('demo-cadre', 'objection.resolve', {
      requestId: rid(),
      objectionId: objection.id,
      upheld: true,
      reply: '核实确实没参加，已更正',
      points: 0
    })
  )
  expect(await posted()).toMatchObject({ state: 'corrected', objections: 0 })
  expect((await household(env.db, 'h-xf-012')).balance).toBe(balance - 10)
  const fix = (await env.db.collection('entries').doc(`fix-${award.entry.id}`).get()).data
  expect(fix).toMatchObject({ kind: 'correction', points: -10, correctsId: award.entry.id })
  expect(
    ok(await env.call('demo-villager-2', 'objection.mine', {})).items.find((o: any) => o.id === objection.id)
  ).toMatchObject({ state: 'upheld', reply: '核实确实没参加，已更正' })
  expect(
    await env.call('demo-cadre', 'objection.resolve', {
      requestId: rid(),
      objectionId: objection.id,
      upheld: false,
      reply: '再处理'
    })
  ).toMatchObject({ ok: false, code: 'STATE_CHANGED' })
  await expectLedgerConsistent(env.db)
})

test('an objection dismissed leaves the entry standing, back in posting', async () => {
  const award = ok(
    await env.call('demo-cadre', 'score.award', {
      requestId: rid(),
      householdId: 'h-xf-005',
      ruleId: freeRule,
      points: 5
    })
  )
  const objection = ok(
    await env.call('demo-villager', 'objection.create', {
      requestId: rid(),
      entryId: award.entry.id,
      reason: '不清楚为什么加分'
    })
  )
  ok(
    await env.call('demo-cadre', 'objection.resolve', {
      requestId: rid(),
      objectionId: objection.id,
      upheld: false,
      reply: '参加了11月的法治讲座，有签到'
    })
  )
  const item = ok(await env.call('demo-villager', 'posting.list', {})).items.find(
    (p: any) => p.entryId === award.entry.id
  )
  expect(item).toMatchObject({ state: 'posted', objections: 0 })
})

test('objections only from villagers of the village, and only during posting', async () => {
  // a villager of 金桥村 joins with a join code, then tries to object in 新丰村
  const code = ok(
    await env.call('demo-cadre-jq', 'joinCode.issue', { requestId: rid(), householdId: 'h-jq-003', days: 7 })
  )
  ok(await env.call('jq-villager', 'join.bind', { requestId: rid(), code: code.code, name: '金桥人' }))
  const award = ok(
    await env.call('demo-cadre', 'score.award', {
      requestId: rid(),
      householdId: 'h-xf-006',
      ruleId: freeRule,
      points: 5
    })
  )
  expect(
    await env.call('jq-villager', 'objection.create', { requestId: rid(), entryId: award.entry.id, reason: '看看' })
  ).toMatchObject({ ok: false, code: 'OTHER_VILLAGE' })
  expect(
    await env.call('demo-grid', 'objection.create', { requestId: rid(), entryId: award.entry.id, reason: '看看' })
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  // a seeded entry of four months ago is long final: no posting to object to
  expect(
    await env.call('demo-villager', 'objection.create', {
      requestId: rid(),
      entryId: 'seed-h-xf-006-3-0',
      reason: '旧账'
    })
  ).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('user text passes the content check; a refused text saves nothing', async () => {
  const before = await count('pending', {})
  expect(
    await env.call('demo-villager', 'claim.create', {
      requestId: rid(),
      ruleId: 'r-xf-volunteer',
      points: 5,
      description: '帮人赌博收钱'
    })
  ).toMatchObject({
    ok: false,
    code: 'CONTENT_REFUSED',
    message: '填写的文字里有不合适的内容，请修改后再提交'
  })
  expect(await count('pending', {})).toBe(before)
  const balance = (await household(env.db, 'h-xf-009')).balance
  expect(
    await env.call('demo-cadre', 'score.award', {
      requestId: rid(),
      householdId: 'h-xf-009',
      ruleId: 'r-xf-law',
      points: 5,
      note: '代开发票'
    })
  ).toMatchObject({ ok: false, code: 'CONTENT_REFUSED' })
  expect((await household(env.db, 'h-xf-009')).balance).toBe(balance)
})

test('the timer, with the clock moved on, finalises exactly the due postings and expires stale claims', async () => {
  const stale = ok(
    await env.call('demo-villager', 'claim.create', {
      requestId: rid(),
      ruleId: 'r-xf-volunteer',
      points: 5,
      description: '老早的申报'
    })
  )
  const later = NOW + 8 * DAY
  const _ = env.db.command
  const due = await count('postings', { state: 'posted', until: _.lte(later) })
  const notDue = await count('postings', { state: 'posted', until: _.gt(later) })
  const objected = await count('postings', { state: 'objected' })
  expect(due).toBeGreaterThan(0)

  expect(await runScheduledTasks(env.db, later)).toEqual({ finalised: due, expired: 0, partyFinalised: 0 })
  expect(await count('postings', { state: 'posted', until: _.lte(later) })).toBe(0)
  expect(await count('postings', { state: 'posted' })).toBe(notDue)
  expect(await count('postings', { state: 'objected' })).toBe(objected)
  // run again: nothing more to do
  expect(await runScheduledTasks(env.db, later)).toEqual({ finalised: 0, expired: 0, partyFinalised: 0 })

  const expired = await runScheduledTasks(env.db, NOW + 31 * DAY)
  expect(expired.expired).toBeGreaterThanOrEqual(1)
  expect((await env.db.collection('pending').doc(stale.id).get()).data.state).toBe('expired')
  expect(await env.call('demo-cadre', 'review.approve', { requestId: rid(), pendingId: stale.id })).toMatchObject({
    ok: false,
    code: 'STATE_CHANGED'
  })
})
