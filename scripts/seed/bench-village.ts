import { doorPlateOrder } from '../../core/domain/door-plate'
/**
 * A village at the scale the benchmarks need: 2,000 households and 50,000 entries (25 each over
 * twelve months), built with the ledger's own rule so that balances equal the sums of the entries.
 */
import { applyEntry, emptyLedgerState } from '../../core/domain/ledger'
import { periodKeys } from '../../core/domain/period'
import { COUNTY_ID } from '../../core/domain/roles'
import type { RuleTerms } from '../../core/domain/rules'

export const BENCH_VILLAGE = 'v-bench'
export const BENCH_CADRE = 'bench-cadre'
export const BENCH_VILLAGER = 'bench-villager'
/** a household in the middle of the ranking, so that "my place" is not on the first page */
export const BENCH_HOUSEHOLD = 'hb-01000'
export const BENCH_RULE = 'rb-volunteer'

const DAY = 86_400_000

export const BENCH_RULE_TERMS: RuleTerms = {
  category: '公益参与',
  title: '参加义务劳动（每次）',
  points: { min: 1, max: 10 },
  cap: null,
  evidenceRequired: false,
  proposers: ['cadre']
}

export function buildBenchVillage(now: number, households = 2000, entriesEach = 25) {
  const terms = BENCH_RULE_TERMS
  const village = {
    name: '规模测试村',
    starThresholds: [60, 80, 100, 120, 150],
    householdCount: households,
    postingDays: 7
  }
  const places = [
    { _id: COUNTY_ID, kind: 'county', name: '示范县', parentId: null },
    { _id: 't-bench', kind: 'town', name: '测试镇', parentId: COUNTY_ID },
    {
      _id: BENCH_VILLAGE,
      kind: 'village',
      name: village.name,
      parentId: 't-bench',
      starThresholds: village.starThresholds,
      householdCount: households,
      postingDays: 7
    },
    { _id: 'grp-bench-1', kind: 'group', name: '1组', parentId: BENCH_VILLAGE }
  ]
  const rules = [
    { _id: BENCH_RULE, villageId: BENCH_VILLAGE, ...terms, active: true, version: 1, source: null, updatedAt: now }
  ]
  const houses: Record<string, any>[] = []
  const entries: Record<string, any>[] = []
  for (let i = 0; i < households; i++) {
    const id = `hb-${String(i).padStart(5, '0')}`
    let state = emptyLedgerState()
    const mine: Record<string, any>[] = []
    for (let k = 0; k < entriesEach; k++) {
      const at = now - Math.floor(((k + 0.5) / entriesEach) * 360) * DAY - (i % 24) * 3600_000
      const points = 1 + ((i * 7 + k * 3) % 10)
      const keys = periodKeys(at)
      const next = applyEntry(state, { kind: 'award', points, at, rule: { id: BENCH_RULE, terms } })
      if ('refused' in next) continue
      state = next
      mine.push({
        _id: `eb-${i}-${k}`,
        account: `household:${id}`,
        householdId: id,
        villageId: BENCH_VILLAGE,
        kind: 'award',
        points,
        rule: { id: BENCH_RULE, version: 1, ...terms },
        capPeriod: null,
        correctsId: null,
        note: '',
        evidence: [],
        by: BENCH_CADRE,
        byName: '测试干部',
        at,
        month: keys.month,
        year: keys.year
      })
    }
    entries.push(...mine)
    const latest = mine.slice(0, 5).map(e => ({
      id: e._id,
      points: e.points,
      kind: e.kind,
      title: terms.title,
      category: terms.category,
      note: '',
      at: e.at,
      byName: e.byName,
      evidence: []
    }))
    houses.push({
      _id: id,
      villageId: BENCH_VILLAGE,
      townId: 't-bench',
      groupId: 'grp-bench-1',
      gridId: '',
      doorPlate: `1组${i + 1}号`,
      plateOrder: doorPlateOrder(`1组${i + 1}号`),
      head: `户主${i + 1}`,
      members: [],
      village,
      latest,
      ...state
    })
  }
  const users = [
    { _id: BENCH_CADRE, name: '测试干部', roles: [{ role: 'cadre', villageId: BENCH_VILLAGE }], largeFont: false },
    {
      _id: BENCH_VILLAGER,
      name: '测试村民',
      roles: [{ role: 'villager', villageId: BENCH_VILLAGE, householdId: BENCH_HOUSEHOLD }],
      largeFont: false
    }
  ]
  return { places, rules, households: houses, entries, users }
}
