import { spawn } from 'node:child_process'
import path from 'node:path'
import { BrowserContext } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE } from './app'

/**
 * A tester runs `npm start`, then the tests on the same machine, which rebuild dist/ under it (`npm test`
 * rebuilds the functions every time, a browser test's setup the h5 app when a source is newer). The
 * running product must not notice: while both builds run, every page load gets the app and every one of
 * its scripts, and every call of the api function is answered, and afterwards the app still works in a
 * browser.
 */
jest.setTimeout(900_000)
const ROOT = path.resolve(__dirname, '../..')
/** Time between two checks while the builds run: short next to a build (a second to minutes). */
const POLL_GAP_MS = 25

let cookie = ''

beforeAll(async () => {
  const login = await fetch(`${BASE}/__dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: 'demo-villager' })
  })
  cookie = login.headers.get('set-cookie')!.split(';')[0]
})

/** What is wrong with the app's page and the api right now; empty when both work. */
async function problems(): Promise<string[]> {
  try {
    return await problemsOfReplies()
  } catch (e: any) {
    return [`no answer: ${e?.cause?.code ?? e?.cause?.message ?? e?.message}`]
  }
}

async function problemsOfReplies(): Promise<string[]> {
  const found: string[] = []
  const page = await fetch(`${BASE}/`)
  const html = await page.text()
  const assets = [...html.matchAll(/(?:src|href)="(\/(?:js|css)\/[^"]+)"/g)].map(m => m[1])
  if (page.status !== 200 || assets.length === 0) found.push(`page: ${page.status} ${html.slice(0, 80)}`)
  for (const asset of assets) {
    const reply = await fetch(`${BASE}${asset}`)
    const body = await reply.arrayBuffer()
    if (reply.status !== 200 || body.byteLength === 0) found.push(`${asset}: ${reply.status}, ${body.byteLength} bytes`)
  }
  const call = await fetch(`${BASE}/fn/api`, {
    method: 'POST',
    headers: { cookie },
    body: JSON.stringify({ route: 'archive.home', input: {} })
  })
  const reply = await call.text()
  if (call.status !== 200 || !JSON.parse(reply).ok) found.push(`api: ${call.status} ${reply.slice(0, 120)}`)
  return found
}

/** Runs `npm run <script>` as a tester's test run would, checking the product until it ends. */
async function checkWhileRunning(script: string): Promise<{ checks: number; problems: string[] }> {
  const env: Record<string, string | undefined> = { ...process.env }
  delete env.NODE_ENV // as scripts/ensure-built.ts builds
  const build = spawn('npm', ['run', script], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: 'ignore' })
  const ended = new Promise<number | null>(resolve => build.on('exit', code => resolve(code)))
  let done = false
  void ended.then(() => (done = true))
  const seen = new Set<string>()
  let checks = 0
  while (!done) {
    for (const problem of await problems()) seen.add(problem)
    checks++
    await new Promise(r => setTimeout(r, POLL_GAP_MS))
  }
  expect(await ended).toBe(0)
  return { checks, problems: [...seen] }
}

test('before the rebuilds the app and the api answer', async () => {
  expect(await problems()).toEqual([])
})

test('the functions rebuilt under the running product: every api call is answered', async () => {
  const { checks, problems: seen } = await checkWhileRunning('build:functions')
  expect(seen).toEqual([])
  expect(checks).toBeGreaterThan(0)
})

test('the h5 app rebuilt under the running product: every page load gets the whole app', async () => {
  const { checks, problems: seen } = await checkWhileRunning('build:h5')
  expect(seen).toEqual([])
  expect(checks).toBeGreaterThan(0)
})

test('after the rebuilds the app still works in a browser', async () => {
  expect(await problems()).toEqual([])
  const browser: BrowserContext = await launchBrowser()
  try {
    const page = await browser.newPage()
    await page.goto(`${BASE}/__dev/login`)
    await page.click('button[data-openid="demo-villager"]')
    await page.waitForSelector('[data-testid="balance"]')
    await expect(page.textContent('body')).resolves.toContain('王秀英')
  } finally {
    await browser.close()
  }
})
