import { AppError } from '../../../core/contract/errors'
import { periodKeys } from '../../../core/domain/period'
import { starLevel } from '../../../core/domain/stars'
import { data, listOf } from '../../shared/data/store'
import { toEntryView, toHouseholdSummary } from '../../shared/data/views'
import { roles, Routes } from '../router/route'
import { headUserOf } from '../services/household-head'
import { childPlaces } from '../services/places'

/** A cadre finds households of their village and opens one. */

/** What the household page shows of a household's latest entries, bindings and join codes. */
const HOUSEHOLD_PAGE_ROWS = 20

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const cadreRoutes = {
  'cadre.households': {
    access: roles('cadre'),
    scope: 'village',
    paging: { size: 30 },
    async handle({ query }, ctx) {
      const { villageId } = ctx.scope
      const _ = ctx.db.command
      const pattern = query ? ctx.db.RegExp({ regexp: escapeRegExp(query), options: 'i' }) : null
      const where = pattern ? _.and([{ villageId }, _.or([{ doorPlate: pattern }, { head: pattern }])]) : { villageId }
      const [found, places] = await Promise.all([
        data(ctx).households.page(where, [['plateOrder', 'asc']], ctx.paging),
        childPlaces(ctx, [villageId])
      ])
      const names = new Map(places.map(p => [p._id, p.name]))
      const month = periodKeys(ctx.now()).month
      return {
        ...listOf('households', found, h => toHouseholdSummary(h, month, names.get(h.groupId) ?? '')),
        places: places.map(p => ({ id: p._id, name: p.name, kind: p.kind }))
      }
    }
  },

  'cadre.household': {
    access: roles('cadre'),
    scope: 'village',
    async handle({ householdId }, ctx) {
      const { villageId } = ctx.scope
      const store = data(ctx)
      const [household, entries, grants, codes, places] = await Promise.all([
        store.households.get(householdId),
        store.entries.find({ householdId }, { orderBy: [['at', 'desc']], limit: HOUSEHOLD_PAGE_ROWS }),
        store.grants.find({ householdId }, { limit: HOUSEHOLD_PAGE_ROWS }),
        store.joinCodes.find({ householdId }, { limit: HOUSEHOLD_PAGE_ROWS }),
        childPlaces(ctx, [villageId])
      ])
      // the reads ran in parallel; nothing of another village's household leaves this function
      if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
      ctx.scope.check(household)
      const headUser = await headUserOf(ctx, household)
      const now = ctx.now()
      return {
        summary: toHouseholdSummary(
          household,
          periodKeys(now).month,
          places.find(p => p._id === household.groupId)?.name ?? ''
        ),
        groupId: household.groupId,
        gridId: household.gridId,
        places: places.map(p => ({ id: p._id, name: p.name, kind: p.kind })),
        members: household.members,
        stars: starLevel(household.earned, household.village.starThresholds),
        entries: entries.map(toEntryView),
        bindings: grants.map(g => ({ openid: g.openid, name: g.name, at: g.at, head: g.openid === headUser })),
        joinCodes: codes
          .filter(c => !c.revoked && c.expiresAt > now)
          .map(c => ({ code: c._id, householdId: c.householdId, expiresAt: c.expiresAt, revoked: c.revoked }))
      }
    }
  }
} satisfies Partial<Routes>
