import { AppError } from '../../../core/contract/errors'
import { canMoveIssue, IssueState } from '../../../core/domain/workflow'
import type { IssueDoc } from '../../shared/data/documents'
import { idFor } from '../../shared/data/ids'
import { data, listOf } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import { toIssueView } from '../../shared/data/views'
import { actorName, Identity } from '../router/identity'
import { grantOf } from '../router/scope'
import { roles, RouteCtx, Routes } from '../router/route'
import { checkText } from '../services/content-check'
import { tellIssueReplied } from '../services/notify'

/**
 * 村民说事: a villager raises an issue; the village's cadres (and the grid workers of the household's
 * grid) take it, reply, hand it over and answer; it is closed after the answer, and the villager rates
 * the handling once. Every move is checked against the state read inside its transaction, and the
 * handlers' moves are audited in the same transaction.
 */

const handlers = roles('cadre', 'gridWorker')

/** Whether the caller handles this issue's place: a cadre of its village, or a grid worker of its grid. */
const handles = (identity: Identity, i: Pick<IssueDoc, 'villageId' | 'gridId'>) => {
  if (grantOf(identity, 'cadre')?.villageId === i.villageId) return true
  const grid = grantOf(identity, 'gridWorker')
  return !!grid && grid.villageId === i.villageId && grid.gridIds.includes(i.gridId)
}

const mustHandle = (ctx: RouteCtx, i: IssueDoc) => {
  if (!handles(ctx.identity, i)) throw new AppError('FORBIDDEN', '只能办理本村（本网格）的事')
}

const isVillagerOf = (ctx: RouteCtx, i: IssueDoc) =>
  i.by === ctx.openid || grantOf(ctx.identity, 'villager')?.householdId === i.householdId

/**
 * Moves an issue inside a transaction, checking who may and whether its state allows it; `audited`
 * acts (a handler's) write their audit record in the same transaction.
 */
async function move(
  ctx: RouteCtx,
  issueId: string,
  decide: (i: IssueDoc) => { to: IssueState; patch: Partial<IssueDoc>; audited: boolean }
): Promise<IssueDoc> {
  return transact(ctx, async tx => {
    const i = await tx.get('issues', issueId)
    if (!i) throw new AppError('NOT_FOUND', '没有找到这件事')
    const { to, patch, audited } = decide(i)
    if (to !== i.state && !canMoveIssue(i.state, to)) throw new AppError('STATE_CHANGED')
    await tx.update('issues', issueId, { ...patch, state: to })
    if (audited)
      await ctx.audit.inTransaction(tx, {
        target: `${i.doorPlate} ${i.category}`,
        before: { state: i.state },
        after: { state: to },
        placeId: i.villageId
      })
    return { ...i, ...patch, state: to }
  })
}

export const issueRoutes = {
  'issue.raise': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'the issue records who raised it; its handling is audited' },
    async handle({ requestId, category, text, photos, place }, ctx) {
      const { householdId, villageId } = ctx.scope
      const [household] = await Promise.all([data(ctx).households.get(householdId), checkText(ctx, text, place)])
      if (!household) throw new AppError('NOT_FOUND')
      const doc: IssueDoc = {
        _id: idFor('issue', ctx.openid, requestId),
        villageId,
        householdId,
        gridId: household.gridId,
        doorPlate: household.doorPlate,
        category,
        text,
        photos,
        place,
        by: ctx.openid,
        byName: actorName(ctx),
        state: 'received',
        handler: null,
        replies: [],
        at: ctx.now(),
        answeredAt: null,
        closedAt: null,
        rating: null
      }
      await data(ctx).issues.add(doc)
      return toIssueView(doc, ctx.now())
    }
  },

  'issue.mine': {
    access: roles('villager'),
    scope: 'household',
    paging: { size: 20 },
    async handle(_input, ctx) {
      const where = { householdId: ctx.scope.householdId }
      const found = await data(ctx).issues.page(where, [['at', 'desc']], ctx.paging)
      return listOf('issues', found, i => toIssueView(i, ctx.now()))
    }
  },

  'issue.queue': {
    access: handlers,
    scope: 'village',
    paging: { size: 20 },
    async handle({ state }, ctx) {
      const _ = ctx.db.command
      const grid = grantOf(ctx.identity, 'gridWorker')
      const asCadre = grantOf(ctx.identity, 'cadre')?.villageId === ctx.scope.villageId
      const where: Record<string, unknown> = {
        villageId: ctx.scope.villageId,
        state: state === 'open' ? _.in(['received', 'handling']) : state
      }
      if (!asCadre && grid) where.gridId = _.in(grid.gridIds)
      const found = await data(ctx).issues.page(where, [['at', 'asc']], ctx.paging)
      return listOf('issues', found, i => toIssueView(i, ctx.now()))
    }
  },

  'issue.take': {
    access: handlers,
    scope: 'village',
    audit: 'issue.take',
    handle: async ({ issueId }, ctx) =>
      toIssueView(
        await move(ctx, issueId, i => {
          mustHandle(ctx, i)
          if (i.state !== 'received') throw new AppError('STATE_CHANGED')
          return { to: 'handling', patch: { handler: { openid: ctx.openid, name: actorName(ctx) } }, audited: true }
        }),
        ctx.now()
      )
  },

  /** A reply; `answer` makes it the answer (handling → answered); a villager's reply is a follow-up. */
  'issue.reply': {
    access: roles('villager', 'cadre', 'gridWorker'),
    scope: 'village',
    audit: 'issue.reply',
    async handle({ issueId, text, answer }, ctx) {
      await checkText(ctx, text)
      let fromVillager = false
      const after = await move(ctx, issueId, i => {
        fromVillager = isVillagerOf(ctx, i)
        if (!fromVillager) mustHandle(ctx, i)
        if (i.state === 'closed') throw new AppError('STATE_CHANGED')
        if (answer && (fromVillager || i.state !== 'handling'))
          throw new AppError('STATE_CHANGED', '先接手办理，才能答复')
        const replies = [...i.replies, { by: ctx.openid, byName: actorName(ctx), text, at: ctx.now(), fromVillager }]
        return answer
          ? { to: 'answered', patch: { replies, answeredAt: ctx.now() }, audited: true }
          : { to: i.state, patch: { replies }, audited: !fromVillager }
      })
      // the villager who raised it is told of the village's reply
      if (!fromVillager) await tellIssueReplied(ctx, after.by, after.category, text, ctx.now())
      return toIssueView(after, ctx.now())
    }
  },

  'issue.handOver': {
    access: handlers,
    scope: 'village',
    audit: 'issue.handOver',
    async handle({ issueId, toOpenid }, ctx) {
      const target = await data(ctx).users.get(toOpenid)
      const after = await move(ctx, issueId, i => {
        mustHandle(ctx, i)
        const targetHandles =
          !!target &&
          target.roles.some(
            r =>
              (r.role === 'cadre' && r.villageId === i.villageId) ||
              (r.role === 'gridWorker' && r.villageId === i.villageId && r.gridIds.includes(i.gridId))
          )
        if (!targetHandles) throw new AppError('FORBIDDEN', '只能转给本村的村干部或这户的网格员')
        if (i.state !== 'handling') throw new AppError('STATE_CHANGED')
        return { to: 'handling', patch: { handler: { openid: toOpenid, name: target!.name } }, audited: true }
      })
      return toIssueView(after, ctx.now())
    }
  },

  'issue.close': {
    access: roles('villager', 'cadre', 'gridWorker'),
    scope: 'village',
    audit: 'issue.close',
    handle: async ({ issueId }, ctx) =>
      toIssueView(
        await move(ctx, issueId, i => {
          const byVillager = grantOf(ctx.identity, 'villager')?.householdId === i.householdId
          if (!byVillager) mustHandle(ctx, i)
          return { to: 'closed', patch: { closedAt: ctx.now() }, audited: true }
        }),
        ctx.now()
      )
  },

  'issue.rate': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'the rating is stored on the issue with its time' },
    async handle({ issueId, stars, word }, ctx) {
      await checkText(ctx, word)
      const after = await move(ctx, issueId, i => {
        if (ctx.scope.householdId !== i.householdId) throw new AppError('FORBIDDEN', '只能评价自家的事')
        if (i.rating) throw new AppError('ALREADY_RATED')
        if (i.state !== 'answered' && i.state !== 'closed') throw new AppError('NOT_ANSWERED')
        return { to: i.state, patch: { rating: { stars, word, at: ctx.now() } }, audited: false }
      })
      return toIssueView(after, ctx.now())
    }
  }
} satisfies Partial<Routes>
