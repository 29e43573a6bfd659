import { household } from './ledger'

/** A route reply's data, or the refusal as an error (for the steps that must succeed). */
export function ok<T = any>(reply: any): T {
  if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
  return reply.data
}

/**
 * `count` more households of 新丰村 with zero points, each with one bound villager whose openid is
 * `<prefix>-<n>`: voters, attendees and consenters for the concurrency tests.
 */
export async function addVillagers(
  db: any,
  prefix: string,
  count: number
): Promise<{ openid: string; householdId: string }[]> {
  const { _id, ...template } = await household(db, 'h-xf-001')
  const people = Array.from({ length: count }, (_, i) => ({
    openid: `${prefix}-${String(i).padStart(3, '0')}`,
    householdId: `h-${prefix}-${String(i).padStart(3, '0')}`
  }))
  await db.collection('households').add({
    data: people.map(p => ({
      ...template,
      _id: p.householdId,
      doorPlate: `测试${p.householdId}`,
      head: `户主${p.openid}`,
      balance: 0,
      earned: 0,
      monthKey: '',
      monthPoints: 0,
      yearKey: '',
      yearPoints: 0,
      caps: {},
      latest: [],
      purchases: {},
      boundUsers: [p.openid]
    }))
  })
  await db.collection('users').add({
    data: people.map(p => ({
      _id: p.openid,
      name: `户主${p.openid}`,
      roles: [{ role: 'villager', householdId: p.householdId, villageId: 'v-xinfeng' }],
      largeFont: false
    }))
  })
  return people
}

/** One more villager bound to an existing household (a second member with WeChat). */
export async function addMember(db: any, openid: string, householdId: string, name = '家人') {
  await db.collection('users').add({
    data: { _id: openid, name, roles: [{ role: 'villager', householdId, villageId: 'v-xinfeng' }], largeFont: false }
  })
}
