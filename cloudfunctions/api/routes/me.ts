import { ROLE_NAMES, RoleGrant } from '../../../core/domain/roles'
import { data } from '../../shared/data/store'
import { anyone, registered, Routes } from '../router/route'
import { placesById } from '../services/places'

/** Who the caller is and what they may do: the app's first call. */

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
    case 'orgStaff':
    case 'bankStaff':
      return grant.organisationId
  }
}

export const meRoutes = {
  'me.session': {
    access: anyone,
    scope: 'own',
    async handle(_input, ctx) {
      const { identity } = ctx
      // the first visit leaves a user record without roles, so a role can be granted to this number
      // later and to no number nobody has used (roles.grant); adding what exists changes nothing
      if (!identity.user) await data(ctx).users.add({ _id: ctx.openid, name: '', roles: [], largeFont: false })
      const places = await placesById(ctx, identity.roles.map(placeOf))
      return {
        openid: ctx.openid,
        name: identity.user?.name ?? '',
        roles: identity.roles.map(r => ({
          role: r.role,
          label: ROLE_NAMES[r.role],
          placeName: places.get(placeOf(r))?.name ?? ('organisationName' in r ? r.organisationName : '')
        })),
        largeFont: identity.user?.largeFont ?? false,
        subscribeTemplates: ctx.templates
      }
    }
  },

  'me.setPreferences': {
    access: registered,
    scope: 'own',
    audit: { none: 'a preference of the caller’s own' },
    async handle(input, ctx) {
      // the county's first administrator holds the role by configuration and has no user record yet:
      // their first preference makes one (a record made meanwhile by a role grant is updated instead)
      const users = data(ctx).users
      const made =
        !ctx.identity.user && (await users.add({ _id: ctx.openid, name: '', roles: [], largeFont: input.largeFont }))
      if (!made) await users.update(ctx.openid, { largeFont: input.largeFont })
      return { largeFont: input.largeFont }
    }
  }
} satisfies Partial<Routes>
