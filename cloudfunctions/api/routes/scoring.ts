import { AppError, ERRORS, ErrorCode } from '../../../core/contract/errors'
import type { BatchLine } from '../../../core/contract/views'
import { pointsProblem } from '../../../core/domain/rules'
import { mapWithLimit } from '../../shared/limit'
import { getDoc } from '../identity'
import { entryIdFor, NewEntry, post } from '../ledger'
import type { EntryDoc, RuleDoc, RuleSnapshot } from '../model/documents'
import type { Handler, RouteCtx } from '../router'
import { actorName, cadreVillage } from '../scope'

/** Cadres score households of their own village by the village's rules, one at a time or in batches. */

/** How many households a batch posts at once: 200 households × 5 round trips ÷ 20 ≈ 50 round trips deep. */
const BATCH_PARALLELISM = 20

/** The rule to score by, checked against the cadre's village and the points and evidence given. */
async function ruleFor(ctx: RouteCtx, villageId: string, ruleId: string, points: number, evidence: string[]): Promise<RuleSnapshot> {
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

/** The entry a cadre's score makes for one household. */
function scoreEntry(ctx: RouteCtx, input: { requestId: string; points: number; note: string; evidence: string[] }, householdId: string, villageId: string, rule: RuleSnapshot): NewEntry {
  return {
    id: entryIdFor(ctx.openid, input.requestId, householdId),
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
  async handle(input, ctx) {
    const villageId = cadreVillage(ctx)
    const rule = await ruleFor(ctx, villageId, input.ruleId, input.points, input.evidence)
    const posted = await post(ctx, scoreEntry(ctx, input, input.householdId, villageId, rule))
    return { entry: posted.entry, balance: posted.balance }
  }
}

export const batch: Handler<'score.batch'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle(input, ctx) {
    const villageId = cadreVillage(ctx)
    const rule = await ruleFor(ctx, villageId, input.ruleId, input.points, input.evidence)
    const householdIds = [...new Set(input.householdIds)]
    const lines = await mapWithLimit(householdIds, BATCH_PARALLELISM, async (householdId): Promise<BatchLine> => {
      try {
        const posted = await post(ctx, scoreEntry(ctx, input, householdId, villageId, rule))
        return { householdId, status: 'applied', balance: posted.balance }
      } catch (e) {
        if (!(e instanceof AppError)) throw e
        return { householdId, status: e.code === 'CAP_REACHED' ? 'capped' : 'refused', code: e.code, message: e.message }
      }
    })
    const count = (status: BatchLine['status']) => lines.filter(l => l.status === status).length
    return { lines, applied: count('applied'), capped: count('capped'), refused: count('refused') }
  }
}

export const correct: Handler<'score.correct'> = {
  access: { who: 'roles', roles: ['cadre'] },
  async handle(input, ctx) {
    const villageId = cadreVillage(ctx)
    const original = await getDoc<EntryDoc>(ctx, 'entries', input.entryId)
    if (!original) throw new AppError('NOT_FOUND', '没有找到这条积分记录')
    if (original.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
    if ((original.kind !== 'award' && original.kind !== 'deduction') || !original.rule) throw new AppError('NOT_CORRECTABLE')
    if (input.points !== 0) {
      const problem = pointsProblem(original.rule, input.points)
      if (problem) throw new AppError(problem as ErrorCode)
    }
    const delta = input.points - original.points
    if (delta === 0) throw new AppError('NOT_CORRECTABLE', '更正后的分值和原来一样')
    // one correction per entry: its id is fixed by the entry it corrects, so a second one collides
    const id = `fix-${original._id}`
    const posted = await post(ctx, {
      id,
      householdId: original.householdId,
      villageId,
      kind: 'correction',
      points: delta,
      rule: original.rule,
      correctsId: original._id,
      capAt: original.at,
      note: input.reason,
      evidence: [],
      by: ctx.openid,
      byName: actorName(ctx)
    })
    if (posted.repeated && (posted.entry.note !== input.reason || posted.entry.points !== delta)) {
      throw new AppError('ALREADY_CORRECTED', ERRORS.ALREADY_CORRECTED)
    }
    return { entry: posted.entry, balance: posted.balance }
  }
}
