import { AppError } from '../../../core/contract/errors'
import type { VoterView } from '../../../core/contract/participation'
import {
  addBallot,
  choicesProblem,
  optionsProblem,
  termsProblem,
  VoteTerms,
  voteStateAt
} from '../../../core/domain/votes'
import { checkText } from '../services/content-check'
import { idFor, requestKeyFor } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import type { NoticeDoc } from '../../shared/data/documents'
import type { BallotDoc, VoteDoc } from '../../shared/data/participation-documents'
import { managesPlace, placesWatched, publishPlaceOf, watches } from '../services/my-places'
import { ballotIdOf, termsOf, voteView, voteViews, voterKeyOf } from '../services/votes'
import { roles, RouteCtx, Routes } from '../router/route'
import { actorName } from '../router/identity'

/**
 * Village votes (村民投票). A cadre opens a vote for the village, a town administrator for the town.
 * Each voter (a household, or a person) has one ballot marker `<vote>:<voter>`, written in the same
 * transaction that adds the ballot's choices to the vote's anonymous tallies: so a second ballot is
 * refused, a retried request meets its own marker, and the counts are exact under concurrency. A
 * secret vote's marker holds no choice, and no route returns or stores a voter's choice anywhere
 * else: the cast route keeps no stored reply (ownIdempotency) and its audit names no option.
 */

/** Who sees votes: those of a village and those who watch villages (services/my-places.ts, placesWatched). */
const WATCHERS = ['villager', 'gridWorker', 'cadre', 'townAdmin', 'countyAdmin'] as const

/** A vote the caller may see: of their village or town; of their town's villages; for the county, any. */
async function visibleVote(ctx: RouteCtx, voteId: string) {
  const [v, watched] = await Promise.all([data(ctx).votes.get(voteId), placesWatched(ctx)])
  if (!v || !watches(watched, v.placeId)) throw new AppError('NOT_FOUND', '没有找到这个投票')
  return v
}

/** A vote the caller manages (their village's or town's), or NOT_FOUND. */
async function managedVote(ctx: RouteCtx, voteId: string) {
  const v = await data(ctx).votes.get(voteId)
  if (!v || !managesPlace(ctx, v.placeId)) throw new AppError('NOT_FOUND', '没有找到这个投票')
  return v
}

/** Moves a vote of the caller's place: closing early, or posting the results once closed. */
async function move(ctx: RouteCtx, voteId: string, to: 'closed' | 'posted') {
  const { before, after } = await transact(ctx, async tx => {
    const v = await tx.get('votes', voteId)
    if (!v || !managesPlace(ctx, v.placeId)) throw new AppError('NOT_FOUND', '没有找到这个投票')
    const state = voteStateAt(v, v, ctx.now())
    if (to === 'closed' && state !== 'open') throw new AppError('STATE_CHANGED')
    if (to === 'posted' && state === 'open') throw new AppError('VOTE_STILL_OPEN')
    if (to === 'posted' && state === 'posted') throw new AppError('STATE_CHANGED')
    const patch =
      to === 'closed'
        ? { state: 'closed' as const, closedAt: ctx.now() }
        : { state: 'posted' as const, postedAt: ctx.now(), closedAt: v.closedAt ?? v.deadlineAt }
    await tx.update('votes', v._id, patch)
    if (to === 'posted') await tx.add('notices', resultsNotice(ctx, v))
    return { before: v, after: { ...v, ...patch } }
  })
  ctx.audit.record({
    placeId: before.placeId,
    target: before.question,
    before: null,
    after: { ballots: after.ballots, tallies: to === 'posted' ? after.tallies : undefined }
  })
  return voteView(ctx, after, false)
}

/** The results as a 村务公开 notice to the vote's place, under an id fixed by the vote. */
function resultsNotice(ctx: RouteCtx, v: VoteDoc): NoticeDoc {
  const unit = v.per === 'household' ? '户' : '人'
  return {
    _id: `n-${v._id}`,
    placeId: v.placeId,
    placeName: v.placeName,
    kind: 'village',
    title: `投票结果：${v.question}`.slice(0, 60),
    body: [`共${v.ballots}${unit}投票。`, ...v.options.map((o, i) => `${o}：${v.tallies[i]}${unit}`)].join('\n'),
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

export const voteRoutes = {
  'vote.open': {
    access: roles('cadre', 'townAdmin'),
    // the cadre's village, or (toTown) the town administrator's town
    scope: 'area',
    audit: 'vote.open',
    async handle({ requestId, toTown, ...input }, ctx) {
      const placeId = publishPlaceOf(ctx.scope, toTown)
      const terms: VoteTerms = {
        multiple: input.multiple,
        maxChoices: input.multiple ? input.maxChoices : 1,
        optionCount: input.options.length,
        deadlineAt: input.deadlineAt,
        secret: input.secret,
        resultsShown: input.resultsShown
      }
      const problem = termsProblem(terms, ctx.now()) ?? optionsProblem(input.options)
      if (problem) throw new AppError('INVALID_INPUT', problem)
      const [place] = await Promise.all([
        data(ctx).places.get(placeId),
        checkText(ctx, input.question, ...input.options)
      ])
      const doc: VoteDoc = {
        _id: idFor('vote', ctx.openid, requestId),
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
        placeId,
        target: doc.question,
        before: null,
        after: { options: doc.options, per: doc.per, secret: doc.secret }
      })
      return voteView(ctx, doc, false)
    }
  },

  'vote.list': {
    access: roles(...WATCHERS),
    // villagers, grid workers and cadres see their village's and town's votes, a town administrator the
    // town's and its villages', the county administrator all (each vote names its place): no one scope
    // kind covers these, so the handler finds the places from the grants
    scope: 'own',
    paging: { size: 20 },
    async handle(_input, ctx) {
      const watched = await placesWatched(ctx)
      const where = watched.all ? {} : { placeId: ctx.db.command.in(watched.placeIds) }
      const found = await data(ctx).votes.page(where, [['at', 'desc']], ctx.paging)
      return { votes: await voteViews(ctx, found.rows), page: found.page, hasMore: found.hasMore }
    }
  },

  'vote.get': {
    access: roles(...WATCHERS),
    scope: 'own', // as vote.list
    async handle({ voteId }, ctx) {
      const [view] = await voteViews(ctx, [await visibleVote(ctx, voteId)])
      return view
    }
  },

  'vote.cast': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'a ballot is the voter’s own act; a secret one must leave nothing beyond its marker' },
    // the ballot marker's id is fixed by the voter: a retry meets it; no reply is stored next to the openid
    ownIdempotency: true,
    async handle({ requestId, voteId, choices }, ctx) {
      const { householdId, villageId } = ctx.scope
      const [household, townId] = await Promise.all([
        data(ctx).households.get(householdId),
        data(ctx)
          .places.get(villageId)
          .then(p => p?.parentId ?? null)
      ])
      const requestKey = requestKeyFor(ctx.openid, requestId)
      const after = await transact(ctx, async tx => {
        const v = await tx.get('votes', voteId)
        if (!v || (v.placeId !== villageId && v.placeId !== townId)) throw new AppError('NOT_FOUND', '没有找到这个投票')
        if (voteStateAt(v, v, ctx.now()) !== 'open') throw new AppError('VOTE_CLOSED')
        const problem = choicesProblem(termsOf(v), choices)
        if (problem) throw new AppError(problem)
        const id = ballotIdOf(v._id, voterKeyOf(ctx, v)!)
        const earlier = await tx.get('ballots', id)
        // a retry sends the choices it sent (a secret ballot keeps none to compare: its retry is answered)
        const sorted = [...choices].sort((a, b) => a - b)
        if (earlier?.requestKey === requestKey && earlier.choices && earlier.choices.join() !== sorted.join())
          throw new AppError('REQUEST_REUSED')
        if (earlier?.requestKey === requestKey) return v
        if (earlier) throw new AppError('ALREADY_VOTED')
        const ballot: BallotDoc = {
          _id: id,
          voteId: v._id,
          householdId,
          doorPlate: household?.doorPlate ?? '',
          name: v.per === 'person' ? actorName(ctx) : '',
          requestKey,
          choices: v.secret ? null : sorted,
          at: ctx.now()
        }
        const next = { tallies: addBallot(v.tallies, choices), ballots: v.ballots + 1 }
        await tx.add('ballots', ballot)
        await tx.update('votes', v._id, { tallies: ctx.db.command.set(next.tallies), ballots: next.ballots })
        return { ...v, ...next }
      })
      return voteView(ctx, after, true)
    }
  },

  'vote.voters': {
    access: roles('cadre', 'townAdmin'),
    scope: 'area',
    paging: { size: 50 },
    async handle({ voteId }, ctx) {
      const v = await managedVote(ctx, voteId)
      const found = await data(ctx).ballots.page({ voteId }, [['at', 'desc']], ctx.paging)
      return {
        voters: found.rows.map((b): VoterView => ({
          label: b.name ? `${b.name}（${b.doorPlate}）` : b.doorPlate,
          at: b.at,
          // a secret vote's marker has no choice to show; an open vote's is shown to the publisher
          choices: v.secret || !b.choices ? null : b.choices.map(c => v.options[c])
        })),
        page: found.page,
        hasMore: found.hasMore
      }
    }
  },

  'vote.close': {
    access: roles('cadre', 'townAdmin'),
    scope: 'area',
    audit: 'vote.close',
    handle: ({ voteId }, ctx) => move(ctx, voteId, 'closed')
  },

  'vote.post': {
    access: roles('cadre', 'townAdmin'),
    scope: 'area',
    audit: 'vote.post',
    handle: ({ voteId }, ctx) => move(ctx, voteId, 'posted')
  }
} satisfies Partial<Routes>
