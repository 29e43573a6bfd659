import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { badIdNumber, registerFile, registerRows } from '../helpers/register'
import { BASE, SHOTS, loginAs as login } from './app'

/**
 * Issue 13's journey: the town administrator downloads the register template, uploads a village's
 * register of 300 households with a dozen bad rows, sees them explained, fixes them, imports,
 * imports again (nothing changes), and the overview shows the village's coverage; the cadre exports
 * the village's ledger and the file opens in exceljs with the expected rows.
 */
let browser: BrowserContext
let page: Page
jest.setTimeout(240_000)

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const GROUPS = ['1组', '2组', '3组']
const GRIDS = ['第1网格', '第2网格']
const figure = async (name: string) => Number(await page.textContent(`[data-testid="figure-${name}"]`))

/** Picks a file in the page's file input with these bytes. */
async function choose(bytes: Buffer, name: string) {
  const file = path.join(SHOTS, name)
  fs.mkdirSync(SHOTS, { recursive: true })
  fs.writeFileSync(file, bytes)
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid="choose-file"]')])
  await chooser.setFiles(file)
}

/** Clicks and reads the downloaded .xlsx back with exceljs. */
async function download(selector: string): Promise<ExcelJS.Workbook> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  const file = path.join(SHOTS, dl.suggestedFilename())
  await dl.saveAs(file)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(file)
  return wb
}

test('a town imports a register, fixes bad rows, imports again; overview shows coverage; ledger exported', async () => {
  await login(page, 'demo-town')
  await page.click('[data-testid="open-overview"]')
  await page.waitForSelector('[data-testid="overview-row"][data-id="v-xinfeng"]')
  await page.screenshot({ path: path.join(SHOTS, 'county-overview-before.png'), fullPage: true })
  await page.click('[data-testid="overview-row"][data-id="v-xinfeng"] .list__body')
  await page.waitForSelector('[data-testid="download-template"]')

  const template = await download('[data-testid="download-template"]')
  expect(template.worksheets[0].getRow(1).values).toEqual([
    undefined,
    ...['村民小组', '门牌号', '姓名', '与户主关系', '性别', '出生年份', '身份证号', '联系电话', '是否党员', '网格']
  ])

  // the village's register: 300 households, a dozen bad rows among them
  const good = registerRows(300, GROUPS, GRIDS)
  const bad = good.map(r => ({ ...r }))
  const spoil: [number, Partial<(typeof bad)[number]>][] = [
    [0, { 身份证号: badIdNumber(1) }],
    [30, { 身份证号: badIdNumber(2) }],
    [60, { 村民小组: '8组' }],
    [90, { 网格: '第7网格' }],
    [121, { 与户主关系: '' }],
    [150, { 姓名: '' }],
    [181, { 姓名: '名字写得实在是太长了'.repeat(3) }],
    [210, { 性别: '未知' }],
    [240, { 出生年份: '65' }],
    [270, { 联系电话: '12345' }],
    [300, { 是否党员: '也许' }],
    [330, { 村民小组: '' }]
  ]
  for (const [row, change] of spoil) Object.assign(bad[row], change)
  await choose(await registerFile(bad), 'register-bad.xlsx')
  await page.waitForSelector('[data-testid="preview"]')
  expect(await page.locator('[data-testid="problem-row"]').count()).toBeGreaterThanOrEqual(12)
  const problems = await page.textContent('[data-testid="preview"]')
  expect(problems).toContain('第2行 · 身份证号')
  expect(problems).toContain('本村没有“8组”这个村民小组')
  expect(problems).toContain('本村没有“第7网格”这个网格')
  expect(problems).toContain('姓名太长了')
  await page.screenshot({ path: path.join(SHOTS, 'county-import-preview.png'), fullPage: true })

  // fixed: every household can be imported
  await choose(await registerFile(good), 'register-fixed.xlsx')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="problem-row"]').length === 0)
  await page.waitForSelector('[data-testid="confirm-import"]')
  expect(await figure('add')).toBe(300)
  expect(await figure('problems')).toBe(0)
  await page.click('[data-testid="confirm-import"]')
  await page.waitForSelector('[data-testid="import-done"]', { timeout: 120_000 })
  expect(await figure('done-add')).toBe(300)
  expect(await figure('done-people')).toBe(900)
  await page.screenshot({ path: path.join(SHOTS, 'county-import-done.png'), fullPage: true })

  // the same register again: nothing to do
  await choose(await registerFile(good), 'register-again.xlsx')
  await page.waitForSelector('[data-testid="nothing-to-do"]')
  expect(await figure('same')).toBe(300)
  expect(await figure('add')).toBe(0)

  // the overview: 24 + 300 households of 33 registered, then the town enters the real 户籍户数
  await page.goto(`${BASE}/#/packages/county/pages/overview/index`)
  const row = '[data-testid="overview-row"][data-id="v-xinfeng"]'
  // the overview opened earlier shows its last figures at once and reloads: wait for the new count
  await page.waitForSelector(`${row} >> text=建档户数 324`)
  await page.click(`${row} [data-testid="registered-edit"]`)
  await page.fill(`${row} [data-testid="registered-input"] input`, '400')
  await page.click(`${row} [data-testid="registered-save"]`)
  await page.waitForFunction(sel => document.querySelector(sel)?.textContent?.includes('覆盖率 81%'), row)
  expect(await page.textContent('[data-testid="updated-at"]')).toMatch(/更新于\d{4}年/)
  await page.screenshot({ path: path.join(SHOTS, 'county-overview-after.png'), fullPage: true })

  // the cadre exports the village's ledger of this year
  await login(page, 'demo-cadre')
  await page.click('[data-testid="open-export"]')
  const ledger = await download('[data-testid="export-ledger-year"]')
  await page.waitForSelector('[data-testid="export-done"]')
  const rows = Number((await page.textContent('[data-testid="export-done"]'))!.match(/(\d+)行/)![1])
  const sheet = ledger.worksheets[0]
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    '时间',
    '门牌号',
    '户主',
    '类别',
    '细则',
    '分值',
    '经办人',
    '公示状态',
    '说明'
  ])
  expect(rows).toBeGreaterThan(50)
  expect(sheet.actualRowCount - 1).toBe(rows)
  expect(String(sheet.getRow(2).getCell(2).value)).toMatch(/\d组\d+号/)
})
