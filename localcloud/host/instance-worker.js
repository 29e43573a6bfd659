// One function instance: a worker thread with its own process.env, running one invocation at a
// time, as an SCF instance does. Plain JavaScript so it loads without a TypeScript loader.
const fs = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')

Object.assign(process.env, workerData.env)
process.on('unhandledRejection', reason => {
  console.error(`[${workerData.functionName}] unhandled rejection:`, reason)
})

// Initialisation, as SCF does it before the first invocation: the function's code is loaded before the
// instance says it is ready, so that its timeout counts the invocation alone (a loaded machine takes
// seconds to load the api's bundle). A function whose code does not load fails each invocation.
let handler = null
let loadError = null
try {
  handler = require(workerData.entry)
} catch (error) {
  loadError = error
}
parentPort.postMessage({ ready: true })

/**
 * CPU time this thread has run, in ms: the function's own work, without the server's or the other
 * threads' (Linux's per-thread schedstat; null elsewhere). The host reports it per invocation.
 */
function threadCpuMs() {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6
  } catch {
    return null
  }
}

parentPort.on('message', async ({ id, event, context, env }) => {
  const cpuAtStart = threadCpuMs()
  Object.assign(process.env, env)
  try {
    if (loadError) throw loadError
    const result = await handler.main(event, context)
    const reply = result === undefined ? null : JSON.parse(JSON.stringify(result))
    const cpuMs = cpuAtStart === null ? null : threadCpuMs() - cpuAtStart
    parentPort.postMessage({ id, ok: true, result: reply, cpuMs })
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      error: { message: String((error && error.message) || error), stack: error && error.stack }
    })
  }
})
