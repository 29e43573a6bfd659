import { ROLE_NAMES, RoleGrant } from '../../../core/domain/roles'
import { AppError } from '../../../core/contract/errors'
import type { Handler } from '../router'
import { placesById } from '../places'

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
    const places = await placesById(ctx, identity.roles.map(placeOf))
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
