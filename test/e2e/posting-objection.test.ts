import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, confirmDialog as confirm, loginAs as login } from './app'

/**
 * Issue 5's end-to-end: a grid worker proposes, a cadre approves, the villager sees the points in
 * the public posting, objects, the cadre upholds the objection, and the villager sees the correction.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const loginAs = (openid: string) => login(page, openid)
const api = (route: string, input: unknown = {}) => callApi(page, route, input)
const confirmDialog = () => confirm(page)

test('proposal → approval → posting → objection → upheld → the villager sees the correction', async () => {
  await loginAs('demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  const before = (await api('archive.home')).data.card.balance

  // the grid worker proposes 10 points for 2组12号 (王秀英's household)
  await loginAs('demo-grid')
  await page.click('[data-testid="open-grid"]')
  await page.click('[data-testid="new-proposal"]')
  await page.click('[data-household="h-xf-012"]')
  await page.click('[data-rule="r-xf-safety"]')
  await page.click('[data-testid="points-plus"]')
  expect(await page.textContent('[data-testid="points-value"]')).toBe('+10')
  await page.fill('[data-testid="proposal-description"] textarea', '夜间巡逻时发现电线老化并报告')
  await page.click('[data-testid="proposal-submit"]')
  await page.waitForSelector('text=已提议')
  await confirmDialog()

  // the cadre approves it
  await loginAs('demo-cadre')
  await page.click('[data-testid="open-cadre"]')
  await page.click('[data-testid="open-review"]')
  await page.click('[data-testid="review-row"] >> text=2组12号')
  await page.click('[data-testid="approve"]')
  await page.waitForSelector('[data-testid="review-row"] >> text=2组12号', { state: 'detached' })

  // the villager sees it in the posting and objects
  await loginAs('demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  expect((await api('archive.home')).data.card.balance).toBe(before + 10)
  await page.click('[data-testid="open-posting"]')
  const row = page
    .locator('[data-testid="posting-row"][data-state="posted"]', { hasText: '参加巡逻、报告安全隐患' })
    .first()
  await expect(row.textContent()).resolves.toContain('公示中')
  await page.screenshot({ path: path.join(SHOTS, 'posting.png'), fullPage: true })
  await row.locator('[data-testid="object"]').click()
  await page.fill('[data-testid="objection-reason"] textarea', '那天晚上是我儿子去的，不是我家报告的隐患')
  await page.click('[data-testid="objection-submit"]')
  await page.waitForSelector('text=已提交')
  await confirmDialog()

  // the cadre upholds it: the 10 points are cancelled by a correction
  await loginAs('demo-cadre')
  await page.click('[data-testid="open-cadre"]')
  await page.click('[data-testid="open-objections"]')
  await page.click('[data-testid="objection-row"]')
  await page.fill('[data-testid="objection-reply"] input', '核实后确认报告人不是本户，已更正')
  await page.click('[data-testid="uphold"]')
  await page.waitForSelector('[data-testid="objection-row"]', { state: 'detached' })

  // the villager sees the correction, the reply, and the balance back where it was
  await loginAs('demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  expect(Number(await page.textContent('[data-testid="balance"]'))).toBe(before)
  expect(await page.textContent('body')).toContain('更正')
  await page.goto(`${BASE}/#/packages/villager/pages/objection/index`)
  const answered = page.locator('[data-testid="objection-row"][data-state="upheld"]')
  await expect(answered.textContent()).resolves.toContain('核实后确认报告人不是本户，已更正')
  await page.goto(`${BASE}/#/pages/posting/index`)
  await page.waitForSelector('[data-testid="posting-row"][data-state="corrected"]')
  await page.screenshot({ path: path.join(SHOTS, 'posting-corrected.png'), fullPage: true })
})
