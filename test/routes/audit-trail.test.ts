import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'
import { ok } from '../helpers/participation'

/**
 * Issue 15, item 4: the audit trail reads as sentences (door plates with their heads, names, rule
 * titles, Chinese states and dates; no raw JSON, no internal id, no English word), can be searched by
 * act, person and date, and the county administrator has one for the whole county.
 */
jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
const NOW = Date.UTC(2026, 10, 27, 4, 0)
const trail = (as: string, input: object = {}) => env.call(as, 'audit.list', input).then(r => ok(r).items as any[])

beforeAll(async () => {
  env = await productCloud(NOW)
  const award = (as: string, householdId: string, ruleId: string) =>
    env.call(as, 'score.award', { requestId: rid(), householdId, ruleId, points: 5 }).then(ok)
  await award('demo-cadre', 'h-xf-012', 'r-xf-volunteer')
  await award('demo-cadre-jq', 'h-jq-001', 'r-jq-volunteer')
  ok(await env.call('demo-cadre', 'village.setStars', { requestId: rid(), thresholds: [60, 80, 100, 120, 150] }))
  const notice = ok(
    await env.call('demo-cadre', 'notice.publish', { requestId: rid(), kind: 'notice', title: '清扫通知' })
  )
  ok(await env.call('demo-cadre', 'notice.withdraw', { requestId: rid(), noticeId: notice.id }))
})
afterAll(() => env.close())

/** what a person reads of a record: its sentence and its changes */
const shown = (items: any[]) =>
  items.map(a => [a.sentence, ...a.changes.map((c: any) => `${c.label}：${c.before ?? ''} → ${c.after ?? ''}`)])

test('every record reads as a sentence: no id, no JSON, no English word', async () => {
  const items = await trail('demo-cadre')
  expect(items.length).toBeGreaterThanOrEqual(4)
  for (const line of shown(items).flat()) {
    expect(line).not.toMatch(/[A-Za-z{}"]/)
  }
  const award = items.find(a => a.action === 'score.award')
  expect(award.sentence).toMatch(/^2026年11月27日 \d\d:\d\d，张德明打分：2组12号（户主王秀英）$/)
  expect(award.changes).toEqual(expect.arrayContaining([{ label: '分值', before: null, after: '5分' }]))
  const stars = items.find(a => a.action === 'village.setStars')
  expect(stars.changes[0].after).toBe('60 / 80 / 100 / 120 / 150')
  const withdrawn = items.find(a => a.action === 'notice.withdraw')
  expect(withdrawn.sentence).toContain('撤回通知：清扫通知')
  expect(withdrawn.changes).toEqual(expect.arrayContaining([{ label: '已撤回', before: '否', after: '是' }]))
})

test('an act that changed one field shows that field only: pinning a notice did not touch 已撤回', async () => {
  const notice = ok(
    await env.call('demo-cadre', 'notice.publish', { requestId: rid(), kind: 'notice', title: '修路通知' })
  )
  ok(await env.call('demo-cadre', 'notice.pin', { requestId: rid(), noticeId: notice.id, pinned: true }))
  const pinned = (await trail('demo-cadre', { action: 'notice.pin' }))[0]
  expect(pinned.sentence).toContain('置顶通知：修路通知')
  expect(pinned.changes).toEqual([{ label: '置顶', before: '否', after: '是' }])
})

test('searched by act, by person (who acted, or the household acted on) and by dates', async () => {
  const byAct = await trail('demo-cadre', { action: 'score.award' })
  expect(byAct.length).toBeGreaterThan(0)
  expect(byAct.every(a => a.action === 'score.award')).toBe(true)

  const byHead = await trail('demo-cadre', { person: '王秀英' })
  expect(byHead.map(a => a.action)).toContain('score.award')
  expect(byHead.every(a => a.sentence.includes('王秀英'))).toBe(true)
  const byActor = await trail('demo-cadre', { person: '张德明' })
  expect(byActor.length).toBeGreaterThanOrEqual(4)
  expect(await trail('demo-cadre', { person: '没有这个人' })).toEqual([])

  expect(await trail('demo-cadre', { from: NOW + 86_400_000 })).toEqual([])
  expect((await trail('demo-cadre', { from: NOW - 3_600_000, to: NOW + 3_600_000 })).length).toBeGreaterThanOrEqual(4)
  // a search text is matched as written, never as a pattern
  expect(await trail('demo-cadre', { person: '.*' })).toEqual([])
})

test('the county administrator sees every village; a cadre only their own', async () => {
  const county = await trail('demo-county', { action: 'score.award' })
  expect(county.map(a => a.target).sort()).toEqual(['h-jq-001', 'h-xf-012'])
  expect(county.find(a => a.target === 'h-jq-001').sentence).toMatch(/打分：\d+组\d+号（户主.+）$/)
  const cadre = await trail('demo-cadre', { action: 'score.award' })
  expect(cadre.some(a => a.target === 'h-jq-001')).toBe(false)
  expect(county.some(a => a.target === 'h-jq-001')).toBe(true)
})

test('a filter of an act that does not exist is refused in Chinese', async () => {
  const reply: any = await env.call('demo-cadre', 'audit.list', { action: 'drop.everything' })
  expect(reply).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(reply.message).toContain('做了什么')
})

test('party scoring reads as sentences too: a rule by its title, a meeting with its numbers', async () => {
  ok(
    await env.call('demo-secretary', 'partyScore.award', {
      requestId: rid(),
      memberId: 'pm-xf-04',
      ruleId: 'pb-xf-1-pioneer',
      points: 5
    })
  )
  ok(
    await env.call('demo-secretary', 'partyScore.meeting', {
      requestId: rid(),
      ruleId: 'pb-xf-1-meeting',
      presentIds: ['pm-xf-02', 'pm-xf-03'],
      absentIds: ['pm-xf-05'],
      absentRuleId: 'pb-xf-1-absent'
    })
  )
  const [award] = await trail('demo-county', { action: 'partyScore.award' })
  const [meeting] = await trail('demo-county', { action: 'partyScore.meeting' })
  for (const line of shown([award, meeting]).flat()) expect(line).not.toMatch(/[A-Za-z{}"]/)
  expect(award.changes).toEqual(expect.arrayContaining([{ label: '细则', before: null, after: '急难险重任务中带头' }]))
  expect(meeting.changes).toEqual(
    expect.arrayContaining([
      { label: '到会', before: null, after: '2人' },
      { label: '缺席', before: null, after: '1人' }
    ])
  )
})

test('a party member category reads in Chinese in the trail (无职党员 → 老弱病残)', async () => {
  const member = (await env.db.collection('partyMembers').doc('pm-xf-05').get()).data
  ok(
    await env.call('demo-secretary', 'partyBranch.saveMember', {
      requestId: rid(),
      memberId: 'pm-xf-05',
      name: member.name,
      category: member.category === 'infirm' ? 'unemployed' : 'infirm'
    })
  )
  const [saved] = await trail('demo-county', { action: 'partyBranch.saveMember' })
  for (const line of shown([saved]).flat()) expect(line).not.toMatch(/[A-Za-z{}"]/)
  expect(saved.changes).toEqual(expect.arrayContaining([expect.objectContaining({ label: '类别' })]))
})
