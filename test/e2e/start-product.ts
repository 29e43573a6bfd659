import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8799)

/** Starts `npm start` on a fresh data folder and waits until it answers. */
export default async function startProduct() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-data-'))
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(E2E_PORT), LOCALCLOUD_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true
  })
  let output = ''
  child.stdout!.on('data', chunk => (output += chunk))
  ;(globalThis as any).__PRODUCT__ = { child, dataDir }
  const deadline = Date.now() + 600_000 // a first run may build the functions and the h5 app
  while (Date.now() < deadline) {
    if (output.includes('is running at')) return
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`)
    await new Promise(r => setTimeout(r, 250))
  }
  throw new Error(`npm start did not come up:\n${output}`)
}
