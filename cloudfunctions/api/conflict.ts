import { AppError } from '../../core/contract/errors'
import type { RouteCtx } from './router/route'

/**
 * Conflict of interest (回避): nobody scores, proposes, corrects, reviews, resolves an objection
 * about, or redeems at the desk for a household they are bound to. A cadre who is also a villager of
 * the village must leave their own household to the village's other cadre or to the town. Checked
 * from the caller's grants as loaded server-side.
 */
export function refuseOwnHousehold(ctx: RouteCtx, householdId: string) {
  if (ctx.identity.roles.some(r => r.role === 'villager' && r.householdId === householdId))
    throw new AppError('CONFLICT_OF_INTEREST')
}

/** The same for party points: no officer scores, reviews a claim of, or resolves an objection about themselves. */
export function refuseOwnMember(ctx: RouteCtx, memberId: string) {
  if (ctx.identity.roles.some(r => r.role === 'partyMember' && r.memberId === memberId))
    throw new AppError('CONFLICT_OF_INTEREST', '这是您自己的党员积分，按规定要回避，请支部其他人或镇党委办理')
}
