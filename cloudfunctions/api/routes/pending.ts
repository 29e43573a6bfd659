import { AppError } from '../../../core/contract/errors'
import { data, listOf } from '../../shared/data/store'
import { toPendingView } from '../../shared/data/views'
import { actorName } from '../router/identity'
import { roles, Routes } from '../router/route'
import { movePending } from '../services/pending'

/** What a villager or grid worker asked for (claims, proposals), and withdrawing one before review. */
export const pendingRoutes = {
  'pending.mine': {
    access: roles('villager', 'gridWorker'),
    scope: 'own',
    paging: { size: 20 },
    async handle(_input, ctx) {
      const found = await data(ctx).pending.page({ by: ctx.openid }, [['at', 'desc']], ctx.paging)
      return listOf('items', found, toPendingView)
    }
  },

  'pending.withdraw': {
    access: roles('villager', 'gridWorker'),
    scope: 'own',
    audit: { none: 'the asker withdraws their own request; the request records it' },
    async handle({ pendingId }, ctx) {
      const done = await movePending(
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
} satisfies Partial<Routes>
