/**
 * npm run deploy --dry-run: every precondition it checks fails with a clear message when broken, and it
 * passes on the repository with the example configuration.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { Builds, runChecks } from '../../scripts/deploy/checks'
import { DeployConfig, EXAMPLE_CONFIG_FILE, ROOT, loadDeployConfig } from '../../scripts/deploy/config'

const FUNCTIONS = ['api', 'setup', 'timer']
let tmp: string

/** builds that pass every check, made in a temporary folder so that each test can break one thing */
function goodBuilds(cloudEnv: string): Builds {
  const dir = fs.mkdtempSync(path.join(tmp, 'builds-'))
  const builds: Builds = {
    weappDir: path.join(dir, 'weapp'),
    weappNote: path.join(dir, 'weapp-build.json'),
    functionsDir: path.join(dir, 'cloudfunctions')
  }
  fs.mkdirSync(builds.weappDir)
  fs.writeFileSync(path.join(builds.weappDir, 'app.js'), 'require("./common")')
  fs.writeFileSync(builds.weappNote, JSON.stringify({ cloudEnv, builtAtMs: Date.now() }))
  for (const name of FUNCTIONS) {
    const fn = path.join(builds.functionsDir, name)
    fs.mkdirSync(fn, { recursive: true })
    fs.writeFileSync(path.join(fn, 'index.js'), 'exports.main = async () => ({})')
    const pkg = { name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } }
    fs.writeFileSync(path.join(fn, 'package.json'), JSON.stringify(pkg))
    fs.copyFileSync(path.join(ROOT, 'cloudfunctions', name, 'config.json'), path.join(fn, 'config.json'))
  }
  return builds
}

const exampleConfig = (): DeployConfig => loadDeployConfig(path.join(ROOT, EXAMPLE_CONFIG_FILE), {})
const problemsOf = (config: DeployConfig, builds: Builds) =>
  runChecks(config, builds).map(p => `${p.check}: ${p.problem}`)
const editJson = (file: string, edit: (value: any) => void) => {
  const value = JSON.parse(fs.readFileSync(file, 'utf8'))
  edit(value)
  fs.writeFileSync(file, JSON.stringify(value))
}

/** this process's environment, minus what would override the example configuration */
function withoutDeployVariables(env: NodeJS.ProcessEnv) {
  const rest = { ...env }
  for (const name of ['WX_APPID', 'CLOUD_ENV', 'WX_UPLOAD_KEY_PATH', 'WX_CI_ROBOT']) delete rest[name]
  for (const kind of ['POINTS', 'ISSUE', 'ORDER']) delete rest[`SUBSCRIBE_TEMPLATE_${kind}`]
  return rest
}

beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-'))))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

test('the example configuration with sound builds passes every check', () => {
  expect(problemsOf(exampleConfig(), goodBuilds(exampleConfig().cloudEnv))).toEqual([])
})

test('environment variables win over the file', () => {
  const config = loadDeployConfig(path.join(ROOT, EXAMPLE_CONFIG_FILE), {
    WX_APPID: 'wx1111111111111111',
    CLOUD_ENV: 'live-9'
  })
  expect(config).toMatchObject({ appid: 'wx1111111111111111', cloudEnv: 'live-9' })
})

test('configuration: an appid that is not one, no cloud environment', () => {
  const builds = goodBuilds('')
  const config = { ...exampleConfig(), appid: 'touristappid', cloudEnv: '' }
  expect(problemsOf(config, builds)).toEqual([
    'configuration: appid "touristappid" is not a mini-program AppID (wx and 16 hex digits)',
    'configuration: cloudEnv is not set: the id from 云开发控制台 → 设置 → 环境 ID (config cloudEnv or CLOUD_ENV)'
  ])
})

test('upload key: missing, or a file that is not a key', () => {
  const builds = goodBuilds(exampleConfig().cloudEnv)
  expect(problemsOf({ ...exampleConfig(), privateKeyPath: 'nowhere.key' }, builds)).toEqual([
    'upload key: the upload key nowhere.key does not exist'
  ])
  const notAKey = path.join(tmp, 'private.wx0123456789abcdef.key')
  fs.writeFileSync(notAKey, 'appid=wx0123456789abcdef\n')
  expect(problemsOf({ ...exampleConfig(), privateKeyPath: notAKey }, builds)).toEqual([
    `upload key: the upload key ${notAKey} is not a private key (download it again from 开发设置 → 小程序代码上传)`
  ])
})

test('subscribe templates: not set, or the local stand-ins', () => {
  const config = { ...exampleConfig(), subscribeTemplates: { points: '', issue: 'local-issue-progress', order: 'x' } }
  expect(problemsOf(config, goodBuilds(config.cloudEnv))).toEqual([
    'subscribe templates: the points subscribe template id is not set (SUBSCRIBE_TEMPLATE_POINTS)',
    'subscribe templates: the issue subscribe template id is the local stand-in "local-issue-progress" ' +
      '(SUBSCRIBE_TEMPLATE_ISSUE)'
  ])
})

test('weapp build: missing, older than its sources, made for another environment', () => {
  const config = exampleConfig()
  const missing = goodBuilds(config.cloudEnv)
  fs.rmSync(missing.weappNote)
  expect(problemsOf(config, missing)).toEqual(['weapp build: there is no weapp build: npm run build:weapp'])

  const stale = goodBuilds(config.cloudEnv)
  editJson(stale.weappNote, note => (note.builtAtMs = 0))
  expect(problemsOf(config, stale)).toEqual([
    'weapp build: the weapp build is older than its sources: npm run build:weapp'
  ])

  const other = goodBuilds('local')
  expect(problemsOf(config, other)).toEqual([
    `weapp build: the weapp build calls "local", not "${config.cloudEnv}": ` +
      `CLOUD_ENV=${config.cloudEnv} npm run build:weapp`
  ])
})

test('functions: one missing, a stale bundle, package.json and config.json broken', () => {
  const config = exampleConfig()
  const missing = goodBuilds(config.cloudEnv)
  fs.rmSync(path.join(missing.functionsDir, 'timer'), { recursive: true })
  expect(problemsOf(config, missing)).toEqual(['cloud functions: function timer is not built: npm run build:functions'])

  const stale = goodBuilds(config.cloudEnv)
  fs.utimesSync(path.join(stale.functionsDir, 'api/index.js'), 0, 0)
  expect(problemsOf(config, stale)).toEqual([
    'cloud functions: dist/cloudfunctions/api/index.js is older than its sources: npm run build:functions'
  ])

  const badPackage = goodBuilds(config.cloudEnv)
  fs.writeFileSync(path.join(badPackage.functionsDir, 'setup/package.json'), '{ "name": "setup", ')
  expect(problemsOf(config, badPackage)).toEqual([
    expect.stringMatching(/^cloud functions: dist\/cloudfunctions\/setup\/package.json is not valid JSON/)
  ])
  const noSdk = goodBuilds(config.cloudEnv)
  editJson(path.join(noSdk.functionsDir, 'setup/package.json'), pkg => (pkg.dependencies = {}))
  expect(problemsOf(config, noSdk)).toEqual([
    'cloud functions: dist/cloudfunctions/setup/package.json does not depend on wx-server-sdk'
  ])
})

test('functions: a timeout shorter than the function needs, or not one at all; a trigger WeChat would refuse', () => {
  const config = exampleConfig()
  const short = goodBuilds(config.cloudEnv)
  editJson(path.join(short.functionsDir, 'api/config.json'), c => (c.timeout = 3))
  editJson(path.join(short.functionsDir, 'setup/config.json'), c => (c.timeout = 'long'))
  editJson(path.join(short.functionsDir, 'timer/config.json'), c => (c.triggers[0].config = '0 * * * *'))
  expect(problemsOf(config, short)).toEqual([
    'cloud functions: api: timeout 3 s is less than the 10 s it needs ' +
      '(a batch of 200 households or a register import takes a few seconds in the cloud)',
    'cloud functions: setup: timeout long is not a whole number of seconds from 1 to 60',
    'cloud functions: timer: trigger "hourly" is not a timer with a 7-field schedule'
  ])
})

test('npm run deploy -- --dry-run passes on the repository with the example configuration and prints the plan', () => {
  const run = spawnSync('npx', ['tsx', 'scripts/deploy/index.ts', '--dry-run', '--config', EXAMPLE_CONFIG_FILE], {
    cwd: ROOT,
    encoding: 'utf8',
    env: withoutDeployVariables(process.env)
  })
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  expect(run.stdout).toContain('mini-program wx0123456789abcdef: upload dist/weapp as version')
  expect(run.stdout).toContain('timer  timeout 60 s, then timer trigger "hourly" 0 0 * * * * *')
  expect(run.stdout).toContain('! create each function in the console before its first upload')
  expect(run.stdout).toContain('dry run: every check passed; nothing was uploaded')
})
