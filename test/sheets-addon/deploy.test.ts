// Deployment of the Sheets add-on (SPEC 8): the repository ships .clasp.json.example, never a .clasp.json, and `npm run push:sheets` checks the user's .clasp.json before pushing.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const CHECK = path.join(ROOT, 'scripts', 'check-clasp.js');

/** Runs the push script's check in a folder holding `claspJson` as .clasp.json (none when null). */
function checkIn(claspJson: string | null): { status: number | null; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-clasp-'));
  try {
    if (claspJson !== null) fs.writeFileSync(path.join(dir, '.clasp.json'), claspJson);
    const run = spawnSync(process.execPath, [CHECK], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, stderr: run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('Sheets deployment', () => {
  it('tracks .clasp.json.example and ignores .clasp.json, so `clasp create` in a fresh clone is not blocked', () => {
    const tracked = execFileSync('git', ['ls-files', '.clasp.json', '.clasp.json.example'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(tracked).toEqual(['.clasp.json.example']);
    const ignored = spawnSync('git', ['check-ignore', '-q', '--no-index', '.clasp.json'], { cwd: ROOT });
    expect(ignored.status).toBe(0);
  });

  it('pushes only after checking .clasp.json, with --force so our appsscript.json (the two scopes) replaces the remote one', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['push:sheets']).toBe('node scripts/check-clasp.js && npm run build:sheets && clasp push --force');
  });

  it('stops with the commands to run when .clasp.json is missing or still the example', () => {
    const missing = checkIn(null);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('.clasp.json saknas');
    expect(missing.stderr).toContain('npx clasp create --type standalone --title Målkoll --rootDir dist/sheets');
    const example = checkIn(fs.readFileSync(path.join(ROOT, '.clasp.json.example'), 'utf8'));
    expect(example.status).toBe(1);
    expect(example.stderr).toContain('inget skript-ID');
    expect(checkIn('{ not json').stderr).toContain('inte giltig JSON');
  });

  it('refuses a project that would push anything but dist/sheets, and accepts what `clasp create` writes', () => {
    const wrongRoot = checkIn(JSON.stringify({ scriptId: '1AbC', rootDir: '.' }));
    expect(wrongRoot.status).toBe(1);
    expect(wrongRoot.stderr).toContain('"dist/sheets"');
    // clasp 3's create writes these settings (scriptId, rootDir relative to the project, file extensions, …).
    const created = { scriptId: '1AbCdEf', rootDir: 'dist/sheets', scriptExtensions: ['.js', '.gs'], htmlExtensions: ['.html'], jsonExtensions: ['.json'], filePushOrder: [], skipSubdirectories: false };
    expect(checkIn(JSON.stringify(created))).toEqual({ status: 0, stderr: '' });
    expect(checkIn(JSON.stringify({ scriptId: '1AbCdEf', rootDir: './dist/sheets/' })).status).toBe(0);
  });
});
