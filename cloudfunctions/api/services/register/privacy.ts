import { createHmac } from 'node:crypto'
import { maskPhone, normaliseIdNumber } from '../../../../core/domain/register'

/**
 * What is kept of a person's ID and phone numbers. An ID number is stored only as a keyed hash (to
 * find one person in two households) and its last 4 characters; the full number cannot be read back,
 * and without the key nobody can test guesses against the hash (ID numbers are few enough to try
 * them all). A phone number is stored masked (138****5678).
 *
 * The key: PERSON_ID_HASH_KEY, set in the cloud function's environment (云开发控制台 → 云函数 → api →
 * 配置 → 环境变量), at least 32 random characters, never changed once people are stored (a new key
 * makes every stored hash unfindable). Locally scripts/scf-env.ts sets a fixed development key.
 */
export function idHashKey(env: NodeJS.ProcessEnv = process.env): string {
  const key = env.PERSON_ID_HASH_KEY
  if (!key || key.length < 16)
    throw new Error('PERSON_ID_HASH_KEY is not set (16 characters at least): ID numbers cannot be stored')
  return key
}

export const idHash = (idNumber: string, key = idHashKey()) =>
  createHmac('sha256', key).update(normaliseIdNumber(idNumber)).digest('hex').slice(0, 32)

export interface StoredPersonNumbers {
  idHash: string
  idLast4: string
  phoneMasked: string
}

export function storedNumbers(idNumber: string, phone: string, key = idHashKey()): StoredPersonNumbers {
  const id = normaliseIdNumber(idNumber)
  return {
    idHash: id ? idHash(id, key) : '',
    idLast4: id ? id.slice(-4) : '',
    phoneMasked: phone ? maskPhone(phone) : ''
  }
}
