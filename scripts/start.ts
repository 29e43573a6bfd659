/**
 * The product in one command: builds what is missing, starts the local cloud on 127.0.0.1:$PORT
 * (default 8787) with its data under .data/, seeds the demo county on first start, and serves the h5 app.
 * It runs its own copy of the builds (scripts/serving-copy.ts): tests run beside it rebuild dist/.
 * `npm start` runs it in one process (`node --import tsx`), not under tsx's runner, which kills a script
 * that has not confirmed a signal within 30 ms: on a busy machine that cut Ctrl-C's stop short, leaving
 * the database unclosed and the copy behind.
 */
import path from 'node:path'
import './scf-env'
import { startLocalCloud } from '../localcloud'
import { ensureBuilt } from './ensure-built'
import { takeServingCopy } from './serving-copy'
import { BOOTSTRAP_ADMINS, DEMO_PERSONAS, DEMO_TEMPLATES } from './seed/demo-county'
import { seedDemo } from './seed/seed'
import { demoYardPhoto } from './seed/demo-photo'
import { recountFigures } from '../cloudfunctions/timer/tasks'
import { recountPartyStats } from '../cloudfunctions/shared/party-stats'

const ROOT = path.resolve(__dirname, '..')

async function main() {
  ensureBuilt(['functions', 'h5'])
  const builds = takeServingCopy()
  process.on('exit', builds.remove)
  process.env.BOOTSTRAP_ADMIN_OPENIDS ??= BOOTSTRAP_ADMINS.join(',')
  process.env.SUBSCRIBE_TEMPLATE_POINTS ??= DEMO_TEMPLATES.points
  process.env.SUBSCRIBE_TEMPLATE_ISSUE ??= DEMO_TEMPLATES.issue
  process.env.SUBSCRIBE_TEMPLATE_ORDER ??= DEMO_TEMPLATES.order
  const lc = await startLocalCloud({
    port: Number(process.env.PORT ?? 8787),
    dataDir: process.env.LOCALCLOUD_DATA_DIR ?? path.join(ROOT, '.data'),
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: builds.functionsDir,
    staticDir: builds.staticDir,
    personas: () => DEMO_PERSONAS,
    runTimers: true,
    log: line => console.log(line)
  })
  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local-env', serviceUrl: `${lc.url}/tcb` })
  // a demo evidence photo in the local storage, for the entry that 李建国's home card opens
  const photo = await cloud.uploadFile({ cloudPath: 'evidence/demo-yard.png', fileContent: demoYardPhoto() })
  const seeded = await seedDemo(cloud.database(), Date.now(), { seal: true, photo: photo.fileID })
  // the overview's hourly figures, counted once at start so that the town administrator sees them at once
  if (seeded) {
    await recountFigures(cloud.database(), Date.now())
    await recountPartyStats(cloud.database(), Date.now())
  }

  console.log(`\n乡村积分 is running at ${lc.url}  (${seeded ? 'demo county seeded' : 'existing data in .data/'})`)
  console.log(`Log in at ${lc.url}/__dev/login as one of the demo personas:`)
  for (const p of DEMO_PERSONAS) console.log(`  ${p.openid.padEnd(16)} ${p.name}  ${p.description}`)
  console.log('\nCtrl-C stops it; npm run reset deletes .data/.')

  const stop = async () => {
    await lc.close()
    builds.remove()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
