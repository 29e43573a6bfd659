/**
 * npm run bench:trust — the cost of seals (存证) and fairness against the bench village (2,000
 * households, 50,000 entries over a year, about 2,000 entries on each scoring day). One JSON line per
 * figure: sealing a year in one run and the re-check of the latest 7 days (in-process, through the
 * real wx-server-sdk), then the trust routes through the function host (n, p50, p95 ms, round trips).
 * The functions' logs go to test-results/bench-trust.log.
 */
import http from 'node:http'
import path from 'node:path'
import '../scf-env'
import { startLocalCloud } from '../../localcloud'
import { ensureBuilt } from '../ensure-built'
import { ensureCollections } from '../../cloudfunctions/shared/collections'
import { sealAllVillages } from '../../cloudfunctions/timer/sealing'
import { benchLogFile } from './log-file'
import { BENCH_HOUSEHOLD, BENCH_VILLAGE, BENCH_VILLAGER, buildBenchVillage } from '../seed/bench-village'

const ROOT = path.resolve(__dirname, '../..')
const BENCH_TOWN_ADMIN = 'bench-town'

async function main() {
  const logFile = benchLogFile('bench-trust')
  ensureBuilt(['functions'], logFile.line)
  const lc = await startLocalCloud({
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions'),
    log: logFile.line,
    functionOutput: logFile.functionOutput
  })
  const cloud = require('wx-server-sdk')
  cloud.init({ env: 'local-env', serviceUrl: `${lc.url}/tcb` })
  const db = cloud.database()
  await ensureCollections(db)
  const now = Date.now()
  const data = buildBenchVillage(now)
  for (const [collection, docs] of Object.entries(data))
    for (let i = 0; i < docs.length; i += 1000) await db.collection(collection).add({ data: docs.slice(i, i + 1000) })
  await db.collection('users').add({
    data: { _id: BENCH_TOWN_ADMIN, name: '镇管理员', roles: [{ role: 'townAdmin', townId: 't-bench' }] }
  })

  let t0 = Date.now()
  const first = await sealAllVillages(db, now, 400)
  const entries = data.entries.length
  console.log(JSON.stringify({ op: 'seal a year at once', days: first.sealedDays, entries, ms: Date.now() - t0 }))
  t0 = Date.now()
  const again = await sealAllVillages(db, now + 3600_000)
  console.log(
    JSON.stringify({
      op: 're-check the latest 7 sealed days, nothing to seal',
      alarms: again.alarms.length,
      ms: Date.now() - t0
    })
  )

  const cookieFor = async (openid: string) => {
    const res = await fetch(`${lc.url}/__dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
      redirect: 'manual'
    })
    return res.headers.get('set-cookie')!.split(';')[0]
  }
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })
  const call = (cookie: string, route: string, input: unknown) =>
    new Promise<{ ms: number; roundTrips: number }>((resolve, reject) => {
      const started = process.hrtime.bigint()
      const req = http.request(
        `${lc.url}/fn/api`,
        { method: 'POST', agent, headers: { cookie, 'content-type': 'application/json' } },
        res => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', chunk => (text += chunk))
          res.on('end', () => {
            const reply = JSON.parse(text)
            if (!reply.ok) return reject(new Error(`${route}: ${reply.code} ${reply.message}`))
            resolve({
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              roundTrips: Number(res.headers['x-db-roundtrips'])
            })
          })
        }
      )
      req.on('error', reject)
      req.end(JSON.stringify({ route, input }))
    })
  const measure = async (op: string, n: number, run: () => Promise<{ ms: number; roundTrips: number }>) => {
    for (let i = 0; i < 3; i++) await run()
    const samples: { ms: number; roundTrips: number }[] = []
    for (let i = 0; i < n; i++) samples.push(await run())
    const ms = samples.map(s => s.ms).sort((a, b) => a - b)
    const q = (x: number) => +ms[Math.min(ms.length - 1, Math.floor(x * ms.length))].toFixed(1)
    console.log(
      JSON.stringify({ op, n, p50: q(0.5), p95: q(0.95), roundTrips: Math.max(...samples.map(s => s.roundTrips)) })
    )
  }
  const villager = await cookieFor(BENCH_VILLAGER)
  const town = await cookieFor(BENCH_TOWN_ADMIN)
  const ownEntry = data.entries.filter(e => e.householdId === BENCH_HOUSEHOLD).sort((a, b) => a.at - b.at)[0]._id
  await measure('entry.explain (sealed day of ~2,000 entries)', 50, () =>
    call(villager, 'entry.explain', { entryId: ownEntry })
  )
  await measure('seal.heads page 1', 50, () => call(villager, 'seal.heads', {}))
  await measure('fairness.village (six counts)', 50, () => call(villager, 'fairness.village', {}))
  for (const period of ['month', 'quarter', 'year'] as const)
    await measure(`fairness.town ${period}`, period === 'year' ? 3 : 10, () =>
      call(town, 'fairness.town', { placeId: BENCH_VILLAGE, period })
    )
  await lc.close()
  await logFile.close()
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
