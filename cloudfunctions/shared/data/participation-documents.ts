import type { OrganisationKind } from '../../../core/domain/organisations'
import type { RatePolicy } from '../../../core/domain/credit'
import type { ActivityKind, ActivityState, SignupState } from '../../../core/domain/activities'
import type { RuleSnapshot } from './documents'
import type { ResultsShown, VoteState, VoterUnit } from '../../../core/domain/votes'

/** The stored documents of village participation (issue 17). */

export interface VoteDoc {
  _id: string
  /** the village, or the town for a vote of all its villages */
  placeId: string
  placeName: string
  question: string
  options: string[]
  multiple: boolean
  maxChoices: number
  per: VoterUnit
  secret: boolean
  resultsShown: ResultsShown
  deadlineAt: number
  state: VoteState
  closedAt: number | null
  postedAt: number | null
  /** anonymous counts per option, changed in the same transaction as each ballot marker is written */
  tallies: number[]
  ballots: number
  by: string
  byName: string
  at: number
}

/**
 * One voter's ballot marker: `<vote>:<voter key>`, so a voter (household or person) has at most one.
 * A secret vote's marker records that the voter voted and never what: `choices` is null.
 */
export interface BallotDoc {
  _id: string
  voteId: string
  householdId: string
  doorPlate: string
  /** per person: the voter's name; per household: '' */
  name: string
  /** hash of (voter, request id): tells a retry of the same request from a second ballot */
  requestKey: string
  choices: number[] | null
  at: number
}

export interface ActivityDoc {
  _id: string
  villageId: string
  kind: ActivityKind
  title: string
  description: string
  place: string
  startAt: number
  endAt: number
  capacity: number
  /** sign-ups in force, kept in the same transaction as each sign-up and cancellation */
  signedUp: number
  /** the rule snapshot that credits attendance and the points per household, or null */
  rule: RuleSnapshot | null
  points: number
  state: ActivityState
  /** what the activity's code carries besides the id: who scans the code at the place knows it */
  key: string
  codeFile: string | null
  by: string
  byName: string
  at: number
  confirmedAt: number | null
  credited: number | null
}

/** One person's sign-up `<activity>:<person>`, or a household ticked off without one `<activity>:h-<household>`. */
export interface SignupDoc {
  _id: string
  activityId: string
  householdId: string
  doorPlate: string
  name: string
  state: SignupState
  checkedInAt: number | null
  checkedInBy: 'code' | 'cadre' | null
  at: number
}

export interface OrganisationDoc {
  _id: string
  name: string
  kind: OrganisationKind
  intro: string
  /** the towns it serves, and of them the villages (empty: every village of those towns) */
  townIds: string[]
  villageIds: string[]
  /** the names of the places it serves, for its page */
  serves: string[]
  phone: string
  address: string
  hours: string
  /** the county, or the town that registered it: who may change it and grant its staff */
  registeredBy: string
  ratePolicy: RatePolicy | null
  by: string
  at: number
}

/**
 * A household's consent to one bank `cs-<household>-<bank>`: granted by the head for a purpose and
 * a period, revocable; granting again renews it. `history` keeps every grant and revocation.
 */
export interface ConsentDoc {
  _id: string
  householdId: string
  villageId: string
  doorPlate: string
  head: string
  villageName: string
  bankId: string
  bankName: string
  purpose: string
  scope: string[]
  grantedAt: number
  expiresAt: number
  revokedAt: number | null
  grantedBy: string
  grantedByName: string
  history: { action: 'grant' | 'revoke'; at: number; byName: string; purpose: string; expiresAt: number }[]
}

/** One look by a bank at a household's points: what the household sees as 谁看过我家积分. */
export interface CreditViewDoc {
  _id: string
  householdId: string
  bankId: string
  bankName: string
  staff: string
  staffName: string
  purpose: string
  at: number
}
