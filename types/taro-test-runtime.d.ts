/** Taro's React runtime, which test/helpers/taro-h5.ts binds for components in jsdom (it ships no types). */
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  export function createH5NativeComponentConfig(component: unknown, react: unknown, reactDOM: unknown): unknown
}
