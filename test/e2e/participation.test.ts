import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, loginAs as login } from './app'

/**
 * Issue 17's end-to-end: a villager votes from the home screen and sees the result; the cadre
 * sees who voted.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const loginAs = (openid: string) => login(page, openid)

test('a villager votes on the open vote of the home screen and sees the result', async () => {
  await loginAs('demo-villager')
  await page.click('[data-testid="home-vote"]')
  await page.waitForSelector('[data-testid="vote-option"]')
  const counts = async () => page.locator('[data-testid="vote-count"]:visible').allTextContents()
  expect(await counts()).toEqual(['0', '0', '0'])
  await page.click('[data-testid="vote-option"][data-option="0"]')
  await page.screenshot({ path: path.join(SHOTS, 'vote-ticked.png') })
  await page.click('[data-testid="vote-cast"]')
  await page.waitForSelector('[data-testid="vote-voted"]')
  expect(await counts()).toEqual(['1', '0', '0'])
  await page.screenshot({ path: path.join(SHOTS, 'vote-result.png') })

  // the cadre sees the household among those who voted
  await loginAs('demo-cadre')
  await page.goto(`${BASE}/#/packages/participation/pages/vote/index?id=vt-demo-square`)
  await page.waitForSelector('text=2组12号')
  expect(await counts()).toEqual(['1', '0', '0'])
})
