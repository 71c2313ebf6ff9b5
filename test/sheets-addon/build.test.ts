import * as fs from 'fs';
import * as path from 'path';

const dist = path.join(__dirname, '..', '..', 'dist', 'sheets');

describe('Sheets build', () => {
  it('declares onOpen at top level of an unminified Code.js', () => {
    const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
    expect(code).toMatch(/^function onOpen\(/m);
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
  });
});
