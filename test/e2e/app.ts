import path from 'node:path'
import type { Page } from 'playwright-core'

/** The product that test/e2e/start-product.ts started, and what every browser test does with it. */
export const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 8799}`
export const SHOTS = path.resolve(__dirname, '../../test-results')

/** Logs the browser in as a demo persona through the dev login (the stand-in for WeChat's identity). */
export async function loginAs(page: Page, openid: string) {
  await page.goto(`${BASE}/__dev/logout`)
  await page.goto(`${BASE}/__dev/login`)
  await page.click(`button[data-openid="${openid}"]`)
  // the form's post answers with the session's cookie and sends the browser on to the app: wait until the
  // app has loaded, so that the page's next call is this persona's, not the login page's (a click does not
  // wait for the navigation it starts)
  await page.waitForURL(url => !url.pathname.startsWith('/__dev/'))
}

/** Calls the api function as the logged-in persona, from the page, as the app does. */
export const api = (page: Page, route: string, input: unknown = {}) =>
  page.evaluate(
    async ([route, input]) =>
      (await fetch('/fn/api', { method: 'POST', body: JSON.stringify({ route, input }) })).json(),
    [route, input] as const
  )

/**
 * Does `act` (a tap) and waits for the app's own call of `route` that it starts to be answered: the
 * page's write has landed, however long the machine takes. Returns the reply the app got.
 */
export async function replyTo(page: Page, route: string, act: () => Promise<unknown>) {
  const [response] = await Promise.all([
    page.waitForResponse(
      r => r.url().endsWith('/fn/api') && JSON.parse(r.request().postData() ?? '{}').route === route
    ),
    act()
  ])
  return response.json()
}

/** Presses 确定 on a Taro dialog. */
export const confirmDialog = (page: Page) => page.click('.taro-modal__foot >> text=确定')

/**
 * Someone opens the app once on their own phone (outside this browser): their first call leaves the user
 * record that a role may then be granted to.
 */
export async function openAppAs(openid: string): Promise<{ roles: { role: string }[] }> {
  const login = await fetch(`${BASE}/__dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid })
  })
  const cookie = login.headers.get('set-cookie')!.split(';')[0]
  const reply = await fetch(`${BASE}/fn/api`, {
    method: 'POST',
    headers: { cookie },
    body: JSON.stringify({ route: 'me.session', input: {} })
  })
  const session = await reply.json()
  if (!session.ok) throw new Error(`${openid} could not open the app`)
  return session.data
}
