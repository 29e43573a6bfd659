import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, confirmDialog, loginAs as login } from './app'

/**
 * Issue 4's end-to-end: the cadre persona scores a household in the h5 app, and the villager of that
 * household sees the new balance, the entry and their rank.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const loginAs = (openid: string) => login(page, openid)

const number = async (selector: string) => Number((await page.textContent(selector))?.replace(/[^\d-]/g, ''))
const api = (route: string, input: unknown = {}) => callApi(page, route, input)

test('a cadre scores a household; its villager sees the new balance, entry and rank', async () => {
  await loginAs('demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  const before = await number('[data-testid="balance"]')
  const rankBefore = (await api('archive.home')).data.card.rankInVillage

  await loginAs('demo-cadre')
  await page.waitForSelector('[data-testid="open-cadre"]')
  await page.click('[data-testid="open-cadre"]')
  await page.fill('[data-testid="household-search"] input', '2组12号')
  await page.waitForSelector('[data-testid="household-row"][data-id="h-xf-012"]')
  await page.click('[data-testid="household-row"][data-id="h-xf-012"]')
  await page.waitForSelector('[data-testid="detail-balance"]')
  expect(await number('[data-testid="detail-balance"]')).toBe(before)
  await page.click('[data-testid="open-score"]')
  await page.click('[data-rule="r-xf-civility"]')
  expect(await page.textContent('[data-testid="points-value"]')).toBe('+20')
  await page.click('[data-testid="score-submit"]')
  await page.waitForSelector('text=已记分')
  await page.screenshot({ path: path.join(SHOTS, 'cadre-scored.png') })
  await confirmDialog(page)

  await loginAs('demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  expect(await number('[data-testid="balance"]')).toBe(before + 20)
  const body = await page.textContent('body')
  expect(body).toContain('红白喜事简办、不大操大办')
  expect(body).toContain('+20')
  const home = (await api('archive.home')).data
  expect(home.card.balance).toBe(before + 20)
  expect(home.card.rankInVillage).toBeLessThanOrEqual(rankBefore)
  expect(body).toContain(`第${home.card.rankInVillage}名`)
  await page.screenshot({ path: path.join(SHOTS, 'villager-after-score.png'), fullPage: true })

  // and on the 红榜 the household's own place
  await page.goto(`${BASE}/#/pages/ranking/index`)
  await page.click('[data-value="all"]')
  await page.waitForSelector('[data-testid="my-place"]')
  expect(await page.textContent('[data-testid="my-place"]')).toContain(`我家总排名第${home.card.rankInVillage}名`)
})
