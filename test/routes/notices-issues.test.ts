import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'

jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
const NOW = Date.UTC(2026, 10, 27, 4, 0)

beforeAll(async () => {
  env = await productCloud(NOW)
  // a second member of 王秀英's household
  const code = ok(await env.call('demo-cadre', 'joinCode.issue', { requestId: rid(), householdId: 'h-xf-012', days: 7 }))
  ok(await env.call('xf-012-son', 'join.bind', { requestId: rid(), code: code.code, name: '王明亮' }))
})
afterAll(() => env.close())

function ok<T = any>(reply: any): T {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}
const publish = (openid: string, over: object = {}) =>
  env.call(openid, 'notice.publish', { requestId: rid(), kind: 'notice', title: '关于开展冬季防火检查的通知', body: '12月1日起各组巡查。', ...over })

describe('notices', () => {
  test('read counts are per household: a second reader of the household and a reload count nothing', async () => {
    const notice = ok(await publish('demo-cadre'))
    const seen = ok(await env.call('demo-villager', 'notice.list', {})).notices.find((n: any) => n.id === notice.id)
    expect(seen).toMatchObject({ read: false, readCount: null, placeName: '新丰村' })

    expect(ok(await env.call('demo-villager', 'notice.open', { noticeId: notice.id }))).toMatchObject({ read: true })
    await env.call('demo-villager', 'notice.open', { noticeId: notice.id })
    await Promise.all([env.call('xf-012-son', 'notice.open', { noticeId: notice.id }), env.call('demo-villager', 'notice.open', { noticeId: notice.id })])
    const count = async () => ok(await env.call('demo-cadre', 'notice.list', {})).notices.find((n: any) => n.id === notice.id).readCount
    expect(await count()).toBe(1)
    expect(ok(await env.call('xf-012-son', 'notice.list', {})).notices.find((n: any) => n.id === notice.id).read).toBe(true)

    ok(await env.call('demo-villager-2', 'notice.open', { noticeId: notice.id }))
    expect(await count()).toBe(2)
  })

  test('a village notice stays in its village; a town notice reaches every village of the town', async () => {
    const village = ok(await publish('demo-cadre', { title: '新丰村村务公开：11月' , kind: 'village' }))
    const town = ok(await publish('demo-town', { title: '向阳镇：医保缴费提醒', toTown: true }))
    const jq = ok(await env.call('demo-cadre-jq', 'notice.list', {})).notices.map((n: any) => n.id)
    expect(jq).toContain(town.id)
    expect(jq).not.toContain(village.id)
    expect(ok(await env.call('demo-villager', 'notice.list', {})).notices.map((n: any) => n.id)).toEqual(expect.arrayContaining([town.id, village.id]))
    expect(await env.call('demo-cadre-jq', 'notice.open', { noticeId: village.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await publish('demo-cadre', { toTown: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await publish('demo-villager')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('pinned first, then newest; a withdrawn notice disappears; only its publisher place may change it', async () => {
    const pinned = ok(await publish('demo-cadre', { title: '置顶：村规民约', pinned: true }))
    ok(await publish('demo-cadre', { title: '后来的通知' }))
    expect(ok(await env.call('demo-villager', 'notice.list', {})).notices[0].id).toBe(pinned.id)
    expect(await env.call('demo-cadre-jq', 'notice.withdraw', { requestId: rid(), noticeId: pinned.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    ok(await env.call('demo-cadre', 'notice.withdraw', { requestId: rid(), noticeId: pinned.id }))
    expect(ok(await env.call('demo-villager', 'notice.list', {})).notices.map((n: any) => n.id)).not.toContain(pinned.id)
  })

  test('a finance notice carries its table of amounts', async () => {
    const rows = [{ item: '道路硬化', amount: 120000 }, { item: '路灯电费', amount: 3560.5 }]
    const notice = ok(await publish('demo-cadre', { kind: 'finance', title: '2026年第三季度财务公开', financeRows: rows }))
    expect(ok(await env.call('demo-villager', 'notice.open', { noticeId: notice.id })).financeRows).toEqual(rows)
  })
})

describe('villagers’ issues', () => {
  const raise = (text = '3组路口的路灯坏了一个月了') => env.call('demo-villager', 'issue.raise', { requestId: rid(), category: '道路水电', text, place: '3组路口' })

  test('received → handling → answered → closed, with replies between, and one rating after the answer', async () => {
    const issue = ok(await raise())
    expect(issue).toMatchObject({ state: 'received', doorPlate: '2组12号', overdue: false })
    expect(ok(await env.call('demo-cadre', 'issue.queue', {})).issues.map((i: any) => i.id)).toContain(issue.id)
    // 2组12号 is in the first grid, which 刘芳 works
    expect(ok(await env.call('demo-grid', 'issue.queue', {})).issues.map((i: any) => i.id)).toContain(issue.id)
    expect(ok(await env.call('demo-cadre-jq', 'issue.queue', {})).issues.map((i: any) => i.id)).not.toContain(issue.id)

    expect(await env.call('demo-villager', 'issue.rate', { requestId: rid(), issueId: issue.id, stars: 5 })).toMatchObject({ ok: false, code: 'NOT_ANSWERED' })
    expect(await env.call('demo-cadre', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '马上处理', answer: true })).toMatchObject({ ok: false, code: 'STATE_CHANGED' })
    ok(await env.call('demo-cadre', 'issue.take', { requestId: rid(), issueId: issue.id }))
    expect(await env.call('demo-grid', 'issue.take', { requestId: rid(), issueId: issue.id })).toMatchObject({ ok: false, code: 'STATE_CHANGED' })
    ok(await env.call('demo-cadre', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '已联系电工，明天来修' }))
    ok(await env.call('demo-villager', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '好的，谢谢' }))
    ok(await env.call('demo-cadre', 'issue.handOver', { requestId: rid(), issueId: issue.id, toOpenid: 'demo-grid' }))
    expect(await env.call('demo-cadre', 'issue.handOver', { requestId: rid(), issueId: issue.id, toOpenid: 'demo-cadre-jq' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const answered = ok(await env.call('demo-grid', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '路灯已经修好了', answer: true }))
    expect(answered).toMatchObject({ state: 'answered', handlerName: '刘芳' })
    expect(answered.replies.map((r: any) => [r.byName, r.fromVillager])).toEqual([
      ['张德明', false],
      ['王秀英', true],
      ['刘芳', false]
    ])

    expect(ok(await env.call('demo-villager', 'issue.rate', { requestId: rid(), issueId: issue.id, stars: 5, word: '修得快' })).rating).toEqual({ stars: 5, word: '修得快' })
    expect(await env.call('demo-villager', 'issue.rate', { requestId: rid(), issueId: issue.id, stars: 1 })).toMatchObject({ ok: false, code: 'ALREADY_RATED' })
    expect(ok(await env.call('demo-villager', 'issue.close', { requestId: rid(), issueId: issue.id })).state).toBe('closed')
    expect(await env.call('demo-cadre', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '再说', answer: false })).toMatchObject({ ok: false, code: 'STATE_CHANGED' })
    expect(ok(await env.call('demo-villager', 'issue.mine', {})).issues.find((i: any) => i.id === issue.id).state).toBe('closed')
  })

  test('every move outside the flow is refused with one code', async () => {
    const issue = ok(await raise('村口垃圾桶满了'))
    expect(await env.call('demo-cadre', 'issue.close', { requestId: rid(), issueId: issue.id })).toMatchObject({ ok: false, code: 'STATE_CHANGED' })
    expect(await env.call('demo-cadre-jq', 'issue.take', { requestId: rid(), issueId: issue.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await env.call('demo-villager-2', 'issue.rate', { requestId: rid(), issueId: issue.id, stars: 3 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await env.call('demo-villager-2', 'issue.reply', { requestId: rid(), issueId: issue.id, text: '我也看到了' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('an issue not answered in three days is marked overdue; text passes the content check', async () => {
    const issue = ok(await raise('水管漏水'))
    await env.db.collection('issues').doc(issue.id).update({ data: { at: NOW - 4 * 86_400_000 } })
    expect(ok(await env.call('demo-cadre', 'issue.queue', {})).issues.find((i: any) => i.id === issue.id).overdue).toBe(true)
    expect(await raise('代开发票，加我微信')).toMatchObject({ ok: false, code: 'CONTENT_REFUSED' })
  })
})
