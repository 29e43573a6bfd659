import { z } from 'zod'
import { describeFieldIssue, type FieldIssue } from '../../core/contract/field-labels'
import { routes } from '../../core/contract/routes'

/** The refusal a route's schema gives for an input, as the router words it. */
const refusal = (schema: z.ZodTypeAny, input: unknown) => {
  const parsed = schema.safeParse(input)
  if (parsed.success) throw new Error('the input was accepted')
  return describeFieldIssue(parsed.error.issues[0] as FieldIssue)
}

test.each([
  [
    'an empty claim description',
    routes['claim.create'].input,
    { requestId: 'abcdefgh12', ruleId: 'r1', points: 1, description: ' ' },
    '请填写说明'
  ],
  [
    'an empty objection reply',
    routes['objection.resolve'].input,
    { requestId: 'abcdefgh12', objectionId: 'o1', upheld: false, reply: '' },
    '请填写答复'
  ],
  [
    'an empty notice title',
    routes['notice.publish'].input,
    { requestId: 'abcdefgh12', kind: 'notice', title: '' },
    '请填写标题'
  ],
  [
    'no places for a role',
    routes['roles.grant'].input,
    { requestId: 'abcdefgh12', openid: 'someone', name: '某人', role: 'cadre', placeIds: [] },
    '请选择管辖的地方'
  ],
  [
    'a join code of the wrong shape',
    routes['join.bind'].input,
    { requestId: 'abcdefgh12', code: 'abc', name: '王' },
    '入户码是8位字母和数字'
  ],
  [
    'a member without a name',
    routes['household.save'].input,
    {
      requestId: 'abcdefgh12',
      doorPlate: '1组1号',
      head: '王',
      groupId: 'g',
      gridId: 'g',
      members: [{ name: '', relation: '户主', partyMember: false }]
    },
    '请填写姓名'
  ],
  [
    // zod's own message quotes the Chinese choices, so it once passed for a Chinese message
    'a category not among the choices',
    routes['issue.raise'].input,
    { requestId: 'abcdefgh12', category: '<script>', text: '路灯坏了' },
    '类别不在可选范围内'
  ],
  [
    'a quantity of nothing',
    routes['shop.order'].input,
    { requestId: 'abcdefgh12', goodsId: 'g1', quantity: 0 },
    '数量太小了'
  ],
  [
    'a rating over five stars',
    routes['issue.rate'].input,
    { requestId: 'abcdefgh12', issueId: 'i1', stars: 9 },
    '评分太大了'
  ],
  [
    'a claim description too long',
    routes['claim.create'].input,
    { requestId: 'abcdefgh12', ruleId: 'r1', points: 1, description: '字'.repeat(201) },
    '说明太长了'
  ],
  // the bank's, the administrators' and the party's number fields were refused without their names
  [
    'a negative cut in the bank’s rate policy',
    routes['credit.setPolicy'].input,
    { requestId: 'abcdefgh12', baseRatePct: 5.2, cutPer100Pct: -1, maxCutPct: 1 },
    '每100分少几个百分点太小了'
  ],
  [
    'a base rate over 30 %',
    routes['credit.setPolicy'].input,
    { requestId: 'abcdefgh12', baseRatePct: 52, cutPer100Pct: 0.1, maxCutPct: 1 },
    '基准利率太大了'
  ],
  [
    'a register of fewer than no households',
    routes['village.setRegistered'].input,
    { requestId: 'abcdefgh12', villageId: 'v1', registeredHouseholds: -1 },
    '户籍户数太小了'
  ],
  [
    'a vote without its question',
    routes['vote.open'].input,
    { requestId: 'abcdefgh12', question: '', options: ['甲', '乙'], deadlineAt: Date.UTC(2026, 11, 3) },
    '请填写投票的问题'
  ],
  [
    'an activity for nobody',
    routes['activity.post'].input,
    {
      requestId: 'abcdefgh12',
      kind: 'labour',
      title: '扫地',
      place: '村口',
      startAt: Date.UTC(2026, 10, 29),
      endAt: Date.UTC(2026, 10, 29, 2),
      capacity: 0
    },
    '人数上限太小了'
  ],
  [
    'an organisation’s address too long',
    routes['org.save'].input,
    { requestId: 'abcdefgh12', name: '派出所', kind: 'police', townIds: ['t1'], address: '路'.repeat(61) },
    '地址太长了'
  ],
  [
    'a base score over the scale',
    routes['partyTown.setSettings'].input,
    {
      requestId: 'abcdefgh12',
      settings: {
        baseScore: 200,
        reviewMax: 20,
        scaleMax: 100,
        starThresholds: [60, 70, 80, 90, 96],
        quarterPostingDays: 7,
        ratingPostingDays: 5
      }
    },
    '基础分太大了'
  ],
  [
    'a 民主评议 score over its maximum',
    routes['partyRating.enter'].input,
    { requestId: 'abcdefgh12', year: '2026', reviews: [{ memberId: 'pm1', review: 99 }] },
    '民主评议分太大了'
  ]
])('%s is refused in words the user knows', (_case, schema, input, message) => {
  const words = refusal(schema as z.ZodTypeAny, input)
  expect(words).toBe(message)
  expect(words).not.toMatch(/[A-Za-z]/)
})

test('a join code typed with spaces and in lower case is accepted as the same code', () => {
  const parsed = routes['join.bind'].input.parse({ requestId: 'abcdefgh12', code: ' k7mx 3qpa ', name: '王' })
  expect(parsed.code).toBe('K7MX3QPA')
})
