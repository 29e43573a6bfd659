/**
 * Every error a user can meet: a stable code for the app and a plain Chinese message for villagers.
 * Stacks and details stay in the function's log.
 */
export const ERRORS = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNKNOWN_ROUTE: '这个功能暂时用不了，请更新小程序',
  NOT_REGISTERED: '您还没有加入村里，请先找村干部领取入户码',
  FORBIDDEN: '您没有权限做这件事',
  NOT_FOUND: '没有找到要查的内容',
  NOT_BOUND: '您还没有绑定家庭户，请先找村干部领取入户码',
  BUSY: '现在办理的人多，请稍后再试',
  INTERNAL: '系统出了点问题，请稍后再试'
} as const

export type ErrorCode = keyof typeof ERRORS

/** A refusal the router turns into `{ ok: false, code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly detail?: unknown
  ) {
    super(message ?? ERRORS[code])
  }
}

export type Failure = { ok: false; code: ErrorCode; message: string }
export type Reply<T> = { ok: true; data: T } | Failure
