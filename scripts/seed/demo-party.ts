/**
 * The demo county's party work: 新丰村党总支 with two branches and 20 members in every category,
 * the county's party template (settings and rules per category) adopted by both branches, a year of
 * entries (三会一课, 主题党日, volunteering, a few deductions), last year's final rating, and
 * 金桥村党支部 without members, so the town has two organisations to rate. Deterministic.
 */
import { applyEntry, emptyLedgerState, LedgerState } from '../../core/domain/ledger'
import {
  DEFAULT_PARTY_SETTINGS,
  MemberCategory,
  MEMBER_CATEGORIES,
  PartyRuleTerms,
  ratingRow
} from '../../core/domain/party'
import { periodKeys } from '../../core/domain/period'
import { COUNTY_ID } from '../../core/domain/roles'

export const PARTY_TEMPLATE_ID = 'pt-county'
const TOWN = 't-xiangyang'
const ALL = [...MEMBER_CATEGORIES]
const AT_HOME: MemberCategory[] = ['employed', 'unemployed', 'infirm']

type Item = PartyRuleTerms & { key: string }
const item = (key: string, terms: Omit<PartyRuleTerms, 'evidenceRequired'> & { evidenceRequired?: boolean }) =>
  ({ key, evidenceRequired: terms.points.min < 0, ...terms }) as Item

/** The county's party rules per category, after published county schemes. */
export const PARTY_ITEMS: Item[] = [
  item('meeting', {
    group: '组织生活',
    title: '参加三会一课',
    points: { min: 3, max: 3 },
    cap: { period: 'year', max: 12 },
    categories: AT_HOME,
    claimable: false,
    meeting: 'threeMeetings'
  }),
  item('partyday', {
    group: '组织生活',
    title: '参加主题党日',
    points: { min: 2, max: 2 },
    cap: { period: 'year', max: 8 },
    categories: AT_HOME,
    claimable: false,
    meeting: 'partyDay'
  }),
  item('online', {
    group: '组织生活',
    title: '流动党员线上学习、按时报告思想',
    points: { min: 2, max: 2 },
    cap: { period: 'year', max: 8 },
    categories: ['mobile'],
    claimable: true,
    meeting: null
  }),
  item('absent', {
    group: '组织生活',
    title: '无故缺席组织生活',
    points: { min: -5, max: -5 },
    cap: null,
    categories: ALL,
    claimable: false,
    meeting: null,
    evidenceRequired: false
  }),
  item('dues', {
    group: '组织生活',
    title: '按时足额交纳党费',
    points: { min: 2, max: 2 },
    cap: { period: 'year', max: 8 },
    categories: ALL,
    claimable: false,
    meeting: null
  }),
  item('promise', {
    group: '承诺践诺',
    title: '兑现年初承诺事项',
    points: { min: 2, max: 5 },
    cap: { period: 'year', max: 10 },
    categories: ['employed', 'unemployed', 'mobile'],
    claimable: true,
    meeting: null
  }),
  item('volunteer', {
    group: '服务群众',
    title: '参加志愿服务',
    points: { min: 2, max: 5 },
    cap: { period: 'year', max: 10 },
    categories: ALL,
    claimable: true,
    meeting: null
  }),
  item('pioneer', {
    group: '先锋作用',
    title: '急难险重任务中带头',
    points: { min: 5, max: 5 },
    cap: { period: 'year', max: 10 },
    categories: ['employed', 'unemployed', 'mobile'],
    claimable: true,
    meeting: null
  }),
  item('discipline', {
    group: '遵规守纪',
    title: '违反党纪受到处理',
    points: { min: -20, max: -20 },
    cap: null,
    categories: ALL,
    claimable: false,
    meeting: null
  })
]

/** The demo's members: name, branch, category, household (the head of that household when given). */
const MEMBERS: [string, 1 | 2, MemberCategory, string | null][] = [
  ['李建国', 1, 'unemployed', 'h-xf-001'],
  ['何建华', 1, 'employed', null],
  ['周美兰', 1, 'employed', null],
  ['吴志刚', 1, 'unemployed', null],
  ['黄玉珍', 1, 'unemployed', null],
  ['陈家富', 1, 'mobile', null],
  ['杨晓东', 1, 'mobile', null],
  ['王德顺', 1, 'infirm', null],
  ['刘桂芳', 1, 'unemployed', null],
  ['张国平', 1, 'employed', null],
  ['孙秀梅', 1, 'unemployed', null],
  ['徐老汉', 1, 'infirm', null],
  ['赵永红', 2, 'employed', null],
  ['钱学军', 2, 'unemployed', null],
  ['郑春花', 2, 'unemployed', null],
  ['冯大海', 2, 'mobile', null],
  ['蒋凤琴', 2, 'infirm', null],
  ['韩立新', 2, 'employed', null],
  ['曹永福', 2, 'unemployed', null],
  ['彭小燕', 2, 'mobile', null]
]
/** 徐老汉 (bedridden) is exempted from the rating by his branch */
const EXEMPT = new Set(['徐老汉'])

export const memberIdOf = (index: number) => `pm-xf-${String(index + 1).padStart(2, '0')}`
export const BRANCHES = ['pb-xf-1', 'pb-xf-2']

function random(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

export function buildDemoParty(now: number) {
  const rnd = random(20261128)
  const year = Number(periodKeys(now).year)
  const partyOrgs = [
    { _id: 'po-xf', kind: 'generalBranch', name: '新丰村党总支', villageId: 'v-xinfeng', townId: TOWN, parentId: null },
    {
      _id: 'pb-xf-1',
      kind: 'branch',
      name: '新丰村第一党支部',
      villageId: 'v-xinfeng',
      townId: TOWN,
      parentId: 'po-xf'
    },
    {
      _id: 'pb-xf-2',
      kind: 'branch',
      name: '新丰村第二党支部',
      villageId: 'v-xinfeng',
      townId: TOWN,
      parentId: 'po-xf'
    },
    { _id: 'po-jq', kind: 'branch', name: '金桥村党支部', villageId: 'v-jinqiao', townId: TOWN, parentId: null }
  ]
  const partyTemplates = [
    {
      _id: PARTY_TEMPLATE_ID,
      ownerId: COUNTY_ID,
      name: '示范县党员积分评星细则（2026版）',
      settings: DEFAULT_PARTY_SETTINGS,
      items: PARTY_ITEMS,
      updatedAt: now
    }
  ]
  const partyRules = BRANCHES.flatMap(branchId =>
    PARTY_ITEMS.map(({ key, ...terms }) => ({
      _id: `${branchId}-${key}`,
      branchId,
      ...terms,
      active: true,
      version: 1,
      source: `${PARTY_TEMPLATE_ID}/${key}`,
      updatedAt: now
    }))
  )
  const ruleOf = (branchId: string, key: string) => {
    const {
      _id,
      branchId: _b,
      active: _a,
      source: _s,
      updatedAt: _u,
      ...terms
    } = partyRules.find(r => r._id === `${branchId}-${key}`)!
    return { id: _id, ...terms }
  }

  const members = MEMBERS.map(([name, branch, category, householdId], i) => ({
    _id: memberIdOf(i),
    name,
    villageId: 'v-xinfeng',
    townId: TOWN,
    orgId: 'po-xf',
    branchId: BRANCHES[branch - 1],
    category,
    exempt: EXEMPT.has(name),
    householdId,
    openid: name === '李建国' ? 'demo-villager-2' : null,
    active: true,
    createdAt: now
  }))

  // a year of entries: a 三会一课 and a 主题党日 in each finished quarter, some volunteering, dues, deductions
  const entries: Record<string, any>[] = []
  const add = (m: (typeof members)[number], key: string, points: number, at: number, note = '') => {
    const keys = periodKeys(at)
    const rule = ruleOf(m.branchId, key)
    entries.push({
      _id: `seed-${m._id}-${entries.length}`,
      account: `member:${m._id}`,
      memberId: m._id,
      branchId: m.branchId,
      villageId: m.villageId,
      memberCategory: m.category,
      kind: points >= 0 ? 'award' : 'deduction',
      points,
      rule,
      capPeriod: rule.cap ? keys[rule.cap.period] : null,
      correctsId: null,
      note,
      evidence: [],
      by: 'demo-secretary',
      byName: '何建华',
      requestKey: 'seed',
      actId: 'seed',
      at,
      month: keys.month,
      quarter: keys.quarter,
      year: keys.year
    })
  }
  const thisQuarter = Math.ceil((new Date(now + 8 * 3600_000).getUTCMonth() + 1) / 3)
  for (let q = 1; q < thisQuarter; q++) {
    const meetingAt = Date.UTC(year, q * 3 - 2, 10, 2)
    const dayAt = Date.UTC(year, q * 3 - 1, 1, 2)
    for (const m of members) {
      if (m.category === 'mobile') {
        if (rnd() < 0.8) add(m, 'online', 2, meetingAt)
      } else if (rnd() < 0.85) add(m, 'meeting', 3, meetingAt)
      else if (m.category !== 'infirm') add(m, 'absent', -5, meetingAt, '无故缺席三会一课')
      if (m.category !== 'mobile' && rnd() < 0.7) add(m, 'partyday', 2, dayAt)
      add(m, 'dues', 2, Date.UTC(year, q * 3 - 1, 20, 2))
      if (rnd() < 0.4) add(m, 'volunteer', 2 + Math.floor(rnd() * 4), Date.UTC(year, q * 3 - 1, 15, 2), '村道清扫')
    }
  }

  const states = new Map<string, LedgerState & { quarterKey: string; quarterPoints: number }>(
    members.map(m => [m._id, { ...emptyLedgerState(), quarterKey: '', quarterPoints: 0 }])
  )
  entries.sort((a, b) => a.at - b.at)
  const kept = entries.filter(e => {
    const before = states.get(e.memberId)!
    const next = applyEntry(before, {
      kind: e.kind,
      points: e.points,
      at: e.at,
      rule: { id: e.rule.id, terms: e.rule }
    })
    if ('refused' in next) return false
    const quarterPoints = (before.quarterKey === e.quarter ? before.quarterPoints : 0) + e.points
    states.set(e.memberId, { ...next, quarterKey: e.quarter, quarterPoints })
    return true
  })
  const partyMembers = members.map(m => ({
    ...m,
    ...states.get(m._id)!,
    latest: kept
      .filter(e => e.memberId === m._id)
      .slice(-5)
      .reverse()
      .map(e => ({
        id: e._id,
        points: e.points,
        kind: e.kind,
        title: e.rule.title,
        category: e.rule.group,
        note: e.note,
        at: e.at,
        byName: e.byName,
        evidence: []
      }))
  }))

  // last year's rating, final: the branch entered and confirmed it, the town posted it for 5 days
  const lastYear = String(year - 1)
  const ratingSheets = BRANCHES.map(branchId => ({
    _id: `${branchId}:${lastYear}`,
    branchId,
    branchName: partyOrgs.find(o => o._id === branchId)!.name,
    villageId: 'v-xinfeng',
    townId: TOWN,
    year: lastYear,
    settings: DEFAULT_PARTY_SETTINGS,
    state: 'final',
    rows: members
      .filter(m => m.branchId === branchId)
      .map(m => {
        const points = 10 + Math.floor(rnd() * 20)
        return ratingRow(DEFAULT_PARTY_SETTINGS, m, points, 8 + Math.floor(rnd() * 12))
      }),
    enteredAt: Date.UTC(year - 1, 11, 20),
    confirmedAt: Date.UTC(year - 1, 11, 22),
    postedAt: Date.UTC(year - 1, 11, 25),
    until: Date.UTC(year - 1, 11, 30)
  }))
  const orgRatings = [
    {
      _id: `po-xf:${lastYear}`,
      orgId: 'po-xf',
      orgName: '新丰村党总支',
      villageId: 'v-xinfeng',
      townId: TOWN,
      year: lastYear,
      stars: 4,
      reason: '组织生活规范，党员带头搞好人居环境',
      state: 'final',
      at: Date.UTC(year, 0, 10),
      until: Date.UTC(year, 0, 15),
      byName: '孙丽'
    }
  ]
  return { partyOrgs, partyTemplates, partyRules, partyMembers, entries: kept, ratingSheets, orgRatings }
}
