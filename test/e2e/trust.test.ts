import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { periodRange } from '../../core/domain/fairness'
import { periodKeys } from '../../core/domain/period'
import { verifyExport } from '../../core/domain/ledger-export'
import { BASE, SHOTS, api as callApi, loginAs as login } from './app'

/**
 * Issue 16's end-to-end: a villager opens an entry from her home card and sees the rule, the
 * scorer, the photo and 已存证 with the day's head; the town administrator opens the fairness page
 * and sees the demo village's figures, which match a recount of the village's exported ledger, and
 * the demo cadre whose pattern stands out is flagged.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const api = async (route: string, input: unknown = {}) => {
  const reply = await callApi(page, route, input)
  if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
  return reply.data
}

test('a villager opens an entry from the home card: rule, scorer, photo and 已存证 with the day head', async () => {
  await login(page, 'demo-villager-2')
  await page.waitForSelector('[data-testid="balance"]')
  const home = await api('archive.home')
  const withPhoto = home.latest.find((e: any) => e.evidence.length > 0)
  expect(withPhoto).toBeDefined()

  await page.click(`[data-testid="entry-row"][data-entry="${withPhoto.id}"]`)
  await page.waitForSelector('[data-testid="proof"]')
  const body = await page.locator('.entry').last()
  await expect(body.locator('[data-testid="rule"]').textContent()).resolves.toContain(withPhoto.title)
  await expect(body.locator('[data-testid="scorer"]').textContent()).resolves.toContain(withPhoto.byName)
  // the photo is really shown: it loaded from the local cloud's storage
  const photo = body.locator('[data-testid="evidence"] img').first()
  await photo.waitFor()
  await page.waitForFunction(img => (img as HTMLImageElement).naturalWidth > 0, await photo.elementHandle())

  // 已存证 with the day and the root the village published for that day
  const proof = await body.locator('[data-testid="proof"]').textContent()
  expect(proof).toContain('已存证')
  const { heads } = await api('seal.heads')
  const explained = await api('entry.explain', { entryId: withPhoto.id })
  const head = heads.find((h: any) => h.day === explained.proof.day)
  expect(head).toBeDefined()
  expect(proof).toContain(head.day)
  expect(proof).toContain(head.root)
  await page.screenshot({ path: path.join(SHOTS, 'entry-explained.png'), fullPage: true })

  // the village page shows the distribution and the chained heads
  await page.goto(`${BASE}/#/pages/village/index`)
  await page.waitForSelector('[data-testid="head"]')
  expect(await page.locator('[data-testid="distribution"]').last().textContent()).toContain('户得了分')
  // let the page's slide-in finish before the picture
  await page.waitForTimeout(600)
  await page.screenshot({ path: path.join(SHOTS, 'village-seals.png'), fullPage: true })
})

test('the town administrator sees the village’s fairness figures, matching a recount, the cadre flagged', async () => {
  await login(page, 'demo-town')
  await page.click('[data-testid="open-admin"]')
  await page.click('[data-testid="open-fairness"]')
  await page.click('.tabs__item[data-value="v-xinfeng"]')
  await page.waitForSelector('.section-title >> text=新丰村 ·')

  // the recount: this month's score entries of 新丰村, from the exported ledger (the last 31 days)
  const month = periodKeys(Date.now()).month
  const { fromMs, toMs } = periodRange(month)
  const exported = await api('seal.export', { placeId: 'v-xinfeng' })
  expect(verifyExport(exported).ok).toBe(true)
  const all = [...exported.days.flatMap((d: any) => d.leaves.map((l: any) => l.entry)), ...exported.unsealed]
  const scores = all.filter(
    (e: any) =>
      e.at >= fromMs &&
      e.at < toMs &&
      (e.kind === 'award' || e.kind === 'deduction') &&
      e.account.startsWith('household:')
  )
  const figure = (key: string) =>
    page.locator(`[data-testid="village-figures"] [data-figure="${key}"] .list__number`).last().textContent()
  await expect(figure('entries')).resolves.toBe(`${scores.length}条`)
  await expect(figure('given')).resolves.toBe(
    `${scores.filter((e: any) => e.points > 0).reduce((a: number, e: any) => a + e.points, 0)}分`
  )
  await expect(figure('taken')).resolves.toBe(
    `${scores.filter((e: any) => e.points < 0).reduce((a: number, e: any) => a + e.points, 0)}分`
  )
  await expect(figure('householdsScored')).resolves.toContain(
    `${new Set(scores.map((e: any) => e.householdId)).size}户`
  )

  // 孙志明 gave most of his points to three households of group 1: flagged
  const sun = page.locator('[data-testid="scorer"]', { hasText: '孙志明' }).last()
  await expect(sun.getAttribute('data-flagged')).resolves.toBe('true')
  await expect(sun.textContent()).resolves.toContain('加分集中在少数几户')
  const zhang = page.locator('[data-testid="scorer"]', { hasText: '张德明' }).last()
  await expect(zhang.getAttribute('data-flagged')).resolves.toBe('false')
  await page.screenshot({ path: path.join(SHOTS, 'fairness.png'), fullPage: true })
})
