// The local cloud runs inside the weapp tests' jsdom environment, which hides Node's structuredClone
// (the local cloud's updates use it).
import v8 from 'node:v8'

if (typeof globalThis.structuredClone !== 'function')
  globalThis.structuredClone = <T>(value: T): T => v8.deserialize(v8.serialize(value))
