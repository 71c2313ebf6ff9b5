#!/usr/bin/env node
// The `malkoll` command: runs the compiled CLI (built by `npm run build:cli`, which `npm install` runs via `prepare`).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('malkoll: the CLI is not built; run `npm run build:cli` first.\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
