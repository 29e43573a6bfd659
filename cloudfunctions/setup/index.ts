import cloud from 'wx-server-sdk'
import { ensureCollections } from '../shared/collections'

// DYNAMIC_CURRENT_ENV is a symbol at run time; the typings only admit strings
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

/**
 * Creates the product's collections. Run it once after deploying (DevTools: 云函数 → setup → 云端测试),
 * then create the indexes listed in core/collections.json in the console. Running it again is harmless.
 */
export async function main() {
  return ensureCollections(cloud.database())
}
