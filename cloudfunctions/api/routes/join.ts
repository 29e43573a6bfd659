import { AppError } from '../../../core/contract/errors'
import { COUNTY_ID } from '../../../core/domain/roles'
import { data } from '../../shared/data/store'
import { anyone, Routes } from '../router/route'
import { giveRole } from '../services/grants'

/** A villager binds their WeChat user to a household with the join code a cadre gave them. */
export const joinRoutes = {
  'join.bind': {
    access: anyone,
    scope: 'own',
    audit: 'join.bind',
    async handle({ code, name }, ctx) {
      if (ctx.identity.roles.some(r => r.role === 'villager')) throw new AppError('ALREADY_BOUND')
      const joinCode = await data(ctx).joinCodes.get(code)
      if (!joinCode || joinCode.revoked || joinCode.expiresAt <= ctx.now()) throw new AppError('CODE_INVALID')
      const household = await data(ctx).households.get(joinCode.householdId)
      if (!household) throw new AppError('CODE_INVALID')
      await giveRole(
        ctx,
        { openid: ctx.openid, name },
        { role: 'villager', householdId: household._id, villageId: household.villageId },
        { countyId: COUNTY_ID, townId: household.townId, villageId: household.villageId, householdId: household._id },
        joinCode.by,
        true
      )
      ctx.audit.record({ target: household.doorPlate, before: null, after: { name }, placeId: household.villageId })
      return { householdId: household._id, doorPlate: household.doorPlate, villageName: household.village.name }
    }
  }
} satisfies Partial<Routes>
