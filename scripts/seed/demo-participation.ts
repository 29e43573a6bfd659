/**
 * The demo village's participation (issue 17): an open vote of 新丰村. Deterministic, relative to
 * the seeding day.
 */
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
  return { votes }
}
