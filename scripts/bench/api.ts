/**
 * npm run bench — the product's routes through the function host (POST /fn/api, the built bundle,
 * the real wx-server-sdk) against a village of 2,000 households and 50,000 entries. One JSON line per
 * operation: n, p50 and p95 in milliseconds, and the database round trips per call. In the cloud every
 * round trip is a network call (~10 ms), so `cloudEstimateMs` = round trips on the critical path × 10.
 * Only the result lines are printed; the functions' logs go to test-results/bench-api.log.
 *
 * First the floor: a function that does nothing but sequential reads (scripts/bench/floor-function),
 * through the same host, SDK and server: the invocation, the first database call, each further one.
 * Each route's line then says its floor (invocation + first call + further calls for the rest of its
 * round trips, open-API calls included, as if all were sequential) and how far its host time is above it.
 */
import fs from 'node:fs'
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
  /** database and open-API requests: each a network round trip in the cloud */
  roundTrips: number
  openApiCalls: number
}

/** The api as built, and the floor function beside it: the host runs functions from one folder. */
function benchFunctionsDir(): string {
  const dir = path.join(ROOT, 'test-results/bench-functions')
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  fs.symlinkSync(path.join(ROOT, 'dist/cloudfunctions/api'), path.join(dir, 'api'), 'dir')
  fs.symlinkSync(path.join(__dirname, 'floor-function'), path.join(dir, 'floor'), 'dir')
  return dir
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2)
}

async function main() {
  const logFile = benchLogFile('bench-api')
  ensureBuilt(['functions'], logFile.line)
  const lc = await startLocalCloud({
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: benchFunctionsDir(),
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
  const post = (cookie: string, fn: string, body: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = http.request(
        `${lc.url}/fn/${fn}`,
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
  const invoke = async (cookie: string, fn: string, event: unknown) => {
    const t0 = process.hrtime.bigint()
    const res = await post(cookie, fn, JSON.stringify(event))
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    const openApiCalls = Number(res.headers['x-openapi-calls'])
    const sample: Sample = {
      ms,
      hostMs: Number(res.headers['x-duration-ms']),
      roundTrips: Number(res.headers['x-db-roundtrips']) + openApiCalls,
      openApiCalls
    }
    return { sample, reply: JSON.parse(res.text) }
  }
  const call = async (cookie: string, route: string, input: unknown): Promise<Sample> => {
    const { sample, reply } = await invoke(cookie, 'api', { route, input })
    if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
    return sample
  }

  let seq = 0
  const requestId = () => `bench-${Date.now().toString(36)}-${(seq++).toString(36)}`
  const household = (i: number) => `hb-${String((i * 7919) % 2000).padStart(5, '0')}`

  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null
  /** n samples after a warm-up of the function instance */
  async function sample(n: number, run: (i: number) => Promise<Sample>) {
    for (let i = 0; i < Math.min(10, n); i++) await run(i)
    const samples: Sample[] = []
    for (let i = 0; i < n; i++) samples.push(await run(i))
    return samples
  }

  // the floor, in the host: a function that only reads, 0, 1 and FURTHER + 1 times in sequence
  const FURTHER = 4
  const floorRun = (reads: number) => async () => {
    const { sample: s, reply } = await invoke(cookies.villager, 'floor', {
      reads,
      collection: 'users',
      id: BENCH_VILLAGER
    })
    if (!reply.ok) throw new Error(`floor: ${JSON.stringify(reply)}`)
    return s
  }
  const hostP50 = (samples: Sample[]) =>
    quantile(
      samples.map(x => x.hostMs),
      0.5
    )
  const none = hostP50(await sample(300, floorRun(0)))
  const one = hostP50(await sample(300, floorRun(1)))
  const more = hostP50(await sample(300, floorRun(1 + FURTHER)))
  const floor = {
    invocationMs: none,
    firstCallMs: +(one - none).toFixed(2),
    furtherCallMs: +((more - one) / FURTHER).toFixed(2)
  }
  console.log(JSON.stringify({ op: 'floor (a function that only reads, in the host, p50)', n: 300, ...floor }))
  /** what a route of this many round trips would cost if the api cost nothing of its own */
  const floorOf = (roundTrips: number) =>
    roundTrips === 0
      ? floor.invocationMs
      : floor.invocationMs + floor.firstCallMs + (roundTrips - 1) * floor.furtherCallMs

  async function measure(
    op: string,
    n: number,
    run: (i: number) => Promise<Sample>,
    extra: (s: Sample[]) => Record<string, unknown> = () => ({})
  ) {
    if (only && !only.test(op)) return
    const samples = await sample(n, run)
    const host = hostP50(samples)
    const roundTrips = Math.max(...samples.map(s => s.roundTrips))
    const floorMs = +floorOf(roundTrips).toFixed(2)
    console.log(
      JSON.stringify({
        op,
        n,
        p50: quantile(
          samples.map(s => s.ms),
          0.5
        ),
        p95: quantile(
          samples.map(s => s.ms),
          0.95
        ),
        hostP50: host,
        roundTrips,
        openApiCalls: Math.max(...samples.map(s => s.openApiCalls)),
        floorMs,
        overFloorMs: +(host - floorMs).toFixed(2),
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
