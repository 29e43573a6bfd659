import type { participationRoutes } from '../../../core/contract/participation'
import type { Handlers } from '../router'
import * as votes from './votes'
import * as activities from './activities'
import { now } from './village-now'

/** The handlers of core/contract/participation.ts: votes, activities, organisations, points for credit. */
export const participationHandlers: Pick<Handlers, keyof typeof participationRoutes> = {
  'vote.open': votes.open,
  'vote.list': votes.list,
  'vote.get': votes.get,
  'vote.cast': votes.cast,
  'vote.voters': votes.voters,
  'vote.close': votes.close,
  'vote.post': votes.postResults,
  'village.now': now,
  'activity.post': activities.postActivity,
  'activity.list': activities.list,
  'activity.get': activities.get,
  'activity.signUp': activities.signUp,
  'activity.cancel': activities.cancel,
  'activity.checkIn': activities.checkIn,
  'activity.code': activities.code,
  'activity.attendees': activities.attendees,
  'activity.tick': activities.tick,
  'activity.confirm': activities.confirm
}
