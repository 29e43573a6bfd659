/**
 * Draws the tab bar's icons (home, podium, basket, person) as 81×81 PNGs in the two tab colours, so the
 * app needs no icon font or design tool. Run once: `npx tsx scripts/make-tab-icons.ts`.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const SIZE = 81
type Shape = (x: number, y: number) => boolean

const home: Shape = (x, y) => {
  const roof = y >= 12 && y <= 40 && Math.abs(x - 40) <= (y - 12) * 1.3 && Math.abs(x - 40) >= (y - 12) * 1.3 - 9
  const walls = y > 38 && y <= 70 && x >= 18 && x <= 62 && (x <= 24 || x >= 56 || y >= 64)
  const door = y > 50 && y <= 70 && x >= 35 && x <= 45
  return roof || walls || door
}
const podium: Shape = (x, y) =>
  (x >= 8 && x < 28 && y >= 44 && y < 72) ||
  (x >= 30 && x < 51 && y >= 22 && y < 72) ||
  (x >= 53 && x < 73 && y >= 34 && y < 72)
const basket: Shape = (x, y) => {
  const handle =
    y >= 10 && y <= 34 && (x - 40) ** 2 + (y - 34) ** 2 <= 20 ** 2 && (x - 40) ** 2 + (y - 34) ** 2 >= 14 ** 2
  const body = y >= 34 && y <= 70 && Math.abs(x - 40) <= 30 - (y - 34) * 0.25
  const slots = y >= 42 && y <= 62 && (Math.abs(x - 30) <= 2 || Math.abs(x - 40) <= 2 || Math.abs(x - 50) <= 2)
  return handle || (body && !slots)
}
const person: Shape = (x, y) => {
  const head = (x - 40) ** 2 + (y - 26) ** 2 <= 13 ** 2
  const body = y >= 44 && y <= 72 && (x - 40) ** 2 / 28 ** 2 + (y - 72) ** 2 / 28 ** 2 <= 1
  return head || body
}

function png(shape: Shape, [r, g, b]: number[]): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4)
    for (let x = 0; x < SIZE; x++) if (shape(x, y)) row.set([r, g, b, 255], 1 + x * 4)
    rows.push(row)
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const out = path.resolve(__dirname, '../src/assets/tab')
for (const [name, shape] of Object.entries({ home, ranking: podium, shop: basket, mine: person })) {
  fs.writeFileSync(path.join(out, `${name}.png`), png(shape, [0x99, 0x99, 0x99]))
  fs.writeFileSync(path.join(out, `${name}-on.png`), png(shape, [0xc8, 0x32, 0x1e]))
}
