import type { PartyRouteName } from '../../../core/contract/party-routes'
import type { Routes } from '../router/route'
import * as member from './party-member'
import * as branch from './party-branch'
import * as score from './party-score'
import * as claim from './party-claim'
import * as posting from './party-posting'
import * as objection from './party-objection'
import * as rating from './party-rating'
import * as town from './party-town'
import * as org from './party-org'
import * as role from './party-role'

/** The party routes' handlers (党员积分评星), one module per route prefix. */
export const partyRoutes: Pick<Routes, PartyRouteName> = {
  'partyMember.home': member.home,
  'partyMember.bind': member.bind,
  'partyBranch.members': branch.members,
  'partyBranch.saveMember': branch.saveMember,
  'partyBranch.fromHouseholds': branch.fromHouseholds,
  'partyBranch.bindCode': branch.bindCode,
  'partyBranch.saveRule': branch.saveRule,
  'partyBranch.adoptTemplate': branch.adoptTemplate,
  'partyScore.award': score.award,
  'partyScore.meeting': score.meeting,
  'partyClaim.create': claim.create,
  'partyClaim.queue': claim.queue,
  'partyClaim.approve': claim.approve,
  'partyClaim.reject': claim.reject,
  'partyPosting.publish': posting.publish,
  'partyPosting.list': posting.list,
  'partyObjection.create': objection.create,
  'partyObjection.queue': objection.queue,
  'partyObjection.resolve': objection.resolve,
  'partyRating.sheet': rating.sheet,
  'partyRating.enter': rating.enter,
  'partyRating.confirm': rating.confirm,
  'partyRating.post': rating.post,
  'partyTown.overview': town.overview,
  'partyTown.rateOrg': town.rateOrg,
  'partyTown.settings': town.settings,
  'partyTown.setSettings': town.setSettings,
  'partyOrg.village': org.village,
  'partyRole.list': role.list,
  'partyRole.grant': role.grant,
  'partyRole.revoke': role.revoke
}
