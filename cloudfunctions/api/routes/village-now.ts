import type { Route as Handler } from '../router/route'
import type { ActivityDoc, VoteDoc } from '../../shared/data/participation-documents'
import { myVillageAndTown } from '../services/my-places'
import { DURATION_MAX_MS } from '../../../core/domain/activities'
import { activityViews } from './activities'
import { voteViews } from './votes'

/** What is on in the village for the home screen: the open vote closing first, the next activity. Two queries. */
export const now: Handler<'village.now'> = {
  access: { who: 'roles', roles: ['villager', 'gridWorker', 'cadre'] },
  scope: 'own',
  async handle(_input, ctx) {
    const { villageId, townId } = await myVillageAndTown(ctx)
    const _ = ctx.db.command
    const at = ctx.now()
    const [votes, activities] = (await Promise.all([
      ctx.db
        .collection('votes')
        .where({ placeId: _.in([villageId, townId].filter(Boolean)), state: 'open', deadlineAt: _.gt(at) })
        .orderBy('deadlineAt', 'asc')
        .limit(1)
        .get(),
      // an activity under way started at most a day ago (the longest an activity lasts)
      ctx.db
        .collection('activities')
        .where({ villageId, state: 'open', startAt: _.gt(at - DURATION_MAX_MS) })
        .orderBy('startAt', 'asc')
        .limit(5)
        .get()
    ])) as unknown as [{ data: VoteDoc[] }, { data: ActivityDoc[] }]
    const next = activities.data.find(a => a.endAt > at)
    const [vote] = await voteViews(ctx, votes.data)
    const [activity] = next ? await activityViews(ctx, [next]) : []
    return { vote: vote ?? null, activity: activity ?? null }
  }
}
