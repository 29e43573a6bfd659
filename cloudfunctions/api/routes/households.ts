import { AppError } from '../../../core/contract/errors'
import { periodKeys } from '../../../core/domain/period'
import { starLevel } from '../../../core/domain/stars'
import { getDoc } from '../identity'
import type { EntryDoc, GrantDoc, HouseholdDoc, JoinCodeDoc } from '../model/documents'
import { toEntryView, toHouseholdSummary } from '../model/views'
import { childPlaces } from '../places'
import type { Handler } from '../router'
import { cadreVillage } from '../scope'

/** A cadre finds households of their village and opens one. */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const search: Handler<'cadre.households'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ query, page, pageSize }, ctx) {
    const villageId = cadreVillage(ctx)
    const _ = ctx.db.command
    const pattern = query ? ctx.db.RegExp({ regexp: escapeRegExp(query), options: 'i' }) : null
    const where = pattern ? _.and([{ villageId }, _.or([{ doorPlate: pattern }, { head: pattern }])]) : { villageId }
    const [res, places] = await Promise.all([
      ctx.db
        .collection('households')
        .where(where)
        .orderBy('doorPlate', 'asc')
        .skip((page - 1) * pageSize)
        .limit(pageSize + 1)
        .get() as unknown as Promise<{ data: HouseholdDoc[] }>,
      childPlaces(ctx, [villageId])
    ])
    const names = new Map(places.map(p => [p._id, p.name]))
    const month = periodKeys(ctx.now()).month
    return {
      households: res.data.slice(0, pageSize).map(h => toHouseholdSummary(h, month, names.get(h.groupId) ?? '')),
      page,
      hasMore: res.data.length > pageSize
    }
  }
}

export const detail: Handler<'cadre.household'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ householdId }, ctx) {
    const villageId = cadreVillage(ctx)
    const [household, entries, grants, codes] = await Promise.all([
      getDoc<HouseholdDoc>(ctx, 'households', householdId),
      ctx.db.collection('entries').where({ householdId }).orderBy('at', 'desc').limit(20).get() as unknown as Promise<{ data: EntryDoc[] }>,
      ctx.db.collection('grants').where({ householdId }).limit(20).get() as unknown as Promise<{ data: GrantDoc[] }>,
      ctx.db.collection('joinCodes').where({ householdId }).limit(20).get() as unknown as Promise<{ data: JoinCodeDoc[] }>
    ])
    // the reads ran in parallel; nothing of another village's household leaves this function
    if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
    if (household.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
    const now = ctx.now()
    return {
      summary: toHouseholdSummary(household, periodKeys(now).month),
      members: household.members,
      stars: starLevel(household.earned, household.village.starThresholds),
      entries: entries.data.map(toEntryView),
      bindings: grants.data.map(g => ({ openid: g.openid, name: g.name, at: g.at })),
      joinCodes: codes.data
        .filter(c => !c.revoked && c.expiresAt > now)
        .map(c => ({ code: c._id, householdId: c.householdId, expiresAt: c.expiresAt, revoked: c.revoked }))
    }
  }
}
