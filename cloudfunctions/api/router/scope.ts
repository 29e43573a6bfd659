import { AppError } from '../../../core/contract/errors'
import { COUNTY_ID, RoleGrant, RoleName } from '../../../core/domain/roles'
import type { Identity } from './identity'

/**
 * Where a route acts, found from the caller's grants as loaded server-side, never from the input.
 * A route declares its scope kind; the router resolves it before the handler runs (refusing a caller
 * whose grants give no such place), and the handler checks each document it touches with `check`.
 *
 * - own:       the caller's own things (their session, their requests); no place
 * - household: the villager's household (and its village)
 * - grid:      the grid worker's grids (and their village)
 * - village:   the village the caller works or lives in: as cadre, else grid worker, else villager, else
 *              as a party branch's officer or member
 * - branch:    the party branch the caller works in: as its secretary or clerk, else as its member
 * - town:      the town the caller administers: as town administrator, else as town party administrator
 * - area:      what the caller oversees or may read: a cadre's village (on routes open to them, a grid
 *              worker's or villager's), a town (party) administrator's town, the county
 * - organisation: the organisation on the platform (入驻单位) whose staff the caller is (a bank's staff too)
 */
export type ScopeKind = 'own' | 'household' | 'grid' | 'village' | 'branch' | 'town' | 'area' | 'organisation'

export interface Places {
  own: object
  household: { householdId: string; villageId: string }
  grid: { villageId: string; gridIds: string[] }
  village: { villageId: string }
  branch: { branchId: string; villageId: string }
  town: { townId: string }
  area: { villageId: string | null; townId: string | null; county: boolean }
  organisation: { organisationId: string }
}

/** A resolved scope: its places, and the check of a document against them. */
export type Scope<S extends ScopeKind> = Places[S] & {
  kind: S
  /** the place an audit record of the act is filed under */
  auditPlaceId: string
  /** refuses a document of another village (or, for a grid worker, of another grid; in a branch, of another branch) */
  check(doc: ScopedDoc): void
}

/** What a scope checks of a document: where it is. */
export interface ScopedDoc {
  villageId: string
  gridId?: string
  townId?: string
  branchId?: string
}

/** The caller's grant of a role, if they hold it. */
export function grantOf<R extends RoleName>(identity: Identity, role: R): Extract<RoleGrant, { role: R }> | null {
  return (identity.roles.find(r => r.role === role) as Extract<RoleGrant, { role: R }> | undefined) ?? null
}

const inVillage = (villageId: string | null) => (doc: { villageId: string }) => {
  if (doc.villageId !== villageId) throw new AppError('OTHER_VILLAGE')
}

export type AnyScope = { [K in ScopeKind]: Scope<K> }[ScopeKind]

/** The scope of `kind` for a caller who may use the route as one of `roles`. */
export function resolveScope(kind: ScopeKind, identity: Identity, roles: readonly RoleName[]): AnyScope {
  const may = (role: RoleName) => roles.includes(role) && grantOf(identity, role)
  switch (kind) {
    case 'own':
      return { kind, auditPlaceId: '', check: () => {} }
    case 'household': {
      const grant = may('villager') || null
      if (!grant || grant.role !== 'villager') throw new AppError('NOT_BOUND')
      const { householdId, villageId } = grant
      return { kind, householdId, villageId, auditPlaceId: villageId, check: inVillage(villageId) }
    }
    case 'grid': {
      const grant = may('gridWorker') || null
      if (!grant || grant.role !== 'gridWorker') throw new AppError('FORBIDDEN')
      const { villageId, gridIds } = grant
      const check = (doc: { villageId: string; gridId?: string }) => {
        inVillage(villageId)(doc)
        if (doc.gridId !== undefined && !gridIds.includes(doc.gridId)) throw new AppError('NOT_YOUR_GRID')
      }
      return { kind, villageId, gridIds, auditPlaceId: villageId, check }
    }
    case 'village': {
      const grant =
        may('cadre') ||
        may('gridWorker') ||
        may('villager') ||
        may('branchSecretary') ||
        may('partyClerk') ||
        may('partyMember') ||
        null
      if (!grant || !('villageId' in grant)) throw new AppError('FORBIDDEN')
      const { villageId } = grant
      return { kind, villageId, auditPlaceId: villageId, check: inVillage(villageId) }
    }
    case 'branch': {
      const grant = may('branchSecretary') || may('partyClerk') || may('partyMember') || null
      if (!grant || !('branchId' in grant)) throw new AppError('FORBIDDEN')
      const { branchId, villageId } = grant
      const check = (doc: ScopedDoc) => {
        if (doc.branchId === undefined) inVillage(villageId)(doc)
        else if (doc.branchId !== branchId) throw new AppError('OTHER_BRANCH')
      }
      return { kind, branchId, villageId, auditPlaceId: villageId, check }
    }
    case 'town': {
      const grant = may('townAdmin') || may('townPartyAdmin') || null
      if (!grant || !('townId' in grant)) throw new AppError('FORBIDDEN')
      const { townId } = grant
      const check = (doc: ScopedDoc) => {
        if (doc.townId !== townId) throw new AppError('FORBIDDEN')
      }
      return { kind, townId, auditPlaceId: townId, check }
    }
    case 'area': {
      const inVillageGrant = may('cadre') || may('gridWorker') || may('villager') || null
      const town = may('townAdmin') || may('townPartyAdmin') || null
      const county = !!may('countyAdmin')
      const villageId = inVillageGrant && 'villageId' in inVillageGrant ? inVillageGrant.villageId : null
      const townId = town && 'townId' in town ? town.townId : null
      if (!villageId && !townId && !county) throw new AppError('FORBIDDEN')
      const auditPlaceId = villageId ?? townId ?? COUNTY_ID
      const check = (doc: { villageId: string; townId?: string }) => {
        if (county || (villageId && doc.villageId === villageId) || (townId && doc.townId === townId)) return
        throw new AppError('OTHER_VILLAGE')
      }
      return { kind, villageId, townId, county, auditPlaceId, check }
    }
    case 'organisation': {
      const grant = may('orgStaff') || may('bankStaff') || null
      if (!grant || !('organisationId' in grant)) throw new AppError('FORBIDDEN')
      // an organisation's documents carry no village: what it may touch is checked by its id
      return { kind, organisationId: grant.organisationId, auditPlaceId: '', check: () => {} }
    }
  }
  throw new Error(`unknown scope ${kind}`)
}
