import { COUNTY_ID, RoleGrant } from '../../../core/domain/roles'
import type { Ctx } from '../../shared/context'
import type { UserDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'

export interface Identity {
  openid: string
  user: UserDoc | null
  roles: RoleGrant[]
}

/** Who the caller is, looked up server-side on every call: one document read by openid. */
export async function loadIdentity(ctx: Ctx): Promise<Identity> {
  const user = await data(ctx).users.get(ctx.openid)
  const roles = [...(user?.roles ?? [])]
  if (ctx.bootstrapAdmins.includes(ctx.openid) && !roles.some(r => r.role === 'countyAdmin')) {
    roles.push({ role: 'countyAdmin', countyId: COUNTY_ID })
  }
  return { openid: ctx.openid, user, roles }
}

/** The caller's name for the record of who did what. */
export const actorName = (ctx: { identity: Identity }) => ctx.identity.user?.name ?? ''
