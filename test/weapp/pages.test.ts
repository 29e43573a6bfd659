/**
 * The compiled mini-program (dist/weapp) in miniprogram-simulate (see test/helpers/weapp.ts): pages
 * render what the api function returns, the app calls the cloud environment it was built for, and the
 * subscribe-message consent is asked within the tap.
 */
import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { readWeappBuildNote } from '../../scripts/build-weapp'
import { DEMO_TEMPLATES } from '../../scripts/seed/demo-county'
import { seedDemo } from '../../scripts/seed/seed'
import { ROOT, sdkFor } from '../helpers/local-cloud'
import { openPage, settle } from '../helpers/mini-program'
import { Weapp, launchWeapp, tap } from '../helpers/weapp'
import { sealAllVillages } from '../../cloudfunctions/timer/sealing'

let lc: LocalCloud
let weapp: Weapp

beforeAll(async () => {
  process.env.SUBSCRIBE_TEMPLATE_POINTS = DEMO_TEMPLATES.points
  process.env.SUBSCRIBE_TEMPLATE_ISSUE = DEMO_TEMPLATES.issue
  process.env.SUBSCRIBE_TEMPLATE_ORDER = DEMO_TEMPLATES.order
  lc = await startLocalCloud({
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions')
  })
  await seedDemo(sdkFor(lc, 'seed').database())
  weapp = launchWeapp(lc, 'demo-villager')
})
afterAll(() => lc.close())
jest.setTimeout(20_000)

test("the compiled home page renders the villager's household from the api function", async () => {
  const page = openPage('pages/index/index')
  await settle(() => (page.dom.textContent ?? '').includes('户主'))
  const text = page.dom.textContent ?? ''
  expect(text).toContain('新丰村 · 2组12号')
  expect(text).toContain('户主 王秀英')
  expect(text).toContain('最近的积分')
  expect(text).toMatch(/第\d+名/)
  expect(text).toContain('全村24户')
})

test('the app calls the cloud environment it was built for, never the default one', () => {
  // the app's launch hook ran when its first page (above) mounted
  const built = readWeappBuildNote()
  expect(built?.cloudEnv).toBeTruthy()
  expect(weapp.cloudInits).toEqual([{ env: built!.cloudEnv, traceUser: true }])
})

test("the first tap on 接收提醒 asks WeChat for consent within the tap, the session's first", async () => {
  const page = openPage('pages/mine/index')
  await settle(() => (page.dom.textContent ?? '').includes('接收积分变动') && weapp.apiCalls.every(c => c.answered))
  const button = page
    .querySelectorAll('.button.secondary')
    .find((b: any) => b.dom.textContent.includes('接收积分变动和办事进度提醒'))
  expect(button).toBeDefined()
  tap(button)
  await settle(() => weapp.subscribeRequests.length > 0)
  expect(weapp.subscribeRequests).toEqual([
    { tmplIds: [DEMO_TEMPLATES.points, DEMO_TEMPLATES.issue, DEMO_TEMPLATES.order], inTap: true }
  ])
})

test('the compiled cadre workbench (a subpackage page) lists the village households', async () => {
  weapp.caller = 'demo-cadre'
  const page = openPage('packages/cadre/pages/index/index')
  await settle(() => (page.dom.textContent ?? '').includes('王秀英'))
  const text = page.dom.textContent ?? ''
  expect(text).toContain('批量打分')
  expect(text).toContain('1组1号 · 李建国')
  expect(text).toContain('2组12号 · 王秀英')
})

test('the compiled village page shows the month distribution and the sealed heads (存证)', async () => {
  await sealAllVillages(sdkFor(lc, 'seal').database(), Date.now(), 400)
  weapp.caller = 'demo-villager'
  const page = openPage('pages/village/index')
  await settle(() => (page.dom.textContent ?? '').includes('树根'))
  const text = page.dom.textContent ?? ''
  expect(text).toMatch(/新丰村24户里有\d+户得了分/)
  expect(text).toContain('1–10分')
  expect(text).toMatch(/\d{4}-\d{2}-\d{2} · \d+条/)
  expect(text).toContain('树头')
}, 60_000)
