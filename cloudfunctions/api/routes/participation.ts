import type { participationRoutes } from '../../../core/contract/participation'
import type { Handlers } from '../router'
import * as votes from './votes'

/** The handlers of core/contract/participation.ts: votes, activities, organisations, points for credit. */
export const participationHandlers: Pick<Handlers, keyof typeof participationRoutes> = {
  'vote.open': votes.open,
  'vote.list': votes.list,
  'vote.get': votes.get,
  'vote.cast': votes.cast,
  'vote.voters': votes.voters,
  'vote.close': votes.close,
  'vote.post': votes.postResults
}
