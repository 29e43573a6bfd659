// Browser tests: the h5 app served by `npm start` (fresh data, its own port) driven in Chromium.
module.exports = {
  transform: { '^.+\\.(t|j)sx?$': 'babel-jest' },
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  globalSetup: '<rootDir>/test/e2e/start-product.ts',
  globalTeardown: '<rootDir>/test/e2e/stop-product.ts',
  testTimeout: 60000,
  testSequencer: '<rootDir>/test/e2e/sequencer.js'
}
