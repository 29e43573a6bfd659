import path from 'node:path'
import { startLocalCloud, LocalCloud, LocalCloudOptions } from '../../localcloud'

export const ROOT = path.resolve(__dirname, '../..')

/** A fresh in-memory local cloud, and the real wx-server-sdk pointed at it through a tagged URL. */
export async function withLocalCloud(options: LocalCloudOptions = {}) {
  const lc: LocalCloud = await startLocalCloud(options)
  const cloud = sdkFor(lc, 'test')
  return { lc, cloud, db: cloud.database() }
}

/**
 * The SDK's request timeout here: the api function's time limit (cloudfunctions/api/config.json), not
 * the SDK's 15 s default (@cloudbase/node-sdk utils/tcbapirequester.js), which stands for a network
 * that failed. In a test the SDK and the local cloud share one event loop, and libuv accepts one new
 * connection per loop iteration (libuv/libuv#3696): a burst of a few hundred concurrent calls opens as
 * many connections, and under load (iterations of 100–200 ms) the last ones wait 20–40 s to be accepted.
 */
const IN_PROCESS_REQUEST_TIMEOUT_MS = 60_000

let sdkInstances = 0
/** A separate wx-server-sdk module instance (its own init) whose calls are counted under `tag`. */
export function sdkFor(lc: LocalCloud, tag: string) {
  let cloud: any
  jest.isolateModules(() => {
    cloud = require('wx-server-sdk')
  })
  cloud.init({
    env: 'local-env',
    timeout: IN_PROCESS_REQUEST_TIMEOUT_MS,
    serviceUrl: `${lc.url}/tcb/t/${tag}-${++sdkInstances}`
  })
  cloud.__tag = `${tag}-${sdkInstances}`
  return cloud
}
