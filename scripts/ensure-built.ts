/**
 * Builds the targets named on the command line (weapp, h5, functions) whose output is missing. The
 * functions take a second with esbuild, so they are always rebuilt: a stale bundle would test old code.
 * The weapp and h5 builds are also rebuilt when a source is newer than they are: their tests check the
 * very output that would be uploaded or served (a stale h5 build once made browser tests fail on pages
 * that had already been fixed).
 */
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { readWeappBuildNote } from './build-weapp'
import { APP_INPUTS, newestChangeMs } from './freshness'

const ROOT = path.resolve(__dirname, '..')
const OUTPUTS: Record<string, string> = {
  weapp: 'dist/weapp/app.js',
  h5: 'dist/h5/index.html',
  functions: 'dist/cloudfunctions/api/index.js'
}

export function weappIsStale(): boolean {
  const note = readWeappBuildNote()
  return !note || !fs.existsSync(path.join(ROOT, OUTPUTS.weapp)) || note.builtAtMs < newestChangeMs(APP_INPUTS)
}

function h5IsStale(): boolean {
  const page = path.join(ROOT, OUTPUTS.h5)
  return !fs.existsSync(page) || fs.statSync(page).mtimeMs < newestChangeMs(APP_INPUTS)
}

function isCurrent(target: string): boolean {
  if (target === 'functions') return false
  return target === 'weapp' ? !weappIsStale() : !h5IsStale()
}

/** `log` given: the builds' output goes there (and into the error when a build fails) instead of the terminal. */
export function ensureBuilt(targets: string[], log?: (text: string) => void) {
  for (const target of targets) {
    if (!OUTPUTS[target]) throw new Error(`unknown build target ${target}`)
    if (isCurrent(target)) continue
    const say = log ?? console.log
    say(`building ${target}…`)
    // a build started from inside jest would inherit NODE_ENV=test, and Taro's h5 build then ships
    // React's refresh hooks ($RefreshReg$ is not defined: a blank app)
    const env: Record<string, string | undefined> = { ...process.env }
    delete env.NODE_ENV
    const run = spawnSync('npm', ['run', `build:${target}`], {
      cwd: ROOT,
      env: env as NodeJS.ProcessEnv,
      stdio: log ? 'pipe' : 'inherit',
      encoding: 'utf8'
    })
    const output = log ? `${run.stdout ?? ''}${run.stderr ?? ''}` : ''
    if (log) log(output)
    if (run.status !== 0) throw new Error(`npm run build:${target} failed${output ? `:\n${output}` : ''}`)
  }
}

if (require.main === module) ensureBuilt(process.argv.slice(2))
