import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'

jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
const NOW = Date.UTC(2026, 10, 27, 4, 0)

beforeAll(async () => {
  env = await productCloud(NOW)
  // a second member of 王秀英's household
  const code = ok(
    await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: 'h-xf-012', days: 7 })
  )
  ok(await env.call('xf-012-son', 'join.bind', { requestId: rid(), code: code.code, name: '王明亮' }))
})
afterAll(() => env.close())

function ok<T = any>(reply: any): T {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}
const publish = (openid: string, over: object = {}) =>
  env.call(openid, 'notice.publish', {
    requestId: rid(),
    kind: 'notice',
    title: '关于开展冬季防火检查的通知',
    body: '12月1日起各组巡查。',
    ...over
  })

describe('notices', () => {
  test('read counts are per household: a second reader of the household and a reload count nothing', async () => {
    const notice = ok(await publish('demo-cadre'))
    const seen = ok(await env.call('demo-villager', 'notice.list', {})).notices.find((n: any) => n.id === notice.id)
    expect(seen).toMatchObject({ read: false, readCount: null, placeName: '新丰村' })

    expect(ok(await env.call('demo-villager', 'notice.open', { noticeId: notice.id }))).toMatchObject({ read: true })
    await env.call('demo-villager', 'notice.open', { noticeId: notice.id })
    await Promise.all([
      env.call('xf-012-son', 'notice.open', { noticeId: notice.id }),
      env.call('demo-villager', 'notice.open', { noticeId: notice.id })
    ])
    const count = async () =>
      ok(await env.call('demo-cadre', 'notice.list', {})).notices.find((n: any) => n.id === notice.id).readCount
    expect(await count()).toBe(1)
    expect(ok(await env.call('xf-012-son', 'notice.list', {})).notices.find((n: any) => n.id === notice.id).read).toBe(
      true
    )

    ok(await env.call('demo-villager-2', 'notice.open', { noticeId: notice.id }))
    expect(await count()).toBe(2)
  })

  test('a village notice stays in its village; a town notice reaches every village of the town', async () => {
    const village = ok(await publish('demo-cadre', { title: '新丰村村务公开：11月', kind: 'village' }))
    const town = ok(await publish('demo-town', { title: '向阳镇：医保缴费提醒', toTown: true }))
    const jq = ok(await env.call('demo-cadre-jq', 'notice.list', {})).notices.map((n: any) => n.id)
    expect(jq).toContain(town.id)
    expect(jq).not.toContain(village.id)
    expect(ok(await env.call('demo-villager', 'notice.list', {})).notices.map((n: any) => n.id)).toEqual(
      expect.arrayContaining([town.id, village.id])
    )
    expect(await env.call('demo-cadre-jq', 'notice.open', { noticeId: village.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND'
    })
    expect(await publish('demo-cadre', { toTown: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await publish('demo-villager')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('pinned first, then newest; a withdrawn notice disappears; only its publisher place may change it', async () => {
    const pinned = ok(await publish('demo-cadre', { title: '置顶：村规民约', pinned: true }))
    ok(await publish('demo-cadre', { title: '后来的通知' }))
    expect(ok(await env.call('demo-villager', 'notice.list', {})).notices[0].id).toBe(pinned.id)
    expect(await env.call('demo-cadre-jq', 'notice.withdraw', { requestId: rid(), noticeId: pinned.id })).toMatchObject(
      { ok: false, code: 'FORBIDDEN' }
    )
    ok(await env.call('demo-cadre', 'notice.withdraw', { requestId: rid(), noticeId: pinned.id }))
    expect(ok(await env.call('demo-villager', 'notice.list', {})).notices.map((n: any) => n.id)).not.toContain(
      pinned.id
    )
  })

  test('a finance notice carries its table of amounts', async () => {
    const rows = [
      { item: '道路硬化', amount: 120000 },
      { item: '路灯电费', amount: 3560.5 }
    ]
    const notice = ok(
      await publish('demo-cadre', { kind: 'finance', title: '2026年第三季度财务公开', financeRows: rows })
    )
    expect(ok(await env.call('demo-villager', 'notice.open', { noticeId: notice.id })).financeRows).toEqual(rows)
  })
})

describe('villagers’ issues', () => {
  const raise = (text = '3组路口的路灯坏了一个月了') =>
    env.call('demo-villager', 'issue.raise', { requestId: rid(), category: '道路水电', text, place: '3组路口' })

  test('received → handling → answered → closed, with replies between, and one rating after the answer', async () => {
    const issue = ok(await raise())
    expect(issue).toMatchObject({ state: 'received', doorPlate: '2组12号', overdue: false })
    expect(ok(await env.call('demo-cadre', 'issue.queue', {})).issues.map((i: any) => i.id)).toContain(issue.id)
    // 2组12号 is in the first grid, which 刘芳 works
    expect(ok(await env.call('demo-grid', 'issue.queue', {})).issues.map((i: any) => i.id)).toContain(issue.id)
    expect(ok(await env.call('demo-cadre-jq', 'issue.queue', {})).issues.map((i: any) => i.id)).not.toContain(issue.id)

    expect(
      await env.call('demo-villager', 'issue.rate', { requestId: rid(), issueId: issue.id, stars: 5 })
    ).toMatchObject({ ok: false, code: 'NOT_ANSWERED' })
    expect(
      await env.call('demo-cadre', 'issue.reply', {
        requestId: rid(),
        issueId: issue.id,
        text: '马上处理',
        answer: true
      })
    ).toMatchObject({ ok: false, code: 'STATE_CHANGED' })
    ok(await env.call('demo-cadre', 'issue.take', { requestId: rid(), issueId: issue.id }))
    expect(await env.call('demo-grid', 'issue.take', { requestId: rid(), issueId: issue.id })).toMatchObject({
      ok: false,
      code: 'STATE_CHANGED'
    })
    ok(
      await env.call('demo-cadre', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '已联系电工，明天来修' })
    )
    ok(await env.call('demo-villager', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '好的，谢谢' }))
    ok(await env.call('demo-cadre', 'issue.handOver', { requestId: rid(), issueId: issue.id, toOpenid: 'demo-grid' }))
    expect(
      await env.call('demo-cadre', 'issue.handOver', { requestId: rid(), issueId: issue.id, toOpenid: 'demo-cadre-jq' })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const answered = ok(
      await env.call('demo-grid', 'issue.reply', {
        requestId: rid(),
        issueId: issue.id,
        text: '路灯已经修好了',
        answer: true
      })
    )
    expect(answered).toMatchObject({ state: 'answered', handlerName: '刘芳' })
    expect(answered.replies.map((r: any) => [r.byName, r.fromVillager])).toEqual([
      ['张德明', false],
      ['王秀英', true],
      ['刘芳', false]
    ])

    expect(
      ok(
        await env.call('demo-villager', 'issue.rate', { requestId: rid(), issueId: issue.id, stars: 5, word: '修得快' })
      ).rating
    ).toEqual({ stars: 5, word: '修得快' })
    expect(
      await env.call('demo-villager', 'issue.rate', { requestId: rid(), issueId: issue.id, stars: 1 })
    ).toMatchObject({ ok: false, code: 'ALREADY_RATED' })
    expect(ok(await env.call('demo-villager', 'issue.close', { requestId: rid(), issueId: issue.id })).state).toBe(
      'closed'
    )
    expect(
      await env.call('demo-cadre', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '再说', answer: false })
    ).toMatchObject({ ok: false, code: 'STATE_CHANGED' })
    expect(ok(await env.call('demo-villager', 'issue.mine', {})).issues.find((i: any) => i.id === issue.id).state).toBe(
      'closed'
    )
  })

  test('every move outside the flow is refused with one code', async () => {
    const issue = ok(await raise('村口垃圾桶满了'))
    expect(await env.call('demo-cadre', 'issue.close', { requestId: rid(), issueId: issue.id })).toMatchObject({
      ok: false,
      code: 'STATE_CHANGED'
    })
    expect(await env.call('demo-cadre-jq', 'issue.take', { requestId: rid(), issueId: issue.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN'
    })
    expect(
      await env.call('demo-villager-2', 'issue.rate', { requestId: rid(), issueId: issue.id, stars: 3 })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(
      await env.call('demo-villager-2', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '我也看到了' })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('an issue not answered in three days is marked overdue; text passes the content check', async () => {
    const issue = ok(await raise('水管漏水'))
    await env.db
      .collection('issues')
      .doc(issue.id)
      .update({ data: { at: NOW - 4 * 86_400_000 } })
    expect(ok(await env.call('demo-cadre', 'issue.queue', {})).issues.find((i: any) => i.id === issue.id).overdue).toBe(
      true
    )
    expect(await raise('代开发票，加我微信')).toMatchObject({ ok: false, code: 'CONTENT_REFUSED' })
  })
})

describe('services', () => {
  test('the town directory holds at least 70 services, browsed by category and searched by word', async () => {
    const all = ok(await env.call('demo-villager', 'service.list', {}))
    expect(all.services.length).toBeGreaterThanOrEqual(70)
    expect(all.categories).toEqual(
      expect.arrayContaining([
        '社会保险',
        '医疗保障',
        '民政救助',
        '农业农村',
        '户籍证件',
        '法律服务',
        '就业创业',
        '养老助残'
      ])
    )
    const medical = ok(await env.call('demo-villager', 'service.list', { category: '医疗保障' }))
    expect(medical.services.every((s: any) => s.category === '医疗保障')).toBe(true)
    const found = ok(await env.call('demo-villager', 'service.list', { query: '异地 备案' }))
    expect(found.services.map((s: any) => s.name)).toEqual(['异地就医备案'])
    expect(found.services[0]).toMatchObject({ phone: '12345', placeName: '向阳镇', materials: ['身份证', '社保卡'] })
  })

  test("a village adds its own services for its villagers; the town's entries are not its to edit", async () => {
    const mine = ok(
      await env.call('demo-cadre', 'service.save', {
        requestId: rid(),
        category: '其他',
        name: '新丰村农机共享',
        purpose: '村里的旋耕机预约借用',
        where: '村委会',
        phone: '0838-5551234'
      })
    )
    expect(ok(await env.call('demo-villager', 'service.list', { query: '旋耕机' })).services).toEqual([
      expect.objectContaining({ id: mine.id, placeName: '新丰村' })
    ])
    expect(ok(await env.call('demo-cadre-jq', 'service.list', { query: '旋耕机' })).services).toEqual([])
    expect(
      await env.call('demo-cadre', 'service.save', {
        requestId: rid(),
        serviceId: 'svc-001',
        category: '社会保险',
        name: '改名',
        purpose: '改'
      })
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('notifications (subscribe messages; the local outbox stands in for WeChat)', () => {
  test('points changing, an issue reply and an order ready each tell the villager', async () => {
    const before = (await env.outbox('demo-villager')).length
    const rule = ok(
      await env.call('demo-cadre', 'rules.save', {
        requestId: rid(),
        terms: {
          category: '公益参与',
          title: '修路出工',
          points: { min: 5, max: 5 },
          cap: null,
          evidenceRequired: false,
          proposers: ['cadre']
        }
      })
    )
    ok(
      await env.call('demo-cadre', 'score.award', {
        requestId: rid(),
        householdId: 'h-xf-012',
        ruleId: rule.id,
        points: 5
      })
    )
    const issue = ok(
      await env.call('demo-villager', 'issue.raise', { requestId: rid(), category: '道路水电', text: '村道上有个大坑' })
    )
    ok(await env.call('demo-cadre', 'issue.take', { requestId: rid(), issueId: issue.id }))
    ok(await env.call('demo-cadre', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '明天安排人填平' }))
    ok(await env.call('demo-villager', 'shop.order', { requestId: rid(), goodsId: 'g-xf-soap' }))
    const told = (await env.outbox('demo-villager')).slice(before)
    const byTemplate = (id: string) => told.filter((m: any) => m.templateId === id)
    expect(byTemplate('local-points-changed')[0].data).toMatchObject({
      thing1: { value: '修路出工' },
      number2: { value: '5' }
    })
    expect(byTemplate('local-issue-progress')[0].data).toMatchObject({
      thing1: { value: '道路水电' },
      thing2: { value: '明天安排人填平' }
    })
    expect(byTemplate('local-order-ready')[0].data).toMatchObject({
      thing1: { value: '香皂' },
      number2: { value: '5' }
    })
    // the son bound to the same household is told of its points too
    expect((await env.outbox('xf-012-son')).some((m: any) => m.templateId === 'local-points-changed')).toBe(true)
  })
})
