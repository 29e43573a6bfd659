/**
 * Is a build older than its sources? Compares the newest modification time under the inputs with the
 * build's time. Bounded by the source tree (node_modules and dist are never inputs).
 */
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const SKIPPED = new Set(['node_modules', 'dist', '.data', '.temp', '.swc'])

/** what the app's builds (weapp and h5) are made from */
export const APP_INPUTS = ['src', 'core', 'config', 'babel.config.js', 'package.json', 'project.config.json']

export function newestChangeMs(relativePaths: readonly string[]): number {
  let newestMs = 0
  const visit = (target: string) => {
    const stat = fs.statSync(target)
    newestMs = Math.max(newestMs, stat.mtimeMs)
    if (!stat.isDirectory()) return
    for (const name of fs.readdirSync(target)) if (!SKIPPED.has(name)) visit(path.join(target, name))
  }
  for (const p of relativePaths) if (fs.existsSync(path.join(ROOT, p))) visit(path.join(ROOT, p))
  return newestMs
}
