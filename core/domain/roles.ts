/** One county runs one deployment: its place id. */
export const COUNTY_ID = 'county'

/** Roles are scoped to a place and granted by the level above (see GLOSSARY.md). */
export type RoleGrant =
  | { role: 'villager'; householdId: string; villageId: string }
  | { role: 'gridWorker'; gridIds: string[]; villageId: string }
  | { role: 'cadre'; villageId: string }
  | { role: 'townAdmin'; townId: string }
  | { role: 'countyAdmin'; countyId: string }
  // party work (党员积分评星): a member's own view, the branch's officers, the town's party administrator
  | { role: 'partyMember'; memberId: string; branchId: string; villageId: string }
  | { role: 'branchSecretary'; branchId: string; villageId: string }
  | { role: 'partyClerk'; branchId: string; villageId: string }
  | { role: 'townPartyAdmin'; townId: string }
  // organisations on the platform (入驻单位), registered by the county or a town; a bank's staff see points under consent
  | { role: 'orgStaff'; organisationId: string; organisationName: string }
  | { role: 'bankStaff'; organisationId: string; organisationName: string }

export type RoleName = RoleGrant['role']

export const ROLE_NAMES: Record<RoleName, string> = {
  villager: '村民',
  gridWorker: '网格员',
  cadre: '村干部',
  townAdmin: '镇街管理员',
  countyAdmin: '县管理员',
  partyMember: '党员',
  branchSecretary: '支部书记',
  partyClerk: '党务管理员',
  townPartyAdmin: '镇党委管理员',
  orgStaff: '入驻单位工作人员',
  bankStaff: '银行工作人员'
}
