import path from 'node:path'
import { startLocalCloud, LocalCloud, LocalCloudOptions } from '../../localcloud'

export const ROOT = path.resolve(__dirname, '../..')

/** A fresh in-memory local cloud, and the real wx-server-sdk pointed at it through a tagged URL. */
export async function withLocalCloud(options: LocalCloudOptions = {}) {
  const lc: LocalCloud = await startLocalCloud(options)
  const cloud = sdkFor(lc, 'test')
  return { lc, cloud, db: cloud.database() }
}

let sdkInstances = 0
/** A separate wx-server-sdk module instance (its own init) whose calls are counted under `tag`. */
export function sdkFor(lc: LocalCloud, tag: string) {
  let cloud: any
  jest.isolateModules(() => {
    cloud = require('wx-server-sdk')
  })
  cloud.init({ env: 'local-env', serviceUrl: `${lc.url}/tcb/t/${tag}-${++sdkInstances}` })
  cloud.__tag = `${tag}-${sdkInstances}`
  return cloud
}
