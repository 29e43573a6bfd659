import { AppError } from '../../../core/contract/errors'
import type { BatchLine } from '../../../core/contract/views'
import { pointsProblem } from '../../../core/domain/rules'
import { mapWithLimit } from '../../shared/limit'
import type { FiguresDelta } from '../../../core/domain/figures'
import { addToFigures } from '../figures'
import { getDoc } from '../identity'
import { entryIdFor, NewEntry, post, requestKeyFor } from '../ledger'
import { auditOf, recordAudit } from '../audit'
import { checkText } from '../content-check'
import { correctEntry } from '../corrections'
import type { RuleDoc, RuleSnapshot } from '../model/documents'
import type { Handler, RouteCtx } from '../router'
import { actorName, cadreVillage } from '../scope'

/** Cadres score households of their own village by the village's rules, one at a time or in batches. */

/** How many households a batch posts at once: 200 households × 5 round trips ÷ 20 ≈ 50 round trips deep. */
const BATCH_PARALLELISM = 20

/** The rule to score by, checked against the cadre's village and the points and evidence given. */
async function ruleFor(
  ctx: RouteCtx,
  villageId: string,
  ruleId: string,
  points: number,
  evidence: string[]
): Promise<RuleSnapshot> {
  const rule = await getDoc<RuleDoc>(ctx, 'rules', ruleId)
  if (!rule) throw new AppError('NOT_FOUND', '没有找到这条细则')
  if (rule.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
  if (!rule.active) throw new AppError('RULE_RETIRED')
  if (!rule.proposers.includes('cadre')) throw new AppError('RULE_NOT_ALLOWED')
  const problem = pointsProblem(rule, points)
  if (problem) throw new AppError(problem)
  if (rule.evidenceRequired && evidence.length === 0) throw new AppError('EVIDENCE_REQUIRED')
  return snapshotOf(rule)
}

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

/** The entry a cadre's score makes for one household: posted for the village to see. */
function scoreEntry(
  ctx: RouteCtx,
  input: { requestId: string; points: number; note: string; evidence: string[] },
  householdId: string,
  villageId: string,
  rule: RuleSnapshot
): NewEntry {
  return {
    id: entryIdFor(ctx.openid, input.requestId, householdId),
    requestKey: requestKeyFor(ctx.openid, input.requestId),
    posted: true,
    householdId,
    villageId,
    kind: input.points < 0 ? 'deduction' : 'award',
    points: input.points,
    rule,
    note: input.note,
    evidence: input.evidence,
    by: ctx.openid,
    byName: actorName(ctx)
  }
}

export const award: Handler<'score.award'> = {
  access: { who: 'roles', roles: ['cadre'] },
  // the ledger's entry id, derived from the request, makes a retry write nothing
  ownIdempotency: true,
  async handle(input, ctx) {
    const villageId = cadreVillage(ctx)
    const [rule] = await Promise.all([
      ruleFor(ctx, villageId, input.ruleId, input.points, input.evidence),
      checkText(ctx, input.note)
    ])
    const entry = scoreEntry(ctx, input, input.householdId, villageId, rule)
    const posted = await post(ctx, {
      ...entry,
      audit: auditOf(ctx, villageId, 'score.award', input.householdId, null, {
        rule: rule.title,
        points: input.points,
        note: input.note
      })
    })
    return { entry: posted.entry, balance: posted.balance }
  }
}

export const batch: Handler<'score.batch'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle(input, ctx) {
    const villageId = cadreVillage(ctx)
    const [rule] = await Promise.all([
      ruleFor(ctx, villageId, input.ruleId, input.points, input.evidence),
      checkText(ctx, input.note)
    ])
    const householdIds = [...new Set(input.householdIds)]
    // the village's figures take the whole batch in one increment at the end, not one per household
    const figures: FiguresDelta[] = []
    const lines = await mapWithLimit(householdIds, BATCH_PARALLELISM, async (householdId): Promise<BatchLine> => {
      try {
        const posted = await post(ctx, {
          ...scoreEntry(ctx, input, householdId, villageId, rule),
          figuresLater: figures
        })
        return { householdId, status: 'applied', balance: posted.balance }
      } catch (e) {
        if (!(e instanceof AppError)) throw e
        return {
          householdId,
          status: e.code === 'CAP_REACHED' ? 'capped' : 'refused',
          code: e.code,
          message: e.message
        }
      }
    })
    await addToFigures(ctx, figures)
    const count = (status: BatchLine['status']) => lines.filter(l => l.status === status).length
    const summary = { applied: count('applied'), capped: count('capped'), refused: count('refused') }
    const appliedTo = lines.filter(l => l.status === 'applied').map(l => l.householdId)
    await recordAudit(
      ctx,
      `a-batch-${requestKeyFor(ctx.openid, input.requestId)}`,
      auditOf(ctx, villageId, 'score.batch', `${householdIds.length}户`, null, {
        rule: rule.title,
        points: input.points,
        note: input.note,
        appliedTo,
        ...summary
      })
    )
    return { lines, ...summary }
  }
}

export const correct: Handler<'score.correct'> = {
  access: { who: 'roles', roles: ['cadre'] },
  ownIdempotency: true,
  async handle(input, ctx) {
    const villageId = cadreVillage(ctx)
    await checkText(ctx, input.reason)
    const posted = await correctEntry(ctx, villageId, input.entryId, input.points, input.reason, input.requestId)
    return { entry: posted.entry, balance: posted.balance }
  }
}
