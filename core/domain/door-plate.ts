/**
 * Door plates sort as people read them: 2组9号 before 2组10号. The database can only order by a stored
 * string, so each household keeps `plateOrder`, its door plate with every run of digits padded to a
 * fixed width; ordering by it is the natural order.
 */
const DIGITS_WIDTH = 6

export const doorPlateOrder = (plate: string): string =>
  plate.trim().replace(/\d+/g, digits => digits.padStart(DIGITS_WIDTH, '0'))

export const compareDoorPlates = (a: string, b: string): number => {
  const [x, y] = [doorPlateOrder(a), doorPlateOrder(b)]
  return x < y ? -1 : x > y ? 1 : 0
}
