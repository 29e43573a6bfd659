/**
 * Runs `work` over `items` with at most `limit` in flight, results in input order. In the cloud each
 * database call is a network round trip, so bounded parallelism is what keeps a batch inside the
 * function's time limit without flooding the database. (p-map does this too, but is ESM-only, which
 * the Jest setup of this project does not load.)
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index], index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
