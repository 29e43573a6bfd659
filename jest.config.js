// Three kinds of tests, one `npm test`:
//  node   – core units, the local cloud's conformance through the real wx-server-sdk, and the
//           functions' routes against an in-process local cloud
//  jsdom  – React components of the app (Taro's h5 components)
//  weapp  – the compiled dist/weapp pages in miniprogram-simulate
const shared = {
  transform: { '^.+\\.(t|j)sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json']
}

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{unit,localcloud,routes}/**/*.test.ts'],
      setupFiles: ['<rootDir>/scripts/scf-env.ts']
    },
    {
      ...shared,
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/components/**/*.test.tsx'],
      setupFiles: ['<rootDir>/test/helpers/jsdom-setup.ts'],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/helpers/taro-h5.ts',
        '\\.css$': '<rootDir>/test/helpers/style-stub.js'
      },
      transformIgnorePatterns: [
        // anchored, so a copy of tslib nested inside @tarojs/components is transformed too
        '^(?!.*(@tarojs|@stencil|swiper|ssr-window|dom7|query-string|decode-uri-component|split-on-first|filter-obj|lodash-es|nanoid|history|mobile-detect|abortcontroller-polyfill|whatwg-fetch|jsonp-retry)).*/node_modules/'
      ]
    },
    {
      ...shared,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      // the local cloud runs in this test too: resolve packages (bson, mingo) for Node, not the browser
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      setupFiles: ['<rootDir>/scripts/scf-env.ts', '<rootDir>/test/helpers/node-globals.ts']
    }
  ]
}
