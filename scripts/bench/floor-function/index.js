// The floor of a route: a function that does nothing but `reads` sequential database reads of one
// document, run through the same host, SDK and server as the api. npm run bench (scripts/bench/api.ts)
// measures it with 0, 1 and several reads.
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const db = cloud.database()

exports.main = async event => {
  for (let i = 0; i < (event.reads || 0); i++) await db.collection(event.collection).doc(event.id).get()
  return { ok: true }
}
