import { z } from 'zod'
import type { RegisterProblem } from '../domain/register'
import { change, fileId, id, list, periodKey, read, requestId, result } from './schema'

/**
 * The county roll-out's routes (spread into the route table of routes.ts): the register's import
 * and template, exports, the town and county overview and the rankings across villages. Same shape
 * as routes.ts: input schema, whether it writes, result type.
 */
export interface ExportFile {
  /** a temporary download address (WeChat: downloadFile + openDocument; browser: a link) */
  url: string
  fileName: string
  rows: number
}

export interface ImportCounts {
  householdsAdded: number
  householdsChanged: number
  householdsUnchanged: number
  peopleAdded: number
  peopleChanged: number
}

export interface ImportPreview extends ImportCounts {
  importId: string
  rows: number
  /** what would change in households already in the archive (the first 50) */
  changes: { doorPlate: string; what: string[] }[]
  /** every problem, up to REGISTER_PROBLEMS_SHOWN_MAX; `problemCount` counts them all */
  problems: RegisterProblem[]
  problemCount: number
  villageName: string
}

export interface ImportProgress extends ImportCounts {
  importId: string
  done: boolean
  /** households of the file handled so far, of `total` */
  handled: number
  total: number
  problemCount: number
}

export interface OverviewRow {
  /** a village, or a town (the county's view rolls villages up to towns) */
  id: string
  name: string
  kind: 'village' | 'town'
  households: number
  registeredHouseholds: number
  people: number
  boundHouseholds: number
  /** percentages with one decimal; null when the divisor is 0 (户籍户数 not entered) */
  coverage: number | null
  participationMonth: number | null
  participationYear: number | null
  awardedMonth: number
  deductedMonth: number
  redeemedMonth: number
  claimsWaiting: number
  issuesOverdue: number
  /** the roll-out checklist (villages only; towns count villages that have it) */
  rulesAdopted: number
  registerImported: number
  cadres: number
  gridWorkers: number
  villages: number
}

export interface TrendPoint {
  month: string
  coverage: number | null
  participation: number | null
  awarded: number
  deducted: number
}

export interface WideRankingRow {
  rank: number
  householdId: string
  doorPlate: string
  head: string
  villageName: string
  earned: number
}

/** `villageId` names the village a town or county administrator acts on; a cadre's is their own (omitted). */
const period = periodKey

export const countyRoutes = {
  'register.template': read(z.object({ villageId: id.optional() }).strict(), result<ExportFile>()),
  /** reads an uploaded register and says what importing it would do; writes nothing */
  'register.preview': read(z.object({ villageId: id.optional(), fileId }).strict(), result<ImportPreview>()),
  /**
   * imports the register's households without problems; bounded work per call: call again (a new
   * request id) while `done` is false. The same file again changes nothing.
   */
  'register.apply': change(
    z.object({ requestId, villageId: id.optional(), fileId }).strict(),
    result<ImportProgress>()
  ),
  'export.households': read(z.object({ villageId: id.optional() }).strict(), result<ExportFile>()),
  'export.ledger': read(z.object({ villageId: id.optional(), period }).strict(), result<ExportFile>()),
  'export.ranking': read(
    z.object({ villageId: id.optional(), period: z.enum(['month', 'year', 'all']).default('all') }).strict(),
    result<ExportFile>()
  ),
  'export.overview': read(z.object({ townId: id.optional() }).strict(), result<ExportFile>()),
  /** the town administrator's town, or (county administrator) the county by town or one town by village */
  'overview.get': read(
    z.object({ townId: id.optional() }).strict(),
    result<{
      scope: 'town' | 'county'
      name: string
      month: string
      rows: OverviewRow[]
      total: OverviewRow
      trend: TrendPoint[]
      /** when the figures that are not kept live were last recounted (the oldest village's) */
      updatedAt: number
    }>()
  ),
  'village.setRegistered': change(
    z.object({ requestId, villageId: id, registeredHouseholds: z.number().int().min(0).max(100000) }).strict(),
    result<{ registeredHouseholds: number }>()
  ),
  /** households across a town or the county by earned points; deep pages by the last row's cursor */
  'ranking.wide': list(
    z
      .object({
        scope: z.enum(['town', 'county']),
        after: z
          .object({
            earned: z.number().int(),
            householdId: id,
            rank: z.number().int().min(1),
            position: z.number().int().min(1)
          })
          .strict()
          .optional(),
        pageSize: z.number().int().min(1).max(100).optional()
      })
      .strict(),
    result<{
      scopeName: string
      rows: WideRankingRow[]
      next: { earned: number; householdId: string; rank: number; position: number } | null
      me: WideRankingRow | null
    }>()
  )
} as const
