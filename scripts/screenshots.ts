/**
 * `npm run screenshots`: every page as each persona would see it, at normal and at large font, into
 * test-results/screenshots/<persona>/<font>-<page>.png. Starts the product on a fresh data folder at
 * E2E_PORT (or uses one already running there with SCREENSHOTS_REUSE=1), so the pictures show the
 * demo county as seeded. Look at them: that is what they are for.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { launchBrowser } from '../test/helpers/browser'
import startProduct from '../test/e2e/start-product'
import stopProduct from '../test/e2e/stop-product'

const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 8799}`
const OUT = path.resolve(__dirname, '../test-results/screenshots')
const SETTLE_MS_MAX = 8000

const TABS = ['pages/index/index', 'pages/ranking/index', 'pages/shop/index', 'pages/mine/index']
const VILLAGER = [
  ...TABS,
  'pages/history/index',
  'pages/rules/index',
  'pages/posting/index',
  'pages/notices/index',
  'pages/notice/index?id=',
  'pages/household/index?scene=h%3Dh-xf-001',
  'packages/villager/pages/claim/index',
  'packages/villager/pages/objection/index',
  'packages/villager/pages/issues/index',
  'packages/villager/pages/services/index'
]
const CADRE = [
  ...TABS,
  'pages/household/index?scene=h%3Dh-xf-012',
  ...[
    'index',
    'household?id=h-xf-012',
    'household-edit?id=h-xf-012',
    'score?id=h-xf-012&plate=2组12号',
    'batch',
    'rules',
    'roles',
    'review',
    'objections',
    'audit',
    'goods',
    'desk',
    'orders',
    'codes',
    'publish',
    'issues'
  ].map(p => `packages/cadre/pages/${p.replace(/^(\w[\w-]*)/, '$1/index')}`)
]
const GRID = [...TABS, ...['index', 'log', 'propose', 'issues'].map(p => `packages/grid/pages/${p}/index`)]
const ADMIN = [
  ...TABS,
  'packages/admin/pages/index/index',
  'packages/admin/pages/template/index',
  'packages/admin/pages/roles/index',
  'packages/cadre/pages/audit/index',
  'packages/cadre/pages/publish/index'
]

const PERSONAS: { name: string; openid: string; pages: string[]; fonts: ('normal' | 'large')[] }[] = [
  { name: 'villager', openid: 'demo-villager', pages: VILLAGER, fonts: ['normal', 'large'] },
  { name: 'elderly-villager', openid: 'demo-villager-2', pages: VILLAGER, fonts: ['large', 'normal'] },
  { name: 'cadre', openid: 'demo-cadre', pages: CADRE, fonts: ['normal', 'large'] },
  { name: 'grid-worker', openid: 'demo-grid', pages: GRID, fonts: ['normal', 'large'] },
  { name: 'town-admin', openid: 'demo-town', pages: ADMIN, fonts: ['normal', 'large'] },
  // notices go out through the towns: the county's workbench offers no 发布通知
  {
    name: 'county-admin',
    openid: 'demo-county',
    pages: ADMIN.filter(p => !p.includes('publish')),
    fonts: ['normal', 'large']
  }
]

async function login(page: Page, openid: string) {
  await page.goto(`${BASE}/__dev/logout`)
  await page.goto(`${BASE}/__dev/login`)
  await page.click(`button[data-openid="${openid}"]`)
  await page.waitForLoadState('networkidle')
}

/** Large font as the 我的 switch sets it: remembered on the phone and in the user's preferences. */
async function setFont(page: Page, large: boolean) {
  await page.evaluate(async on => {
    localStorage.setItem('largeFont', JSON.stringify({ data: on }))
    const requestId = `shots${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
    await fetch('/fn/api', {
      method: 'POST',
      body: JSON.stringify({ route: 'me.setPreferences', input: { requestId, largeFont: on } })
    })
  }, large)
}

/** A page that needs an id gets the first one the persona can see. */
async function firstNoticeId(page: Page): Promise<string> {
  const reply = await page.evaluate(async () =>
    (await fetch('/fn/api', { method: 'POST', body: JSON.stringify({ route: 'notice.list', input: {} }) })).json()
  )
  return reply.ok ? (reply.data.notices[0]?.id ?? '') : ''
}

async function shoot(page: Page, route: string, file: string) {
  await page.goto('about:blank')
  await page.goto(`${BASE}/#/${route}`)
  await page.waitForLoadState('networkidle')
  await page
    .waitForFunction(() => !document.body.innerText.includes('正在加载…'), undefined, { timeout: SETTLE_MS_MAX })
    .catch(() => undefined) // a page that stays loading is photographed as it is: that is a finding
  await page.waitForTimeout(300)
  await page.screenshot({ path: file, fullPage: true })
}

async function main() {
  const reuse = process.env.SCREENSHOTS_REUSE === '1'
  if (!reuse) await startProduct()
  const browser = await launchBrowser()
  const page = await browser.newPage()
  let count = 0
  try {
    for (const persona of PERSONAS) {
      const dir = path.join(OUT, persona.name)
      fs.mkdirSync(dir, { recursive: true })
      await login(page, persona.openid)
      const noticeId = await firstNoticeId(page)
      for (const font of persona.fonts) {
        await setFont(page, font === 'large')
        for (const route of persona.pages) {
          const full = route.endsWith('?id=') ? route + noticeId : route
          const name = route
            .split('?')[0]
            .replace(/\/index$/, '')
            .replace(/^(pages|packages)\//, '')
            .replace('/pages/', '-')
          await shoot(page, full, path.join(dir, `${font}-${name}.png`))
          count++
        }
      }
      await setFont(page, false)
    }
  } finally {
    await browser.close()
    if (!reuse) await stopProduct()
  }
  console.log(`${count} screenshots in ${path.relative(process.cwd(), OUT)}/`)
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
