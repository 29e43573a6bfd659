import { AppError } from '../../../core/contract/errors'
import type { IssueView } from '../../../core/contract/views'
import { tellIssueReplied } from '../notify'
import { canMoveIssue, DAY_MS, ISSUE_DUE_DAYS, IssueState } from '../../../core/domain/workflow'
import type { UserDoc } from '../identity'
import { checkText } from '../content-check'
import { getDoc } from '../identity'
import { transact, transactionGet } from '../ledger'
import type { HouseholdDoc, IssueDoc } from '../model/documents'
import type { Handler, RouteCtx } from '../router'
import { actorName, grantOf, myHousehold } from '../scope'
import { hashId } from '../ids'

/**
 * 村民说事: a villager raises an issue; the village's cadres (and the grid workers of the household's
 * grid) take it, reply, hand it over and answer; it is closed after the answer, and the villager rates
 * the handling once. Every move is checked against the state read inside its transaction.
 */

const PAGE = 20

export const toIssueView = (i: IssueDoc, now: number): IssueView => ({
  id: i._id,
  category: i.category,
  text: i.text,
  photos: i.photos,
  place: i.place,
  doorPlate: i.doorPlate,
  byName: i.byName,
  state: i.state,
  handlerName: i.handler?.name ?? '',
  replies: i.replies.map(r => ({ byName: r.byName, text: r.text, at: r.at, fromVillager: r.fromVillager })),
  at: i.at,
  overdue: (i.state === 'received' || i.state === 'handling') && now - i.at > ISSUE_DUE_DAYS * DAY_MS,
  rating: i.rating ? { stars: i.rating.stars, word: i.rating.word } : null
})

/** Whether the caller handles this issue's place: a cadre of its village, or a grid worker of its grid. */
const handles = (ctx: RouteCtx, i: Pick<IssueDoc, 'villageId' | 'gridId'>) => {
  if (grantOf(ctx, 'cadre')?.villageId === i.villageId) return true
  const grid = grantOf(ctx, 'gridWorker')
  return !!grid && grid.villageId === i.villageId && grid.gridIds.includes(i.gridId)
}

export const raise: Handler<'issue.raise'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle({ requestId, category, text, photos, place }, ctx) {
    const { householdId, villageId } = myHousehold(ctx)
    const [household] = await Promise.all([
      getDoc<HouseholdDoc>(ctx, 'households', householdId),
      checkText(ctx, text, place)
    ])
    if (!household) throw new AppError('NOT_FOUND')
    const doc: IssueDoc = {
      _id: hashId('i', 24, ctx.openid, requestId),
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
    await ctx.db.collection('issues').add({ data: doc })
    return toIssueView(doc, ctx.now())
  }
}

export const mine: Handler<'issue.mine'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle({ page }, ctx) {
    const { householdId } = myHousehold(ctx)
    const res = (await ctx.db
      .collection('issues')
      .where({ householdId })
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: IssueDoc[] }
    return {
      issues: res.data.slice(0, PAGE).map(i => toIssueView(i, ctx.now())),
      page,
      hasMore: res.data.length > PAGE
    }
  }
}

export const queue: Handler<'issue.queue'> = {
  access: { who: 'roles', roles: ['cadre', 'gridWorker'] },
  async handle({ state, page }, ctx) {
    const _ = ctx.db.command
    const cadre = grantOf(ctx, 'cadre')
    const grid = grantOf(ctx, 'gridWorker')
    const villageId = cadre?.villageId ?? grid!.villageId
    const where: Record<string, unknown> = {
      villageId,
      state: state === 'open' ? _.in(['received', 'handling']) : state
    }
    if (!cadre && grid) where.gridId = _.in(grid.gridIds)
    const res = (await ctx.db
      .collection('issues')
      .where(where)
      .orderBy('at', 'asc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: IssueDoc[] }
    return {
      issues: res.data.slice(0, PAGE).map(i => toIssueView(i, ctx.now())),
      page,
      hasMore: res.data.length > PAGE
    }
  }
}

/** Moves an issue inside a transaction, checking who may and whether its state allows it. */
async function move(
  ctx: RouteCtx,
  issueId: string,
  decide: (i: IssueDoc) => { to: IssueState; patch: Partial<IssueDoc> }
): Promise<IssueDoc> {
  return transact(ctx, async t => {
    const i = await transactionGet<IssueDoc>(t, 'issues', issueId)
    if (!i) throw new AppError('NOT_FOUND', '没有找到这件事')
    const { to, patch } = decide(i)
    if (to !== i.state && !canMoveIssue(i.state, to)) throw new AppError('STATE_CHANGED')
    await t
      .collection('issues')
      .doc(issueId)
      .update({ data: { ...patch, state: to } })
    return { ...i, ...patch, state: to }
  })
}

const mustHandle = (ctx: RouteCtx, i: IssueDoc) => {
  if (!handles(ctx, i)) throw new AppError('FORBIDDEN', '只能办理本村（本网格）的事')
}

export const take: Handler<'issue.take'> = {
  access: { who: 'roles', roles: ['cadre', 'gridWorker'] },
  handle: async ({ issueId }, ctx) =>
    toIssueView(
      await move(ctx, issueId, i => {
        mustHandle(ctx, i)
        if (i.state !== 'received') throw new AppError('STATE_CHANGED')
        return { to: 'handling', patch: { handler: { openid: ctx.openid, name: actorName(ctx) } } }
      }),
      ctx.now()
    )
}

export const reply: Handler<'issue.reply'> = {
  access: { who: 'roles', roles: ['villager', 'cadre', 'gridWorker'] },
  async handle({ issueId, text, answer }, ctx) {
    await checkText(ctx, text)
    let fromVillager = false
    const after = await move(ctx, issueId, i => {
      fromVillager = i.by === ctx.openid || grantOf(ctx, 'villager')?.householdId === i.householdId
      if (!fromVillager) mustHandle(ctx, i)
      if (i.state === 'closed') throw new AppError('STATE_CHANGED')
      if (answer && (fromVillager || i.state !== 'handling'))
        throw new AppError('STATE_CHANGED', '先接手办理，才能答复')
      const replies = [...i.replies, { by: ctx.openid, byName: actorName(ctx), text, at: ctx.now(), fromVillager }]
      return answer
        ? { to: 'answered', patch: { replies, answeredAt: ctx.now() } }
        : { to: i.state, patch: { replies } }
    })
    // the villager who raised it is told of the village's reply
    if (!fromVillager) await tellIssueReplied(ctx, after.by, after.category, text, ctx.now())
    return toIssueView(after, ctx.now())
  }
}

export const handOver: Handler<'issue.handOver'> = {
  access: { who: 'roles', roles: ['cadre', 'gridWorker'] },
  async handle({ issueId, toOpenid }, ctx) {
    const target = await getDoc<UserDoc>(ctx, 'users', toOpenid)
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
      return { to: 'handling', patch: { handler: { openid: toOpenid, name: target!.name } } }
    })
    return toIssueView(after, ctx.now())
  }
}

export const close: Handler<'issue.close'> = {
  access: { who: 'roles', roles: ['villager', 'cadre', 'gridWorker'] },
  handle: async ({ issueId }, ctx) =>
    toIssueView(
      await move(ctx, issueId, i => {
        if (grantOf(ctx, 'villager')?.householdId !== i.householdId) mustHandle(ctx, i)
        return { to: 'closed', patch: { closedAt: ctx.now() } }
      }),
      ctx.now()
    )
}

export const rate: Handler<'issue.rate'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle({ issueId, stars, word }, ctx) {
    await checkText(ctx, word)
    const after = await move(ctx, issueId, i => {
      if (grantOf(ctx, 'villager')?.householdId !== i.householdId) throw new AppError('FORBIDDEN', '只能评价自家的事')
      if (i.rating) throw new AppError('ALREADY_RATED')
      if (i.state !== 'answered' && i.state !== 'closed') throw new AppError('NOT_ANSWERED')
      return { to: i.state, patch: { rating: { stars, word, at: ctx.now() } } }
    })
    return toIssueView(after, ctx.now())
  }
}
