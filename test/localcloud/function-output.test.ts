import path from 'node:path'
import { withLocalCloud } from '../helpers/local-cloud'

// Benchmarks print only their figures: the functions' own console output can be sent elsewhere.
test("a function's console output goes to functionOutput, labelled with the function's name", async () => {
  const received: { name: string; text: string }[] = []
  const { lc } = await withLocalCloud({
    functionsDir: path.join(__dirname, 'fixtures/functions'),
    functionOutput: (name, text) => received.push({ name, text })
  })
  try {
    const result = await lc.host!.invoke('chatty', { word: '你好' }, { openid: 'someone' })
    expect(result.result).toEqual({ ok: true })
    // the worker's streams are flushed asynchronously: wait until both lines have arrived (on a loaded
    // machine that has taken over a second)
    const arrived = () =>
      received
        .map(r => r.text)
        .join('')
        .includes('warned')
    for (const giveUpAt = Date.now() + 20_000; !arrived() && Date.now() < giveUpAt;)
      await new Promise(resolve => setTimeout(resolve, 10))
    const text = received.map(r => r.text).join('')
    expect(text).toContain('said 你好\n')
    expect(text).toContain('warned 你好\n')
    expect(new Set(received.map(r => r.name))).toEqual(new Set(['chatty']))
  } finally {
    await lc.close()
  }
}, 30_000) // it starts a function worker: 3.5 s at a load average of 12, against Jest's default 5 s
