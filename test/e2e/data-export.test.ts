import { spawn, spawnSync, ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api, loginAs } from './app'
import { E2E_PORT } from './start-product'

/**
 * All the data out, as a county keeps its own copy: 周县管 exports the county from 导出全部数据 and
 * downloads the archive; `npm run import-archive` loads it into a new data folder; `npm start` on that
 * folder (its own port) serves the copy, where 王秀英 sees her household's balance as in the county's data.
 */
const ROOT = path.resolve(__dirname, '../..')
const COPY_PORT = Number(process.env.E2E_COPY_PORT ?? E2E_PORT + 10)
const COPY_BASE = `http://127.0.0.1:${COPY_PORT}`

let browser: BrowserContext
let page: Page
let copy: ChildProcess | null = null
const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-copy-'))

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(async () => {
  await browser.close()
  if (copy?.pid) process.kill(-copy.pid, 'SIGTERM')
  fs.rmSync(copyDir, { recursive: true, force: true })
})
jest.setTimeout(600_000)

/** `npm start` on the copy's folder; resolves once it answers, with what it printed. */
async function startCopy(): Promise<string> {
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(COPY_PORT), LOCALCLOUD_DATA_DIR: copyDir },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true
  })
  copy = child
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
    if (output.includes('is running at')) return output
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`)
    await new Promise(r => setTimeout(r, 250))
  }
  throw new Error(`npm start did not come up:\n${output}`)
}

test('the county exports everything; a copy imported and opened with npm start has the same balance', async () => {
  await loginAs(page, 'demo-villager')
  const home = await api(page, 'archive.home')
  expect(home.ok).toBe(true)

  await loginAs(page, 'demo-county')
  await page.click('[data-testid="open-data-export"]')
  await page.click('[data-testid="data-export-start"]')
  await page.waitForSelector('[data-testid="data-export-download"]', { timeout: 120_000 })
  const lines = Number(await page.textContent('[data-testid="data-export-lines"]'))
  expect(lines).toBeGreaterThan(500)
  await expect(page.textContent('[data-testid="data-export-progress"]')).resolves.toContain('积分流水')
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, 'data-export-done.png'), fullPage: true })

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid="data-export-download"]')
  ])
  expect(download.suggestedFilename()).toMatch(/^全县全部数据-\d{4}-\d{2}-\d{2}\.zip$/)
  const archive = path.join(copyDir, '..', `${path.basename(copyDir)}.zip`)
  await download.saveAs(archive)

  const imported = spawnSync('npm', ['run', 'import-archive', '--', archive, copyDir], { cwd: ROOT, encoding: 'utf8' })
  fs.rmSync(archive, { force: true })
  expect(imported.status).toBe(0)
  expect(imported.stdout).toContain('积分核对：全部一致')

  const started = await startCopy()
  expect(started).toContain('existing data') // the copy, not a fresh demo
  await page.goto(`${COPY_BASE}/__dev/login`)
  await page.click('button[data-openid="demo-villager"]')
  await page.waitForSelector('[data-testid="balance"]')
  expect(Number(await page.textContent('[data-testid="balance"]'))).toBe(home.data.card.balance)
  await expect(page.textContent('body')).resolves.toContain('王秀英')
  await page.screenshot({ path: path.join(SHOTS, 'data-export-copy-home.png'), fullPage: true })
  expect(BASE).not.toBe(COPY_BASE)
})
