import cloud from 'wx-server-sdk'
import { createRouter } from './router/router'
import { handlers } from './routes'
import { Ctx, initCloud, jsonLogger, parseOpenidList, templatesFromEnv } from '../shared/context'
import { openApiFor } from '../shared/open-api'

initCloud(cloud)

const handle = createRouter(handlers)

/** The one entry of the mini-program's API: `{ route, input }` in, `{ ok, data | code, message }` out. */
export async function main(event: { route?: string; input?: unknown }, context: { request_id?: string }) {
  const { OPENID } = cloud.getWXContext()
  const ctx: Ctx = {
    openid: OPENID ?? '',
    db: cloud.database(),
    storage: cloud,
    openapi: openApiFor(cloud),
    now: Date.now,
    log: jsonLogger({ requestId: context?.request_id }),
    bootstrapAdmins: parseOpenidList(process.env.BOOTSTRAP_ADMIN_OPENIDS),
    templates: templatesFromEnv(process.env)
  }
  return handle({ route: event?.route, input: event?.input }, ctx)
}
