import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, api as callApi, loginAs as login } from './app'

/**
 * Issue 15: the rough edges each persona meets within minutes of a working day, each driven in
 * Chromium as that person would meet it.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

/** Logs in and waits for the home to settle, so that the next navigation cannot cut the login short. */
async function loginAs(openid: string) {
  await login(page, openid)
  await page.waitForURL(/#\/pages\/index\/index/)
  await page.waitForLoadState('networkidle')
}
const api = (route: string, input: unknown = {}) => callApi(page, route, input)
const requestId = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

/** Opens a page afresh (a new load, so that no earlier page stays in the DOM). */
async function open(route: string) {
  await page.goto('about:blank')
  await page.goto(`${BASE}/#/${route}`)
}
const bodyText = () => page.textContent('body') as Promise<string>

/** The routes the page sent to the api while `work` ran. */
async function routesSent(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = []
  const seen = (r: import('playwright-core').Request) => {
    if (r.url().endsWith('/fn/api')) sent.push(JSON.parse(r.postData() ?? '{}').route)
  }
  page.on('request', seen)
  try {
    await work()
  } finally {
    page.off('request', seen)
  }
  return sent
}

describe('1. 柜台兑换 finds the household by its code link, door plate or head', () => {
  beforeAll(() => loginAs('demo-cadre'))
  const openDesk = async () => {
    await open('packages/cadre/pages/desk/index')
    await page.waitForSelector('[data-testid="desk-code"]')
  }
  const find = async (text: string) => {
    await page.fill('[data-testid="desk-code"] input', text)
    await page.click('[data-testid="desk-open"]')
  }

  test('a pasted link of the household code opens the household', async () => {
    await openDesk()
    await find(`${BASE}/#/pages/household/index?scene=h%3Dh-xf-012`)
    await page.waitForSelector('[data-testid="desk-balance"]', { timeout: 5000 })
    expect(await bodyText()).toContain('2组12号')
  })

  test('the door plate typed by hand opens the household', async () => {
    await openDesk()
    await find('2组12号')
    await page.waitForSelector('[data-testid="desk-balance"]', { timeout: 5000 })
    expect(await bodyText()).toContain('王秀英')
  })

  test("the head's name opens the household; an unknown one says so", async () => {
    await openDesk()
    await find('王秀英')
    await page.waitForSelector('[data-testid="desk-balance"]', { timeout: 5000 })
    await openDesk()
    await find('没有这个人')
    await page.waitForSelector('[data-testid="desk-message"]', { timeout: 5000 })
    expect(await page.textContent('[data-testid="desk-message"]')).toContain('没有找到')
  })
})

describe('2. errors name the field in Chinese; forms check before sending', () => {
  test('an empty claim is stopped by the form, and the api names the field in Chinese', async () => {
    await loginAs('demo-villager')
    await open('packages/villager/pages/claim/index')
    await page.click('.list__action >> text=申报 >> nth=0')
    await page.waitForSelector('[data-testid="claim-submit"]')
    const sent = await routesSent(async () => {
      await page.click('[data-testid="claim-submit"]')
      await page.waitForSelector('.taro-modal__text', { timeout: 5000 })
    })
    expect(await page.textContent('.taro-modal__text')).toBe('请填写说明')
    expect(sent).not.toContain('claim.create')

    const rules = (await api('archive.rules')).data.rules
    const rule = rules.find((r: { proposers: string[] }) => r.proposers.includes('villager'))
    const reply = await api('claim.create', { requestId: requestId(), ruleId: rule.id, points: 1, description: '' })
    expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请填写说明' })
    for (const [route, input] of [
      ['objection.resolve', { requestId: requestId(), objectionId: 'o-1', upheld: false, reply: '' }],
      ['notice.publish', { requestId: requestId(), kind: 'notice', title: '' }],
      ['roles.grant', { requestId: requestId(), openid: 'someone', name: '某人', role: 'cadre', placeIds: [] }]
    ] as const) {
      const refused = await api(route, input)
      expect(refused.message).not.toMatch(/[A-Za-z]/)
    }
  })

  test('a join code typed in lower case with spaces is the same code', async () => {
    await loginAs('demo-cadre')
    const issued = await api('joinCode.issue', { requestId: requestId(), householdId: 'h-xf-020' })
    expect(issued.ok).toBe(true)
    const typed = `${issued.data.code.slice(0, 4)} ${issued.data.code.slice(4)}`.toLowerCase()
    await loginAs('demo-stranger')
    await open('pages/join/index')
    await page.fill('[data-testid="join-code"] input', typed)
    await page.fill('[data-testid="join-name"] input', '新来的')
    await page.click('[data-testid="join-submit"]')
    await page.waitForSelector('.taro-modal__text', { timeout: 5000 })
    expect(await page.textContent('.taro-modal__title')).toBe('加入成功')
  })
})

describe('3. every tab shows something useful to every role', () => {
  for (const [openid, tabs] of [
    ['demo-town', ['pages/ranking/index', 'pages/shop/index']],
    ['demo-county', ['pages/ranking/index', 'pages/shop/index']],
    ['demo-cadre', ['pages/shop/index']]
  ] as const)
    test(`${openid} opens ${tabs.join(', ')}`, async () => {
      await loginAs(openid)
      for (const tab of tabs) {
        await open(tab)
        await page.waitForFunction(() => !document.body.innerText.includes('正在加载…'), undefined, { timeout: 5000 })
        const text = await bodyText()
        expect(text).not.toContain('您没有权限')
        expect(text).toMatch(openid === 'demo-cadre' ? /香皂/ : /村民用的/)
      }
    })
})

describe('11. the browser build shows each page title and a way back', () => {
  test('a sub page has its title and a back button that returns', async () => {
    await loginAs('demo-villager')
    await page.waitForSelector('[data-testid="balance"]')
    const bar = page.locator('#taro-navigation-bar')
    await expect(bar.isVisible()).resolves.toBe(true)
    await expect(page.locator('.taro-navigation-bar-title').textContent()).resolves.toBe('我家积分')
    await page.click('text=积分明细')
    await page.waitForFunction(
      () => document.querySelector('.taro-navigation-bar-title')?.textContent === '积分明细',
      undefined,
      { timeout: 5000 }
    )
    await page.click('.taro-navigation-bar-back')
    await page.waitForFunction(
      () => document.querySelector('.taro-navigation-bar-title')?.textContent === '我家积分',
      undefined,
      { timeout: 5000 }
    )
  })
})

/** Every text on screen smaller than `minPx` CSS pixels: the element's words and its size. */
const smallTexts = (minPx: number) =>
  page.evaluate(min => {
    const small: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent?.trim()
      const element = node.parentElement
      if (!words || !element || element.closest('svg, script, style')) continue
      const box = element.getBoundingClientRect()
      const style = getComputedStyle(element)
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue
      if (parseFloat(style.fontSize) < min) small.push(`${words.slice(0, 20)} (${style.fontSize})`)
    }
    return small
  }, minPx)

const VILLAGER_PAGES = [
  'pages/index/index',
  'pages/ranking/index',
  'pages/shop/index',
  'pages/mine/index',
  'pages/history/index',
  'pages/rules/index',
  'pages/posting/index',
  'pages/notices/index',
  'pages/household/index?scene=h%3Dh-xf-001',
  'packages/villager/pages/claim/index',
  'packages/villager/pages/objection/index',
  'packages/villager/pages/issues/index',
  'packages/villager/pages/services/index'
]

describe('7. large-font mode reaches every text of every villager page', () => {
  beforeAll(async () => {
    await loginAs('demo-villager')
    await page.waitForSelector('[data-testid="balance"]')
    await api('me.setPreferences', { requestId: requestId(), largeFont: true })
    await page.evaluate(() => localStorage.setItem('largeFont', JSON.stringify({ data: true })))
  })
  afterAll(() => api('me.setPreferences', { requestId: requestId(), largeFont: false }))

  test.each(VILLAGER_PAGES)('%s: nothing below 16 px on a 390 px screen', async route => {
    await open(route)
    await page.waitForLoadState('networkidle')
    await page.waitForFunction(() => !document.body.innerText.includes('正在加载…'), undefined, { timeout: 5000 })
    expect(await smallTexts(16)).toEqual([])
  })

  test('the forms of 申报积分 and 我要说事, and the first notice', async () => {
    await open('packages/villager/pages/claim/index')
    await page.click('.list__action >> text=申报 >> nth=0')
    await page.waitForSelector('[data-testid="claim-submit"]')
    expect(await smallTexts(16)).toEqual([])
    const notices = (await api('notice.list')).data.notices
    await open(`pages/notice/index?id=${notices[0].id}`)
    await page.waitForLoadState('networkidle')
    expect(await smallTexts(16)).toEqual([])
  })
})
