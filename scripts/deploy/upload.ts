/**
 * The real upload: the only code that talks to WeChat, kept small on purpose. It cannot run here (no
 * network to WeChat, no real key); every precondition it relies on is checked by the dry run.
 * miniprogram-ci: https://developers.weixin.qq.com/miniprogram/dev/devtools/ci.html
 */
import path from 'node:path'
import type { DeployConfig } from './config'
import { ROOT } from './config'
import type { Builds } from './checks'
import type { DeployPlan } from './plan'

export async function upload(config: DeployConfig, builds: Builds, plan: DeployPlan, log: (line: string) => void) {
  const ci = require('miniprogram-ci')
  const project = new ci.Project({
    appid: config.appid,
    type: 'miniProgram',
    // the repository: its project.config.json points miniprogramRoot at dist/weapp
    projectPath: ROOT,
    privateKeyPath: path.resolve(ROOT, config.privateKeyPath),
    ignores: ['node_modules/**/*']
  })
  const result = await ci.upload({
    project,
    version: plan.version,
    desc: plan.description,
    robot: config.robot,
    // the build is ES5 already (test/weapp/syntax.test.ts); nothing is rewritten on the way
    setting: { es6: false, es7: false, minify: false, autoPrefixWXSS: false },
    onProgressUpdate: () => undefined
  })
  log(`mini-program ${plan.version} uploaded: ${JSON.stringify(result.subPackageInfo ?? [])}`)
  for (const fn of plan.functions) {
    await ci.cloud.uploadFunction({
      project,
      env: config.cloudEnv,
      name: fn.name,
      path: path.join(builds.functionsDir, fn.name),
      remoteNpmInstall: true // the cloud installs wx-server-sdk from the function's package.json
    })
    log(`function ${fn.name} uploaded`)
    if (fn.triggers.length) {
      await ci.cloud.createTimeTrigger({
        project,
        envId: config.cloudEnv,
        functionName: fn.name,
        triggersConfig: fn.triggers
      })
      log(`function ${fn.name}: timer trigger set`)
    }
  }
}
