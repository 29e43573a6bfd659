import { capRefusal } from '../../../core/domain/rules'
import { refuseOwnHousehold } from '../conflict'
import { AppError } from '../../../core/contract/errors'
import { periodKeys } from '../../../core/domain/period'
import { mapWithLimit } from '../../shared/limit'
import type { GridLogDoc, HouseholdDoc } from '../../shared/data/documents'
import { idFor } from '../../shared/data/ids'
import { data, listOf } from '../../shared/data/store'
import { toGridLogView, toHouseholdSummary, toPendingView } from '../../shared/data/views'
import { actorName } from '../router/identity'
import { roles, RouteCtx, Routes } from '../router/route'
import { checkText } from '../services/content-check'
import { addPending, pendingOf } from '../services/pending'
import { ruleToScoreBy } from '../services/rules'

/**
 * Grid workers (网格员): the households of their grids, their logs of patrols, visits and activities,
 * and their proposals of points for households (a cadre reviews them: review.*).
 */

/** A grid worker's grids hold a few hundred households. */
const GRID_HOUSEHOLDS_MAX = 1000
const PROPOSAL_PARALLELISM = 10

/** Households of the grid worker's grids, by id; any other id is refused. */
async function householdsOfMyGrids(ctx: RouteCtx<'grid'>, ids: string[]): Promise<HouseholdDoc[]> {
  if (ids.length === 0) return []
  const found = await data(ctx).households.getMany(ids)
  return ids.map(id => {
    const h = found.get(id)
    if (!h) throw new AppError('NOT_FOUND', '没有找到这一户')
    if (h.villageId !== ctx.scope.villageId) throw new AppError('NOT_YOUR_GRID')
    ctx.scope.check(h)
    return h
  })
}

export const gridRoutes = {
  'grid.households': {
    access: roles('gridWorker'),
    scope: 'grid',
    paging: { max: GRID_HOUSEHOLDS_MAX },
    async handle(_input, ctx) {
      const { villageId, gridIds } = ctx.scope
      const households = await data(ctx).households.find(
        { villageId, gridId: ctx.db.command.in(gridIds) },
        { orderBy: [['plateOrder', 'asc']], limit: ctx.paging.size }
      )
      const month = periodKeys(ctx.now()).month
      return { households: households.map(h => toHouseholdSummary(h, month)) }
    }
  },

  'grid.logs': {
    access: roles('gridWorker'),
    scope: 'grid',
    paging: { size: 20 },
    async handle({ type, month }, ctx) {
      const where: Record<string, string> = { by: ctx.openid }
      if (type !== 'all') where.type = type
      if (month !== 'all') where.month = month
      const found = await data(ctx).gridLogs.page(where, [['at', 'desc']], ctx.paging)
      return listOf('logs', found, toGridLogView)
    }
  },

  'grid.createLog': {
    access: roles('gridWorker'),
    scope: 'grid',
    audit: { none: 'the log itself records who wrote it and when' },
    async handle(input, ctx) {
      const [households] = await Promise.all([
        householdsOfMyGrids(ctx, [...new Set(input.householdIds)]),
        checkText(ctx, input.place, input.note)
      ])
      const doc: GridLogDoc = {
        _id: idFor('gridLog', ctx.openid, input.requestId),
        villageId: ctx.scope.villageId,
        type: input.type,
        at: input.at,
        month: periodKeys(input.at).month,
        place: input.place,
        households: households.map(h => ({ id: h._id, doorPlate: h.doorPlate, head: h.head })),
        photos: input.photos,
        note: input.note,
        by: ctx.openid,
        byName: actorName(ctx),
        createdAt: ctx.now()
      }
      await data(ctx).gridLogs.add(doc)
      return toGridLogView(doc)
    }
  },

  'grid.propose': {
    access: roles('gridWorker'),
    scope: 'grid',
    audit: { none: 'a proposal records who made it; the cadre’s review of it is audited' },
    async handle(input, ctx) {
      const ids = [...new Set(input.householdIds)]
      for (const householdId of ids) refuseOwnHousehold(ctx, householdId)
      const [rule, households] = await Promise.all([
        ruleToScoreBy(ctx, ctx.scope.villageId, input.ruleId, input.points, input.evidence, 'gridWorker'),
        householdsOfMyGrids(ctx, ids),
        checkText(ctx, input.description)
      ])
      const overCap = households
        .map(h => ({ h, refusal: capRefusal(h.caps, rule, input.points, ctx.now()) }))
        .find(o => o.refusal)
      if (overCap) throw new AppError('CAP_REACHED', `${overCap.h.doorPlate}：${overCap.refusal}`)
      const items = await mapWithLimit(households, PROPOSAL_PARALLELISM, h =>
        addPending(
          ctx,
          pendingOf(
            ctx,
            'proposal',
            idFor('proposal', ctx.openid, input.requestId, h._id),
            h,
            rule,
            input,
            input.logId ?? null
          )
        )
      )
      return { items: items.map(toPendingView) }
    }
  }
} satisfies Partial<Routes>
