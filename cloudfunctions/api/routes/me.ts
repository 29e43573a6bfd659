import { ROLE_NAMES, RoleGrant } from '../../../core/domain/roles'
import { AppError } from '../../../core/contract/errors'
import type { Handler, RouteCtx } from '../router'
import { placesById } from '../places'
import { getDoc } from '../identity'

const placeOf = (grant: RoleGrant): string => {
  switch (grant.role) {
    case 'villager':
    case 'gridWorker':
    case 'cadre':
    case 'partyMember':
    case 'branchSecretary':
    case 'partyClerk':
      return grant.villageId
    case 'townAdmin':
    case 'townPartyAdmin':
      return grant.townId
    case 'countyAdmin':
      return grant.countyId
  }
}

export const session: Handler<'me.session'> = {
  access: { who: 'anyone' },
  async handle(_input, ctx) {
    const { identity } = ctx
    const [places] = await Promise.all([
      placesById(ctx, identity.roles.map(placeOf)),
      identity.user ? null : noteVisitor(ctx)
    ])
    return {
      openid: ctx.openid,
      name: identity.user?.name ?? '',
      roles: identity.roles.map(r => ({
        role: r.role,
        label: ROLE_NAMES[r.role],
        placeName: places.get(placeOf(r))?.name ?? ''
      })),
      largeFont: identity.user?.largeFont ?? false,
      subscribeTemplates: ctx.templates
    }
  }
}

export const setPreferences: Handler<'me.setPreferences'> = {
  access: { who: 'registered' },
  async handle(input, ctx) {
    if (!ctx.identity.user) throw new AppError('NOT_REGISTERED')
    await ctx.db
      .collection('users')
      .doc(ctx.openid)
      .update({ data: { largeFont: input.largeFont } })
    return { largeFont: input.largeFont }
  }
}

/**
 * Someone without an account opened the app: remembered once (first visit), so that a role can be
 * granted only to a number that belongs to a real person (roles.grant checks it).
 */
async function noteVisitor(ctx: RouteCtx) {
  if (await getDoc(ctx, 'visitors', ctx.openid)) return
  await ctx.db
    .collection('visitors')
    .doc(ctx.openid)
    .set({ data: { firstAt: ctx.now() } })
}
