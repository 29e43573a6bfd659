import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { periodKeys, periodWords } from '../../core/domain/period'
import { launchBrowser } from '../helpers/browser'
import { SHOTS, loginAs } from './app'

/**
 * What the town (赵敏, 向阳镇) and county (周县管) administrators read on their pages says what they are
 * about, in words: the export is of her town, not of the county; the month is 2026年11月, not 2026-11;
 * and no page offers them a way that ends in a refusal.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())
afterEach(() => page.screenshot({ path: path.join(SHOTS, 'admin-pages-last.png'), fullPage: true }))

const onScreen = (selector: string) => `${selector} >> visible=true`
const tap = (selector: string) => page.locator(onScreen(selector)).first().click()
const see = (selector: string) => page.waitForSelector(onScreen(selector))
/** what the export page says it exports; the overview's title (Taro keeps earlier pages in the DOM) */
const EXPORT_WHAT = '.page:has([data-testid="data-export-start"]) .notice'
const OVERVIEW_TITLE = '.page:has([data-testid="total-coverage"]) > .section-title'

test('the town administrator’s export says it is her town’s data', async () => {
  await loginAs(page, 'demo-town')
  await tap('[data-testid="open-data-export"]')
  await page.locator(onScreen(EXPORT_WHAT)).filter({ hasText: '向阳镇' }).waitFor()
  expect(await page.locator(onScreen(EXPORT_WHAT)).textContent()).not.toContain('全县')
})

test('the county administrator’s export is the county’s', async () => {
  await loginAs(page, 'demo-county')
  await tap('[data-testid="open-data-export"]')
  await page.locator(onScreen(EXPORT_WHAT)).filter({ hasText: '全县' }).waitFor()
})

test('the overview names its month in words', async () => {
  await loginAs(page, 'demo-town')
  await tap('[data-testid="open-overview"]')
  await see('[data-testid="total-coverage"]')
  await page.waitForTimeout(500) // the slide-in, for the picture of the trend
  await page.screenshot({ path: path.join(SHOTS, 'overview-town.png'), fullPage: true })
  const month = periodKeys(Date.now()).month
  expect(await page.locator(onScreen(OVERVIEW_TITLE)).first().textContent()).toBe(`向阳镇 · ${periodWords(month)}`)
})

test('公平性 is offered to the town administrator, whose it is, and not to the county administrator', async () => {
  await loginAs(page, 'demo-town')
  await tap('[data-testid="open-admin"]')
  await see('[data-testid="open-fairness"]')
  await tap('[data-testid="open-fairness"]')
  await see('[data-testid="village-figures"]')
  // its period in words too
  expect(
    await page.locator(onScreen('.page:has([data-testid="village-figures"]) .section-title')).first().textContent()
  ).toMatch(new RegExp(`村 · ${periodWords(periodKeys(Date.now()).month)}$`))

  await loginAs(page, 'demo-county')
  await tap('[data-testid="open-admin"]')
  await see('.page:has(.links) .list__row')
  expect(await page.locator(onScreen('[data-testid="open-fairness"]')).count()).toBe(0)
})
