/** One county runs one deployment: its place id. */
export const COUNTY_ID = 'county'

/** Roles are scoped to a place and granted by the level above (see GLOSSARY.md). */
export type RoleGrant =
  | { role: 'villager'; householdId: string; villageId: string }
  | { role: 'gridWorker'; gridIds: string[]; villageId: string }
  | { role: 'cadre'; villageId: string }
  | { role: 'townAdmin'; townId: string }
  | { role: 'countyAdmin'; countyId: string }

export type RoleName = RoleGrant['role']

export const ROLE_NAMES: Record<RoleName, string> = {
  villager: '村民',
  gridWorker: '网格员',
  cadre: '村干部',
  townAdmin: '镇街管理员',
  countyAdmin: '县管理员'
}
