import type { Cloud } from './context'

/**
 * The WeChat open APIs the product uses, behind one seam. In the cloud they are `cloud.openapi`
 * (protobuf to WeChat); where they cannot exist (the local cloud, tests), the same requests go to
 * the local cloud's stand-ins over HTTP and come back in the same shape.
 */
export interface OpenApi {
  /** security.msgSecCheck, version 2: is this user text fit to save? */
  msgSecCheck(input: {
    openid: string
    scene: 1 | 2 | 3 | 4
    content: string
  }): Promise<{ suggest: 'pass' | 'review' | 'risky'; label: number }>
  /** subscribeMessage.send: one message the user consented to; fails (43101) without their consent */
  sendSubscribeMessage(input: SubscribeMessage): Promise<void>
  /** wxacode.getUnlimited: a mini-program code that opens `page` with `scene` (at most 32 characters) */
  getUnlimitedCode(input: { scene: string; page: string }): Promise<{ contentType: string; buffer: Buffer }>
}

export interface SubscribeMessage {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
}

function wechatOpenApi(cloud: Cloud): OpenApi {
  return {
    async sendSubscribeMessage(message) {
      await cloud.openapi.subscribeMessage.send({ ...message, miniprogramState: 'formal' } as never)
    },
    async msgSecCheck({ openid, scene, content }) {
      const res = (await cloud.openapi.security.msgSecCheck({
        openid,
        scene,
        version: 2,
        content
      } as never)) as unknown as {
        result: { suggest: 'pass' | 'review' | 'risky'; label: number }
      }
      return res.result
    },
    async getUnlimitedCode({ scene, page }) {
      const res = (await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false } as never)) as unknown as {
        contentType: string
        buffer: Buffer
      }
      return { contentType: res.contentType, buffer: res.buffer }
    }
  }
}

export function localOpenApi(baseUrl: string): OpenApi {
  const call = async (api: string, data: unknown) => {
    const res = await fetch(`${baseUrl}/${api}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data)
    })
    const reply = (await res.json()) as { errCode: number; errMsg: string; [k: string]: unknown }
    if (reply.errCode !== 0) throw Object.assign(new Error(reply.errMsg), { errCode: reply.errCode })
    return reply
  }
  return {
    async sendSubscribeMessage(message) {
      await call('subscribeMessage.send', message)
    },
    async msgSecCheck({ openid, scene, content }) {
      const reply = await call('security.msgSecCheck', { openid, scene, version: 2, content })
      return reply.result as { suggest: 'pass' | 'review' | 'risky'; label: number }
    },
    async getUnlimitedCode({ scene, page }) {
      // the stand-in answers JSON, so the image comes base64-encoded
      const reply = await call('wxacode.getUnlimited', { scene, page })
      return { contentType: String(reply.contentType), buffer: Buffer.from(String(reply.buffer), 'base64') }
    }
  }
}

/** The cloud's, unless the function runs in the local cloud, whose host says where its stand-ins are. */
export const openApiFor = (cloud: Cloud): OpenApi =>
  process.env.LOCALCLOUD_OPENAPI_URL ? localOpenApi(process.env.LOCALCLOUD_OPENAPI_URL) : wechatOpenApi(cloud)
