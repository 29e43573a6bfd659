import { AppError } from '../../../core/contract/errors'
import { pointsProblem } from '../../../core/domain/rules'
import { canMoveObjection } from '../../../core/domain/workflow'
import { idFor } from '../../shared/data/ids'
import { transact, Tx } from '../../shared/data/transaction'
import { requestKeyFor } from '../../shared/data/ids'
import { writeMemberAct } from '../services/ledger'
import type { MemberEntryDoc, PartyObjectionDoc } from '../../shared/data/party-documents'
import { toPartyObjectionView } from '../../shared/data/party-views'
import { myMember, officersOnly } from '../services/party'
import type { Route } from '../router/route'
import { checkText } from '../services/content-check'
import { actorName } from '../router/identity'
import { data } from '../../shared/data/store'
import { branchQueue, itemToActOn } from '../services/queues'

/**
 * While a quarter is posted in the branch, a member may object to an entry of theirs; the branch's
 * officers answer. Upheld: the entry is corrected by a new entry (its id fixed by the entry, so it is
 * corrected once); dismissed: it stands.
 */

export const create: Route<'partyObjection.create'> = {
  audit: { none: 'an objection records who raised it; its resolution is audited' },
  access: { who: 'roles', roles: ['partyMember'] },
  scope: 'branch',
  async handle({ entryId, reason }, ctx) {
    const member = await myMember(ctx)
    const entry = await data(ctx).memberEntries.get(entryId)
    if (!entry || entry.memberId !== member._id) throw new AppError('NOT_FOUND', '没有找到这条积分')
    const posting = await data(ctx).partyPostings.get(`${member.branchId}:${entry.quarter}`)
    if (!posting || posting.state !== 'posted' || posting.until <= ctx.now()) throw new AppError('NOT_IN_POSTING')
    await checkText(ctx, reason)
    const doc: PartyObjectionDoc = {
      _id: idFor('partyObjection', entryId, member._id),
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
    if (!(await data(ctx).partyObjections.add(doc))) throw new AppError('ALREADY_OBJECTED')
    return toPartyObjectionView(doc)
  }
}

/**
 * An upheld objection corrects the entry to 0 (cancelled) or to other points its rule allows, as a
 * household's correction does: never past the rule's range (nor its cap, which counts the difference),
 * never to the points it already has.
 */
function checkCorrection(entry: MemberEntryDoc, target: number) {
  if (entry.kind === 'correction') throw new AppError('NOT_CORRECTABLE')
  if (target === entry.points) throw new AppError('NOT_CORRECTABLE', '更正后的分值和原来一样')
  if (target === 0) return
  if (!entry.rule) throw new AppError('NOT_CORRECTABLE')
  const problem = pointsProblem({ ...entry.rule, category: '公益参与', proposers: ['cadre'] }, target)
  if (problem) throw new AppError(problem)
}

export const queue: Route<'partyObjection.queue'> = branchQueue(
  store => store.partyObjections,
  'open',
  toPartyObjectionView
)

export const resolve: Route<'partyObjection.resolve'> = {
  audit: 'partyObjection.resolve',
  access: officersOnly,
  scope: 'branch',
  async handle({ requestId, objectionId, upheld, reply, points }, ctx) {
    const stored = await data(ctx).partyObjections.get(objectionId)
    // no officer resolves an objection about themselves as a member
    const objection = await itemToActOn(ctx, stored, new AppError('NOT_FOUND'), o => ({ memberId: o.memberId }))
    const state = upheld ? ('upheld' as const) : ('dismissed' as const)
    const change = { state, reply, resolvedAt: ctx.now() }
    const move = async (t: Tx) => {
      const fresh = await t.get('partyObjections', objection._id)
      if (!fresh || !canMoveObjection(fresh.state, state)) throw new AppError('STATE_CHANGED')
      await t.update('partyObjections', objection._id, change)
    }
    const facts = { target: objection._id, before: { state: objection.state }, after: change }
    if (upheld) {
      const entry = await data(ctx).memberEntries.get(objection.entryId)
      if (!entry) throw new AppError('NOT_FOUND')
      const target = points ?? 0
      checkCorrection(entry, target)
      await writeMemberAct(ctx, {
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
        audit: ctx.audit.draft(facts),
        alsoInTransaction: move
      })
    } else {
      await transact(ctx, async tx => {
        await move(tx)
        await ctx.audit.inTransaction(tx, facts)
      })
    }
    return toPartyObjectionView({ ...objection, ...change })
  }
}
