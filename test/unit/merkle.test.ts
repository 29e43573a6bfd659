import {
  emptyRoot,
  fromHex,
  inclusionProof,
  leafHash,
  rootOf,
  toHex,
  utf8,
  verifyInclusion
} from '../../core/domain/merkle'
import { createHash } from 'node:crypto'

/** The test vectors of RFC 6962 as used by Certificate Transparency's own implementations. */
const INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f']
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'
]

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(utf8(`entry ${i}`)))

test('roots match the RFC 6962 test vectors for 1 to 8 leaves, and the empty tree is SHA-256 of nothing', () => {
  const leaves = INPUTS.map(h => leafHash(fromHex(h)))
  expect(ROOTS.map((_, i) => toHex(rootOf(leaves.slice(0, i + 1))))).toEqual(ROOTS)
  expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
})

test('a leaf is SHA-256(0x00 ‖ data) and two leaves are SHA-256(0x01 ‖ left ‖ right)', () => {
  const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest()
  const a = sha(Buffer.from([0]), Buffer.from('a'))
  const b = sha(Buffer.from([0]), Buffer.from('b'))
  expect(toHex(leafHash(utf8('a')))).toBe(a.toString('hex'))
  expect(toHex(rootOf([leafHash(utf8('a')), leafHash(utf8('b'))]))).toBe(sha(Buffer.from([1]), a, b).toString('hex'))
})

test('the tree is not padded: 3 leaves hash as ((0,1),2), not ((0,1),(2,2))', () => {
  const sha = (...parts: Uint8Array[]) => createHash('sha256').update(Buffer.concat(parts)).digest()
  const [l0, l1, l2] = leavesOf(3)
  const left = sha(Uint8Array.of(1), l0, l1)
  expect(toHex(rootOf([l0, l1, l2]))).toBe(sha(Uint8Array.of(1), left, l2).toString('hex'))
})

test.each([1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 17, 31, 64, 100])(
  'every leaf of a tree of %i proves its inclusion; an altered leaf or path, a wrong index does not',
  n => {
    const leaves = leavesOf(n)
    const root = rootOf(leaves)
    for (let i = 0; i < n; i++) {
      const proof = inclusionProof(leaves, i)
      expect(proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)))
      expect(verifyInclusion(leaves[i], i, n, proof, root)).toBe(true)
      expect(verifyInclusion(leafHash(utf8(`entry ${i} altered`)), i, n, proof, root)).toBe(false)
      if (n > 1) expect(verifyInclusion(leaves[i], (i + 1) % n, n, proof, root)).toBe(false)
      // the size itself is bound by the tree head (its hash covers it), not by the root
      expect(verifyInclusion(leaves[i], i, i, proof, root)).toBe(false)
      expect(verifyInclusion(leaves[i], n, n, proof, root)).toBe(false)
      if (proof.length > 0) {
        const tampered = proof.map((p, k) => (k === 0 ? leafHash(utf8('x')) : p))
        expect(verifyInclusion(leaves[i], i, n, tampered, root)).toBe(false)
      }
    }
  }
)

test('a proof for an index outside the tree is refused', () => {
  expect(() => inclusionProof(leavesOf(3), 3)).toThrow(RangeError)
  expect(() => inclusionProof(leavesOf(3), -1)).toThrow(RangeError)
})

test('utf8 encodes Chinese and astral characters as Node does', () => {
  for (const s of ['积分', 'a\u00e9\u4e2d\ud83d\ude00', '"\\\n'])
    expect(Buffer.from(utf8(s)).toString('hex')).toBe(Buffer.from(s, 'utf8').toString('hex'))
})
