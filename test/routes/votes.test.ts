import declaration from '../../core/collections.json'
import { productCloud } from '../helpers/product-cloud'
import { rid } from '../helpers/ledger'
import { addMember, addVillagers, ok } from '../helpers/participation'

jest.setTimeout(180_000)
let env: Awaited<ReturnType<typeof productCloud>>
const HOUR = 3600_000

beforeAll(async () => {
  env = await productCloud()
  await addMember(env.db, 'vote-spouse', 'h-xf-012', '王秀英的丈夫')
})
afterAll(() => env.close())

const openVote = (extra: object = {}) =>
  env
    .call('demo-cadre', 'vote.open', {
      requestId: rid(),
      question: '村里新修的文化广场叫什么名字？',
      options: ['丰收广场', '新丰广场', '幸福广场'],
      deadlineAt: Date.UTC(2026, 10, 27, 4, 0) + 72 * HOUR,
      ...extra
    })
    .then(r => ok(r).id as string)
const cast = (openid: string, voteId: string, choices: number[], requestId = rid()) =>
  env.call(openid, 'vote.cast', { requestId, voteId, choices })
const vote = async (voteId: string) => (await env.db.collection('votes').doc(voteId).get()).data
/** the route as of a later moment (the deadline passed) */
const callAt = (atMs: number, openid: string, route: string, input: object) =>
  env.router()({ route, input }, { ...env.ctxFor(openid), now: () => atMs })

test('a villager votes and sees the live result; a second member of the household is refused', async () => {
  const voteId = await openVote()
  const seen = ok(await env.call('demo-villager', 'vote.get', { voteId }))
  expect(seen).toMatchObject({ state: 'open', voted: false, tallies: [0, 0, 0], ballots: 0, canManage: false })
  const after = ok(await cast('demo-villager', voteId, [1]))
  expect(after).toMatchObject({ voted: true, tallies: [0, 1, 0], ballots: 1 })
  const spouse = await cast('vote-spouse', voteId, [0])
  expect(spouse).toMatchObject({ ok: false, code: 'ALREADY_VOTED' })
  expect(ok(await env.call('vote-spouse', 'vote.get', { voteId })).voted).toBe(true)
  // bad choices change nothing
  for (const choices of [[3], [0, 1], [1, 1]])
    expect(await cast('demo-villager-2', voteId, choices)).toMatchObject({ ok: false, code: 'INVALID_CHOICE' })
  expect((await vote(voteId)).tallies).toEqual([0, 1, 0])
  // the other village's cadre does not see it
  expect(await env.call('demo-cadre-jq', 'vote.get', { voteId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('50 households vote at once, each also retrying its request and trying a second ballot: 50 counted', async () => {
  const voteId = await openVote({ multiple: true, maxChoices: 2 })
  const voters = await addVillagers(env.db, 'vt', 50)
  const attempts = voters.flatMap((v, i) => {
    const requestId = rid(`v${i}`)
    const choices = i % 2 ? [0, 2] : [1]
    // the same request twice (a retry racing the first) and a second ballot with another request
    return [
      cast(v.openid, voteId, choices, requestId),
      cast(v.openid, voteId, choices, requestId),
      cast(v.openid, voteId, [0])
    ]
  })
  const replies = await Promise.all(attempts)
  // per voter: the request and its retry share one outcome; exactly one of its two requests won
  for (let i = 0; i < voters.length; i++) {
    const [first, retry, second] = replies.slice(i * 3, i * 3 + 3)
    expect({ i, same: first.ok === retry.ok, one: first.ok !== second.ok }).toEqual({ i, same: true, one: true })
  }
  expect(new Set(replies.filter(r => !r.ok).map(r => r.code))).toEqual(new Set(['ALREADY_VOTED']))
  const doc = await vote(voteId)
  const ballots = (await env.db.collection('ballots').where({ voteId }).limit(1000).get()).data
  expect(doc.ballots).toBe(50)
  expect(ballots).toHaveLength(50)
  // every household's own ballot is the one counted: its choices, whichever of its requests won
  const byChoice = (c: number) => ballots.filter((b: any) => b.choices.includes(c)).length
  expect(doc.tallies).toEqual([byChoice(0), byChoice(1), byChoice(2)])
  // and each household's ballot holds the choices of the request that won
  for (let i = 0; i < voters.length; i++) {
    const ballot = ballots.find((b: any) => b.householdId === voters[i].householdId)
    const won = replies[i * 3].ok ? (i % 2 ? [0, 2] : [1]) : [0]
    expect({ i, choices: ballot.choices }).toEqual({ i, choices: won })
  }
})

test('per person: two members of one household each vote once', async () => {
  const voteId = await openVote({ per: 'person' })
  ok(await cast('demo-villager', voteId, [0]))
  ok(await cast('vote-spouse', voteId, [2]))
  expect(await cast('vote-spouse', voteId, [1])).toMatchObject({ ok: false, code: 'ALREADY_VOTED' })
  expect((await vote(voteId)).tallies).toEqual([1, 0, 1])
  const list = ok(await env.call('demo-cadre', 'vote.voters', { voteId }))
  expect(list.voters.map((v: any) => v.label).sort()).toEqual(['王秀英（2组12号）', '王秀英的丈夫（2组12号）'].sort())
  expect(list.voters.map((v: any) => v.choices).sort()).toEqual([['丰收广场'], ['幸福广场']])
})

test('a secret vote: no reply and no stored document a route reads ties a voter to a choice', async () => {
  expect(
    await env.call('demo-cadre', 'vote.open', {
      requestId: rid(),
      question: '秘密投票',
      options: ['同意', '不同意'],
      deadlineAt: Date.UTC(2026, 10, 28),
      secret: true,
      resultsShown: 'live'
    })
  ).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  const voteId = await openVote({ secret: true, resultsShown: 'afterClose', options: ['同意', '不同意'] })
  const replies: unknown[] = []
  replies.push(ok(await cast('demo-villager', voteId, [1])))
  replies.push(ok(await cast('demo-villager-2', voteId, [0])))
  // before the close nobody, the cadre included, sees counts; the cadre sees who voted, not what
  const cadreView = ok(await env.call('demo-cadre', 'vote.get', { voteId }))
  expect(cadreView).toMatchObject({ tallies: null, ballots: 2 })
  const voters = ok(await env.call('demo-cadre', 'vote.voters', { voteId }))
  expect(voters.voters.map((v: any) => [v.label, v.choices]).sort()).toEqual([
    ['1组1号', null],
    ['2组12号', null]
  ])
  replies.push(cadreView, voters, ok(await env.call('demo-villager', 'vote.list', {})))
  ok(await env.call('demo-cadre', 'vote.close', { requestId: rid(), voteId }))
  ok(await env.call('demo-cadre', 'vote.post', { requestId: rid(), voteId }))
  const closed = ok(await env.call('demo-villager', 'vote.get', { voteId }))
  expect(closed).toMatchObject({ state: 'posted', tallies: [1, 1] })
  replies.push(
    closed,
    ok(await env.call('demo-cadre', 'audit.list', {})),
    ok(await env.call('demo-villager', 'notice.list', {}))
  )
  // no reply carries a choice next to anyone: no `choices` other than null anywhere
  expect(JSON.stringify(replies)).not.toMatch(/"choices":\[/)

  // every stored document that mentions the vote or its ballots: markers without choices, no stored replies
  const stored: any[] = []
  for (const name of Object.keys(declaration.collections)) {
    const docs = (await env.db.collection(name).limit(1000).get()).data
    stored.push(...docs.filter((d: any) => JSON.stringify(d).includes(voteId)).map((d: any) => ({ name, d })))
  }
  const ballots = stored.filter(s => s.name === 'ballots')
  expect(ballots).toHaveLength(2)
  expect(ballots.every(s => s.d.choices === null)).toBe(true)
  expect(stored.filter(s => s.name === 'requests' && s.d.route === 'vote.cast')).toEqual([])
  // the rest: the vote with its anonymous tallies, the results notice, the cadre's stored replies
  expect(stored.map(s => s.name).sort()).toEqual([
    'ballots',
    'ballots',
    'notices',
    'requests',
    'requests',
    'requests',
    'votes'
  ])
  const votesDoc = stored.find(s => s.name === 'votes').d
  expect(Object.keys(votesDoc).sort()).not.toContain('voters')
})

test('results only after the close: hidden while open, shown after the deadline; late ballots refused', async () => {
  const deadline = Date.UTC(2026, 10, 27, 4, 0) + 2 * HOUR
  const voteId = await openVote({ resultsShown: 'afterClose', deadlineAt: deadline })
  ok(await cast('demo-villager', voteId, [2]))
  expect(ok(await env.call('demo-villager', 'vote.get', { voteId })).tallies).toBeNull()
  expect(await env.call('demo-cadre', 'vote.post', { requestId: rid(), voteId })).toMatchObject({
    ok: false,
    code: 'VOTE_STILL_OPEN'
  })
  const later = deadline + 1
  const seen = ok(await callAt(later, 'demo-villager-2', 'vote.get', { voteId }))
  expect(seen).toMatchObject({ state: 'closed', tallies: [0, 0, 1] })
  expect(await callAt(later, 'demo-villager-2', 'vote.cast', { requestId: rid(), voteId, choices: [0] })).toMatchObject(
    {
      ok: false,
      code: 'VOTE_CLOSED'
    }
  )
  const posted = ok(await callAt(later, 'demo-cadre', 'vote.post', { requestId: rid(), voteId }))
  expect(posted.state).toBe('posted')
  const notice = (await env.db.collection('notices').doc(`n-${voteId}`).get()).data
  expect(notice.body).toContain('幸福广场：1户')
  expect(await callAt(later, 'demo-cadre', 'vote.post', { requestId: rid(), voteId })).toMatchObject({
    ok: false,
    code: 'STATE_CHANGED'
  })
})

test('a town administrator sees the votes of their town and its villages, the county all; neither votes', async () => {
  // another town with a village and an open vote of its own
  await env.db.collection('places').add({
    data: [
      { _id: 't-other', kind: 'town', name: '东山镇', parentId: 'county' },
      { _id: 'v-other', kind: 'village', name: '东山村', parentId: 't-other' }
    ]
  })
  const elsewhere = { ...(await vote(await openVote())), _id: 'vt-other', placeId: 'v-other', placeName: '东山村' }
  await env.db.collection('votes').add({ data: elsewhere })
  const ofVillage = await openVote({ question: '村里的新路灯装在哪里？' })
  const jinqiao = ok(
    await env.call('demo-cadre-jq', 'vote.open', {
      requestId: rid(),
      question: '金桥村的晒场怎么分？',
      options: ['按户', '按人'],
      deadlineAt: Date.UTC(2026, 10, 30)
    })
  ).id as string
  const listed = async (openid: string) => {
    const votes: any[] = []
    for (let page = 1; ; page++) {
      const reply = ok(await env.call(openid, 'vote.list', { page }))
      votes.push(...reply.votes)
      if (!reply.hasMore) return votes
    }
  }

  const town = await listed('demo-town')
  const townIds = town.map(v => v.id)
  expect(townIds).toEqual(expect.arrayContaining([ofVillage, jinqiao, 'vt-demo-square']))
  expect(townIds).not.toContain('vt-other')
  // each named by its village
  expect(town.find(v => v.id === jinqiao)).toMatchObject({ placeName: '金桥村', canCast: false, canManage: false })
  expect(town.find(v => v.id === ofVillage)).toMatchObject({ placeName: '新丰村', canCast: false })
  const county = (await listed('demo-county')).map(v => v.id)
  expect(county).toEqual(expect.arrayContaining([ofVillage, jinqiao, 'vt-demo-square', 'vt-other']))

  // they open a village's vote and see it; the town administrator not another town's
  expect(ok(await env.call('demo-town', 'vote.get', { voteId: jinqiao }))).toMatchObject({ placeName: '金桥村' })
  expect(await env.call('demo-town', 'vote.get', { voteId: 'vt-other' })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND'
  })
  expect(ok(await env.call('demo-county', 'vote.get', { voteId: 'vt-other' }))).toMatchObject({ placeName: '东山村' })
  // a villager still sees only their village's and town's, and may vote
  const villager = await listed('demo-villager')
  expect(villager.map(v => v.id)).not.toContain(jinqiao)
  expect(villager.find(v => v.id === ofVillage)).toMatchObject({ canCast: true })
  // watching is not running: the village's vote stays its cadre's to close, and no administrator votes
  expect(await env.call('demo-town', 'vote.close', { requestId: rid(), voteId: jinqiao })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND'
  })
  expect(await cast('demo-town', jinqiao, [0])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})
