import { AppError, ERRORS } from '../../../core/contract/errors'
import { canMoveRating, PartySettings, ratingRow, RatingState } from '../../../core/domain/party'
import { periodKeys } from '../../../core/domain/period'
import { DAY_MS } from '../../../core/domain/workflow'
import { mapWithLimit } from '../../shared/limit'
import { transact } from '../../shared/data/transaction'
import type { MemberDoc, PartyOrgDoc, RatingRowDoc, RatingSheetDoc } from '../../shared/data/party-documents'
import { branchDoc, membersOfBranch, officersOnly, pointsByMember, settingsFor } from '../services/party'
import { toSheetView } from '../../shared/data/party-views'
import type { Route, RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'
import { data } from '../../shared/data/store'

/**
 * 年度评星: the branch's officers enter each member's 民主评议 score (as often as needed until they
 * confirm), the product computes totals and stars with the settings in force, the town posts the
 * confirmed sheet for its posting days, then it is final. One sheet document per branch and year,
 * moved in a transaction, so two officers cannot confirm what the other just changed. Past years'
 * sheets are never touched again.
 */

const sheetId = (branchId: string, year: string) => `${branchId}:${year}`

/** Only this year's and last year's ratings can be entered (last year's in the first weeks of January). */
function checkYear(ctx: RouteCtx, year: string) {
  const current = Number(periodKeys(ctx.now()).year)
  if (Number(year) !== current && Number(year) !== current - 1)
    throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（只能评今年或去年）`)
}

function rowsOf(
  members: MemberDoc[],
  sums: Map<string, number>,
  reviews: Map<string, number>,
  settings: PartySettings
): RatingRowDoc[] {
  return members.map(m => ratingRow(settings, m, sums.get(m._id) ?? 0, m.exempt ? 0 : (reviews.get(m._id) ?? 0)))
}

/** A branch named in the input: a 党委 or 党总支 has no sheet of its own (its members are in its branches). */
async function namedBranch(ctx: RouteCtx, branchId: string): Promise<PartyOrgDoc> {
  const branch = await branchDoc(ctx, branchId)
  if (branch.kind !== 'branch') throw new AppError('NOT_FOUND', '没有找到这个党支部')
  return branch
}

/** The branch whose sheet the caller may see: an officer's own, or one of the town party administrator's town. */
async function sheetBranch(ctx: RouteCtx, branchId: string | undefined): Promise<PartyOrgDoc> {
  const officer = grantOf(ctx.identity, 'branchSecretary') ?? grantOf(ctx.identity, 'partyClerk')
  if (officer) return branchDoc(ctx, officer.branchId)
  if (!branchId) throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（要选一个党支部）`)
  const branch = await namedBranch(ctx, branchId)
  if (branch.townId !== grantOf(ctx.identity, 'townPartyAdmin')?.townId) throw new AppError('FORBIDDEN')
  return branch
}

export const sheet: Route<'partyRating.sheet'> = {
  access: { who: 'roles', roles: ['branchSecretary', 'partyClerk', 'townPartyAdmin'] },
  // an officer's own branch, or a branch of the town party administrator's town (two scopes: sheetBranch)
  scope: 'own',
  async handle({ year, branchId }, ctx) {
    const branch = await sheetBranch(ctx, branchId)
    const stored = await data(ctx).ratingSheets.get(sheetId(branch._id, year))
    if (stored) return toSheetView(stored, ctx.now())
    // not entered yet: a draft from the year's points, with no 民主评议 score
    const [settings, members, sums] = await Promise.all([
      settingsFor(ctx, branch.townId),
      membersOfBranch(ctx, branch._id),
      pointsByMember(ctx, { branchId: branch._id, year })
    ])
    return {
      branchId: branch._id,
      branchName: branch.name,
      year,
      state: null,
      until: null,
      settings,
      rows: rowsOf(members, sums, new Map(), settings)
    }
  }
}

export const enter: Route<'partyRating.enter'> = {
  audit: 'partyRating.enter',
  access: officersOnly,
  scope: 'branch',
  async handle({ year, reviews }, ctx) {
    const { branchId, villageId } = ctx.scope
    checkYear(ctx, year)
    const branch = await branchDoc(ctx, branchId)
    const [settings, members, sums] = await Promise.all([
      settingsFor(ctx, branch.townId),
      membersOfBranch(ctx, branchId),
      pointsByMember(ctx, { branchId, year })
    ])
    if (reviews.some(r => r.review > settings.reviewMax))
      throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（民主评议最多${settings.reviewMax}分）`)
    if (reviews.some(r => !members.some(m => m._id === r.memberId))) throw new AppError('OTHER_BRANCH')
    const saved = await transact(ctx, async t => {
      const before = await t.get('ratingSheets', sheetId(branchId, year))
      if (before && !canMoveRating(before.state, 'entered'))
        throw new AppError('STATE_CHANGED', '评星已经上报，不能再改')
      // scores entered earlier stay unless given again
      const given = new Map(before?.rows.map(r => [r.memberId, r.review]))
      for (const r of reviews) given.set(r.memberId, r.review)
      const doc: RatingSheetDoc = {
        _id: sheetId(branchId, year),
        branchId,
        branchName: branch.name,
        villageId,
        townId: branch.townId,
        year,
        settings,
        state: 'entered',
        rows: rowsOf(members, sums, given, settings),
        enteredAt: ctx.now(),
        confirmedAt: null,
        postedAt: null,
        until: null
      }
      await t.set('ratingSheets', doc)
      return doc
    })
    ctx.audit.record({ target: saved._id, before: null, after: { reviews } })
    return toSheetView(saved, ctx.now())
  }
}

/** Moves a sheet from one state to the next inside a transaction; `extra` is written with the state. */
async function moveSheet(ctx: RouteCtx, id: string, to: RatingState, extra: Partial<RatingSheetDoc>) {
  return transact(ctx, async t => {
    const before = await t.get('ratingSheets', id)
    if (!before) throw new AppError('RATING_NOT_READY')
    if (!canMoveRating(before.state, to)) throw new AppError(before.state === to ? 'STATE_CHANGED' : 'RATING_NOT_READY')
    await t.update('ratingSheets', id, { state: to, ...extra })
    return { ...before, state: to, ...extra }
  })
}

export const confirm: Route<'partyRating.confirm'> = {
  audit: 'partyRating.confirm',
  access: officersOnly,
  scope: 'branch',
  async handle({ year }, ctx) {
    const { branchId } = ctx.scope
    const moved = await moveSheet(ctx, sheetId(branchId, year), 'confirmed', { confirmedAt: ctx.now() })
    ctx.audit.record({ target: moved._id, before: null, after: {} })
    return toSheetView(moved, ctx.now())
  }
}

const HOUSEHOLD_WRITES_PARALLEL = 10

/**
 * The town posts a confirmed sheet for its posting days. The household of each member whose
 * household is known shows the star from now on (公示中 until the posting ends).
 */
export const post: Route<'partyRating.post'> = {
  audit: 'partyRating.post',
  access: { who: 'roles', roles: ['townPartyAdmin'] },
  scope: 'town',
  async handle({ year, branchId }, ctx) {
    const { townId } = ctx.scope
    const branch = await namedBranch(ctx, branchId)
    ctx.scope.check(branch)
    const settings = await settingsFor(ctx, townId)
    const now = ctx.now()
    const until = now + settings.ratingPostingDays * DAY_MS
    const moved = await moveSheet(ctx, sheetId(branchId, year), 'posted', { postedAt: now, until })
    const known = moved.rows.flatMap(r => (r.householdId ? [{ ...r, householdId: r.householdId }] : []))
    await mapWithLimit(known, HOUSEHOLD_WRITES_PARALLEL, r => {
      const { memberId, name, stars, exempt } = r
      const partyStars = ctx.db.command.set({ memberId, name, year, stars, exempt, until })
      return data(ctx).households.update(r.householdId, { partyStars })
    })
    ctx.audit.record({ target: moved._id, before: null, after: { until } })
    return toSheetView(moved, now)
  }
}
