import { AppError, ERRORS } from '../../../core/contract/errors'
import type { BranchOverview, OrgStarsView } from '../../../core/contract/party-views'
import { MemberCategory, MEMBER_CATEGORIES, settingsProblem } from '../../../core/domain/party'
import { periodKeys } from '../../../core/domain/period'
import { COUNTY_ID } from '../../../core/domain/roles'
import { DAY_MS } from '../../../core/domain/workflow'
import type {} from '../../shared/data/documents'
import type { MemberDoc, OrgRatingDoc, PartyOrgDoc, RatingSheetDoc } from '../../shared/data/party-documents'
import { partyTemplateIdOf, settingsFor, townOf } from '../services/party'
import { placesById } from '../services/places'
import type { Route, RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'
import { actorName } from '../router/identity'
import { data } from '../../shared/data/store'

/**
 * The town's party administrator (镇党委管理员): the town's organisations and branches, members by
 * category, the star distribution, organisations' stars, and who has not been scored this quarter;
 * rating organisations; adjusting the county's settings for the town.
 */

const NOT_SCORED_SHOWN = 200

export const toOrgStarsView = (r: OrgRatingDoc, kind: PartyOrgDoc['kind'], now: number): OrgStarsView => ({
  orgId: r.orgId,
  orgName: r.orgName,
  kind,
  year: r.year,
  stars: r.stars,
  reason: r.reason,
  state: r.state === 'posted' && r.until <= now ? 'final' : r.state,
  until: r.until
})

type Counted = { _id: { branchId: string; category: MemberCategory }; n: number }

/** What the overview reads: a handful of queries over the town, none of them over entries. */
async function readTown(ctx: RouteCtx, townId: string, years: string[], quarter: string) {
  const _ = ctx.db.command
  const $ = _.aggregate
  return Promise.all([
    ctx.db.collection('partyOrgs').where({ townId }).limit(1000).get() as unknown as Promise<{ data: PartyOrgDoc[] }>,
    ctx.db
      .collection('partyMembers')
      .aggregate()
      .match({ townId, active: true })
      .group({ _id: { branchId: '$branchId', category: '$category' }, n: $.sum(1) })
      .limit(10000)
      .end() as unknown as Promise<{ list: Counted[] }>,
    ctx.db
      .collection('partyMembers')
      .where({ townId, active: true, quarterKey: _.neq(quarter) })
      .field({ name: true, branchId: true, category: true })
      .limit(NOT_SCORED_SHOWN)
      .get() as unknown as Promise<{ data: Pick<MemberDoc, '_id' | 'name' | 'branchId' | 'category'>[] }>,
    ctx.db
      .collection('ratingSheets')
      .where({ townId, year: _.in(years) })
      .limit(1000)
      .get() as unknown as Promise<{ data: RatingSheetDoc[] }>,
    ctx.db
      .collection('orgRatings')
      .where({ townId, year: _.in(years) })
      .limit(1000)
      .get() as unknown as Promise<{ data: OrgRatingDoc[] }>
  ])
}

export const overview: Route<'partyTown.overview'> = {
  access: { who: 'roles', roles: ['townPartyAdmin'] },
  scope: 'own',
  async handle(_input, ctx) {
    const townId = townOf(ctx)
    const now = ctx.now()
    const keys = periodKeys(now)
    const years = [keys.year, String(Number(keys.year) - 1)]
    const [[orgs, counts, notScored, sheets, orgRatings], settings] = await Promise.all([
      readTown(ctx, townId, years, keys.quarter),
      settingsFor(ctx, townId)
    ])
    const places = await placesById(ctx, [townId, ...orgs.data.map(o => o.villageId)])
    const newest = <T extends { year: string }>(list: T[]) => list.sort((a, b) => b.year.localeCompare(a.year))[0]
    const branches: BranchOverview[] = orgs.data
      .filter(o => o.kind === 'branch')
      .map(b => {
        const byCategory = Object.fromEntries(
          MEMBER_CATEGORIES.map(c => [
            c,
            counts.list.find(x => x._id.branchId === b._id && x._id.category === c)?.n ?? 0
          ])
        ) as Record<MemberCategory, number>
        const sheet = newest(sheets.data.filter(s => s.branchId === b._id))
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
          notScoredThisQuarter: notScored.data
            .filter(m => m.branchId === b._id)
            .map(m => ({ memberId: m._id, name: m.name, category: m.category }))
        }
      })
    const kindOf = new Map(orgs.data.map(o => [o._id, o.kind]))
    return {
      townName: places.get(townId)?.name ?? '',
      year: keys.year,
      quarter: keys.quarter,
      orgs: orgs.data
        .filter(o => o.parentId === null)
        .map(o => {
          const rating = newest(orgRatings.data.filter(r => r.orgId === o._id))
          return {
            orgId: o._id,
            name: o.name,
            kind: o.kind,
            villageName: places.get(o.villageId)?.name ?? '',
            stars: rating ? toOrgStarsView(rating, kindOf.get(o._id) ?? o.kind, now) : null
          }
        }),
      branches,
      sheetsToPost: sheets.data
        .filter(s => s.state === 'confirmed')
        .map(s => ({ branchId: s.branchId, branchName: s.branchName, year: s.year })),
      settings
    }
  }
}

export const rateOrg: Route<'partyTown.rateOrg'> = {
  audit: 'partyTown.rateOrg',
  access: { who: 'roles', roles: ['townPartyAdmin'] },
  scope: 'own',
  async handle({ orgId, year, stars, reason }, ctx) {
    const townId = townOf(ctx)
    const org = await data(ctx).partyOrgs.get(orgId)
    if (!org || org.parentId !== null) throw new AppError('NOT_FOUND', '没有找到这个党组织')
    if (org.townId !== townId) throw new AppError('FORBIDDEN')
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
    ctx.audit.record({ placeId: townId, target: orgId, before: null, after: { year, stars, reason } })
    return toOrgStarsView(doc, org.kind, ctx.now())
  }
}

/** The town's party administrator adjusts the county's settings for the town; the county administrator sets the county's. */
export const setSettings: Route<'partyTown.setSettings'> = {
  audit: 'partyTown.setSettings',
  access: { who: 'roles', roles: ['townPartyAdmin', 'countyAdmin'] },
  scope: 'own',
  async handle({ settings }, ctx) {
    const problem = settingsProblem(settings)
    if (problem) throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（${problem}）`)
    const town = grantOf(ctx.identity, 'townPartyAdmin')
    const ownerId = town ? town.townId : COUNTY_ID
    const id = partyTemplateIdOf(ownerId)
    const existing = await data(ctx).partyTemplates.get(id)
    const place = town ? await data(ctx).places.get(ownerId) : null
    const fields = {
      ownerId,
      name: existing?.name ?? `${place?.name ?? ''}党员积分评星设置`,
      settings,
      items: existing?.items ?? [],
      updatedAt: ctx.now()
    }
    await data(ctx).partyTemplates.set({ _id: id, ...fields })
    ctx.audit.record({ placeId: ownerId, target: id, before: existing?.settings ?? null, after: settings })
    return { settings }
  }
}
