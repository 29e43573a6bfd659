// The floor of a route: a function with no logic of its own, run through the same host, SDK and
// server as the api. npm run bench (scripts/bench/api.ts) measures it in two shapes:
// - `reads`: that many sequential reads of one document (0, 1 and several: the invocation, the first
//   database call, each further one);
// - `award`: the very requests score.award makes (two reads, a transaction that reads the household,
//   adds the entry, its posting and its audit record and updates the household, then the village's
//   figures), with documents the bench built beforehand, so that what the award costs beyond it is
//   the api's own work.
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const db = cloud.database()
const _ = db.command

async function awardShaped(event) {
  const { userId, ruleId, householdId, entry, posting, audit, view, householdPatch, statsId, inc } = event
  await db.collection('users').doc(userId).get()
  await db.collection('rules').doc(ruleId).get()
  await db.runTransaction(async tx => {
    const { data: household } = await tx.collection('households').doc(householdId).get()
    await tx.collection('entries').add({ data: entry })
    await tx.collection('postings').add({ data: posting })
    await tx.collection('audit').add({ data: audit })
    await tx
      .collection('households')
      .doc(householdId)
      .update({ data: { ...householdPatch, caps: _.set({}), latest: _.set([view, ...household.latest].slice(0, 5)) } })
  }, 0)
  await db
    .collection('villageStats')
    .where({ _id: statsId })
    .update({ data: Object.fromEntries(Object.entries(inc).map(([path, n]) => [path, _.inc(n)])) })
}

exports.main = async event => {
  if (event.shape === 'award') await awardShaped(event)
  else for (let i = 0; i < (event.reads || 0); i++) await db.collection(event.collection).doc(event.id).get()
  return { ok: true }
}
