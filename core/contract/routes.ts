import { z } from 'zod'
import type { RoleName } from '../domain/roles'

/**
 * The route table shared by the app and the `api` function: each route's name, input schema and
 * result type, and whether it writes (writes carry a client request id and are idempotent by it).
 * Who may call a route is declared where it is handled (cloudfunctions/api/routes), because it is
 * checked there and only there.
 */
export const requestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对')

const empty = z.object({}).strict()

export interface EntryView {
  id: string
  points: number
  kind: 'award' | 'deduction' | 'redemption' | 'refund' | 'correction'
  title: string
  category: string
  note: string
  at: number
}

export interface HouseholdCard {
  householdId: string
  doorPlate: string
  head: string
  villageName: string
  balance: number
  stars: number
  rankInVillage: number
  householdsInVillage: number
  monthPoints: number
  yearPoints: number
}

export interface SessionView {
  name: string
  roles: { role: RoleName; label: string; placeName: string }[]
  largeFont: boolean
}

export const routes = {
  'me.session': { input: empty, write: false, result: {} as SessionView },
  'me.setPreferences': {
    input: z.object({ requestId, largeFont: z.boolean() }).strict(),
    write: true,
    result: {} as { largeFont: boolean }
  },
  'archive.home': {
    input: empty,
    write: false,
    result: {} as { card: HouseholdCard; latest: EntryView[] }
  }
} as const

export type RouteName = keyof typeof routes
export type RouteInput<R extends RouteName> = z.input<(typeof routes)[R]['input']>
export type RouteResult<R extends RouteName> = (typeof routes)[R]['result']
