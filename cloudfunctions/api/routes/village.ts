import { AppError, ERRORS } from '../../../core/contract/errors'
import { data } from '../../shared/data/store'
import { roles, Routes } from '../router/route'

/** A village's settings: its star levels (星级文明户), set by its cadre; its 户籍户数, entered by the town. */
export const villageRoutes = {
  'village.setStars': {
    access: roles('cadre'),
    scope: 'village',
    audit: 'village.setStars',
    async handle({ thresholds }, ctx) {
      const { villageId } = ctx.scope
      if (thresholds.some((t, i) => i > 0 && t <= thresholds[i - 1])) {
        throw new AppError('INVALID_INPUT', `${ERRORS.INVALID_INPUT}（星级分数要从低到高）`)
      }
      const _ = ctx.db.command
      const village = await data(ctx).places.get(villageId)
      await data(ctx).places.update(villageId, { starThresholds: _.set(thresholds) })
      // the home card reads the village's facts from the household: copy them in one update
      await data(ctx).households.updateWhere({ villageId }, { village: { starThresholds: _.set(thresholds) } })
      ctx.audit.record({ target: village?.name ?? '', before: village?.starThresholds ?? null, after: thresholds })
      return { thresholds }
    }
  },

  /** 户籍户数: entered by the town for each of its villages (the county for any); coverage divides by it. */
  'village.setRegistered': {
    access: roles('townAdmin', 'countyAdmin'),
    scope: 'area',
    audit: 'village.setRegistered',
    async handle({ villageId, registeredHouseholds }, ctx) {
      const village = await data(ctx).places.get(villageId)
      if (!village || village.kind !== 'village') throw new AppError('NOT_FOUND', '没有找到这个村')
      if (!ctx.scope.county && village.parentId !== ctx.scope.townId)
        throw new AppError('FORBIDDEN', '只能填写本镇街各村的户籍户数')
      await data(ctx).places.update(villageId, { registeredHouseholds })
      ctx.audit.record({
        target: village.name,
        before: village.registeredHouseholds ?? null,
        after: registeredHouseholds,
        placeId: villageId
      })
      return { registeredHouseholds }
    }
  }
} satisfies Partial<Routes>
