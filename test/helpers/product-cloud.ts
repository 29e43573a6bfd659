import path from 'node:path'
import { startLocalCloud, LocalCloud } from '../../localcloud'
import { createRouter } from '../../cloudfunctions/api/router/router'
import type { Routes } from '../../cloudfunctions/api/router/route'
import { handlers } from '../../cloudfunctions/api/routes'
import type { Ctx } from '../../cloudfunctions/shared/context'
import { seedDemo } from '../../scripts/seed/seed'
import { localOpenApi } from '../../cloudfunctions/shared/open-api'
import { BOOTSTRAP_ADMINS, DEMO_TEMPLATES } from '../../scripts/seed/demo-county'
import { ROOT, sdkFor } from './local-cloud'

/**
 * The product's routes against an in-process local cloud seeded with the demo county. Each call
 * builds ctx as the api entry does, but with the openid given directly, so many callers can run at
 * once; the SDK is the real wx-server-sdk; the open-API seam goes to the local cloud's stand-ins.
 */
export async function productCloud(now = Date.UTC(2026, 10, 27, 4, 0)) {
  const lc: LocalCloud = await startLocalCloud({ indexFile: path.join(ROOT, 'core/collections.json') })
  const cloud = sdkFor(lc, 'routes')
  const db = cloud.database()
  await seedDemo(db, now)
  const silent = { info: () => {}, error: (m: string, f?: object) => console.error(m, f) }

  const ctxFor = (openid: string): Ctx => ({
    openid,
    db,
    storage: cloud,
    // WeChat's open APIs cannot exist here: the local cloud's stand-ins, as the function host binds them
    openapi: localOpenApi(`${lc.url}/openapi`),
    now: () => now,
    log: silent,
    bootstrapAdmins: BOOTSTRAP_ADMINS,
    templates: DEMO_TEMPLATES
  })

  const router = (table: Routes = handlers) => createRouter(table)
  const handle = router()
  const call = (openid: string, route: string, input: unknown = {}) => handle({ route, input }, ctxFor(openid))

  /** the subscribe messages the local cloud took instead of WeChat, for one user */
  const outbox = async (touser: string) =>
    ((await (await fetch(`${lc.url}/__dev/outbox?touser=${touser}`)).json()) as { messages: any[] }).messages

  return { lc, cloud, db, call, ctxFor, router, outbox, close: () => lc.close() }
}
