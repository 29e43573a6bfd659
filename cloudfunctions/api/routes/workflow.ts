import { AppError } from '../../../core/contract/errors'
import type { PendingView } from '../../../core/contract/views'
import { periodKeys } from '../../../core/domain/period'
import { capRefusal, pointsProblem, Proposer } from '../../../core/domain/rules'
import { canMovePending } from '../../../core/domain/workflow'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { getDoc } from '../identity'
import { post, requestKeyFor, transact, transactionGet } from '../ledger'
import type { GridLogDoc, HouseholdDoc, PendingDoc, RuleDoc } from '../model/documents'
import { toHouseholdSummary } from '../model/views'
import { mapWithLimit } from '../../shared/limit'
import type { Handler, RouteCtx } from '../router'
import { actorName, cadreVillage, grantOf, myHousehold } from '../scope'
import { snapshotOf } from './scoring'
import { hashId } from '../ids'

/**
 * Grid workers' logs and proposals, villagers' claims, and the cadre's review. A claim or proposal is
 * a pending entry: it counts in no balance until a cadre approves it, which posts it to the ledger in
 * the same transaction that moves it to approved, so it is resolved exactly once.
 */

const PAGE = 20

const toPendingView = (p: PendingDoc): PendingView => ({
  id: p._id,
  kind: p.kind,
  state: p.state,
  householdId: p.householdId,
  doorPlate: p.doorPlate,
  head: p.head,
  ruleTitle: p.rule.title,
  category: p.rule.category,
  points: p.points,
  range: p.rule.points,
  description: p.description,
  evidence: p.evidence,
  byName: p.byName,
  at: p.at,
  ...(p.resolvedByName ? { resolvedByName: p.resolvedByName } : {}),
  ...(p.reason ? { reason: p.reason } : {}),
  ...(p.approvedPoints !== null ? { approvedPoints: p.approvedPoints } : {})
})

/** The rule a grid worker or villager asks points by: of their village, active, open to their role. */
async function ruleFor(
  ctx: RouteCtx,
  villageId: string,
  ruleId: string,
  points: number,
  evidence: string[],
  as: Proposer
) {
  const rule = await getDoc<RuleDoc>(ctx, 'rules', ruleId)
  if (!rule) throw new AppError('NOT_FOUND', '没有找到这条细则')
  if (rule.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
  if (!rule.active) throw new AppError('RULE_RETIRED')
  if (!rule.proposers.includes(as)) throw new AppError('RULE_NOT_ALLOWED')
  const problem = pointsProblem(rule, points)
  if (problem) throw new AppError(problem)
  if (rule.evidenceRequired && evidence.length === 0) throw new AppError('EVIDENCE_REQUIRED')
  return snapshotOf(rule)
}

function gridWorker(ctx: RouteCtx) {
  const grant = grantOf(ctx, 'gridWorker')
  if (!grant) throw new AppError('FORBIDDEN')
  return grant
}

/** Households of the grid worker's grids, by id; any other id is refused. */
async function householdsOfMyGrids(ctx: RouteCtx, ids: string[]): Promise<HouseholdDoc[]> {
  const grant = gridWorker(ctx)
  if (ids.length === 0) return []
  const _ = ctx.db.command
  const res = (await ctx.db
    .collection('households')
    .where({ _id: _.in(ids) })
    .limit(ids.length)
    .get()) as unknown as { data: HouseholdDoc[] }
  const found = new Map(res.data.map(h => [h._id, h]))
  for (const id of ids) {
    const h = found.get(id)
    if (!h) throw new AppError('NOT_FOUND', '没有找到这一户')
    if (h.villageId !== grant.villageId || !grant.gridIds.includes(h.gridId)) throw new AppError('NOT_YOUR_GRID')
  }
  return ids.map(id => found.get(id)!)
}

export const gridHouseholds: Handler<'grid.households'> = {
  access: { who: 'roles', roles: ['gridWorker'] },
  async handle(_input, ctx) {
    const grant = gridWorker(ctx)
    const _ = ctx.db.command
    const res = (await ctx.db
      .collection('households')
      .where({ villageId: grant.villageId, gridId: _.in(grant.gridIds) })
      .orderBy('plateOrder', 'asc')
      .limit(1000)
      .get()) as unknown as { data: HouseholdDoc[] }
    const month = periodKeys(ctx.now()).month
    return { households: res.data.map(h => toHouseholdSummary(h, month)) }
  }
}

const toLogView = (l: GridLogDoc) => ({
  id: l._id,
  type: l.type,
  at: l.at,
  place: l.place,
  households: l.households,
  photos: l.photos,
  note: l.note
})

export const logs: Handler<'grid.logs'> = {
  access: { who: 'roles', roles: ['gridWorker'] },
  async handle({ type, month, page }, ctx) {
    const where: Record<string, string> = { by: ctx.openid }
    if (type !== 'all') where.type = type
    if (month !== 'all') where.month = month
    const res = (await ctx.db
      .collection('gridLogs')
      .where(where)
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: GridLogDoc[] }
    return { logs: res.data.slice(0, PAGE).map(toLogView), page, hasMore: res.data.length > PAGE }
  }
}

export const createLog: Handler<'grid.createLog'> = {
  access: { who: 'roles', roles: ['gridWorker'] },
  async handle(input, ctx) {
    const grant = gridWorker(ctx)
    const [households] = await Promise.all([
      householdsOfMyGrids(ctx, [...new Set(input.householdIds)]),
      checkText(ctx, input.place, input.note)
    ])
    const doc: GridLogDoc = {
      _id: hashId('log-', 24, ctx.openid, input.requestId),
      villageId: grant.villageId,
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
    await ctx.db.collection('gridLogs').add({ data: doc })
    return toLogView(doc)
  }
}

function pendingOf(
  ctx: RouteCtx,
  kind: PendingDoc['kind'],
  id: string,
  h: HouseholdDoc,
  rule: PendingDoc['rule'],
  input: { points: number; description: string; evidence: string[] },
  logId: string | null
): PendingDoc {
  return {
    _id: id,
    kind,
    state: 'pending',
    householdId: h._id,
    villageId: h.villageId,
    doorPlate: h.doorPlate,
    head: h.head,
    rule,
    points: input.points,
    description: input.description,
    evidence: input.evidence,
    logId,
    by: ctx.openid,
    byName: actorName(ctx),
    at: ctx.now(),
    resolvedAt: null,
    resolvedBy: null,
    resolvedByName: null,
    reason: null,
    approvedPoints: null,
    entryId: null
  }
}

/** Adds a pending entry; a retry (same id) finds the first one. */
async function addPending(ctx: RouteCtx, doc: PendingDoc): Promise<PendingDoc> {
  try {
    await ctx.db.collection('pending').add({ data: doc })
    return doc
  } catch (e) {
    const earlier = await getDoc<PendingDoc>(ctx, 'pending', doc._id)
    if (earlier && earlier.by === doc.by) return earlier
    throw e
  }
}

export const propose: Handler<'grid.propose'> = {
  access: { who: 'roles', roles: ['gridWorker'] },
  async handle(input, ctx) {
    const grant = gridWorker(ctx)
    const ids = [...new Set(input.householdIds)]
    const [rule, households] = await Promise.all([
      ruleFor(ctx, grant.villageId, input.ruleId, input.points, input.evidence, 'gridWorker'),
      householdsOfMyGrids(ctx, ids),
      checkText(ctx, input.description)
    ])
    const overCap = households
      .map(h => ({ h, refusal: capRefusal(h.caps, rule, input.points, ctx.now()) }))
      .find(o => o.refusal)
    if (overCap) throw new AppError('CAP_REACHED', `${overCap.h.doorPlate}：${overCap.refusal}`)
    const items = await mapWithLimit(households, 10, h =>
      addPending(
        ctx,
        pendingOf(
          ctx,
          'proposal',
          hashId('p-', 24, ctx.openid, input.requestId, h._id),
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

export const claim: Handler<'claim.create'> = {
  access: { who: 'roles', roles: ['villager'] },
  async handle(input, ctx) {
    const { householdId, villageId } = myHousehold(ctx)
    const [rule, household] = await Promise.all([
      ruleFor(ctx, villageId, input.ruleId, input.points, input.evidence, 'villager'),
      getDoc<HouseholdDoc>(ctx, 'households', householdId),
      checkText(ctx, input.description)
    ])
    if (!household) throw new AppError('NOT_FOUND')
    // refused now rather than accepted and then impossible to approve
    const overCap = capRefusal(household.caps, rule, input.points, ctx.now())
    if (overCap) throw new AppError('CAP_REACHED', overCap)
    return toPendingView(
      await addPending(
        ctx,
        pendingOf(ctx, 'claim', hashId('c-', 24, ctx.openid, input.requestId), household, rule, input, null)
      )
    )
  }
}

export const mine: Handler<'pending.mine'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker'] },
  async handle({ page }, ctx) {
    const res = (await ctx.db
      .collection('pending')
      .where({ by: ctx.openid })
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: PendingDoc[] }
    return { items: res.data.slice(0, PAGE).map(toPendingView), page, hasMore: res.data.length > PAGE }
  }
}

/** Moves a pending entry inside a transaction, if the state it is in allows it. */
async function resolve(
  ctx: RouteCtx,
  pendingId: string,
  check: (p: PendingDoc) => void,
  change: Partial<PendingDoc>
): Promise<PendingDoc> {
  return transact(ctx, async t => {
    const p = await transactionGet<PendingDoc>(t, 'pending', pendingId)
    if (!p) throw new AppError('NOT_FOUND', '没有找到这条申报')
    check(p)
    if (!change.state || !canMovePending(p.state, change.state)) throw new AppError('STATE_CHANGED')
    await t.collection('pending').doc(pendingId).update({ data: change })
    return { ...p, ...change }
  })
}

export const withdraw: Handler<'pending.withdraw'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker'] },
  async handle({ pendingId }, ctx) {
    const done = await resolve(
      ctx,
      pendingId,
      p => {
        if (p.by !== ctx.openid) throw new AppError('FORBIDDEN', '只能撤回自己提出的')
      },
      { state: 'withdrawn', resolvedAt: ctx.now(), resolvedBy: ctx.openid, resolvedByName: actorName(ctx) }
    )
    return toPendingView(done)
  }
}

export const queue: Handler<'review.queue'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ page }, ctx) {
    const villageId = cadreVillage(ctx)
    const res = (await ctx.db
      .collection('pending')
      .where({ villageId, state: 'pending' })
      .orderBy('at', 'desc')
      .skip((page - 1) * PAGE)
      .limit(PAGE + 1)
      .get()) as unknown as { data: PendingDoc[] }
    return { items: res.data.slice(0, PAGE).map(toPendingView), page, hasMore: res.data.length > PAGE }
  }
}

/** A reviewer never reviews what they proposed themselves (a cadre who is also a villager, say). */
const notMine = (ctx: RouteCtx, p: PendingDoc) => {
  if (p.by === ctx.openid) throw new AppError('SELF_REVIEW')
}

export const approve: Handler<'review.approve'> = {
  access: { who: 'roles', roles: ['cadre'] },
  ownIdempotency: true,
  async handle(input, ctx) {
    const villageId = cadreVillage(ctx)
    const pending = await getDoc<PendingDoc>(ctx, 'pending', input.pendingId)
    if (!pending) throw new AppError('NOT_FOUND', '没有找到这条申报')
    if (pending.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
    notMine(ctx, pending)
    const points = input.points ?? pending.points
    const problem = pointsProblem(pending.rule, points)
    if (problem) throw new AppError(problem)
    const change: Partial<PendingDoc> = {
      state: 'approved',
      resolvedAt: ctx.now(),
      resolvedBy: ctx.openid,
      resolvedByName: actorName(ctx),
      approvedPoints: points,
      entryId: `ap-${pending._id}`
    }
    // the entry's id is fixed by the pending entry: however many cadres press, it is posted once
    const posted = await post(ctx, {
      id: `ap-${pending._id}`,
      requestKey: requestKeyFor(ctx.openid, input.requestId),
      takenError: new AppError('STATE_CHANGED'),
      householdId: pending.householdId,
      villageId,
      kind: points < 0 ? 'deduction' : 'award',
      points,
      rule: pending.rule,
      note: pending.description,
      evidence: pending.evidence,
      by: ctx.openid,
      byName: actorName(ctx),
      posted: true,
      audit: auditOf(
        ctx,
        villageId,
        'review.approve',
        pending.householdId,
        { state: 'pending', points: pending.points, by: pending.byName },
        { state: 'approved', points }
      ),
      async alsoInTransaction(t) {
        const now = await transactionGet<PendingDoc>(t, 'pending', pending._id)
        if (!now || !canMovePending(now.state, 'approved')) throw new AppError('STATE_CHANGED')
        await t.collection('pending').doc(pending._id).update({ data: change })
      }
    })
    return { item: toPendingView({ ...pending, ...change }), entry: posted.entry }
  }
}

export const reject: Handler<'review.reject'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle({ requestId, pendingId, reason }, ctx) {
    const villageId = cadreVillage(ctx)
    await checkText(ctx, reason)
    const done = await resolve(
      ctx,
      pendingId,
      p => {
        if (p.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
        notMine(ctx, p)
      },
      { state: 'rejected', resolvedAt: ctx.now(), resolvedBy: ctx.openid, resolvedByName: actorName(ctx), reason }
    )
    await recordAudit(
      ctx,
      auditIdFor(ctx, requestId),
      auditOf(
        ctx,
        villageId,
        'review.reject',
        done.householdId,
        { state: 'pending', points: done.points, by: done.byName },
        { state: 'rejected', reason }
      )
    )
    return toPendingView(done)
  }
}
