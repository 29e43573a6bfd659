import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, loginAs } from './app'

/** 隐私政策 opens from 我的, in plain words, with the pickers the app asks for (its own subpackage). */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

test('a villager opens 隐私政策 from 我的', async () => {
  await loginAs(page, 'demo-villager')
  await page.waitForSelector('[data-testid="balance"]')
  await page.goto(`${BASE}/#/pages/mine/index`)
  await page.click('text=隐私政策')
  await page.waitForSelector('text=记错了或想删除')
  const text = await page.textContent('body')
  for (const heading of ['我们记下什么', '为什么要记', '谁能看到', '保存多久', '手机上的照片和文件'])
    expect(text).toContain(heading)
  expect(text).toContain('选中的文件：村干部发布通知时')
  await page.waitForTimeout(600) // the page slides in; let it settle for the picture
  await page.screenshot({ path: path.join(SHOTS, 'privacy-policy.png'), fullPage: true })
})
