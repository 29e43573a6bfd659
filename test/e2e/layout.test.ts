import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, loginAs as login } from './app'

/**
 * Layout defects found by looking at the screenshots, each checked by measuring what the user sees:
 * boxes, columns, gaps and titles in the h5 build in Chromium (390 px wide, as the screenshots).
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const requestId = () => `lay${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
const api = (route: string, input: unknown = {}) => callApi(page, route, input)
const loginAs = async (openid: string) => {
  await login(page, openid)
  await page.waitForLoadState('networkidle')
}
const open = async (route: string) => {
  await page.goto('about:blank')
  await page.goto(`${BASE}/#/${route}`)
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => !document.body.innerText.includes('正在加载…'), undefined, { timeout: 10000 })
}
const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `layout-${name}.png`), fullPage: true })

/** Large font as the 我的 switch sets it: in the user's preferences and remembered on the phone. */
async function setLargeFont(on: boolean) {
  expect((await api('me.setPreferences', { requestId: requestId(), largeFont: on })).ok).toBe(true)
  await page.evaluate(value => localStorage.setItem('largeFont', JSON.stringify({ data: value })), on)
}

const navTitle = () => page.evaluate(() => document.querySelector('.taro-navigation-bar-title')?.textContent ?? null)
/** Waits until the title bar settles on `title`, then reads it (a wrong title fails with the one shown). */
async function titleBecomes(title: string): Promise<string | null> {
  await page
    .waitForFunction(t => document.querySelector('.taro-navigation-bar-title')?.textContent === t, title, {
      timeout: 5000
    })
    .catch(() => undefined)
  return navTitle()
}

describe('the cadre household page', () => {
  test('详情 stays a button of its own height, not a bar the height of the row', async () => {
    await loginAs('demo-cadre')
    await open('packages/cadre/pages/household/index?id=h-xf-012')
    await page.waitForSelector('[data-testid="entry-row"] .list__action')
    const boxes = await page.$$eval('[data-testid="entry-row"]', rows =>
      rows.map(row => {
        const action = row.querySelector('.list__action')!
        const button = action.getBoundingClientRect()
        const box = row.getBoundingClientRect()
        const css = getComputedStyle(action)
        const px = (name: string) => parseFloat(css.getPropertyValue(name))
        return {
          row: box.height,
          button: button.height,
          // one line of its word, its padding and its border: the height it has when nothing stretches it
          natural:
            px('line-height') +
            px('padding-top') +
            px('padding-bottom') +
            px('border-top-width') +
            px('border-bottom-width'),
          centreGap: Math.abs(button.top + button.height / 2 - (box.top + box.height / 2))
        }
      })
    )
    await shot('cadre-household')
    expect(boxes.length).toBeGreaterThan(0)
    for (const b of boxes) {
      // the button wraps its word with its padding, and sits in the middle of its row
      expect(Math.abs(b.button - b.natural)).toBeLessThan(2)
      expect(b.button).toBeLessThan(b.row * 0.7)
      expect(b.centreGap).toBeLessThan(4)
    }
  })
})

describe('large font', () => {
  afterEach(() => setLargeFont(false))

  test("the grid worker's households to tick stand two to a row, none alone on its row but the last", async () => {
    await loginAs('demo-grid')
    await setLargeFont(true)
    await open('packages/grid/pages/propose/index')
    await page.waitForSelector('.page.large [data-household]')
    const chips = await page.$$eval('[data-household]', all =>
      all.map(c => {
        const box = c.getBoundingClientRect()
        return { top: Math.round(box.top), left: box.left, right: box.right }
      })
    )
    await shot('grid-propose-large')
    const rows = new Map<number, number>()
    for (const c of chips) rows.set(c.top, (rows.get(c.top) ?? 0) + 1)
    const perRow = [...rows.values()]
    expect(chips.length).toBeGreaterThan(10)
    expect(perRow.slice(0, -1).every(n => n === 2)).toBe(true)
    // and no chip runs off the screen
    expect(Math.max(...chips.map(c => c.right))).toBeLessThanOrEqual(390)
  })

  test('the 订单 tabs leave room around their words', async () => {
    await loginAs('demo-cadre')
    await setLargeFont(true)
    await open('packages/cadre/pages/orders/index')
    await page.waitForSelector('.page.large .tabs__item')
    const tabs = await page.$$eval('.tabs__item', items =>
      items.map(item => {
        const range = document.createRange()
        range.selectNodeContents(item)
        const words = range.getBoundingClientRect()
        const box = item.getBoundingClientRect()
        return { label: item.textContent, left: words.left - box.left, right: box.right - words.right }
      })
    )
    await shot('cadre-orders-large')
    expect(tabs.map(t => t.label)).toEqual(['待领取', '已领取', '已取消', '全部'])
    // at least 16 px (a character's third) between a tab's words and its edges, so no two words touch
    for (const t of tabs) expect(Math.min(t.left, t.right)).toBeGreaterThanOrEqual(16)
  })

  test('一户一码 has large font: bigger cards with bigger door plates, two to a row', async () => {
    await loginAs('demo-cadre')
    const plateSize = () => page.$eval('.code-card__plate', e => parseFloat(getComputedStyle(e).fontSize))
    const cardsInFirstRow = () =>
      page.$$eval('[data-testid="code-card"]', cards => {
        const top = Math.round(cards[0].getBoundingClientRect().top)
        return cards.filter(c => Math.round(c.getBoundingClientRect().top) === top).length
      })
    await open('packages/cadre/pages/codes/index')
    await page.waitForSelector('[data-testid="print-codes"]')
    const normal = { plate: await plateSize(), perRow: await cardsInFirstRow() }
    await setLargeFont(true)
    await open('packages/cadre/pages/codes/index')
    await page.waitForSelector('.page.large [data-testid="print-codes"]')
    const large = { plate: await plateSize(), perRow: await cardsInFirstRow() }
    await shot('cadre-codes-large')
    // three to a row normally (as the printed sheet), two bigger ones in large font
    expect(normal.perRow).toBe(3)
    expect(large.perRow).toBe(2)
    expect(large.plate).toBeGreaterThanOrEqual(normal.plate * 1.5)
  })
})

test("the town's party page names each branch once, not its village twice", async () => {
  await loginAs('demo-town-party')
  await open('packages/party/pages/town/index')
  await page.waitForSelector('[data-testid="town-branch"]')
  const titles = await page.$$eval('[data-testid="town-branch"] .section-title', ts => ts.map(t => t.textContent))
  await shot('party-town')
  expect(titles.length).toBeGreaterThan(0)
  expect(titles.some(t => t!.startsWith('新丰村第一党支部 · '))).toBe(true)
  for (const t of titles) expect(t!.match(/新丰村/g)?.length ?? 0).toBeLessThanOrEqual(1)
})

/** A WeChat user never seen before (demo-stranger joins a household in another test file). */
async function loginAsStranger() {
  await page.goto(`${BASE}/__dev/logout`)
  await page.goto(`${BASE}/__dev/login`)
  await page.fill('input[type="text"][name="openid"]', `layout-stranger-${requestId()}`)
  await page.click('text=以此 openid 登录')
  await page.waitForLoadState('networkidle')
}

describe("the home's title says whose page it is", () => {
  test.each([
    ['demo-villager', '我家积分'],
    ['demo-cadre-2', '我家积分'],
    ['demo-cadre', '工作台'],
    ['demo-grid', '工作台'],
    ['demo-town', '工作台'],
    ['demo-county', '工作台'],
    ['a stranger', '乡村积分']
  ])('%s sees %s', async (openid, title) => {
    if (openid === 'a stranger') await loginAsStranger()
    else await loginAs(openid)
    await page.waitForSelector('[data-testid="balance"], [data-testid="staff-greeting"], [data-testid="open-join"]')
    expect(await titleBecomes(title)).toBe(title)
  })
})

describe('红榜 and 积分超市 for town and county administrators', () => {
  test.each([
    ['demo-town', '向阳镇', '全镇'],
    ['demo-county', '示范县', '全县']
  ])('%s: 红榜 lists the households of their area by points earned', async (openid, placeName, scopeName) => {
    await loginAs(openid)
    await open('pages/ranking/index')
    await page.waitForSelector('[data-testid="wide-row"]')
    const title = await page.textContent('[data-testid="area-ranking-title"]')
    const rows = await page.$$eval('[data-testid="wide-row"] .list__number', ns => ns.map(n => Number(n.textContent)))
    await shot(`ranking-${openid}`)
    expect(title).toContain(placeName)
    // the rows are the area's households from the api, highest first
    const wide = await api('ranking.wide', { scope: scopeName === '全镇' ? 'town' : 'county' })
    expect(wide.ok).toBe(true)
    expect(rows).toEqual(wide.data.rows.map((r: { earned: number }) => r.earned))
    expect(rows.length).toBeGreaterThan(0)
    expect([...rows].sort((a, b) => b - a)).toEqual(rows)
    await expect(page.locator('[data-testid="not-for-this-role"]').count()).resolves.toBe(0)
  })

  test('the town administrator: 积分超市 shows each village of the town and its points redeemed this month', async () => {
    await loginAs('demo-town')
    await open('pages/shop/index')
    await page.waitForSelector('[data-testid="area-shop-row"]')
    const shown = await page.$$eval('[data-testid="area-shop-row"]', rows =>
      rows.map(r => ({
        name: r.querySelector('.list__title')!.textContent,
        redeemed: Number(r.querySelector('.list__number')!.textContent)
      }))
    )
    await shot('shop-town')
    const overview = await api('overview.get', {})
    expect(overview.ok).toBe(true)
    expect(shown).toEqual(
      overview.data.rows.map((r: { name: string; redeemedMonth: number }) => ({
        name: r.name,
        redeemed: r.redeemedMonth
      }))
    )
    expect(shown.map(s => s.name)).toContain('新丰村')
  })

  test('the county administrator: 积分超市 by town, and a town opens into its villages', async () => {
    await loginAs('demo-county')
    await open('pages/shop/index')
    await page.waitForSelector('[data-testid="area-shop-row"]')
    await expect(page.textContent('[data-testid="area-shop-row"]')).resolves.toContain('向阳镇')
    await page.click('[data-testid="area-shop-row"] >> text=向阳镇')
    await page.waitForSelector('[data-testid="area-shop-row"] >> text=新丰村')
    await shot('shop-county-town')
    await expect(page.textContent('[data-testid="area-shops-title"]')).resolves.toContain('向阳镇')
  })
})
