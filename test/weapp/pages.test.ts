/**
 * The compiled mini-program (dist/weapp) in miniprogram-simulate, WeChat's component simulator with
 * the real wcc template compiler. The page's wx.cloud.callFunction, WeChat's client transport that
 * cannot exist here, is bound to the local cloud's function host running the built api function.
 */
import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { seedDemo } from '../../scripts/seed/seed'
import { ROOT, sdkFor } from '../helpers/local-cloud'
import { installMiniProgram, openPage, settle } from '../helpers/mini-program'

let lc: LocalCloud
/** who the simulated WeChat user is: the host receives this openid, as the cloud would inject it */
let caller = 'demo-villager'

beforeAll(async () => {
  lc = await startLocalCloud({
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions')
  })
  await seedDemo(sdkFor(lc, 'seed').database())
  installMiniProgram({ callFunction: (name, data) => lc.host!.invoke(name, data, { openid: caller }) })
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

test('the compiled cadre workbench (a subpackage page) lists the village households', async () => {
  caller = 'demo-cadre'
  const page = openPage('packages/cadre/pages/index/index')
  await settle(() => (page.dom.textContent ?? '').includes('王秀英'))
  const text = page.dom.textContent ?? ''
  expect(text).toContain('批量打分')
  expect(text).toContain('1组1号 · 李建国')
  expect(text).toContain('2组12号 · 王秀英')
})
