// The browser tests share one product (npm start on one data folder). county-import adds a
// 300-household register to 新丰村, which pushes the demo households off the first sheets and pages that
// other tests open (一户一码's first 30 door plates, say), so it runs after them; the rest keep Jest's order.
const Sequencer = require('@jest/test-sequencer').default

class CountyImportLast extends Sequencer {
  sort(tests) {
    const ordered = super.sort(tests)
    const isImport = test => test.path.includes('county-import')
    return [...ordered.filter(test => !isImport(test)), ...ordered.filter(isImport)]
  }
}

module.exports = CountyImportLast
