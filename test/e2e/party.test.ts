import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { SHOTS, api as callApi, loginAs as login } from './app'

/**
 * Issue 14's end-to-end, as a new user would: the branch secretary of the demo village records a
 * 三会一课 for 8 members (2 absent), a member claims 志愿服务 and the secretary approves it, the
 * member sees the points; at year end the secretary enters the 民主评议 scores and confirms, the town
 * posts the rating, and the member's page and their household's card show the star.
 */
let browser: BrowserContext
let page: Page
const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'photo-')), 'meeting.png')

beforeAll(async () => {
  const png = new PNG({ width: 64, height: 48 })
  png.data.fill(0xc8)
  fs.writeFileSync(photo, PNG.sync.write(png))
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())
// what the page showed when a step failed, to look at
afterEach(() => page.screenshot({ path: path.join(SHOTS, 'party-last.png'), fullPage: true }))

const loginAs = (openid: string) => login(page, openid)
const api = (route: string, input: unknown = {}) => callApi(page, route, input)
/** as the member does: the 我的 tab, then 我的党员积分 */
async function openMemberPage() {
  await see('[data-testid="balance"]')
  await tap('.weui-tabbar__item >> text=我的')
  await see('[data-testid="my-household"]') // 我的 has loaded: its parts no longer move
  await tap('[data-testid="open-party-member"]')
}
/**
 * Taro's h5 keeps earlier pages in the DOM, hidden: look only at what is on screen. The click waits
 * for a visible match, so a page still sliding in or out does not take the tap.
 */
const onScreen = (selector: string) => `${selector} >> visible=true`
const tap = (selector: string) => page.locator(onScreen(selector)).first().click()
const see = (selector: string) => page.waitForSelector(onScreen(selector))
const textOf = (selector: string) => page.locator(onScreen(selector)).first().textContent()
const attrOf = (selector: string, name: string) => page.locator(onScreen(selector)).first().getAttribute(name)
/** a screenshot once the page's slide-in has settled (Taro's h5 animates page changes) */
const shot = async (name: string) => {
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}
/** picks the test photo in the page's evidence picker; it is uploaded at once and shown */
async function addPhoto() {
  const shown = await page.locator(onScreen('.photos__item')).count()
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap('[data-testid="add-photo"]')])
  await chooser.setFiles(photo)
  await page.locator(onScreen('.photos__item')).nth(shown).waitFor()
}
const ABSENT = ['pm-xf-10', 'pm-xf-11']
const LEAVE = ['pm-xf-06', 'pm-xf-07']

test('meeting, claim and approval, annual rating posted: the member and the household card show the star', async () => {
  // the member's points before
  await loginAs('demo-villager-2')
  await see('[data-testid="balance"]')
  const before = (await api('partyMember.home')).data

  // the secretary records a 三会一课: 8 present, 2 absent without leave (deducted), 2 on leave
  await loginAs('demo-secretary')
  await tap('[data-testid="open-party-branch"]')
  await see('[data-testid="branch-member"]')
  await shot('party-branch-members')
  await tap('.tabs__item[data-value="meeting"]')
  await tap('[data-testid="meeting-rule"][data-rule="pb-xf-1-meeting"]')
  for (const id of ABSENT) await tap(`[data-testid="meeting-member"][data-member="${id}"] [data-mark="absent"]`)
  for (const id of LEAVE) await tap(`[data-testid="meeting-member"][data-member="${id}"] [data-mark="leave"]`)
  expect(await textOf('[data-testid="meeting-submit"]')).toContain('到会8人')
  await addPhoto()
  await shot('party-meeting')
  await tap('[data-testid="meeting-submit"]')
  await see('[data-testid="meeting-done"]')
  expect(await textOf('[data-testid="meeting-done"]')).toContain('10人已记分')

  // the member claims 志愿服务 on their own page
  await loginAs('demo-villager-2')
  await openMemberPage()
  await see('[data-testid="member-year-points"]')
  expect(Number(await textOf('[data-testid="member-year-points"]'))).toBe(before.runningTotal + 3)
  await tap('[data-testid="party-claim-rule"][data-rule="pb-xf-1-volunteer"]')
  await tap('[data-testid="points-plus"]')
  expect(await textOf('[data-testid="points-value"]')).toBe('+3')
  await page.fill('[data-testid="party-claim-description"] input', '帮五保户收玉米')
  await addPhoto()
  await shot('party-claim')
  await tap('[data-testid="party-claim-submit"]')
  await see('[data-testid="party-my-claim"][data-state="pending"]')
  // the meeting's entry carries the meeting's photo, the claim its own
  const home = (await api('partyMember.home')).data
  const meetingEntry = [...home.entries].sort((a: any, b: any) => b.at - a.at)[0]
  expect(meetingEntry.title).toContain('三会一课')
  expect(meetingEntry.evidence).toHaveLength(1)

  // the secretary approves it
  await loginAs('demo-secretary')
  await tap('[data-testid="open-party-branch"]')
  await tap('.tabs__item[data-value="review"]')
  await see('[data-testid="party-claim-row"]')
  const queued = (await api('partyClaim.queue')).data.items
  expect(queued.find((c: any) => c.description === '帮五保户收玉米').evidence).toHaveLength(1)
  await shot('party-review')
  await tap('[data-testid="party-claim-approve"]')
  await page.waitForSelector('[data-testid="party-claim-row"]', { state: 'detached' })

  // the member sees the points
  await loginAs('demo-villager-2')
  await openMemberPage()
  await see('[data-testid="party-my-claim"][data-state="approved"]')
  expect(Number(await textOf('[data-testid="member-year-points"]'))).toBe(before.runningTotal + 6)
  expect(await textOf('body')).toContain('参加志愿服务')
  await shot('party-member')

  // year end: the secretary enters the 民主评议 scores and confirms
  await loginAs('demo-secretary')
  await tap('[data-testid="open-party-branch"]')
  await tap('.tabs__item[data-value="rating"]')
  const row = page.locator('[data-testid="rating-row"][data-member="pm-xf-01"]')
  // the stepper moves 民主评议 (0…20) by 5: three taps are 15
  for (let i = 0; i < 3; i++) await row.locator('[data-testid="points-plus"]').click()
  expect(await row.textContent()).toContain('评议15')
  await tap('[data-testid="rating-save"]')
  await see('[data-testid="rating-confirm"]')
  await tap('[data-testid="rating-confirm"]')
  await see('[data-testid="rating-state"] >> text=支部已确认')
  await shot('party-rating')

  // the town's party administrator posts it for 5 days
  await loginAs('demo-town-party')
  await tap('[data-testid="open-party-town"]')
  await see('[data-testid="town-branch"]')
  await shot('party-town')
  await tap('.tabs__item[data-value="post"]')
  await tap('[data-testid="sheet-to-post"] [data-testid="post-rating"]')
  await page.waitForSelector('[data-testid="sheet-to-post"]', { state: 'detached' })

  // the member's page and the household card show the star
  const sheet = (await api('partyRating.sheet', { year: before.year, branchId: 'pb-xf-1' })).data
  const li = sheet.rows.find((r: any) => r.memberId === 'pm-xf-01')
  expect(li.total).toBe(Math.min(100, before.runningTotal + 6 + 15))
  await loginAs('demo-villager-2')
  await see('[data-testid="party-star"]')
  expect(await attrOf('[data-testid="party-star"]', 'data-stars')).toBe(String(li.stars))
  expect(await textOf('[data-testid="party-household"]')).toContain(`共产党员户`)
  expect(await textOf('[data-testid="party-star"]')).toContain(`${before.year}年`)
  await shot('party-household-card')
  await openMemberPage()
  await see('[data-testid="member-stars"]')
  expect(await attrOf('[data-testid="member-stars"]', 'data-stars')).toBe(String(li.stars))
  expect(await textOf('[data-testid="member-stars"]')).toContain('公示中')
})
