import cloud from 'wx-server-sdk'
import { initCloud } from '../shared/context'
import { ensureCollections } from '../shared/collections'
import { runMigrations } from './migrations'

initCloud(cloud)

/** how long one call migrates: well inside setup's 20 s timeout (config.json), the rest is for the reply */
const MIGRATION_BUDGET_MS = 12_000

/**
 * Creates the product's collections and upgrades stored documents (migrations.ts). Run it after every
 * deploy (DevTools: 云函数 → setup → 云端测试, or the console's 云端测试); when the reply says
 * `finished: false`, run it again: each call carries on where the last stopped. Running it again when
 * all is done changes nothing.
 */
export async function main() {
  const db = cloud.database()
  const collections = await ensureCollections(db)
  const migrations = await runMigrations(db, MIGRATION_BUDGET_MS)
  return { ...collections, migrations }
}
