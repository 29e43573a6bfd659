import { writeMemberAct, entryIdFor } from '../../cloudfunctions/api/services/ledger'
import { idFor, requestKeyFor } from '../../cloudfunctions/shared/data/ids'
import type { MemberDoc, PartyRuleDoc } from '../../cloudfunctions/shared/data/party-documents'
import { productCloud } from '../helpers/product-cloud'
import { expectLedgerConsistent, rid } from '../helpers/ledger'

/** The ledger's member accounts (`member:<id>`) directly: idempotent acts, caps, and the ledger check. */
jest.setTimeout(60_000)
let env: Awaited<ReturnType<typeof productCloud>>
beforeAll(async () => {
  env = await productCloud()
})
afterAll(() => env.close())

const member = async (id: string) => (await env.db.collection('partyMembers').doc(id).get()).data as MemberDoc
const snapshot = async (ruleId: string) => {
  const {
    _id,
    branchId: _b,
    active: _a,
    source: _s,
    updatedAt: _u,
    ...terms
  } = (await env.db.collection('partyRules').doc(ruleId).get()).data as PartyRuleDoc
  return { id: _id, ...terms }
}

function act(requestId: string, memberIds: string[], rule: Awaited<ReturnType<typeof snapshot>>, points: number) {
  const openid = 'demo-secretary'
  return {
    actId: idFor('partyAct', openid, requestId),
    requestKey: requestKeyFor(openid, requestId),
    kind: 'meeting' as const,
    branchId: 'pb-xf-1',
    title: rule.title,
    note: '',
    evidence: [],
    lines: memberIds.map(memberId => ({
      memberId,
      id: entryIdFor(openid, requestId, `member:${memberId}`),
      kind: 'award' as const,
      points,
      rule
    })),
    by: openid,
    byName: '何建华',
    skipRefused: true
  }
}

test('the demo ledger holds for households and members alike', async () => {
  await expectLedgerConsistent(env.db)
})

test('concurrent identical meeting records write once', async () => {
  const rule = await snapshot('pb-xf-1-volunteer')
  const ids = ['pm-xf-02', 'pm-xf-03', 'pm-xf-04']
  const before = await Promise.all(ids.map(member))
  const requestId = rid('meet')
  const ctx = env.ctxFor('demo-secretary')
  const results = await Promise.all(Array.from({ length: 6 }, () => writeMemberAct(ctx, act(requestId, ids, rule, 2))))
  expect(results.filter(r => !r.repeated)).toHaveLength(1)
  expect(new Set(results.map(r => r.act._id)).size).toBe(1)
  const after = await Promise.all(ids.map(member))
  after.forEach((m, i) => expect(m.balance).toBe(before[i].balance + 2))
  await expectLedgerConsistent(env.db)
})

test('a member at the cap is skipped in a meeting and reported; a single award is refused', async () => {
  const rule = await snapshot('pb-xf-1-volunteer') // +2…5, at most 10 a year
  const ctx = env.ctxFor('demo-secretary')
  for (let i = 0; i < 5; i++) await writeMemberAct(ctx, act(rid(), ['pm-xf-05'], rule, 2)).catch(() => null)
  const m = await member('pm-xf-05')
  expect(m.caps['pb-xf-1-volunteer'].used).toBe(10)
  const meeting = await writeMemberAct(ctx, act(rid(), ['pm-xf-05', 'pm-xf-09'], rule, 2))
  expect(meeting.act.lines.map(l => l.status)).toEqual(['capped', 'applied'])
  await expect(writeMemberAct(ctx, { ...act(rid(), ['pm-xf-05'], rule, 2), skipRefused: false })).rejects.toMatchObject(
    {
      code: 'CAP_REACHED'
    }
  )
  await expectLedgerConsistent(env.db)
})

test('a member of another branch is refused and nothing is written', async () => {
  const rule = await snapshot('pb-xf-1-volunteer')
  const before = await member('pm-xf-13')
  await expect(writeMemberAct(env.ctxFor('demo-secretary'), act(rid(), ['pm-xf-13'], rule, 2))).rejects.toMatchObject({
    code: 'OTHER_BRANCH'
  })
  expect((await member('pm-xf-13')).balance).toBe(before.balance)
})

test('the ledger check finds a member whose balance does not match the entries', async () => {
  await env.db
    .collection('partyMembers')
    .doc('pm-xf-20')
    .update({ data: { balance: env.db.command.inc(7) } })
  const { checkVillageLedger } = await import('../../cloudfunctions/shared/ledger-check')
  const problems = await checkVillageLedger(env.db, 'v-xinfeng')
  expect(problems).toEqual([expect.objectContaining({ account: 'member:pm-xf-20', problem: 'balance' })])
  await env.db
    .collection('partyMembers')
    .doc('pm-xf-20')
    .update({ data: { balance: env.db.command.inc(-7) } })
})
