import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'
import { DEFAULT_PARTY_SETTINGS } from '../../core/domain/party'

/**
 * 评星设置 have two setters: the county administrator the county's own, a town's party administrator
 * the town's adjustment. Each reads what they set (partyTown.settings); a town without its own
 * adjustment rates by the county's, a town with one keeps it, and the county sees which towns did.
 */
jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => (env = await productCloud()))
afterAll(() => env.close())

const ok = async (openid: string, route: string, input: unknown = {}) => {
  const reply: any = await env.call(openid, route, input)
  if (!reply.ok) throw new Error(`${route}: ${reply.code} ${reply.message}`)
  return reply.data
}
const setSettings = (openid: string, settings: object) =>
  ok(openid, 'partyTown.setSettings', { requestId: rid(), settings })

test('the county reads and sets its own settings; a town without its own adjustment follows them', async () => {
  expect(await ok('demo-county', 'partyTown.settings')).toEqual({
    placeName: '示范县',
    level: 'county',
    settings: DEFAULT_PARTY_SETTINGS,
    townsAdjusted: []
  })
  const county = { ...DEFAULT_PARTY_SETTINGS, baseScore: 55, starThresholds: [55, 65, 75, 85, 95] }
  await setSettings('demo-county', county)
  expect((await ok('demo-county', 'partyTown.settings')).settings).toEqual(county)
  // 向阳镇 has not adjusted them: its party administrator and its members see the county's
  expect(await ok('demo-town-party', 'partyTown.settings')).toEqual({
    placeName: '向阳镇',
    level: 'town',
    settings: county,
    townsAdjusted: []
  })
  expect((await ok('demo-town-party', 'partyTown.overview')).settings).toEqual(county)
  expect((await ok('demo-villager-2', 'partyMember.home')).settings.baseScore).toBe(55)

  // the town adjusts: its own stays its own, and the county's page names the town
  const town = { ...county, baseScore: 65, starThresholds: [65, 70, 80, 90, 96] }
  await setSettings('demo-town-party', town)
  expect((await ok('demo-town-party', 'partyTown.settings')).settings).toEqual(town)
  expect(await ok('demo-county', 'partyTown.settings')).toMatchObject({ settings: county, townsAdjusted: ['向阳镇'] })
  expect((await ok('demo-villager-2', 'partyMember.home')).settings.baseScore).toBe(65)
})

test('settings that cannot work are refused and change nothing', async () => {
  const before = (await ok('demo-county', 'partyTown.settings')).settings
  const reply: any = await env.call('demo-county', 'partyTown.setSettings', {
    requestId: rid(),
    settings: { ...before, starThresholds: [90, 80, 70, 60, 50] }
  })
  expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect((await ok('demo-county', 'partyTown.settings')).settings).toEqual(before)
})
