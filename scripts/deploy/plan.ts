/** What a deploy would do, read from the builds and the configuration, and its text for the operator. */
import fs from 'node:fs'
import path from 'node:path'
import type { DeployConfig } from './config'
import { ROOT } from './config'
import { Builds, functionNames } from './checks'

export interface DeployPlan {
  version: string
  description: string
  functions: {
    name: string
    timeoutS: number
    openapi: string[]
    triggers: { name: string; type: string; config: string }[]
  }[]
}

export function makePlan(builds: Builds, description?: string): DeployPlan {
  const version: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version
  return {
    version,
    description: description || `乡村积分 ${version}`,
    functions: functionNames(builds.functionsDir).map(name => {
      const config = JSON.parse(fs.readFileSync(path.join(builds.functionsDir, name, 'config.json'), 'utf8'))
      return {
        name,
        timeoutS: config.timeout,
        openapi: config.permissions?.openapi ?? [],
        triggers: config.triggers ?? []
      }
    })
  }
}

export function describePlan(plan: DeployPlan, config: DeployConfig): string[] {
  return [
    `mini-program ${config.appid}: upload dist/weapp as version ${plan.version} ("${plan.description}"), ` +
      `robot ${config.robot}`,
    `cloud environment ${config.cloudEnv}: upload each function with cloud-side npm install`,
    ...plan.functions.map(
      f =>
        `  ${f.name.padEnd(6)} timeout ${f.timeoutS} s` +
        (f.openapi.length ? `, open APIs ${f.openapi.join(' ')}` : '') +
        f.triggers.map(t => `, then timer trigger "${t.name}" ${t.config}`).join('')
    ),
    'then by hand (docs/operations.md):',
    `  api environment variables: SUBSCRIBE_TEMPLATE_POINTS=${config.subscribeTemplates.points} ` +
      `SUBSCRIBE_TEMPLATE_ISSUE=${config.subscribeTemplates.issue} ` +
      `SUBSCRIBE_TEMPLATE_ORDER=${config.subscribeTemplates.order}, BOOTSTRAP_ADMIN_OPENIDS`,
    '  run setup (云端测试) until its reply says migrations finished; create the indexes of npm run indexes; ' +
      'apply database.rules.json to every collection',
    '  submit the uploaded version for review (版本管理 → 开发版本 → 提交审核)'
  ]
}

/** what the dry run cannot know and the operator must make sure of */
export const WARNINGS = [
  'create each function in the console before its first upload (云开发控制台 → 云函数 → 新建, Node.js 16 or later, ' +
    'the timeout above): uploading a function that does not exist yet creates it with an old Node runtime ' +
    'and a 3 s timeout'
]
