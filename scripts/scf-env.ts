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
