/**
 * The county that seed:county writes and bench:county measures, one village at a time (never the
 * whole county in memory). Names (county-names.ts), plates, points and bindings come from a seeded generator.
 */
import { figuresOfEntries } from '../../core/domain/figures'
import { applyEntry, emptyLedgerState, LedgerState } from '../../core/domain/ledger'
import { periodKeys } from '../../core/domain/period'
import { COUNTY_ID } from '../../core/domain/roles'
import type { RuleTerms } from '../../core/domain/rules'
import { doorPlateDoc } from '../../cloudfunctions/api/services/register/door-plates'
import { countyHead, countyMember, CountyMember } from './county-names'

export const COUNTY_SHAPE = { towns: 12, villages: 120, households: 149_000, people: 447_800, entriesEach: 12 }
const GROUPS = 4
const DAY = 86_400_000
/** Salt of the second generator, which draws only the surnames a spouse or a mother brings. */
const SURNAME_STREAM = 7_919

export interface CountyVillage {
  id: string
  index: number
  townId: string
  name: string
  households: number
}

const RULE: RuleTerms = {
  category: '人居环境',
  title: '庭院整洁（每月检查）',
  points: { min: 1, max: 10 },
  cap: null,
  evidenceRequired: false,
  proposers: ['cadre', 'gridWorker']
}

export const countyVillageId = (i: number) => `v-c${String(i).padStart(3, '0')}`
export const countyHouseholdId = (village: number, i: number) => `hc-${village}-${i}`
export const countyCadre = (village: number) => `county-cadre-${village}`
export const countyTownAdmin = (town: number) => `county-town-${town}`
export const COUNTY_ADMIN = 'county-admin'
export const countyVillager = (village: number, i: number) => `county-villager-${village}-${i}`
export const countyRule = (village: number) => `rc-${village}`

export function countyPlaces(scale: number) {
  const places: Record<string, unknown>[] = [{ _id: COUNTY_ID, kind: 'county', name: '示范县', parentId: null }]
  const villages: CountyVillage[] = []
  const perVillage = Math.round((COUNTY_SHAPE.households / COUNTY_SHAPE.villages) * scale)
  for (let t = 0; t < COUNTY_SHAPE.towns; t++) {
    places.push({ _id: `t-c${t}`, kind: 'town', name: `第${t + 1}镇`, parentId: COUNTY_ID })
    for (let k = 0; k < COUNTY_SHAPE.villages / COUNTY_SHAPE.towns; k++) {
      const index = t * 10 + k
      const v: CountyVillage = {
        id: countyVillageId(index),
        index,
        townId: `t-c${t}`,
        name: `${t + 1}镇${k + 1}村`,
        households: perVillage
      }
      villages.push(v)
      places.push({
        _id: v.id,
        kind: 'village',
        name: v.name,
        parentId: v.townId,
        starThresholds: [60, 80, 100, 120, 150],
        householdCount: perVillage,
        // 户籍户数: the archive covers about 72 % of the registered households, as in Guanghan
        registeredHouseholds: Math.round(perVillage / 0.72),
        postingDays: 7
      })
      for (let g = 1; g <= GROUPS; g++)
        places.push({ _id: `grp-c${index}-${g}`, kind: 'group', name: `${g}组`, parentId: v.id })
      for (let g = 1; g <= 2; g++)
        places.push({ _id: `g-c${index}-${g}`, kind: 'grid', name: `第${g}网格`, parentId: v.id })
    }
  }
  return { places, villages }
}

/** mulberry32: small, fast, deterministic */
function generator(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function buildCountyVillage(v: CountyVillage, now: number, seed: number) {
  const rnd = generator(seed * 100_003 + v.index)
  const surnameDraw = generator(seed * 100_003 + v.index + SURNAME_STREAM)
  const facts = { name: v.name, starThresholds: [60, 80, 100, 120, 150], householdCount: v.households, postingDays: 7 }
  const households: Record<string, any>[] = []
  const people: Record<string, any>[] = []
  const entries: Record<string, any>[] = []
  const users: Record<string, any>[] = []
  const grants: Record<string, any>[] = []
  const ruleSnapshot = { id: countyRule(v.index), version: 1, ...RULE }
  for (let i = 0; i < v.households; i++) {
    const id = countyHouseholdId(v.index, i)
    const group = 1 + (i % GROUPS)
    // the draws come in the order they always did, so that the county's sizes, points and bindings stay
    const headPerson = countyHead(rnd(), rnd())
    const head = headPerson.name
    // 447,800 people in 149,000 households: three on average
    const size = 1 + Math.floor(rnd() * 5)
    const members: CountyMember[] = [
      { name: head, relation: '户主', gender: headPerson.gender, partyMember: rnd() < 0.08 }
    ]
    for (let m = 1; m < size; m++) {
      const draws = { name: rnd(), relation: rnd(), surname: surnameDraw() }
      members.push({ ...countyMember(headPerson, members, draws), partyMember: false })
    }
    let state: LedgerState = emptyLedgerState()
    const mine: Record<string, any>[] = []
    for (let k = 0; k < COUNTY_SHAPE.entriesEach; k++) {
      const at = now - (k * 30 + Math.floor(rnd() * 28)) * DAY - Math.floor(rnd() * 10) * 3600_000
      const points = 1 + Math.floor(rnd() * 10)
      const next = applyEntry(state, { kind: 'award', points, at, rule: { id: ruleSnapshot.id, terms: RULE } })
      if ('refused' in next) continue
      state = next
      const keys = periodKeys(at)
      mine.push({
        _id: `ec-${v.index}-${i}-${k}`,
        account: `household:${id}`,
        householdId: id,
        villageId: v.id,
        kind: 'award',
        points,
        rule: ruleSnapshot,
        capPeriod: null,
        correctsId: null,
        note: '',
        evidence: [],
        by: countyCadre(v.index),
        byName: '村干部',
        requestKey: 'seed',
        at,
        month: keys.month,
        year: keys.year
      })
    }
    // applyEntry keeps the latest month's and year's points only if entries come in time order
    mine.sort((a, b) => a.at - b.at)
    state = mine.reduce<LedgerState>((s, e) => {
      const next = applyEntry(s, {
        kind: 'award',
        points: e.points,
        at: e.at,
        rule: { id: ruleSnapshot.id, terms: RULE }
      })
      return 'refused' in next ? s : next
    }, emptyLedgerState())
    entries.push(...mine)
    const bound = rnd() < 0.8 ? [countyVillager(v.index, i)] : []
    for (const openid of bound) {
      const grant = { role: 'villager', householdId: id, villageId: v.id }
      users.push({ _id: openid, name: head, roles: [grant], largeFont: false })
      grants.push({
        _id: `${openid}:villager`,
        openid,
        name: head,
        role: 'villager',
        grant,
        countyId: COUNTY_ID,
        townId: v.townId,
        villageId: v.id,
        householdId: id,
        by: countyCadre(v.index),
        at: now
      })
    }
    households.push({
      _id: id,
      villageId: v.id,
      townId: v.townId,
      groupId: `grp-c${v.index}-${group}`,
      gridId: `g-c${v.index}-${group <= 2 ? 1 : 2}`,
      doorPlate: `${group}组${i + 1}号`,
      head,
      members,
      village: facts,
      latest: [...mine]
        .reverse()
        .slice(0, 5)
        .map(e => ({
          id: e._id,
          points: e.points,
          kind: e.kind,
          title: RULE.title,
          category: RULE.category,
          note: '',
          at: e.at,
          byName: e.byName,
          evidence: []
        })),
      boundUsers: bound,
      purchases: {},
      ...state
    })
    members.forEach((m, k) =>
      people.push({
        _id: `pc-${v.index}-${i}-${k}`,
        householdId: id,
        villageId: v.id,
        townId: v.townId,
        ...m,
        idHash: '',
        idLast4: '',
        phoneMasked: '',
        updatedAt: now
      })
    )
  }
  const staff = [
    { openid: countyCadre(v.index), role: 'cadre', grant: { role: 'cadre', villageId: v.id } },
    {
      openid: `county-grid-${v.index}`,
      role: 'gridWorker',
      grant: { role: 'gridWorker', villageId: v.id, gridIds: [`g-c${v.index}-1`, `g-c${v.index}-2`] }
    }
  ]
  const townIndex = Number(v.townId.slice(3))
  if (v.index % 10 === 0)
    staff.push({
      openid: countyTownAdmin(townIndex),
      role: 'townAdmin',
      grant: { role: 'townAdmin', townId: v.townId } as any
    })
  if (v.index === 0)
    staff.push({
      openid: COUNTY_ADMIN,
      role: 'countyAdmin',
      grant: { role: 'countyAdmin', countyId: COUNTY_ID } as any
    })
  for (const s of staff) {
    users.push({
      _id: s.openid,
      name: s.role === 'cadre' ? '村干部' : s.role === 'gridWorker' ? '网格员' : '管理员',
      roles: [s.grant],
      largeFont: false
    })
    grants.push({
      _id: `${s.openid}:${s.role}`,
      openid: s.openid,
      name: '',
      role: s.role,
      grant: s.grant,
      countyId: COUNTY_ID,
      townId: v.townId,
      villageId: s.role === 'townAdmin' || s.role === 'countyAdmin' ? null : v.id,
      householdId: null,
      by: COUNTY_ADMIN,
      at: now
    })
  }
  return {
    rules: [
      { _id: countyRule(v.index), villageId: v.id, ...RULE, active: true, version: 1, source: null, updatedAt: now }
    ],
    households,
    doorPlates: households.map(h => doorPlateDoc(v.id, h.doorPlate, h._id)),
    people,
    entries,
    villageStats: figuresOfEntries(entries as Parameters<typeof figuresOfEntries>[0], () => v.townId),
    users,
    grants
  }
}
