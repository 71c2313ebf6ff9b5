// Runs core's check until V8 has optimised it, then with a full garbage collection before each run; started
// with --trace-deopt by test/core/common/shapes.test.ts, which reads V8's trace from each "=== run" line on
// (a collection, then a check).
const root = process.argv[2];
const { check } = require(`${root}/dist/core/check`);
const { generateWorkbook } = require(`${root}/dist/bench/generate`);

const grids = generateWorkbook(2000);
for (let i = 0; i < 15; i++) check(grids);
for (let i = 0; i < 6; i++) {
  console.log('=== run');
  global.gc();
  check(grids);
}
