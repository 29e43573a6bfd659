/**
 * The deploy's configuration: the mini-program's appid, the cloud environment, the upload key, and the
 * subscribe-message template ids, from a file that is not committed (deploy.config.json, fields as in
 * the committed deploy.config.example.json) or from environment variables (WX_APPID, CLOUD_ENV, WX_UPLOAD_KEY_PATH,
 * WX_CI_ROBOT, SUBSCRIBE_TEMPLATE_*), which win when set.
 */
import fs from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '../..')
export const CONFIG_FILE = 'deploy.config.json'
export const EXAMPLE_CONFIG_FILE = 'deploy.config.example.json'

export interface DeployConfig {
  /** the mini-program's AppID (小程序管理后台 → 开发 → 开发管理 → 开发设置) */
  appid: string
  /** the cloud environment id (云开发控制台 → 设置 → 环境 ID) */
  cloudEnv: string
  /** the code upload key downloaded from 开发设置 → 小程序代码上传, relative to the repository or absolute */
  privateKeyPath: string
  /** which of the 30 CI robots uploads (the version shows as uploaded by it) */
  robot: number
  /** subscribe-message template ids, set as the api function's environment variables */
  subscribeTemplates: { points: string; issue: string; order: string }
}

/** where the configuration comes from: the file given, else deploy.config.json, else the example */
export function configFileFor(given?: string): string {
  if (given) return path.resolve(ROOT, given)
  const own = path.join(ROOT, CONFIG_FILE)
  return fs.existsSync(own) ? own : path.join(ROOT, EXAMPLE_CONFIG_FILE)
}

export function loadDeployConfig(
  file = configFileFor(),
  env: Record<string, string | undefined> = process.env
): DeployConfig {
  const fromFile = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DeployConfig>) : {}
  const templates: Partial<DeployConfig['subscribeTemplates']> = fromFile.subscribeTemplates ?? {}
  return {
    appid: env.WX_APPID || fromFile.appid || '',
    cloudEnv: env.CLOUD_ENV || fromFile.cloudEnv || '',
    privateKeyPath: env.WX_UPLOAD_KEY_PATH || fromFile.privateKeyPath || '',
    robot: Number(env.WX_CI_ROBOT || fromFile.robot || 1),
    subscribeTemplates: {
      points: env.SUBSCRIBE_TEMPLATE_POINTS || templates.points || '',
      issue: env.SUBSCRIBE_TEMPLATE_ISSUE || templates.issue || '',
      order: env.SUBSCRIBE_TEMPLATE_ORDER || templates.order || ''
    }
  }
}
