/**
 * What WeChat requires of a live mini-program, in the compiled build: photo pickers ask for the
 * agreement to the 用户隐私保护指引 first and a refusal says so plainly; the app offers a restart when a
 * new version is ready; the 隐私政策 page renders.
 */
import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { seedDemo } from '../../scripts/seed/seed'
import { ROOT, sdkFor } from '../helpers/local-cloud'
import { openPage, settle } from '../helpers/mini-program'
import { Weapp, launchWeapp, tap } from '../helpers/weapp'

let lc: LocalCloud
let weapp: Weapp
let issuesPage: any

beforeAll(async () => {
  lc = await startLocalCloud({
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions')
  })
  await seedDemo(sdkFor(lc, 'seed').database())
  weapp = launchWeapp(lc, 'demo-villager')
  issuesPage = openPage('packages/villager/pages/issues/index')
  await settle(() => (issuesPage.dom.textContent ?? '').includes('＋') && weapp.apiCalls.every(c => c.answered))
})
afterAll(() => lc.close())
jest.setTimeout(20_000)

test('refusing the privacy agreement at 选照片 gives a plain message, and no picker opens', async () => {
  weapp.privacyAgreed = false
  weapp.modalConfirms = true // 看隐私政策
  tap(issuesPage.querySelector('.photos__add'))
  await settle(() => weapp.navigations.length > 0)
  expect(weapp.privacyCalls).toEqual(['requirePrivacyAuthorize'])
  expect(weapp.modals).toEqual([
    { title: '不能选照片', content: '您还没有同意《用户隐私保护指引》，所以不能选照片。同意后再点一次就可以。' }
  ])
  expect(weapp.navigations).toEqual(['/packages/info/pages/privacy/index'])
})

test('once agreed, the same tap opens the picker; backing out of it says nothing', async () => {
  weapp.privacyAgreed = true
  weapp.privacyCalls.length = 0
  weapp.modals.length = 0
  tap(issuesPage.querySelector('.photos__add'))
  await settle(() => weapp.privacyCalls.length === 2)
  await new Promise(r => setTimeout(r, 100))
  expect(weapp.privacyCalls).toEqual(['requirePrivacyAuthorize', 'chooseImage'])
  expect(weapp.modals).toEqual([])
})

test('a downloaded new version: the app asks to restart, and restarts when the villager agrees', async () => {
  weapp.modals.length = 0
  weapp.modalConfirms = true
  weapp.announceUpdate()
  await settle(() => weapp.updateApplied)
  expect(weapp.modals).toEqual([{ title: '有新版本', content: '新版本已经准备好，重新打开就能用。现在重新打开吗？' }])
  expect(weapp.updateApplied).toBe(true)
})

test('隐私政策 says what is kept, why, who sees it, how long, how to correct it, with the pickers it uses', async () => {
  const page = openPage('packages/info/pages/privacy/index')
  await settle(() => (page.dom.textContent ?? '').includes('选中的文件'))
  const text = page.dom.textContent ?? ''
  for (const heading of ['我们记下什么', '为什么要记', '谁能看到', '保存多久', '记错了或想删除', '手机上的照片和文件'])
    expect(text).toContain(heading)
  expect(text).toContain('选中的照片或视频信息：')
})
