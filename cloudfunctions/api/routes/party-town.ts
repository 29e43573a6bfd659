import { AppError, ERRORS } from '../../../core/contract/errors'
import type { BranchOverview } from '../../../core/contract/party-views'
import { DEFAULT_PARTY_SETTINGS, MemberCategory, MEMBER_CATEGORIES, settingsProblem } from '../../../core/domain/party'
import { periodKeys } from '../../../core/domain/period'
import { COUNTY_ID } from '../../../core/domain/roles'
import { DAY_MS } from '../../../core/domain/workflow'
import type { OrgRatingDoc } from '../../shared/data/party-documents'
import { BranchStatsDoc, branchStatsOfTown, storedStatsOfTown } from '../../shared/party-stats'
import { partyTemplateIdOf, settingsFor } from '../services/party'
import { toOrgStarsView } from '../../shared/data/party-views'
import { placesById } from '../services/places'
import type { Route, RouteCtx } from '../router/route'
import { actorName } from '../router/identity'
import { data } from '../../shared/data/store'

/**
 * The town's party administrator (镇党委管理员): the town's organisations and branches, members by
 * category, the star distribution, organisations' stars, and who has not been scored this quarter;
 * rating organisations; adjusting the county's settings for the town.
 */

/** names shown per branch of those not scored this quarter; the count says how many in all */
const NOT_SCORED_SHOWN = 30
/** organisations, branches, sheets and ratings of one town and two years read at most */
const PER_TOWN_MAX = 1000

/** What the overview reads: one document per organisation, branch roster, rating sheet and organisation rating. */
async function readTown(ctx: RouteCtx, townId: string, years: string[]) {
  const _ = ctx.db.command
  const store = data(ctx)
  return Promise.all([
    store.partyOrgs.find({ townId }, { limit: PER_TOWN_MAX }),
    storedStatsOfTown(ctx, townId),
    store.ratingSheets.find({ townId, year: _.in(years) }, { limit: PER_TOWN_MAX }),
    store.orgRatings.find({ townId, year: _.in(years) }, { limit: PER_TOWN_MAX })
  ])
}

/** A branch's members by category and who has not been scored this quarter, from its roster. */
function rosterFigures(stats: BranchStatsDoc | undefined, quarter: string) {
  const lines = Object.entries(stats?.roster ?? {}).map(([memberId, line]) => ({ memberId, ...line }))
  const byCategory = Object.fromEntries(
    MEMBER_CATEGORIES.map(c => [c, lines.filter(l => l.category === c).length])
  ) as Record<MemberCategory, number>
  const notScored = lines.filter(l => l.scoredQuarter !== quarter).sort((x, y) => x.name.localeCompare(y.name, 'zh'))
  return {
    members: lines.length,
    byCategory,
    notScoredThisQuarter: notScored
      .slice(0, NOT_SCORED_SHOWN)
      .map(l => ({ memberId: l.memberId, name: l.name, category: l.category })),
    notScoredCount: notScored.length
  }
}

export const overview: Route<'partyTown.overview'> = {
  access: { who: 'roles', roles: ['townPartyAdmin'] },
  scope: 'town',
  async handle(_input, ctx) {
    const { townId } = ctx.scope
    const now = ctx.now()
    const keys = periodKeys(now)
    const years = [keys.year, String(Number(keys.year) - 1)]
    const [[orgs, storedStats, sheets, orgRatings], settings] = await Promise.all([
      readTown(ctx, townId, years),
      settingsFor(ctx, townId)
    ])
    const branchOrgs = orgs.filter(o => o.kind === 'branch')
    const [places, stats] = await Promise.all([
      placesById(ctx, [townId, ...orgs.map(o => o.villageId)]),
      // a branch whose roster was never written (data from before it, or seeded) is counted once here
      branchStatsOfTown(ctx, branchOrgs, storedStats)
    ])
    const newest = <T extends { year: string }>(list: T[]) => list.sort((a, b) => b.year.localeCompare(a.year))[0]
    const branches: BranchOverview[] = branchOrgs.map(b => {
      const figures = rosterFigures(stats.get(b._id), keys.quarter)
      const sheet = newest(sheets.filter(s => s.branchId === b._id))
      const starCounts = [0, 0, 0, 0, 0, 0]
      for (const r of sheet?.rows ?? []) if (!r.exempt) starCounts[r.stars]++
      return {
        branchId: b._id,
        name: b.name,
        villageName: places.get(b.villageId)?.name ?? '',
        members: figures.members,
        byCategory: figures.byCategory,
        stars: {
          year: sheet?.year ?? keys.year,
          state: sheet?.state ?? null,
          counts: starCounts,
          exempt: sheet?.rows.filter(r => r.exempt).length ?? 0
        },
        notScoredThisQuarter: figures.notScoredThisQuarter,
        notScoredCount: figures.notScoredCount
      }
    })
    const kindOf = new Map(orgs.map(o => [o._id, o.kind]))
    return {
      townName: places.get(townId)?.name ?? '',
      year: keys.year,
      quarter: keys.quarter,
      orgs: orgs
        .filter(o => o.parentId === null)
        .map(o => {
          const rating = newest(orgRatings.filter(r => r.orgId === o._id))
          return {
            orgId: o._id,
            name: o.name,
            kind: o.kind,
            villageName: places.get(o.villageId)?.name ?? '',
            stars: rating ? toOrgStarsView(rating, kindOf.get(o._id) ?? o.kind, now) : null
          }
        }),
      branches,
      sheetsToPost: sheets
        .filter(s => s.state === 'confirmed')
        .map(s => ({ branchId: s.branchId, branchName: s.branchName, year: s.year })),
      settings
    }
  }
}

export const rateOrg: Route<'partyTown.rateOrg'> = {
  audit: 'partyTown.rateOrg',
  access: { who: 'roles', roles: ['townPartyAdmin'] },
  scope: 'town',
  async handle({ orgId, year, stars, reason }, ctx) {
    const { townId } = ctx.scope
    const org = await data(ctx).partyOrgs.get(orgId)
    if (!org || org.parentId !== null) throw new AppError('NOT_FOUND', '没有找到这个党组织')
    ctx.scope.check(org)
    const current = Number(periodKeys(ctx.now()).year)
    if (Number(year) !== current && Number(year) !== current - 1)
      throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（只能评今年或去年）`)
    const settings = await settingsFor(ctx, townId)
    const doc: OrgRatingDoc = {
      _id: `${orgId}:${year}`,
      orgId,
      orgName: org.name,
      villageId: org.villageId,
      townId,
      year,
      stars,
      reason,
      state: 'posted',
      at: ctx.now(),
      until: ctx.now() + settings.ratingPostingDays * DAY_MS,
      byName: actorName(ctx)
    }
    if (!(await data(ctx).orgRatings.add(doc))) throw new AppError('STATE_CHANGED', '这个党组织今年已经评过星了')
    ctx.audit.record({ target: orgId, before: null, after: { year, stars, reason } })
    return toOrgStarsView(doc, org.kind, ctx.now())
  }
}

/**
 * Towns of the county whose own adjustment of the settings is listed on the county's page: at most
 * this many.
 */
const TOWNS_MAX = 200

/**
 * Whose settings the caller sets: a town party administrator their town's, the county administrator
 * the county's.
 */
const settingsOwnerOf = (ctx: RouteCtx<'area'>) => ctx.scope.townId ?? COUNTY_ID

/** The settings the caller sets, as setSettings would change them. */
export const settings: Route<'partyTown.settings'> = {
  access: { who: 'roles', roles: ['townPartyAdmin', 'countyAdmin'] },
  scope: 'area', // as setSettings
  async handle(_input, ctx) {
    const ownerId = settingsOwnerOf(ctx)
    const store = data(ctx)
    if (ownerId !== COUNTY_ID) {
      const [settings, places] = await Promise.all([settingsFor(ctx, ownerId), placesById(ctx, [ownerId])])
      return { placeName: places.get(ownerId)?.name ?? '', level: 'town', settings, townsAdjusted: [] }
    }
    const [county, adjusted, places] = await Promise.all([
      store.partyTemplates.get(partyTemplateIdOf(COUNTY_ID)),
      store.partyTemplates.find({ ownerId: ctx.db.command.neq(COUNTY_ID) }, { limit: TOWNS_MAX }),
      placesById(ctx, [COUNTY_ID])
    ])
    const towns = await placesById(
      ctx,
      adjusted.map(t => t.ownerId)
    )
    return {
      placeName: places.get(COUNTY_ID)?.name ?? '',
      level: 'county',
      settings: county?.settings ?? DEFAULT_PARTY_SETTINGS,
      townsAdjusted: adjusted.map(t => towns.get(t.ownerId)?.name ?? '').filter(name => name !== '')
    }
  }
}

/**
 * The town's party administrator adjusts the county's settings for the town; the county
 * administrator sets the county's.
 */
export const setSettings: Route<'partyTown.setSettings'> = {
  audit: 'partyTown.setSettings',
  access: { who: 'roles', roles: ['townPartyAdmin', 'countyAdmin'] },
  // the town party administrator's town, else the county
  scope: 'area',
  async handle({ settings }, ctx) {
    const problem = settingsProblem(settings)
    if (problem) throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（${problem}）`)
    const { townId } = ctx.scope
    const ownerId = settingsOwnerOf(ctx)
    const id = partyTemplateIdOf(ownerId)
    const existing = await data(ctx).partyTemplates.get(id)
    const place = townId ? await data(ctx).places.get(townId) : null
    await data(ctx).partyTemplates.set({
      _id: id,
      ownerId,
      name: existing?.name ?? `${place?.name ?? ''}党员积分评星设置`,
      settings,
      items: existing?.items ?? [],
      updatedAt: ctx.now()
    })
    ctx.audit.record({ target: id, before: existing?.settings ?? null, after: settings })
    return { settings }
  }
}
