import { AppError } from '../../../core/contract/errors'
import type { VoteView, VoterView } from '../../../core/contract/participation'
import {
  addBallot,
  choicesProblem,
  resultsVisible,
  termsProblem,
  VoteTerms,
  voteStateAt
} from '../../../core/domain/votes'
import { checkText } from '../services/content-check'
import { getDoc } from '../services/participation-kit'
import { hash } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { hashId } from '../services/participation-kit'
import { requestKeyFor } from '../../shared/data/ids'
import { transact } from '../services/participation-kit'
import type { HouseholdDoc, NoticeDoc, PlaceDoc } from '../../shared/data/documents'
import type { BallotDoc, VoteDoc } from '../../shared/data/participation-documents'
import { managesPlace, myVillageAndTown, publishPlaceOf } from '../services/my-places'
import type { Route as Handler, RouteCtx } from '../router/route'
import { actorName, grantOf, myHousehold } from '../services/participation-kit'

/**
 * Village votes (村民投票). A cadre opens a vote for the village, a town administrator for the town.
 * Each voter (a household, or a person) has one ballot marker `<vote>:<voter>`, written in the same
 * transaction that adds the ballot's choices to the vote's anonymous tallies: so a second ballot is
 * refused, a retried request meets its own marker, and the counts are exact under concurrency. A
 * secret vote's marker holds no choice, and no route returns or stores a voter's choice anywhere
 * else: the cast route keeps no stored reply (ownIdempotency) and its audit names no option.
 */

const PAGE = 20
const VOTERS_PAGE = 50

const termsOf = (v: VoteDoc): VoteTerms => ({
  multiple: v.multiple,
  maxChoices: v.maxChoices,
  optionCount: v.options.length,
  deadlineAt: v.deadlineAt,
  secret: v.secret,
  resultsShown: v.resultsShown
})

function toView(ctx: RouteCtx, v: VoteDoc, voted: boolean): VoteView {
  const state = voteStateAt(v, v, ctx.now())
  return {
    id: v._id,
    question: v.question,
    options: v.options,
    multiple: v.multiple,
    maxChoices: v.multiple ? v.maxChoices : 1,
    per: v.per,
    secret: v.secret,
    resultsShown: v.resultsShown,
    deadlineAt: v.deadlineAt,
    state,
    placeName: v.placeName,
    byName: v.byName,
    at: v.at,
    ballots: v.ballots,
    tallies: resultsVisible(v, state) ? v.tallies : null,
    voted,
    canManage: managesPlace(ctx, v.placeId)
  }
}

/** The caller's voter key for a vote: their household, or (per person) a hash of their openid. */
function voterKey(ctx: RouteCtx, v: Pick<VoteDoc, 'per'>): string | null {
  const villager = grantOf(ctx, 'villager')
  if (!villager) return null
  return v.per === 'household' ? villager.householdId : 'p' + hash(ctx.openid).slice(0, 24)
}
const ballotId = (voteId: string, key: string) => `${voteId}:${key}`

/** A vote the caller may see: of their village or their town. */
async function visibleVote(ctx: RouteCtx, voteId: string) {
  const [v, places] = await Promise.all([getDoc<VoteDoc>(ctx, 'votes', voteId), myVillageAndTown(ctx)])
  if (!v || (v.placeId !== places.villageId && v.placeId !== places.townId))
    throw new AppError('NOT_FOUND', '没有找到这个投票')
  return v
}

async function castBallots(ctx: RouteCtx, votes: VoteDoc[]): Promise<Set<string>> {
  const ids = votes.map(v => voterKey(ctx, v)).flatMap((k, i) => (k ? [ballotId(votes[i]._id, k)] : []))
  if (ids.length === 0) return new Set()
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection('ballots')
    .where({ _id: _.in(ids) })
    .field({ _id: true })
    .limit(ids.length)
    .get()) as unknown as { data: { _id: string }[] }
  return new Set(res.data.map(b => b._id))
}

const votedIn = (ctx: RouteCtx, v: VoteDoc, cast: Set<string>) => {
  const key = voterKey(ctx, v)
  return key !== null && cast.has(ballotId(v._id, key))
}

/** Votes as the caller sees them, with whether they (their household) have voted: one query. */
export async function voteViews(ctx: RouteCtx, votes: VoteDoc[]): Promise<VoteView[]> {
  const cast = await castBallots(ctx, votes)
  return votes.map(v => toView(ctx, v, votedIn(ctx, v, cast)))
}

export const open: Handler<'vote.open'> = {
  access: { who: 'roles', roles: ['cadre', 'townAdmin'] },
  scope: 'own',
  audit: 'vote.open',
  async handle({ requestId, toTown, ...input }, ctx) {
    const { placeId } = publishPlaceOf(ctx, toTown)
    const terms: VoteTerms = {
      multiple: input.multiple,
      maxChoices: input.multiple ? input.maxChoices : 1,
      optionCount: input.options.length,
      deadlineAt: input.deadlineAt,
      secret: input.secret,
      resultsShown: input.resultsShown
    }
    const problem = termsProblem(terms, ctx.now())
    if (problem) throw new AppError('INVALID_INPUT', problem)
    const [place] = await Promise.all([
      getDoc<PlaceDoc>(ctx, 'places', placeId),
      checkText(ctx, input.question, ...input.options)
    ])
    const doc: VoteDoc = {
      _id: hashId('vt', 16, ctx.openid, requestId),
      placeId,
      placeName: place?.name ?? '',
      question: input.question,
      options: input.options,
      multiple: terms.multiple,
      maxChoices: terms.maxChoices,
      per: input.per,
      secret: input.secret,
      resultsShown: input.resultsShown,
      deadlineAt: input.deadlineAt,
      state: 'open',
      closedAt: null,
      postedAt: null,
      tallies: input.options.map(() => 0),
      ballots: 0,
      by: ctx.openid,
      byName: actorName(ctx),
      at: ctx.now()
    }
    await data(ctx).votes.add(doc)
    ctx.audit.record({
      placeId: placeId,
      target: doc.question,
      before: null,
      after: { options: doc.options, per: doc.per, secret: doc.secret }
    })
    return toView(ctx, doc, false)
  }
}

export const list: Handler<'vote.list'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre', 'townAdmin'] },
  scope: 'own',
  async handle({ page }, ctx) {
    const { villageId, townId } = await myVillageAndTown(ctx)
    const _ = ctx.db.command
    const res = (await ctx.db
      .collection('votes')
      .where({ placeId: _.in([villageId, townId].filter(Boolean)) })
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: VoteDoc[] }
    return { votes: await voteViews(ctx, res.data.slice(0, PAGE)), page, hasMore: res.data.length > PAGE }
  }
}

export const get: Handler<'vote.get'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre', 'townAdmin'] },
  scope: 'own',
  async handle({ voteId }, ctx) {
    const v = await visibleVote(ctx, voteId)
    return toView(ctx, v, votedIn(ctx, v, await castBallots(ctx, [v])))
  }
}

export const cast: Handler<'vote.cast'> = {
  access: { who: 'roles', roles: ['villager'] },
  scope: 'own',
  audit: { none: 'a ballot is the voter’s own act; a secret one must leave nothing beyond its marker' },
  // the ballot marker's id is fixed by the voter: a retry meets it; no reply is stored next to the openid
  ownIdempotency: true,
  async handle({ requestId, voteId, choices }, ctx) {
    const { householdId } = myHousehold(ctx)
    const [places, household] = await Promise.all([
      myVillageAndTown(ctx),
      getDoc<HouseholdDoc>(ctx, 'households', householdId)
    ])
    const requestKey = requestKeyFor(ctx.openid, requestId)
    const after = await transact(ctx, async t => {
      const v = await t.get('votes', voteId)
      if (!v || (v.placeId !== places.villageId && v.placeId !== places.townId))
        throw new AppError('NOT_FOUND', '没有找到这个投票')
      if (voteStateAt(v, v, ctx.now()) !== 'open') throw new AppError('VOTE_CLOSED')
      const problem = choicesProblem(termsOf(v), choices)
      if (problem) throw new AppError(problem)
      const id = ballotId(v._id, voterKey(ctx, v)!)
      const earlier = await t.get('ballots', id)
      if (earlier?.requestKey === requestKey) return v
      if (earlier) throw new AppError('ALREADY_VOTED')
      const ballot: BallotDoc = {
        _id: id,
        voteId: v._id,
        householdId,
        doorPlate: household?.doorPlate ?? '',
        name: v.per === 'person' ? actorName(ctx) : '',
        requestKey,
        choices: v.secret ? null : [...choices].sort((a, b) => a - b),
        at: ctx.now()
      }
      const next = { tallies: addBallot(v.tallies, choices), ballots: v.ballots + 1 }
      await t.add('ballots', ballot)
      await t.update('votes', v._id, { tallies: ctx.db.command.set(next.tallies), ballots: next.ballots })
      return { ...v, ...next }
    })
    return toView(ctx, after, true)
  }
}

export const voters: Handler<'vote.voters'> = {
  access: { who: 'roles', roles: ['cadre', 'townAdmin'] },
  scope: 'own',
  async handle({ voteId, page }, ctx) {
    const v = await getDoc<VoteDoc>(ctx, 'votes', voteId)
    if (!v || !managesPlace(ctx, v.placeId)) throw new AppError('NOT_FOUND', '没有找到这个投票')
    const res = (await ctx.db
      .collection('ballots')
      .where({ voteId })
      .orderBy('at', 'desc')
      .skip((page - 1) * VOTERS_PAGE)
      .limit(VOTERS_PAGE + 1)
      .get()) as unknown as { data: BallotDoc[] }
    return {
      voters: res.data.slice(0, VOTERS_PAGE).map((b): VoterView => ({
        label: b.name ? `${b.name}（${b.doorPlate}）` : b.doorPlate,
        at: b.at,
        // a secret vote's marker has no choice to show; an open vote's is shown to the publisher
        choices: v.secret || !b.choices ? null : b.choices.map(c => v.options[c])
      })),
      page,
      hasMore: res.data.length > VOTERS_PAGE
    }
  }
}

/** Moves a vote of the caller's place: closing early, or posting the results once closed. */
async function move(ctx: RouteCtx, voteId: string, to: 'closed' | 'posted') {
  const { before, after } = await transact(ctx, async t => {
    const v = await t.get('votes', voteId)
    if (!v || !managesPlace(ctx, v.placeId)) throw new AppError('NOT_FOUND', '没有找到这个投票')
    const state = voteStateAt(v, v, ctx.now())
    if (to === 'closed' && state !== 'open') throw new AppError('STATE_CHANGED')
    if (to === 'posted' && state === 'open') throw new AppError('VOTE_STILL_OPEN')
    if (to === 'posted' && state === 'posted') throw new AppError('STATE_CHANGED')
    const patch =
      to === 'closed'
        ? { state: 'closed' as const, closedAt: ctx.now() }
        : { state: 'posted' as const, postedAt: ctx.now(), closedAt: v.closedAt ?? v.deadlineAt }
    await t.update('votes', v._id, patch)
    if (to === 'posted') await t.add('notices', resultsNotice(ctx, v))
    return { before: v, after: { ...v, ...patch } }
  })
  ctx.audit.record({
    placeId: before.placeId,
    target: before.question,
    before: null,
    after: {
      ballots: after.ballots,
      tallies: to === 'posted' ? after.tallies : undefined
    }
  })
  return toView(ctx, after, false)
}

/** The results as a 村务公开 notice to the vote's place, under an id fixed by the vote. */
function resultsNotice(ctx: RouteCtx, v: VoteDoc): NoticeDoc {
  const lines = v.options.map((o, i) => `${o}：${v.tallies[i]}${v.per === 'household' ? '户' : '人'}`)
  return {
    _id: `n-${v._id}`,
    placeId: v.placeId,
    placeName: v.placeName,
    kind: 'village',
    title: `投票结果：${v.question}`.slice(0, 60),
    body: [`共${v.ballots}${v.per === 'household' ? '户' : '人'}投票。`, ...lines].join('\n'),
    pictures: [],
    attachments: [],
    financeRows: [],
    pinned: false,
    withdrawn: false,
    by: ctx.openid,
    byName: actorName(ctx),
    at: ctx.now(),
    readCount: 0
  }
}

export const close: Handler<'vote.close'> = {
  access: { who: 'roles', roles: ['cadre', 'townAdmin'] },
  scope: 'own',
  audit: 'vote.close',
  handle: ({ voteId }, ctx) => move(ctx, voteId, 'closed')
}

export const postResults: Handler<'vote.post'> = {
  access: { who: 'roles', roles: ['cadre', 'townAdmin'] },
  scope: 'own',
  audit: 'vote.post',
  handle: ({ voteId }, ctx) => move(ctx, voteId, 'posted')
}
