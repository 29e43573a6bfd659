/**
 * Writes the data folder of a release before migrations existed, for test/routes/upgrade.test.ts:
 * run at the commit before the first migration (d4bd6c1), it seeds the demo county into
 * test/fixtures/upgrade-d4bd6c1/ exactly as that release's `npm start` would have.
 *   git worktree add /tmp/old d4bd6c1 && cd /tmp/old && ln -s <repo>/node_modules && npx tsx <this script> <out dir>
 */
import fs from 'node:fs'
import path from 'node:path'
import './scf-env'
import { startLocalCloud } from '../localcloud'
import { seedDemo } from './seed/seed'

async function main(outDir: string) {
  fs.rmSync(outDir, { recursive: true, force: true })
  const lc = await startLocalCloud({ dataDir: outDir, indexFile: path.resolve(__dirname, '../core/collections.json') })
  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local-env', serviceUrl: `${lc.url}/tcb` })
  // a fixed clock, so that the fixture does not depend on the day it was made
  await seedDemo(cloud.database(), Date.UTC(2026, 10, 27, 4))
  await lc.close()
}

main(path.resolve(process.argv[2] ?? 'test/fixtures/upgrade-d4bd6c1')).catch(e => {
  console.error(e)
  process.exit(1)
})
