import type { RoleGrant } from '../../core/domain/roles'
import type { Identity } from '../../cloudfunctions/api/router/identity'
import { resolveScope } from '../../cloudfunctions/api/router/scope'

/** The places the router finds from grants (party branches and towns among them), and what they refuse. */

const caller = (...roles: RoleGrant[]): Identity => ({ openid: 'o-test', user: null, roles })
const codeOf = (work: () => unknown) => {
  try {
    work()
    return 'allowed'
  } catch (e) {
    return (e as { code?: string }).code
  }
}

const secretary: RoleGrant = { role: 'branchSecretary', branchId: 'b1', villageId: 'v1' }
const member: RoleGrant = { role: 'partyMember', memberId: 'm9', branchId: 'b2', villageId: 'v1' }
const townParty: RoleGrant = { role: 'townPartyAdmin', townId: 't1' }
const villager: RoleGrant = { role: 'villager', householdId: 'h1', villageId: 'v2' }

describe('the branch scope', () => {
  it("is the officer's branch on an officers' route, the member's on a members' route", () => {
    const both = caller(member, secretary)
    const asOfficer = resolveScope('branch', both, ['branchSecretary', 'partyClerk'])
    const asMember = resolveScope('branch', both, ['partyMember'])
    expect(asOfficer).toMatchObject({ kind: 'branch', branchId: 'b1', villageId: 'v1', auditPlaceId: 'v1' })
    expect(asMember).toMatchObject({ kind: 'branch', branchId: 'b2', villageId: 'v1' })
  })

  it('refuses a document of another branch, and a branchless document of another village', () => {
    const scope = resolveScope('branch', caller(secretary), ['branchSecretary'])
    expect(codeOf(() => scope.check({ villageId: 'v1', branchId: 'b1' }))).toBe('allowed')
    expect(codeOf(() => scope.check({ villageId: 'v1', branchId: 'b2' }))).toBe('OTHER_BRANCH')
    expect(codeOf(() => scope.check({ villageId: 'v1' }))).toBe('allowed')
    expect(codeOf(() => scope.check({ villageId: 'v2' }))).toBe('OTHER_VILLAGE')
  })

  it('finds no branch for a caller with no party grant among the route’s roles', () => {
    expect(codeOf(() => resolveScope('branch', caller(villager), ['branchSecretary']))).toBe('FORBIDDEN')
    expect(codeOf(() => resolveScope('branch', caller(member), ['branchSecretary']))).toBe('FORBIDDEN')
  })
})

describe('the town scope', () => {
  it("is the town party administrator's town, and refuses another town's documents", () => {
    const scope = resolveScope('town', caller(townParty), ['townPartyAdmin'])
    expect(scope).toMatchObject({ kind: 'town', townId: 't1', auditPlaceId: 't1' })
    expect(codeOf(() => scope.check({ villageId: 'v1', townId: 't1' }))).toBe('allowed')
    expect(codeOf(() => scope.check({ villageId: 'v3', townId: 't2' }))).toBe('FORBIDDEN')
  })

  it('finds no town for a village role', () => {
    expect(codeOf(() => resolveScope('town', caller(secretary), ['townPartyAdmin']))).toBe('FORBIDDEN')
  })
})

describe('the village and area scopes on party and reading routes', () => {
  it("is a party officer's village when the route admits officers", () => {
    expect(resolveScope('village', caller(secretary), ['villager', 'branchSecretary'])).toMatchObject({
      villageId: 'v1'
    })
    expect(codeOf(() => resolveScope('village', caller(secretary), ['villager']))).toBe('FORBIDDEN')
  })

  it("is a villager's village only on an area route open to villagers", () => {
    expect(resolveScope('area', caller(villager), ['villager', 'townAdmin'])).toMatchObject({
      villageId: 'v2',
      townId: null,
      county: false
    })
    expect(codeOf(() => resolveScope('area', caller(villager), ['cadre', 'townAdmin']))).toBe('FORBIDDEN')
  })
})
