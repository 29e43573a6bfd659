import { useState } from 'react'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useWrite, WRITE_ATTEMPTS_MAX, NETWORK_FAILED_TITLE, SUBMITTING } from '../../src/services/write'
import { WriteButton } from '../../src/components/WriteButton'

/**
 * The one way the app writes (src/services/write.ts), in a page-like component, through the real api
 * client: only the browser's fetch is replaced, by a script of what the network does with each request.
 */
type Step = 'lost' | 'ok' | 'refused' | 'hold'
let script: Step[] = []
let sent: { route: string; input: Record<string, unknown> }[] = []
let release: (() => void) | null = null

function fakeFetch(_url: string, init: { body: string }) {
  sent.push(JSON.parse(init.body))
  const step = script.shift() ?? 'ok'
  const reply = (body: unknown) => ({ ok: true, status: 200, json: async () => body })
  if (step === 'lost') return Promise.reject(new TypeError('Failed to fetch'))
  if (step === 'refused')
    return Promise.resolve(reply({ ok: false, code: 'NOT_ENOUGH_POINTS', message: '积分不够，换不了' }))
  const ok = reply({ ok: true, data: { orderId: `o-${sent.length}` } })
  if (step === 'hold') return new Promise(resolve => (release = () => resolve(ok)))
  return Promise.resolve(ok)
}

let modal: jest.SpyInstance
let toast: jest.SpyInstance
beforeEach(() => {
  script = []
  sent = []
  release = null
  ;(globalThis as any).fetch = jest.fn(fakeFetch)
  modal = jest.spyOn(Taro, 'showModal').mockImplementation((() => Promise.resolve({ confirm: true })) as any)
  toast = jest.spyOn(Taro, 'showToast').mockImplementation((() => Promise.resolve()) as any)
})
afterEach(() => jest.restoreAllMocks())
jest.setTimeout(20_000)

/** A shop row: 换 orders one of the goods chosen above it. */
function Shop() {
  const write = useWrite()
  const [goodsId, setGoodsId] = useState('soap')
  const [done, setDone] = useState(0)
  return (
    <>
      <button data-testid="pick-towel" onClick={() => setGoodsId('towel')} />
      <WriteButton
        testid="order"
        label="换"
        submitting={write.submitting('shop.order')}
        disabled={write.busy}
        onClick={async () => {
          if (await write.run('shop.order', { goodsId, quantity: 1 }, { done: '已下单' })) setDone(d => d + 1)
        }}
      />
      <span data-testid="done">{done}</span>
    </>
  )
}

const tap = () => fireEvent.click(screen.getByTestId('order'))
const ids = () => sent.map(s => s.input.requestId)
const done = () => screen.getByTestId('done').textContent

test('a lost reply is retried automatically with the same request id, and the write is done once', async () => {
  script = ['lost', 'lost', 'ok']
  render(<Shop />)
  tap()
  await waitFor(() => expect(done()).toBe('1'), { timeout: 5000 })
  expect(sent).toHaveLength(3)
  expect(new Set(ids()).size).toBe(1)
  expect(sent[0]).toMatchObject({ route: 'shop.order', input: { goodsId: 'soap', quantity: 1 } })
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已下单' }))
})

test('while in flight the button says 提交中 and a second tap sends nothing', async () => {
  script = ['hold']
  render(<Shop />)
  tap()
  await waitFor(() => expect(screen.getByTestId('order').textContent).toBe(SUBMITTING))
  tap()
  tap()
  expect(sent).toHaveLength(1)
  await act(async () => release!())
  await waitFor(() => expect(screen.getByTestId('order').textContent).toBe('换'))
  expect(done()).toBe('1')
  expect(sent).toHaveLength(1)
})

test('after the last try fails it says so plainly, and the next tap sends the same id', async () => {
  script = Array(WRITE_ATTEMPTS_MAX).fill('lost')
  render(<Shop />)
  tap()
  await waitFor(() => expect(modal).toHaveBeenCalled(), { timeout: 8000 })
  expect(sent).toHaveLength(WRITE_ATTEMPTS_MAX)
  expect(modal.mock.calls[0][0]).toMatchObject({ title: NETWORK_FAILED_TITLE })
  expect(modal.mock.calls[0][0].content).toContain('不会重复')
  expect(done()).toBe('0')
  await waitFor(() => expect(screen.getByTestId('order').textContent).toBe('换'))

  tap() // the signal is back
  await waitFor(() => expect(done()).toBe('1'))
  expect(sent).toHaveLength(WRITE_ATTEMPTS_MAX + 1)
  expect(new Set(ids()).size).toBe(1)
})

test('a new id when what is sent changes, and after a success', async () => {
  script = ['lost', 'lost', 'lost', 'lost']
  render(<Shop />)
  tap()
  await waitFor(() => expect(modal).toHaveBeenCalled(), { timeout: 8000 })
  const soapId = ids()[0]

  fireEvent.click(screen.getByTestId('pick-towel')) // the villager chose other goods: another write
  await waitFor(() => expect(screen.getByTestId('order').textContent).toBe('换'))
  tap()
  await waitFor(() => expect(done()).toBe('1'))
  const towelId = ids()[WRITE_ATTEMPTS_MAX]
  expect(towelId).not.toBe(soapId)

  tap() // a second towel, on purpose: the first one succeeded, so this is a new write
  await waitFor(() => expect(done()).toBe('2'))
  expect(ids()[WRITE_ATTEMPTS_MAX + 1]).not.toBe(towelId)
})

test("the server's refusal is not retried; it is shown with the server's words", async () => {
  script = ['refused']
  render(<Shop />)
  tap()
  await waitFor(() => expect(modal).toHaveBeenCalled())
  expect(sent).toHaveLength(1)
  expect(modal.mock.calls[0][0]).toMatchObject({ title: '没有办成', content: '积分不够，换不了' })
  expect(done()).toBe('0')
})
