/**
 * npm run bench — the product's routes through the function host (POST /fn/api, the built bundle,
 * the real wx-server-sdk) against a village of 2,000 households and 50,000 entries. One JSON line per
 * operation: n, p50 and p95 in milliseconds, and the database round trips per call. In the cloud every
 * round trip is a network call (~10 ms), so `cloudEstimateMs` = round trips on the critical path × 10.
 * Only the result lines are printed; the functions' logs go to test-results/bench-api.log.
 *
 * First the floor: a function that does nothing but sequential reads (scripts/bench/floor-function),
 * through the same host, SDK and server: the invocation, the first database call, each further one.
 * Each route's line then says how far it stands above its floors, measured warm, call by call beside
 * it: as many sequential reads as it has round trips (open-API calls included), and for the award its
 * very requests made without its logic; in host time, in the process's CPU, and in the CPU of the
 * function's own thread (docs/architecture.md, "Measured").
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import '../scf-env'
import { startLocalCloud } from '../../localcloud'
import { ensureBuilt } from '../ensure-built'
import { ensureCollections } from '../../cloudfunctions/shared/collections'
import { benchLogFile } from './log-file'
import { SCHEMA_VERSION } from '../../cloudfunctions/shared/data/schema-version'
import {
  BENCH_CADRE,
  BENCH_RULE,
  BENCH_RULE_TERMS,
  BENCH_VILLAGE,
  BENCH_VILLAGER,
  buildBenchVillage
} from '../seed/bench-village'
import {
  BENCH_MEETING_RULE,
  BENCH_MEMBER,
  BENCH_MEMBERS,
  BENCH_SECRETARY,
  BENCH_TOWN_PARTY,
  benchMemberId,
  buildBenchParty
} from '../seed/bench-party'

const ROOT = path.resolve(__dirname, '../..')
/** the batch route's bound on households in flight (cloudfunctions/api/routes/score.ts) */
const BATCH_PARALLELISM = 20
const CLOUD_ROUND_TRIP_MS = 10

interface Sample {
  /** as the client sees it: HTTP to /fn/api and back */
  ms: number
  /** inside the function host: from handing the event to the instance to its reply */
  hostMs: number
  /**
   * CPU time of this whole process (client, server, function host and its workers) during the call:
   * unlike the wall time, it hardly moves when other programs load the machine
   */
  cpuMs: number
  /** CPU time of the function instance's own thread (`x-cpu-ms`): its own work, not the server's */
  fnCpuMs: number
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
const median = (values: number[]) => quantile(values, 0.5)

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
  const village = buildBenchVillage(Date.now())
  const party = buildBenchParty(Date.now())
  const data: Record<string, Record<string, unknown>[]> = {
    ...village,
    ...party,
    entries: [...village.entries, ...party.entries],
    users: [...village.users, ...party.users]
  }
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
  const cookies = {
    cadre: await cookieFor(BENCH_CADRE),
    villager: await cookieFor(BENCH_VILLAGER),
    secretary: await cookieFor(BENCH_SECRETARY),
    member: await cookieFor(BENCH_MEMBER),
    townParty: await cookieFor(BENCH_TOWN_PARTY)
  }

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
    const cpu0 = process.cpuUsage()
    const res = await post(cookie, fn, JSON.stringify(event))
    const cpu = process.cpuUsage(cpu0)
    const ms = Number(process.hrtime.bigint() - t0) / 1e6
    const openApiCalls = Number(res.headers['x-openapi-calls'])
    const sample: Sample = {
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      hostMs: Number(res.headers['x-duration-ms']),
      fnCpuMs: Number(res.headers['x-cpu-ms']),
      roundTrips: Number(res.headers['x-db-roundtrips']) + openApiCalls,
      openApiCalls
    }
    return { sample, reply: JSON.parse(res.text) }
  }
  const call = async (cookie: string, route: string, input: unknown): Promise<Sample> => {
    const { sample, reply } = await invoke(cookie, 'api', { route, input })
    if (!reply.ok) throw new Error(`${route}: ${reply.code ?? reply.errCode} ${reply.message ?? reply.errMsg}`)
    return sample
  }

  let seq = 0
  const requestId = () => `bench-${Date.now().toString(36)}-${(seq++).toString(36)}`
  const household = (i: number) => `hb-${String((i * 7919) % 2000).padStart(5, '0')}`

  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null
  const hostP50 = (samples: Sample[]) => median(samples.map(x => x.hostMs))
  const cpuP50 = (samples: Sample[]) => median(samples.map(x => x.cpuMs))

  /**
   * A function instance reaches its steady cost only after V8 has optimised its hot code: for the api's
   * bundle that takes a few hundred calls (measured: the award cost ~2 ms more CPU over its first 300
   * calls, most of it compiling on V8's helper threads), for the floor function a handful. Routes and
   * floors are compared warm; what the warm-up costs is printed beside them.
   */
  const WARM_UP_CALLS = 300

  /**
   * n rounds of the given runs, one of each per round, after `warmUp` rounds: interleaved, so that a
   * route and its floors meet the same load on a shared machine.
   */
  async function rounds(n: number, runs: ((i: number) => Promise<Sample>)[], warmUp = Math.min(10, n)) {
    const warming: Sample[][] = runs.map(() => [])
    for (let i = 0; i < warmUp; i++) for (const [k, run] of runs.entries()) warming[k].push(await run(i))
    const samples: Sample[][] = runs.map(() => [])
    for (let i = 0; i < n; i++) for (const [k, run] of runs.entries()) samples[k].push(await run(i))
    return { samples, warming }
  }

  // the floor, in the host: a function that only reads one document, `reads` times in sequence
  const floorRun = (reads: number) => async () => {
    const { sample: s, reply } = await invoke(cookies.villager, 'floor', {
      reads,
      collection: 'users',
      id: BENCH_VILLAGER
    })
    if (!reply.ok) throw new Error(`floor: ${JSON.stringify(reply)}`)
    return s
  }
  // cold starts: the first invocation of each function loads its code (the api's whole bundle) in a new instance
  const coldStartMs = {
    floor: (await floorRun(0)()).hostMs,
    api: (await call(cookies.villager, 'me.session', {})).hostMs
  }
  console.log(JSON.stringify({ op: 'cold start (first invocation, host)', ...coldStartMs }))

  const FURTHER = 4
  const { samples: floorRounds } = await rounds(300, [floorRun(0), floorRun(1), floorRun(1 + FURTHER)])
  const components = (p50: (s: Sample[]) => number) => {
    const [none, one, more] = floorRounds.map(p50)
    return {
      invocation: none,
      firstCall: +(one - none).toFixed(2),
      furtherCall: +((more - one) / FURTHER).toFixed(2)
    }
  }
  const floorLine = { hostMs: components(hostP50), cpuMs: components(cpuP50) }
  console.log(JSON.stringify({ op: 'floor: a function that only reads (p50)', n: 300, ...floorLine }))

  /**
   * The award's own requests without the api: the same reads, transaction and writes, with documents
   * of the same shape and size built here (scripts/bench/floor-function). Households other than the
   * award's, so that neither meets the other's writes.
   */
  const awardShapedFloor = async (householdId: string) => {
    const id = `floor-${requestId()}`
    const at = Date.now()
    const month = new Date(at).toISOString().slice(0, 7)
    const rule = { id: BENCH_RULE, version: 1, ...BENCH_RULE_TERMS }
    const entry = {
      schemaVersion: SCHEMA_VERSION,
      _id: id,
      account: `household:${householdId}`,
      householdId,
      villageId: BENCH_VILLAGE,
      kind: 'award',
      points: 1,
      rule,
      capPeriod: null,
      correctsId: null,
      note: '',
      evidence: [],
      by: BENCH_CADRE,
      byName: '测试干部',
      requestKey: `rk${id}`.slice(0, 24),
      at,
      month,
      year: month.slice(0, 4)
    }
    const { sample, reply } = await invoke(cookies.cadre, 'floor', {
      shape: 'award',
      userId: BENCH_CADRE,
      ruleId: BENCH_RULE,
      householdId,
      entry,
      posting: {
        schemaVersion: SCHEMA_VERSION,
        _id: id,
        villageId: BENCH_VILLAGE,
        householdId,
        doorPlate: '1组1号',
        head: '户主1',
        title: rule.title,
        category: rule.category,
        points: 1,
        byName: '测试干部',
        evidence: [],
        at,
        until: at + 7 * 86_400_000,
        state: 'posted',
        openObjections: 0
      },
      audit: {
        schemaVersion: SCHEMA_VERSION,
        _id: `a-${id}`,
        placeId: BENCH_VILLAGE,
        actor: BENCH_CADRE,
        actorName: '测试干部',
        action: 'score.award',
        target: householdId,
        before: null,
        after: { rule: rule.title, points: 1, note: '' },
        at
      },
      view: {
        id,
        points: 1,
        kind: 'award',
        title: rule.title,
        category: rule.category,
        note: '',
        at,
        byName: '测试干部',
        evidence: []
      },
      householdPatch: {
        balance: 1,
        earned: 1,
        monthKey: month,
        monthPoints: 1,
        yearKey: month.slice(0, 4),
        yearPoints: 1
      },
      statsId: `${BENCH_VILLAGE}:${month.slice(0, 4)}`,
      inc: { [`months.m${month.slice(5)}.award`]: 1 }
    })
    if (!reply.ok) throw new Error(`award-shaped floor: ${JSON.stringify(reply)}`)
    return sample
  }

  /** p50s of a route's samples against a floor's, and the difference */
  const against = (route: Sample[], floor: Sample[]) => {
    const figure = (of: (s: Sample[]) => number) => ({
      route: of(route),
      floor: of(floor),
      over: +(of(route) - of(floor)).toFixed(2)
    })
    return {
      hostMs: figure(hostP50),
      cpuMs: figure(cpuP50),
      fnCpuMs: figure(samples => median(samples.map(x => x.fnCpuMs)))
    }
  }

  /**
   * One line per operation. Unless `floor` is false, each call is followed by a call of the floor
   * function with as many sequential reads as the route has round trips (open-API calls included):
   * `vsReadFloor` says what the route costs beyond a function that did nothing but its round trips one
   * after another. `sameRequestsFloor`, where given, makes the route's very requests without its logic
   * (`vsSameRequests`). Host and process-CPU figures are p50s of warm instances; `warmingHostMs` is the
   * p50 over the warm-up calls (a fresh instance's first few hundred).
   */
  async function measure(
    op: string,
    n: number,
    run: (i: number) => Promise<Sample>,
    {
      floor = true,
      sameRequestsFloor,
      warmUp = WARM_UP_CALLS,
      extra = () => ({})
    }: {
      floor?: boolean
      sameRequestsFloor?: (i: number) => Promise<Sample>
      warmUp?: number
      extra?: (s: Sample[]) => Record<string, unknown>
    } = {}
  ) {
    if (only && !only.test(op)) return
    const probe = await run(0) // how many round trips the floor must make
    const floors = [...(floor ? [floorRun(probe.roundTrips)] : []), ...(sameRequestsFloor ? [sameRequestsFloor] : [])]
    const { samples, warming } = await rounds(n, [run, ...floors], warmUp)
    const [routeSamples, ...floorSamples] = samples
    const clientMs = routeSamples.map(s => s.ms)
    const readFloor = floor ? floorSamples.shift() : undefined
    const sameRequests = sameRequestsFloor ? floorSamples.shift() : undefined
    console.log(
      JSON.stringify({
        op,
        n,
        p50: median(clientMs),
        p95: quantile(clientMs, 0.95),
        roundTrips: Math.max(...routeSamples.map(s => s.roundTrips)),
        openApiCalls: Math.max(...routeSamples.map(s => s.openApiCalls)),
        hostP50: hostP50(routeSamples),
        cpuP50: cpuP50(routeSamples),
        ...(readFloor ? { vsReadFloor: against(routeSamples, readFloor) } : {}),
        ...(sameRequests ? { vsSameRequests: against(routeSamples, sameRequests) } : {}),
        ...(warmUp >= 100
          ? {
              warmingHostMs: {
                route: hostP50(warming[0]),
                ...(readFloor ? { readFloor: hostP50(warming[1]) } : {})
              }
            }
          : {}),
        ...extra(routeSamples)
      })
    )
  }

  await measure('me.session', 300, () => call(cookies.villager, 'me.session', {}))
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
  await measure(
    'score.award one household',
    300,
    i =>
      call(cookies.cadre, 'score.award', {
        requestId: requestId(),
        householdId: household(i),
        ruleId: BENCH_RULE,
        points: 1
      }),
    { sameRequestsFloor: i => awardShapedFloor(household(i + 1000)) }
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
    {
      // 1,200 round trips, 20 at a time: a sequential floor says nothing about it
      floor: false,
      // each batch is 200 awards: the api is warm after the first
      warmUp: 10,
      extra: samples => {
        const trips = Math.max(...samples.map(s => s.roundTrips))
        return {
          parallelism: BATCH_PARALLELISM,
          cloudEstimateMs: Math.round((trips / BATCH_PARALLELISM) * CLOUD_ROUND_TRIP_MS)
        }
      }
    }
  )
  // party work: the member's page, and a meeting of 30 members recorded in one act (one transaction)
  await measure('partyMember.home', 300, () => call(cookies.member, 'partyMember.home', {}))
  await measure(
    'partyScore.meeting 30 members',
    30,
    () =>
      call(cookies.secretary, 'partyScore.meeting', {
        requestId: requestId(),
        ruleId: BENCH_MEETING_RULE,
        presentIds: Array.from({ length: BENCH_MEMBERS }, (_, k) => benchMemberId(k))
      }),
    { warmUp: 10 }
  )
  // the town's party overview: one roster per branch, whatever the number of members
  await measure('partyTown.overview', 100, () => call(cookies.townParty, 'partyTown.overview', {}))
  await lc.close()
  await logFile.close()
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
