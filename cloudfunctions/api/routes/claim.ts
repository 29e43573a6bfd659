import { capRefusal } from '../../../core/domain/rules'
import { AppError } from '../../../core/contract/errors'
import { idFor } from '../../shared/data/ids'
import { data } from '../../shared/data/store'
import { toPendingView } from '../../shared/data/views'
import { roles, Routes } from '../router/route'
import { checkText } from '../services/content-check'
import { addPending, pendingOf } from '../services/pending'
import { ruleToScoreBy } from '../services/rules'

/** A villager claims points for their household (申报); a cadre reviews it (review.*). */
export const claimRoutes = {
  'claim.create': {
    access: roles('villager'),
    scope: 'household',
    audit: { none: 'a claim records who made it; the cadre’s review of it is audited' },
    async handle(input, ctx) {
      const { householdId, villageId } = ctx.scope
      const [rule, household] = await Promise.all([
        ruleToScoreBy(ctx, villageId, input.ruleId, input.points, input.evidence, 'villager'),
        data(ctx).households.get(householdId),
        checkText(ctx, input.description)
      ])
      if (!household) throw new AppError('NOT_FOUND')
      // refused now rather than accepted and then impossible to approve
      const overCap = capRefusal(household.caps, rule, input.points, ctx.now())
      if (overCap) throw new AppError('CAP_REACHED', overCap)
      const id = idFor('claim', ctx.openid, input.requestId)
      return toPendingView(await addPending(ctx, pendingOf(ctx, 'claim', id, household, rule, input, null)))
    }
  }
} satisfies Partial<Routes>
