import type { Ctx } from '../../shared/context'
import type { HouseholdDoc, UserDoc } from '../../shared/data/documents'
import { data } from '../../shared/data/store'

/**
 * Which of a household's bound WeChat users is its head (户主): the one who may consent for the
 * household (积分贷). The household keeps it as `headUser`, decided when users are bound and unbound
 * (services/grants.ts, in the binding's transaction) and when a cadre changes the head: the bound user
 * whose name is that of the member recorded as 户主, if exactly one is. A member who binds later under
 * the head's name does not displace the head, and a user bound to no household is nobody's head. A cadre
 * may also mark the head by hand (binding.setHead, `headMarked`): that mark survives edits of the head's
 * name, and goes when its user is unbound.
 */

type HeadFacts = Pick<HouseholdDoc, 'head' | 'members' | 'boundUsers' | 'headUser' | 'headMarked'>

/** The head's name: the member whose relation is 户主, else the household's head field. */
export const headNameOf = (h: Pick<HouseholdDoc, 'head' | 'members'>) =>
  h.members.find(m => m.relation === '户主')?.name ?? h.head

/** The bound user carrying the head's name, when exactly one does; else null. */
export function headAmong(h: HeadFacts, users: Map<string, Pick<UserDoc, 'name'>>): string | null {
  const named = (h.boundUsers ?? []).filter(openid => users.get(openid)?.name === headNameOf(h))
  return named.length === 1 ? named[0] : null
}

/**
 * The head's user after `openid` (named `name`) is bound: kept if there is one, else them if they
 * carry the head's name.
 */
export function headAfterBinding(h: HeadFacts, openid: string, name: string): HouseholdDoc['headUser'] {
  // undefined: a household bound before heads were kept; `headUserOf` decides it from the names
  if (h.headUser !== null) return h.headUser
  return name === headNameOf(h) ? openid : null
}

/** The head's user after `openid` is unbound: a head unbound takes the cadre's mark with them. */
export const headAfterUnbinding = (h: HeadFacts, openid: string): Pick<HouseholdDoc, 'headUser' | 'headMarked'> =>
  h.headUser === openid ? { headUser: null, headMarked: false } : { headUser: h.headUser }

/**
 * The head's user after a cadre records a new name as 户主, given the bound users' names: the user a
 * cadre marked by hand stays (the mark is about the person, and a name is corrected more often than a
 * head is replaced; the cadre marks another when it is); a head found by name is found by name again.
 */
export const headAfterRenaming = (
  h: HeadFacts,
  head: Pick<HouseholdDoc, 'head' | 'members'>,
  users: Map<string, Pick<UserDoc, 'name'>>
): HouseholdDoc['headUser'] => (h.headMarked && h.headUser ? h.headUser : headAmong({ ...h, ...head }, users))

/**
 * The head's user of a household: as kept, or (a household bound before heads were kept) from its
 * bound users' names.
 */
export async function headUserOf(ctx: Pick<Ctx, 'db'>, h: HeadFacts): Promise<string | null> {
  if (h.headUser !== undefined) return h.headUser
  return headAmong(h, await data(ctx).users.getMany(h.boundUsers ?? []))
}
