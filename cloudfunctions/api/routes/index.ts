import type { Routes } from '../router/route'
import { archiveRoutes } from './archive'
import { auditRoutes } from './audit'
import { exportRoutes } from './export'
import { dataExportRoutes } from './data-export'
import { bindingRoutes } from './binding'
import { cadreRoutes } from './cadre'
import { claimRoutes } from './claim'
import { gridRoutes } from './grid'
import { householdRoutes } from './household'
import { issueRoutes } from './issue'
import { joinRoutes } from './join'
import { joinCodeRoutes } from './join-code'
import { meRoutes } from './me'
import { noticeRoutes } from './notice'
import { objectionRoutes } from './objection'
import { overviewRoutes } from './overview'
import { partyRoutes } from './party'
import { pendingRoutes } from './pending'
import { rankingRoutes } from './ranking'
import { registerRoutes } from './register'
import { postingRoutes } from './posting'
import { reviewRoutes } from './review'
import { rolesRoutes } from './roles'
import { rulesRoutes } from './rules'
import { scoreRoutes } from './score'
import { serviceRoutes } from './service'
import { shopRoutes } from './shop'
import { templatesRoutes } from './templates'
import { villageRoutes } from './village'
import { sealRoutes } from './seals'
import { entryRoutes } from './entry-explain'
import { fairnessRoutes } from './fairness'

/** Every route of the api, one module per route prefix; a route left out is a compile error. */
import { voteRoutes } from './votes'
import { villageNowRoutes } from './village-now'
import { activityRoutes } from './activities'
import { organisationRoutes } from './organisations'
import { orgIssueRoutes } from './org-issues'
import { creditRoutes } from './credit'

export const handlers: Routes = {
  ...meRoutes,
  ...joinRoutes,
  ...archiveRoutes,
  ...cadreRoutes,
  ...householdRoutes,
  ...scoreRoutes,
  ...joinCodeRoutes,
  ...bindingRoutes,
  ...rulesRoutes,
  ...villageRoutes,
  ...templatesRoutes,
  ...rolesRoutes,
  ...gridRoutes,
  ...claimRoutes,
  ...pendingRoutes,
  ...reviewRoutes,
  ...postingRoutes,
  ...objectionRoutes,
  ...auditRoutes,
  ...shopRoutes,
  ...noticeRoutes,
  ...issueRoutes,
  ...serviceRoutes,
  ...registerRoutes,
  ...exportRoutes,
  ...dataExportRoutes,
  ...overviewRoutes,
  ...rankingRoutes,
  ...partyRoutes,
  ...sealRoutes,
  ...entryRoutes,
  ...fairnessRoutes,
  ...voteRoutes,
  ...villageNowRoutes,
  ...activityRoutes,
  ...organisationRoutes,
  ...orgIssueRoutes,
  ...creditRoutes
}
