/**
 * Builds the targets named on the command line (weapp, h5, functions) whose output is missing. The
 * functions take a second with esbuild, so they are always rebuilt: a stale bundle would test old code.
 */
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

const ROOT = path.resolve(__dirname, '..')
const OUTPUTS: Record<string, string> = {
  weapp: 'dist/weapp/app.js',
  h5: 'dist/h5/index.html',
  functions: 'dist/cloudfunctions/api/index.js'
}

/** `log` given: the builds' output goes there (and into the error when a build fails) instead of the terminal. */
export function ensureBuilt(targets: string[], log?: (text: string) => void) {
  for (const target of targets) {
    if (!OUTPUTS[target]) throw new Error(`unknown build target ${target}`)
    if (target !== 'functions' && fs.existsSync(path.join(ROOT, OUTPUTS[target]))) continue
    const say = log ?? console.log
    say(`building ${target}…`)
    const run = spawnSync('npm', ['run', `build:${target}`], {
      cwd: ROOT,
      stdio: log ? 'pipe' : 'inherit',
      encoding: 'utf8'
    })
    const output = log ? `${run.stdout ?? ''}${run.stderr ?? ''}` : ''
    if (log) log(output)
    if (run.status !== 0) throw new Error(`npm run build:${target} failed${output ? `:\n${output}` : ''}`)
  }
}

if (require.main === module) ensureBuilt(process.argv.slice(2))
