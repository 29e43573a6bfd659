import { AppError } from '../../../core/contract/errors'
import { pointsProblem, Proposer } from '../../../core/domain/rules'
import type { Ctx } from '../../shared/context'
import type { RuleDoc, RuleSnapshot } from '../../shared/data/documents'
import { data } from '../../shared/data/store'

/** The snapshot of a rule an entry or a request keeps: editing the rule later changes no history. */
export const snapshotOf = (r: RuleDoc): RuleSnapshot => ({
  id: r._id,
  version: r.version,
  category: r.category,
  title: r.title,
  points: r.points,
  cap: r.cap,
  evidenceRequired: r.evidenceRequired,
  proposers: r.proposers
})

/**
 * The rule points are scored or asked by, checked against the village, the role asking (`as`), the
 * points and the evidence given.
 */
export async function ruleToScoreBy(
  ctx: Pick<Ctx, 'db'>,
  villageId: string,
  ruleId: string,
  points: number,
  evidence: string[],
  as: Proposer
): Promise<RuleSnapshot> {
  const rule = await data(ctx).rules.get(ruleId)
  if (!rule) throw new AppError('NOT_FOUND', '没有找到这条细则')
  if (rule.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
  if (!rule.active) throw new AppError('RULE_RETIRED')
  if (!rule.proposers.includes(as)) throw new AppError('RULE_NOT_ALLOWED')
  const problem = pointsProblem(rule, points)
  if (problem) throw new AppError(problem)
  if (rule.evidenceRequired && evidence.length === 0) throw new AppError('EVIDENCE_REQUIRED')
  return snapshotOf(rule)
}
