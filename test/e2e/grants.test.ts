import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { SHOTS, api as callApi, confirmDialog, loginAs as login, openAppAs } from './app'

/**
 * A role goes only to a number someone has opened the app with. On each page that grants one, a
 * number nobody has opened the app with (mistyped, made up) is refused with the plain reason, and
 * nothing is granted; once that person opens the app, the same tap grants it.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())
afterEach(() => page.screenshot({ path: path.join(SHOTS, 'grants-last.png'), fullPage: true }))

/** Taro's h5 keeps earlier pages in the DOM, hidden: look only at what is on screen */
const onScreen = (selector: string) => `${selector} >> visible=true`
const tap = (selector: string) => page.locator(onScreen(selector)).first().click()
const see = (selector: string) => page.waitForSelector(onScreen(selector))
const NEVER_OPENED = '还没有打开过小程序'

async function refusedWith(text: string, shot: string) {
  await see('.taro-modal__content')
  expect(await page.textContent(onScreen('.taro-modal__content'))).toContain(text)
  await page.screenshot({ path: path.join(SHOTS, `${shot}.png`), fullPage: true })
  await confirmDialog(page)
}

test('党务角色: a number nobody has opened the app with is refused with the reason; once opened, granted', async () => {
  await login(page, 'demo-cadre')
  await tap('[data-testid="open-party-roles"]')
  await see('[data-testid="party-role-holder"]')
  await tap('[data-testid="party-role-choice"][data-value="partyClerk"]')
  // an empty form says what it still needs, and what is filled in leaves the list
  const missing = () => page.textContent(onScreen('[data-testid="party-role-missing"]'))
  expect(await missing()).toBe('还要选一个党支部、填对方的编号、填对方姓名')
  await tap('[data-testid="party-role-place"][data-value="pb-xf-2"]')
  await page.fill(onScreen('[data-testid="party-role-openid"] input'), 'e2e-not-yet-opened')
  expect(await missing()).toBe('还要填对方姓名')
  await page.fill(onScreen('[data-testid="party-role-name"] input'), '孙丽')
  expect(await page.locator(onScreen('[data-testid="party-role-missing"]')).count()).toBe(0)
  await tap('[data-testid="party-role-grant"]')
  await refusedWith(NEVER_OPENED, 'grants-party-never-opened')
  expect(await page.locator(onScreen('[data-testid="party-role-holder"] >> text=孙丽')).count()).toBe(0)

  await openAppAs('e2e-not-yet-opened')
  await tap('[data-testid="party-role-grant"]')
  await see('[data-testid="party-role-holder"] >> text=孙丽 · 党务管理员')
  const reply = await callApi(page, 'partyRole.revoke', {
    requestId: `e2e-${Date.now().toString(36)}`,
    openid: 'e2e-not-yet-opened',
    role: 'partyClerk'
  })
  expect(reply).toMatchObject({ ok: true, data: { revoked: true } })
})

test('入驻单位管理: the county grants a station’s staff only to a number someone has opened the app with', async () => {
  await login(page, 'demo-county')
  await tap('[data-testid="open-org-admin"]')
  await tap('[data-testid="org-admin-organisation"] >> text=向阳派出所')
  await page.fill(onScreen('[data-testid="org-staff-openid"] input'), 'e2e-new-officer')
  await page.fill(onScreen('[data-testid="org-staff-name"] input'), '郑警官')
  await tap('[data-testid="org-staff-grant"]')
  await refusedWith(NEVER_OPENED, 'grants-org-never-opened')
  expect((await openAppAs('e2e-new-officer')).roles).toEqual([])

  await tap('[data-testid="org-staff-grant"]')
  await see('text=已授予')
  expect((await openAppAs('e2e-new-officer')).roles.map(r => r.role)).toEqual(['orgStaff'])
})
