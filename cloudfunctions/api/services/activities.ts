import type { ActivityView } from '../../../core/contract/participation'
import { idFor } from '../../shared/data/ids'
import type { ActivityDoc, SignupDoc } from '../../shared/data/participation-documents'
import { data } from '../../shared/data/store'
import type { RouteCtx } from '../router/route'
import { grantOf } from '../router/scope'

/** Activities as callers see them, for the activity routes and the home screen's `village.now`. */

/** A person's one sign-up of an activity: `<activity>:<participant key>`. */
export const signupIdOf = (activityId: string, openid: string) => `${activityId}:${idFor('participant', openid)}`

export function activityView(ctx: RouteCtx, a: ActivityDoc, mine: SignupDoc | null): ActivityView {
  return {
    id: a._id,
    kind: a.kind,
    title: a.title,
    description: a.description,
    place: a.place,
    startAt: a.startAt,
    endAt: a.endAt,
    capacity: a.capacity,
    signedUp: a.signedUp,
    state: a.state,
    credit: a.rule ? { title: a.rule.title, points: a.points } : null,
    byName: a.byName,
    mine: mine ? { state: mine.state, checkedIn: mine.checkedInAt !== null } : null,
    canManage: grantOf(ctx.identity, 'cadre')?.villageId === a.villageId,
    credited: a.credited
  }
}

/** Activities with the caller's own sign-up of each: one read of their sign-ups by known ids. */
export async function activityViews(ctx: RouteCtx, activities: ActivityDoc[]): Promise<ActivityView[]> {
  const villager = grantOf(ctx.identity, 'villager')
  const mine = villager ? await data(ctx).signups.getMany(activities.map(a => signupIdOf(a._id, ctx.openid))) : null
  return activities.map(a => activityView(ctx, a, mine?.get(signupIdOf(a._id, ctx.openid)) ?? null))
}
