import { AppError, ERRORS } from '../../../core/contract/errors'
import type { TemplateView } from '../../../core/contract/views'
import { RuleTerms, termsProblem } from '../../../core/domain/rules'
import type { Ctx } from '../../shared/context'
import type { PlaceDoc, RuleDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import { placesById } from './places'

/**
 * The rule catalogue (积分细则) as the routes share it: a village's rules, the templates a place may
 * see, and the check of a rule's terms.
 */

/** A village's catalogue is a few dozen rules; 200 bounds it. */
const RULES_PER_VILLAGE_MAX = 200
const TEMPLATES_MAX = 100

export function checkTerms(terms: RuleTerms) {
  const problem = termsProblem(terms)
  if (problem) throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（${problem}）`)
}

const byCategory = (a: RuleDoc, b: RuleDoc) => a.category.localeCompare(b.category, 'zh') || a._id.localeCompare(b._id)

/** The rules a village scores by now, by category. */
export async function activeRules(ctx: Pick<Ctx, 'db'>, villageId: string): Promise<RuleDoc[]> {
  const rules = await data(ctx).rules.find({ villageId, active: true }, { limit: RULES_PER_VILLAGE_MAX })
  return rules.sort(byCategory)
}

/** All the village's rules, active first. */
export async function villageRules(ctx: Pick<Ctx, 'db'>, villageId: string): Promise<RuleDoc[]> {
  const rules = await data(ctx).rules.find({ villageId }, { limit: RULES_PER_VILLAGE_MAX })
  return rules.sort((a, b) => Number(b.active) - Number(a.active) || byCategory(a, b))
}

/** The templates of these owners (the county, towns), with their owners' names. */
/** `editableOwners`: the places whose templates the caller may change (their own town or county) */
export async function templatesFor(
  ctx: Pick<Ctx, 'db'>,
  ownerIds: string[],
  editableOwners: string[] = []
): Promise<TemplateView[]> {
  const templates = await data(ctx).templates.find({ ownerId: ctx.db.command.in(ownerIds) }, { limit: TEMPLATES_MAX })
  const owners = await placesById(
    ctx,
    templates.map(t => t.ownerId)
  )
  return templates.map(t => ({
    id: t._id,
    ownerId: t.ownerId,
    ownerName: owners.get(t.ownerId)?.name ?? '',
    name: t.name,
    items: t.items,
    editable: editableOwners.includes(t.ownerId)
  }))
}

/** The village's place document (its parent is its town). */
export async function villagePlace(ctx: Pick<Ctx, 'db'>, villageId: string): Promise<PlaceDoc> {
  const village = await data(ctx).places.get(villageId)
  if (!village) throw new AppError('NOT_FOUND')
  return village
}
