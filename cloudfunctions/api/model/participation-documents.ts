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
