// The CLI's input and output handling (SPEC 8 CLI, issue 14.3, 18.3): atomic writes, never onto the input, only regular files, usage errors, flags, content-judged file type.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { zipSync, strToU8 } from 'fflate';
import { generateWorkbook } from '../../bench/generate';
import { hostilePackage, parseXml, plainPackage, unzipParts } from './hostile';
import { BIN, runCli, tempDir } from './helpers';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'tertialrapport-1-2024-eav.xlsx');
const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}

describe('malkoll never writes onto its input', () => {
  let dir: string;
  let input: string;
  let before: Buffer;

  beforeAll(() => {
    dir = tempDir();
    input = path.join(dir, 'rapport.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    before = fs.readFileSync(input);
  });

  afterEach(() => expect(fs.readFileSync(input).equals(before)).toBe(true));

  it.each([
    ['a hard link to the input', (d: string, i: string) => (fs.linkSync(i, path.join(d, 'lank.xlsx')), path.join(d, 'lank.xlsx'))],
    ['a symbolic link to the input', (d: string, i: string) => (fs.symlinkSync(i, path.join(d, 'symlank.xlsx')), path.join(d, 'symlank.xlsx'))],
    ['the input through ..', (d: string) => (fs.mkdirSync(path.join(d, 'under'), { recursive: true }), path.join(d, 'under', '..', 'rapport.xlsx'))],
  ])('refuses -o that is %s (exit 2, nothing written)', async (_label, make) => {
    const output = make(dir, input);
    const files = listing(dir);
    const run = await runCli(['check', input, '-o', output]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^malkoll: utfilen får inte vara samma som infilen/);
    expect(listing(dir)).toEqual(files);
  });

  it('refuses --json equal to -o before writing anything', async () => {
    const out = path.join(dir, 'ut.xlsx');
    const run = await runCli(['check', input, '-o', out, '--json', path.join(dir, '.', 'ut.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^malkoll: JSON-rapporten och den kontrollerade kopian kan inte skrivas till samma fil/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses --json that is the input', async () => {
    const run = await runCli(['check', input, '--json', input]);
    expect(run.code).toBe(2);
  });
});

describe('malkoll reads only regular files of a stated size', () => {
  it('refuses a device such as /dev/zero at once instead of reading forever', async () => {
    const started = Date.now();
    const run = await runCli(['check', '/dev/zero', '-o', path.join(tempDir(), 'ut.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('malkoll: /dev/zero är ingen vanlig fil (utan en enhet, en pipe eller liknande); ange en .xlsx-fil\n');
    expect(Date.now() - started).toBeLessThan(15000);
  });

  it('refuses a file over the size limit and says the limit', async () => {
    const dir = tempDir();
    const big = path.join(dir, 'stor.xlsx');
    fs.writeFileSync(big, 'PK');
    fs.truncateSync(big, 201 * 1024 * 1024); // sparse: costs no disk
    const run = await runCli(['check', big]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^malkoll: .*stor\.xlsx är större än gränsen 200 MB för en arbetsbok\n$/);
  });

  it('judges the file by its content: an .xlsx named .xls is checked and written as .xlsx', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'rapport.xls');
    fs.copyFileSync(EXAMPLE, input);
    const run = await runCli(['check', input]);
    expect(run.code).toBe(0);
    expect(listing(dir)).toEqual(['rapport-kontrollerad.xlsx', 'rapport.xls']);
  });

  it('says a zip without a workbook is no workbook (exit 2)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'arkiv.xlsx');
    fs.writeFileSync(file, zipSync({ 'readme.txt': strToU8('hej') }));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/är en zip-fil men ingen Excel-arbetsbok/);
  });
});

describe('malkoll usage errors and flags', () => {
  it('treats a bad --period as a usage error (exit 2), writing nothing and highlighting nothing', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'rapport.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const run = await runCli(['check', input, '--period', 'Tertial 7 2024']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^malkoll: --period "Tertial 7 2024" är ingen rapportperiod/);
    expect(listing(dir)).toEqual(['rapport.xlsx']);
  });

  it.each([['--version'], ['-v']])('%s prints the version from package.json', async (flag) => {
    const run = await runCli([flag]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`malkoll ${VERSION}\n`);
  });

  it.each([['--help'], ['-h']])('%s prints the usage, which names -v', async (flag) => {
    const run = await runCli([flag]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-v, --version');
  });

  // Core reports E_NO_INPUT for a workbook without any input sheet; until core does on every branch, the CLI
  // tells the same from the report (no goals, indicators, activities or budget read). Either way: exit 1, never "0 fel".
  it('exits 1 with a sentence saying what Målkoll looks for when no sheet is an input sheet', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'inkop.xlsx');
    fs.writeFileSync(file, plainPackage([{ name: 'Inköp', values: [['Vara', 'Pris'], ['Papper', 49]] }]));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/\b0 fel\b/);
    expect(run.stdout + run.stderr).toMatch(/Mål, Indikatorer, Aktiviteter och Ekonomi|E_NO_INPUT/);
  });

  it('clear with nothing to clear writes nothing and says so', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'rapport.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const run = await runCli(['clear', input]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Inga markeringar att ta bort i .*rapport\.xlsx; ingen fil skrevs\n$/);
    expect(listing(dir)).toEqual(['rapport.xlsx']);
  });
});

describe('malkoll writes atomically', () => {
  it('leaves the previous checked copy intact when a large check is killed while writing', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'stor.xlsx');
    const output = path.join(dir, 'stor-kontrollerad.xlsx');
    fs.writeFileSync(input, plainPackage(generateWorkbook(30000).sheets));
    const previous = hostilePackage('excel365').bytes; // "the previous good copy"
    fs.writeFileSync(output, previous);

    let caught = false;
    await new Promise<void>((resolve) => {
      const child = spawn('node', [BIN, 'check', input, '-o', output], { stdio: 'ignore' });
      const watcher = fs.watch(dir, (_event, name) => {
        if (!caught && name && String(name).endsWith('.tmp') && fs.existsSync(path.join(dir, String(name)))) {
          caught = true;
          child.kill('SIGKILL');
        }
      });
      child.on('exit', () => {
        watcher.close();
        resolve();
      });
    });
    expect(caught).toBe(true); // killed after the temporary file was created, before the rename
    expect(fs.readFileSync(output).equals(previous)).toBe(true);
    expect(() => parseXml(unzipParts(fs.readFileSync(output)).get('xl/workbook.xml')!)).not.toThrow();
  }, 120000);
});
