// The CLI's measurements of SPEC 9: end to end against the I/O floor on 10 000 rows (ratios.cliVsIoFloor) and, with --big, 200 000 rows' time and peak resident memory.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { a1 } from '../core/common/a1';
import type { WorkbookGrids } from '../core/types';
import { typedCell } from '../scripts/build-example';
import { generateWorkbook } from './generate';

export const CLI_BUDGETS = { cliVsIoFloor: 1.5, bigMs: 60_000, bigRssMB: 1536 };
const RUNS = 3;

export interface CliVsFloor {
  rows: number;
  /** Median wall time of `malkoll check` in a fresh process, from its start to its end (read, check, patch, write). */
  cliMs: number;
  /** Median wall time of the floor in a fresh process: every cell read with the CLI's reader, the package written back unchanged. */
  floorMs: number;
  ratio: number;
}

export interface CliBig {
  rows: number;
  ms: number;
  maxRssMB: number;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Writes generated grids as an .xlsx the way Excel stores them (shared strings, numbers with their formats, dates as
 * serials), fast enough for 200 000 rows (exceljs needs minutes and gigabytes there).
 */
export function writeBenchXlsx(grids: WorkbookGrids, file: string): void {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const zip = require('../cli/package/zip') as typeof import('../cli/package/zip');
  const strings = new Map<string, number>();
  const formats = new Map<string, number>();
  const parts: [string, string][] = [];
  grids.sheets.forEach((sheet, i) => parts.push([`xl/worksheets/sheet${i + 1}.xml`, sheetXml(sheet.values, strings, formats)]));
  parts.push(['xl/sharedStrings.xml', `${XML}<sst xmlns="${NS}" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`]);
  parts.push(['xl/styles.xml', stylesXml(formats)]);
  parts.push(['xl/workbook.xml', `${XML}<workbook xmlns="${NS}" xmlns:r="${RT}"><sheets>${grids.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`]);
  const n = grids.sheets.length;
  const rels = grids.sheets.map((_, i) => [`rId${i + 1}`, 'worksheet', `worksheets/sheet${i + 1}.xml`]).concat([[`rId${n + 1}`, 'sharedStrings', 'sharedStrings.xml'], [`rId${n + 2}`, 'styles', 'styles.xml']]);
  parts.push(['xl/_rels/workbook.xml.rels', relsXml(rels)]);
  parts.push(['_rels/.rels', relsXml([['rId1', 'officeDocument', 'xl/workbook.xml']])]);
  parts.unshift(['[Content_Types].xml', contentTypes(n)]);
  fs.writeFileSync(file, zip.writeZip(parts.map(([name, text]) => zip.deflateEntry(name, Buffer.from(text, 'utf8')))));
}

function sheetXml(values: WorkbookGrids['sheets'][number]['values'], strings: Map<string, number>, formats: Map<string, number>): string {
  const rows: string[] = [];
  values.forEach((row, r) => {
    let cells = '';
    row.forEach((raw, c) => {
      const typed = r === 0 ? { value: raw === null ? null : String(raw), numFmt: null } : typedCell(raw);
      const value = typed.value instanceof Date ? typed.value.getTime() / 86400000 + 25569 : typed.value;
      if (value === null || value === undefined) return;
      let style = '';
      if (typed.numFmt) {
        if (!formats.has(typed.numFmt)) formats.set(typed.numFmt, formats.size + 1);
        style = ` s="${formats.get(typed.numFmt)}"`;
      }
      if (typeof value === 'number') cells += `<c r="${a1(r, c)}"${style}><v>${value}</v></c>`;
      else {
        const text = String(value);
        if (!strings.has(text)) strings.set(text, strings.size);
        cells += `<c r="${a1(r, c)}"${style} t="s"><v>${strings.get(text)}</v></c>`;
      }
    });
    rows.push(`<row r="${r + 1}">${cells}</row>`);
  });
  return `${XML}<worksheet xmlns="${NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

function stylesXml(formats: Map<string, number>): string {
  const numFmts = [...formats].map(([code, i]) => `<numFmt numFmtId="${163 + i}" formatCode="${esc(code)}"/>`).join('');
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...[...formats.values()].map((i) => `<xf numFmtId="${163 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
  return (
    `${XML}<styleSheet xmlns="${NS}"><numFmts count="${formats.size}">${numFmts}</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs></styleSheet>`
  );
}

function relsXml(list: string[][]): string {
  const type = (t: string) => (t === 'officeDocument' || t === 'worksheet' || t === 'sharedStrings' || t === 'styles' ? `${RT}/${t}` : t);
  return `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list.map(([id, t, target]) => `<Relationship Id="${id}" Type="${type(t)}" Target="${target}"/>`).join('')}</Relationships>`;
}

function contentTypes(sheets: number): string {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const overrides = [`<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>`, `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>`, `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>`];
  for (let i = 1; i <= sheets; i++) overrides.push(`<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${ct}.worksheet+xml"/>`);
  return `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
}

// ---------------------------------------------------------------------------------------------
// The measurements: each in a fresh child process (this file run as a script), so that one does not warm the other.
// ---------------------------------------------------------------------------------------------

interface ChildResult {
  ms: number;
  maxRssMB: number;
  exitCode: number;
}

function child(mode: 'cli' | 'floor', input: string, output: string): ChildResult {
  const result = path.join(path.dirname(output), `${mode}-${path.basename(output)}.json`);
  const run = spawnSync(process.execPath, [__filename, mode, input, output, result], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 || !fs.existsSync(result)) throw new Error(`bench ${mode} failed (exit ${run.status}): ${(run.stderr ?? '').trim().split('\n').pop()}`);
  return JSON.parse(fs.readFileSync(result, 'utf8')) as ChildResult;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/** ratios.cliVsIoFloor on `rows` generated indicator rows: median of RUNS alternating runs of each. */
export function measureCliVsFloor(rows = 10_000): CliVsFloor {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-bench-cli-'));
  try {
    const input = path.join(dir, 'in.xlsx');
    writeBenchXlsx(generateWorkbook(rows), input);
    const cli: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      floor.push(child('floor', input, path.join(dir, 'floor.xlsx')).ms);
      cli.push(child('cli', input, path.join(dir, 'out.xlsx')).ms);
    }
    const cliMs = Math.round(median(cli));
    const floorMs = Math.round(median(floor));
    return { rows, cliMs, floorMs, ratio: Number((cliMs / floorMs).toFixed(2)) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** 200 000 rows end to end in a fresh process: wall time and peak resident memory. */
export function measureCliBig(rows = 200_000): CliBig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-bench-big-'));
  try {
    const input = path.join(dir, 'in.xlsx');
    writeBenchXlsx(generateWorkbook(rows), input);
    const run = child('cli', input, path.join(dir, 'out.xlsx'));
    return { rows, ms: Math.round(run.ms), maxRssMB: run.maxRssMB };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The floor: every cell read with the CLI's reader, then every part of the package written back (deflated anew) unchanged. */
function runFloor(input: string, output: string): void {
  /* eslint-disable @typescript-eslint/no-var-requires */
  const { openPackage } = require('../cli/package/package') as typeof import('../cli/package/package');
  const { readPackage } = require('../cli/package/read') as typeof import('../cli/package/read');
  const zip = require('../cli/package/zip') as typeof import('../cli/package/zip');
  /* eslint-enable @typescript-eslint/no-var-requires */
  const started = performance.now();
  const pkg = openPackage(fs.readFileSync(input));
  const read = readPackage(pkg);
  const entries = pkg.entries.map((entry) => zip.deflateEntry(entry.name, read.sheetXml.get(entry.name) ?? zip.inflateEntry(entry)));
  fs.writeFileSync(output, zip.writeZip(entries));
  finish(started, 0);
}

async function runCli(input: string, output: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { main } = require('../cli/main') as typeof import('../cli/main');
  const started = performance.now();
  const code = await main(['check', input, '-o', output]);
  finish(started, code > 1 ? code : 0); // exit 1 = the generated workbook has error issues, as the real one repeated does
}

let resultFile = '';

function finish(started: number, exitCode: number): void {
  const ms = performance.now() - started;
  const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  fs.writeFileSync(resultFile, JSON.stringify({ ms, maxRssMB, exitCode }));
  process.exitCode = exitCode;
}

if (require.main === module) {
  const [mode, input, output, result] = process.argv.slice(2);
  resultFile = result;
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => (void chunk, true)) as typeof process.stdout.write; // the CLI's summary is not the bench's output
  void stdoutWrite;
  if (mode === 'floor') runFloor(input, output);
  else
    runCli(input, output).catch((error: Error) => {
      process.stderr.write(`${error.stack ?? error.message}\n`);
      process.exit(2);
    });
}
