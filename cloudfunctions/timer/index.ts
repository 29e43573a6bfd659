import cloud from 'wx-server-sdk'
import { initCloud } from '../shared/context'
import { recountFigures, runScheduledTasks } from './tasks'
import { sealAllVillages } from './sealing'

initCloud(cloud)

/**
 * Scheduled work, run by the timer trigger in config.json (hourly): closes posting periods, expires
 * stale claims, recounts the villages' figures, then re-checks the latest seals and seals the days
 * that have ended (存证).
 */
export async function main(event: { Type?: string; TriggerName?: string }) {
  const db = cloud.database()
  const now = Date.now()
  const done = { ...(await runScheduledTasks(db, now)), ...(await recountFigures(db, now)) }
  const sealing = await sealAllVillages(db, now)
  const summary = { ...done, sealedDays: sealing.sealedDays, alarms: sealing.alarms.length }
  console.log(JSON.stringify({ level: 'info', message: 'timer', trigger: event?.TriggerName ?? 'manual', ...summary }))
  return { ran: event?.TriggerName ?? 'manual', ...summary }
}
