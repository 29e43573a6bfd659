import { AppError } from '../../../core/contract/errors'
import { data } from '../../shared/data/store'
import { roles, Routes } from '../router/route'
import { grantId, takeRole } from '../services/grants'

/** A cadre unbinds a WeChat user from a household of the village (a phone changed hands, say). */
export const bindingRoutes = {
  'binding.remove': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'binding.remove',
    async handle({ householdId, openid }, ctx) {
      const household = await data(ctx).households.get(householdId)
      if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
      ctx.scope.check(household)
      const grant = await data(ctx).grants.get(grantId(openid, 'villager'))
      if (!grant || grant.householdId !== householdId) return { removed: false }
      const removed = await takeRole(ctx, openid, 'villager')
      ctx.audit.record({ target: household.doorPlate, before: { openid, name: grant.name }, after: null })
      return { removed }
    }
  }
} satisfies Partial<Routes>
