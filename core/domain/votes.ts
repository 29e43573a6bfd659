import type { ErrorCode } from './errors'
import { DAY_MS } from './workflow'

/**
 * Village votes (村民投票): a question with options, one ballot per household or per person, open or
 * secret, results live or only after the close. Pure rules; the vote routes apply them inside the
 * transaction that writes the ballot marker and the anonymous tallies together.
 */
export type VoteState = 'open' | 'closed' | 'posted'
export type VoterUnit = 'household' | 'person'
export type ResultsShown = 'live' | 'afterClose'

export const VOTE_STATE_NAMES: Record<VoteState, string> = {
  open: '投票中',
  closed: '已截止',
  posted: '已公布'
}

export const OPTIONS_MIN = 2
export const OPTIONS_MAX = 10
/** A vote runs at most a year: a deadline decades away is a slip of the date picker, not a vote. */
export const VOTE_OPEN_DAYS_MAX = 365

export interface VoteTerms {
  multiple: boolean
  /** for multiple choice: the most options one ballot may tick */
  maxChoices: number
  optionCount: number
  deadlineAt: number
  secret: boolean
  resultsShown: ResultsShown
}

export interface VoteStatus {
  state: VoteState
  /** set when the cadre closed it early; otherwise the deadline closes it */
  closedAt: number | null
  postedAt: number | null
}

/** The state as of `now`: a vote whose deadline has passed is closed whether or not anyone said so. */
export function voteStateAt(terms: Pick<VoteTerms, 'deadlineAt'>, status: VoteStatus, nowMs: number): VoteState {
  if (status.state !== 'open') return status.state
  return nowMs >= terms.deadlineAt ? 'closed' : 'open'
}

/** Whether anyone (the cadre included) may see the counts: live votes always, the others once closed. */
export const resultsVisible = (terms: Pick<VoteTerms, 'resultsShown'>, state: VoteState) =>
  terms.resultsShown === 'live' || state !== 'open'

/** Why a ballot's choices cannot be taken, or null: option indexes, distinct, as many as the vote allows. */
export function choicesProblem(terms: VoteTerms, choices: number[]): ErrorCode | null {
  if (choices.length === 0) return 'INVALID_CHOICE'
  if (new Set(choices).size !== choices.length) return 'INVALID_CHOICE'
  if (choices.some(c => !Number.isInteger(c) || c < 0 || c >= terms.optionCount)) return 'INVALID_CHOICE'
  const most = terms.multiple ? terms.maxChoices : 1
  return choices.length > most ? 'INVALID_CHOICE' : null
}

/** The tallies after one more ballot: one more for each ticked option. */
export function addBallot(tallies: number[], choices: number[]): number[] {
  const next = [...tallies]
  for (const c of choices) next[c] = (next[c] ?? 0) + 1
  return next
}

/** The terms a cadre gave, checked: options, the deadline in the future, a sensible number of choices. */
/** Why a vote's options cannot be offered, or null: two options that read the same cannot be told apart. */
export function optionsProblem(options: string[]): string | null {
  return new Set(options).size === options.length ? null : '选项不能重复'
}

export function termsProblem(terms: VoteTerms, nowMs: number): string | null {
  if (terms.optionCount < OPTIONS_MIN || terms.optionCount > OPTIONS_MAX)
    return `选项要有${OPTIONS_MIN}到${OPTIONS_MAX}个`
  if (terms.deadlineAt <= nowMs) return '截止时间要在现在以后'
  if (terms.deadlineAt > nowMs + VOTE_OPEN_DAYS_MAX * DAY_MS) return '截止时间最多在一年以后'
  // live counts next to the list of who has voted would tell, by their order, who chose what
  if (terms.secret && terms.resultsShown === 'live') return '不记名投票只能在截止以后公布结果'
  if (terms.multiple && (terms.maxChoices < 2 || terms.maxChoices > terms.optionCount))
    return '最多选几项要在2和选项数之间'
  return null
}
