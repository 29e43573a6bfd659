import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { randomBytes } from 'node:crypto'
import { parseExpression } from 'cron-parser'
import { CloudError } from '../errors'

/**
 * Runs built cloud functions (`<functionsDir>/<name>/index.js`) the way SCF does: each instance runs
 * one invocation at a time, idle instances are reused, a new one is a cold start, and the function's
 * timeout from its config.json (3 s by default) ends the instance. As in SCF, a new instance first
 * loads the function's code (initialisation, with a limit of its own) and the timeout counts the
 * invocation from there. Before each invocation the
 * instance's environment gets the caller's identity and points the real wx-server-sdk at the local
 * cloud; each instance has its own /tcb URL so the server can count the database round trips of the
 * invocation it is running.
 */
export interface InvocationResult {
  result: unknown
  /** database requests the invocation made */
  roundTrips: number
  /** open-API requests (content checks, subscribe messages, codes): round trips to WeChat in the cloud */
  openApiCalls: number
  coldStart: boolean
  durationMs: number
  /** CPU time of the instance's own thread during the invocation (Linux only): the function's own work */
  cpuMs: number | null
}

export interface HostOptions {
  functionsDir: string
  /** base URL of the local server, e.g. http://127.0.0.1:8787 */
  serverUrl: () => string
  appId?: string
  envId?: string
  maxInstancesPerFunction?: number
  log?: (line: string) => void
  /**
   * Where the functions' own console output goes (as the cloud keeps it in the function's log);
   * omitted: the host process's stdout and stderr, as a worker's console writes by default.
   */
  functionOutput?: (functionName: string, text: string) => void
}

interface Instance {
  id: string
  functionName: string
  worker: Worker
  busy: boolean
  roundTrips: number
  openApiCalls: number
  pending?: { id: string; resolve: (m: any) => void }
  /** settles once the worker has loaded the function's code: null, or why it cannot run */
  ready: Promise<string | null>
}

const DEFAULT_TIMEOUT_S = 3
/** How long a new instance may take to load the function's code before it is given up. */
const INIT_TIMEOUT_S = 60

export class FunctionHost {
  private readonly instances = new Map<string, Instance[]>()
  private readonly byId = new Map<string, Instance>()
  private readonly waiting = new Map<string, Array<() => void>>()
  /** instance id → openid of the invocation it is running */
  private readonly callers = new Map<string, string | undefined>()
  readonly stats = { invocations: 0, coldStarts: 0, timeouts: 0 }
  private readonly timers: NodeJS.Timeout[] = []

  constructor(private readonly options: HostOptions) {}

  private entryOf(name: string) {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) return null
    const entry = path.join(this.options.functionsDir, name, 'index.js')
    return fs.existsSync(entry) ? entry : null
  }

  private timeoutOf(name: string): number {
    try {
      const config = JSON.parse(fs.readFileSync(path.join(this.options.functionsDir, name, 'config.json'), 'utf8'))
      return Number(config.timeout) > 0 ? Number(config.timeout) : DEFAULT_TIMEOUT_S
    } catch {
      return DEFAULT_TIMEOUT_S
    }
  }

  has(name: string) {
    return this.entryOf(name) !== null
  }

  /** Called by the server for each /openapi request that arrives on an instance's URL. */
  countOpenApiCall(instanceId: string) {
    const instance = this.byId.get(instanceId)
    if (instance) instance.openApiCalls++
    return instance
  }

  /** Called by the server for each /tcb request that arrives on an instance's URL. */
  countRoundTrip(instanceId: string) {
    const instance = this.byId.get(instanceId)
    if (instance) instance.roundTrips++
    return instance
  }

  /** The openid of the invocation an instance is running, for calls it makes to other functions. */
  callerOf(instanceId: string): string | undefined {
    return this.callers.get(instanceId)
  }

  private spawn(name: string, entry: string): Instance {
    const id = randomBytes(6).toString('hex')
    const worker = new Worker(path.join(__dirname, 'instance-worker.js'), {
      workerData: {
        entry,
        functionName: name,
        env: {
          TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${this.options.serverUrl()}/tcb/i/${id}` }),
          TENCENTCLOUD_RUNENV: 'SCF',
          SCF_NAMESPACE: this.options.envId ?? 'local-env',
          TCB_ENV: this.options.envId ?? 'local-env',
          TENCENTCLOUD_REGION: 'ap-shanghai',
          TENCENTCLOUD_SECRETID: 'local-secret-id',
          TENCENTCLOUD_SECRETKEY: 'local-secret-key',
          SCF_FUNCTIONNAME: name,
          // where a function's open-API seam finds the local stand-ins (WeChat's open APIs cannot be reached)
          LOCALCLOUD_OPENAPI_URL: `${this.options.serverUrl()}/openapi/i/${id}`,
          TZ: 'UTC'
        }
      },
      env: { ...process.env },
      stdout: Boolean(this.options.functionOutput),
      stderr: Boolean(this.options.functionOutput)
    })
    const output = this.options.functionOutput
    if (output) {
      worker.stdout.on('data', (chunk: Buffer) => output(name, chunk.toString('utf8')))
      worker.stderr.on('data', (chunk: Buffer) => output(name, chunk.toString('utf8')))
    }
    let settleReady: (problem: string | null) => void = () => {}
    const ready = new Promise<string | null>(resolve => (settleReady = resolve))
    const instance: Instance = { id, functionName: name, worker, busy: false, roundTrips: 0, openApiCalls: 0, ready }
    worker.on('message', message => {
      if (message.ready) return settleReady(null)
      const pending = instance.pending
      if (pending && pending.id === message.id) pending.resolve(message)
    })
    worker.on('error', error => {
      settleReady(String(error?.message ?? error))
      const pending = instance.pending
      if (pending) pending.resolve({ id: pending.id, ok: false, error: { message: String(error?.message ?? error) } })
      this.retire(instance)
    })
    const list = this.instances.get(name) ?? []
    list.push(instance)
    this.instances.set(name, list)
    this.byId.set(id, instance)
    this.stats.coldStarts++
    return instance
  }

  private retire(instance: Instance) {
    const list = this.instances.get(instance.functionName) ?? []
    this.instances.set(
      instance.functionName,
      list.filter(i => i !== instance)
    )
    this.byId.delete(instance.id)
    this.callers.delete(instance.id)
    void instance.worker.terminate()
    this.wakeOne(instance.functionName)
  }

  private wakeOne(name: string) {
    this.waiting.get(name)?.shift()?.()
  }

  /** An instance for one invocation, marked busy at once: two calls at the same moment never share one. */
  private async acquire(name: string, entry: string): Promise<{ instance: Instance; coldStart: boolean }> {
    const max = this.options.maxInstancesPerFunction ?? 8
    for (;;) {
      const list = this.instances.get(name) ?? []
      const idle = list.find(i => !i.busy)
      if (idle) {
        idle.busy = true
        return { instance: idle, coldStart: false }
      }
      if (list.length < max) {
        const fresh = this.spawn(name, entry)
        fresh.busy = true
        return { instance: fresh, coldStart: true }
      }
      await new Promise<void>(resolve => {
        const queue = this.waiting.get(name) ?? []
        queue.push(resolve)
        this.waiting.set(name, queue)
      })
    }
  }

  /** Waits for a new instance to load the function's code; null when it can run, else why not. */
  private async initialised(instance: Instance): Promise<string | null> {
    let limit: NodeJS.Timeout | undefined
    const late = new Promise<string>(resolve => {
      limit = setTimeout(
        () => resolve(`Function initialization timed out after ${INIT_TIMEOUT_S} seconds`),
        INIT_TIMEOUT_S * 1000
      )
    })
    try {
      return await Promise.race([instance.ready, late])
    } finally {
      clearTimeout(limit)
    }
  }

  async invoke(name: string, event: Record<string, unknown>, caller: { openid?: string }): Promise<InvocationResult> {
    const entry = this.entryOf(name)
    if (!entry) throw new CloudError('FUNCTIONS_EXECUTE_FAIL', `FunctionName parameter could not be found: ${name}`)
    const { instance, coldStart } = await this.acquire(name, entry)
    instance.roundTrips = 0
    instance.openApiCalls = 0
    this.callers.set(instance.id, caller.openid)
    this.stats.invocations++
    const timeoutS = this.timeoutOf(name)
    const requestId = randomBytes(8).toString('hex')
    const appId = this.options.appId ?? 'wxlocalcloud0000'
    const env: Record<string, string> = {
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_SOURCE',
      WX_OPENID: caller.openid ?? '',
      WX_APPID: caller.openid ? appId : '',
      WX_UNIONID: '',
      WX_SOURCE: caller.openid ? 'wx_client' : 'wx_devtools'
    }
    const context = {
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.options.envId ?? 'local-env',
      time_limit_in_ms: timeoutS * 1000,
      memory_limit_in_mb: 256
    }
    const userInfo = caller.openid ? { appId, openId: caller.openid } : undefined
    const started = process.hrtime.bigint()
    let timer: NodeJS.Timeout | undefined
    try {
      const initProblem = await this.initialised(instance)
      if (initProblem) {
        this.retire(instance)
        throw new CloudError('FUNCTIONS_EXECUTE_FAIL', initProblem)
      }
      const message = await new Promise<any>(resolve => {
        instance.pending = { id: requestId, resolve }
        timer = setTimeout(() => {
          this.stats.timeouts++
          resolve({
            id: requestId,
            ok: false,
            timedOut: true,
            error: { message: `Task timed out after ${timeoutS.toFixed(2)} seconds` }
          })
        }, timeoutS * 1000)
        instance.worker.postMessage({ id: requestId, event: { ...event, userInfo }, context, env })
      })
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6
      this.options.log?.(
        `[fn] ${name} ${durationMs.toFixed(1)}ms db=${instance.roundTrips} openapi=${instance.openApiCalls}` +
          `${coldStart ? ' cold' : ''}${message.ok ? '' : ' error'}`
      )
      if (message.timedOut) this.retire(instance)
      if (!message.ok) {
        if (message.error?.stack) this.options.log?.(message.error.stack)
        throw new CloudError('FUNCTIONS_EXECUTE_FAIL', message.error.message)
      }
      return {
        result: message.result,
        roundTrips: instance.roundTrips,
        openApiCalls: instance.openApiCalls,
        coldStart,
        durationMs,
        cpuMs: message.cpuMs ?? null
      }
    } finally {
      clearTimeout(timer)
      instance.pending = undefined
      instance.busy = false
      this.callers.delete(instance.id)
      this.wakeOne(name)
    }
  }

  /**
   * Runs the functions' timer triggers (config.json `triggers` of type timer, WeChat's 7-field cron:
   * second minute hour day month weekday year) on their schedule, in China Standard Time, as the
   * cloud does. Returns what it scheduled.
   */
  startTimers(): { functionName: string; trigger: string; next: Date }[] {
    const scheduled: { functionName: string; trigger: string; next: Date }[] = []
    if (!fs.existsSync(this.options.functionsDir)) return scheduled
    for (const name of fs.readdirSync(this.options.functionsDir)) {
      for (const trigger of this.triggersOf(name)) {
        const cron = trigger.config.trim().split(/\s+/).slice(0, 6).join(' ') // the year field is not cron-parser's
        const schedule = parseExpression(cron, { tz: 'Asia/Shanghai' })
        const arm = () => {
          const next = schedule.next().toDate()
          const timer = setTimeout(
            () => {
              this.invoke(name, { Type: 'Timer', TriggerName: trigger.name, Time: new Date().toISOString() }, {})
                .catch(e => this.options.log?.(`[timer] ${name}/${trigger.name}: ${e?.message ?? e}`))
                .finally(arm)
            },
            Math.max(0, next.getTime() - Date.now())
          )
          timer.unref()
          this.timers.push(timer)
          return next
        }
        scheduled.push({ functionName: name, trigger: trigger.name, next: arm() })
      }
    }
    return scheduled
  }

  private triggersOf(name: string): { name: string; type: string; config: string }[] {
    try {
      const config = JSON.parse(fs.readFileSync(path.join(this.options.functionsDir, name, 'config.json'), 'utf8'))
      return (config.triggers ?? []).filter((t: { type?: string }) => t.type === 'timer')
    } catch {
      return []
    }
  }

  async close() {
    this.timers.forEach(clearTimeout)
    const all = [...this.byId.values()]
    this.byId.clear()
    this.instances.clear()
    await Promise.all(all.map(i => i.worker.terminate()))
  }
}
