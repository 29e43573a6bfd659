/**
 * Everything the deploy can check without the network, each precondition a function that returns
 * what is wrong in a sentence an operator can act on (nothing: it holds).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { WEAPP_BUILD_NOTE, WeappBuildNote } from '../build-weapp'
import { APP_INPUTS, newestChangeMs } from '../freshness'
import { DeployConfig, ROOT } from './config'

const FUNCTION_INPUTS = ['cloudfunctions', 'core', 'package.json']

/** where the builds are: the repository's dist/ (the tests point at broken copies) */
export interface Builds {
  weappDir: string
  weappNote: string
  functionsDir: string
}
export const REPOSITORY_BUILDS: Builds = {
  weappDir: path.join(ROOT, 'dist/weapp'),
  weappNote: WEAPP_BUILD_NOTE,
  functionsDir: path.join(ROOT, 'dist/cloudfunctions')
}

/**
 * The timeout each function needs, in seconds, and why. The cloud's default is 3 s; WeChat allows up
 * to 60 s for a function called from the app.
 */
export const TIMEOUT_NEEDED_S: Record<string, { atLeastS: number; why: string }> = {
  api: { atLeastS: 10, why: 'a batch of 200 households or a register import takes a few seconds in the cloud' },
  setup: { atLeastS: 20, why: 'it creates every collection, one call each' },
  timer: { atLeastS: 60, why: 'it finalises postings and recounts figures for the whole county' }
}
const TIMEOUT_MAX_S = 60
/** WeChat's timer triggers take seven fields: second minute hour day month weekday year */
const CRON_FIELDS = 7

export type Check = (config: DeployConfig, builds: Builds) => string[]

export const checkConfig: Check = config => [
  ...(/^wx[0-9a-f]{16}$/.test(config.appid)
    ? []
    : [`appid "${config.appid}" is not a mini-program AppID (wx and 16 hex digits)`]),
  ...(config.cloudEnv && config.cloudEnv !== 'local'
    ? []
    : ['cloudEnv is not set: the id from 云开发控制台 → 设置 → 环境 ID (config cloudEnv or CLOUD_ENV)']),
  ...(Number.isInteger(config.robot) && config.robot >= 1 && config.robot <= 30
    ? []
    : [`robot ${config.robot} is not 1–30`])
]

export const checkUploadKey: Check = config => {
  if (!config.privateKeyPath) return ['privateKeyPath is not set (config privateKeyPath or WX_UPLOAD_KEY_PATH)']
  const file = path.resolve(ROOT, config.privateKeyPath)
  if (!fs.existsSync(file)) return [`the upload key ${config.privateKeyPath} does not exist`]
  try {
    const key = crypto.createPrivateKey(fs.readFileSync(file))
    return key.asymmetricKeyType === 'rsa' ? [] : [`the upload key ${config.privateKeyPath} is not an RSA key`]
  } catch {
    return [
      `the upload key ${config.privateKeyPath} is not a private key (download it again from 开发设置 → 小程序代码上传)`
    ]
  }
}

export const checkSubscribeTemplates: Check = config =>
  Object.entries(config.subscribeTemplates)
    .filter(([, id]) => !id || id.startsWith('local-'))
    .map(
      ([kind, id]) =>
        `the ${kind} subscribe template id is ${id ? `the local stand-in "${id}"` : 'not set'} ` +
        `(SUBSCRIBE_TEMPLATE_${kind.toUpperCase()})`
    )

export const checkWeappBuild: Check = (config, builds) => {
  const note = fs.existsSync(builds.weappNote)
    ? (JSON.parse(fs.readFileSync(builds.weappNote, 'utf8')) as WeappBuildNote)
    : null
  if (!note || !fs.existsSync(path.join(builds.weappDir, 'app.js')))
    return ['there is no weapp build: npm run build:weapp']
  const problems: string[] = []
  if (note.builtAtMs < newestChangeMs(APP_INPUTS))
    problems.push('the weapp build is older than its sources: npm run build:weapp')
  if (note.cloudEnv !== config.cloudEnv)
    problems.push(
      `the weapp build calls "${note.cloudEnv}", not "${config.cloudEnv}": ` +
        `CLOUD_ENV=${config.cloudEnv} npm run build:weapp`
    )
  return problems
}

export const functionNames = (functionsDir: string): string[] =>
  fs.existsSync(functionsDir)
    ? fs.readdirSync(functionsDir).filter(n => fs.statSync(path.join(functionsDir, n)).isDirectory())
    : []

const readJson = (file: string): { value?: any; problem?: string } => {
  if (!fs.existsSync(file)) return { problem: 'is missing' }
  try {
    return { value: JSON.parse(fs.readFileSync(file, 'utf8')) }
  } catch (e) {
    return { problem: `is not valid JSON (${(e as Error).message})` }
  }
}

/** one built function: its bundle, package.json (for the cloud-side npm install), config.json */
export function checkFunction(functionsDir: string, name: string): string[] {
  const dir = path.join(functionsDir, name)
  const at = (file: string) => `dist/cloudfunctions/${name}/${file}`
  const problems: string[] = []
  const bundle = path.join(dir, 'index.js')
  if (!fs.existsSync(bundle)) problems.push(`${at('index.js')} is missing: npm run build:functions`)
  else if (fs.statSync(bundle).mtimeMs < newestChangeMs(FUNCTION_INPUTS))
    problems.push(`${at('index.js')} is older than its sources: npm run build:functions`)
  const pkg = readJson(path.join(dir, 'package.json'))
  if (pkg.problem) problems.push(`${at('package.json')} ${pkg.problem}`)
  else {
    if (pkg.value.name !== name) problems.push(`${at('package.json')} names "${pkg.value.name}", not "${name}"`)
    if (pkg.value.main !== 'index.js') problems.push(`${at('package.json')} main is not index.js`)
    if (!pkg.value.dependencies?.['wx-server-sdk'])
      problems.push(`${at('package.json')} does not depend on wx-server-sdk`)
  }
  const config = readJson(path.join(dir, 'config.json'))
  if (config.problem) problems.push(`${at('config.json')} ${config.problem}`)
  else problems.push(...checkFunctionConfig(name, config.value))
  return problems
}

function checkFunctionConfig(name: string, config: any): string[] {
  const problems: string[] = []
  const needed = TIMEOUT_NEEDED_S[name]
  const timeoutS = config.timeout
  if (!Number.isInteger(timeoutS) || timeoutS < 1 || timeoutS > TIMEOUT_MAX_S)
    problems.push(`${name}: timeout ${timeoutS} is not a whole number of seconds from 1 to ${TIMEOUT_MAX_S}`)
  else if (needed && timeoutS < needed.atLeastS)
    problems.push(`${name}: timeout ${timeoutS} s is less than the ${needed.atLeastS} s it needs (${needed.why})`)
  for (const trigger of config.triggers ?? []) {
    if (
      trigger.type !== 'timer' ||
      String(trigger.config ?? '')
        .trim()
        .split(/\s+/).length !== CRON_FIELDS
    )
      problems.push(`${name}: trigger "${trigger.name}" is not a timer with a ${CRON_FIELDS}-field schedule`)
  }
  return problems
}

export const checkFunctions: Check = (_config, builds) => {
  const names = functionNames(builds.functionsDir)
  if (!names.length) return ['there are no built functions: npm run build:functions']
  const missing = Object.keys(TIMEOUT_NEEDED_S).filter(n => !names.includes(n))
  return [
    ...missing.map(n => `function ${n} is not built: npm run build:functions`),
    ...names.flatMap(n => checkFunction(builds.functionsDir, n))
  ]
}

export const ALL_CHECKS: Record<string, Check> = {
  configuration: checkConfig,
  'upload key': checkUploadKey,
  'subscribe templates': checkSubscribeTemplates,
  'weapp build': checkWeappBuild,
  'cloud functions': checkFunctions
}

export function runChecks(config: DeployConfig, builds = REPOSITORY_BUILDS): { check: string; problem: string }[] {
  return Object.entries(ALL_CHECKS).flatMap(([check, run]) => run(config, builds).map(problem => ({ check, problem })))
}
