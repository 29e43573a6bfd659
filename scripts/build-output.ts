/**
 * A build's output replaced whole: the builds of the functions and the h5 app write into a staging
 * folder beside their output and then rename it into place, so that whoever reads dist/ at the same
 * moment (a running `npm start` taking its copy, a test loading the functions, another build) sees the
 * old tree or the new one, never one half deleted or half written.
 */
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'

/** Another build may put its output in place between our two renames; we then move that one aside too. */
const REPLACE_ATTEMPTS_MAX = 10

/** A fresh staging folder beside `target` (on the same file system, so a rename moves it). */
export function stagingFor(target: string): string {
  const staging = path.join(path.dirname(target), `.${path.basename(target)}.building-${process.pid}-${tag()}`)
  fs.rmSync(staging, { recursive: true, force: true })
  fs.mkdirSync(staging, { recursive: true })
  return staging
}

/** Puts the finished `staging` folder in place of `target` and deletes the one it replaces. */
export function replaceWith(staging: string, target: string) {
  const aside = path.join(path.dirname(target), `.${path.basename(target)}.old-${process.pid}-${tag()}`)
  for (let attempt = 1; ; attempt++) {
    // two renames: a folder cannot be renamed over a folder that is not empty
    try {
      fs.renameSync(target, `${aside}-${attempt}`)
    } catch (e: any) {
      if (e.code !== 'ENOENT') throw e
    }
    try {
      fs.renameSync(staging, target)
      break
    } catch (e: any) {
      if (!['ENOTEMPTY', 'EEXIST'].includes(e.code) || attempt >= REPLACE_ATTEMPTS_MAX) throw e
    }
  }
  for (const name of fs.readdirSync(path.dirname(target)))
    if (name.startsWith(path.basename(aside))) fs.rmSync(path.join(path.dirname(target), name), { recursive: true })
}

/** Removes a staging folder left by a build that failed. */
export const discard = (staging: string) => fs.rmSync(staging, { recursive: true, force: true })

const tag = () => randomBytes(3).toString('hex')
