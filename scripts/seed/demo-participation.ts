/**
 * The demo village's participation (issue 17): an open vote of 新丰村, an activity tomorrow morning
 * credited by a rule of its own. Deterministic, relative to the seeding day.
 */
const HOUR = 3600_000
const DAY = 24 * HOUR
/** `days` after the seeding day, at `hour` o'clock China Standard Time */
const cstDayAt = (now: number, days: number, hour: number) =>
  Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR + days * DAY + hour * HOUR

const termsOf = (r: {
  category: string
  title: string
  points: object
  cap: null
  evidenceRequired: boolean
  proposers: string[]
}) => ({
  category: r.category,
  title: r.title,
  points: r.points,
  cap: r.cap,
  evidenceRequired: r.evidenceRequired,
  proposers: r.proposers
})

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
  const activityRule = {
    _id: 'r-xf-activity',
    villageId: 'v-xinfeng',
    category: '公益参与',
    title: '参加村里组织的活动并签到（每次）',
    points: { min: 5, max: 5 },
    cap: null,
    evidenceRequired: false,
    proposers: ['cadre'],
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
      rule: { id: activityRule._id, version: 1, ...termsOf(activityRule) },
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
  return { votes, activities, rules: [activityRule] }
}
