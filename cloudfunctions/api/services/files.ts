import type { ExportFile } from '../../../core/contract/county'
import { AppError } from '../../../core/contract/errors'
import { fileContent, temporaryUrls } from '../../shared/data/storage'
import type { RouteCtx } from '../router/route'

/**
 * Files made for the user (exports, the register's template): stored under `exports/`, handed out as
 * a temporary address. WeChat opens it with downloadFile + openDocument; the browser downloads it.
 */
export async function publishFile(ctx: RouteCtx, fileName: string, content: Buffer, rows: number): Promise<ExportFile> {
  // the name the user sees travels beside the file: cloud paths are kept to plain characters
  const cloudPath = `exports/${ctx.now()}-${Math.random().toString(36).slice(2, 10)}.xlsx`
  const uploaded = await ctx.storage.uploadFile({ cloudPath, fileContent: content })
  const url = (await temporaryUrls(ctx, [uploaded.fileID])).get(uploaded.fileID)
  if (!url) throw new Error(`no download address for ${uploaded.fileID}`)
  return { url, fileName, rows }
}

/** An uploaded file's bytes, refused over `bytesMax`. */
export async function readUploadedFile(ctx: RouteCtx, fileId: string, bytesMax: number): Promise<Buffer> {
  let content: Buffer
  try {
    content = await fileContent(ctx, fileId)
  } catch {
    throw new AppError('NOT_FOUND', '没有找到上传的文件，请重新上传')
  }
  if (content.length > bytesMax)
    throw new AppError('INVALID_INPUT', `文件太大了，最多${Math.round(bytesMax / 1024 / 1024)}MB，请分成几个文件`)
  return content
}
