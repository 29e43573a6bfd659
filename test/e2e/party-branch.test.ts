import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { BrowserContext, Page } from 'playwright-core'
import { periodKeys } from '../../core/domain/period'
import { launchBrowser } from '../helpers/browser'
import { SHOTS, api as callApi, confirmDialog, loginAs, replyTo } from './app'

/**
 * The branch's own acts beyond meetings and claims, as 赵永红 (党务管理员 of 新丰村第二党支部) meets them:
 * scoring one member by a rule of the branch (党费, 急难险重, a deduction for 违反党纪 with its photo),
 * and posting the quarter that has just ended, not only the one still running.
 */
let browser: BrowserContext
let page: Page
const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'photo-')), 'discipline.png')

beforeAll(async () => {
  const png = new PNG({ width: 64, height: 48 })
  png.data.fill(0xa0)
  fs.writeFileSync(photo, PNG.sync.write(png))
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())
afterEach(() => page.screenshot({ path: path.join(SHOTS, 'party-branch-last.png'), fullPage: true }))

/** Taro's h5 keeps earlier pages in the DOM, hidden: look only at what is on screen. */
const onScreen = (selector: string) => `${selector} >> visible=true`
const tap = (selector: string) => page.locator(onScreen(selector)).first().click()
const see = (selector: string) => page.waitForSelector(onScreen(selector))
const shot = async (name: string) => {
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}
const memberRow = (memberId: string) => `[data-testid="branch-member"][data-member="${memberId}"]`
const yearPointsOf = async (memberId: string): Promise<number> => {
  const reply = await callApi(page, 'partyBranch.members')
  return reply.data.members.find((m: { memberId: string }) => m.memberId === memberId).yearPoints
}

async function openBranch() {
  await loginAs(page, 'demo-clerk')
  await tap('[data-testid="open-party-branch"]')
  await see('[data-testid="branch-member"]')
}

test('the clerk scores one member by a rule no meeting or claim gives, and a deduction with its photo', async () => {
  await openBranch()
  const before = await yearPointsOf('pm-xf-19')
  // each member's figure says what it counts: this year's points
  const figure = (memberId: string) => page.locator(onScreen(`${memberRow(memberId)} [data-testid="member-year"]`))
  expect(await figure('pm-xf-19').textContent()).toBe(`${before}今年`)

  await tap(`${memberRow('pm-xf-19')} [data-testid="award-member"]`)
  await see('[data-testid="award-rule"]')
  await shot('party-award-rules')
  // the rules for 曹永福's category (无职党员) that an officer gives one by one: not the meetings (记会议
  // records those), not the 流动党员's own rule
  const offered = await page
    .locator(onScreen('[data-testid="award-rule"]'))
    .evaluateAll(rows => rows.map(r => r.getAttribute('data-rule')))
  expect(offered).toEqual(expect.arrayContaining(['pb-xf-2-dues', 'pb-xf-2-pioneer', 'pb-xf-2-discipline']))
  expect(offered).not.toContain('pb-xf-2-meeting')
  expect(offered).not.toContain('pb-xf-2-online')

  await tap('[data-testid="award-rule"][data-rule="pb-xf-2-pioneer"]')
  expect(await page.locator(onScreen('[data-testid="award-submit"]')).textContent()).toBe('确认给曹永福加5分')
  const reply = await replyTo(page, 'partyScore.award', () => tap('[data-testid="award-submit"]'))
  expect(reply.ok).toBe(true)
  await confirmDialog(page)
  // back on the list, the member's year shows the points
  await figure('pm-xf-19')
    .filter({ hasText: `${before + 5}今年` })
    .waitFor()
  expect(await yearPointsOf('pm-xf-19')).toBe(before + 5)

  // a deduction that needs a photo: the button waits for it
  const feng = await yearPointsOf('pm-xf-16')
  await tap(`${memberRow('pm-xf-16')} [data-testid="award-member"]`)
  await tap('[data-testid="award-rule"][data-rule="pb-xf-2-discipline"]')
  expect(await page.locator(onScreen('[data-testid="award-submit"]')).textContent()).toBe('确认给冯大海扣20分')
  expect(await page.locator(onScreen('[data-testid="award-submit"]')).getAttribute('class')).toContain('is-busy')
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap('[data-testid="add-photo"]')])
  await chooser.setFiles(photo)
  await see('.photos__item')
  await shot('party-award-deduction')
  const deducted = await replyTo(page, 'partyScore.award', () => tap('[data-testid="award-submit"]'))
  expect(deducted.ok).toBe(true)
  await confirmDialog(page)
  await see(memberRow('pm-xf-16'))
  expect(await yearPointsOf('pm-xf-16')).toBe(feng - 20)
})

test('the clerk posts the quarter that has ended, after saying what posting it means', async () => {
  const { quarter } = periodKeys(Date.now())
  const [y, q] = quarter.split('-Q').map(Number)
  const previous = q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`
  const words = (k: string) => `${k.replace('-Q', '年第')}季度`

  await openBranch()
  await tap('.tabs__item[data-value="posting"]')
  await see(`[data-testid="post-quarter"][data-value="${previous}"]`)
  await shot('party-posting-quarters')
  // both quarters not yet posted are offered, the finished one first
  const offered = await page
    .locator(onScreen('[data-testid="post-quarter"]'))
    .evaluateAll(rows => rows.map(r => r.getAttribute('data-value')))
  expect(offered).toEqual([previous, quarter])

  // posting cannot be undone: the page asks first, and a 先不 posts nothing
  await tap(`[data-testid="post-quarter"][data-value="${previous}"]`)
  await see('.taro-modal__foot')
  expect(await page.locator(onScreen('.taro-modal__content')).textContent()).toContain(words(previous))
  await page.click('.taro-modal__foot >> text=先不')
  expect((await callApi(page, 'partyPosting.list')).data.quarters).toEqual([])

  await tap(`[data-testid="post-quarter"][data-value="${previous}"]`)
  const posted = await replyTo(page, 'partyPosting.publish', () => page.click('.taro-modal__foot >> text=公示'))
  expect(posted.ok).toBe(true)
  expect(posted.data.quarter).toBe(previous)
  await see('[data-testid="quarter-posting"]')
  // the ended quarter is posted and no longer offered; the running one still is
  expect(await page.locator(onScreen(`[data-testid="post-quarter"][data-value="${previous}"]`)).count()).toBe(0)
  expect(await page.locator(onScreen(`[data-testid="post-quarter"][data-value="${quarter}"]`)).count()).toBe(1)
  expect(await page.locator(onScreen('[data-testid="quarter-posting"]')).first().textContent()).toContain(
    words(previous)
  )
})

test('the clerk registers a member by hand and moves another to 老弱病残, exempt from the rating', async () => {
  await openBranch()
  const before = (await callApi(page, 'partyBranch.members')).data.members.length

  // a member who is in no household of the village (moved in, lives in town): 登记党员 by name and category
  await tap('[data-testid="member-new"]')
  await page.fill(onScreen('[data-testid="member-name"] input'), '石光明')
  await tap('[data-testid="member-category"][data-value="mobile"]')
  const added = await replyTo(page, 'partyBranch.saveMember', () => tap('[data-testid="member-save"]'))
  expect(added.ok).toBe(true)
  await page.locator(onScreen('[data-testid="branch-member"]')).filter({ hasText: '石光明' }).waitFor()
  const members = (await callApi(page, 'partyBranch.members')).data.members
  expect(members).toHaveLength(before + 1)
  expect(members.find((m: { name: string }) => m.name === '石光明')).toMatchObject({ category: 'mobile' })

  // 郑春花 (无职) has fallen ill: the clerk moves her to 老弱病残 and exempts her; 免评 is offered only there
  await tap(`${memberRow('pm-xf-15')} [data-testid="member-edit"]`)
  expect(await page.locator(onScreen('[data-testid="member-exempt"]')).count()).toBe(0)
  await tap('[data-testid="member-category"][data-value="infirm"]')
  await tap('[data-testid="member-exempt"]')
  const changed = await replyTo(page, 'partyBranch.saveMember', () => tap('[data-testid="member-save"]'))
  expect(changed.ok).toBe(true)
  await page
    .locator(onScreen(memberRow('pm-xf-15')))
    .filter({ hasText: '免评' })
    .waitFor()
  await shot('party-members')
  const zheng = (await callApi(page, 'partyBranch.members')).data.members.find(
    (m: { memberId: string }) => m.memberId === 'pm-xf-15'
  )
  expect(zheng).toMatchObject({ category: 'infirm', exempt: true, name: '郑春花' })
})

test('in large font a member’s row keeps its figure and its actions on the screen', async () => {
  await loginAs(page, 'demo-clerk')
  const write = (largeFont: boolean) =>
    callApi(page, 'me.setPreferences', { requestId: `font-${largeFont}-${Date.now()}`, largeFont })
  await write(true)
  await tap('.weui-tabbar__item >> text=我的') // the 我的 page remembers large-font mode on the phone
  await see('[data-testid="my-name"]')
  await tap('[data-testid="open-party-branch"]')
  await see('.page.large [data-testid="branch-member"]')
  await shot('party-members-large')
  const width = page.viewportSize()!.width
  for (const part of ['member-year', 'award-member', 'member-edit']) {
    const box = (await page.locator(onScreen(`${memberRow('pm-xf-19')} [data-testid="${part}"]`)).boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(width)
  }
  await write(false)
})
