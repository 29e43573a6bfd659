/**
 * 星级文明户: a household's star level from its earned points (score entries only: spending in the
 * shop never lowers a star) and the village's thresholds (points needed for 1, 2, 3, … stars, ascending).
 */
export const DEFAULT_STAR_THRESHOLDS = [60, 80, 100, 120, 150]

export function starLevel(earned: number, thresholds: readonly number[] = DEFAULT_STAR_THRESHOLDS): number {
  let stars = 0
  for (const needed of thresholds) if (earned >= needed) stars++
  return stars
}
