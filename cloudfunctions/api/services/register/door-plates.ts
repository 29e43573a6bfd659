import { AppError } from '../../../../core/contract/errors'
import { normaliseDoorPlate } from '../../../../core/domain/register'
import { idFor } from '../../../shared/data/ids'
import type { DoorPlateDoc } from '../../../shared/data/documents'
import type { Tx } from '../../../shared/data/transaction'

/**
 * A door plate is unique in its village because a document says so: `doorPlates/<village+plate>`
 * names the household that holds it, and is added in the same transaction as the household (or the
 * change of its plate). The cloud refuses a second document with one id, so of eight concurrent
 * registrations of one plate exactly one commits, however the queries before them raced.
 */
export const doorPlateKey = (villageId: string, doorPlate: string) =>
  idFor('doorPlate', villageId, normaliseDoorPlate(doorPlate))

export const doorPlateDoc = (villageId: string, doorPlate: string, householdId: string): DoorPlateDoc => ({
  _id: doorPlateKey(villageId, doorPlate),
  villageId,
  householdId,
  doorPlate
})

/**
 * Inside a transaction: takes the plate for the household, and gives up the household's old plate
 * when it changes. Refuses with DOOR_PLATE_TAKEN when another household holds it.
 */
export async function claimDoorPlate(
  tx: Tx,
  villageId: string,
  householdId: string,
  doorPlate: string,
  oldDoorPlate?: string
): Promise<void> {
  const key = doorPlateKey(villageId, doorPlate)
  const holder = await tx.get('doorPlates', key)
  if (holder && holder.householdId !== householdId) throw new AppError('DOOR_PLATE_TAKEN')
  if (!holder) await tx.add('doorPlates', doorPlateDoc(villageId, doorPlate, householdId))
  if (oldDoorPlate !== undefined) {
    const oldKey = doorPlateKey(villageId, oldDoorPlate)
    if (oldKey !== key) {
      const old = await tx.get('doorPlates', oldKey)
      if (old?.householdId === householdId) await tx.remove('doorPlates', oldKey)
    }
  }
}
