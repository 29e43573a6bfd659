import type { Cloud } from './context'

/**
 * The WeChat open APIs the product uses, behind one seam. In the cloud they are `cloud.openapi`
 * (protobuf to WeChat); where they cannot exist (the local cloud, tests), the same requests go to
 * the local cloud's stand-ins over HTTP and come back in the same shape.
 */
export interface OpenApi {
  /** security.msgSecCheck, version 2: is this user text fit to save? */
  msgSecCheck(input: { openid: string; scene: 1 | 2 | 3 | 4; content: string }): Promise<{ suggest: 'pass' | 'review' | 'risky'; label: number }>
}

export function wechatOpenApi(cloud: Cloud): OpenApi {
  return {
    async msgSecCheck({ openid, scene, content }) {
      const res = (await cloud.openapi.security.msgSecCheck({ openid, scene, version: 2, content } as never)) as unknown as {
        result: { suggest: 'pass' | 'review' | 'risky'; label: number }
      }
      return res.result
    }
  }
}

export function localOpenApi(baseUrl: string): OpenApi {
  const call = async (api: string, data: unknown) => {
    const res = await fetch(`${baseUrl}/${api}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) })
    const reply = (await res.json()) as { errCode: number; errMsg: string; [k: string]: unknown }
    if (reply.errCode !== 0) throw Object.assign(new Error(reply.errMsg), { errCode: reply.errCode })
    return reply
  }
  return {
    async msgSecCheck({ openid, scene, content }) {
      const reply = await call('security.msgSecCheck', { openid, scene, version: 2, content })
      return reply.result as { suggest: 'pass' | 'review' | 'risky'; label: number }
    }
  }
}

/** The cloud's, unless the function runs in the local cloud, whose host says where its stand-ins are. */
export const openApiFor = (cloud: Cloud): OpenApi => (process.env.LOCALCLOUD_OPENAPI_URL ? localOpenApi(process.env.LOCALCLOUD_OPENAPI_URL) : wechatOpenApi(cloud))
