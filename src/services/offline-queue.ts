import Taro from '@tarojs/taro'
import type { RouteName, RouteResult } from '../../core/contract/routes'
import { ApiError } from './api'
import { uploadFile } from './files'
import { dropPhoto, keepPhoto } from './local-photos'
import { isNetworkFailure, newRequestId, sendWrite, WriteInput } from './write'

/**
 * 离线待上传: grid logs and proposals written where there is no signal, kept on the phone until they
 * can be sent. Each is given its request id when it is written, so sending it again after a lost reply
 * (or from a second trigger) is applied once by the server. Photos are uploaded first, each to a path
 * fixed by the request id, and their file ids are kept as they arrive, so a retry neither uploads a
 * photo twice nor loses one. A write the server refuses stays, with the server's reason, until the
 * worker edits or discards it.
 */

/** The most writes kept on the phone: a month of patrols; more means something is wrong with sending. */
export const OFFLINE_QUEUE_MAX = 100
/** Web storage (the browser build) holds about 5 million characters per site; the queue takes at most this. */
export const WEB_STORAGE_CHARS_MAX = 4_000_000
/** Space of WeChat's storage (10 MB per user) left for the rest of the app. */
export const WEAPP_STORAGE_RESERVE_KB = 512

const STORAGE_KEY = 'offlineQueue'
const PHOTO_FOLDER = 'offline'

/** What each queued kind sends: the route and its input without the parts this module fills in. */
interface Sends {
  log: { route: 'grid.createLog'; input: Omit<WriteInput<'grid.createLog'>, 'photos'> }
  proposal: { route: 'grid.propose'; input: Omit<WriteInput<'grid.propose'>, 'evidence'> }
}
export type QueuedKind = keyof Sends
const ROUTES: { [K in QueuedKind]: Sends[K]['route'] } = { log: 'grid.createLog', proposal: 'grid.propose' }

export interface QueuedPhoto {
  /** the kept photo on the phone (see local-photos.ts) */
  local: string
  /** its cloud file id once uploaded */
  fileId?: string
}

export interface Queued<K extends QueuedKind = QueuedKind> {
  /** the request id, made when the worker wrote it */
  id: string
  kind: K
  input: Sends[K]['input']
  photos: QueuedPhoto[]
  /** what the list shows, e.g. 巡查 · 2组院坝 · 3户 */
  title: string
  writtenAtMs: number
  /** refused by the server: its reason, in the server's words */
  refused?: string
}

export class QueueFull extends Error {}

type Listener = (queue: Queued[]) => void
const listeners = new Set<Listener>()

/** Called with the queue whenever it changes (the workbench's 待上传 count). Returns the unsubscriber. */
export function watchQueue(listener: Listener): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

export function readQueue(): Queued[] {
  const stored = Taro.getStorageSync(STORAGE_KEY)
  return Array.isArray(stored) ? stored : []
}

function writeQueue(queue: Queued[]) {
  try {
    Taro.setStorageSync(STORAGE_KEY, queue)
  } catch {
    throw new QueueFull('手机存储满了')
  }
  for (const l of listeners) l(queue)
}

function assertRoom(queue: Queued[], adding: Queued | null) {
  if (adding && queue.length >= OFFLINE_QUEUE_MAX) throw new QueueFull(`最多存${OFFLINE_QUEUE_MAX}条`)
  const next = JSON.stringify(adding ? [...queue, adding] : queue).length
  if (process.env.TARO_ENV === 'weapp') {
    const { currentSize, limitSize } = Taro.getStorageInfoSync()
    const nowKb = JSON.stringify(queue).length / 1024
    if (currentSize - nowKb + next / 1024 > limitSize - WEAPP_STORAGE_RESERVE_KB) throw new QueueFull('手机存储满了')
  } else if (next > WEB_STORAGE_CHARS_MAX) throw new QueueFull('手机存储满了')
}

/**
 * Keeps a write on the phone, with its photos (temporary paths as picked), under a new request id.
 * Replacing `replaces` (an edited refused write) gives the new content a new id as well: the server
 * has not applied the old one, and what is sent has changed. Throws QueueFull when it would not fit.
 */
export async function keep<K extends QueuedKind>(
  kind: K,
  input: Sends[K]['input'],
  photoPaths: string[],
  title: string,
  replaces?: string
): Promise<Queued<K>> {
  const earlier = readQueue().find(q => q.id === replaces)
  const kept = await Promise.all(
    photoPaths.map(async p => earlier?.photos.find(ph => ph.local === p) ?? { local: await keepPhoto(p) })
  ).catch(() => {
    throw new QueueFull('手机存储满了，照片存不下')
  })
  const item: Queued<K> = { id: newRequestId(), kind, input, photos: kept, title, writtenAtMs: Date.now() }
  const rest = readQueue().filter(q => q.id !== replaces)
  assertRoom(rest, item)
  writeQueue([...rest, item])
  // a storage that did not keep it must not pass for one that sent it
  if (!readQueue().some(q => q.id === item.id)) throw new QueueFull('手机存储出错了')
  if (earlier) await dropPhotosNoLongerUsed(earlier, item)
  return item
}

/** The worker gives up on a write (usually a refused one). */
export async function discard(id: string) {
  const queue = readQueue()
  const gone = queue.find(q => q.id === id)
  writeQueue(queue.filter(q => q.id !== id))
  if (gone) await Promise.all(gone.photos.map(p => dropPhoto(p.local)))
}

async function dropPhotosNoLongerUsed(before: Queued, after: Queued) {
  const used = new Set(after.photos.map(p => p.local))
  await Promise.all(before.photos.filter(p => !used.has(p.local)).map(p => dropPhoto(p.local)))
}

function update(id: string, change: (q: Queued) => Queued) {
  writeQueue(readQueue().map(q => (q.id === id ? change(q) : q)))
}

export interface SendReport {
  sent: number
  refused: number
  /** still waiting: no signal (or the cloud failed) before they were sent */
  waiting: number
  /** what the server answered, by request id, for the page that is waiting for its own write */
  results: Record<string, unknown>
  /** the run stopped because nothing got through */
  noSignal: boolean
}

let sending: Promise<SendReport> | null = null

/**
 * Sends what waits, oldest first, one at a time. Triggers may overlap (the network returns while the
 * app comes to the foreground, and the worker taps 上传): they share the one run in progress.
 */
export function sendQueued(): Promise<SendReport> {
  sending ??= sendAll().finally(() => (sending = null))
  return sending
}

async function sendAll(): Promise<SendReport> {
  const report: SendReport = { sent: 0, refused: 0, waiting: 0, results: {}, noSignal: false }
  for (const item of readQueue().filter(q => !q.refused)) {
    const outcome = await sendOne(item)
    if (outcome === 'waiting') {
      report.noSignal = true // the rest would fail the same way
      break
    }
    if (outcome === 'refused') report.refused++
    else {
      report.sent++
      report.results[item.id] = outcome.result
    }
  }
  report.waiting = readQueue().filter(q => !q.refused).length
  return report
}

async function sendOne(item: Queued): Promise<{ result: unknown } | 'refused' | 'waiting'> {
  let result: unknown
  try {
    const fileIds = await uploadPhotos(item)
    const sendsPhotos = item.kind === 'log' ? { photos: fileIds } : { evidence: fileIds }
    result = await sendWrite(ROUTES[item.kind] as RouteName, { ...item.input, ...sendsPhotos } as never, item.id)
  } catch (e) {
    // An upload that fails is the network too (the dev upload answers only a logged-in caller).
    if (isNetworkFailure(e) || !(e instanceof ApiError) || e.code === 'INTERNAL') return 'waiting'
    update(item.id, q => ({ ...q, refused: e.message }))
    return 'refused'
  }
  writeQueue(readQueue().filter(q => q.id !== item.id))
  await Promise.all(item.photos.map(p => dropPhoto(p.local)))
  return { result }
}

/** Uploads the photos not uploaded yet, keeping each file id as soon as it is known. */
async function uploadPhotos(item: Queued): Promise<string[]> {
  const fileIds: string[] = []
  for (const [i, photo] of item.photos.entries()) {
    const fileId = photo.fileId ?? (await uploadFile(photo.local, PHOTO_FOLDER, `${item.id}-${i}`))
    if (!photo.fileId)
      update(item.id, q => ({ ...q, photos: q.photos.map((p, k) => (k === i ? { ...p, fileId } : p)) }))
    fileIds.push(fileId)
  }
  return fileIds
}

/** The result type of a queued kind's route, for pages that send at once when they can. */
export type QueuedResult<K extends QueuedKind> = RouteResult<Sends[K]['route']>

export type KeptOutcome<K extends QueuedKind> =
  /** the result is missing only when another run sent it */
  { state: 'sent'; result?: QueuedResult<K> } | { state: 'refused'; reason: string } | { state: 'waiting' }

/**
 * What a page does when the worker saves: keep the write on the phone first (so closing the app
 * loses nothing), then try to send it at once. A run already in progress may have read the queue
 * before this write was kept; then a second run sends it.
 */
export async function keepAndSend<K extends QueuedKind>(
  kind: K,
  input: Sends[K]['input'],
  photoPaths: string[],
  title: string,
  replaces?: string
): Promise<KeptOutcome<K>> {
  const item = await keep(kind, input, photoPaths, title, replaces)
  for (let run = 0; run < 2; run++) {
    const report = await sendQueued()
    const still = readQueue().find(q => q.id === item.id)
    if (!still) return { state: 'sent', result: report.results[item.id] as QueuedResult<K> | undefined }
    if (still.refused) return { state: 'refused', reason: still.refused }
    if (report.noSignal) break
  }
  return { state: 'waiting' }
}
