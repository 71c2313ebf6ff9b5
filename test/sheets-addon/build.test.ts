// Checks the built Sheets add-on in dist/sheets: one unminified Code.js (comments and unused declarations stripped) with top-level entry points and each @customfunction once, the inlined sidebar page, the manifest's scopes and .clasp.json.example.
import * as fs from 'fs';
import * as path from 'path';
import { DIST } from './bundle';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');
const CUSTOM_FUNCTIONS = ['MAL_STATUS', 'MAL_UPPFYLLNAD', 'MAL_PROGNOS', 'MAL_AVVIKELSE', 'MAL_TAL', 'MAL_BEDOMNING', 'MAL_UNDERLAG'];
const ENTRY_POINTS = ['onOpen', 'onInstall', 'malkollMenuCheck', 'malkollMenuSidebar', 'malkollMenuTemplate', 'malkollMenuClear', 'malkollCheck', 'malkollCheckView', 'malkollTemplate', 'malkollClear', 'malkollSelect'];

describe('Sheets build', () => {
  const code = read('Code.js');

  // SPEC 9 budgets 300 KB, unminified. The build strips comments and unused declarations from the bundle and
  // indents with tabs (sheets-addon/compact.js, tab-indent.js). The budget is NOT met: what is left is code that runs,
  // and core alone is about 338 KB of it (the add-on 21 KB, the declarations and runtime 4.5 KB): only minifying or a
  // smaller core would meet it. Core's speed work for SPEC 9's core/HyperFormula ratio (fast paths beside the general
  // code they must match) took the bundle from 350 KB to 365 KB. This ceiling keeps it from growing unnoticed.
  it('is one unminified Code.js: readable lines, tab indentation, names as written, no larger than today (SPEC 9 asks 300 KB: not met)', () => {
    expect(Buffer.byteLength(code)).toBeLessThan(370_000);
    const lines = code.split('\n');
    expect(lines.length).toBeGreaterThan(8000);
    // Readable lines, as written in the source (a minified bundle has lines of many thousand characters).
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(1000);
    expect(lines.filter((l) => l.startsWith('\t')).length).toBeGreaterThan(lines.length / 2);
    // Names as written: a minifier would have shortened these.
    expect(code).toMatch(/^function check\(grids, options = \{\}\) \{$/m);
    expect(code).toMatch(/^function readSpreadsheet\(spreadsheet\) \{$/m);
    expect(fs.readdirSync(DIST).filter((f) => f.endsWith('.js'))).toEqual(['Code.js']);
  });

  it('has no comments inside the bundle but webpack\'s module markers; the top-level declarations keep their JSDoc', () => {
    const start = code.indexOf('(() => {');
    expect(start).toBeGreaterThan(0);
    const bundle = code.slice(start);
    expect(bundle).not.toMatch(/\/\*\*/);
    expect(bundle.match(/^;\/\/ \.\/[\w./-]+\.ts$/gm)?.length).toBeGreaterThan(40);
    expect(code.slice(0, start).match(/\/\*\*/g)?.length).toBe(ENTRY_POINTS.length + CUSTOM_FUNCTIONS.length);
  });

  it('declares every entry point and custom function as a top-level function', () => {
    for (const name of [...ENTRY_POINTS, ...CUSTOM_FUNCTIONS]) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  it('keeps exactly one @customfunction JSDoc per custom function, right above its declaration', () => {
    expect(code.match(/@customfunction/g)).toHaveLength(CUSTOM_FUNCTIONS.length);
    for (const name of CUSTOM_FUNCTIONS) {
      const doc = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*\\nfunction ${name}\\(`).exec(code);
      expect(doc).not.toBeNull();
      expect(doc![1]).toContain('@customfunction');
      expect(doc![1]).toMatch(/@param/);
    }
  });

  it('asks only for the current spreadsheet and the container UI, on V8', () => {
    const manifest = JSON.parse(read('appsscript.json'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  it('serves the sidebar as one page with its script and stylesheet inside', () => {
    const html = read('sidebar.html');
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link[^>]*stylesheet/i);
    expect(html).not.toContain('inline:js');
    expect(html).not.toContain('inline:css');
    expect(html).toContain('google.script.run');
    expect(html).toContain('.mk-root');
    expect(html).not.toMatch(/\bon(click|load|error)\s*=/i);
    expect(html).not.toMatch(/\beval\(|new Function\(/);
    // Exactly one script element: nothing inside it closes it early.
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
  });

  it('ships a .clasp.json.example that pushes dist/sheets (a .clasp.json of its own would block `clasp create`)', () => {
    const clasp = JSON.parse(fs.readFileSync(path.join(ROOT, '.clasp.json.example'), 'utf8'));
    expect(clasp).toEqual({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist/sheets' });
  });
});
