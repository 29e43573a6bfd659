import { AppError } from '../../../core/contract/errors'
import { canMoveObjection, canMovePosting } from '../../../core/domain/workflow'
import type { ObjectionDoc } from '../../shared/data/documents'
import { idFor } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { transact, Tx } from '../../shared/data/transaction'
import { toObjectionView } from '../../shared/data/views'
import { actorName } from '../router/identity'
import { roles, Routes } from '../router/route'
import { checkText } from '../services/content-check'
import { correctEntry } from '../services/corrections'
import { itemToActOn, villageQueue } from '../services/queues'

/**
 * Objections (异议) to entries in the public posting. An upheld objection corrects the entry by a new
 * entry; a dismissed one leaves it standing.
 */

/** A villager's own objections, newest first: a few a year. */
const MY_OBJECTIONS_MAX = 50

export const objectionRoutes = {
  'objection.create': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'an objection records who raised it; the cadre’s resolution of it is audited' },
    async handle({ entryId, reason }, ctx) {
      const { villageId } = ctx.scope
      await checkText(ctx, reason)
      const id = idFor('objection', ctx.openid, entryId)
      const doc = await transact(ctx, async tx => {
        const [posting, earlier] = await Promise.all([tx.get('postings', entryId), tx.get('objections', id)])
        if (!posting) throw new AppError('NOT_FOUND', '没有找到这条公示')
        ctx.scope.check(posting)
        if (earlier) throw new AppError('ALREADY_OBJECTED')
        if (posting.until <= ctx.now() || !(posting.state === 'posted' || posting.state === 'objected'))
          throw new AppError('NOT_IN_POSTING')
        const objection: ObjectionDoc = {
          _id: id,
          entryId,
          villageId,
          doorPlate: posting.doorPlate,
          title: posting.title,
          points: posting.points,
          by: ctx.openid,
          byName: actorName(ctx),
          reason,
          state: 'open',
          reply: '',
          at: ctx.now(),
          resolvedAt: null,
          resolvedBy: null
        }
        await tx.add('objections', objection)
        await tx.update('postings', entryId, { state: 'objected', openObjections: posting.openObjections + 1 })
        return objection
      })
      return toObjectionView(doc)
    }
  },

  'objection.mine': {
    access: roles('villager'),
    scope: 'own',
    paging: { max: MY_OBJECTIONS_MAX },
    async handle(_input, ctx) {
      const items = await data(ctx).objections.find(
        { by: ctx.openid },
        { orderBy: [['at', 'desc']], limit: ctx.paging.size }
      )
      return { items: items.map(toObjectionView) }
    }
  },

  'objection.queue': villageQueue(store => store.objections, 'open', toObjectionView),

  /**
   * Resolves an objection. Upheld: the entry is corrected (to `points`, 0 by default) in the same
   * transaction as the objection and the posting change. Dismissed: the posting goes back to 公示中, or
   * becomes final if its period ended meanwhile.
   */
  'objection.resolve': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'objection.resolve',
    async handle({ requestId, objectionId, upheld, reply, points }, ctx) {
      const { villageId } = ctx.scope
      await checkText(ctx, reply)
      const stored = await data(ctx).objections.get(objectionId)
      // nobody resolves an objection to an entry of their own household
      const objection = await itemToActOn(ctx, stored, new AppError('NOT_FOUND', '没有找到这条异议'), async o => {
        const disputed = await data(ctx).entries.get(o.entryId)
        return { householdId: disputed && 'householdId' in disputed ? disputed.householdId : null }
      })
      const state = upheld ? 'upheld' : 'dismissed'
      const change = { state, reply, resolvedAt: ctx.now(), resolvedBy: ctx.openid } as const

      /** the objection's and the posting's moves, inside whichever transaction resolves it */
      const settle = async (tx: Tx) => {
        const [now, posting] = await Promise.all([
          tx.get('objections', objectionId),
          tx.get('postings', objection.entryId)
        ])
        if (!now || !canMoveObjection(now.state, state)) throw new AppError('STATE_CHANGED')
        await tx.update('objections', objectionId, change)
        if (!posting) return
        const open = Math.max(0, posting.openObjections - 1)
        // an upheld objection's correction has moved the posting to corrected; after a dismissal a
        // posting still under objection goes on: objected while others are open, then 公示中 or final
        const stillOpen = posting.state === 'posted' || posting.state === 'objected'
        const next =
          upheld || !stillOpen ? posting.state : open > 0 ? 'objected' : posting.until <= ctx.now() ? 'final' : 'posted'
        if (next !== posting.state && !canMovePosting(posting.state, next)) throw new AppError('STATE_CHANGED')
        await tx.update('postings', posting._id, {
          openObjections: open,
          ...(next !== posting.state ? { state: next } : {})
        })
      }

      if (upheld) {
        await correctEntry(ctx, villageId, objection.entryId, points ?? 0, `异议成立：${reply}`, requestId, settle)
      } else {
        await transact(ctx, async tx => {
          await settle(tx)
          await ctx.audit.inTransaction(tx, {
            target: objection.doorPlate,
            before: { state: 'open', reason: objection.reason },
            after: { state, reply }
          })
        })
      }
      return toObjectionView({ ...objection, ...change })
    }
  }
} satisfies Partial<Routes>
