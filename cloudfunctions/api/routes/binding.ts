import { AppError } from '../../../core/contract/errors'
import { data } from '../../shared/data/store'
import { transact } from '../../shared/data/transaction'
import { refuseOwnHousehold } from '../conflict'
import { roles, Routes } from '../router/route'
import { grantId, takeRole } from '../services/grants'
import { headUserOf } from '../services/household-head'

const NOT_BOUND_HERE = '这个微信没有绑定这一户'

/**
 * A cadre unbinds a WeChat user from a household of the village (a phone changed hands, say), or marks
 * which bound user is the household's head (户主): the head is found by name when people bind, which
 * fails when someone bound under another name (秀英 for 王秀英) or two carry the head's name.
 */
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
  },

  'binding.setHead': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'binding.setHead',
    async handle({ householdId, openid }, ctx) {
      const store = data(ctx)
      const [household, binding] = await Promise.all([
        store.households.get(householdId),
        store.grants.get(grantId(openid, 'villager'))
      ])
      if (!household) throw new AppError('NOT_FOUND', '没有找到这一户')
      ctx.scope.check(household)
      // the head consents for the household (积分贷): a cadre bound to it leaves that to another
      refuseOwnHousehold(ctx, householdId)
      if (binding?.householdId !== householdId) throw new AppError('NOT_FOUND', NOT_BOUND_HERE)
      // a household bound before heads were kept has no headUser yet: its head is decided by name
      const headByName = household.headUser === undefined ? await headUserOf(ctx, household) : null
      // in one transaction with the bound users, so an unbinding at the same moment cannot leave
      // someone who is no longer bound as the head
      const before = await transact(ctx, async tx => {
        const h = await tx.get('households', householdId)
        if (!h || !(h.boundUsers ?? []).includes(openid)) throw new AppError('NOT_FOUND', NOT_BOUND_HERE)
        const current = h.headUser === undefined ? headByName : h.headUser
        if (current === openid) return { unchanged: true as const }
        await tx.update('households', householdId, { headUser: openid, headMarked: true })
        return { unchanged: false as const, headUser: current }
      })
      if (before.unchanged) return { changed: false }
      const previous = before.headUser ? await store.grants.get(grantId(before.headUser, 'villager')) : null
      ctx.audit.record({
        target: household.doorPlate,
        before: { headBinding: previous?.name ?? null },
        after: { headBinding: binding.name }
      })
      return { changed: true }
    }
  }
} satisfies Partial<Routes>
