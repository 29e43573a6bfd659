import type { Handlers } from '../router'
import { session, setPreferences } from './me'
import * as archive from './archive'
import * as scoring from './scoring'
import * as households from './households'
import * as joining from './joining'
import * as catalogue from './catalogue'
import * as roles from './roles'

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
  'roles.revoke': roles.revoke
}
