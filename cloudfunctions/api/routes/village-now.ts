import { DURATION_MAX_MS } from '../../../core/domain/activities'
import { data } from '../../shared/data/store'
import { townOf } from '../services/my-places'
import { activityViews } from '../services/activities'
import { voteViews } from '../services/votes'
import { roles, Routes } from '../router/route'

export const villageNowRoutes = {
  /** What is on in the village for the home screen: the open vote closing first, the next activity. Two queries. */
  'village.now': {
    access: roles('villager', 'gridWorker', 'cadre'),
    scope: 'village',
    async handle(_input, ctx) {
      const { villageId } = ctx.scope
      const _ = ctx.db.command
      const at = ctx.now()
      const townId = await townOf(ctx, villageId)
      const placeIds = townId ? [villageId, townId] : [villageId]
      const [votes, activities] = await Promise.all([
        data(ctx).votes.find(
          { placeId: _.in(placeIds), state: 'open', deadlineAt: _.gt(at) },
          { orderBy: [['deadlineAt', 'asc']], limit: 1 }
        ),
        // an activity under way started at most a day ago (the longest an activity lasts)
        data(ctx).activities.find(
          { villageId, state: 'open', startAt: _.gt(at - DURATION_MAX_MS) },
          { orderBy: [['startAt', 'asc']], limit: 5 }
        )
      ])
      const next = activities.find(a => a.endAt > at)
      const [vote] = await voteViews(ctx, votes)
      const [activity] = next ? await activityViews(ctx, [next]) : []
      return { vote: vote ?? null, activity: activity ?? null }
    }
  }
} satisfies Partial<Routes>
