import { PNG } from 'pngjs'

/**
 * A stand-in for a cadre's evidence photo in the demo (a yard in front of a house, drawn), so that
 * an entry's page has a picture to show. Real photos come from the phone's camera.
 */
export function demoYardPhoto(): Buffer {
  const width = 240
  const height = 180
  const png = new PNG({ width, height })
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const wall = x > 60 && x < 180 && y > 50 && y < 120
      const roof = y <= 50 && y > 20 && Math.abs(x - 120) < (y - 20) * 2.2
      const door = x > 105 && x < 135 && y > 80 && y < 120
      const [r, g, b] = door
        ? [120, 70, 40]
        : wall
          ? [235, 225, 205]
          : roof
            ? [160, 50, 40]
            : y < 120
              ? [170, 205, 235]
              : [110 + (x % 7) * 3, 160, 90]
      png.data[i] = r
      png.data[i + 1] = g
      png.data[i + 2] = b
      png.data[i + 3] = 255
    }
  }
  return PNG.sync.write(png)
}
