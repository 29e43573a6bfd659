import type { ResultsShown, VoteState, VoterUnit } from '../domain/votes'

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
