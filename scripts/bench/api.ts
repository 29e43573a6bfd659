/**
 * npm run bench — the product's routes through the function host (POST /fn/api, the built bundle,
 * the real wx-server-sdk) against a village of 2,000 households and 50,000 entries. One JSON line per
 * operation: n, p50 and p95 in milliseconds, and the database round trips per call. In the cloud every
 * round trip is a network call (~10 ms), so `cloudEstimateMs` = round trips on the critical path × 10.
 * Only the result lines are printed; the functions' logs go to test-results/bench-api.log.
 */
import http from 'node:http'
import path from 'node:path'
import '../scf-env'
import { startLocalCloud } from '../../localcloud'
import { ensureBuilt } from '../ensure-built'
import { ensureCollections } from '../../cloudfunctions/shared/collections'
import { benchLogFile } from './log-file'
import { BENCH_CADRE, BENCH_RULE, BENCH_VILLAGER, buildBenchVillage } from '../seed/bench-village'

const ROOT = path.resolve(__dirname, '../..')
/** the batch route's bound on households in flight (cloudfunctions/api/routes/scoring.ts) */
const BATCH_PARALLELISM = 20
const CLOUD_ROUND_TRIP_MS = 10

interface Sample {
  /** as the client sees it: HTTP to /fn/api and back */
  ms: number
  /** inside the function host: from handing the event to the instance to its reply */
  hostMs: number
  roundTrips: number
}

async function main() {
  const logFile = benchLogFile('bench-api')
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
  const started = Date.now()
  const data = buildBenchVillage(Date.now())
  for (const [collection, docs] of Object.entries(data)) {
    for (let i = 0; i < docs.length; i += 1000) await db.collection(collection).add({ data: docs.slice(i, i + 1000) })
  }
  logFile.line(
    `seeded ${data.households.length} households and ${data.entries.length} entries in ${Date.now() - started} ms`
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
  const cookies = { cadre: await cookieFor(BENCH_CADRE), villager: await cookieFor(BENCH_VILLAGER) }

  // a lean keep-alive client, so that the figures are the host's and not the HTTP client's
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })
  const post = (cookie: string, body: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = http.request(
        `${lc.url}/fn/api`,
        { method: 'POST', agent, headers: { cookie, 'content-type': 'application/json' } },
        res => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', chunk => (text += chunk))
          res.on('end', () => resolve({ headers: res.headers, text }))
        }
      )
      req.on('error', reject)
      req.end(body)
    })
  const call = async (cookie: string, route: string, input: unknown): Promise<Sample> => {
    const t0 = process.hrtime.bigint()
    const res = await post(cookie, JSON.stringify({ route, input }))
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    const reply = JSON.parse(res.text)
    if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
    return { ms, hostMs: Number(res.headers['x-duration-ms']), roundTrips: Number(res.headers['x-db-roundtrips']) }
  }

  let seq = 0
  const requestId = () => `bench-${Date.now().toString(36)}-${(seq++).toString(36)}`
  const household = (i: number) => `hb-${String((i * 7919) % 2000).padStart(5, '0')}`

  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null
  async function measure(
    op: string,
    n: number,
    run: (i: number) => Promise<Sample>,
    extra: (s: Sample[]) => Record<string, unknown> = () => ({})
  ) {
    if (only && !only.test(op)) return
    for (let i = 0; i < Math.min(10, n); i++) await run(i) // warm the function instance
    const samples: Sample[] = []
    for (let i = 0; i < n; i++) samples.push(await run(i))
    const quantile = (values: number[], q: number) => {
      const sorted = [...values].sort((a, b) => a - b)
      return +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2)
    }
    const ms = samples.map(s => s.ms)
    const host = samples.map(s => s.hostMs)
    const roundTrips = Math.max(...samples.map(s => s.roundTrips))
    console.log(
      JSON.stringify({
        op,
        n,
        p50: quantile(ms, 0.5),
        p95: quantile(ms, 0.95),
        hostP50: quantile(host, 0.5),
        roundTrips,
        ...extra(samples)
      })
    )
  }

  // the floor: one database round trip (the caller's identity) and the host's own cost
  await measure('me.session (floor: identity only)', 300, () => call(cookies.villager, 'me.session', {}))
  await measure('archive.home', 300, () => call(cookies.villager, 'archive.home', {}))
  await measure('archive.history page 1', 300, () =>
    call(cookies.villager, 'archive.history', { period: 'all', page: 1 })
  )
  await measure('archive.ranking page 1 (month, villager: own place off the page)', 300, () =>
    call(cookies.villager, 'archive.ranking', { period: 'month', page: 1 })
  )
  await measure('archive.ranking page 1 (all time, cadre)', 300, () =>
    call(cookies.cadre, 'archive.ranking', { period: 'all', page: 1 })
  )
  await measure('score.award one household', 300, i =>
    call(cookies.cadre, 'score.award', {
      requestId: requestId(),
      householdId: household(i),
      ruleId: BENCH_RULE,
      points: 1
    })
  )
  await measure(
    'score.batch 200 households',
    20,
    i =>
      call(cookies.cadre, 'score.batch', {
        requestId: requestId(),
        householdIds: Array.from({ length: 200 }, (_, k) => `hb-${String((i * 200 + k) % 2000).padStart(5, '0')}`),
        ruleId: BENCH_RULE,
        points: 1
      }),
    samples => {
      const trips = Math.max(...samples.map(s => s.roundTrips))
      return {
        parallelism: BATCH_PARALLELISM,
        cloudEstimateMs: Math.round((trips / BATCH_PARALLELISM) * CLOUD_ROUND_TRIP_MS)
      }
    }
  )
  await lc.close()
  await logFile.close()
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
