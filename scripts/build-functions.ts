/**
 * Builds each cloud function into dist/cloudfunctions/<name>/, deployable as it is: one bundled
 * index.js (TypeScript and core/ bundled in, wx-server-sdk left external), a package.json that
 * depends on wx-server-sdk alone, and the function's config.json. Built in a staging folder and then
 * put in place whole (scripts/build-output.ts): a running `npm start` or test never loads a function
 * from a folder half rebuilt.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { discard, replaceWith, stagingFor } from './build-output'

const ROOT = path.resolve(__dirname, '..')
const SOURCE = path.join(ROOT, 'cloudfunctions')
const OUT = path.join(ROOT, 'dist/cloudfunctions')
const SDK_VERSION: string = require(path.join(ROOT, 'package.json')).dependencies['wx-server-sdk']

export const functionNames = () =>
  fs.readdirSync(SOURCE).filter(name => fs.existsSync(path.join(SOURCE, name, 'index.ts')))

export async function buildFunctions() {
  const staging = stagingFor(OUT)
  try {
    for (const name of functionNames()) await buildFunction(name, path.join(staging, name))
  } catch (e) {
    discard(staging)
    throw e
  }
  replaceWith(staging, OUT)
}

async function buildFunction(name: string, dir: string) {
  await build({
    entryPoints: [path.join(SOURCE, name, 'index.ts')],
    outfile: path.join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    logLevel: 'warning'
  })
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      { name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION } },
      null,
      2
    ) + '\n'
  )
  fs.copyFileSync(path.join(SOURCE, name, 'config.json'), path.join(dir, 'config.json'))
  const size = fs.statSync(path.join(dir, 'index.js')).size
  console.log(`built dist/cloudfunctions/${name} (${(size / 1024).toFixed(1)} KiB)`)
}

if (require.main === module) {
  buildFunctions().catch(e => {
    console.error(e)
    process.exit(1)
  })
}
