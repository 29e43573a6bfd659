/**
 * Activities (活动报名与签到): voluntary work, volunteering, culture and sport, with places to sign up
 * for, check-in at the place, and attendance credited by a rule. Pure rules; the activity routes
 * apply them inside the transactions that keep the sign-up count.
 */
export type ActivityKind = 'labour' | 'volunteer' | 'culture'
export type ActivityState = 'open' | 'cancelled' | 'confirmed'
export type SignupState = 'signedUp' | 'cancelled'

export const ACTIVITY_KIND_NAMES: Record<ActivityKind, string> = {
  labour: '义务劳动',
  volunteer: '志愿服务',
  culture: '文体活动'
}

/** Check-in opens this long before the start (people come early) and closes at the end. */
export const CHECKIN_EARLY_MS = 30 * 60_000
export const CAPACITY_MAX = 500
export const DURATION_MAX_MS = 24 * 3600_000

export interface ActivityTimes {
  startAt: number
  endAt: number
}

export const checkInOpen = (a: ActivityTimes, nowMs: number) =>
  nowMs >= a.startAt - CHECKIN_EARLY_MS && nowMs <= a.endAt

/** Signing up and cancelling end when the activity starts. */
export const beforeStart = (a: ActivityTimes, nowMs: number) => nowMs < a.startAt

/** Why a cadre's times and places cannot be taken, or null. */
export function activityProblem(a: ActivityTimes & { capacity: number }, nowMs: number): string | null {
  if (a.startAt <= nowMs) return '开始时间要在现在以后'
  if (a.endAt <= a.startAt) return '结束时间要在开始时间以后'
  if (a.endAt - a.startAt > DURATION_MAX_MS) return '一次活动最长一天'
  if (a.capacity < 1 || a.capacity > CAPACITY_MAX) return `名额要在1到${CAPACITY_MAX}之间`
  return null
}

/** The households whose attendance is credited: each household once, however many of it came. */
export const attendingHouseholds = (present: { householdId: string }[]) => [...new Set(present.map(p => p.householdId))]
