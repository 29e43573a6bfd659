import QRCode from 'qrcode'

/**
 * Local stand-ins for the WeChat open APIs a cloud function calls through `cloud.openapi` (which
 * travel to WeChat as protobuf and cannot be reached here). A function's open-API seam posts the
 * same request to `/openapi/<api>` and gets a reply shaped as `cloud.openapi` returns it.
 */
export interface OpenApiOptions {
  /** words that make security.msgSecCheck answer "risky" */
  blockedWords?: string[]
  /**
   * What a mini-program code (wxacode.getUnlimited) opens, as a URL the local web build understands;
   * by default the build's hash route `<base>/#/<page>?scene=<scene>`.
   */
  codeUrl?: (page: string, scene: string) => string
}

/** A few words any Chinese content check refuses; a project passes its own list for its tests. */
const DEFAULT_BLOCKED_WORDS = ['赌博', '色情', '枪支', '毒品', '代开发票', '法轮']

export type OpenApiHandler = (data: any) => Record<string, unknown> | Promise<Record<string, unknown>>

/** A subscribe message the stand-in took instead of WeChat: what the user would have been sent. */
export interface SentMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  at: number
}

export function openApiStandIns(
  options: OpenApiOptions & { baseUrl: () => string; outbox: SentMessage[] }
): Record<string, OpenApiHandler> {
  const blocked = options.blockedWords ?? DEFAULT_BLOCKED_WORDS
  const codeUrl =
    options.codeUrl ??
    ((page: string, scene: string) => `${options.baseUrl()}/#/${page}?scene=${encodeURIComponent(scene)}`)
  return {
    // subscribe messages (WeChat's OpenApiDoc: mp-message-management/subscribe-message/sendMessage):
    // kept in an outbox (GET /__dev/outbox) that tests and developers read
    'subscribeMessage.send': data => {
      if (!data?.touser || !data?.templateId)
        return { errCode: 47003, errMsg: 'openapi.subscribeMessage.send:fail argument invalid' }
      options.outbox.push({
        touser: String(data.touser),
        templateId: String(data.templateId),
        page: String(data.page ?? ''),
        data: data.data ?? {},
        at: Date.now()
      })
      return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }
    },
    // https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html:
    // WeChat draws a mini-program code; here a QR code of the same destination in the web build
    'wxacode.getUnlimited': async data => {
      const scene = String(data?.scene ?? '')
      if (!scene || scene.length > 32)
        return { errCode: 40169, errMsg: 'openapi.wxacode.getUnlimited:fail invalid scene' }
      const png = await QRCode.toBuffer(codeUrl(String(data?.page ?? ''), scene), {
        type: 'png',
        width: 430,
        margin: 2
      })
      return {
        errCode: 0,
        errMsg: 'openapi.wxacode.getUnlimited:ok',
        contentType: 'image/png',
        buffer: png.toString('base64')
      }
    },
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
