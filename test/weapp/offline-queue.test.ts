/**
 * Issue 12 in the compiled mini-program (dist/weapp, miniprogram-simulate): a grid log saved without a
 * signal is kept on the phone and sent when WeChat reports the network back.
 *
 * Stand-ins, as in the other weapp tests: wx.cloud.callFunction is bound to the local cloud's function
 * host (and fails like WeChat's while "offline"). The simulator's storage APIs are empty stubs and it
 * has no network events, so storage is an in-memory stand-in and wx.onNetworkStatusChange, which the
 * app reaches only through src/services/network.ts (the one seam), is a stand-in the test fires.
 */
import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { seedDemo } from '../../scripts/seed/seed'
import { ROOT, sdkFor } from '../helpers/local-cloud'
import { installMiniProgram, openPage, settle } from '../helpers/mini-program'

let lc: LocalCloud
let db: any
let online = true
const networkListeners: ((status: { isConnected: boolean; networkType: string }) => void)[] = []
const storage = new Map<string, unknown>()
const dialogs: string[] = []

const wxStandIns = {
  setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.parse(JSON.stringify(value))),
  getStorageSync: (key: string) => storage.get(key) ?? '',
  removeStorageSync: (key: string) => void storage.delete(key),
  getStorageInfoSync: () => ({
    keys: [...storage.keys()],
    currentSize: Math.ceil(JSON.stringify([...storage.values()]).length / 1024),
    limitSize: 10240
  }),
  onNetworkStatusChange: (listener: (typeof networkListeners)[number]) => void networkListeners.push(listener),
  showModal: (o: any) => {
    dialogs.push(o.title)
    o.success?.({ confirm: true, cancel: false })
    return Promise.resolve({ confirm: true, cancel: false })
  }
}

beforeAll(async () => {
  lc = await startLocalCloud({
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions')
  })
  db = sdkFor(lc, 'check').database()
  await seedDemo(sdkFor(lc, 'seed').database())
  installMiniProgram(
    {
      callFunction: (name, data) =>
        online ? lc.host!.invoke(name, data, { openid: 'demo-grid' }) : Promise.reject(new Error('network'))
    },
    wxStandIns
  )
})
afterAll(() => lc.close())
jest.setTimeout(30_000)

const logsOf = async (householdId: string) =>
  (await db.collection('gridLogs').where({ by: 'demo-grid' }).limit(100).get()).data.filter((l: any) =>
    l.households.some((h: any) => h.id === householdId)
  )
const queue = () => (storage.get('offlineQueue') as unknown[] | undefined) ?? []

/** Taps the compiled element whose text is `text`, through Taro's event bridge. */
function tap(page: any, text: string) {
  const el = Array.from(page.dom.querySelectorAll('wx-view, wx-text')).find((e: any) => e.textContent === text) as any
  if (!el) throw new Error(`nothing shows ${text}`)
  page.querySelector(`#${el.getAttribute('data-sid')}`).dispatchEvent('tap')
}

test('a log kept without a signal is sent once when the network status changes', async () => {
  // with a signal the worker opens the log page: the grid's households are kept for the patrol
  const page = openPage('packages/grid/pages/log/index')
  await settle(() => (page.dom.textContent ?? '').includes('2组12号 王秀英'))
  expect(await logsOf('h-xf-012')).toHaveLength(0)

  online = false
  tap(page, '2组12号 王秀英')
  await settle(() => (page.dom.textContent ?? '').includes('已选1户'))
  tap(page, '保存日志')
  await settle(() => dialogs.length > 0)
  expect(dialogs).toEqual(['先存在手机上了'])
  expect(queue()).toHaveLength(1)
  expect(await logsOf('h-xf-012')).toHaveLength(0)

  // WeChat reports the network back; nothing else happens in between
  online = true
  for (const listener of networkListeners) listener({ isConnected: true, networkType: '4g' })
  await settle(() => queue().length === 0)
  expect(queue()).toHaveLength(0)
  const sent = await logsOf('h-xf-012')
  expect(sent).toHaveLength(1)
  expect(sent[0]).toMatchObject({ type: 'visit', households: [expect.objectContaining({ id: 'h-xf-012' })] })

  // another change of the network sends nothing more
  for (const listener of networkListeners) listener({ isConnected: true, networkType: 'wifi' })
  await new Promise(r => setTimeout(r, 500))
  expect(await logsOf('h-xf-012')).toHaveLength(1)
})
