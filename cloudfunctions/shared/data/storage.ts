import type { Ctx } from '../context'

/** Cloud storage through wx-server-sdk, typed: the SDK's loose results are cast here. */

/** Temporary download addresses of stored files, by file id. */
export async function temporaryUrls(ctx: Pick<Ctx, 'storage'>, fileIds: string[]): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map()
  const res = (await ctx.storage.getTempFileURL({ fileList: fileIds })) as {
    fileList: { fileID: string; tempFileURL: string }[]
  }
  return new Map(res.fileList.map(f => [f.fileID, f.tempFileURL]))
}

/** A stored file's bytes (the SDK rejects a file that does not exist). */
export async function fileContent(ctx: Pick<Ctx, 'storage'>, fileId: string): Promise<Buffer> {
  const res = (await ctx.storage.downloadFile({ fileID: fileId })) as { fileContent: Buffer }
  return res.fileContent
}
