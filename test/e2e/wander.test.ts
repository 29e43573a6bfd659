import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, loginAs } from './app'

/** What a persona met wandering the pages: each a tap that once led nowhere. */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
  await loginAs(page, 'demo-villager')
})
afterAll(() => browser.close())

const visible = (testId: string) => page.locator(`.taro_page_show [data-testid="${testId}"]`)

test.each([
  ['红榜', 'pages/ranking/index', 'ranking-title'],
  ['积分明细', 'pages/history/index', 'entry-row']
])('tapping the tab already chosen on %s leaves its list on screen', async (_name, route, testId) => {
  await page.goto('about:blank')
  await page.goto(`${BASE}/#/${route}`)
  await visible(testId).first().waitFor()
  await page.click('.taro_page_show .tabs__item--on')
  // the list stays; it once gave way to 正在加载… for good
  await page.waitForTimeout(1500)
  expect(await visible(testId).count()).toBeGreaterThan(0)
  await expect(page.locator('.taro_page_show').innerText()).resolves.not.toContain('正在加载')
})
