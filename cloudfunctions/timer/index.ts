import cloud from 'wx-server-sdk'

// DYNAMIC_CURRENT_ENV is a symbol at run time; the typings only admit strings
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

/**
 * Scheduled work, run by the timer trigger in config.json (hourly). It has nothing to do yet: closing
 * posting periods and expiring stale claims arrive with the review workflow.
 */
export async function main(event: { Type?: string; TriggerName?: string }) {
  return { ran: event?.TriggerName ?? 'manual', at: Date.now(), tasks: [] as string[] }
}
