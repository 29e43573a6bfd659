import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { SHOTS, loginAs, replyTo } from './app'

/**
 * 入驻单位管理 as the town administrator (赵敏) meets it: the county's organisations are listed but not
 * hers to staff, so tapping one offers no form that can only be refused; one she registers herself is,
 * and the registering form starts empty again (the same press again would register it twice).
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())
afterEach(() => page.screenshot({ path: path.join(SHOTS, 'org-admin-last.png'), fullPage: true }))

const onScreen = (selector: string) => `${selector} >> visible=true`
const tap = (selector: string) => page.locator(onScreen(selector)).first().click()
const see = (selector: string) => page.waitForSelector(onScreen(selector))
const row = (name: string) => page.locator(onScreen('[data-testid="org-admin-organisation"]')).filter({ hasText: name })

test('the town administrator staffs only the organisations she registered', async () => {
  await loginAs(page, 'demo-town')
  await tap('[data-testid="open-org-admin"]')
  await see('[data-testid="org-admin-organisation"]')

  // 向阳派出所 is the county's: it says so, and a tap opens no grant form
  await row('向阳派出所').click()
  await page.waitForTimeout(300)
  expect(await page.locator(onScreen('[data-testid="org-staff-openid"]')).count()).toBe(0)
  expect(await row('向阳派出所').textContent()).toContain('县里登记')

  // she registers the town's clinic
  await tap('.chip >> text=卫生院')
  await page.fill(onScreen('[data-testid="org-name"] input'), '向阳镇卫生院')
  await page.fill(onScreen('[data-testid="org-phone"] input'), '0838-5550120')
  const saved = await replyTo(page, 'org.save', () => tap('[data-testid="org-register"]'))
  expect(saved.ok).toBe(true)
  await row('向阳镇卫生院').waitFor()
  expect(await page.inputValue(onScreen('[data-testid="org-name"] input'))).toBe('')
  expect(await page.inputValue(onScreen('[data-testid="org-phone"] input'))).toBe('')

  // hers to staff: the tap opens the grant form
  await row('向阳镇卫生院').click()
  await see('[data-testid="org-staff-openid"]')
})
