import cloud from 'wx-server-sdk'
import { initCloud } from '../shared/context'
import { recountFigures, runScheduledTasks } from './tasks'

initCloud(cloud)

/** Scheduled work, run by the timer trigger in config.json (hourly): closes posting periods, expires stale claims, recounts the villages' figures. */
export async function main(event: { Type?: string; TriggerName?: string }) {
  const now = Date.now()
  const done = { ...(await runScheduledTasks(cloud.database(), now)), ...(await recountFigures(cloud.database(), now)) }
  console.log(JSON.stringify({ level: 'info', message: 'timer', trigger: event?.TriggerName ?? 'manual', ...done }))
  return { ran: event?.TriggerName ?? 'manual', ...done }
}
