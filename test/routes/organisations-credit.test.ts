import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'
import { addMember, ok } from '../helpers/participation'
import { fromHex, sha256Hex, verifyInclusion } from '../../core/domain/merkle'
import { dayOf, headText } from '../../core/domain/seal'
import { sealAllVillages } from '../../cloudfunctions/timer/sealing'
import { leafHex } from '../../cloudfunctions/shared/seals'

jest.setTimeout(120_000)
let env: Awaited<ReturnType<typeof productCloud>>
const NOW = Date.UTC(2026, 10, 27, 4, 0)
const DAY = 24 * 3600_000

beforeAll(async () => {
  env = await productCloud(NOW)
  await addMember(env.db, 'credit-son', 'h-xf-012', '王小明')
})
afterAll(() => env.close())

const callAt = (atMs: number, openid: string, route: string, input: object) =>
  env.router()({ route, input }, { ...env.ctxFor(openid), now: () => atMs })
const consent = (days = 90, openid = 'demo-villager', bankId = 'org-bank') =>
  env.call(openid, 'credit.consent', { requestId: rid(), bankId, purpose: '申请积分贷', days, agreed: true })
const summary = (householdId = 'h-xf-012', openid = 'demo-bank') => env.call(openid, 'credit.summary', { householdId })
const views = async () => (await env.db.collection('creditViews').where({ householdId: 'h-xf-012' }).get()).data

test('the bank sees nothing without consent; with it the summary, every view recorded for the household', async () => {
  expect(await summary()).toMatchObject({ ok: false, code: 'NO_CONSENT' })
  expect(ok(await env.call('demo-bank', 'credit.households', {})).households).toEqual([])
  expect(await views()).toEqual([])

  // only the head consents, explicitly, for a period the app offers
  expect(await consent(90, 'credit-son')).toMatchObject({ ok: false, code: 'NOT_HEAD' })
  expect(
    await env.call('demo-villager', 'credit.consent', {
      requestId: rid(),
      bankId: 'org-bank',
      purpose: '申请积分贷',
      days: 90,
      agreed: false
    })
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await consent(45)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(await consent(90, 'demo-villager', 'org-police')).toMatchObject({ ok: false, code: 'NOT_A_BANK' })
  const given = ok(await consent(90))
  expect(given).toMatchObject({ state: 'inForce', bankName: '示范县农商银行向阳支行', expiresAt: NOW + 90 * DAY })
  expect(given.scope).toContain('最近12个月的积分明细')

  const listed = ok(await env.call('demo-bank', 'credit.households', {})).households
  expect(listed.map((h: any) => h.householdId)).toEqual(['h-xf-012'])
  const seen = ok(await summary())
  const household = (await env.db.collection('households').doc('h-xf-012').get()).data
  expect(seen).toMatchObject({
    doorPlate: '2组12号',
    head: '王秀英',
    balance: household.balance,
    earned: household.earned
  })
  expect(seen.entries.length).toBeGreaterThan(0)
  expect(seen.rankInVillage).toBeGreaterThanOrEqual(1)
  expect(seen.estimate).toEqual({
    cutPct: Math.min(1, Math.floor(household.earned / 100) * 0.1),
    ratePct: Math.round((5.2 - Math.min(1, Math.floor(household.earned / 100) * 0.1)) * 100) / 100
  })
  ok(await summary())
  // the household sees who looked and when: both views
  const mine = ok(await env.call('demo-villager', 'credit.mine', {}))
  expect(mine.views).toEqual([
    { bankName: '示范县农商银行向阳支行', staffName: '陈经理', at: NOW, purpose: '申请积分贷' },
    { bankName: '示范县农商银行向阳支行', staffName: '陈经理', at: NOW, purpose: '申请积分贷' }
  ])
  // another household stays closed
  expect(await summary('h-xf-001')).toMatchObject({ ok: false, code: 'NO_CONSENT' })
})

test('revoking ends the bank access at once; consenting again restores it', async () => {
  ok(await consent(90))
  ok(await summary())
  const before = (await views()).length
  expect(ok(await env.call('demo-villager', 'credit.revoke', { requestId: rid(), bankId: 'org-bank' })).state).toBe(
    'revoked'
  )
  expect(await summary()).toMatchObject({ ok: false, code: 'NO_CONSENT' })
  expect(ok(await env.call('demo-bank', 'credit.households', {})).households).toEqual([])
  expect((await views()).length).toBe(before)
  ok(await consent(30))
  ok(await summary())
})

test('a consent expires by itself', async () => {
  ok(await consent(30))
  const later = NOW + 30 * DAY
  expect(await callAt(later - 1, 'demo-bank', 'credit.summary', { householdId: 'h-xf-012' })).toMatchObject({
    ok: true
  })
  expect(await callAt(later, 'demo-bank', 'credit.summary', { householdId: 'h-xf-012' })).toMatchObject({
    ok: false,
    code: 'NO_CONSENT'
  })
  expect(ok(await callAt(later, 'demo-bank', 'credit.households', {})).households).toEqual([])
  const mine = ok(await callAt(later, 'demo-villager', 'credit.mine', {}))
  expect(mine.consents[0].state).toBe('expired')
})

test('another bank sees nothing of a consent given to the first; the rate policy is shown as an estimate', async () => {
  ok(await consent(90))
  const other = ok(
    await env.call('demo-county', 'org.save', {
      requestId: rid(),
      name: '另一家银行',
      kind: 'bank',
      townIds: ['t-xiangyang']
    })
  )
  await env.call('bank2-staff', 'me.session', {}) // a role goes only to someone who has opened the app
  ok(
    await env.call('demo-county', 'org.grantStaff', {
      requestId: rid(),
      organisationId: other.id,
      openid: 'bank2-staff',
      name: '王柜员'
    })
  )
  expect(await summary('h-xf-012', 'bank2-staff')).toMatchObject({ ok: false, code: 'NO_CONSENT' })
  ok(
    await env.call('bank2-staff', 'credit.setPolicy', {
      requestId: rid(),
      baseRatePct: 6,
      cutPer100Pct: 0.2,
      maxCutPct: 0.4
    })
  )
  const offers = ok(await env.call('demo-villager', 'credit.banks', {}))
  expect(offers.isHead).toBe(true)
  const offer = offers.banks.find((b: any) => b.bankId === other.id)
  const earned = (await env.db.collection('households').doc('h-xf-012').get()).data.earned
  expect(offer.estimate).toEqual({
    cutPct: earned >= 200 ? 0.4 : earned >= 100 ? 0.2 : 0,
    ratePct: 6 - (earned >= 200 ? 0.4 : earned >= 100 ? 0.2 : 0)
  })
  expect(offer.consent).toBeNull()
})

test('an organisation’s staff role: only to a number that opened the app, checked after who may grant', async () => {
  const grant = (as: string, openid: string) =>
    env.call(as, 'org.grantStaff', { requestId: rid(), organisationId: 'org-police', openid, name: '新民警' })
  // the town did not register the police station: refused for that first, whoever the number is
  expect(await grant('demo-town', 'police-made-up')).toMatchObject({ ok: false, code: 'GRANT_NOT_ALLOWED' })
  const refused: any = await grant('demo-county', 'police-made-up')
  expect(refused).toMatchObject({ ok: false, code: 'NEVER_OPENED' })
  expect(refused.message).toContain('还没有打开过小程序')
  expect((await env.db.collection('users').where({ _id: 'police-made-up' }).count()).total).toBe(0)
  expect((await env.db.collection('grants').where({ openid: 'police-made-up' }).count()).total).toBe(0)
  await env.call('police-made-up', 'me.session', {})
  ok(await grant('demo-county', 'police-made-up'))
  expect(ok(await env.call('police-made-up', 'me.session', {})).roles.map((r: any) => r.role)).toEqual(['orgStaff'])
})

test('organisations registered by county or town; staff publish services and notices to villages served', async () => {
  expect(
    await env.call('demo-town', 'org.save', { requestId: rid(), name: '外镇单位', kind: 'other', townIds: ['t-other'] })
  ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const clinic = ok(
    await env.call('demo-town', 'org.save', {
      requestId: rid(),
      name: '新丰村卫生室',
      kind: 'health',
      townIds: ['t-xiangyang'],
      villageIds: ['v-xinfeng'],
      phone: '0838-5553300'
    })
  )
  expect(clinic).toMatchObject({ serves: ['新丰村'], canManage: true })
  await env.call('clinic-doctor', 'me.session', {})
  ok(
    await env.call('demo-town', 'org.grantStaff', {
      requestId: rid(),
      organisationId: clinic.id,
      openid: 'clinic-doctor',
      name: '李医生'
    })
  )
  const session = ok(await env.call('clinic-doctor', 'me.session', {}))
  expect(session.roles).toEqual([{ role: 'orgStaff', label: '入驻单位工作人员', placeName: '新丰村卫生室' }])

  ok(
    await env.call('clinic-doctor', 'org.publishService', {
      requestId: rid(),
      category: '医疗健康',
      name: '65岁以上老人免费体检',
      purpose: '每年一次免费体检'
    })
  )
  const published = ok(
    await env.call('clinic-doctor', 'org.publishNotice', {
      requestId: rid(),
      title: '下周二免费体检',
      body: '带上身份证'
    })
  )
  expect(published.villages).toBe(1)

  // 新丰村's villager sees it in the directory, the notices and the organisation's page; 金桥村 does not
  const services = ok(await env.call('demo-villager', 'service.list', { query: '体检' })).services
  expect(services.filter((s: any) => s.placeName === '新丰村卫生室').map((s: any) => s.name)).toEqual([
    '65岁以上老人免费体检'
  ])
  const notices = ok(await env.call('demo-villager', 'notice.list', {})).notices
  expect(notices.map((n: any) => n.title)).toContain('下周二免费体检')
  const page = ok(await env.call('demo-villager', 'org.page', { organisationId: clinic.id }))
  expect(page.services.map((s: any) => s.name)).toEqual(['65岁以上老人免费体检'])
  expect(page.notices.map((n: any) => n.title)).toEqual(['下周二免费体检'])
  const mine = ok(await env.call('demo-villager', 'org.list', {})).organisations.map((o: any) => o.name)
  expect(mine).toEqual(expect.arrayContaining(['新丰村卫生室', '向阳派出所', '示范县农商银行向阳支行']))
  const theirs = ok(await env.call('demo-cadre-jq', 'org.list', {})).organisations.map((o: any) => o.name)
  expect(theirs).not.toContain('新丰村卫生室')
  expect(await env.call('demo-cadre-jq', 'org.page', { organisationId: clinic.id })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND'
  })
})

test('a cadre hands an issue of its kind to an organisation; its staff answer; the villager sees it', async () => {
  const raise = (category: string) =>
    env.call('demo-villager', 'issue.raise', { requestId: rid(), category, text: '邻居的狗晚上一直叫' }).then(ok)
  const dispute = await raise('邻里纠纷')
  const pension = await raise('社保医保')
  const hand = (issueId: string, organisationId = 'org-police', openid = 'demo-cadre') =>
    env.call(openid, 'issue.toOrganisation', { requestId: rid(), issueId, organisationId })
  expect(await hand(pension.id)).toMatchObject({ ok: false, code: 'ORG_WRONG_KIND' })
  expect(await hand(dispute.id, 'org-police', 'demo-cadre-jq')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(ok(await hand(dispute.id))).toMatchObject({ state: 'handling', handlerName: '向阳派出所' })

  const queue = ok(await env.call('demo-org', 'org.issues', {})).issues
  expect(queue.map((i: any) => i.id)).toEqual([dispute.id])
  expect(ok(await env.call('demo-bank', 'org.issues', {})).issues).toEqual([])
  expect(
    await env.call('demo-bank', 'org.replyIssue', { requestId: rid(), issueId: dispute.id, text: '好', answer: true })
  ).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  ok(
    await env.call('demo-org', 'org.replyIssue', {
      requestId: rid(),
      issueId: dispute.id,
      text: '民警明天上门调解',
      answer: true
    })
  )
  const mine = ok(await env.call('demo-villager', 'issue.mine', {})).issues.find((i: any) => i.id === dispute.id)
  expect(mine).toMatchObject({ state: 'answered' })
  expect(mine.replies.map((r: any) => [r.byName, r.text])).toEqual([['刘警官', '民警明天上门调解']])
  expect((await env.outbox('demo-villager')).some((m: any) => JSON.stringify(m).includes('民警明天上门调解'))).toBe(
    true
  )
})

test('the statement carries the ledger’s proof: each sealed entry verifies against its day’s sealed root', async () => {
  await sealAllVillages(env.db, NOW, 400)
  ok(await consent(90))
  const s = ok(await summary())
  expect(s.at).toBe(NOW)
  // today's entries are sealed the night after; every earlier one has its proof, in the statement's order
  const sealable = s.entries.filter((e: any) => dayOf(e.at) !== dayOf(NOW))
  expect(sealable.length).toBeGreaterThan(0)
  expect(s.proof.entries.map((p: any) => p.entryId)).toEqual(sealable.map((e: any) => e.id))
  expect(s.proof.unsealed).toBe(s.entries.length - sealable.length)
  expect(s.proof.notInSeal).toBe(0)
  for (const head of s.proof.heads) {
    const sealed = (await env.db.collection('seals').doc(`${head.villageId}:${head.day}`).get()).data
    expect(head).toMatchObject({ root: sealed.root, size: sealed.size, headHash: sealed.headHash })
    expect(sha256Hex(headText(head))).toBe(head.headHash)
  }
  for (const p of s.proof.entries) {
    const stored = (await env.db.collection('entries').doc(p.entryId).get()).data
    const head = s.proof.heads.find((h: any) => h.day === p.day)
    expect(p).toMatchObject({ day: dayOf(stored.at), root: head.root, size: head.size, matchesSeal: true })
    // the leaf recomputed from the stored entry is in the tree whose root the village sealed
    expect(leafHex(stored)).toBe(p.leafHash)
    expect(verifyInclusion(fromHex(leafHex(stored)), p.index, p.size, p.path.map(fromHex), fromHex(p.root))).toBe(true)
  }

  // an entry changed after sealing no longer matches its proof
  const target = s.proof.entries[0].entryId
  const original = (await env.db.collection('entries').doc(target).get()).data
  await env.db
    .collection('entries')
    .doc(target)
    .update({ data: { points: original.points + 1 } })
  const altered = ok(await summary()).proof.entries.find((p: any) => p.entryId === target)
  expect(altered.matchesSeal).toBe(false)
  const changed = (await env.db.collection('entries').doc(target).get()).data
  expect(
    verifyInclusion(
      fromHex(leafHex(changed)),
      altered.index,
      altered.size,
      altered.path.map(fromHex),
      fromHex(altered.root)
    )
  ).toBe(false)
  await env.db
    .collection('entries')
    .doc(target)
    .update({ data: { points: original.points } })
})

test('the head is the bound user recorded as 户主: a member bound under the head’s own name cannot consent', async () => {
  const household = async () => (await env.db.collection('households').doc('h-xf-012').get()).data
  expect((await household()).headUser).toBe('demo-villager')
  // a member of the household joins with the cadre's join code, typing the head's name
  const { code } = ok(
    await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: 'h-xf-012', days: 7 })
  )
  ok(await env.call('head-namesake', 'join.bind', { requestId: rid(), code, name: '王秀英' }))
  expect((await household()).boundUsers).toContain('head-namesake')
  expect((await household()).headUser).toBe('demo-villager')
  expect(await consent(90, 'head-namesake')).toMatchObject({ ok: false, code: 'NOT_HEAD' })
  expect(await env.call('head-namesake', 'credit.revoke', { requestId: rid(), bankId: 'org-bank' })).toMatchObject({
    ok: false,
    code: 'NOT_HEAD'
  })
  expect(ok(await env.call('head-namesake', 'credit.banks', {})).isHead).toBe(false)
  expect(ok(await env.call('demo-villager', 'credit.banks', {})).isHead).toBe(true)
  ok(await consent(90, 'demo-villager'))

  // the cadre records another member as 户主: the bound user of that name becomes the head, the former one not
  const { code: sonCode } = ok(
    await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: 'h-xf-012', days: 7 })
  )
  ok(await env.call('new-head', 'join.bind', { requestId: rid(), code: sonCode, name: '王建军' }))
  expect(await consent(90, 'new-head')).toMatchObject({ ok: false, code: 'NOT_HEAD' })
  const before = await household()
  ok(
    await env.call('demo-cadre', 'household.save', {
      requestId: rid(),
      householdId: 'h-xf-012',
      doorPlate: before.doorPlate,
      head: '王建军',
      groupId: before.groupId,
      gridId: before.gridId,
      members: [
        { name: '王建军', relation: '户主', partyMember: false },
        { name: '王秀英', relation: '母亲', partyMember: false }
      ]
    })
  )
  expect((await household()).headUser).toBe('new-head')
  ok(await consent(90, 'new-head'))
  expect(await consent(90, 'demo-villager')).toMatchObject({ ok: false, code: 'NOT_HEAD' })
})
