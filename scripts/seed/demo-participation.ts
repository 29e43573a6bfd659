/**
 * The demo village's participation (issue 17): an open vote of 新丰村, an activity tomorrow morning
 * credited by a rule of its own. Deterministic, relative to the seeding day.
 */
import type { RuleTerms } from '../../core/domain/rules'

const HOUR = 3600_000
const DAY = 24 * HOUR
/** `days` after the seeding day, at `hour` o'clock China Standard Time */
const cstDayAt = (now: number, days: number, hour: number) =>
  Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR + days * DAY + hour * HOUR

export function buildDemoParticipation(now: number) {
  const votes = [
    {
      _id: 'vt-demo-square',
      placeId: 'v-xinfeng',
      placeName: '新丰村',
      question: '村委会前的空地修成什么？',
      options: ['文化广场（跳坝坝舞）', '停车场', '小菜园（分给各组）'],
      multiple: false,
      maxChoices: 1,
      per: 'household',
      secret: false,
      resultsShown: 'live',
      deadlineAt: cstDayAt(now, 5, 20),
      state: 'open',
      closedAt: null,
      postedAt: null,
      tallies: [0, 0, 0],
      ballots: 0,
      by: 'demo-cadre',
      byName: '张德明',
      at: now - 2 * HOUR
    }
  ]
  const activityTerms: RuleTerms = {
    category: '公益参与',
    title: '参加村里组织的活动并签到（每次）',
    points: { min: 5, max: 5 },
    cap: null,
    evidenceRequired: false,
    proposers: ['cadre']
  }
  const activityRule = {
    _id: 'r-xf-activity',
    villageId: 'v-xinfeng',
    ...activityTerms,
    active: true,
    version: 1,
    source: null,
    updatedAt: now
  }
  const start = cstDayAt(now, 1, 8)
  const activities = [
    {
      _id: 'ac-demo-river',
      villageId: 'v-xinfeng',
      kind: 'labour',
      title: '清理村口小河垃圾',
      description: '带上手套和火钳，村里备了垃圾袋和水。',
      place: '村口小河边（老桥头集合）',
      startAt: start,
      endAt: start + 3 * HOUR,
      capacity: 30,
      signedUp: 0,
      rule: { id: activityRule._id, version: 1, ...activityTerms },
      points: 5,
      state: 'open',
      key: 'demo0001',
      codeFile: null,
      by: 'demo-cadre',
      byName: '张德明',
      at: now - 3 * HOUR,
      confirmedAt: null,
      credited: null
    }
  ]
  const organisations = [
    {
      _id: 'org-police',
      name: '向阳派出所',
      kind: 'police',
      intro: '户籍办理、身份证、治安报警、邻里纠纷调解。',
      townIds: ['t-xiangyang'],
      villageIds: [],
      serves: ['向阳镇'],
      phone: '0838-5551110',
      address: '向阳镇正街18号',
      hours: '周一至周五 8:30-12:00 14:00-17:30',
      registeredBy: 'county',
      ratePolicy: null,
      by: 'demo-county',
      at: now - 30 * DAY
    },
    {
      _id: 'org-bank',
      name: '示范县农商银行向阳支行',
      kind: 'bank',
      intro: '积分贷：家庭积分越高，贷款利率越低。存取款、社保卡、惠农补贴。',
      townIds: ['t-xiangyang'],
      villageIds: [],
      serves: ['向阳镇'],
      phone: '0838-5552200',
      address: '向阳镇正街32号',
      hours: '每天 9:00-17:00',
      registeredBy: 'county',
      // in Guanghan each 100 points took another 0.1 percentage point off a loan's rate
      ratePolicy: { baseRatePct: 5.2, cutPer100Pct: 0.1, maxCutPct: 1 },
      by: 'demo-county',
      at: now - 30 * DAY
    }
  ]
  return { votes, activities, rules: [activityRule], organisations }
}
