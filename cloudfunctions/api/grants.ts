import { AppError } from '../../core/contract/errors'
import type { RoleGrant, RoleName } from '../../core/domain/roles'
import type { Ctx } from '../shared/context'
import type { UserDoc } from './identity'
import { transact, transactionGet } from './ledger'
import type { GrantDoc, HouseholdDoc } from './model/documents'

/**
 * Giving and taking roles. The user document's `roles` is what identity reads on every call; the
 * grant document (one per user and role) is what lists who holds which role where. Both change in
 * one transaction, so they always agree.
 */

export interface GrantScope {
  countyId: string
  townId: string | null
  villageId: string | null
  householdId: string | null
}

export const grantId = (openid: string, role: RoleName) => `${openid}:${role}`

export async function giveRole(
  ctx: Pick<Ctx, 'db' | 'now'>,
  target: { openid: string; name: string },
  grant: RoleGrant,
  scope: GrantScope,
  by: string,
  /** refuse when the user already holds this role (joining a household), instead of replacing it */
  onlyIfNew = false
): Promise<GrantDoc> {
  return transact(ctx, async t => {
    const user = await transactionGet<UserDoc>(t, 'users', target.openid)
    const held = user?.roles ?? []
    if (onlyIfNew && held.some(r => r.role === grant.role)) throw new AppError('ALREADY_BOUND')
    const roles = [...held.filter(r => r.role !== grant.role), grant]
    const doc: GrantDoc = {
      _id: grantId(target.openid, grant.role),
      openid: target.openid,
      name: target.name,
      role: grant.role,
      grant,
      ...scope,
      by,
      at: ctx.now()
    }
    const { _id: _u, ...userFields } = {
      _id: target.openid,
      name: user?.name || target.name,
      roles,
      largeFont: user?.largeFont ?? false
    }
    const { _id: _g, ...grantFields } = doc
    await t.collection('users').doc(target.openid).set({ data: userFields })
    await t.collection('grants').doc(doc._id).set({ data: grantFields })
    if (grant.role === 'villager') await keepBound(ctx, t, grant.householdId, list => [...list, target.openid])
    return doc
  })
}

/** The household's list of bound villagers, changed in the same transaction as the grant. */
async function keepBound(ctx: Pick<Ctx, 'db'>, t: any, householdId: string, change: (list: string[]) => string[]) {
  const household = await transactionGet<HouseholdDoc>(t, 'households', householdId)
  if (!household) return
  const boundUsers = [...new Set(change(household.boundUsers ?? []))]
  await t
    .collection('households')
    .doc(householdId)
    .update({ data: { boundUsers: ctx.db.command.set(boundUsers) } })
}

/** Takes a role away; false when the user did not hold it (a repeated call changes nothing). */
export async function takeRole(ctx: Pick<Ctx, 'db' | 'now'>, openid: string, role: RoleName): Promise<boolean> {
  return transact(ctx, async t => {
    const [user, grant] = await Promise.all([
      transactionGet<UserDoc>(t, 'users', openid),
      transactionGet<GrantDoc>(t, 'grants', grantId(openid, role))
    ])
    if (!user?.roles.some(r => r.role === role) && !grant) return false
    if (user)
      await t
        .collection('users')
        .doc(openid)
        .update({ data: { roles: ctx.db.command.set(user.roles.filter(r => r.role !== role)) } })
    if (grant) await t.collection('grants').doc(grant._id).remove()
    if (grant?.householdId) await keepBound(ctx, t, grant.householdId, list => list.filter(o => o !== openid))
    return true
  })
}
