import type { EntryView } from './views'
import type { ResultsShown, VoteState, VoterUnit } from '../domain/votes'
import type { TreeHead } from '../domain/seal'

/** What the participation routes return (votes, activities, organisations, points for credit). */

export interface VoteView {
  id: string
  question: string
  options: string[]
  multiple: boolean
  maxChoices: number
  per: VoterUnit
  secret: boolean
  resultsShown: ResultsShown
  deadlineAt: number
  state: VoteState
  placeName: string
  byName: string
  at: number
  /** ballots cast so far: always shown (who has voted is no secret, what they chose is) */
  ballots: number
  /** counts per option, or null while the vote hides them (results only after the close) */
  tallies: number[] | null
  /** for a villager: whether they (per person) or their household (per household) has voted */
  voted: boolean
  /** whether the caller has a vote in it (a villager); those who only watch it (administrators) have none */
  canCast: boolean
  /** for the publisher: may close or post it */
  canManage: boolean
}

export interface VoterView {
  /** the household's door plate (per household) or the person's name and door plate (per person) */
  label: string
  at: number
  /** what they chose: only for open votes; secret votes store no choice next to a voter */
  choices: string[] | null
}

export interface ActivityView {
  id: string
  kind: import('../domain/activities').ActivityKind
  title: string
  description: string
  place: string
  startAt: number
  endAt: number
  capacity: number
  signedUp: number
  state: import('../domain/activities').ActivityState
  /** the rule that credits attendance, and its points per household; null: no points */
  credit: { title: string; points: number } | null
  byName: string
  /** the caller's own sign-up: null, or its state and whether they have checked in */
  mine: { state: import('../domain/activities').SignupState; checkedIn: boolean } | null
  /** for the village's cadre: may manage it (code, ticks, confirmation) */
  canManage: boolean
  /** after confirmation: how many households were credited */
  credited: number | null
}

export interface AttendeeView {
  id: string
  label: string
  householdId: string
  state: import('../domain/activities').SignupState
  checkedInAt: number | null
  /** how: by the activity's code, or ticked off by the cadre */
  checkedInBy: 'code' | 'cadre' | null
}

export interface ActivityConfirmation {
  activity: ActivityView
  /** households credited now; on a repeated confirmation 0 */
  credited: number
  /** households credited before (a repeated confirmation) */
  already: number
  /** households the rule's cap refused */
  capped: number
}

export interface OrganisationView {
  id: string
  name: string
  kind: import('../domain/organisations').OrganisationKind
  intro: string
  phone: string
  address: string
  hours: string
  /** the towns and villages it serves, by name */
  serves: string[]
  /** banks: the rate policy villagers see as an estimate */
  ratePolicy: import('../domain/credit').RatePolicy | null
  /** for county and town administrators: may change it and grant its staff */
  canManage: boolean
}

export interface OrganisationPage {
  organisation: OrganisationView
  services: import('./views').ServiceView[]
  notices: import('./views').NoticeView[]
}

export interface ConsentView {
  bankId: string
  bankName: string
  purpose: string
  scope: string[]
  grantedAt: number
  expiresAt: number
  revokedAt: number | null
  state: import('../domain/credit').ConsentState
  grantedByName: string
}

export interface CreditViewRecord {
  bankName: string
  staffName: string
  at: number
  purpose: string
}

export interface BankOffer {
  bankId: string
  bankName: string
  ratePolicy: import('../domain/credit').RatePolicy | null
  /** the rate the household's points would get under the policy: an estimate */
  estimate: { cutPct: number; ratePct: number } | null
  consent: ConsentView | null
}

export interface PointsSummary {
  householdId: string
  doorPlate: string
  head: string
  villageName: string
  balance: number
  earned: number
  thisYear: number
  lastYear: number
  stars: number
  rankInVillage: number
  householdsInVillage: number
  entries: EntryView[]
  /** when the statement was made, and the consent it was made under */
  at: number
  consent: ConsentView
  estimate: { cutPct: number; ratePct: number } | null
  /** the ledger's proof (存证) of the entries above, against the village's sealed days */
  proof: StatementProof
}

/**
 * Each entry of a statement proved against the sealed root of its day (docs/trust.md): with the day's
 * published head and the entry's RFC 9162 inclusion proof, anyone checks that the entry as sealed is
 * in the tree whose root the village published, and compares the head with the heads kept elsewhere.
 */
export interface StatementProof {
  /** the heads of the sealed days the entries fall in, newest first */
  heads: TreeHead[]
  /** one per sealed entry, in the order of the statement's entries */
  entries: EntryProof[]
  /** entries whose day is not sealed yet (today's, sealed the night after) */
  unsealed: number
  /** entries of a sealed day that its tree does not hold: written into the day after it was sealed */
  notInSeal: number
}

export interface EntryProof {
  entryId: string
  day: string
  /** the leaf's place in the day's tree and the tree's size */
  index: number
  size: number
  root: string
  leafHash: string
  path: string[]
  /** the stored entry still hashes to the sealed leaf */
  matchesSeal: boolean
}
