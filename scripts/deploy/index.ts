/**
 * npm run deploy [-- --dry-run] [--config file] [--desc "what changed"]
 *
 * Builds the mini-program for the configured cloud environment and the cloud functions, checks every
 * precondition that can be checked without the network, prints the plan, and (without --dry-run)
 * uploads the mini-program and every function with miniprogram-ci and sets the timer trigger.
 * Configuration: deploy.config.json (see deploy.config.example.json) or environment variables.
 */
import { parseArgs } from 'node:util'
import { buildWeapp } from '../build-weapp'
import { buildFunctions } from '../build-functions'
import { REPOSITORY_BUILDS, runChecks } from './checks'
import { configFileFor, loadDeployConfig } from './config'
import { WARNINGS, describePlan, makePlan } from './plan'
import { upload } from './upload'

async function main() {
  const { values } = parseArgs({
    options: { 'dry-run': { type: 'boolean' }, config: { type: 'string' }, desc: { type: 'string' } }
  })
  const file = configFileFor(values.config)
  const config = loadDeployConfig(file)
  const dryRun = values['dry-run'] === true
  console.log(`${dryRun ? 'dry run' : 'deploy'} with ${file}`)
  if (!dryRun) {
    buildWeapp(config.cloudEnv)
    await buildFunctions()
  }
  const problems = runChecks(config)
  for (const { check, problem } of problems) console.error(`✗ ${check}: ${problem}`)
  if (problems.length) {
    console.error(`${problems.length} problem(s); nothing was uploaded`)
    process.exit(1)
  }
  const plan = makePlan(REPOSITORY_BUILDS, values.desc)
  for (const line of describePlan(plan, config)) console.log(line)
  for (const warning of WARNINGS) console.log(`! ${warning}`)
  if (dryRun) {
    console.log('dry run: every check passed; nothing was uploaded')
    return
  }
  await upload(config, REPOSITORY_BUILDS, plan, line => console.log(line))
}

main().catch(e => {
  console.error(e)
  process.exit(1)
})
