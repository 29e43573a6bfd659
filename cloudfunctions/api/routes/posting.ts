import { data, listOf } from '../../shared/data/store'
import { toPostingView } from '../../shared/data/views'
import { roles, Routes } from '../router/route'

/**
 * The village's public posting (公示). Points count in the balance from the moment they are scored or
 * approved; during the posting period they are shown as 公示中 and any villager of the village may
 * object (objection.*); when the period ends (the timer) the entry is final.
 */
export const postingRoutes = {
  'posting.list': {
    access: roles('villager', 'gridWorker', 'cadre'),
    scope: 'village',
    paging: { size: 20 },
    async handle(_input, ctx) {
      const { villageId } = ctx.scope
      const [found, village] = await Promise.all([
        data(ctx).postings.page({ villageId }, [['at', 'desc']], ctx.paging),
        data(ctx).places.get(villageId)
      ])
      return { ...listOf('items', found, toPostingView), postingDays: village?.postingDays ?? 0 }
    }
  }
} satisfies Partial<Routes>
