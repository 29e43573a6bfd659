/**
 * The h5 build (`npm run build:h5`): `taro build --type h5` into a staging folder, then put in place of
 * dist/h5 whole (scripts/build-output.ts). Taro empties its output folder when it starts and writes it
 * over a minute or more: built in place, a running `npm start` would serve a page whose scripts are gone.
 */
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { discard, replaceWith, stagingFor } from './build-output'

const ROOT = path.resolve(__dirname, '..')
const OUT = path.join(ROOT, 'dist/h5')

export function buildH5() {
  const staging = stagingFor(OUT)
  const run = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, BUILD_OUTPUT_ROOT: path.relative(ROOT, staging) }
  })
  if (run.status !== 0) {
    discard(staging)
    throw new Error('taro build --type h5 failed')
  }
  replaceWith(staging, OUT)
}

if (require.main === module) buildH5()
