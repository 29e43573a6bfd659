import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, loginAs as login } from './app'

/**
 * The cadre marks which bound WeChat user is the household's head (户主) on the household's page: the
 * head of 1组5号 bound under the name her family calls her, so by name nobody was head; once marked,
 * she may consent for the household.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())
afterEach(() => page.screenshot({ path: path.join(SHOTS, 'household-head-last.png'), fullPage: true }))

const HOUSEHOLD = 'h-xf-005'
const requestId = () => `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
/** Taro's h5 keeps earlier pages in the DOM, hidden: look only at what is on screen */
const onScreen = (selector: string) => `${selector} >> visible=true`

/** A call of another person, from their own phone (outside this browser). */
async function apiAs(openid: string, route: string, input: unknown) {
  const login = await fetch(`${BASE}/__dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid })
  })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]
  const reply = await (
    await fetch(`${BASE}/fn/api`, { method: 'POST', headers: { cookie }, body: JSON.stringify({ route, input }) })
  ).json()
  if (!reply.ok) throw new Error(`${route}: ${reply.code}`)
  return reply.data
}

test('the cadre marks a bound villager as the head on the household page; she may then consent', async () => {
  await login(page, 'demo-cadre')
  const code = await callApi(page, 'joinCode.issue', { requestId: requestId(), householdId: HOUSEHOLD, days: 7 })
  await apiAs('e2e-fengying', 'join.bind', { requestId: requestId(), code: code.data.code, name: '凤英' })
  expect((await apiAs('e2e-fengying', 'credit.banks', {})).isHead).toBe(false)

  await page.goto(`${BASE}/#/packages/cadre/pages/household/index?id=${HOUSEHOLD}`)
  const row = page.locator(onScreen('[data-testid="binding"][data-name="凤英"]'))
  await row.waitFor()
  expect(await row.locator('[data-testid="binding-head"]').count()).toBe(0)
  await row.locator('[data-testid="binding-set-head"]').click()
  // the cadre is asked first, with what being the head means
  await page.waitForSelector('.taro-modal__content')
  expect(await page.textContent('.taro-modal__content')).toContain('代表全家')
  await page.click('.taro-modal__foot >> text=设为户主')
  await row.locator('[data-testid="binding-head"]').waitFor()
  expect(await row.locator('[data-testid="binding-set-head"]').count()).toBe(0)
  await page.screenshot({ path: path.join(SHOTS, 'household-head-marked.png'), fullPage: true })
  expect(await page.textContent('body')).not.toMatch(/e2e-fengying|h-xf-005/)

  expect((await apiAs('e2e-fengying', 'credit.banks', {})).isHead).toBe(true)
  // the other browser tests know 1组5号 without bound users or join codes
  await callApi(page, 'binding.remove', { requestId: requestId(), householdId: HOUSEHOLD, openid: 'e2e-fengying' })
  await callApi(page, 'joinCode.revoke', { requestId: requestId(), code: code.data.code })
})
