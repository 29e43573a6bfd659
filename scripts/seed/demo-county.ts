import { doorPlateOrder } from '../../core/domain/door-plate'
/**
 * The demo county that `npm start` seeds on first start: one town, two villages with groups and
 * grids, 36 households with members, a rule catalogue per village and four months of points
 * history. Deterministic: the same data every time, relative to the seeding day.
 */
import { applyEntry, emptyLedgerState, LedgerState } from '../../core/domain/ledger'
import { doorPlateDoc } from '../../cloudfunctions/api/services/register/door-plates'
import { periodKeys } from '../../core/domain/period'
import { figuresOfEntries } from '../../core/domain/figures'
import { COUNTY_ID, RoleGrant } from '../../core/domain/roles'
import type { RuleTerms } from '../../core/domain/rules'
import { buildServices } from './services'
import { buildDemoParticipation } from './demo-participation'
import { buildDemoParty } from './demo-party'
import { favouredEntries, SECOND_CADRE } from './demo-trust'

export interface Persona {
  openid: string
  name: string
  description: string
  roles: RoleGrant[]
}

export const DEMO_PERSONAS: Persona[] = [
  {
    openid: 'demo-villager',
    name: '王秀英',
    description: '村民 · 新丰村2组12号户主',
    roles: [{ role: 'villager', householdId: 'h-xf-012', villageId: 'v-xinfeng' }]
  },
  {
    openid: 'demo-villager-2',
    name: '李建国',
    description: '村民 · 新丰村1组1号户主 · 第一党支部党员',
    roles: [
      { role: 'villager', householdId: 'h-xf-001', villageId: 'v-xinfeng' },
      { role: 'partyMember', memberId: 'pm-xf-01', branchId: 'pb-xf-1', villageId: 'v-xinfeng' }
    ]
  },
  {
    openid: 'demo-secretary',
    name: '何建华',
    description: '支部书记 · 新丰村第一党支部',
    roles: [{ role: 'branchSecretary', branchId: 'pb-xf-1', villageId: 'v-xinfeng' }]
  },
  {
    openid: 'demo-clerk',
    name: '赵永红',
    description: '党务管理员 · 新丰村第二党支部',
    roles: [{ role: 'partyClerk', branchId: 'pb-xf-2', villageId: 'v-xinfeng' }]
  },
  {
    openid: 'demo-town-party',
    name: '孙丽',
    description: '镇党委管理员 · 向阳镇',
    roles: [{ role: 'townPartyAdmin', townId: 't-xiangyang' }]
  },
  {
    openid: 'demo-cadre',
    name: '张德明',
    description: '村干部 · 新丰村',
    roles: [{ role: 'cadre', villageId: 'v-xinfeng' }]
  },
  {
    openid: SECOND_CADRE.openid,
    name: SECOND_CADRE.name,
    description: '村干部 · 新丰村，也是1组3号的村民（自家的事要回避）',
    roles: [
      { role: 'cadre', villageId: 'v-xinfeng' },
      { role: 'villager', householdId: SECOND_CADRE.householdId, villageId: 'v-xinfeng' }
    ]
  },
  {
    openid: 'demo-grid',
    name: '刘芳',
    description: '网格员 · 新丰村 第1、2网格',
    roles: [{ role: 'gridWorker', villageId: 'v-xinfeng', gridIds: ['g-xf-1', 'g-xf-2'] }]
  },
  {
    openid: 'demo-cadre-jq',
    name: '陈志强',
    description: '村干部 · 金桥村（另一个村）',
    roles: [{ role: 'cadre', villageId: 'v-jinqiao' }]
  },
  {
    openid: 'demo-town',
    name: '赵敏',
    description: '镇街管理员 · 向阳镇',
    roles: [{ role: 'townAdmin', townId: 't-xiangyang' }]
  },
  {
    openid: 'demo-county',
    name: '周县管',
    description: '县管理员（启动管理员，来自 BOOTSTRAP_ADMIN_OPENIDS）',
    roles: []
  },
  {
    openid: 'demo-org',
    name: '刘警官',
    description: '入驻单位 · 向阳派出所',
    roles: [{ role: 'orgStaff', organisationId: 'org-police', organisationName: '向阳派出所' }]
  },
  {
    openid: 'demo-bank',
    name: '陈经理',
    description: '银行工作人员 · 示范县农商银行向阳支行',
    roles: [{ role: 'bankStaff', organisationId: 'org-bank', organisationName: '示范县农商银行向阳支行' }]
  },
  { openid: 'demo-stranger', name: '路人', description: '没有任何角色的微信用户', roles: [] }
]

export const BOOTSTRAP_ADMINS = ['demo-county']

/** subscribe-message template ids for the local cloud (in WeChat: the ids from the console) */
export const DEMO_TEMPLATES = {
  points: 'local-points-changed',
  issue: 'local-issue-progress',
  order: 'local-order-ready'
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙']
/** Given names in the order the random draws index them (a head's name is drawn from all of them). */
const GIVEN = ['秀英', '建国', '桂兰', '志明', '玉梅', '德华', '淑芬', '国强', '春燕', '海军', '凤英', '明亮']
export type Gender = 'female' | 'male'
/** The given names of each gender: a member's name is chosen from the list of the relation's gender. */
export const GIVEN_BY_GENDER: Record<Gender, readonly string[]> = {
  female: ['秀英', '桂兰', '玉梅', '淑芬', '春燕', '凤英'],
  male: ['建国', '志明', '德华', '国强', '海军', '明亮']
}
const RELATIONS = ['配偶', '子', '女', '儿媳', '孙子', '孙女']
/** The gender of each relation to the head; a spouse's is the other one of the head's. */
export const RELATION_GENDER: Record<string, Gender | 'otherThanHead'> = {
  配偶: 'otherThanHead',
  子: 'male',
  女: 'female',
  儿媳: 'female',
  孙子: 'male',
  孙女: 'female'
}

/** The head's gender by their given name; a name in neither list counts as a man's. */
export const genderOfName = (name: string): Gender =>
  GIVEN_BY_GENDER.female.includes(name.slice(1)) ? 'female' : 'male'

/** A household has one spouse: a second 配偶 drawn becomes a son, without another draw. */
const relationOf = (drawn: string, members: readonly { relation: string }[]) =>
  drawn === '配偶' && members.some(m => m.relation === '配偶') ? '子' : drawn

/**
 * A member's full name for a relation, from the draw that used to pick it out of all the given names
 * (so the generator's calls stay in the same order and everything after them stays the same): the
 * relation's gender's list, the next name of it when the drawn one is already in the household.
 */
function memberName(draw: number, relation: string, head: string, taken: readonly string[]): string {
  const wanted = RELATION_GENDER[relation]
  const gender = wanted === 'otherThanHead' ? (genderOfName(head) === 'male' ? 'female' : 'male') : wanted
  const names = GIVEN_BY_GENDER[gender]
  const first = Math.floor(draw * names.length)
  for (let k = 0; k < names.length; k++) {
    const name = head[0] + names[(first + k) % names.length]
    if (!taken.includes(name)) return name
  }
  throw new Error(`no free ${gender} name left in ${head}'s household`)
}

export const RULES = [
  { key: 'yard', category: '人居环境', title: '宅前屋后干净整洁、无乱堆乱放', min: 5, max: 25, cap: 25 },
  { key: 'garbage', category: '人居环境', title: '垃圾分类投放到位', min: 5, max: 5, cap: 10 },
  { key: 'mess', category: '人居环境', title: '乱堆乱放、污水乱排（每次）', min: -5, max: -5, cap: null },
  { key: 'filial', category: '孝老爱亲', title: '孝敬老人、家庭和睦', min: 10, max: 10, cap: 10 },
  { key: 'volunteer', category: '公益参与', title: '参加村里义务劳动或志愿服务（每次）', min: 5, max: 10, cap: 30 },
  { key: 'civility', category: '乡风文明', title: '红白喜事简办、不大操大办', min: 10, max: 20, cap: 20 },
  { key: 'law', category: '遵纪守法', title: '参加法治宣传、无违法违纪', min: 5, max: 5, cap: 5 },
  { key: 'safety', category: '平安建设', title: '参加巡逻、报告安全隐患', min: 5, max: 15, cap: 15 },
  { key: 'fire', category: '平安建设', title: '秸秆焚烧、违规用火（每次）', min: -10, max: -10, cap: null }
] as const

export const SHOP = [
  { key: 'soap', name: '香皂', price: 5, stock: 200, limit: null },
  { key: 'towel', name: '毛巾', price: 8, stock: 100, limit: null },
  { key: 'soy', name: '酱油（1瓶）', price: 10, stock: 80, limit: null },
  { key: 'powder', name: '洗衣粉（1袋）', price: 15, stock: 60, limit: null },
  { key: 'rice', name: '大米（5斤）', price: 50, stock: 30, limit: { period: 'month', max: 2 } },
  { key: 'oil', name: '菜籽油（5升）', price: 85, stock: 10, limit: { period: 'month', max: 1 } }
] as const

export const TEMPLATE_ID = 't-county-default'
/** points for 1–5 stars in the demo villages (a village sets its own) */
const DEMO_STARS = [40, 60, 80, 100, 130]

/** Where a demo grant is listed (see cloudfunctions/api/services/grants.ts). */
function scopeOf(grant: RoleGrant) {
  const town = 't-xiangyang'
  switch (grant.role) {
    case 'villager':
      return { countyId: COUNTY_ID, townId: town, villageId: grant.villageId, householdId: grant.householdId }
    case 'gridWorker':
    case 'cadre':
    case 'partyMember':
    case 'branchSecretary':
    case 'partyClerk':
      return { countyId: COUNTY_ID, townId: town, villageId: grant.villageId, householdId: null }
    case 'townAdmin':
    case 'townPartyAdmin':
      return { countyId: COUNTY_ID, townId: grant.townId, villageId: null, householdId: null }
    case 'countyAdmin':
      return { countyId: COUNTY_ID, townId: null, villageId: null, householdId: null }
    case 'orgStaff':
    case 'bankStaff':
      return { countyId: COUNTY_ID, townId: town, villageId: null, householdId: null }
  }
}

/** Small deterministic generator, so the demo looks the same on every machine. */
function random(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
}

const DAY = 24 * 60 * 60 * 1000

export function buildDemoCounty(now: number) {
  const rnd = random(20261127)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]

  const villages = [
    { id: 'v-xinfeng', code: 'xf', name: '新丰村', households: 24 },
    { id: 'v-jinqiao', code: 'jq', name: '金桥村', households: 12 }
  ]
  const places: Record<string, unknown>[] = [
    { _id: COUNTY_ID, kind: 'county', name: '示范县', parentId: null },
    { _id: 't-xiangyang', kind: 'town', name: '向阳镇', parentId: COUNTY_ID }
  ]
  const households: Record<string, any>[] = []
  const entries: Record<string, any>[] = []
  const rules: Record<string, any>[] = []
  const termsOf = (r: (typeof RULES)[number]): RuleTerms => ({
    category: r.category,
    title: r.title,
    points: { min: r.min, max: r.max },
    cap: r.cap === null ? null : { period: 'month', max: r.cap },
    evidenceRequired: r.min < 0,
    proposers: r.min < 0 ? ['cadre', 'gridWorker'] : ['cadre', 'gridWorker', 'villager']
  })
  const templates = [
    {
      _id: TEMPLATE_ID,
      ownerId: COUNTY_ID,
      name: '示范县村规民约积分细则（2026版）',
      items: RULES.map(r => ({ key: r.key, ...termsOf(r) })),
      updatedAt: now,
      by: 'demo-county'
    }
  ]

  for (const v of villages) {
    places.push({
      _id: v.id,
      kind: 'village',
      name: v.name,
      parentId: 't-xiangyang',
      starThresholds: DEMO_STARS,
      householdCount: v.households,
      // 户籍户数 as the town entered it: the archive covers about 72 % of the registered households
      registeredHouseholds: Math.round(v.households / 0.72),
      postingDays: 7
    })
    for (let g = 1; g <= 3; g++)
      places.push({ _id: `grp-${v.code}-${g}`, kind: 'group', name: `${g}组`, parentId: v.id })
    for (let g = 1; g <= 2; g++)
      places.push({ _id: `g-${v.code}-${g}`, kind: 'grid', name: `第${g}网格`, parentId: v.id })
    for (const r of RULES) {
      rules.push({
        _id: `r-${v.code}-${r.key}`,
        villageId: v.id,
        ...termsOf(r),
        active: true,
        version: 1,
        source: `${TEMPLATE_ID}/${r.key}`,
        updatedAt: now
      })
    }

    for (let i = 1; i <= v.households; i++) {
      const id = `h-${v.code}-${String(i).padStart(3, '0')}`
      const group = Math.ceil((i / v.households) * 3)
      const randomHead = pick(SURNAMES) + pick(GIVEN)
      const head =
        DEMO_PERSONAS.find(p => p.roles.some(r => r.role === 'villager' && r.householdId === id))?.name ?? randomHead
      const members = [{ name: head, relation: '户主', partyMember: rnd() < 0.2 }]
      const size = 1 + Math.floor(rnd() * 4)
      for (let m = 0; m < size; m++) {
        const nameDraw = rnd()
        const relation = relationOf(pick(RELATIONS), members)
        const name = memberName(
          nameDraw,
          relation,
          head,
          members.map(x => x.name)
        )
        members.push({ name, relation, partyMember: rnd() < 0.1 })
      }
      const village = { name: v.name, starThresholds: DEMO_STARS, householdCount: v.households, postingDays: 7 }
      households.push({
        _id: id,
        villageId: v.id,
        townId: 't-xiangyang',
        groupId: `grp-${v.code}-${group}`,
        gridId: `g-${v.code}-${group <= 2 ? 1 : 2}`,
        doorPlate: `${group}组${i}号`,
        plateOrder: doorPlateOrder(`${group}组${i}号`),
        head,
        members,
        village
      })

      // four months of history: a monthly hygiene inspection and a few other deeds
      for (let monthsAgo = 3; monthsAgo >= 0; monthsAgo--) {
        const deeds = 1 + Math.floor(rnd() * 3)
        for (let d = 0; d < deeds; d++) {
          const rule = d === 0 ? RULES[0] : pick(RULES)
          const at = now - monthsAgo * 30 * DAY - Math.floor(rnd() * 25) * DAY - Math.floor(rnd() * 8) * 3600_000
          const points =
            rule.min === rule.max ? rule.min : rule.min + 5 * Math.floor(rnd() * ((rule.max - rule.min) / 5 + 1))
          const keys = periodKeys(at)
          entries.push({
            _id: `seed-${id}-${monthsAgo}-${d}`,
            account: `household:${id}`,
            householdId: id,
            villageId: v.id,
            kind: points >= 0 ? 'award' : 'deduction',
            points,
            rule: { id: `r-${v.code}-${rule.key}`, version: 1, ...termsOf(rule) },
            capPeriod: rule.cap === null ? null : keys.month,
            correctsId: null,
            note: points < 0 ? '村委检查时发现，已拍照留存' : '',
            evidence: [],
            by: 'demo-cadre',
            byName: '张德明',
            requestKey: 'seed',
            at,
            month: keys.month,
            year: keys.year
          })
        }
      }
    }
  }

  // The ledger state of each household from its entries, in time order, by the ledger's own rule:
  // an entry that a cap would refuse is dropped, so balance == sum(entries) and no cap is exceeded.
  entries.push(...favouredEntries(now, key => termsOf(RULES.find(r => r.key === key)!)))
  entries.sort((a, b) => a.at - b.at)
  const states = new Map<string, LedgerState>(households.map(h => [h._id, emptyLedgerState()]))
  const kept = entries.filter(e => {
    const next = applyEntry(states.get(e.householdId)!, {
      kind: e.kind,
      points: e.points,
      at: e.at,
      rule: { id: e.rule.id, terms: e.rule }
    })
    if ('refused' in next) return false
    states.set(e.householdId, next)
    return true
  })
  for (const h of households) {
    Object.assign(h, states.get(h._id))
    const bound = DEMO_PERSONAS.filter(p => p.roles.some(r => r.role === 'villager' && r.householdId === h._id))
    h.boundUsers = bound.map(p => p.openid)
    // the bound persona carrying the head's name is the head (services/household-head.ts)
    h.headUser = bound.find(p => p.name === h.head)?.openid ?? null
    h.latest = kept
      .filter(e => e.householdId === h._id)
      .slice(-5)
      .reverse()
      .map(e => ({
        id: e._id,
        points: e.points,
        kind: e.kind,
        title: e.rule.title,
        category: e.rule.category,
        note: e.note,
        at: e.at,
        byName: e.byName,
        evidence: []
      }))
  }

  // the last week's scores are still in the public posting (公示, 7 days)
  const byId = new Map(households.map(h => [h._id, h]))
  const postings = kept
    .filter(e => e.at > now - 7 * DAY)
    .map(e => {
      const h = byId.get(e.householdId)!
      return {
        _id: e._id,
        villageId: e.villageId,
        householdId: h._id,
        doorPlate: h.doorPlate,
        head: h.head,
        title: e.rule.title,
        category: e.rule.category,
        points: e.points,
        byName: e.byName,
        evidence: [],
        at: e.at,
        until: e.at + 7 * DAY,
        state: 'posted',
        openObjections: 0
      }
    })

  const withRoles = DEMO_PERSONAS.filter(p => p.roles.length > 0)
  const users = withRoles.map(p => ({ _id: p.openid, name: p.name, roles: p.roles, largeFont: false }))
  const grants = withRoles.flatMap(p =>
    p.roles.map(grant => ({
      _id: `${p.openid}:${grant.role}`,
      openid: p.openid,
      name: p.name,
      role: grant.role,
      grant,
      ...scopeOf(grant),
      by: 'demo-county',
      at: now
    }))
  )
  // the points shop of each village, with prices like those of real 积分超市
  const goods = villages.flatMap(v =>
    SHOP.map(g => ({
      _id: `g-${v.code}-${g.key}`,
      villageId: v.id,
      name: g.name,
      picture: '',
      price: g.price,
      stock: g.stock,
      onShelf: true,
      limit: g.limit,
      updatedAt: now
    }))
  )

  const notice = (
    id: string,
    placeId: string,
    placeName: string,
    kind: string,
    title: string,
    body: string,
    daysAgo: number,
    extra = {}
  ) => ({
    _id: id,
    placeId,
    placeName,
    kind,
    title,
    body,
    pictures: [],
    attachments: [],
    financeRows: [],
    pinned: false,
    withdrawn: false,
    by: 'demo-cadre',
    byName: '张德明',
    at: now - daysAgo * DAY,
    readCount: 0,
    ...extra
  })
  const notices = [
    notice(
      'n-demo-rules',
      'v-xinfeng',
      '新丰村',
      'village',
      '新丰村村规民约和积分细则（2026年修订）',
      '经村民代表大会讨论通过，积分细则见小程序“积分细则”。有意见可以在“村民说事”里提。',
      20,
      { pinned: true }
    ),
    notice(
      'n-demo-finance',
      'v-xinfeng',
      '新丰村',
      'finance',
      '新丰村2026年第三季度财务公开',
      '本季度收支情况如下，欢迎监督。',
      6,
      {
        financeRows: [
          { item: '上级转移支付', amount: 150000 },
          { item: '2组道路硬化', amount: -120000 },
          { item: '路灯电费', amount: -3560.5 },
          { item: '积分超市商品采购', amount: -8200 }
        ]
      }
    ),
    notice(
      'n-demo-town',
      't-xiangyang',
      '向阳镇',
      'notice',
      '2027年度城乡居民医保开始缴费',
      '缴费时间到12月31日，可在村里代缴或在“四川税务”小程序自己交。',
      3,
      { byName: '赵敏', by: 'demo-town' }
    ),
    notice(
      'n-demo-chronicle',
      'v-xinfeng',
      '新丰村',
      'chronicle',
      '新丰村积分超市开业',
      '村积分超市在村委会一楼开业，村民可用积分兑换生活用品。',
      40
    )
  ]

  // 纳入管理人数: the people of the villages' households
  for (const p of places)
    if (p.kind === 'village')
      (p as { peopleCount?: number }).peopleCount = households
        .filter(h => h.villageId === p._id)
        .reduce((n, h) => n + h.members.length, 0)
  const party = buildDemoParty(now)
  linkPartyHouseholds(households, party)
  const participation = buildDemoParticipation(now)
  return {
    ...party,
    places,
    households,
    doorPlates: households.map(h => doorPlateDoc(h.villageId, h.doorPlate, h._id)),
    villageStats: figuresOfEntries(kept as Parameters<typeof figuresOfEntries>[0], () => 't-xiangyang'),
    entries: [...kept, ...party.entries],
    postings,
    rules: [...rules, ...participation.rules],
    templates,
    users,
    grants,
    goods,
    notices,
    services: buildServices('t-xiangyang', now),
    votes: participation.votes,
    activities: participation.activities,
    organisations: participation.organisations
  }
}

/**
 * A party member who lives in a demo household is that household's head, flagged 党员; the card of
 * the household shows the member's latest posted or final star (last year's, in the demo).
 */
function linkPartyHouseholds(households: Record<string, any>[], party: ReturnType<typeof buildDemoParty>) {
  for (const m of party.partyMembers) {
    const h = households.find(x => x._id === m.householdId)
    if (!h) continue
    h.members[0] = { ...h.members[0], name: m.name, partyMember: true }
    const row = party.ratingSheets
      .flatMap(s => s.rows.map(r => ({ ...r, year: s.year, until: s.until })))
      .find(r => r.memberId === m._id)
    if (row)
      h.partyStars = {
        memberId: m._id,
        name: m.name,
        year: row.year,
        stars: row.stars,
        exempt: row.exempt,
        until: row.until
      }
  }
}
