export { startLocalCloud } from './server'
export type { LocalCloud, LocalCloudOptions } from './server'
export type { Persona } from './dev-login'
export { CloudError } from './errors'
