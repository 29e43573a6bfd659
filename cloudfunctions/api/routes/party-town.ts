import { AppError, ERRORS } from '../../../core/contract/errors'
import type { BranchOverview } from '../../../core/contract/party-views'
import { MemberCategory, MEMBER_CATEGORIES, settingsProblem } from '../../../core/domain/party'
import { periodKeys } from '../../../core/domain/period'
import { COUNTY_ID } from '../../../core/domain/roles'
import { DAY_MS } from '../../../core/domain/workflow'
import type { OrgRatingDoc } from '../../shared/data/party-documents'
import { partyTemplateIdOf, settingsFor, toOrgStarsView } from '../services/party'
import { placesById } from '../services/places'
import type { Route, RouteCtx } from '../router/route'
import { actorName } from '../router/identity'
import { data } from '../../shared/data/store'

/**
 * The town's party administrator (镇党委管理员): the town's organisations and branches, members by
 * category, the star distribution, organisations' stars, and who has not been scored this quarter;
 * rating organisations; adjusting the county's settings for the town.
 */

const NOT_SCORED_SHOWN = 200
/** organisations, branches, sheets and ratings of one town and two years read at most */
const PER_TOWN_MAX = 1000

type Counted = { _id: { branchId: string; category: MemberCategory }; n: number }

/** What the overview reads: a handful of queries over the town, none of them over entries. */
async function readTown(ctx: RouteCtx, townId: string, years: string[], quarter: string) {
  const _ = ctx.db.command
  const $ = _.aggregate
  const store = data(ctx)
  return Promise.all([
    store.partyOrgs.find({ townId }, { limit: PER_TOWN_MAX }),
    store.partyMembers.aggregate<Counted>(pipeline =>
      pipeline
        .match({ townId, active: true })
        .group({ _id: { branchId: '$branchId', category: '$category' }, n: $.sum(1) })
        .limit(10000)
    ),
    store.partyMembers.find(
      { townId, active: true, quarterKey: _.neq(quarter) },
      { fields: ['name', 'branchId', 'category'], limit: NOT_SCORED_SHOWN }
    ),
    store.ratingSheets.find({ townId, year: _.in(years) }, { limit: PER_TOWN_MAX }),
    store.orgRatings.find({ townId, year: _.in(years) }, { limit: PER_TOWN_MAX })
  ])
}

export const overview: Route<'partyTown.overview'> = {
  access: { who: 'roles', roles: ['townPartyAdmin'] },
  scope: 'town',
  async handle(_input, ctx) {
    const { townId } = ctx.scope
    const now = ctx.now()
    const keys = periodKeys(now)
    const years = [keys.year, String(Number(keys.year) - 1)]
    const [[orgs, counts, notScored, sheets, orgRatings], settings] = await Promise.all([
      readTown(ctx, townId, years, keys.quarter),
      settingsFor(ctx, townId)
    ])
    const places = await placesById(ctx, [townId, ...orgs.map(o => o.villageId)])
    const newest = <T extends { year: string }>(list: T[]) => list.sort((a, b) => b.year.localeCompare(a.year))[0]
    const branches: BranchOverview[] = orgs
      .filter(o => o.kind === 'branch')
      .map(b => {
        const byCategory = Object.fromEntries(
          MEMBER_CATEGORIES.map(c => [c, counts.find(x => x._id.branchId === b._id && x._id.category === c)?.n ?? 0])
        ) as Record<MemberCategory, number>
        const sheet = newest(sheets.filter(s => s.branchId === b._id))
        const starCounts = [0, 0, 0, 0, 0, 0]
        for (const r of sheet?.rows ?? []) if (!r.exempt) starCounts[r.stars]++
        return {
          branchId: b._id,
          name: b.name,
          villageName: places.get(b.villageId)?.name ?? '',
          members: Object.values(byCategory).reduce((a, n) => a + n, 0),
          byCategory,
          stars: {
            year: sheet?.year ?? keys.year,
            state: sheet?.state ?? null,
            counts: starCounts,
            exempt: sheet?.rows.filter(r => r.exempt).length ?? 0
          },
          notScoredThisQuarter: notScored
            .filter(m => m.branchId === b._id)
            .map(m => ({ memberId: m._id, name: m.name, category: m.category }))
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

/** The town's party administrator adjusts the county's settings for the town; the county administrator sets the county's. */
export const setSettings: Route<'partyTown.setSettings'> = {
  audit: 'partyTown.setSettings',
  access: { who: 'roles', roles: ['townPartyAdmin', 'countyAdmin'] },
  // the town party administrator's town, else the county
  scope: 'area',
  async handle({ settings }, ctx) {
    const problem = settingsProblem(settings)
    if (problem) throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（${problem}）`)
    const { townId } = ctx.scope
    const ownerId = townId ?? COUNTY_ID
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
