import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, confirmDialog, loginAs } from './app'

/**
 * Issue 12: a grid worker writes logs with photos where there is no signal (the browser context's
 * offline mode); they wait on the phone (the web storage), survive a reload, and go to the server
 * once each when the signal returns. A log the server refuses stays with the reason.
 */
let browser: BrowserContext
let page: Page
const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'photo-')), 'patrol.png')
const run = Date.now().toString(36) // this run's logs, told apart from the others by their place

beforeAll(async () => {
  const png = new PNG({ width: 64, height: 48 })
  png.data.fill(0x7a)
  fs.writeFileSync(photo, PNG.sync.write(png))
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

const api = async (route: string, input: unknown = {}) => {
  const reply = await callApi(page, route, input)
  if (!reply.ok) throw new Error(`${route}: ${reply.code}`)
  return reply.data
}

/** Another person's call, from outside this browser (the cadre at the village office). */
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

/** The creates the page sends, counted as they leave the browser. */
const createsSent: string[] = []

const waitingCount = async () =>
  (await page.locator('[data-testid="waiting-count"]').count())
    ? Number(await page.textContent('[data-testid="waiting-count"]'))
    : 0

async function writeLog(place: string, household: string) {
  await page.click('[data-testid="new-log"]')
  await page.waitForSelector('[data-testid="log-submit"]')
  await page.fill('.field input', place)
  await page.click(`[data-household="${household}"]`)
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid="add-photo"]')])
  await chooser.setFiles(photo)
  await page.waitForSelector('[data-testid="photo"]')
  await page.screenshot({ path: path.join(SHOTS, 'grid-log-offline.png'), fullPage: true })
  await page.click('[data-testid="log-submit"]')
  await page.waitForSelector('text=先存在手机上了')
  await confirmDialog(page)
  await page.waitForSelector('[data-testid="new-log"]')
}

/** The workbench, loaded afresh at its own address (a hash change alone may land behind another page). */
async function openWorkbench() {
  await page.goto(`${BASE}/#/packages/grid/pages/index/index`)
  await page.reload()
  await page.waitForSelector('[data-testid="new-log"]', { state: 'visible' })
}

const myLogs = async () => (await api('grid.logs', {})).logs.filter((l: any) => l.place.startsWith(run))

test('three logs written offline survive a reload and reach the server once each when the signal returns', async () => {
  await loginAs(page, 'demo-grid')
  page.on('request', r => {
    if (r.url().endsWith('/fn/api') && r.postDataJSON()?.route === 'grid.createLog') createsSent.push(r.postData()!)
  })
  await openWorkbench()
  // with a signal, the worker opens the log page once: its households are kept for the patrol
  await page.click('[data-testid="new-log"]')
  await page.waitForSelector('[data-household="h-xf-012"]')
  // back to the workbench at its own address: the browser's back once landed behind another page (a
  // fresh CI run; Taro's h5 router keeps pages in the DOM); what is kept for the patrol is what matters
  await openWorkbench()

  await browser.setOffline(true)
  for (const [i, household] of ['h-xf-012', 'h-xf-011', 'h-xf-010'].entries())
    await writeLog(`${run}-院坝${i + 1}`, household)
  expect(await waitingCount()).toBe(3)
  await page.screenshot({ path: path.join(SHOTS, 'grid-waiting.png'), fullPage: true })

  // Closing and reopening the app: a reload needs the app's own files, which an offline browser cannot
  // fetch, so for the reload the signal is "back" for the page but not for the api and uploads.
  await page.route('**/fn/api', r => r.abort('internetdisconnected'))
  await page.route('**/__dev/upload**', r => r.abort('internetdisconnected'))
  await browser.setOffline(false)
  await page.reload()
  await page.waitForSelector('[data-testid="waiting-count"]')
  expect(await waitingCount()).toBe(3)

  // the signal returns
  await browser.setOffline(true)
  await page.unroute('**/fn/api')
  await page.unroute('**/__dev/upload**')
  await browser.setOffline(false)
  await page.waitForSelector('[data-testid="waiting"]', { state: 'detached' })
  const logs = await myLogs()
  expect(logs.map((l: any) => l.place).sort()).toEqual([`${run}-院坝1`, `${run}-院坝2`, `${run}-院坝3`])
  for (const l of logs) expect(l.photos).toHaveLength(1)

  // offline and online again: nothing more is sent
  const sentBefore = createsSent.length
  await browser.setOffline(true)
  await browser.setOffline(false)
  await page.waitForTimeout(2000)
  expect(createsSent.length).toBe(sentBefore)
  expect(await myLogs()).toHaveLength(3)
  // each log went out under one request id, made when it was written
  const ids = new Set(createsSent.map(body => JSON.parse(body).input.requestId))
  expect(ids.size).toBe(3)
})

test('a log the server refuses stays with its reason, and can be changed and sent', async () => {
  await loginAs(page, 'demo-grid')
  await openWorkbench()
  await browser.setOffline(true)
  await writeLog(`${run}-不在网格`, 'h-xf-020') // a household of 第2网格

  // meanwhile the cadre leaves the worker only 第1网格
  const grant = { openid: 'demo-grid', name: '刘芳', role: 'gridWorker' }
  await apiAs('demo-cadre', 'roles.grant', { requestId: `${run}-narrow`, ...grant, placeIds: ['g-xf-1'] })
  try {
    await browser.setOffline(false)
    await page.waitForSelector('[data-testid="waiting-row"][data-state="refused"]')
    expect(await page.textContent('[data-testid="refused-reason"]')).toContain('只能为自己网格里的户提议')
    await page.screenshot({ path: path.join(SHOTS, 'grid-refused.png'), fullPage: true })
    expect(await myLogs()).toHaveLength(3)

    // it stays through a reload, with its reason
    await page.reload()
    await page.waitForSelector('[data-testid="waiting-row"][data-state="refused"]')

    // the worker changes it to a household of their grid: it is sent
    await page.click('[data-testid="edit-waiting"]')
    await page.waitForSelector('[data-testid="log-submit"]')
    await page.click('[data-testid="drop-gone"]') // 2组20号 is no longer in the worker's list
    await page.click('[data-household="h-xf-001"]')
    await page.click('[data-testid="log-submit"]')
    await page.waitForSelector('text=日志已保存')
  } finally {
    await apiAs('demo-cadre', 'roles.grant', { requestId: `${run}-restore`, ...grant, placeIds: ['g-xf-1', 'g-xf-2'] })
  }
  const logs = await myLogs()
  const changed = logs.find((l: any) => l.place === `${run}-不在网格`)
  expect(changed.households.map((h: any) => h.id)).toEqual(['h-xf-001'])
  expect(changed.photos).toHaveLength(1)
})
