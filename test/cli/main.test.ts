import { execFileSync } from 'child_process';
import * as path from 'path';

const bin = path.join(__dirname, '..', '..', 'bin', 'malkoll.js');

describe('malkoll command', () => {
  it('prints its usage in Swedish', () => {
    const out = execFileSync('node', [bin, '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/Användning: malkoll check/);
  });
});
