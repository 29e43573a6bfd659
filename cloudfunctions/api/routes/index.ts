import type { Handlers } from '../router'
import { session, setPreferences } from './me'
import * as archive from './archive'
import * as scoring from './scoring'
import * as households from './households'
import * as joining from './joining'
import * as catalogue from './catalogue'
import * as roles from './roles'
import * as workflow from './workflow'
import * as posting from './posting'
import * as shop from './shop'
import * as householdCode from './household-code'
import * as notices from './notices'
import * as villageIssues from './village-issues'
import * as services from './services'
import { partyHandlers } from './party'
import * as register from './register'
import * as exporting from './exports'
import * as overview from './overview'

export const handlers: Handlers = {
  'me.session': session,
  'me.setPreferences': setPreferences,
  'join.bind': joining.bind,
  'archive.home': archive.home,
  'archive.history': archive.history,
  'archive.rules': archive.rules,
  'archive.ranking': archive.ranking,
  'cadre.households': households.search,
  'cadre.household': households.detail,
  'household.save': households.save,
  'score.award': scoring.award,
  'score.batch': scoring.batch,
  'score.correct': scoring.correct,
  'joinCode.issue': joining.issue,
  'joinCode.revoke': joining.revoke,
  'binding.remove': joining.removeBinding,
  'rules.list': catalogue.list,
  'rules.save': catalogue.save,
  'rules.retire': catalogue.retire,
  'rules.adoptTemplate': catalogue.adoptTemplate,
  'village.setStars': catalogue.setStars,
  'templates.list': catalogue.listTemplates,
  'templates.save': catalogue.saveTemplate,
  'roles.list': roles.list,
  'roles.grant': roles.grant,
  'roles.revoke': roles.revoke,
  'grid.households': workflow.gridHouseholds,
  'grid.logs': workflow.logs,
  'grid.createLog': workflow.createLog,
  'grid.propose': workflow.propose,
  'claim.create': workflow.claim,
  'pending.mine': workflow.mine,
  'pending.withdraw': workflow.withdraw,
  'review.queue': workflow.queue,
  'review.approve': workflow.approve,
  'review.reject': workflow.reject,
  'posting.list': posting.list,
  'objection.create': posting.object,
  'objection.mine': posting.mine,
  'objection.queue': posting.queue,
  'objection.resolve': posting.resolve,
  'audit.list': posting.audit,
  'shop.goods': shop.goods,
  'shop.saveGoods': shop.saveGoods,
  'shop.order': shop.order,
  'shop.redeemAtDesk': shop.redeemAtDesk,
  'shop.collect': shop.collect,
  'shop.cancel': shop.cancel,
  'shop.myOrders': shop.myOrders,
  'shop.orders': shop.orders,
  'household.public': householdCode.publicCard,
  'household.codes': householdCode.codes,
  'notice.publish': notices.publish,
  'notice.withdraw': notices.withdraw,
  'notice.pin': notices.pin,
  'notice.list': notices.list,
  'notice.open': notices.open,
  'issue.raise': villageIssues.raise,
  'issue.mine': villageIssues.mine,
  'issue.queue': villageIssues.queue,
  'issue.take': villageIssues.take,
  'issue.reply': villageIssues.reply,
  'issue.handOver': villageIssues.handOver,
  'issue.close': villageIssues.close,
  'issue.rate': villageIssues.rate,
  'service.list': services.list,
  'service.save': services.save,
  ...partyHandlers,
  'register.template': register.template,
  'register.preview': register.preview,
  'register.apply': register.apply,
  'export.households': exporting.households,
  'export.ledger': exporting.ledger,
  'export.ranking': exporting.ranking,
  'export.overview': exporting.overview,
  'overview.get': overview.get,
  'village.setRegistered': overview.setRegistered,
  'ranking.wide': overview.wideRanking
}
