import { checkVillageFigures, checkVillageLedger } from '../../cloudfunctions/shared/ledger-check'

let counter = 0
/** A fresh request id, as the app makes one per user action. */
export const rid = (label = 'req') =>
  `${label}-${Date.now().toString(36)}-${(++counter).toString(36)}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 60)

/** Asserts the ledger's invariant over the demo villages: balances, earned and caps all agree with the entries. */
export async function expectLedgerConsistent(db: any) {
  for (const village of ['v-xinfeng', 'v-jinqiao']) {
    expect(await checkVillageLedger(db, village)).toEqual([])
    // the overview's figures, kept by increments outside the ledger's transaction, equal a recount
    for (const year of ['2025', '2026', '2027'])
      expect(await checkVillageFigures(db, village, 't-xiangyang', year)).toEqual([])
  }
}

export async function household(db: any, id: string) {
  return (await db.collection('households').doc(id).get()).data
}

export async function entriesOf(db: any, householdId: string) {
  return (await db.collection('entries').where({ householdId }).limit(1000).get()).data as any[]
}
