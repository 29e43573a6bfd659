// What an SCF instance has in its environment, so the real wx-server-sdk neither asks Tencent's
// metadata host on every call nor raises "missing secretId" (see docs/local-cloud.md).
Object.assign(process.env, {
  TENCENTCLOUD_RUNENV: 'SCF',
  SCF_NAMESPACE: 'local-env',
  TENCENTCLOUD_REGION: 'ap-shanghai',
  TENCENTCLOUD_SECRETID: 'local-secret-id',
  TENCENTCLOUD_SECRETKEY: 'local-secret-key',
  SILENCE: 'true'
})
// The key of the ID numbers' hash (cloudfunctions/api/services/register/privacy.ts); in the cloud it is set in
// the api function's environment. Locally a fixed key, so that hashes stay comparable across starts.
process.env.PERSON_ID_HASH_KEY ??= 'local-development-key-not-for-production-use'
