import { AppError, ERRORS } from '../../../core/contract/errors'
import { data } from '../../shared/data/store'
import { roles, Routes } from '../router/route'

/** The village's own settings: its star levels (星级文明户). */
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
  }
} satisfies Partial<Routes>
