import path from 'node:path'
import { BrowserContext, Page, Route } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, loginAs as login, replyTo } from './app'

/**
 * What staff see is never stale or someone else's: the issue desk after an act, the town and county
 * administrators' votes and shop figures, the home while it loads. Each case holds the page's own
 * call back (page.route) so that the moment a stale screen would show is as long as the test needs.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const requestId = () => `fr${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
const api = (route: string, input: unknown = {}) => callApi(page, route, input)
const routeOf = (r: Route) => JSON.parse(r.request().postData() ?? '{}').route as string
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `fresh-${name}.png`), fullPage: true })

/** Someone else, on their own phone, calls the api (this browser stays logged in as it is). */
async function callAs(openid: string, route: string, input: unknown) {
  const login = await fetch(`${BASE}/__dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid })
  })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]
  const reply = await fetch(`${BASE}/fn/api`, {
    method: 'POST',
    headers: { cookie },
    body: JSON.stringify({ route, input })
  })
  return reply.json()
}

/**
 * Holds the page's calls of `route` until `release` is called; the calls before `arm` go through.
 * Returns when the first held call was sent, so the test knows the page is waiting for it.
 */
async function holdCalls(route: string) {
  let armed = false
  let release!: () => void
  const released = new Promise<void>(resolve => (release = resolve))
  let sent!: () => void
  const firstSent = new Promise<void>(resolve => (sent = resolve))
  const held: Promise<void>[] = []
  const handler = async (r: Route) => {
    if (!armed || routeOf(r) !== route) return r.continue()
    sent()
    const passed = released.then(() => r.continue())
    held.push(passed)
    await passed
  }
  await page.route('**/fn/api', handler)
  return {
    arm: () => (armed = true),
    firstSent,
    release: async () => {
      release()
      await Promise.all(held)
      await page.unroute('**/fn/api', handler)
    }
  }
}

describe('the issue desk after an act', () => {
  test('after 我来办 the list never shows the issue as it was: the desk waits for the fresh list', async () => {
    const TEXT = `村口${Date.now() % 100000}号路灯坏了`
    await login(page, 'demo-villager')
    expect((await api('issue.raise', { requestId: requestId(), category: '道路水电', text: TEXT })).ok).toBe(true)

    await login(page, 'demo-cadre')
    await page.goto(`${BASE}/#/packages/cadre/pages/issues/index`)
    await page.click(`[data-testid="issue-row"][data-state="received"] >> text=${TEXT}`)

    const queue = await holdCalls('issue.queue')
    queue.arm()
    const taken = await replyTo(page, 'issue.take', () => page.click('[data-testid="take-issue"]'))
    expect(taken.ok).toBe(true)
    await queue.firstSent
    // the fresh list is on its way: the issue as it was (待受理) must not be on screen to tap meanwhile
    const stale = page.locator('[data-testid="issue-row"][data-state="received"]', { hasText: TEXT })
    const staleShown = await stale
      .waitFor({ timeout: 1500 })
      .then(() => true)
      .catch(() => false)
    await shot('issue-desk-while-reloading')
    await queue.release()
    expect(staleShown).toBe(false)
    await page.locator('[data-testid="issue-row"][data-state="handling"]', { hasText: TEXT }).waitFor()
    await expect(stale.count()).resolves.toBe(0)
  })
})

describe("an organisation's desk after an answer", () => {
  test('the answered issue leaves the list before the list is shown again, not after', async () => {
    const TEXT = `邻居家的狗${Date.now() % 100000}号晚上一直叫`
    const raised = await callAs('demo-villager', 'issue.raise', {
      requestId: requestId(),
      category: '邻里纠纷',
      text: TEXT
    })
    expect(raised.ok).toBe(true)
    const handed = await callAs('demo-cadre', 'issue.toOrganisation', {
      requestId: requestId(),
      issueId: raised.data.id,
      organisationId: 'org-police'
    })
    expect(handed.ok).toBe(true)

    await login(page, 'demo-org')
    await page.goto(`${BASE}/#/packages/participation/pages/org-desk/index`)
    await page.click(`[data-testid="issue-row"] >> text=${TEXT}`)
    await page.fill('input[placeholder="回复村民"]', '已经上门调解，双方说好了')
    const queue = await holdCalls('org.issues')
    queue.arm()
    const answered = await replyTo(page, 'org.replyIssue', () => page.click('text=答复（办完了）'))
    expect(answered.ok).toBe(true)
    await queue.firstSent
    // the fresh list is on its way: the issue, answered now, must not be on screen to answer again
    const stale = page.locator('[data-testid="issue-row"]', { hasText: TEXT })
    const staleShown = await stale
      .waitFor({ timeout: 1500 })
      .then(() => true)
      .catch(() => false)
    await queue.release()
    expect(staleShown).toBe(false)
    await page.locator('text=村里还没有转来的事').or(page.locator('[data-testid="issue-row"]')).first().waitFor()
    await expect(stale.count()).resolves.toBe(0)
  })
})

describe('村民投票 for town and county administrators', () => {
  test.each([
    ['demo-town', '向阳镇'],
    ['demo-county', '示范县']
  ])('%s sees the open vote of a village in their area, named by its village', async openid => {
    await login(page, openid)
    await page.click('[data-testid="open-votes-staff"]')
    const row = page.locator('[data-testid="vote-row"]', { hasText: '村委会前的空地修成什么' })
    await row.waitFor()
    await expect(row.textContent()).resolves.toContain('新丰村')
    await shot(`votes-${openid}`)
    // opening it shows the vote and its results, and no way to vote (they have no household to vote for)
    await row.click()
    await page.locator('[data-testid="vote-question"]:visible', { hasText: '村委会前的空地修成什么' }).waitFor()
    await page.locator('[data-testid="vote-state"]:visible').waitFor()
    await expect(page.locator('[data-testid="vote-cast"]:visible').count()).resolves.toBe(0)
    await expect(page.locator('[data-testid="vote-option"]:visible').count()).resolves.toBe(0)
    await shot(`vote-${openid}`)
  })
})

describe('积分超市 for town and county administrators', () => {
  test.each([
    ['demo-town', '新丰村'],
    ['demo-county', '向阳镇']
  ])('%s: a redemption in a village counts at once in the row of %s, with no recount', async (openid, rowName) => {
    await login(page, openid)
    await page.click('.taro-tabbar__tabbar >> text=积分超市')
    const row = page.locator('[data-testid="area-shop-row"]', { hasText: rowName })
    const figure = async () => Number(await row.locator('.list__number').textContent())
    await row.waitFor()
    const before = await figure()
    const order = await callAs('demo-villager', 'shop.order', { requestId: requestId(), goodsId: 'g-xf-towel' })
    expect(order.ok).toBe(true)
    // back to the tab, as the administrator would come back to it later: the figure counts the towel
    await page.click('.taro-tabbar__tabbar >> text=首页')
    await page.click('.taro-tabbar__tabbar >> text=积分超市')
    await page.waitForFunction(
      ([name, want]) =>
        [...document.querySelectorAll('[data-testid="area-shop-row"]')].some(
          r => r.textContent?.includes(name) && Number(r.querySelector('.list__number')?.textContent) === want
        ),
      [rowName, before + order.data.points] as const
    )
    expect(await figure()).toBe(before + order.data.points)
    // the villager changes her mind: the shop is as it was for the other tests
    expect((await callAs('demo-villager', 'shop.cancel', { requestId: requestId(), orderId: order.data.id })).ok).toBe(
      true
    )
  })
})

describe('the home while it loads', () => {
  beforeAll(() =>
    // every title the page shows, however briefly: the title bar's and the document's
    page.addInitScript(() => {
      const seen: string[] = []
      ;(window as unknown as { titlesSeen: string[] }).titlesSeen = seen
      const note = () => {
        for (const t of [document.querySelector('.taro-navigation-bar-title')?.textContent, document.title])
          if (t && seen.at(-1) !== t) seen.push(t)
      }
      new MutationObserver(note).observe(document, { subtree: true, childList: true, characterData: true })
    })
  )
  const titlesSeen = () => page.evaluate(() => (window as unknown as { titlesSeen: string[] }).titlesSeen)

  test.each(['demo-cadre', 'demo-grid', 'demo-town', 'demo-county'])(
    '%s never sees 我家积分 nor a household card, only a neutral loading state, then the workbench',
    async openid => {
      const home = await holdCalls('archive.home')
      home.arm()
      await login(page, openid)
      await home.firstSent
      await page.locator('text=正在加载').first().waitFor()
      const whileLoading = await titlesSeen()
      const cardWhileLoading = await page.locator('[data-testid="balance"]').count()
      await shot(`home-loading-${openid}`)
      await home.release()
      await page.locator('[data-testid="staff-greeting"]').waitFor()
      await page.waitForFunction(() => document.querySelector('.taro-navigation-bar-title')?.textContent === '工作台')
      expect(whileLoading).not.toContain('我家积分')
      expect(cardWhileLoading).toBe(0)
      expect(await titlesSeen()).not.toContain('我家积分')
    }
  )

  test('a villager sees a neutral title while loading, then 我家积分 with the card, also after coming back', async () => {
    const home = await holdCalls('archive.home')
    home.arm()
    await login(page, 'demo-villager')
    await home.firstSent
    await page.locator('text=正在加载').first().waitFor()
    expect(await titlesSeen()).not.toContain('我家积分')
    await home.release()
    await page.locator('[data-testid="balance"]').waitFor()
    await page.waitForFunction(() => document.querySelector('.taro-navigation-bar-title')?.textContent === '我家积分')
    await page.click('text=积分明细')
    await page.waitForFunction(() => document.querySelector('.taro-navigation-bar-title')?.textContent === '积分明细')
    await page.click('.taro-navigation-bar-back')
    await page.waitForFunction(() => document.querySelector('.taro-navigation-bar-title')?.textContent === '我家积分')
  })
})

describe('the changed pages as each persona sees them, at normal and large font', () => {
  /** Large font as the 我的 switch sets it: in the user's preferences and remembered on the phone. */
  async function setLargeFont(on: boolean) {
    expect((await api('me.setPreferences', { requestId: requestId(), largeFont: on })).ok).toBe(true)
    await page.evaluate(value => localStorage.setItem('largeFont', JSON.stringify({ data: value })), on)
  }
  const visit = async (route: string, ready: string) => {
    await page.goto('about:blank')
    await page.goto(`${BASE}/#/${route}`)
    await page.locator(ready).first().waitFor()
    await page.waitForLoadState('networkidle')
  }
  const PAGES: [string, string, string, string][] = [
    ['demo-cadre', 'home', 'pages/index/index', '[data-testid="staff-greeting"]'],
    ['demo-cadre', 'issues', 'packages/cadre/pages/issues/index', '[data-testid="issue-row"]'],
    ['demo-town', 'votes', 'packages/participation/pages/votes/index', '[data-testid="vote-row"]'],
    ['demo-town', 'vote', 'packages/participation/pages/vote/index?id=vt-demo-square', '[data-testid="vote-state"]'],
    ['demo-county', 'home', 'pages/index/index', '[data-testid="open-votes-staff"]'],
    ['demo-county', 'votes', 'packages/participation/pages/votes/index', '[data-testid="vote-row"]'],
    ['demo-villager', 'votes', 'packages/participation/pages/votes/index', '[data-testid="vote-row"]'],
    ['demo-org', 'org-desk', 'packages/participation/pages/org-desk/index', '[data-testid="issue-row"]']
  ]
  test.each(PAGES)('%s: %s', async (openid, name, route, ready) => {
    if (name === 'org-desk') {
      const text = '邻居在路边堆柴火，过不去车'
      const raised = await callAs('demo-villager', 'issue.raise', {
        requestId: requestId(),
        category: '邻里纠纷',
        text
      })
      const input = { requestId: requestId(), issueId: raised.data.id, organisationId: 'org-police' }
      expect((await callAs('demo-cadre', 'issue.toOrganisation', input)).ok).toBe(true)
    }
    if (name === 'issues') {
      const text = '3组晒场边的水沟堵了，下雨漫到路上'
      expect(
        (await callAs('demo-villager', 'issue.raise', { requestId: requestId(), category: '道路水电', text })).ok
      ).toBe(true)
    }
    await login(page, openid)
    try {
      for (const large of [false, true]) {
        await setLargeFont(large)
        const font = large ? 'large' : 'normal'
        if (name === 'home') {
          // the home as it loads, too: held until photographed
          const home = await holdCalls('archive.home')
          home.arm()
          await page.goto('about:blank')
          await page.goto(`${BASE}/#/${route}`)
          await page.locator('text=正在加载').first().waitFor()
          await shot(`${openid}-${name}-loading-${font}`)
          await home.release()
        }
        await visit(route, ready)
        if (name === 'issues' || name === 'org-desk') await page.click('[data-testid="issue-row"]')
        await shot(`${openid}-${name}-${font}`)
        const text = await page.evaluate(() => document.body.innerText)
        // no English word and no raw id on screen
        expect(text).not.toMatch(/[A-Za-z]{3,}/)
      }
    } finally {
      await setLargeFont(false)
    }
  })
})
