import { data } from '../../shared/data/store'
import { AppError } from '../../../core/contract/errors'
import { periodKeys, previousQuarter } from '../../../core/domain/period'
import { DAY_MS } from '../../../core/domain/workflow'
import type { QuarterPostingDoc } from '../../shared/data/party-documents'
import { branchDoc, membersOfBranch, officersOnly, pointsByMember, settingsFor } from '../services/party'
import { toQuarterView, toSheetView } from '../../shared/data/party-views'
import type { Route, RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'
import { actorName } from '../router/identity'

/**
 * Quarterly, a branch posts its members' points of the quarter to the branch (公示) for the town's
 * posting days; members may object to their own entries meanwhile. Villagers of the village see what
 * the branches post (the quarters and the annual ratings once the town has posted them), nothing else.
 */

const POSTINGS_SHOWN = 8
const BRANCHES_PER_VILLAGE_MAX = 50

export const publish: Route<'partyPosting.publish'> = {
  audit: 'partyPosting.publish',
  access: officersOnly,
  scope: 'branch',
  async handle({ quarter }, ctx) {
    const { branchId, villageId } = ctx.scope
    const now = ctx.now()
    const current = periodKeys(now).quarter
    if (quarter !== current && quarter !== previousQuarter(current))
      throw new AppError('INVALID_INPUT', '只能公示本季度或上季度的积分')
    const branch = await branchDoc(ctx, branchId)
    const [settings, members, sums] = await Promise.all([
      settingsFor(ctx, branch.townId),
      membersOfBranch(ctx, branchId),
      pointsByMember(ctx, { branchId, year: quarter.slice(0, 4), quarter })
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
    ctx.audit.record({ target: doc._id, before: null, after: { quarter } })
    return toQuarterView(doc, branch.name, now)
  }
}

/** The branches whose postings the caller may see: their own branch, or all of their village's. */
async function visibleBranches(ctx: RouteCtx<'village'>): Promise<{ ids: string[]; names: Map<string, string> }> {
  const own =
    grantOf(ctx.identity, 'branchSecretary') ??
    grantOf(ctx.identity, 'partyClerk') ??
    grantOf(ctx.identity, 'partyMember')
  const where = own ? { _id: own.branchId } : { villageId: ctx.scope.villageId, kind: 'branch' }
  const orgs = await data(ctx).partyOrgs.find(where, { limit: BRANCHES_PER_VILLAGE_MAX })
  return { ids: orgs.map(o => o._id), names: new Map(orgs.map(o => [o._id, o.name])) }
}

export const list: Route<'partyPosting.list'> = {
  paging: { max: POSTINGS_SHOWN },
  access: { who: 'roles', roles: ['partyMember', 'branchSecretary', 'partyClerk', 'villager'] },
  // the village's branches; an officer or member sees their own branch's
  scope: 'village',
  async handle(_input, ctx) {
    const { ids, names } = await visibleBranches(ctx)
    if (ids.length === 0) return { quarters: [], ratings: [] }
    const _ = ctx.db.command
    const limit = ctx.paging.size
    const [postings, sheets] = await Promise.all([
      data(ctx).partyPostings.find({ branchId: _.in(ids) }, { orderBy: [['at', 'desc']], limit }),
      data(ctx).ratingSheets.find(
        { branchId: _.in(ids), state: _.in(['posted', 'final']) },
        { orderBy: [['year', 'desc']], limit }
      )
    ])
    const now = ctx.now()
    return {
      quarters: postings.map(p => toQuarterView(p, names.get(p.branchId) ?? '', now)),
      ratings: sheets.map(s => toSheetView(s, now))
    }
  }
}
