import { z } from 'zod'

/**
 * The building blocks of every route's contract (routes.ts and the capability tables spread into it):
 * the shared field schemas, and the three kinds of route.
 */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对')
export const id = z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/, '编号格式不对')
export const openid = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, '用户编号格式不对')
/**
 * Every text a user types passes here: control characters (NUL, escapes) are stripped in this one
 * place, for every schema, before trimming and length checks.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
const typed = () => z.string().transform(value => value.replace(CONTROL_CHARACTERS, ''))
export const text = (max: number) => typed().pipe(z.string().trim().max(max))
export const required = (max: number) => typed().pipe(z.string().trim().min(1, '不能为空').max(max))
/** A moment from the client (UTC ms), bounded to a sane window: no log in 1970 or the year 3000. */
export const TIME_MS_MIN = Date.UTC(2020, 0, 1)
export const TIME_MS_MAX = Date.UTC(2100, 0, 1)
export const timeMs = z.number().int().min(TIME_MS_MIN, '时间不对').max(TIME_MS_MAX, '时间不对')
export const fileId = z
  .string()
  .max(512)
  .regex(/^cloud:\/\//, '文件地址不对')
export const evidence = z.array(fileId).max(9).default([])
export const points = z.number().int('分值要是整数').min(-1000).max(1000)
export const page = z.number().int().min(1).max(500).default(1)

export const empty = z.object({}).strict()
export const write = <T extends z.ZodRawShape>(shape: T) => z.object({ requestId, ...shape }).strict()

export const result = <T>() => ({}) as T
/** A read of one thing; a read of a list (the route must declare how the list is bounded); a write. */
export const read = <I extends z.ZodTypeAny, T>(input: I, _: T) => ({
  input,
  write: false as const,
  list: false,
  result: _
})
export const list = <I extends z.ZodTypeAny, T>(input: I, _: T) => ({
  input,
  write: false as const,
  list: true,
  result: _
})
export const change = <I extends z.ZodTypeAny, T>(input: I, _: T) => ({
  input,
  write: true as const,
  list: false,
  result: _
})
