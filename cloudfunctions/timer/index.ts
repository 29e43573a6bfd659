import cloud from 'wx-server-sdk'
import { initCloud } from '../shared/context'
import { runScheduledTasks } from './tasks'

initCloud(cloud)

/** Scheduled work, run by the timer trigger in config.json (hourly): closes posting periods, expires stale claims. */
export async function main(event: { Type?: string; TriggerName?: string }) {
  const done = await runScheduledTasks(cloud.database(), Date.now())
  console.log(JSON.stringify({ level: 'info', message: 'timer', trigger: event?.TriggerName ?? 'manual', ...done }))
  return { ran: event?.TriggerName ?? 'manual', ...done }
}
