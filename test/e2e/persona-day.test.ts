import path from 'node:path'
import { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from '../helpers/browser'
import { BASE, SHOTS, api as callApi, loginAs as login } from './app'

/**
 * Issue 15: the rough edges each persona meets within minutes of a working day, each driven in
 * Chromium as that person would meet it.
 */
let browser: BrowserContext
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(() => browser.close())

/** Logs in and waits for the home to settle, so that the next navigation cannot cut the login short. */
async function loginAs(openid: string) {
  await login(page, openid)
  await page.waitForURL(/#\/pages\/index\/index/)
  await page.waitForLoadState('networkidle')
}
const api = (route: string, input: unknown = {}) => callApi(page, route, input)
const requestId = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

/** Opens a page afresh (a new load, so that no earlier page stays in the DOM). */
async function open(route: string) {
  await page.goto('about:blank')
  await page.goto(`${BASE}/#/${route}`)
}
const bodyText = () => page.textContent('body') as Promise<string>

/** The routes the page sent to the api while `work` ran. */
async function routesSent(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = []
  const seen = (r: import('playwright-core').Request) => {
    if (r.url().endsWith('/fn/api')) sent.push(JSON.parse(r.postData() ?? '{}').route)
  }
  page.on('request', seen)
  try {
    await work()
  } finally {
    page.off('request', seen)
  }
  return sent
}

describe('1. 柜台兑换 finds the household by its code link, door plate or head', () => {
  beforeAll(() => loginAs('demo-cadre'))
  const openDesk = async () => {
    await open('packages/cadre/pages/desk/index')
    await page.waitForSelector('[data-testid="desk-code"]')
  }
  const find = async (text: string) => {
    await page.fill('[data-testid="desk-code"] input', text)
    await page.click('[data-testid="desk-open"]')
  }

  test('a pasted link of the household code opens the household', async () => {
    await openDesk()
    await find(`${BASE}/#/pages/household/index?scene=h%3Dh-xf-012`)
    await page.waitForSelector('[data-testid="desk-balance"]')
    expect(await bodyText()).toContain('2组12号')
  })

  test('the door plate typed by hand opens the household', async () => {
    await openDesk()
    await find('2组12号')
    await page.waitForSelector('[data-testid="desk-balance"]')
    expect(await bodyText()).toContain('王秀英')
  })

  test("the head's name opens the household; an unknown one says so", async () => {
    await openDesk()
    await find('王秀英')
    await page.waitForSelector('[data-testid="desk-balance"]')
    await openDesk()
    await find('没有这个人')
    await page.waitForSelector('[data-testid="desk-message"]')
    expect(await page.textContent('[data-testid="desk-message"]')).toContain('没有找到')
  })
})

describe('2. errors name the field in Chinese; forms check before sending', () => {
  test('an empty claim is stopped by the form, and the api names the field in Chinese', async () => {
    await loginAs('demo-villager')
    await open('packages/villager/pages/claim/index')
    await page.click('.list__action >> text=申报 >> nth=0')
    await page.waitForSelector('[data-testid="claim-submit"]')
    const sent = await routesSent(async () => {
      await page.click('[data-testid="claim-submit"]')
      await page.waitForSelector('.taro-modal__text')
    })
    expect(await page.textContent('.taro-modal__text')).toBe('请填写说明')
    expect(sent).not.toContain('claim.create')

    const rules = (await api('archive.rules')).data.rules
    const rule = rules.find((r: { proposers: string[] }) => r.proposers.includes('villager'))
    const reply = await api('claim.create', { requestId: requestId(), ruleId: rule.id, points: 1, description: '' })
    expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '请填写说明' })
    for (const [route, input] of [
      ['objection.resolve', { requestId: requestId(), objectionId: 'o-1', upheld: false, reply: '' }],
      ['notice.publish', { requestId: requestId(), kind: 'notice', title: '' }],
      ['roles.grant', { requestId: requestId(), openid: 'someone', name: '某人', role: 'cadre', placeIds: [] }]
    ] as const) {
      const refused = await api(route, input)
      expect(refused.message).not.toMatch(/[A-Za-z]/)
    }
  })

  test('a join code typed in lower case with spaces is the same code', async () => {
    await loginAs('demo-cadre')
    const issued = await api('joinCode.issue', { requestId: requestId(), householdId: 'h-xf-020' })
    expect(issued.ok).toBe(true)
    const typed = `${issued.data.code.slice(0, 4)} ${issued.data.code.slice(4)}`.toLowerCase()
    await loginAs('demo-stranger')
    await open('pages/join/index')
    await page.fill('[data-testid="join-code"] input', typed)
    await page.fill('[data-testid="join-name"] input', '新来的')
    await page.click('[data-testid="join-submit"]')
    await page.waitForSelector('.taro-modal__text')
    expect(await page.textContent('.taro-modal__title')).toBe('加入成功')
  })
})

describe('3. every tab shows something useful to every role', () => {
  // administrators belong to no village: their tabs show their area (its households' ranking, its villages' shops)
  const AREA = { 'pages/ranking/index': /各户积分榜/, 'pages/shop/index': /各村积分超市/ }
  for (const [openid, tabs] of [
    ['demo-town', ['pages/ranking/index', 'pages/shop/index']],
    ['demo-county', ['pages/ranking/index', 'pages/shop/index']],
    ['demo-cadre', ['pages/shop/index']]
  ] as const)
    test(`${openid} opens ${tabs.join(', ')}`, async () => {
      await loginAs(openid)
      for (const tab of tabs) {
        await open(tab)
        // the page has rendered (a blank page before the app starts has no loading text either) and loaded
        await page.waitForFunction(
          () => document.querySelector('.page') !== null && !document.body.innerText.includes('正在加载…')
        )
        const text = await bodyText()
        expect(text).not.toContain('您没有权限')
        expect(text).toMatch(openid === 'demo-cadre' ? /香皂/ : AREA[tab])
      }
    })
})

describe('a villager who opens 提异议 from 我的 is told where objections are raised', () => {
  test('the page leads to 积分公示', async () => {
    await loginAs('demo-villager')
    await open('packages/villager/pages/objection/index')
    await page.click('[data-testid="objection-to-posting"]')
    await page.waitForSelector('[data-testid="posting-row"]')
  })
})

describe('4. the audit trail reads as sentences and can be searched', () => {
  test('the county administrator reads who did what to which household, and finds one person', async () => {
    await loginAs('demo-cadre')
    const scored = await api('score.award', {
      requestId: requestId(),
      householdId: 'h-xf-012',
      ruleId: 'r-xf-volunteer',
      points: 5
    })
    expect(scored.ok).toBe(true)
    await loginAs('demo-county')
    await page.click('[data-testid="open-audit"]')
    await page.waitForSelector('[data-testid="audit-row"]')
    const rows = page.locator('[data-testid="audit-row"]:visible')
    for (const text of await rows.allTextContents()) expect(text).not.toMatch(/[A-Za-z{}"]/)
    await expect(
      rows.filter({ hasText: '张德明打分：2组12号（户主王秀英）' }).first().textContent()
    ).resolves.toContain('分值：5分')

    await page.fill('[data-testid="audit-person"] input', '王秀英')
    await page.click('[data-testid="audit-find"]')
    // the search's answer: rows again, each about her (the household acted on or her own acts)
    await page.waitForFunction(() => {
      const found = [...document.querySelectorAll('[data-testid="audit-row"]')]
      return found.length > 0 && found.every(r => r.textContent?.includes('王秀英'))
    })
    await page.screenshot({ path: path.join(SHOTS, 'audit-county-search.png'), fullPage: true })
  })
})

describe('11. the browser build shows each page title and a way back', () => {
  test('a sub page has its title and a back button that returns', async () => {
    await loginAs('demo-villager')
    await page.waitForSelector('[data-testid="balance"]')
    const bar = page.locator('#taro-navigation-bar')
    await expect(bar.isVisible()).resolves.toBe(true)
    await expect(page.locator('.taro-navigation-bar-title').textContent()).resolves.toBe('我家积分')
    await page.click('text=积分明细')
    await page.waitForFunction(() => document.querySelector('.taro-navigation-bar-title')?.textContent === '积分明细')
    await page.click('.taro-navigation-bar-back')
    await page.waitForFunction(() => document.querySelector('.taro-navigation-bar-title')?.textContent === '我家积分')
  })

  test('a title of six characters shows whole, not cut to four', async () => {
    await loginAs('demo-cadre')
    await page.click('[data-testid="open-cadre"]')
    const title = page.locator('.taro-navigation-bar-title')
    await page.waitForFunction(
      () => document.querySelector('.taro-navigation-bar-title')?.textContent === '村干部工作台'
    )
    // the whole title is drawn: its box is as wide as its words need
    const cut = await title.evaluate(e => e.scrollWidth > e.clientWidth)
    expect(cut).toBe(false)
  })
})

/** Every text on screen smaller than `minPx` CSS pixels: the element's words and its size. */
const smallTexts = (minPx: number) =>
  page.evaluate(min => {
    const small: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const words = node.textContent?.trim()
      const element = node.parentElement
      if (!words || !element || element.closest('svg, script, style')) continue
      const box = element.getBoundingClientRect()
      const style = getComputedStyle(element)
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue
      if (parseFloat(style.fontSize) < min) small.push(`${words.slice(0, 20)} (${style.fontSize})`)
    }
    return small
  }, minPx)

const VILLAGER_PAGES = [
  'pages/index/index',
  'pages/ranking/index',
  'pages/shop/index',
  'pages/mine/index',
  'pages/history/index',
  'pages/rules/index',
  'pages/posting/index',
  'pages/notices/index',
  'pages/household/index?scene=h%3Dh-xf-001',
  'packages/villager/pages/claim/index',
  'packages/villager/pages/objection/index',
  'packages/villager/pages/issues/index',
  'packages/villager/pages/services/index'
]

describe('7. large-font mode reaches every text of every villager page', () => {
  beforeAll(async () => {
    await loginAs('demo-villager')
    await page.waitForSelector('[data-testid="balance"]')
    await api('me.setPreferences', { requestId: requestId(), largeFont: true })
    await page.evaluate(() => localStorage.setItem('largeFont', JSON.stringify({ data: true })))
  })
  afterAll(() => api('me.setPreferences', { requestId: requestId(), largeFont: false }))

  test.each(VILLAGER_PAGES)('%s: nothing below 16 px on a 390 px screen', async route => {
    await open(route)
    await page.waitForLoadState('networkidle')
    await page.waitForFunction(() => !document.body.innerText.includes('正在加载…'))
    expect(await smallTexts(16)).toEqual([])
  })

  test('the forms of 申报积分 and 我要说事, and the first notice', async () => {
    await open('packages/villager/pages/claim/index')
    await page.click('.list__action >> text=申报 >> nth=0')
    await page.waitForSelector('[data-testid="claim-submit"]')
    expect(await smallTexts(16)).toEqual([])
    const notices = (await api('notice.list')).data.notices
    await open(`pages/notice/index?id=${notices[0].id}`)
    await page.waitForLoadState('networkidle')
    expect(await smallTexts(16)).toEqual([])
  })
})

/** The texts of the rows matching `selector`, in order. */
const texts = (selector: string) => page.locator(selector).allTextContents()
/** Waits until the list shows rows and every one holds `text`: the search has been applied to what loaded. */
const filtered = (selector: string, text: string) =>
  page.waitForFunction(
    ([selector, text]) => {
      const rows = [...document.querySelectorAll(selector)]
      return rows.length > 0 && rows.every(row => row.textContent?.includes(text))
    },
    [selector, text] as const
  )

describe('5. a request over a cap is stopped at once, and the use is shown', () => {
  let capped = ''
  beforeAll(async () => {
    await loginAs('demo-cadre')
    const rule = await api('rules.save', {
      requestId: requestId(),
      terms: {
        category: '公益参与',
        title: '清理河道（每次）',
        points: { min: 5, max: 10 },
        cap: { period: 'month', max: 10 },
        evidenceRequired: false,
        proposers: ['cadre', 'gridWorker', 'villager']
      }
    })
    capped = rule.data.id
    expect(
      (await api('score.award', { requestId: requestId(), householdId: 'h-xf-012', ruleId: capped, points: 8 })).ok
    ).toBe(true)
  })

  test('the villager sees 本月已用8/10分 and a claim of 5 is stopped before it is sent', async () => {
    await loginAs('demo-villager')
    await open('packages/villager/pages/claim/index')
    const row = page.locator(`[data-rule="${capped}"]`)
    await expect(row.textContent()).resolves.toContain('本月已用8/10分')
    await row.click()
    await expect(page.textContent('[data-testid="cap-use"]')).resolves.toContain('还能加2分')
    await page.fill('[data-testid="claim-description"] textarea', '又清了一次')
    const sent = await routesSent(async () => {
      await page.click('[data-testid="claim-submit"]')
      await page.waitForSelector('.taro-modal__text')
    })
    expect(await page.textContent('.taro-modal__text')).toContain('最多还能2分')
    expect(sent).not.toContain('claim.create')
  })

  test("the cadre's scoring page shows the household's use of the rule", async () => {
    await loginAs('demo-cadre')
    await open('packages/cadre/pages/score/index?id=h-xf-012&plate=2组12号')
    await page.click(`[data-rule="${capped}"]`)
    await expect(page.textContent('[data-testid="cap-use"]')).resolves.toContain('本月已用8分，封顶10分，还能加2分')
  })
})

describe('6. acts that cannot be undone ask first and say they worked', () => {
  test('cancelling an order asks; 先不 keeps it, 取消订单 cancels it and says so', async () => {
    await loginAs('demo-villager')
    expect((await api('shop.order', { requestId: requestId(), goodsId: 'g-xf-soap', quantity: 1 })).ok).toBe(true)
    await open('pages/shop/index')
    const cancel = page
      .locator('[data-testid="order-row"][data-state="ordered"] >> [data-testid="cancel-order"]')
      .first()
    await cancel.waitFor()
    const before = await page.locator('[data-testid="order-row"][data-state="ordered"]').count()
    await cancel.click()
    await expect(page.textContent('.taro-modal__title')).resolves.toBe('取消订单')
    await page.click('.taro-modal__foot >> text=先不')
    await page.waitForTimeout(300)
    expect(await page.locator('[data-testid="order-row"][data-state="ordered"]').count()).toBe(before)
    await cancel.click()
    await page.click('.taro-modal__foot >> text=取消订单')
    await page.waitForSelector('text=已取消，积分已退回')
  })

  test('handing an order over asks first; batch scoring shows the count and the total', async () => {
    await loginAs('demo-villager')
    const ordered = await api('shop.order', { requestId: requestId(), goodsId: 'g-xf-soap', quantity: 1 })
    expect(ordered.ok).toBe(true)
    await loginAs('demo-cadre')
    await open('packages/cadre/pages/orders/index')
    await page.click(`[data-testid="order-row"][data-id="${ordered.data.id}"] >> [data-testid="collect-order"]`)
    await expect(page.textContent('.taro-modal__text')).resolves.toContain('领走香皂')
    await page.click('.taro-modal__foot >> text=已领走')
    await page.waitForSelector('text=已领取')

    await open('packages/cadre/pages/batch/index')
    await page.click('[data-rule] >> nth=0')
    const rows = page.locator('[data-testid="batch-household"]')
    await rows.nth(0).click()
    await rows.nth(1).click()
    await page.click('[data-testid="batch-submit"]')
    const words = await page.textContent('.taro-modal__text')
    expect(words).toMatch(/给2户各记\+\d+分.*共\+\d+分/)
    await page.click('.taro-modal__foot >> text=先不')
  })
})

describe('8. 我的 holds the household, its work, answers, settings and workbenches', () => {
  test('a villager sees members, orders, claims, issues and the answer to their objection', async () => {
    await loginAs('demo-villager')
    const posted = (await api('posting.list')).data.items.find(
      (p: { householdId: string; state: string }) => p.householdId !== 'h-xf-012' && p.state === 'posted'
    )
    const objection = await api('objection.create', {
      requestId: requestId(),
      entryId: posted.entryId,
      reason: '那天他家没人'
    })
    expect(objection.ok).toBe(true)
    await loginAs('demo-cadre')
    const answered = await api('objection.resolve', {
      requestId: requestId(),
      objectionId: objection.data.id,
      upheld: false,
      reply: '核实过了，那天他家在'
    })
    expect(answered.ok).toBe(true)
    await loginAs('demo-villager')
    await open('pages/mine/index')
    await page.waitForSelector('[data-testid="my-household"]')
    expect(await page.locator('[data-testid="member-row"]').count()).toBeGreaterThan(0)
    await expect(page.textContent('[data-testid="my-objections"]')).resolves.toContain('村里答复：核实过了，那天他家在')
    const text = await bodyText()
    for (const part of ['我的订单', '我的申报', '我提的异议', '我说的事', '大字模式', '消息提醒'])
      expect(text).toContain(part)
  })

  test('staff find their workbenches; the county administrator is named by the role, not 微信用户', async () => {
    await loginAs('demo-cadre')
    await open('pages/mine/index')
    await page.waitForSelector('[data-testid="open-cadre"]')
    expect(await bodyText()).not.toContain('村干部给您授权时要用')
    await loginAs('demo-county')
    await open('pages/mine/index')
    await page.waitForSelector('[data-testid="open-admin"]')
    expect(await page.textContent('[data-testid="my-name"]')).not.toBe('微信用户')
  })
})

describe('9. lists a cadre of 300 households can work with', () => {
  test('door plates in natural order: 2组9号 before 2组10号', async () => {
    await loginAs('demo-cadre')
    await open('packages/cadre/pages/index/index')
    await page.fill('[data-testid="household-search"] input', '2组')
    await page.waitForSelector('[data-testid="household-row"][data-id="h-xf-010"]')
    const plates = (await texts('[data-testid="household-row"] .list__title')).map(t => t.split(' · ')[0])
    expect(plates.indexOf('2组9号')).toBeGreaterThanOrEqual(0)
    expect(plates.indexOf('2组9号')).toBeLessThan(plates.indexOf('2组10号'))
  })

  test('the grid worker searches households; the cadre searches orders', async () => {
    await loginAs('demo-grid')
    await open('packages/grid/pages/log/index')
    await page.fill('[data-testid="household-filter"] input', '12号')
    await filtered('[data-household]', '12号')
    const chips = await texts('[data-household]')
    expect(chips.length).toBeGreaterThan(0)
    for (const chip of chips) expect(chip).toContain('12号')

    await loginAs('demo-cadre')
    await open('packages/cadre/pages/orders/index')
    await page.click('.tabs__item >> text=全部')
    await page.waitForSelector('[data-testid="order-row"]')
    await page.fill('[data-testid="order-search"] input', '2组12号')
    await filtered('[data-testid="order-row"]', '2组12号')
    for (const row of await texts('[data-testid="order-row"]')) expect(row).toContain('2组12号')
  })

  test('the correction form opens under the tapped entry; join codes come before the entries', async () => {
    await loginAs('demo-cadre')
    await open('packages/cadre/pages/household/index?id=h-xf-012')
    await page.waitForSelector('[data-testid="entry-row"]')
    const titles = await texts('.section-title')
    expect(titles.findIndex(t => t.includes('入户码'))).toBeLessThan(titles.findIndex(t => t.includes('积分记录')))
    const tapped = page.locator('[data-testid="entry-row"]', { hasText: '加分 ·' }).nth(1)
    await tapped.click()
    const next = await tapped.evaluate(row => row.nextElementSibling?.textContent ?? '')
    expect(next).toContain('更正')
  })

  test('一户一码 prints: the button opens the print dialog and the sheet prints only the cards', async () => {
    await loginAs('demo-cadre')
    await open('packages/cadre/pages/codes/index')
    await page.waitForSelector('[data-testid="code-card"]')
    await page.evaluate(() => {
      ;(window as any).printed = 0
      window.print = () => void (window as any).printed++
    })
    await page.click('[data-testid="print-codes"]')
    expect(await page.evaluate(() => (window as any).printed)).toBe(1)
    await page.emulateMedia({ media: 'print' })
    await expect(page.locator('[data-testid="print-codes"]').isVisible()).resolves.toBe(false)
    await expect(page.locator('#taro-navigation-bar').isVisible()).resolves.toBe(false)
    await expect(page.locator('[data-testid="code-card"]').first().isVisible()).resolves.toBe(true)
    await page.emulateMedia({ media: 'screen' })
  })
})

describe('10. words and numbers that say what they are', () => {
  test('the home names the all-time rank; 红榜 names its period', async () => {
    await loginAs('demo-villager')
    await expect(page.textContent('.household-card__facts')).resolves.toContain('总排名')
    await open('pages/ranking/index')
    await expect(page.textContent('[data-testid="ranking-title"]')).resolves.toContain('本月')
    await expect(page.textContent('[data-testid="my-place"]')).resolves.toMatch(/我家本月第\d+名/)
  })

  test('a redemption line has no empty part and no repeated note', async () => {
    await loginAs('demo-villager')
    const ordered = await api('shop.order', { requestId: requestId(), goodsId: 'g-xf-towel', quantity: 1 })
    expect(ordered.ok).toBe(true)
    await open('pages/history/index')
    const row = page.locator('.entry-list__row', { hasText: '毛巾 × 1' }).first()
    const words = await row.textContent()
    expect(words).not.toMatch(/·\s*·/)
    expect(words!.split('毛巾 × 1').length - 1).toBe(1)
    // leave no waiting order behind for the other browser tests of this product
    expect((await api('shop.cancel', { requestId: requestId(), orderId: ordered.data.id })).ok).toBe(true)
  })

  test('a second objection to the same entry says it was already raised', async () => {
    await loginAs('demo-villager')
    const mine = (await api('objection.mine')).data.items[0]
    await open(`packages/villager/pages/objection/index?entry=${mine.entryId}&what=x`)
    await expect(page.textContent('[data-testid="objection-already"]')).resolves.toContain(mine.reason)
    expect(await page.locator('[data-testid="objection-submit"]').count()).toBe(0)
  })

  test("a town administrator is offered 查看, not 修改, on the county's template", async () => {
    await loginAs('demo-town')
    await open('packages/admin/pages/index/index')
    await page.waitForSelector('[data-testid="template-action"]')
    const county = page.locator('.list__row', { hasText: '示范县' }).first()
    await expect(county.locator('[data-testid="template-action"]').textContent()).resolves.toBe('查看')
    await county.click()
    await page.waitForSelector('[data-testid="template-read-only"]')
  })
})

describe("the elderly villager's path", () => {
  test("this month's points and the latest entry with no tap, numbers biggest; the history in one tap", async () => {
    await loginAs('demo-villager-2')
    await api('me.setPreferences', { requestId: requestId(), largeFont: true })
    await page.evaluate(() => localStorage.setItem('largeFont', JSON.stringify({ data: true })))
    await open('pages/index/index')
    const card = page.locator('.household-card')
    await card.waitFor()
    // on the first screen, without scrolling or tapping
    for (const part of ['[data-testid="balance"]', '.household-card__facts', '[data-testid="latest-entry"]']) {
      const box = await page.locator(part).boundingBox()
      expect(box!.y + box!.height).toBeLessThanOrEqual(844)
    }
    await expect(card.textContent()).resolves.toContain('本月得分')
    // the numbers are the biggest text on the screen
    const sizes = await page.evaluate(() => {
      const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize)
      const balance = px(document.querySelector('[data-testid="balance"]')!)
      const others = [...document.querySelectorAll('body *')]
        .filter(
          el =>
            el.closest('[data-testid="balance"]') === null &&
            [...el.childNodes].some(n => n.nodeType === 3 && n.textContent!.trim())
        )
        .map(px)
      return { balance, largestOther: Math.max(...others) }
    })
    expect(sizes.balance).toBeGreaterThan(sizes.largestOther)
    await page.click('text=积分明细')
    await page.waitForSelector('.entry-list__row')
    await api('me.setPreferences', { requestId: requestId(), largeFont: false })
    await page.evaluate(() => localStorage.setItem('largeFont', JSON.stringify({ data: false })))
  })
})
