import { EXPORT_FORMAT, LedgerExport, verifyExport, describeProblem } from '../../core/domain/ledger-export'
import { toHex } from '../../core/domain/merkle'
import {
  canonicalEntry,
  chainProblems,
  dayOf,
  dayRange,
  entryLeafHash,
  makeHead,
  nextDay,
  sealOrder,
  SealedEntry,
  TreeHead
} from '../../core/domain/seal'

const entry = (id: string, at: number, points = 5): SealedEntry => ({
  id,
  account: 'household:h1',
  householdId: 'h1',
  villageId: 'v1',
  kind: 'award',
  points,
  rule: { id: 'r1', version: 2, category: '人居环境', title: '垃圾分类', min: 5, max: 5 },
  correctsId: null,
  note: '好',
  evidence: ['cloud://a/b.jpg'],
  byHash: 'ab',
  byName: '张德明',
  at
})

test('the canonical text of an entry is one JSON array in a fixed order', () => {
  expect(canonicalEntry(entry('e1', 1000))).toBe(
    '["xcjf-entry-v1","e1","household:h1","h1","v1","award",5,"r1",2,"人居环境","垃圾分类",5,5,null,"好",' +
      '["cloud://a/b.jpg"],"ab","张德明",1000]'
  )
})

test('days are counted in China Standard Time', () => {
  expect(dayOf(Date.UTC(2026, 10, 26, 16, 0))).toBe('2026-11-27')
  expect(dayOf(Date.UTC(2026, 10, 26, 15, 59))).toBe('2026-11-26')
  expect(dayRange('2026-11-27')).toEqual({ fromMs: Date.UTC(2026, 10, 26, 16), toMs: Date.UTC(2026, 10, 27, 16) })
  expect(nextDay('2026-12-31')).toBe('2027-01-01')
})

function exportOf(days: { day: string; entries: SealedEntry[] }[]): LedgerExport {
  let prev: TreeHead | null = null
  const out: LedgerExport['days'] = []
  for (const d of days) {
    const ordered = sealOrder(d.entries)
    const head = makeHead('v1', d.day, ordered.map(entryLeafHash), prev, dayRange(d.day).toMs + 3600_000)
    prev = head
    out.push({ head, leaves: ordered.map(e => ({ id: e.id, leafHash: toHex(entryLeafHash(e)), entry: { ...e } })) })
  }
  return { format: EXPORT_FORMAT, villageId: 'v1', villageName: '新丰村', exportedAt: 0, days: out, unsealed: [] }
}

const day1 = dayRange('2026-11-25').fromMs
const day2 = dayRange('2026-11-26').fromMs
const sample = () =>
  exportOf([
    { day: '2026-11-25', entries: [entry('a', day1 + 5), entry('b', day1 + 1), entry('c', day1 + 9)] },
    { day: '2026-11-26', entries: [] },
    { day: '2026-11-27', entries: [entry('d', day2 + DAY + 7)] }
  ])
const DAY = 24 * 3600_000

test('heads chain: each names the previous head', () => {
  const data = sample()
  expect(chainProblems(data.days.map(d => d.head))).toEqual([])
  expect(data.days[1].head.prevHash).toBe(data.days[0].head.headHash)
  expect(data.days[1].head.size).toBe(0)
  expect(verifyExport(data)).toMatchObject({ ok: true, days: 3, entries: 4, problems: [] })
})

test('an entry changed after sealing is named', () => {
  const data = sample()
  data.days[0].leaves[1].entry!.points = 25
  const result = verifyExport(data)
  expect(result.problems).toEqual([{ kind: 'entryChanged', day: '2026-11-25', entryId: 'a' }])
  expect(describeProblem(result.problems[0])).toContain('积分记录 a 在存证以后被改过')
})

test('an entry deleted after sealing is named', () => {
  const data = sample()
  data.days[2].leaves[0].entry = null
  expect(verifyExport(data).problems).toEqual([{ kind: 'entryMissing', day: '2026-11-27', entryId: 'd' }])
})

test('recorded leaves that do not build the root, or a rewritten head, break the chain', () => {
  const data = sample()
  const e = data.days[0].leaves[0].entry!
  e.points = 99
  data.days[0].leaves[0].leafHash = toHex(entryLeafHash(e))
  expect(verifyExport(data).problems).toEqual([
    { kind: 'root', day: '2026-11-25', detail: '这一天的记录算不出存证时的树根' }
  ])
  // rewriting the day's head to match makes the next head's link fail
  const rebuilt = makeHead(
    'v1',
    '2026-11-25',
    data.days[0].leaves.map(l => entryLeafHash(l.entry!)),
    null,
    1
  )
  data.days[0].head = rebuilt
  expect(verifyExport(data).problems).toEqual([{ kind: 'chain', day: '2026-11-26', detail: 'prevHash' }])
})

test('heads that differ from the published ones are reported', () => {
  const published = sample().days.map(d => d.head)
  const data = sample()
  data.days[2].head = { ...data.days[2].head, root: '00'.repeat(32) }
  const kinds = verifyExport(data, published).problems.map(p => p.kind)
  expect(kinds).toEqual(expect.arrayContaining(['chain', 'published', 'root']))
})
