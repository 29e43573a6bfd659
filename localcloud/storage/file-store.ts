import fs from 'node:fs'
import path from 'node:path'
import { errors } from '../errors'

/**
 * Cloud storage on disk. Files are addressed like the cloud's: fileID `cloud://<env>.<bucket>/<cloudPath>`;
 * the SDK uploads with a PUT to the URL that getUploadMetadata hands out, and reads through temporary URLs.
 */
const FILE_ID_PREFIX = 'cloud://local-env.local-bucket/'

export class FileStore {
  constructor(
    private readonly root: string,
    private readonly publicUrl: () => string
  ) {
    fs.mkdirSync(root, { recursive: true })
  }

  static fileIdOf(cloudPath: string) {
    return FILE_ID_PREFIX + cloudPath
  }

  private cloudPathOf(fileID: string): string {
    if (!fileID.startsWith(FILE_ID_PREFIX)) throw errors.fileNotExist(fileID)
    return fileID.slice(FILE_ID_PREFIX.length)
  }

  /** Resolves a cloud path under the root; refuses anything that would escape it. */
  diskPath(cloudPath: string): string {
    const clean = path.posix.normalize(`/${decodeURIComponent(cloudPath)}`).slice(1)
    if (!clean || clean.startsWith('..')) throw errors.invalidParam(`invalid cloud path: ${cloudPath}`)
    return path.join(this.root, clean)
  }

  uploadMetadata(cloudPath: string) {
    this.diskPath(cloudPath)
    const fileId = FileStore.fileIdOf(cloudPath)
    return {
      url: `${this.publicUrl()}/storage/upload/${encodeURI(cloudPath)}`,
      token: 'local-token',
      authorization: 'local-authorization',
      fileId,
      cosFileId: fileId
    }
  }

  write(cloudPath: string, content: Buffer) {
    const file = this.diskPath(cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, content)
    return FileStore.fileIdOf(cloudPath)
  }

  downloadUrls(fileList: { fileid: string }[]) {
    return fileList.map(({ fileid }) => {
      try {
        const cloudPath = this.cloudPathOf(fileid)
        if (!fs.existsSync(this.diskPath(cloudPath))) throw errors.fileNotExist(fileid)
        return {
          fileID: fileid,
          tempFileURL: `${this.publicUrl()}/storage/file/${encodeURI(cloudPath)}`,
          code: 'SUCCESS'
        }
      } catch {
        return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
      }
    })
  }

  delete(fileIds: string[]) {
    return fileIds.map(fileID => {
      try {
        const file = this.diskPath(this.cloudPathOf(fileID))
        if (!fs.existsSync(file)) throw errors.fileNotExist(fileID)
        fs.rmSync(file)
        return { fileID, code: 'SUCCESS' }
      } catch {
        return { fileID, code: 'STORAGE_FILE_NONEXIST' }
      }
    })
  }
}
