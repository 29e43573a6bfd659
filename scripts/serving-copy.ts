/**
 * What `npm start` runs: its own copy of the built functions and h5 app, taken once at start, in a
 * temporary folder. The tests a tester runs beside it rebuild dist/ (`npm test` the functions each
 * time, the browser tests the h5 app when a source is newer); the running product keeps the build it
 * started with, whole, and a page opened before a rebuild still finds its scripts after it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const PREFIX = 'xiangcun-jifen-serving-'
/** A build put in place while we copied (scripts/build-output.ts) makes us copy again, this many times at most. */
const COPY_ATTEMPTS_MAX = 5

export interface ServingCopy {
  functionsDir: string
  staticDir: string
  remove: () => void
}

export function takeServingCopy(): ServingCopy {
  removeAbandonedCopies()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`))
  // the functions require wx-server-sdk, which Node looks for in node_modules above the function's file
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  const copy: ServingCopy = {
    functionsDir: path.join(dir, 'cloudfunctions'),
    staticDir: path.join(dir, 'h5'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    copyWhole(path.join(ROOT, 'dist/cloudfunctions'), copy.functionsDir)
    copyWhole(path.join(ROOT, 'dist/h5'), copy.staticDir)
  } catch (e) {
    copy.remove()
    throw e
  }
  return copy
}

/**
 * Copies a build folder as one build: the builds replace their folder whole by renaming, so the folder
 * at `from` being the same one (same inode) after the copy as before means no new build came in between.
 */
function copyWhole(from: string, to: string) {
  for (let attempt = 1; attempt <= COPY_ATTEMPTS_MAX; attempt++) {
    const before = inodeOf(from)
    fs.rmSync(to, { recursive: true, force: true })
    try {
      fs.cpSync(from, to, { recursive: true })
    } catch (e: any) {
      if (e.code !== 'ENOENT') throw e // a file moved away with the folder it was in: copy again
    }
    if (before !== null && inodeOf(from) === before) return
  }
  throw new Error(`could not copy ${path.relative(ROOT, from)}: missing, or replaced by a new build each time`)
}

function inodeOf(dir: string): number | null {
  try {
    return fs.statSync(dir).ino
  } catch {
    return null
  }
}

/** Copies left by a start that was killed (its process is gone), so that they do not pile up. */
function removeAbandonedCopies() {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(PREFIX)) continue
    const pid = Number(name.slice(PREFIX.length).split('-')[0])
    if (pid > 0 && !isRunning(pid)) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e: any) {
    return e.code === 'EPERM'
  }
}
