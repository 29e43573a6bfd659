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
 * - village:   the village the caller works or lives in: as cadre, else grid worker, else villager
 * - area:      what an administrator oversees: a cadre's village, a town administrator's town, the county
 * - organisation: the organisation on the platform (入驻单位) whose staff the caller is (a bank's staff too)
 */
export type ScopeKind = 'own' | 'household' | 'grid' | 'village' | 'area' | 'organisation'

export interface Places {
  own: object
  household: { householdId: string; villageId: string }
  grid: { villageId: string; gridIds: string[] }
  village: { villageId: string }
  area: { villageId: string | null; townId: string | null; county: boolean }
  organisation: { organisationId: string }
}

/** A resolved scope: its places, and the check of a document against them. */
export type Scope<S extends ScopeKind> = Places[S] & {
  kind: S
  /** the place an audit record of the act is filed under */
  auditPlaceId: string
  /** refuses a document of another village (or, for a grid worker, of another grid) */
  check(doc: { villageId: string; gridId?: string; townId?: string }): void
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
      const grant = may('cadre') || may('gridWorker') || may('villager') || null
      if (!grant || !('villageId' in grant)) throw new AppError('FORBIDDEN')
      const { villageId } = grant
      return { kind, villageId, auditPlaceId: villageId, check: inVillage(villageId) }
    }
    case 'area': {
      const cadre = may('cadre') || null
      const town = may('townAdmin') || null
      const county = !!may('countyAdmin')
      const villageId = cadre && cadre.role === 'cadre' ? cadre.villageId : null
      const townId = town && town.role === 'townAdmin' ? town.townId : null
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
