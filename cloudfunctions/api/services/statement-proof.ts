import type { EntryProof, StatementProof } from '../../../core/contract/participation'
import { fromHex, inclusionProof, toHex } from '../../../core/domain/merkle'
import { dayOf } from '../../../core/domain/seal'
import type { Ctx } from '../../shared/context'
import { data } from '../../shared/data/store'
import type { EntryDoc, SealDoc } from '../../shared/data/documents'
import { headOf, leafHex, sealIdOf } from '../../shared/seals'

/**
 * The ledger's proof of a statement's entries (积分证明, issue 17 with the seals of issue 16): the seals
 * of the days the entries fall in, read by their known ids in one query, and for each entry its
 * inclusion proof in its day's tree, computed from the leaves the seal recorded.
 */

/** A seal's leaves as bytes, converted once however many of the statement's entries it proves. */
const leavesOf = (seal: SealDoc) => seal.leaves.map(l => fromHex(l.hash))

function proofIn(seal: SealDoc, leaves: Uint8Array[], entry: EntryDoc): EntryProof | null {
  const index = seal.leaves.findIndex(l => l.id === entry._id)
  if (index < 0) return null
  return {
    entryId: entry._id,
    day: seal.day,
    index,
    size: seal.size,
    root: seal.root,
    leafHash: seal.leaves[index].hash,
    path: inclusionProof(leaves, index).map(toHex),
    matchesSeal: leafHex(entry) === seal.leaves[index].hash
  }
}

export async function statementProof(ctx: Pick<Ctx, 'db'>, entries: EntryDoc[]): Promise<StatementProof> {
  const sealIds = [...new Set(entries.map(e => sealIdOf(e.villageId, dayOf(e.at))))]
  const seals = await data(ctx).seals.getMany(sealIds)
  const leaves = new Map([...seals.values()].map(s => [s._id, leavesOf(s)]))
  const proofs: EntryProof[] = []
  let unsealed = 0
  let notInSeal = 0
  for (const entry of entries) {
    const seal = seals.get(sealIdOf(entry.villageId, dayOf(entry.at)))
    const proof = seal ? proofIn(seal, leaves.get(seal._id)!, entry) : null
    if (proof) proofs.push(proof)
    else if (seal) notInSeal++
    else unsealed++
  }
  const heads = [...seals.values()].map(headOf).sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0))
  return { heads, entries: proofs, unsealed, notInSeal }
}
