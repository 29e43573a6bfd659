import cloud from 'wx-server-sdk'
import { initCloud } from '../shared/context'
import { ensureCollections } from '../shared/collections'

initCloud(cloud)

/**
 * Creates the product's collections. Run it once after deploying (DevTools: 云函数 → setup → 云端测试),
 * then create the indexes listed in core/collections.json in the console. Running it again is harmless.
 */
export async function main() {
  return ensureCollections(cloud.database())
}
