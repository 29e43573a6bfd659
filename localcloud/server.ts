import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { AddressInfo } from 'node:net'
import { DocumentStore, IndexDeclarations } from './database/store'
import { TransactionManager } from './database/transactions'
import { ActionHandler, databaseActions } from './database/actions'
import { FileStore } from './storage/file-store'
import { FunctionHost } from './host/function-host'
import { DevSessions, Persona, loginPage } from './dev-login'
import { CloudError, MalformedBody, errors } from './errors'
import { parseJsonText } from './json-text'
import { readBody, readJsonObject } from './request-body'
import { readIndexFile } from './index-file'
import { OpenApiOptions, openApiStandIns, SentMessage } from './openapi/stand-ins'

export interface LocalCloudOptions {
  /** 0 picks a free port */
  port?: number
  /** where the SQLite file and stored files live; omitted: a fresh in-memory database and a temporary folder */
  dataDir?: string
  /** the project's index declaration file (see docs/architecture.md: "Collections and indexes") */
  indexFile?: string
  indexes?: IndexDeclarations
  /** built functions: <functionsDir>/<name>/index.js */
  functionsDir?: string
  /** a built web app to serve at / */
  staticDir?: string
  personas?: () => Persona[]
  /** run the functions' timer triggers on their schedule (npm start); tests invoke the timer themselves */
  runTimers?: boolean
  /** the open-API stand-ins' settings (the content check's word list) */
  openApi?: OpenApiOptions
  appId?: string
  log?: (line: string) => void
  /** the functions' console output (see HostOptions.functionOutput); omitted: this process's stdout and stderr */
  functionOutput?: (functionName: string, text: string) => void
  /**
   * A fixed delay added to every database call (default: LOCALCLOUD_DB_LATENCY_MS, else 0), so that
   * figures measured here estimate the cloud, where every database call is a network round trip.
   */
  dbLatencyMs?: number
}

export interface LocalCloud {
  url: string
  port: number
  store: DocumentStore
  host?: FunctionHost
  /** database round trips that arrived on /tcb/t/<tag> (tests and benchmarks tag their SDK instances) */
  roundTrips: (tag: string) => number
  close: () => Promise<void>
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8'
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    ...headers
  })
  res.end(text)
}

/** what wx.cloud.callFunction's client sees for invalid parameters (wx-server-sdk TCB_ERR_CODE.INVALID_PARAM) */
const INVALID_PARAM_ERRCODE = -501007

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const log = options.log ?? (() => {})
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-'))
  fs.mkdirSync(dataDir, { recursive: true })
  const indexes = options.indexes ?? (options.indexFile ? readIndexFile(options.indexFile) : {})
  const store = new DocumentStore(options.dataDir ? path.join(dataDir, 'database.sqlite') : ':memory:', indexes)
  const txns = new TransactionManager(store)
  let baseUrl = ''
  const files = new FileStore(path.join(dataDir, 'files'), () => baseUrl)
  const host = options.functionsDir
    ? new FunctionHost({
        functionsDir: options.functionsDir,
        serverUrl: () => baseUrl,
        appId: options.appId,
        log,
        functionOutput: options.functionOutput
      })
    : undefined
  const sessions = new DevSessions()
  const tagged = new Map<string, number>()

  const actions: Record<string, ActionHandler> = {
    ...databaseActions(store, txns),
    'storage.getUploadMetadata': p => ({ data: files.uploadMetadata(String(p.path ?? '')) }),
    'storage.batchGetDownloadUrl': p => ({ data: { download_list: files.downloadUrls(p.file_list ?? []) } }),
    'storage.batchDeleteFile': p => ({ data: { delete_list: files.delete(p.fileid_list ?? []) } })
  }

  const dbLatencyMs = options.dbLatencyMs ?? Number(process.env.LOCALCLOUD_DB_LATENCY_MS ?? 0)
  async function handleTcb(req: http.IncomingMessage, res: http.ServerResponse, pathname: string) {
    const requestId = randomBytes(8).toString('hex')
    const [, , kind, id] = pathname.split('/') // /tcb/i/<instance> or /tcb/t/<tag>
    let callerOpenid: string | undefined
    if (kind === 'i' && id) callerOpenid = host?.countRoundTrip(id) ? host.callerOf(id) : undefined
    if (kind === 't' && id) tagged.set(id, (tagged.get(id) ?? 0) + 1)
    try {
      const params = await readJsonObject(req)
      let reply: Record<string, any>
      if (params.action === 'functions.invokeFunction') {
        if (!host) throw errors.functionNotFound(String(params.function_name))
        const event = params.request_data ? parseJsonText(String(params.request_data)) : {}
        if (event === null || typeof event !== 'object' || Array.isArray(event))
          throw errors.invalidParam('request_data is not a JSON object')
        const { result } = await host.invoke(String(params.function_name), event as Record<string, unknown>, {
          openid: callerOpenid
        })
        reply = { data: { response_data: JSON.stringify(result) } }
      } else {
        const action = String(params.action)
        // own actions only: "constructor" or "toString" is not an action
        const handler = Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined
        if (!handler) throw errors.unknownAction(action)
        if (dbLatencyMs > 0 && action.startsWith('database.'))
          await new Promise(resolve => setTimeout(resolve, dbLatencyMs))
        reply = handler(params)
      }
      send(res, 200, { requestId, ...reply })
    } catch (e: any) {
      if (!(e instanceof CloudError)) log(`[tcb] ${e?.stack ?? e}`)
      // CloudBase answers its errors with 200 and a code, which the SDK turns into errCode; a body that
      // cannot be read at all never came from the SDK and is refused as a bad request
      send(res, e instanceof MalformedBody ? 400 : 200, {
        requestId,
        code: e instanceof CloudError ? e.code : 'SYS_ERR',
        message: String(e?.message ?? e)
      })
    }
  }

  const outbox: SentMessage[] = []
  const openApis = openApiStandIns({ ...options.openApi, baseUrl: () => baseUrl, outbox })
  async function handleOpenApi(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    const handler = Object.prototype.hasOwnProperty.call(openApis, name) ? openApis[name] : undefined
    if (!handler) return send(res, 404, { errCode: -604101, errMsg: `openapi.${name}:fail no local stand-in` })
    let data: Record<string, unknown>
    try {
      data = await readJsonObject(req)
    } catch (e) {
      if (!(e instanceof MalformedBody)) throw e
      return send(res, 400, { errCode: 47001, errMsg: `openapi.${name}:fail data format error: ${e.message}` })
    }
    send(res, 200, await handler(data))
  }

  async function handleFunction(req: http.IncomingMessage, res: http.ServerResponse, name: string) {
    const openid = sessions.openidOf(req.headers.cookie)
    if (!openid) return send(res, 401, { errCode: -1, errMsg: 'not logged in: open /__dev/login' })
    if (!host?.has(name)) return send(res, 404, { errCode: -504002, errMsg: `function not found: ${name}` })
    let event: Record<string, unknown>
    try {
      event = await readJsonObject(req)
    } catch (e) {
      if (!(e instanceof MalformedBody)) throw e
      return send(res, 400, { errCode: INVALID_PARAM_ERRCODE, errMsg: `invalid parameters: ${e.message}` })
    }
    try {
      const out = await host.invoke(name, event, { openid })
      send(res, 200, out.result, {
        'x-db-roundtrips': String(out.roundTrips),
        'x-openapi-calls': String(out.openApiCalls),
        'x-cold-start': out.coldStart ? '1' : '0',
        'x-duration-ms': out.durationMs.toFixed(2),
        ...(out.cpuMs === null ? {} : { 'x-cpu-ms': out.cpuMs.toFixed(3) })
      })
    } catch (e: any) {
      send(res, 500, { errCode: -504002, errMsg: String(e?.message ?? e) })
    }
  }

  async function handleDev(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const next = url.searchParams.get('next') || '/'
    if (url.pathname === '/__dev/login' && req.method === 'GET') {
      return send(res, 200, loginPage(options.personas?.() ?? [], next, sessions.openidOf(req.headers.cookie)))
    }
    if (url.pathname === '/__dev/login' && req.method === 'POST') {
      let form: Record<string, unknown>
      try {
        form = req.headers['content-type']?.includes('json')
          ? await readJsonObject(req)
          : Object.fromEntries(new URLSearchParams((await readBody(req)).toString('utf8')))
      } catch (e) {
        if (!(e instanceof MalformedBody)) throw e
        return send(res, 400, { errMsg: e.message })
      }
      const openid = String(form.openid ?? '').trim()
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(openid))
        return send(res, 400, { errMsg: 'openid: 1–64 letters, digits, _ or -' })
      const cookie = sessions.login(openid)
      if (form.next) {
        res.writeHead(303, {
          location: String(form.next).startsWith('/') ? String(form.next) : '/',
          'set-cookie': cookie
        })
        return res.end()
      }
      return send(res, 200, { openid }, { 'set-cookie': cookie })
    }
    if (url.pathname === '/__dev/upload' && req.method === 'POST') {
      // what wx.cloud.uploadFile does from the mini-program, for the browser build
      if (!sessions.openidOf(req.headers.cookie)) return send(res, 401, { errMsg: 'not logged in' })
      const fileID = files.write(String(url.searchParams.get('cloudPath') ?? ''), await readBody(req))
      return send(res, 200, { fileID })
    }
    if (url.pathname === '/__dev/outbox')
      return send(res, 200, {
        messages: outbox.filter(m => !url.searchParams.get('touser') || m.touser === url.searchParams.get('touser'))
      })
    if (url.pathname === '/__dev/logout') return send(res, 200, { ok: true }, { 'set-cookie': sessions.logoutCookie() })
    if (url.pathname === '/__dev/session') {
      const openid = sessions.openidOf(req.headers.cookie)
      return openid ? send(res, 200, { openid }) : send(res, 401, { errMsg: 'not logged in' })
    }
    send(res, 404, { errMsg: 'not found' })
  }

  function serveFile(res: http.ServerResponse, file: string, cache: boolean) {
    // answered once the file is open: a file deleted since it was looked for (a folder being rebuilt) is
    // a 404 for this request, not an error event that no one handles and that ends the whole server
    const stream = fs.createReadStream(file)
    stream.once('error', () => (res.headersSent ? res.destroy() : send(res, 404, { errMsg: 'file not found' })))
    stream.once('open', () => {
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': cache ? 'public, max-age=31536000' : 'no-cache'
      })
      stream.pipe(res)
    })
  }

  function serveStatic(res: http.ServerResponse, pathname: string) {
    const root = options.staticDir
    if (!root || !fs.existsSync(root)) return send(res, 404, '<p>The web app is not built. Run npm run build:h5.</p>')
    const file = path.join(root, path.posix.normalize(decodeURIComponent(pathname)))
    if (file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile())
      return serveFile(res, file, /\.[0-9a-f]{8}\./.test(file))
    serveFile(res, path.join(root, 'index.html'), false)
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const { pathname } = url
    try {
      if (pathname === '/healthz') return send(res, 200, { ok: true })
      if (pathname === '/tcb' || pathname.startsWith('/tcb/')) return await handleTcb(req, res, pathname)
      if (pathname.startsWith('/fn/') && req.method === 'POST') return await handleFunction(req, res, pathname.slice(4))
      if (pathname.startsWith('/__dev/')) return await handleDev(req, res, url)
      if (pathname.startsWith('/openapi/') && req.method === 'POST') {
        // /openapi/i/<instance>/<api>: from a function instance, counted as its round trip; /openapi/<api>: from anyone
        const [first, instanceId, api] = pathname.slice('/openapi/'.length).split('/')
        if (first !== 'i') return await handleOpenApi(req, res, first)
        host?.countOpenApiCall(instanceId)
        return await handleOpenApi(req, res, api ?? '')
      }
      if (pathname.startsWith('/storage/upload/') && req.method === 'PUT') {
        files.write(pathname.slice('/storage/upload/'.length), await readBody(req))
        res.writeHead(200)
        return res.end('')
      }
      if (pathname.startsWith('/storage/file/')) {
        const file = files.diskPath(pathname.slice('/storage/file/'.length))
        return fs.existsSync(file) ? serveFile(res, file, false) : send(res, 404, { errMsg: 'file not exist' })
      }
      if (req.method === 'GET') return serveStatic(res, pathname)
      send(res, 404, { errMsg: 'not found' })
    } catch (e: any) {
      if (res.headersSent) return log(`[server] ${e?.stack ?? e}`)
      // a path with a broken %-escape is the client's mistake, not the server's
      if (e instanceof URIError) return send(res, 400, { errMsg: 'the request path is not a valid URL' })
      if (e instanceof CloudError) return send(res, 400, { errMsg: e.message })
      log(`[server] ${e?.stack ?? e}`)
      send(res, 500, { errMsg: String(e?.message ?? e) })
    }
  })
  server.keepAliveTimeout = 60_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`
  if (options.runTimers)
    for (const t of host?.startTimers() ?? [])
      log(`[timer] ${t.functionName}/${t.trigger} next at ${t.next.toISOString()}`)

  return {
    url: baseUrl,
    port,
    store,
    host,
    roundTrips: tag => tagged.get(tag) ?? 0,
    close: async () => {
      await host?.close()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      store.close()
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
