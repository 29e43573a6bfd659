import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, loginAs as login } from './app'

/**
 * Issue 14's end-to-end, as a new user would: the branch secretary of the demo village records a
 * 三会一课 for 8 members (2 absent), a member claims 志愿服务 and the secretary approves it, the
 * member sees the points; at year end the secretary enters the 民主评议 scores and confirms, the town
 * posts the rating, and the member's page and their household's card show the star.
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
const open = (url: string) => page.goto(`${BASE}/#${url}`)
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
const ABSENT = ['pm-xf-10', 'pm-xf-11']
const LEAVE = ['pm-xf-06', 'pm-xf-07']

test('meeting, claim and approval, annual rating posted: the member and the household card show the star', async () => {
  // the member's points before
  await loginAs('demo-villager-2')
  await page.waitForSelector('[data-testid="balance"]')
  const before = (await api('partyMember.home')).data

  // the secretary records a 三会一课: 8 present, 2 absent without leave (deducted), 2 on leave
  await loginAs('demo-secretary')
  await page.click('[data-testid="open-party-branch"]')
  await page.waitForSelector('[data-testid="branch-member"]')
  await shot('party-branch-members')
  await page.click('.tabs__item[data-value="meeting"]')
  await page.click('[data-testid="meeting-rule"][data-rule="pb-xf-1-meeting"]')
  for (const id of ABSENT) await page.click(`[data-testid="meeting-member"][data-member="${id}"] [data-mark="absent"]`)
  for (const id of LEAVE) await page.click(`[data-testid="meeting-member"][data-member="${id}"] [data-mark="leave"]`)
  expect(await page.textContent('[data-testid="meeting-submit"]')).toContain('到会8人')
  await shot('party-meeting')
  await page.click('[data-testid="meeting-submit"]')
  await page.waitForSelector('[data-testid="meeting-done"]')
  expect(await page.textContent('[data-testid="meeting-done"]')).toContain('10人已记分')

  // the member claims 志愿服务 on their own page
  await loginAs('demo-villager-2')
  await open('/pages/mine/index')
  await page.click('[data-testid="open-party-member"]:visible')
  await page.waitForSelector('[data-testid="member-year-points"]')
  expect(Number(await page.textContent('[data-testid="member-year-points"]'))).toBe(before.runningTotal + 3)
  await page.click('[data-testid="party-claim-rule"][data-rule="pb-xf-1-volunteer"]')
  await page.click('[data-testid="points-plus"]')
  expect(await page.textContent('[data-testid="points-value"]')).toBe('+3')
  await page.fill('[data-testid="party-claim-description"] input', '帮五保户收玉米')
  await page.click('[data-testid="party-claim-submit"]')
  await page.waitForSelector('[data-testid="party-my-claim"][data-state="pending"]')

  // the secretary approves it
  await loginAs('demo-secretary')
  await open('/packages/party/pages/branch/index')
  await page.click('.tabs__item[data-value="review"]')
  await page.waitForSelector('[data-testid="party-claim-row"]')
  await shot('party-review')
  await page.click('[data-testid="party-claim-approve"]')
  await page.waitForSelector('[data-testid="party-claim-row"]', { state: 'detached' })

  // the member sees the points
  await loginAs('demo-villager-2')
  await open('/packages/party/pages/member/index')
  await page.waitForSelector('[data-testid="party-my-claim"][data-state="approved"]')
  expect(Number(await page.textContent('[data-testid="member-year-points"]'))).toBe(before.runningTotal + 6)
  expect(await page.textContent('body')).toContain('参加志愿服务')
  await shot('party-member')

  // year end: the secretary enters the 民主评议 scores and confirms
  await loginAs('demo-secretary')
  await open('/packages/party/pages/branch/index')
  await page.click('.tabs__item[data-value="rating"]')
  const row = page.locator('[data-testid="rating-row"][data-member="pm-xf-01"]')
  for (let i = 0; i < 18; i++) await row.locator('[data-testid="points-plus"]').click()
  expect(await row.textContent()).toContain('评议18')
  await page.click('[data-testid="rating-save"]')
  await page.waitForSelector('[data-testid="rating-confirm"]')
  await page.click('[data-testid="rating-confirm"]')
  await page.waitForSelector('[data-testid="rating-state"] >> text=支部已确认')
  await shot('party-rating')

  // the town's party administrator posts it for 5 days
  await loginAs('demo-town-party')
  await page.click('[data-testid="open-party-town"]')
  await page.waitForSelector('[data-testid="town-branch"]')
  await shot('party-town')
  await page.click('.tabs__item[data-value="post"]')
  await page.click('[data-testid="sheet-to-post"] [data-testid="post-rating"]')
  await page.waitForSelector('[data-testid="sheet-to-post"]', { state: 'detached' })

  // the member's page and the household card show the star
  const sheet = (await api('partyRating.sheet', { year: before.year, branchId: 'pb-xf-1' })).data
  const li = sheet.rows.find((r: any) => r.memberId === 'pm-xf-01')
  expect(li.total).toBe(Math.min(100, before.runningTotal + 6 + 18))
  await loginAs('demo-villager-2')
  await page.waitForSelector('[data-testid="party-star"]')
  expect(await page.getAttribute('[data-testid="party-star"]', 'data-stars')).toBe(String(li.stars))
  expect(await page.textContent('[data-testid="party-household"]')).toContain(`共产党员户`)
  expect(await page.textContent('[data-testid="party-star"]')).toContain(`${before.year}年`)
  await shot('party-household-card')
  await open('/packages/party/pages/member/index')
  await page.waitForSelector('[data-testid="member-stars"]')
  expect(await page.getAttribute('[data-testid="member-stars"]', 'data-stars')).toBe(String(li.stars))
  expect(await page.textContent('[data-testid="member-stars"]')).toContain('公示中')
})
