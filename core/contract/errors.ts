/** The errors of the contract are the domain's refusals: one code, one plain Chinese message. */
export { AppError, ERRORS } from '../domain/errors'
export type { ErrorCode } from '../domain/errors'
import type { ErrorCode } from '../domain/errors'

export type Failure = { ok: false; code: ErrorCode; message: string }
export type Reply<T> = { ok: true; data: T } | Failure
