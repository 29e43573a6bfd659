import type { VoteView } from '../../../core/contract/participation'
import { resultsVisible, VoteTerms, voteStateAt } from '../../../core/domain/votes'
import { idFor } from '../../shared/data/ids'
import type { VoteDoc } from '../../shared/data/participation-documents'
import { data } from '../../shared/data/store'
import type { RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'
import { managesPlace } from './my-places'

/** Votes as callers see them, for the vote routes and the home screen's `village.now`. */

export const termsOf = (v: VoteDoc): VoteTerms => ({
  multiple: v.multiple,
  maxChoices: v.maxChoices,
  optionCount: v.options.length,
  deadlineAt: v.deadlineAt,
  secret: v.secret,
  resultsShown: v.resultsShown
})

/** The caller's voter key for a vote: their household, or (per person) their participant key; null: no villager. */
export function voterKeyOf(ctx: Pick<RouteCtx, 'identity' | 'openid'>, v: Pick<VoteDoc, 'per'>): string | null {
  const villager = grantOf(ctx.identity, 'villager')
  if (!villager) return null
  return v.per === 'household' ? villager.householdId : idFor('participant', ctx.openid)
}

/** A voter's one ballot marker of a vote. */
export const ballotIdOf = (voteId: string, voterKey: string) => `${voteId}:${voterKey}`

export function voteView(ctx: RouteCtx, v: VoteDoc, voted: boolean): VoteView {
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
    canCast: voterKeyOf(ctx, v) !== null,
    canManage: managesPlace(ctx, v.placeId)
  }
}

/** Votes as the caller sees them, with whether they (their household) have voted: one query. */
export async function voteViews(ctx: RouteCtx, votes: VoteDoc[]): Promise<VoteView[]> {
  const markers = votes.map(v => {
    const key = voterKeyOf(ctx, v)
    return key ? ballotIdOf(v._id, key) : null
  })
  const cast = await data(ctx).ballots.getMany(markers.filter((id): id is string => id !== null))
  return votes.map((v, i) => voteView(ctx, v, markers[i] !== null && cast.has(markers[i]!)))
}
