import { data } from '../../shared/data/store'
import { AppError } from '../../../core/contract/errors'
import type { RatingSheetView } from '../../../core/contract/party-views'
import { periodKeys } from '../../../core/domain/period'
import { DAY_MS } from '../../../core/domain/workflow'
import type { PartyOrgDoc, QuarterPostingDoc, RatingSheetDoc } from '../../shared/data/party-documents'
import { branchDoc, membersOfBranch, officerBranch, officersOnly, settingsFor, toQuarterView } from '../services/party'
import type { Route, RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'
import { actorName } from '../router/identity'

/**
 * Quarterly, a branch posts its members' points of the quarter to the branch (公示) for the town's
 * posting days; members may object to their own entries meanwhile. Villagers of the village see what
 * the branches post (the quarters and the annual ratings once the town has posted them), nothing else.
 */

const POSTINGS_SHOWN = 8

/** The quarter before `quarter` ("2026-Q1" → "2025-Q4"). */
const previousQuarter = (quarter: string) => {
  const [y, q] = quarter.split('-Q').map(Number)
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`
}

export const publish: Route<'partyPosting.publish'> = {
  audit: 'partyPosting.publish',
  access: officersOnly,
  scope: 'own',
  async handle({ quarter }, ctx) {
    const { branchId, villageId } = officerBranch(ctx)
    const now = ctx.now()
    const current = periodKeys(now).quarter
    if (quarter !== current && quarter !== previousQuarter(current))
      throw new AppError('INVALID_INPUT', '只能公示本季度或上季度的积分')
    const branch = await branchDoc(ctx, branchId)
    const [settings, members, sums] = await Promise.all([
      settingsFor(ctx, branch.townId),
      membersOfBranch(ctx, branchId),
      quarterSums(ctx, branchId, quarter)
    ])
    const doc: QuarterPostingDoc = {
      _id: `${branchId}:${quarter}`,
      branchId,
      villageId,
      quarter,
      rows: members.map(m => ({ memberId: m._id, name: m.name, category: m.category, points: sums.get(m._id) ?? 0 })),
      state: 'posted',
      at: now,
      until: now + settings.quarterPostingDays * DAY_MS,
      byName: actorName(ctx)
    }
    if (!(await data(ctx).partyPostings.add(doc))) throw new AppError('STATE_CHANGED', '这个季度已经公示过了')
    ctx.audit.record({ placeId: villageId, target: doc._id, before: null, after: { quarter } })
    return toQuarterView(doc, branch.name, now)
  }
}

/** Each member's points of a quarter, in one aggregation over the branch's entries. */
async function quarterSums(ctx: RouteCtx, branchId: string, quarter: string): Promise<Map<string, number>> {
  const $ = ctx.db.command.aggregate
  const res = (await ctx.db
    .collection('entries')
    .aggregate()
    .match({ branchId, year: quarter.slice(0, 4), quarter })
    .group({ _id: '$memberId', points: $.sum('$points') })
    .limit(1000)
    .end()) as unknown as { list: { _id: string; points: number }[] }
  return new Map(res.list.map(r => [r._id, r.points]))
}

/** The branches whose postings the caller may see: their own branch, or all of their village's. */
async function visibleBranches(ctx: RouteCtx): Promise<{ ids: string[]; names: Map<string, string> }> {
  const own =
    grantOf(ctx.identity, 'branchSecretary') ??
    grantOf(ctx.identity, 'partyClerk') ??
    grantOf(ctx.identity, 'partyMember')
  const villager = grantOf(ctx.identity, 'villager')
  const where = own ? { _id: own.branchId } : { villageId: villager!.villageId, kind: 'branch' }
  const res = (await ctx.db.collection('partyOrgs').where(where).limit(50).get()) as unknown as {
    data: PartyOrgDoc[]
  }
  return { ids: res.data.map(o => o._id), names: new Map(res.data.map(o => [o._id, o.name])) }
}

export const list: Route<'partyPosting.list'> = {
  paging: { max: POSTINGS_SHOWN },
  access: { who: 'roles', roles: ['partyMember', 'branchSecretary', 'partyClerk', 'villager'] },
  scope: 'own',
  async handle(_input, ctx) {
    const { ids, names } = await visibleBranches(ctx)
    if (ids.length === 0) return { quarters: [], ratings: [] }
    const _ = ctx.db.command
    const [postings, sheets] = await Promise.all([
      ctx.db
        .collection('partyPostings')
        .where({ branchId: _.in(ids) })
        .orderBy('at', 'desc')
        .limit(POSTINGS_SHOWN)
        .get() as unknown as Promise<{ data: QuarterPostingDoc[] }>,
      ctx.db
        .collection('ratingSheets')
        .where({ branchId: _.in(ids), state: _.in(['posted', 'final']) })
        .orderBy('year', 'desc')
        .limit(POSTINGS_SHOWN)
        .get() as unknown as Promise<{ data: RatingSheetDoc[] }>
    ])
    const now = ctx.now()
    return {
      quarters: postings.data.map(p => toQuarterView(p, names.get(p.branchId) ?? '', now)),
      ratings: sheets.data.map(s => toSheetView(s, now))
    }
  }
}

export const toSheetView = (s: RatingSheetDoc, now: number): RatingSheetView => ({
  branchId: s.branchId,
  branchName: s.branchName,
  year: s.year,
  state: s.state === 'posted' && (s.until ?? Infinity) <= now ? 'final' : s.state,
  until: s.until,
  settings: s.settings,
  rows: s.rows.map(r => ({
    memberId: r.memberId,
    name: r.name,
    category: r.category,
    exempt: r.exempt,
    points: r.points,
    review: r.review,
    total: r.total,
    stars: r.stars
  }))
})
