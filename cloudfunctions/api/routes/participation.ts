import type { participationRoutes } from '../../../core/contract/participation'
import type { Routes as Handlers } from '../router/route'
import * as votes from './votes'
import * as activities from './activities'
import { now } from './village-now'
import * as organisations from './organisations'
import * as credit from './credit'
import * as orgIssues from './org-issues'

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
  'activity.confirm': activities.confirm,
  'org.save': organisations.save,
  'org.list': organisations.list,
  'org.page': organisations.page,
  'org.grantStaff': organisations.grantStaff,
  'org.publishService': organisations.publishService,
  'org.publishNotice': organisations.publishNotice,
  'issue.toOrganisation': orgIssues.toOrganisation,
  'org.issues': orgIssues.issues,
  'org.replyIssue': orgIssues.replyIssue,
  'credit.banks': credit.banks,
  'credit.consent': credit.consent,
  'credit.revoke': credit.revoke,
  'credit.mine': credit.mine,
  'credit.households': credit.households,
  'credit.summary': credit.summary,
  'credit.setPolicy': credit.setPolicy
}
