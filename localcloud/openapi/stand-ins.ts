/**
 * Local stand-ins for the WeChat open APIs a cloud function calls through `cloud.openapi` (which
 * travel to WeChat as protobuf and cannot be reached here). A function's open-API seam posts the
 * same request to `/openapi/<api>` and gets a reply shaped as `cloud.openapi` returns it.
 */
export interface OpenApiOptions {
  /** words that make security.msgSecCheck answer "risky" */
  blockedWords?: string[]
}

/** A few words any Chinese content check refuses; a project passes its own list for its tests. */
export const DEFAULT_BLOCKED_WORDS = ['赌博', '色情', '枪支', '毒品', '代开发票', '法轮']

export type OpenApiHandler = (data: any) => Record<string, unknown>

export function openApiStandIns(options: OpenApiOptions = {}): Record<string, OpenApiHandler> {
  const blocked = options.blockedWords ?? DEFAULT_BLOCKED_WORDS
  return {
    // https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html (version 2)
    'security.msgSecCheck': data => {
      const content = String(data?.content ?? '')
      const hit = blocked.find(w => content.includes(w))
      return {
        errCode: 0,
        errMsg: 'openapi.security.msgSecCheck:ok',
        result: { suggest: hit ? 'risky' : 'pass', label: hit ? 20006 : 100 },
        detail: hit ? [{ strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20006, keyword: hit }] : []
      }
    }
  }
}
