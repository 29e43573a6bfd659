/**
 * 一户一码 for a village of 300 households in the compiled mini-program: a sheet of 30 codes is made a
 * few codes per api call (each call far inside the function's time limit) and the page shows how far
 * it got. (That codes made before come back in one call: test/routes/shop.test.ts.)
 */
import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { NEW_CODES_PER_CALL_MAX } from '../../cloudfunctions/api/routes/household'
import { ensureCollections } from '../../cloudfunctions/shared/collections'
import { BENCH_CADRE, buildBenchVillage } from '../../scripts/seed/bench-village'
import { ROOT, sdkFor } from '../helpers/local-cloud'
import { openPage, settle } from '../helpers/mini-program'
import { Weapp, launchWeapp } from '../helpers/weapp'

const HOUSEHOLDS = 300
let lc: LocalCloud
let weapp: Weapp

beforeAll(async () => {
  lc = await startLocalCloud({
    indexFile: path.join(ROOT, 'core/collections.json'),
    functionsDir: path.join(ROOT, 'dist/cloudfunctions')
  })
  const db = sdkFor(lc, 'seed').database()
  await ensureCollections(db)
  for (const [collection, docs] of Object.entries(buildBenchVillage(Date.now(), HOUSEHOLDS, 0)))
    await db.collection(collection).add({ data: docs })
  weapp = launchWeapp(lc, BENCH_CADRE)
})
afterAll(() => lc.close())
jest.setTimeout(400_000)

const codeCalls = () => weapp.apiCalls.filter(c => c.route === 'household.codes')
const cardsOf = (page: any) => (page.dom.textContent?.match(/户主 ?户主\d+/g) ?? []).length

const shownIds = (calls: Weapp['apiCalls']) =>
  calls.flatMap(c => c.result.data.codes.map((code: any) => code.householdId))

test('the first sheet of a 300-household village: 30 codes, a few per call, with progress on the page', async () => {
  const page = openPage('packages/cadre/pages/codes/index')
  const progressSeen: string[] = []
  await settle(() => {
    const shown = page.dom.textContent?.match(/正在生成二维码 \d+ \/ 30/)?.[0]
    if (shown && !progressSeen.includes(shown)) progressSeen.push(shown)
    return cardsOf(page) === 30 || (page.dom.textContent ?? '').includes('请稍后再试')
  }, 300_000) // a bound on waiting, not a time limit: on a busy machine each code takes seconds
  expect(cardsOf(page)).toBe(30)
  expect(page.dom.textContent).toContain('下一张')
  expect(progressSeen.length).toBeGreaterThan(1)

  const calls = codeCalls()
  expect(calls.length).toBeGreaterThanOrEqual(Math.ceil(30 / NEW_CODES_PER_CALL_MAX))
  // every code of this village was new, so each call made exactly the codes it returned
  for (const c of calls) expect(c.result.data.codes.length).toBeLessThanOrEqual(NEW_CODES_PER_CALL_MAX)
  expect(new Set(shownIds(calls)).size).toBe(30)
  console.log(
    JSON.stringify({
      figure: 'household.codes in the host, first sheet of 30 new codes',
      calls: calls.length,
      maxMs: Math.round(Math.max(...calls.map(c => c.durationMs!)))
    })
  )
})
