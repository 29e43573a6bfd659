import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { SHOTS, api as callApi, loginAs as login, openAppAs, replyTo } from './app'

/**
 * The party pages for what the routes already allowed, tried as each persona would: the branch
 * secretary adds and changes the branch's rules (in large-font mode) and adopts the town's template;
 * the town's party administrator adjusts the rating's settings; the village cadre and the town
 * administrator grant party roles by place name and take them back.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())
afterEach(() => page.screenshot({ path: path.join(SHOTS, 'party-admin-last.png'), fullPage: true }))

const loginAs = (openid: string) => login(page, openid)
const api = (route: string, input: unknown = {}) => callApi(page, route, input)
/** a write as the app sends it, with a request id of its own; a refusal fails the test */
async function write(route: string, input: Record<string, unknown>) {
  const requestId = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  const reply = await api(route, { requestId, ...input })
  if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
  return reply
}
/** Taro's h5 keeps earlier pages in the DOM, hidden: look only at what is on screen */
const onScreen = (selector: string) => `${selector} >> visible=true`
const tap = (selector: string) => page.locator(onScreen(selector)).first().click()
const see = (selector: string) => page.waitForSelector(onScreen(selector))
const textOf = (selector: string) => page.locator(onScreen(selector)).first().textContent()
const shot = async (name: string) => {
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
}
const tapTimes = async (selector: string, times: number) => {
  for (let i = 0; i < times; i++) await tap(selector)
}

test('the branch secretary adds a rule, changes it, and adopts the template, in large-font mode', async () => {
  await loginAs('demo-secretary')
  await write('me.setPreferences', { largeFont: true })
  await tap('.weui-tabbar__item >> text=我的') // the 我的 page remembers large-font mode on the phone
  await see('[data-testid="my-name"]')
  await tap('[data-testid="open-party-branch"]')
  await tap('[data-testid="open-party-rules"]')
  await see('[data-testid="party-rule"]')
  // the rules page itself is in large font (the branch page it came from may still be on screen a moment)
  expect(await page.locator(onScreen('.page.large:has([data-testid="party-rule"])')).count()).toBe(1)
  const before = (await api('partyBranch.members')).data.rules.length

  // a new rule: 帮扶困难群众, 服务群众, +2 each time, at most 8 a quarter, members may claim it, for 在职 and 无职
  await tap('[data-testid="party-rule-new"]')
  await page.fill(onScreen('[data-testid="party-rule-title"] input'), '帮扶困难群众')
  await tap('[data-testid="party-rule-group"][data-value="服务群众"]')
  await tap('[data-testid="party-rule-cap"][data-value="quarter"]')
  expect(await textOf('[data-testid="party-rule-cap-max-value"]')).toBe('8分')
  await tap('[data-testid="party-rule-category"][data-value="mobile"]')
  await tap('[data-testid="party-rule-category"][data-value="infirm"]')
  await tap('[data-testid="party-rule-claimable"]')
  await shot('party-rules-new')
  await tap('[data-testid="party-rule-save"]')
  await page.waitForSelector(onScreen('[data-testid="party-rule"] >> text=帮扶困难群众'))
  let rules = (await api('partyBranch.members')).data.rules
  expect(rules).toHaveLength(before + 1)
  const added = rules.find((r: any) => r.title === '帮扶困难群众')
  expect(added).toMatchObject({
    group: '服务群众',
    points: { min: 2, max: 2 },
    cap: { period: 'quarter', max: 8 },
    categories: ['employed', 'unemployed'],
    claimable: true,
    evidenceRequired: false,
    meeting: null,
    version: 1
  })

  // changed: a range of 2 to 4, photos required; the version goes up
  await tap(`[data-testid="party-rule"][data-rule="${added.id}"] [data-testid="party-rule-edit"]`)
  await tap('[data-testid="party-rule-kind"][data-value="range"]')
  await tapTimes('[data-testid="party-rule-high-plus"]', 1)
  await tap('[data-testid="party-rule-evidence"]')
  await shot('party-rules-edit')
  await tap('[data-testid="party-rule-save"]')
  await page.waitForSelector(onScreen(`[data-testid="party-rule"][data-rule="${added.id}"] >> text=要照片`))
  rules = (await api('partyBranch.members')).data.rules
  expect(rules.find((r: any) => r.id === added.id)).toMatchObject({
    points: { min: 2, max: 4 },
    evidenceRequired: true,
    version: 2
  })

  // adopting the template again keeps what the branch has: nothing is added twice
  const adopted = await replyTo(page, 'partyBranch.adoptTemplate', () => tap('[data-testid="party-adopt-template"]'))
  expect(adopted).toMatchObject({ ok: true })
  expect((await api('partyBranch.members')).data.rules).toHaveLength(before + 1)
  expect(await textOf('[data-testid="party-settings-summary"]')).toContain('基础分60')
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot('party-rules')
  await write('me.setPreferences', { largeFont: false })
})

test('the town’s party administrator adjusts the rating’s settings; thresholds out of order are refused', async () => {
  await loginAs('demo-town-party')
  await tap('[data-testid="open-party-town"]')
  await tap('[data-testid="open-party-settings"]')
  await see('[data-testid="set-base-value"]')
  const original = (await api('partyTown.overview')).data.settings
  expect(await textOf('[data-testid="set-base-value"]')).toBe(`${original.baseScore}分`)

  // a 二星 line above the 三星 line cannot work: the page says why and does not save
  await tapTimes('[data-testid="set-star-2-plus"]', 10)
  expect(await textOf('[data-testid="settings-problem"]')).toContain('从低到高')
  expect(await page.locator(onScreen('[data-testid="settings-save"].is-busy')).count()).toBe(1)
  await tapTimes('[data-testid="set-star-2-minus"]', 10)

  // base 65, 五星 from 95
  await tapTimes('[data-testid="set-base-plus"]', 5)
  await tapTimes('[data-testid="set-star-5-minus"]', original.starThresholds[4] - 95)
  expect(await textOf('[data-testid="settings-bands"]')).toContain('95～100分：五星')
  await shot('party-settings')
  await tap('[data-testid="settings-save"]')
  await page.waitForFunction(
    async () =>
      (
        await (
          await fetch('/fn/api', { method: 'POST', body: JSON.stringify({ route: 'partyTown.overview', input: {} }) })
        ).json()
      ).data.settings.baseScore === 65
  )
  const saved = (await api('partyTown.overview')).data.settings
  expect(saved).toEqual({ ...original, baseScore: 65, starThresholds: [...original.starThresholds.slice(0, 4), 95] })
  // a member's page explains the rating by the town's settings
  await loginAs('demo-villager-2')
  expect((await api('partyMember.home')).data.settings.baseScore).toBe(65)
  // the other browser tests expect the demo's settings
  await loginAs('demo-town-party')
  await write('partyTown.setSettings', { settings: original })
})

test('the county administrator opens the county’s settings from the workbench and changes them', async () => {
  // 向阳镇 keeps an adjustment of its own: the county's page says the town does not follow the county's
  await loginAs('demo-town-party')
  await write('partyTown.setSettings', { settings: (await api('partyTown.settings')).data.settings })

  await loginAs('demo-county')
  await tap('[data-testid="open-party-settings-county"]')
  await see('[data-testid="set-base-value"]')
  const original = (await api('partyTown.settings')).data.settings
  expect(await textOf('[data-testid="settings-owner"]')).toBe('示范县党员年终评星')
  expect(await textOf('[data-testid="settings-towns-adjusted"]')).toContain('向阳镇')
  expect(await textOf('[data-testid="set-base-value"]')).toBe(`${original.baseScore}分`)
  expect(await textOf('[data-testid="settings-save"]')).toContain('全县')

  // base 5 lower, the 民主评议's maximum 2 higher
  await tapTimes('[data-testid="set-base-minus"]', 5)
  await tapTimes('[data-testid="set-review-plus"]', 2)
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot('party-settings-county')
  await tap('[data-testid="settings-save"]')
  await page.waitForFunction(
    async base =>
      (
        await (
          await fetch('/fn/api', { method: 'POST', body: JSON.stringify({ route: 'partyTown.settings', input: {} }) })
        ).json()
      ).data.settings.baseScore === base,
    original.baseScore - 5
  )
  const saved = (await api('partyTown.settings')).data.settings
  expect(saved).toEqual({ ...original, baseScore: original.baseScore - 5, reviewMax: original.reviewMax + 2 })
  expect(await textOf('body')).not.toMatch(/pt-county|t-xiangyang|county/)
  // the other browser tests expect the demo's settings
  await write('partyTown.setSettings', { settings: original })
})

test('the village cadre makes someone 党务管理员 of a branch; the town administrator a 镇党委管理员; both by name', async () => {
  // a role goes only to someone who has opened the app (a refused number: test/e2e/grants.test.ts)
  await openAppAs('e2e-party-clerk')
  await openAppAs('e2e-town-party')
  await loginAs('demo-cadre')
  await tap('[data-testid="open-party-roles"]')
  await see('[data-testid="party-role-holder"]')
  // the cadre grants only a branch's roles, on their village's branches
  const choices = await page.locator(onScreen('[data-testid="party-role-choice"]')).allTextContents()
  expect(choices).toEqual(['支部书记', '党务管理员'])
  await tap('[data-testid="party-role-choice"][data-value="partyClerk"]')
  await tap('[data-testid="party-role-place"][data-value="pb-xf-1"]')
  await page.fill(onScreen('[data-testid="party-role-openid"] input'), 'e2e-party-clerk')
  await page.fill(onScreen('[data-testid="party-role-name"] input'), '周小红')
  await shot('party-roles-cadre')
  await tap('[data-testid="party-role-grant"]')
  await page.waitForSelector(onScreen('[data-testid="party-role-holder"] >> text=周小红 · 党务管理员'))
  expect(await textOf('[data-testid="party-role-holder"]:has-text("周小红")')).toContain('新丰村第一党支部')
  // what is on screen names places and people, never ids
  expect(await textOf('body')).not.toMatch(/pb-xf|po-xf|t-xiangyang|e2e-party-clerk/)

  await loginAs('demo-town')
  await tap('.weui-tabbar__item >> text=我的')
  // the home has the same workbench button: tap 我的's once 我的 is the page on screen
  await see('[data-testid="my-name"]')
  await tap('[data-testid="open-party-roles"]')
  await see('[data-testid="party-role-holder"]')
  await tap('[data-testid="party-role-choice"][data-value="townPartyAdmin"]')
  await tap('[data-testid="party-role-place"]')
  await page.fill(onScreen('[data-testid="party-role-openid"] input'), 'e2e-town-party')
  await page.fill(onScreen('[data-testid="party-role-name"] input'), '吴建军')
  await tap('[data-testid="party-role-grant"]')
  await page.waitForSelector(onScreen('[data-testid="party-role-holder"] >> text=吴建军 · 镇党委管理员'))
  await shot('party-roles-town')
  // the town administrator sees the village's new clerk too, and takes the role back
  await tap('[data-testid="party-role-holder"]:has-text("周小红") [data-testid="party-role-revoke"]')
  await page.waitForSelector(onScreen('[data-testid="party-role-holder"] >> text=周小红'), { state: 'detached' })
  const held = (await api('partyRole.list')).data.grants.map((g: any) => g.name)
  expect(held).toContain('吴建军')
  expect(held).not.toContain('周小红')
})
