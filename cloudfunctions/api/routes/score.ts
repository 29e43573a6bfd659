import { refuseOwnHousehold } from '../conflict'
import { AppError } from '../../../core/contract/errors'
import type { FiguresDelta } from '../../../core/domain/figures'
import { addToFigures } from '../services/figures'
import type { BatchLine } from '../../../core/contract/views'
import { mapWithLimit } from '../../shared/limit'
import { requestKeyFor } from '../../shared/data/ids'
import type { RuleSnapshot } from '../../shared/data/documents'
import { actorName } from '../router/identity'
import { roles, RouteCtx, Routes } from '../router/route'
import { checkText } from '../services/content-check'
import { correctEntry } from '../services/corrections'
import { entryIdFor, NewEntry, writeEntry } from '../services/ledger'
import { ruleToScoreBy } from '../services/rules'

/** Cadres score households of their own village by the village's rules, one at a time or in batches. */

/**
 * How many households a batch writes at once. Each household's entry is one transaction (start, read,
 * two or three writes, commit: about six round trips) and a notification to its villagers, so 200
 * households ÷ 20 in flight is about ten rounds of that, well inside the function's time limit.
 */
const BATCH_PARALLELISM = 20

/** The entry a cadre's score makes for one household: posted for the village to see. */
function scoreEntry(
  ctx: RouteCtx,
  input: { requestId: string; points: number; note: string; evidence: string[] },
  householdId: string,
  villageId: string,
  rule: RuleSnapshot | null
): NewEntry {
  return {
    id: entryIdFor(ctx.openid, input.requestId, householdId),
    requestKey: requestKeyFor(ctx.openid, input.requestId),
    publicPosting: true,
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

export const scoreRoutes = {
  'score.award': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'score.award',
    // the ledger's entry id, derived from the request, makes a retry write nothing
    ownIdempotency: true,
    async handle(input, ctx) {
      const { villageId } = ctx.scope
      refuseOwnHousehold(ctx, input.householdId)
      // the rule and the note are checked while the ledger starts its transaction (one round trip less)
      const checked = Promise.all([
        ruleToScoreBy(ctx, villageId, input.ruleId, input.points, input.evidence, 'cadre'),
        checkText(ctx, input.note)
      ])
      const written = await writeEntry(ctx, {
        ...scoreEntry(ctx, input, input.householdId, villageId, null),
        sameContent: earlier =>
          earlier.rule?.id === input.ruleId &&
          earlier.points === input.points &&
          earlier.note === input.note &&
          earlier.evidence.join('\n') === input.evidence.join('\n'),
        completing: checked.then(([rule]) => ({
          rule,
          audit: ctx.audit.draft({
            target: input.householdId,
            before: null,
            after: { rule: rule.title, points: input.points, note: input.note }
          })
        }))
      })
      return { entry: written.entry, balance: written.balance }
    }
  },

  'score.batch': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'score.batch',
    async handle(input, ctx) {
      const { villageId } = ctx.scope
      const [rule] = await Promise.all([
        ruleToScoreBy(ctx, villageId, input.ruleId, input.points, input.evidence, 'cadre'),
        checkText(ctx, input.note)
      ])
      const householdIds = [...new Set(input.householdIds)]
      // the village's figures take the whole batch in one increment at the end, not one per household,
      // and the figures of what committed are added even when a household's write fails unexpectedly
      const figures: FiguresDelta[] = []
      let lines: BatchLine[]
      try {
        lines = await mapWithLimit(householdIds, BATCH_PARALLELISM, async (householdId): Promise<BatchLine> => {
          try {
            refuseOwnHousehold(ctx, householdId)
            const written = await writeEntry(ctx, {
              ...scoreEntry(ctx, input, householdId, villageId, rule),
              figuresLater: figures
            })
            return { householdId, status: 'applied', balance: written.balance }
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
      } finally {
        await addToFigures(ctx, figures)
      }
      const count = (status: BatchLine['status']) => lines.filter(l => l.status === status).length
      const summary = { applied: count('applied'), capped: count('capped'), refused: count('refused') }
      const appliedTo = lines.filter(l => l.status === 'applied').map(l => l.householdId)
      ctx.audit.record({
        target: `${householdIds.length}户`,
        before: null,
        after: { rule: rule.title, points: input.points, note: input.note, appliedTo, ...summary }
      })
      return { lines, ...summary }
    }
  },

  'score.correct': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'score.correct',
    ownIdempotency: true,
    async handle(input, ctx) {
      await checkText(ctx, input.reason)
      const written = await correctEntry(
        ctx,
        ctx.scope.villageId,
        input.entryId,
        input.points,
        input.reason,
        input.requestId
      )
      return { entry: written.entry, balance: written.balance }
    }
  }
} satisfies Partial<Routes>
