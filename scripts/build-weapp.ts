/**
 * The weapp build (`npm run build:weapp`): `taro build --type weapp` for the cloud environment named by
 * CLOUD_ENV (the app's `Taro.cloud.init({ env })`), else the deploy configuration's cloudEnv
 * (deploy.config.json, else the example's, which no real environment has, so a build made without
 * a configuration fails loudly in WeChat instead of using whichever environment is the default), then
 * a note of what was built: dist/weapp-build.json, read by the deploy's checks and the
 * tests. The note lives beside dist/weapp, not in it, so it is never uploaded.
 */
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { loadDeployConfig } from './deploy/config'

const ROOT = path.resolve(__dirname, '..')
export const WEAPP_BUILD_NOTE = path.join(ROOT, 'dist/weapp-build.json')
export const LOCAL_CLOUD_ENV = 'local'

export interface WeappBuildNote {
  cloudEnv: string
  builtAtMs: number
}

export function buildWeapp(cloudEnv = process.env.CLOUD_ENV || loadDeployConfig().cloudEnv || LOCAL_CLOUD_ENV) {
  const startedAtMs = Date.now()
  const run = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CLOUD_ENV: cloudEnv }
  })
  if (run.status !== 0) throw new Error('taro build --type weapp failed')
  // the start time, not the end: a source saved during the build makes the output stale
  const note: WeappBuildNote = { cloudEnv, builtAtMs: startedAtMs }
  fs.writeFileSync(WEAPP_BUILD_NOTE, JSON.stringify(note, null, 2) + '\n')
}

export function readWeappBuildNote(): WeappBuildNote | null {
  return fs.existsSync(WEAPP_BUILD_NOTE) ? JSON.parse(fs.readFileSync(WEAPP_BUILD_NOTE, 'utf8')) : null
}

if (require.main === module) buildWeapp()
