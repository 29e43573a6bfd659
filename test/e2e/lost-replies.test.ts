import path from 'node:path'
import { BrowserContext, Page, Route } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, confirmDialog, loginAs as login } from './app'

/**
 * Issue 12: a write reaches the cloud, and the reply is lost on the way back (a weak signal). The page
 * retries by itself with the same request id, and after it gives up the user taps again: the same id
 * again. One order and one debit; one award; one batch.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const loginAs = (openid: string) => login(page, openid)
const api = async (route: string, input: unknown = {}) => {
  const reply = await callApi(page, route, input)
  if (!reply.ok) throw new Error(`${route}: ${reply.code}`)
  return reply.data
}

/**
 * Lets every request of `routeName` reach the server (route.fetch() runs it there for real), then cuts
 * the connection before the page gets the reply. Returns the request ids the page sent, and a switch
 * that lets replies through again.
 */
async function loseRepliesOf(routeName: string) {
  const requestIds: string[] = []
  let losing = true
  const handler = async (route: Route) => {
    const body = route.request().postDataJSON()
    if (body?.route !== routeName) return route.continue()
    requestIds.push(body.input.requestId)
    if (!losing) return route.continue()
    const reply = await route.fetch()
    expect(reply.status()).toBe(200) // it was done on the server
    await route.abort('internetdisconnected')
  }
  await page.route('**/fn/api', handler)
  return {
    requestIds,
    signalBack: () => {
      losing = false
    },
    stop: () => page.unroute('**/fn/api', handler)
  }
}

/** An award rule of its own (uncapped, no photo needed), so that what other tests scored cannot cap it. */
let ruleId = ''
async function ruleForThisTest() {
  if (ruleId) return ruleId
  const saved = await api('rules.save', {
    requestId: `lost-replies-rule-${Date.now()}`,
    terms: {
      category: '公益参与',
      title: '帮邻居抢收（测试）',
      points: { min: 3, max: 3 },
      cap: null,
      evidenceRequired: false,
      proposers: ['cadre']
    }
  })
  return (ruleId = saved.id)
}

/** The page's own retries give up and say so; the dialog is closed as a villager would. */
async function waitForGivingUp() {
  await page.waitForSelector('text=没有送到')
  expect(await page.textContent('.taro-modal__content')).toContain('不会重复')
}

test('换 in the shop: the reply is lost, the page retries, the villager taps again: one order, one debit', async () => {
  await loginAs('demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  const before = await api('shop.myOrders')
  const balanceBefore = (await api('archive.home')).card.balance

  await page.goto(`${BASE}/#/pages/shop/index`)
  const cut = await loseRepliesOf('shop.order')
  const row = '[data-testid="goods-row"][data-id="g-xf-soap"]'
  await page.click(`${row} [data-testid="order"]`)
  await page.click('.taro-modal__foot >> text=换')
  await page.waitForSelector(`${row} [data-submitting="yes"]`)
  expect(await page.textContent(`${row} [data-testid="order"]`)).toBe('提交中')
  await waitForGivingUp()
  await page.screenshot({ path: path.join(SHOTS, 'lost-reply-shop.png') })
  const tries = cut.requestIds.length
  expect(tries).toBeGreaterThan(1) // the page retried by itself
  await confirmDialog(page)

  cut.signalBack()
  await page.click(`${row} [data-testid="order"]`)
  await page.click('.taro-modal__foot >> text=换')
  await page.waitForSelector('text=已下单')
  await cut.stop()

  expect(cut.requestIds).toHaveLength(tries + 1)
  expect(new Set(cut.requestIds).size).toBe(1) // one request id from the first tap to the last
  const after = await api('shop.myOrders')
  expect(after.orders.length).toBe(before.orders.length + 1)
  expect(after.orders[0]).toMatchObject({ goodsName: '香皂', quantity: 1, points: 5, state: 'ordered' })
  expect((await api('archive.home')).card.balance).toBe(balanceBefore - 5)
  // leave no order waiting: other browser tests look for the one they place
  await api('shop.cancel', { requestId: `lost-replies-cancel-${Date.now()}`, orderId: after.orders[0].id })
})

test("a cadre's award: the reply is lost, the cadre taps again: one entry, counted once", async () => {
  await loginAs('demo-cadre')
  await page.waitForSelector('[data-testid="open-cadre"]')
  const household = 'h-xf-007'
  const rule = await ruleForThisTest()
  const before = await api('cadre.household', { householdId: household })
  const startedAt = Date.now()

  await page.goto(`${BASE}/#/packages/cadre/pages/score/index?id=${household}&plate=${encodeURIComponent('1组7号')}`)
  await page.click(`[data-rule="${rule}"]`)
  const cut = await loseRepliesOf('score.award')
  await page.click('[data-testid="score-submit"]')
  await waitForGivingUp()
  await confirmDialog(page)
  cut.signalBack()
  await page.click('[data-testid="score-submit"]')
  await page.waitForSelector('text=已记分')
  await cut.stop()

  expect(new Set(cut.requestIds).size).toBe(1)
  expect(cut.requestIds.length).toBeGreaterThan(2)
  const after = await api('cadre.household', { householdId: household })
  expect(after.summary.balance).toBe(before.summary.balance + 3)
  const written = after.entries.filter((e: any) => e.at >= startedAt)
  expect(written.map((e: any) => [e.title, e.points])).toEqual([['帮邻居抢收（测试）', 3]])
})

test('a batch: the reply is lost, the cadre taps again: each household scored once', async () => {
  await loginAs('demo-cadre')
  await page.waitForSelector('[data-testid="open-cadre"]')
  const households = ['h-xf-003', 'h-xf-004', 'h-xf-005']
  const balances = async () =>
    Promise.all(households.map(async h => (await api('cadre.household', { householdId: h })).summary.balance))
  const rule = await ruleForThisTest()
  const before = await balances()

  await page.goto(`${BASE}/#/packages/cadre/pages/batch/index`)
  await page.click(`[data-rule="${rule}"]`)
  for (const h of households) await page.click(`[data-testid="batch-household"][data-id="${h}"]`)
  const cut = await loseRepliesOf('score.batch')
  await page.click('[data-testid="batch-submit"]')
  await page.click('.taro-modal__foot >> text=记上') // batch scoring asks first, with the count and the total
  await waitForGivingUp()
  await confirmDialog(page)
  cut.signalBack()
  await page.click('[data-testid="batch-submit"]')
  await page.click('.taro-modal__foot >> text=记上') // batch scoring asks first, with the count and the total
  await page.waitForSelector('[data-testid="batch-result"]')
  await cut.stop()

  expect(await page.textContent('[data-testid="batch-result"]')).toContain('记分3户')
  expect(new Set(cut.requestIds).size).toBe(1)
  expect(await balances()).toEqual(before.map(b => b + 3))
})
