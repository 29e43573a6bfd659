import { sha256 as jsSha256 } from 'js-sha256'

/**
 * Merkle trees in the manner of Certificate Transparency (RFC 9162, section 2.1), so that anyone
 * with an export can recompute what the village published:
 * - leaf hash  = SHA-256(0x00 ‖ leaf bytes)
 * - node hash  = SHA-256(0x01 ‖ left ‖ right)
 * - the tree of n leaves splits at k, the largest power of two below n (no padding to a power of two);
 *   the empty tree's hash is SHA-256 of nothing.
 * Pure and platform-free. SHA-256 comes from js-sha256: plain ES5 without BigInt, so it runs on the
 * oldest engines WeChat serves (iOS 9, Android 5), where the weapp build must run as it is.
 */

export type Hash = Uint8Array

const sha256 = (bytes: Uint8Array): Hash => new Uint8Array(jsSha256.array(bytes))

const LEAF_PREFIX = 0x00
const NODE_PREFIX = 0x01

export const leafHash = (leaf: Uint8Array): Hash => sha256(concat(new Uint8Array([LEAF_PREFIX]), leaf))

export const nodeHash = (left: Hash, right: Hash): Hash => sha256(concat(new Uint8Array([NODE_PREFIX]), left, right))

export const emptyRoot = (): Hash => sha256(new Uint8Array(0))

/** The largest power of two strictly below n (n ≥ 2): where RFC 9162 splits a tree. */
function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

/** MTH(D[n]) of RFC 9162 over leaf hashes already computed. */
export function rootOf(leafHashes: readonly Hash[]): Hash {
  if (leafHashes.length === 0) return emptyRoot()
  return subtreeRoot(leafHashes, 0, leafHashes.length)
}

function subtreeRoot(leaves: readonly Hash[], from: number, to: number): Hash {
  const n = to - from
  if (n === 1) return leaves[from]
  const k = splitPoint(n)
  return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to))
}

/** PATH(m, D[n]) of RFC 9162: the sibling hashes from the leaf up to the root. */
export function inclusionProof(leafHashes: readonly Hash[], index: number): Hash[] {
  if (!Number.isInteger(index) || index < 0 || index >= leafHashes.length)
    throw new RangeError('leaf index out of range')
  return pathOf(leafHashes, index, 0, leafHashes.length)
}

function pathOf(leaves: readonly Hash[], m: number, from: number, to: number): Hash[] {
  const n = to - from
  if (n === 1) return []
  const k = splitPoint(n)
  return m < k
    ? [...pathOf(leaves, m, from, from + k), subtreeRoot(leaves, from + k, to)]
    : [...pathOf(leaves, m - k, from + k, to), subtreeRoot(leaves, from, from + k)]
}

/**
 * The verification algorithm of RFC 9162, section 2.1.3.2: true when `proof` shows that the leaf
 * with hash `leaf` sits at `index` of the tree of `size` leaves whose root is `root`.
 */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of proof) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r)
      if (fn % 2 === 0) {
        // a right-edge node without a sibling at this level: climb until it has one
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2)
          sn = Math.floor(sn / 2)
        }
      }
    } else {
      r = nodeHash(r, p)
    }
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && equalBytes(r, root)
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('')

export function fromHex(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/i.test(hex)) throw new Error('not a hex string')
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** UTF-8 bytes of a string, without TextEncoder (absent in some mini-program engines). */
export function utf8(text: string): Uint8Array {
  const bytes: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) bytes.push(c)
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(bytes)
}

export const sha256Hex = (text: string): string => toHex(sha256(utf8(text)))
