import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, confirmDialog, loginAs as login } from './app'

/**
 * Issue 17's end-to-end: a villager votes from the home screen and sees the result; signs up for an
 * activity, checks in by its code (the QR code's link in the browser) and sees the points once the
 * cadre confirms attendance.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const loginAs = (openid: string) => login(page, openid)
const api = async (route: string, input: unknown = {}) => {
  const reply = await callApi(page, route, input)
  if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
  return reply.data
}
const requestId = () => `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`

/** What a phone's camera reads from a code image. */
async function scan(imageUrl: string): Promise<string> {
  const png = PNG.sync.read(Buffer.from(await (await fetch(new URL(imageUrl, BASE))).arrayBuffer()))
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!found) throw new Error('no QR code in the image')
  return found.data
}

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
  await page.waitForSelector('[data-testid="open-cadre"]')
  await page.goto(`${BASE}/#/packages/participation/pages/vote/index?id=vt-demo-square`)
  await expect(page.locator('[data-testid="vote-voter"]:visible').textContent()).resolves.toContain('2组12号')
  expect(await counts()).toEqual(['1', '0', '0'])
})

test('a villager signs up, checks in by the activity code and sees the points after the cadre confirms', async () => {
  // the cadre posts an activity starting in a few seconds (check-in opens half an hour before the start)
  await loginAs('demo-cadre')
  await page.waitForSelector('[data-testid="open-cadre"]')
  const startAt = Date.now() + 20_000
  const activity = await api('activity.post', {
    requestId: requestId(),
    kind: 'labour',
    title: '打扫村委会院子',
    place: '村委会',
    startAt,
    endAt: startAt + 2 * 3600_000,
    capacity: 5,
    credit: { ruleId: 'r-xf-activity', points: 5 }
  })
  await page.goto(`${BASE}/#/packages/participation/pages/activity/index?id=${activity.id}`)
  const code = page.locator('[data-testid="activity-code"]:visible')
  await code.waitFor()
  await page.screenshot({ path: path.join(SHOTS, 'activity-cadre.png') })
  const link = await scan((await code.getAttribute('data-url'))!)
  expect(link).toContain('packages/participation/pages/checkin/index?scene=')

  // the villager finds it on the home screen and signs up
  await loginAs('demo-villager')
  const before = Number(await page.textContent('[data-testid="balance"]'))
  await page.click('[data-testid="home-activity"]')
  await page.locator('[data-testid="activity-sign-up"]:visible').click()
  await page.locator('[data-testid="signed-up"]:visible').waitFor()
  // at the place: scanning the code opens the check-in page
  await page.goto(link)
  await page.locator('[data-testid="check-in"]:visible').click()
  await page.locator('[data-testid="checked-in"]:visible').waitFor()
  await page.screenshot({ path: path.join(SHOTS, 'activity-checked-in.png') })

  // after the start the cadre confirms attendance
  await page.waitForTimeout(Math.max(0, startAt - Date.now() + 1000))
  await loginAs('demo-cadre')
  await page.waitForSelector('[data-testid="open-cadre"]')
  await page.goto(`${BASE}/#/packages/participation/pages/activity/index?id=${activity.id}`)
  await expect(page.locator('[data-testid="attendee"]:visible').textContent()).resolves.toContain('扫码签到')
  await page.locator('[data-testid="activity-confirm"]:visible').click()
  await confirmDialog(page)
  await page.locator('[data-testid="activity-confirmed"]:visible').waitFor()
  await expect(page.locator('[data-testid="activity-confirmed"]:visible').textContent()).resolves.toContain('1户加了分')

  await loginAs('demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  expect(Number(await page.textContent('[data-testid="balance"]'))).toBe(before + 5)
})

test('a villager consents to the demo bank, its staff see the statement; revoked, the bank no longer can', async () => {
  await loginAs('demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  const balance = await page.textContent('[data-testid="balance"]')
  await page.click('[data-testid="open-credit-home"]')
  const bank = page.locator('[data-testid="bank-card"][data-id="org-bank"]:visible')
  await bank.locator('[data-testid="consent-text"]').waitFor()
  await expect(bank.locator('[data-testid="consent-text"]').textContent()).resolves.toContain('示范县农商银行向阳支行')
  // without ticking 同意 nothing is given
  await bank.locator('[data-testid="credit-consent"]').click()
  await confirmDialog(page)
  await bank.locator('[data-testid="credit-agree"]').click()
  await page.screenshot({ path: path.join(SHOTS, 'credit-consent.png') })
  await bank.locator('[data-testid="credit-consent"]').click()
  await bank.locator('[data-testid="consent-state"][data-state="inForce"]').waitFor()

  // the bank's staff find the household and open its statement
  await loginAs('demo-bank')
  await page.click('[data-testid="open-bank"]')
  await page.locator('[data-testid="bank-household"][data-id="h-xf-012"]:visible').click()
  await page.locator('[data-testid="statement"]:visible').waitFor()
  await expect(page.locator('[data-testid="statement-balance"]:visible').textContent()).resolves.toBe(balance)
  // with the ledger's proof of its entries, checked again in the browser
  const proof = page.locator('[data-testid="statement-proof"]:visible')
  await expect(proof.textContent()).resolves.toMatch(/已存证 [1-9]\d* 条，本机已按证明重新算过/)
  await page.screenshot({ path: path.join(SHOTS, 'credit-statement.png') })
  await proof.screenshot({ path: path.join(SHOTS, 'credit-statement-proof.png') })
  await page.locator('[data-testid="statement-proof-toggle"]:visible').click()
  await expect(proof.textContent()).resolves.toMatch(/树根 [0-9a-f]{64} · 树头 [0-9a-f]{64}/)

  // the household sees who looked, and revokes
  await loginAs('demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  await page.click('[data-testid="open-credit-home"]')
  await expect(page.locator('[data-testid="credit-view"]:visible').first().textContent()).resolves.toContain('陈经理')
  await page.screenshot({ path: path.join(SHOTS, 'credit-who-looked.png') })
  await page.locator('[data-testid="bank-card"][data-id="org-bank"]:visible [data-testid="credit-revoke"]').click()
  await page
    .locator(
      '[data-testid="bank-card"][data-id="org-bank"]:visible [data-testid="consent-state"][data-state="revoked"]'
    )
    .waitFor()

  // the bank no longer can: not in its list, and the statement is refused
  await loginAs('demo-bank')
  await page.click('[data-testid="open-bank"]')
  await page.locator('text=没有授权在有效期内的户').first().waitFor()
  expect(await api('credit.households')).toMatchObject({ households: [] })
  const refused = await callApi(page, 'credit.summary', { householdId: 'h-xf-012' })
  expect(refused).toMatchObject({ ok: false, code: 'NO_CONSENT' })
})
