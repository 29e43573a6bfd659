import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'

/**
 * The web app's files, served from a folder that a build may be replacing at that moment: a file that is
 * not there (deleted between being looked for and being opened, or an index page not yet written) is a
 * 404 for that request, and the server goes on answering.
 */
let lc: LocalCloud
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'static-'))

beforeAll(async () => {
  lc = await startLocalCloud({ staticDir: root })
})
afterAll(async () => {
  await lc.close()
  fs.rmSync(root, { recursive: true, force: true })
})

test('a built app is served: its page for any app path, its files as they are', async () => {
  fs.mkdirSync(path.join(root, 'js'))
  fs.writeFileSync(path.join(root, 'index.html'), '<p>app</p>')
  fs.writeFileSync(path.join(root, 'js/app.0123abcd.js'), 'run()')
  expect(await (await fetch(`${lc.url}/pages/index/index`)).text()).toBe('<p>app</p>')
  const script = await fetch(`${lc.url}/js/app.0123abcd.js`)
  expect(script.headers.get('cache-control')).toBe('public, max-age=31536000')
  expect(await script.text()).toBe('run()')
})

test('the folder without its page (a build emptied it): 404, and the server still answers', async () => {
  fs.rmSync(path.join(root, 'index.html'))
  expect((await fetch(`${lc.url}/`)).status).toBe(404)
  expect((await fetch(`${lc.url}/pages/index/index`)).status).toBe(404)
  expect(await (await fetch(`${lc.url}/healthz`)).json()).toEqual({ ok: true })
})
