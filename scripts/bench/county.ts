/**
 * npm run bench:county — the routes through the function host (POST /fn/api, the built bundle, the
 * real wx-server-sdk) against a county seeded by `npm run seed:county` (copied, so the seed stays
 * as it was). One JSON line per operation: op, n, p50 and p95 ms, roundTrips (database calls per
 * call, the most seen). With LOCALCLOUD_DB_LATENCY_MS=8 every database call waits 8 ms more, as a
 * network round trip in the cloud would.
 *
 *   npm run bench:county -- [--dir .data-county]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import '../scf-env'
import { startLocalCloud } from '../../localcloud'
import { ensureBuilt } from '../ensure-built'
import { registerFile, registerRows } from '../../test/helpers/register'
import {
  COUNTY_ADMIN,
  countyCadre,
  countyHouseholdId,
  countyRule,
  countyTownAdmin,
  countyVillageId
} from '../seed/county-data'

const ROOT = path.resolve(__dirname, '../..')
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : fallback
}

async function main() {
  ensureBuilt(['functions'], () => {})
  const seeded = path.resolve(ROOT, arg('dir', '.data-county'))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-county-'))
  fs.copyFileSync(path.join(seeded, 'database.sqlite'), path.join(dir, 'database.sqlite'))
  const lc = await startLocalCloud({
    dataDir: dir,
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions'),
    log: () => {},
    functionOutput: () => {}
  })
  const cookieFor = async (openid: string) => {
    const res = await fetch(`${lc.url}/__dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid }),
      redirect: 'manual'
    })
    return res.headers.get('set-cookie')!.split(';')[0]
  }
  // a villager whose household is bound in the seed (village 5, the first bound household found)
  const villagerOf = async () => {
    for (let i = 0; i < 50; i++) {
      const r = await fetch(`${lc.url}/__dev/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: `county-villager-5-${i}` }),
        redirect: 'manual'
      })
      const cookie = r.headers.get('set-cookie')!.split(';')[0]
      const reply = await call(cookie, 'archive.home', {}).catch(() => null)
      if (reply) return cookie
    }
    throw new Error('no bound villager in village 5')
  }
  const call = async (cookie: string, route: string, input: unknown) => {
    const t0 = performance.now()
    const res = await fetch(`${lc.url}/fn/api`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ route, input })
    })
    const ms = performance.now() - t0
    const reply = (await res.json()) as any
    if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
    return { ms, roundTrips: Number(res.headers.get('x-db-roundtrips')), data: reply.data }
  }
  const cadre = await cookieFor(countyCadre(5))
  const town = await cookieFor(countyTownAdmin(0))
  const county = await cookieFor(COUNTY_ADMIN)
  const villager = await villagerOf()
  let seq = 0
  const rid = () => `bc-${Date.now().toString(36)}-${(seq++).toString(36)}`
  const quantile = (v: number[], q: number) =>
    +[...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))].toFixed(1)
  async function measure(
    op: string,
    n: number,
    run: (i: number) => Promise<{ ms: number; roundTrips: number }>,
    warm = 3
  ) {
    for (let i = 0; i < warm; i++) await run(-1 - i)
    const samples: { ms: number; roundTrips: number }[] = []
    for (let i = 0; i < n; i++) samples.push(await run(i))
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
        roundTrips: Math.max(...samples.map(s => s.roundTrips)),
        dbLatencyMs: Number(process.env.LOCALCLOUD_DB_LATENCY_MS ?? 0)
      })
    )
  }
  const v5 = countyVillageId(5)
  await measure('home', 50, () => call(villager, 'archive.home', {}))
  await measure('history', 50, () => call(villager, 'archive.history', { period: 'all', page: 1 }))
  await measure('ranking (village)', 50, () => call(villager, 'archive.ranking', { period: 'all', page: 1 }))
  await measure('ranking (town)', 50, () => call(villager, 'ranking.wide', { scope: 'town' }))
  await measure('ranking (county)', 50, () => call(villager, 'ranking.wide', { scope: 'county' }))
  await measure('overview (town)', 50, () => call(town, 'overview.get', {}))
  await measure('overview (county)', 50, () => call(county, 'overview.get', {}))
  await measure('award', 50, i =>
    call(cadre, 'score.award', {
      requestId: rid(),
      householdId: countyHouseholdId(5, Math.abs(i) % 100),
      ruleId: countyRule(5),
      points: 1
    })
  )
  const perVillage = Number(process.env.BENCH_BATCH_HOUSEHOLDS ?? 200)
  await measure(
    'batch 200',
    5,
    () =>
      call(cadre, 'score.batch', {
        requestId: rid(),
        householdIds: Array.from({ length: Math.min(200, perVillage) }, (_, k) => countyHouseholdId(5, k)),
        ruleId: countyRule(5),
        points: 1
      }),
    1
  )
  // importing a 1,000-household register into village 5 (new plates of groups 1–4), preview and apply
  const upload = async (n: number) => {
    const file = await registerFile(
      registerRows(1000, ['1组', '2组', '3组', '4组'], ['第1网格', '第2网格'], n * 3000).map(r => ({
        ...r,
        门牌号: `新${n}-${r.门牌号}`
      }))
    )
    const res = await fetch(`${lc.url}/__dev/upload?cloudPath=${encodeURIComponent(`imports/bench-${n}.xlsx`)}`, {
      method: 'POST',
      headers: { cookie: town },
      body: new Uint8Array(file)
    })
    return ((await res.json()) as any).fileID as string
  }
  const files = [await upload(0), await upload(1), await upload(2)]
  await measure(
    'import 1000 preview',
    3,
    i => call(town, 'register.preview', { villageId: v5, fileId: files[Math.max(0, i)] }),
    1
  )
  await measure(
    'import 1000 apply',
    3,
    async i => {
      let total = { ms: 0, roundTrips: 0 }
      for (let calls = 0; calls < 10; calls++) {
        const r = await call(town, 'register.apply', { requestId: rid(), villageId: v5, fileId: files[Math.max(0, i)] })
        total = { ms: total.ms + r.ms, roundTrips: total.roundTrips + r.roundTrips }
        if (r.data.done) break
      }
      return total
    },
    0
  )
  await measure(
    'export village year',
    3,
    () => call(cadre, 'export.ledger', { villageId: v5, period: new Date().getUTCFullYear().toString() }),
    1
  )
  await lc.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
