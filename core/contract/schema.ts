import { z } from 'zod'
import { cleanText } from '../domain/text'

/**
 * The building blocks of every route's contract (routes.ts and the capability tables spread into it):
 * the shared field schemas, and the three kinds of route.
 */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不对')
export const id = z.string().regex(/^[A-Za-z0-9_:-]{1,64}$/, '编号格式不对')
export const openid = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, '用户编号格式不对')
/** Every text a user types passes here, for every schema, before trimming and length checks (core/domain/text.ts). */
const typed = () => z.string().transform(cleanText)
export const text = (max: number) => typed().pipe(z.string().trim().max(max))
export const required = (max: number) => typed().pipe(z.string().trim().min(1, '不能为空').max(max))
/**
 * A text of one line (a name, a title, a place): line breaks and tabs a paste brought along become one
 * space, so a name never shows on two lines or splits a row of an export.
 */
const oneLine = () => typed().transform(value => value.replace(/[\r\n\t\u2028\u2029]+/g, ' '))
export const line = (max: number) => oneLine().pipe(z.string().trim().max(max))
export const requiredLine = (max: number) => oneLine().pipe(z.string().trim().min(1, '不能为空').max(max))
/** A moment from the client (UTC ms), bounded to a sane window: no log in 1970 or the year 3000. */
export const TIME_MS_MIN = Date.UTC(2020, 0, 1)
export const TIME_MS_MAX = Date.UTC(2100, 0, 1)
export const timeMs = z.number().int().min(TIME_MS_MIN, '时间不对').max(TIME_MS_MAX, '时间不对')

/**
 * Periods and days from the client, as the ledger keys them: years 2020–2099 (the window of timeMs),
 * months 01–12, quarters Q1–Q4, and only days the calendar has. A key outside them would be read as
 * another period (2026-13 as January 2027, the year 0000 as 1900) and answered with its figures.
 */
const YEAR = String.raw`20[2-9]\d`
const MONTH = String.raw`${YEAR}-(0[1-9]|1[0-2])`
const QUARTER = String.raw`${YEAR}-Q[1-4]`
const DAY = String.raw`${MONTH}-(0[1-9]|[12]\d|3[01])`
const matching = (pattern: string, message: string) => z.string().regex(new RegExp(`^(${pattern})$`), message)
export const yearKey = matching(YEAR, '年份不对')
export const quarterKey = matching(QUARTER, '季度不对')
/** a month (2026-11), or `all` where the route also reads every month */
export const monthKey = matching(MONTH, '月份不对')
export const monthOrAll = matching(`all|${MONTH}`, '月份不对')
/** a year (2026), a quarter (2026-Q4) or a month (2026-11) */
export const periodKey = matching(`${YEAR}|${QUARTER}|${MONTH}`, '时间段不对')
/** a year or a month, or `all` */
export const yearMonthOrAll = matching(`all|${YEAR}|${MONTH}`, '时间段不对')
/** a day the calendar has (2026-02-28, never 2026-02-30) */
export const dayKey = matching(DAY, '日期不对').refine(day => {
  const [year, month, date] = day.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, date)).getUTCDate() === date
}, '日期不对')

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
