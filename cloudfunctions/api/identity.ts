import { COUNTY_ID, RoleGrant } from '../../core/domain/roles'
import type { Ctx } from '../shared/context'

export interface UserDoc {
  _id: string // the openid
  name: string
  roles: RoleGrant[]
  largeFont?: boolean
}

export interface Identity {
  openid: string
  user: UserDoc | null
  roles: RoleGrant[]
}

/** Who the caller is, looked up server-side on every call: one document read by openid. */
export async function loadIdentity(ctx: Ctx): Promise<Identity> {
  const user = await getDoc<UserDoc>(ctx, 'users', ctx.openid)
  const roles = [...(user?.roles ?? [])]
  if (ctx.bootstrapAdmins.includes(ctx.openid) && !roles.some(r => r.role === 'countyAdmin')) {
    roles.push({ role: 'countyAdmin', countyId: COUNTY_ID })
  }
  return { openid: ctx.openid, user, roles }
}

/** A document by id, or null. wx-server-sdk rejects a missing document; that is not an error here. */
export async function getDoc<T>(ctx: Pick<Ctx, 'db'>, collection: string, id: string): Promise<T | null> {
  try {
    const res = (await ctx.db.collection(collection).doc(id).get()) as unknown as { data: T }
    return res.data ?? null
  } catch (e: any) {
    if (/does not exist/.test(String(e?.errMsg ?? e?.message))) return null
    throw e
  }
}
