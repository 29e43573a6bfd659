import { AppError } from '../../../core/contract/errors'
import type { PartyObjectionView } from '../../../core/contract/party-views'
import { canMoveObjection } from '../../../core/domain/workflow'
import { getDoc } from '../identity'
import { hashId } from '../ids'
import { postToMembers, requestKeyFor, transact, transactionGet } from '../ledger'
import type { MemberEntryDoc, PartyObjectionDoc, QuarterPostingDoc } from '../model/party-documents'
import { myMember, officerBranch, officersOnly } from '../party'
import type { Handler, RouteCtx } from '../router'
import { auditIdFor, auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { actorName } from '../scope'

/**
 * While a quarter is posted in the branch, a member may object to an entry of theirs; the branch's
 * officers answer. Upheld: the entry is corrected by a new entry (its id fixed by the entry, so it is
 * corrected once); dismissed: it stands.
 */

const toView = (o: PartyObjectionDoc): PartyObjectionView => ({
  id: o._id,
  entryId: o.entryId,
  memberName: o.memberName,
  title: o.title,
  points: o.points,
  reason: o.reason,
  state: o.state,
  reply: o.reply,
  at: o.at
})

export const create: Handler<'partyObjection.create'> = {
  access: { who: 'roles', roles: ['partyMember'] },
  async handle({ entryId, reason }, ctx) {
    const member = await myMember(ctx)
    const entry = await getDoc<MemberEntryDoc>(ctx, 'entries', entryId)
    if (!entry || entry.memberId !== member._id) throw new AppError('NOT_FOUND', '没有找到这条积分')
    const posting = await getDoc<QuarterPostingDoc>(ctx, 'partyPostings', `${member.branchId}:${entry.quarter}`)
    if (!posting || posting.state !== 'posted' || posting.until <= ctx.now()) throw new AppError('NOT_IN_POSTING')
    await checkText(ctx, reason)
    const doc: PartyObjectionDoc = {
      _id: hashId('po', 31, entryId, member._id),
      entryId,
      memberId: member._id,
      memberName: member.name,
      branchId: member.branchId,
      villageId: member.villageId,
      title: entry.rule?.title ?? entry.note,
      points: entry.points,
      reason,
      state: 'open',
      reply: '',
      at: ctx.now(),
      resolvedAt: null
    }
    try {
      await ctx.db.collection('partyObjections').add({ data: doc })
    } catch (e: any) {
      if (/duplicate/i.test(String(e?.errMsg ?? e?.message))) throw new AppError('ALREADY_OBJECTED')
      throw e
    }
    return toView(doc)
  }
}

export const queue: Handler<'partyObjection.queue'> = {
  access: officersOnly,
  async handle(_input, ctx) {
    const { branchId } = officerBranch(ctx)
    const res = (await ctx.db
      .collection('partyObjections')
      .where({ branchId, state: 'open' })
      .orderBy('at', 'desc')
      .limit(100)
      .get()) as unknown as { data: PartyObjectionDoc[] }
    return { items: res.data.map(toView) }
  }
}

async function objectionOfBranch(ctx: RouteCtx, objectionId: string) {
  const { branchId, villageId } = officerBranch(ctx)
  const objection = await getDoc<PartyObjectionDoc>(ctx, 'partyObjections', objectionId)
  if (!objection) throw new AppError('NOT_FOUND')
  if (objection.branchId !== branchId) throw new AppError('OTHER_BRANCH')
  return { objection, villageId }
}

export const resolve: Handler<'partyObjection.resolve'> = {
  access: officersOnly,
  async handle({ requestId, objectionId, upheld, reply, points }, ctx) {
    const { objection, villageId } = await objectionOfBranch(ctx, objectionId)
    const state = upheld ? ('upheld' as const) : ('dismissed' as const)
    const change = { state, reply, resolvedAt: ctx.now() }
    const move = async (t: any) => {
      const fresh = await transactionGet<PartyObjectionDoc>(t, 'partyObjections', objection._id)
      if (!fresh || !canMoveObjection(fresh.state, state)) throw new AppError('STATE_CHANGED')
      await t.collection('partyObjections').doc(objection._id).update({ data: change })
    }
    const audit = auditOf(ctx, villageId, 'partyObjection.resolve', objection._id, { state: objection.state }, change)
    if (upheld) {
      const entry = await getDoc<MemberEntryDoc>(ctx, 'entries', objection.entryId)
      if (!entry) throw new AppError('NOT_FOUND')
      if (entry.kind === 'correction') throw new AppError('NOT_CORRECTABLE')
      const target = points ?? 0
      await postToMembers(ctx, {
        actId: `c-${entry._id}`,
        requestKey: requestKeyFor(ctx.openid, requestId),
        kind: 'correction',
        branchId: entry.branchId,
        title: `更正：${entry.rule?.title ?? entry.note}`,
        note: reply,
        evidence: [],
        lines: [
          {
            memberId: entry.memberId,
            id: `c-${entry._id}`,
            kind: 'correction',
            points: target - entry.points,
            rule: entry.rule,
            correctsId: entry._id,
            capAt: entry.at
          }
        ],
        by: ctx.openid,
        byName: actorName(ctx),
        takenError: new AppError('ALREADY_CORRECTED'),
        audit,
        alsoInTransaction: move
      })
    } else {
      await transact(ctx, move)
      await recordAudit(ctx, auditIdFor(ctx, requestId), audit)
    }
    return toView({ ...objection, ...change })
  }
}
