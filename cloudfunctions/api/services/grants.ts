import { AppError } from '../../../core/contract/errors'
import type { RoleGrant, RoleName } from '../../../core/domain/roles'
import type { Ctx } from '../../shared/context'
import type { GrantDoc, HouseholdDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'
import { transact, Tx } from '../../shared/data/transaction'
import { headAfterBinding, headAfterUnbinding } from './household-head'

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

/**
 * Refuses a number nobody has opened the app with (NEVER_OPENED). The app's first call leaves a user
 * document without roles; a made-up or mistyped number has none, and a role given to it would be held
 * by nobody who can use it. Every route that grants a role checks it, after its own checks of who may
 * grant what where.
 */
export async function mustHaveOpenedApp(ctx: Pick<Ctx, 'db'>, openid: string): Promise<void> {
  if (!(await data(ctx).users.get(openid))) throw new AppError('NEVER_OPENED')
}

export async function giveRole(
  ctx: Pick<Ctx, 'db' | 'now'>,
  target: { openid: string; name: string },
  grant: RoleGrant,
  scope: GrantScope,
  by: string,
  /** refuse when the user already holds this role (joining a household), instead of replacing it */
  onlyIfNew = false
): Promise<GrantDoc> {
  return transact(ctx, async tx => {
    const user = await tx.get('users', target.openid)
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
    await tx.set('users', {
      _id: target.openid,
      name: user?.name || target.name,
      roles,
      largeFont: user?.largeFont ?? false
    })
    await tx.set('grants', doc)
    if (grant.role === 'villager')
      await keepBound(ctx, tx, grant.householdId, h => ({
        boundUsers: [...(h.boundUsers ?? []), target.openid],
        headUser: headAfterBinding(h, target.openid, user?.name || target.name)
      }))
    return doc
  })
}

/** The household's bound villagers and its head among them, changed in the same transaction as the grant. */
async function keepBound(
  ctx: Pick<Ctx, 'db'>,
  tx: Tx,
  householdId: string,
  change: (h: HouseholdDoc) => Pick<HouseholdDoc, 'boundUsers' | 'headUser' | 'headMarked'>
) {
  const household = await tx.get('households', householdId)
  if (!household) return
  const next = change(household)
  const boundUsers = [...new Set(next.boundUsers)]
  await tx.update('households', householdId, {
    boundUsers: ctx.db.command.set(boundUsers),
    // a household bound before heads were kept stays without the field: its head is decided by name
    ...(next.headUser === undefined ? {} : { headUser: next.headUser }),
    ...(next.headMarked === undefined ? {} : { headMarked: next.headMarked })
  })
}

/** Takes a role away; false when the user did not hold it (a repeated call changes nothing). */
export async function takeRole(ctx: Pick<Ctx, 'db' | 'now'>, openid: string, role: RoleName): Promise<boolean> {
  return transact(ctx, async tx => {
    const [user, grant] = await Promise.all([tx.get('users', openid), tx.get('grants', grantId(openid, role))])
    if (!user?.roles.some(r => r.role === role) && !grant) return false
    if (user) await tx.update('users', openid, { roles: ctx.db.command.set(user.roles.filter(r => r.role !== role)) })
    if (grant) await tx.remove('grants', grant._id)
    if (grant?.householdId)
      await keepBound(ctx, tx, grant.householdId, h => ({
        boundUsers: (h.boundUsers ?? []).filter(o => o !== openid),
        ...headAfterUnbinding(h, openid)
      }))
    return true
  })
}
