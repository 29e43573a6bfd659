import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS } from './app'

let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

test('the product answers its health check', async () => {
  expect(await (await fetch(`${BASE}/healthz`)).json()).toEqual({ ok: true })
})

test('a villager logs in and sees their household points from the local cloud', async () => {
  await page.goto(BASE)
  // not logged in: the app sends the browser to the dev login, the stand-in for WeChat's identity
  await page.waitForURL(/__dev\/login/)
  await page.click('button[data-openid="demo-villager"]')
  await page.waitForSelector('[data-testid="balance"]')
  const balance = Number(await page.textContent('[data-testid="balance"]'))
  // the household's balance is the sum of its seeded entries, read through the api function
  const api = await page.evaluate(async () => {
    const res = await fetch('/fn/api', { method: 'POST', body: JSON.stringify({ route: 'archive.home', input: {} }) })
    return res.json()
  })
  expect(api.ok).toBe(true)
  expect(balance).toBe(api.data.card.balance)
  expect(balance).toBeGreaterThan(0)
  await expect(page.textContent('body')).resolves.toContain('王秀英')
  await expect(page.textContent('body')).resolves.toContain('最近的积分')
  await page.screenshot({ path: path.join(SHOTS, 'villager-home.png'), fullPage: true })
})
