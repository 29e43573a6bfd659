/**
 * The compiled mini-program (dist/weapp) in miniprogram-simulate, WeChat's component simulator with
 * the real wcc template compiler. The page's wx.cloud.callFunction, WeChat's client transport that
 * cannot exist here, is bound to the local cloud's function host running the built api function.
 */
import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { seedDemo } from '../../scripts/seed/seed'
import { ROOT, sdkFor } from '../helpers/local-cloud'
import { sealAllVillages } from '../../cloudfunctions/timer/sealing'

const simulate = require('miniprogram-simulate')
const WEAPP = path.join(ROOT, 'dist/weapp')
let lc: LocalCloud
/** who the simulated WeChat user is: the host receives this openid, as the cloud would inject it */
let caller = 'demo-villager'

async function settle(check: () => boolean) {
  for (let i = 0; i < 100 && !check(); i++) await new Promise(r => setTimeout(r, 50))
}

function installMiniProgramGlobals() {
  const g = globalThis as any
  let appConfig: any
  g.wx = require('miniprogram-simulate/src/api')
  g.wx.cloud = {
    init: () => undefined,
    callFunction: ({ name, data, success, fail, complete }: any) => {
      const done = lc.host!.invoke(name, data, { openid: caller }).then(
        out => ({ result: out.result, errMsg: 'cloud.callFunction:ok' }),
        error => Promise.reject({ errMsg: `cloud.callFunction:fail ${error.message}` })
      )
      done.then(success, fail).finally(complete)
      return done
    }
  }
  g.App = (config: any) => (appConfig = config)
  g.getApp = () => appConfig
  g.getCurrentPages = () => []
  g.requirePlugin = () => ({})
  g.Page = (config: any) => {
    const methods = Object.fromEntries(Object.entries(config).filter(([, v]) => typeof v === 'function'))
    return g.Component({
      data: config.data,
      methods,
      lifetimes: {
        attached(this: any) {
          this.onLoad?.({})
          this.onShow?.()
          this.onReady?.()
        }
      }
    })
  }
  require(path.join(WEAPP, 'app.js'))
  appConfig.onLaunch?.({})
}

beforeAll(async () => {
  lc = await startLocalCloud({
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions')
  })
  await seedDemo(sdkFor(lc, 'seed').database())
  installMiniProgramGlobals()
})
afterAll(() => lc.close())
jest.setTimeout(20_000)

test("the compiled home page renders the villager's household from the api function", async () => {
  const id = simulate.load(path.join(WEAPP, 'pages/index/index'), { compiler: 'official', rootPath: WEAPP })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
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
  const id = simulate.load(path.join(WEAPP, 'packages/cadre/pages/index/index'), {
    compiler: 'official',
    rootPath: WEAPP
  })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  await settle(() => (page.dom.textContent ?? '').includes('王秀英'))
  const text = page.dom.textContent ?? ''
  expect(text).toContain('批量打分')
  expect(text).toContain('1组1号 · 李建国')
  expect(text).toContain('2组12号 · 王秀英')
})

test('the compiled village page shows the month distribution and the sealed heads (存证)', async () => {
  await sealAllVillages(sdkFor(lc, 'seal').database(), Date.now(), 400)
  caller = 'demo-villager'
  const id = simulate.load(path.join(WEAPP, 'pages/village/index'), { compiler: 'official', rootPath: WEAPP })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  await settle(() => (page.dom.textContent ?? '').includes('树根'))
  const text = page.dom.textContent ?? ''
  expect(text).toMatch(/新丰村24户里有\d+户得了分/)
  expect(text).toContain('1–10分')
  expect(text).toMatch(/\d{4}-\d{2}-\d{2} · \d+条/)
  expect(text).toContain('树头')
}, 60_000)
