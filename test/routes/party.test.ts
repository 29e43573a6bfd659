import { runScheduledTasks } from '../../cloudfunctions/timer/tasks'
import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, rid } from '../helpers/ledger'

/** 党员积分评星 through the routes: meetings, claims, category changes, posting, objections, the annual rating. */
jest.setTimeout(90_000)
let env: Awaited<ReturnType<typeof productCloud>>
const NOW = Date.UTC(2026, 10, 27, 4, 0)
beforeAll(async () => {
  env = await productCloud(NOW)
})
afterAll(() => env.close())

const ok = async (openid: string, route: string, input: unknown = {}) => {
  const reply: any = await env.call(openid, route, input)
  if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
  return reply.data
}
const member = async (id: string) => (await env.db.collection('partyMembers').doc(id).get()).data
const BRANCH_1 = ['pm-xf-01', 'pm-xf-02', 'pm-xf-03', 'pm-xf-04', 'pm-xf-05', 'pm-xf-08', 'pm-xf-09', 'pm-xf-10']

test('a 三会一课 for 8 members, 2 absent without leave: one act, +3 each present, −5 each absent', async () => {
  const present = BRANCH_1.slice(0, 6)
  const absent = BRANCH_1.slice(6)
  const before = await Promise.all(BRANCH_1.map(member))
  const act = await ok('demo-secretary', 'partyScore.meeting', {
    requestId: rid(),
    ruleId: 'pb-xf-1-meeting',
    presentIds: present,
    absentIds: absent,
    absentRuleId: 'pb-xf-1-absent',
    note: '11月支部党员大会'
  })
  expect(act.applied).toBe(8)
  const after = await Promise.all(BRANCH_1.map(member))
  after.forEach((m, i) => expect(m.balance - before[i].balance).toBe(i < 6 ? 3 : -5))
  await expectLedgerConsistent(env.db)
})

test('concurrent meeting records with the same request id write once', async () => {
  const requestId = rid('meet')
  const input = { requestId, ruleId: 'pb-xf-1-partyday', presentIds: ['pm-xf-02', 'pm-xf-03', 'pm-xf-04'] }
  const before = await Promise.all(input.presentIds.map(member))
  const replies = await Promise.all(Array.from({ length: 8 }, () => ok('demo-secretary', 'partyScore.meeting', input)))
  expect(new Set(replies.map(r => r.id)).size).toBe(1)
  const after = await Promise.all(input.presentIds.map(member))
  after.forEach((m, i) => expect(m.balance - before[i].balance).toBe(2))
  const acts = await env.db.collection('partyActs').where({ _id: replies[0].id }).count()
  expect(acts.total).toBe(1)
  await expectLedgerConsistent(env.db)
})

test('a meeting of another branch’s members, or by a villager, changes nothing', async () => {
  const before = await member('pm-xf-13')
  const other: any = await env.call('demo-secretary', 'partyScore.meeting', {
    requestId: rid(),
    ruleId: 'pb-xf-1-meeting',
    presentIds: ['pm-xf-13']
  })
  expect(other).toMatchObject({ ok: false, code: 'OTHER_BRANCH' })
  const villager: any = await env.call('demo-villager', 'partyScore.meeting', {
    requestId: rid(),
    ruleId: 'pb-xf-1-meeting',
    presentIds: ['pm-xf-02']
  })
  expect(villager).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await member('pm-xf-13')).balance).toBe(before.balance)
})

test('a member claims 志愿服务, the secretary approves, the member sees the points; a 2nd approval refused', async () => {
  const home = await ok('demo-villager-2', 'partyMember.home')
  const claim = await ok('demo-villager-2', 'partyClaim.create', {
    requestId: rid(),
    ruleId: 'pb-xf-1-volunteer',
    points: 3,
    description: '帮五保户收玉米'
  })
  expect(claim.state).toBe('pending')
  expect((await ok('demo-secretary', 'partyClaim.queue')).items.map((c: any) => c.id)).toContain(claim.id)
  const [first, second] = await Promise.all([
    env.call('demo-secretary', 'partyClaim.approve', { requestId: rid(), claimId: claim.id }),
    env.call('demo-secretary', 'partyClaim.approve', { requestId: rid(), claimId: claim.id })
  ])
  expect([first.ok, second.ok].sort()).toEqual([false, true])
  expect([first, second].find((r: any) => !r.ok)).toMatchObject({ code: 'STATE_CHANGED' })
  const after = await ok('demo-villager-2', 'partyMember.home')
  expect(after.yearPoints).toBe(home.yearPoints + 3)
  // the test's clock stands still, so entries of this instant come in any order
  expect(after.entries).toContainEqual(
    expect.objectContaining({ id: `e-${claim.id}`, title: '参加志愿服务', points: 3 })
  )
  expect(after.claims[0]).toMatchObject({ id: claim.id, state: 'approved' })
  await expectLedgerConsistent(env.db)
})

test('a rule not open to claims, or not for the member’s category, cannot be claimed', async () => {
  const reply: any = await env.call('demo-villager-2', 'partyClaim.create', {
    requestId: rid(),
    ruleId: 'pb-xf-1-meeting',
    points: 3,
    description: '开会'
  })
  expect(reply).toMatchObject({ ok: false, code: 'RULE_NOT_ALLOWED' })
})

test('a category change mid-year keeps past entries as they were; new entries follow the new category', async () => {
  // 吴志刚 (无职) gets 先锋作用, then becomes 老弱病残, for whom that rule does not apply
  await ok('demo-secretary', 'partyScore.award', {
    requestId: rid(),
    memberId: 'pm-xf-04',
    ruleId: 'pb-xf-1-pioneer',
    points: 5
  })
  const before = await member('pm-xf-04')
  await ok('demo-secretary', 'partyBranch.saveMember', {
    requestId: rid(),
    memberId: 'pm-xf-04',
    name: '吴志刚',
    category: 'infirm',
    exempt: true
  })
  const entries = (await env.db.collection('entries').where({ memberId: 'pm-xf-04' }).limit(100).get()).data
  expect(entries.length).toBeGreaterThan(0)
  expect(new Set(entries.map((e: any) => e.memberCategory))).toEqual(new Set(['unemployed']))
  const after = await member('pm-xf-04')
  expect(after).toMatchObject({
    category: 'infirm',
    exempt: true,
    balance: before.balance,
    yearPoints: before.yearPoints
  })
  const refused: any = await env.call('demo-secretary', 'partyScore.award', {
    requestId: rid(),
    memberId: 'pm-xf-04',
    ruleId: 'pb-xf-1-pioneer',
    points: 5
  })
  expect(refused).toMatchObject({ ok: false, code: 'RULE_NOT_FOR_CATEGORY' })
  // only 老弱病残 may be exempted
  const exempt: any = await env.call('demo-secretary', 'partyBranch.saveMember', {
    requestId: rid(),
    memberId: 'pm-xf-03',
    name: '周美兰',
    category: 'employed',
    exempt: true
  })
  expect(exempt).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
})

test('the quarter is posted in the branch; a member objects; upheld, the entry is corrected', async () => {
  const act = await ok('demo-secretary', 'partyScore.award', {
    requestId: rid(),
    memberId: 'pm-xf-01',
    ruleId: 'pb-xf-1-dues',
    points: 2
  })
  const entryId = (await env.db.collection('partyActs').doc(act.id).get()).data.lines[0].entryId
  const early: any = await env.call('demo-villager-2', 'partyObjection.create', {
    requestId: rid(),
    entryId,
    reason: '多记了'
  })
  expect(early).toMatchObject({ ok: false, code: 'NOT_IN_POSTING' })
  const posting = await ok('demo-secretary', 'partyPosting.publish', { requestId: rid(), quarter: '2026-Q4' })
  expect(posting.rows.find((r: any) => r.memberId === 'pm-xf-01').points).toBeGreaterThanOrEqual(2)
  // villagers of the village see what the branch posts; the member sees it as open
  expect((await ok('demo-villager', 'partyPosting.list')).quarters.map((q: any) => q.id)).toContain(posting.id)
  expect((await ok('demo-villager-2', 'partyMember.home')).openPosting.id).toBe(posting.id)
  const before = await member('pm-xf-01')
  const objection = await ok('demo-villager-2', 'partyObjection.create', {
    requestId: rid(),
    entryId,
    reason: '本季度党费已经记过一次'
  })
  await ok('demo-secretary', 'partyObjection.resolve', {
    requestId: rid(),
    objectionId: objection.id,
    upheld: true,
    reply: '核实重复，已更正'
  })
  expect((await member('pm-xf-01')).balance).toBe(before.balance - 2)
  const again: any = await env.call('demo-secretary', 'partyObjection.resolve', {
    requestId: rid(),
    objectionId: objection.id,
    upheld: true,
    reply: '再来一次'
  })
  expect(again.ok).toBe(false)
  expect((await member('pm-xf-01')).balance).toBe(before.balance - 2)
  await expectLedgerConsistent(env.db)
})

test('annual rating: entered → confirmed → posted by the town 5 days → final; the household card’s star', async () => {
  const tooHigh: any = await env.call('demo-secretary', 'partyRating.enter', {
    requestId: rid(),
    year: '2026',
    reviews: [{ memberId: 'pm-xf-01', review: 25 }]
  })
  expect(tooHigh).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  const draft = await ok('demo-secretary', 'partyRating.sheet', { year: '2026' })
  expect(draft.state).toBeNull()
  const reviews = draft.rows.map((r: any) => ({ memberId: r.memberId, review: 18 }))
  const entered = await ok('demo-secretary', 'partyRating.enter', { requestId: rid(), year: '2026', reviews })
  const li = entered.rows.find((r: any) => r.memberId === 'pm-xf-01')
  expect(li.total).toBe(Math.min(100, 60 + li.points + 18))
  const xu = entered.rows.find((r: any) => r.name === '徐老汉')
  expect(xu).toMatchObject({ exempt: true, stars: 0 })

  // not yet confirmed: the town cannot post; the member sees nothing yet
  const early: any = await env.call('demo-town-party', 'partyRating.post', {
    requestId: rid(),
    year: '2026',
    branchId: 'pb-xf-1'
  })
  expect(early).toMatchObject({ ok: false, code: 'RATING_NOT_READY' })
  expect((await ok('demo-villager-2', 'partyMember.home')).stars.map((s: any) => s.year)).not.toContain('2026')

  await ok('demo-secretary', 'partyRating.confirm', { requestId: rid(), year: '2026' })
  expect((await ok('demo-town-party', 'partyTown.overview')).sheetsToPost).toContainEqual(
    expect.objectContaining({ branchId: 'pb-xf-1', year: '2026' })
  )
  const posted = await ok('demo-town-party', 'partyRating.post', {
    requestId: rid(),
    year: '2026',
    branchId: 'pb-xf-1'
  })
  expect(posted.state).toBe('posted')
  expect(posted.until).toBe(NOW + 5 * 24 * 3600_000)

  const home = await ok('demo-villager-2', 'partyMember.home')
  expect(home.stars[0]).toMatchObject({ year: '2026', stars: li.stars, state: 'posted' })
  const card = (await ok('demo-villager-2', 'archive.home')).card
  expect(card.party).toEqual({ star: { name: '李建国', year: '2026', stars: li.stars, exempt: false, posting: true } })

  // once posted the branch cannot change it; five days later the timer makes it final
  const late: any = await env.call('demo-secretary', 'partyRating.enter', { requestId: rid(), year: '2026', reviews })
  expect(late).toMatchObject({ ok: false, code: 'STATE_CHANGED' })
  const result = await runScheduledTasks(env.db, NOW + 6 * 24 * 3600_000)
  expect(result.partyFinalised).toBeGreaterThanOrEqual(1)
  const sheet = (await env.db.collection('ratingSheets').doc('pb-xf-1:2026').get()).data
  expect(sheet.state).toBe('final')
  // last year's sheet is as it was
  const lastYear = (await env.db.collection('ratingSheets').doc('pb-xf-1:2025').get()).data
  expect(lastYear.state).toBe('final')
  expect(lastYear.enteredAt).toBe(Date.UTC(2025, 11, 20))
})

test('the town rates the village’s party organisation; the village sees the stars', async () => {
  await ok('demo-town-party', 'partyTown.rateOrg', {
    requestId: rid(),
    orgId: 'po-xf',
    year: '2026',
    stars: 5,
    reason: '党员带头，积分制落实好'
  })
  const village = await ok('demo-villager', 'partyOrg.village')
  expect(village.orgs[0]).toMatchObject({
    name: '新丰村党总支',
    stars: { year: '2026', stars: 5, state: 'posted' },
    branches: ['新丰村第一党支部', '新丰村第二党支部']
  })
  const other: any = await env.call('demo-town-party', 'partyTown.rateOrg', {
    requestId: rid(),
    orgId: 'pb-xf-1',
    year: '2026',
    stars: 3,
    reason: '支部不是党组织'
  })
  expect(other).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('privacy: party points are seen by the member, their branch’s officers and the town party admin', async () => {
  for (const persona of ['demo-villager', 'demo-cadre', 'demo-grid', 'demo-town', 'demo-clerk']) {
    const reply: any = await env.call(persona, 'partyMember.home')
    expect({ persona, code: reply.code }).toEqual({ persona, code: 'FORBIDDEN' })
  }
  // the other branch's clerk sees their own branch, not the first branch's members
  const clerk = await ok('demo-clerk', 'partyBranch.members')
  expect(clerk.members.every((m: any) => !m.memberId.match(/^pm-xf-0\d$|^pm-xf-1[0-2]$/))).toBe(true)
  // the town sees members by category and who has not been scored this quarter
  const town = await ok('demo-town-party', 'partyTown.overview')
  const b2 = town.branches.find((b: any) => b.branchId === 'pb-xf-2')
  expect(b2.members).toBe(8)
  expect(Object.values(b2.byCategory).every((n: any) => n > 0)).toBe(true)
  expect(b2.notScoredThisQuarter.length).toBe(8)
})

test('binding a WeChat user to a member with the branch’s code', async () => {
  const { code } = await ok('demo-secretary', 'partyBranch.bindCode', { requestId: rid(), memberId: 'pm-xf-03' })
  const bound = await ok('new-party-user', 'partyMember.bind', { requestId: rid(), code })
  expect(bound).toMatchObject({ memberId: 'pm-xf-03', name: '周美兰' })
  const home = await ok('new-party-user', 'partyMember.home')
  expect(home.name).toBe('周美兰')
  const taken: any = await env.call('another-user', 'partyMember.bind', { requestId: rid(), code })
  expect(taken).toMatchObject({ ok: false, code: 'BIND_CODE_INVALID' })
})

test('members from household members flagged 党员: once, however often it runs', async () => {
  const first = await ok('demo-secretary', 'partyBranch.fromHouseholds', { requestId: rid() })
  const second = await ok('demo-clerk', 'partyBranch.fromHouseholds', { requestId: rid() })
  expect(first.added).toBeGreaterThan(0)
  expect(second.added).toBe(0)
  await expectLedgerConsistent(env.db)
})
