/**
 * Errors the local cloud answers with. The codes are CloudBase's own strings: the SDK maps them to
 * the numeric errCodes a product sees in the cloud (wx-server-sdk TCB_ERR_CODE, e.g.
 * DATABASE_COLLECTION_NOT_EXIST → -502005), and retries a transaction on DATABASE_TRANSACTION_CONFLICT.
 */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

/** A request whose body cannot be read at all: the endpoint answers 4xx (see json-text.ts). */
export class MalformedBody extends CloudError {
  constructor(why: string) {
    super('INVALID_PARAM', `the request body is ${why}`)
  }
}

export const errors = {
  malformedBody: (why: string) => new MalformedBody(why),
  collectionNotExist: (name: string) =>
    new CloudError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`),
  collectionExists: (name: string) => new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${name}`),
  duplicateKey: (collection: string, id: unknown) =>
    new CloudError(
      'DATABASE_REQUEST_FAILED',
      `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`
    ),
  invalidParam: (message: string) => new CloudError('INVALID_PARAM', message),
  invalidCommand: (message: string) => new CloudError('DATABASE_INVALID_OPERRATOR', message),
  requestFailed: (message: string) => new CloudError('DATABASE_REQUEST_FAILED', message),
  transactionConflict: (detail: string) =>
    new CloudError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict: ${detail}`),
  transactionNotExist: (id: string) =>
    new CloudError(
      'DATABASE_TRANSACTION_FAIL',
      `transaction ${id} does not exist, was committed, aborted or timed out`
    ),
  fileNotExist: (fileID: string) => new CloudError('STORAGE_FILE_NONEXIST', `file not exist: ${fileID}`),
  functionNotFound: (name: string) =>
    new CloudError('FUNCTIONS_EXECUTE_FAIL', `FunctionName parameter could not be found: ${name}`),
  unknownAction: (action: string) =>
    new CloudError('INVALID_PARAM', `action not supported by the local cloud: ${action}`)
}
