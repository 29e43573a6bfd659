import type cloudSdk from 'wx-server-sdk'
import type { OpenApi } from './open-api'

export type Database = ReturnType<typeof cloudSdk.database>
export type Cloud = typeof cloudSdk

export interface Logger {
  info: (message: string, fields?: Record<string, unknown>) => void
  error: (message: string, fields?: Record<string, unknown>) => void
}

/**
 * The world a route runs in. The `api` entry builds it from wx-server-sdk (the caller's openid from
 * getWXContext, never from the event); tests build it directly with the real SDK pointed at an
 * in-process local cloud, so many callers can run at once.
 */
export interface Ctx {
  openid: string
  db: Database
  /** storage through wx-server-sdk: uploadFile, getTempFileURL, deleteFile */
  storage: Pick<Cloud, 'uploadFile' | 'getTempFileURL' | 'deleteFile' | 'downloadFile'>
  /** WeChat open APIs (content check, subscribe messages, mini-program codes): see open-api.ts */
  openapi: OpenApi
  now: () => number
  log: Logger
  /** openids that are county administrators by configuration (BOOTSTRAP_ADMIN_OPENIDS) */
  bootstrapAdmins: readonly string[]
  /** subscribe-message template ids from the WeChat console (SUBSCRIBE_TEMPLATE_*); empty: not sent */
  templates: SubscribeTemplates
}

export interface SubscribeTemplates {
  /** 积分变动提醒: thing1 事项, number2 变动, number3 现有积分, time4 时间 */
  points: string
  /** 办理进度提醒: thing1 事项, thing2 答复, time3 时间 */
  issue: string
  /** 兑换成功提醒: thing1 商品, number2 积分, thing3 领取地点 */
  order: string
}

export const templatesFromEnv = (env: NodeJS.ProcessEnv): SubscribeTemplates => ({
  points: env.SUBSCRIBE_TEMPLATE_POINTS ?? '',
  issue: env.SUBSCRIBE_TEMPLATE_ISSUE ?? '',
  order: env.SUBSCRIBE_TEMPLATE_ORDER ?? ''
})

export const jsonLogger = (base: Record<string, unknown>): Logger => ({
  info: (message, fields) => console.log(JSON.stringify({ level: 'info', message, ...base, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...base, ...fields }))
})

export const parseOpenidList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)

/**
 * Points the SDK at the environment the function runs in. DYNAMIC_CURRENT_ENV is a symbol at run
 * time; the SDK's typings admit only strings for `env`, hence the one cast.
 */
export function initCloud(cloud: Cloud) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
}
