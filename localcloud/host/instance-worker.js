// One function instance: a worker thread with its own process.env, running one invocation at a
// time, as an SCF instance does. Plain JavaScript so it loads without a TypeScript loader.
const { parentPort, workerData } = require('node:worker_threads')

Object.assign(process.env, workerData.env)
process.on('unhandledRejection', reason => {
  console.error(`[${workerData.functionName}] unhandled rejection:`, reason)
})

let handler = null

parentPort.on('message', async ({ id, event, context, env }) => {
  Object.assign(process.env, env)
  try {
    if (!handler) handler = require(workerData.entry)
    const result = await handler.main(event, context)
    parentPort.postMessage({ id, ok: true, result: result === undefined ? null : JSON.parse(JSON.stringify(result)) })
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      error: { message: String((error && error.message) || error), stack: error && error.stack }
    })
  }
})
