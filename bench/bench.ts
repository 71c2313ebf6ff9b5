// The benchmark of SPEC 9: times core's check on 1 000 / 10 000 / 100 000 indicator rows (cold first run and warm median) against HyperFormula in the same process, the CLI end to end, counts host calls and payload bytes on the Excel and Sheets fakes, and prints a table (or one JSON object with --json).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as v8 from 'v8';
import * as vm from 'vm';
import { HyperFormula } from 'hyperformula';
import { check } from '../core/check';
import type { WorkbookGrids } from '../core/types';
import { generateWorkbook } from './generate';
import { writeWorkbookFile } from './workbook-file';
import { CLI_BUDGETS, measureCliBig, measureCliVsFloor, type CliBig, type CliVsFloor } from './cli';

/** SPEC 9's budgets. */
export const BUDGETS = {
  growth100kTo10k: 11,
  /** Syncs of one command at 1 000 rows. */
  excelSyncs: 3,
  /** Largest request and largest response of any sync, at every size. */
  excelPayloadBytes: 4_000_000,
  coreVsHyperFormula: 0.5,
  sheetsFlushes: 2,
  /** Sheets Code.js (unminified) and the task pane's own scripts (all but office.js), each. */
  bundleBytes: 300_000,
};

/** Runs per size after the warm-up: fewer for the big ones, which are slow and steadier. */
const PLAN: { rows: number; warmups: number; runs: number }[] = [
  { rows: 1000, warmups: 5, runs: 15 },
  { rows: 10_000, warmups: 3, runs: 9 },
  { rows: 100_000, warmups: 1, runs: 3 },
];
const CLI_ROWS = 10_000;
const HOST_ROWS = 10_000;
const SMALL_HOST_ROWS = 100;
/** Excel payloads are measured at these sizes (SPEC 9). */
const EXCEL_ROWS = [1000, 10_000, 50_000];
const RATIO_ROWS = 10_000;
const RATIO_WARMUPS = 3;
const RATIO_RUNS = 9;

export interface CoreTiming {
  rows: number;
  ms: number; // median after warm-up
  /** The first run at this size, before its warm-up (the JIT already warm from smaller sizes). */
  firstMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  issues: number;
}

export interface ExcelSize {
  rows: number;
  /** context.sync() calls of Kontrollera, and of Rensa markeringar after it. */
  syncs: number;
  clearSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Syncs refused for their size on the way (each is retried in smaller bands). */
  refused: number;
}

export interface HostCalls {
  excel: { sizes: ExcelSize[] } | null;
  sheets: {
    rows: number;
    calls: number;
    callsAt100: number;
    /** Read-after-write flushes of one Kontrollera, the larger of the two sizes. */
    flushes: number;
    perSheet: Record<string, number>;
    perSheetAt100: Record<string, number>;
    /** Calls that differ between the two sizes, by sheet and method ("Sammanställning insertRowsAfter +1"). */
    differences: string[];
  } | null;
}

/** Core's whole check against HyperFormula 3 computing only a nested-IF status column, same rows, same process. */
export interface HyperFormulaComparison {
  rows: number;
  runs: number;
  coreMs: number; // median
  hyperFormulaMs: number; // median
  ratio: number; // coreMs / hyperFormulaMs
}

export interface BenchResult {
  /** The very first check of the process (10 000 rows, nothing compiled yet). */
  coldFirstRun: { rows: number; ms: number };
  core: CoreTiming[];
  hyperFormula: HyperFormulaComparison;
  cli: { rows: number; ms: number; exitCode: number } | null;
  hostCalls: HostCalls;
  /** The CLI against its I/O floor (bench/cli.ts), and with --big the 200 000-row run. */
  cliFloor?: CliVsFloor;
  big?: CliBig;
  /** Built bundle sizes in bytes. */
  bundles?: Bundles;
}

const log = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** V8's gc(), exposed at run time (the bench is started by a plain `node dist/bench/bench.js`). */
const gc: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/** A full collection before each timed run, so one run's garbage is not billed to the next. */
function collect(): void {
  gc();
}

/** Median time of check on one generated workbook, after warm-up runs that let the JIT settle; the first run reported apart. */
export function timeCore(grids: WorkbookGrids, rows: number, warmups: number, runs: number): CoreTiming {
  collect();
  const firstStarted = performance.now();
  let issues = check(grids).report.issues.length;
  const firstMs = performance.now() - firstStarted;
  for (let i = 0; i < warmups; i++) issues = check(grids).report.issues.length;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const started = performance.now();
    issues = check(grids).report.issues.length;
    samples.push(performance.now() - started);
  }
  return { rows, ms: round(median(samples)), firstMs: round(firstMs), minMs: round(Math.min(...samples)), maxMs: round(Math.max(...samples)), runs, issues };
}

/** A number as the fixture writes it (`38,87 %`, `2 757,9`), else null. */
function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const m = /^(-?[\d ]+(?:,\d+)?)\s*%?$/.exec(value.trim());
  return m ? Number(m[1].replace(/ /g, '').replace(',', '.')) : null;
}

/**
 * The HyperFormula side of the ratio: the same indicator rows' outcome and annual target as numbers, and a status
 * column of nested IFs (not measured, met, partly met at 80 %, not met) over them.
 */
export function hyperFormulaSheet(grids: WorkbookGrids): (number | string | null)[][] {
  const sheet = grids.sheets.find((s) => s.name === 'Indikatorer')!;
  const [header, ...rows] = sheet.values;
  const outcome = header.indexOf('Periodens utfall');
  const target = header.indexOf('Årsmål');
  return rows.map((row, i) => {
    const r = i + 1;
    return [
      numberOf(row[outcome]),
      numberOf(row[target]),
      `=IF(OR(A${r}="",B${r}=""),"Ej mätt",IF(A${r}>=B${r},"Uppfylls helt",IF(A${r}>=0.8*B${r},"Uppfylls delvis","Uppfylls inte")))`,
    ];
  });
}

/** HyperFormula building (and so computing) the status column and handing out its values. */
function runHyperFormula(data: (number | string | null)[][]): number {
  const hf = HyperFormula.buildFromArray(data, { licenseKey: 'gpl-v3' });
  const values = hf.getSheetValues(0);
  hf.destroy();
  return values.length;
}

/** Medians of core's check and HyperFormula's status column on the same rows, runs interleaved so that both see the same machine. */
export function compareWithHyperFormula(rows: number, warmups: number, runs: number): HyperFormulaComparison {
  const grids = generateWorkbook(rows);
  const data = hyperFormulaSheet(grids);
  for (let i = 0; i < warmups; i++) {
    check(grids);
    runHyperFormula(data);
  }
  const core: number[] = [];
  const hf: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    let started = performance.now();
    check(grids);
    core.push(performance.now() - started);
    collect();
    started = performance.now();
    runHyperFormula(data);
    hf.push(performance.now() - started);
  }
  const coreMs = median(core);
  const hyperFormulaMs = median(hf);
  return { rows, runs, coreMs: round(coreMs), hyperFormulaMs: round(hyperFormulaMs), ratio: Math.round((coreMs / hyperFormulaMs) * 1000) / 1000 };
}

/** The repository root: bin/malkoll.js is there (two levels up from dist/bench, one from bench/). */
function repoRoot(): string {
  for (const up of ['..', path.join('..', '..')]) {
    const root = path.resolve(__dirname, up);
    if (fs.existsSync(path.join(root, 'bin', 'malkoll.js'))) return root;
  }
  return process.cwd();
}

/** `malkoll check in.xlsx -o out.xlsx` as a child process on a generated workbook: wall time of read, check and write. */
async function timeCli(rows: number): Promise<BenchResult['cli']> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malkoll-bench-'));
  try {
    const input = path.join(dir, 'in.xlsx');
    await writeWorkbookFile(generateWorkbook(rows), input);
    const bin = path.join(repoRoot(), 'bin', 'malkoll.js');
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, 'check', input, '-o', path.join(dir, 'out.xlsx')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - started;
    // Exit 1 means "the workbook has errors" (the generated one repeats the real mistakes); 2 and above mean the CLI failed.
    if (run.status === null || run.status > 1) {
      log(`the CLI failed (exit ${run.status}): ${(run.stderr || String(run.error ?? '')).trim().split('\n')[0]}`);
      return null;
    }
    return { rows, ms: round(ms), exitCode: run.status };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

interface HostModule {
  countExcelSyncs(grids: WorkbookGrids): Promise<{ checkSyncs: number; clearSyncs: number; maxRequestBytes: number; maxResponseBytes: number; refused: number }>;
  countSheetsCalls(grids: WorkbookGrids, bundle: string): { total: number; perScope: Record<string, number>; methods: Record<string, Record<string, number>>; flushes: number };
  findSheetsBundle(): string | null;
}

/**
 * The host-call counter lives in test/bench (it needs the Office.js and Apps Script types the CLI build
 * leaves out) and is compiled by bench/tsconfig.json; loaded at run time so this file builds without it.
 */
function loadHostModule(): HostModule | null {
  const file = path.join(__dirname, '..', 'test', 'bench', 'host-calls.js');
  if (!fs.existsSync(file)) {
    log(`host calls skipped: ${path.relative(process.cwd(), file)} is not built (tsc -p bench/tsconfig.json)`);
    return null;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as HostModule;
}

async function countHostCalls(): Promise<HostCalls> {
  const hosts = loadHostModule();
  if (!hosts) return { excel: null, sheets: null };
  const big = generateWorkbook(HOST_ROWS);
  const small = generateWorkbook(SMALL_HOST_ROWS);

  const sizes: ExcelSize[] = [];
  for (const rows of EXCEL_ROWS) {
    log(`Excel fake, ${rows} rows`);
    const calls = await hosts.countExcelSyncs(generateWorkbook(rows));
    sizes.push({ rows, syncs: calls.checkSyncs, clearSyncs: calls.clearSyncs, maxRequestBytes: calls.maxRequestBytes, maxResponseBytes: calls.maxResponseBytes, refused: calls.refused });
  }
  const excel = { sizes };

  let sheets: HostCalls['sheets'] = null;
  const bundle = hosts.findSheetsBundle();
  if (!bundle) log('Sheets calls skipped: dist/sheets/Code.js is not built (npm run build:sheets)');
  else {
    log(`Sheets fake, ${SMALL_HOST_ROWS} and ${HOST_ROWS} rows`);
    const atSmall = hosts.countSheetsCalls(small, bundle);
    const atBig = hosts.countSheetsCalls(big, bundle);
    sheets = {
      rows: HOST_ROWS,
      calls: atBig.total,
      callsAt100: atSmall.total,
      flushes: Math.max(atSmall.flushes, atBig.flushes),
      perSheet: atBig.perScope,
      perSheetAt100: atSmall.perScope,
      differences: methodDifferences(atSmall.methods, atBig.methods),
    };
  }
  return { excel, sheets };
}

/** "sheet method +n" for every call count that differs between two runs. */
export function methodDifferences(small: Record<string, Record<string, number>>, big: Record<string, Record<string, number>>): string[] {
  const out: string[] = [];
  for (const scope of [...new Set([...Object.keys(small), ...Object.keys(big)])].sort()) {
    const a = small[scope] ?? {};
    const b = big[scope] ?? {};
    for (const method of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const delta = (b[method] ?? 0) - (a[method] ?? 0);
      if (delta !== 0) out.push(`${scope} ${method} ${delta > 0 ? '+' : ''}${delta}`);
    }
  }
  return out;
}

/** Growing a sheet past Sheets' default 1 000 rows × 26 columns: one call, once, whatever the size beyond. */
const GROW = / (?:insertRowsAfter|insertColumnsAfter) \+1$/;

/**
 * Sheets calls are independent of the row count when the two sizes make the same calls, apart from at most one
 * grow call per sheet (an output sheet that passes 1 000 rows at 10 000 indicator rows but not at 100).
 */
export function sheetsCallsBounded(differences: string[]): boolean {
  return differences.every((d) => GROW.test(d));
}

/** Bytes of the built bundles (SPEC 9): Sheets' Code.js, and every script the task pane page loads but office.js. */
export function bundleSizes(): Bundles {
  const dist = path.join(__dirname, '..', '..', 'dist');
  const size = (file: string): number => fs.statSync(path.join(dist, file)).size;
  return { sheetsCodeJs: size('sheets/Code.js'), excelTaskpane: size('excel/taskpane.js') + size('excel/functions.js') };
}

export interface Bundles {
  sheetsCodeJs: number;
  excelTaskpane: number;
}

export async function runBench(big = false): Promise<BenchResult> {
  // First of all, before anything is compiled: what a user's first Kontrollera costs.
  const coldGrids = generateWorkbook(RATIO_ROWS);
  collect();
  const coldStarted = performance.now();
  check(coldGrids);
  const coldFirstRun = { rows: RATIO_ROWS, ms: round(performance.now() - coldStarted) };
  log(`cold first run, ${RATIO_ROWS} rows: ${coldFirstRun.ms} ms`);
  log(`core against HyperFormula, ${RATIO_ROWS} rows (${RATIO_WARMUPS} warm-up, ${RATIO_RUNS} timed each)`);
  const hyperFormula = compareWithHyperFormula(RATIO_ROWS, RATIO_WARMUPS, RATIO_RUNS);
  const core: CoreTiming[] = [];
  for (const { rows, warmups, runs } of PLAN) {
    log(`core, ${rows} indicator rows (${warmups} warm-up, ${runs} timed)`);
    core.push(timeCore(generateWorkbook(rows), rows, warmups, runs));
  }
  log(`CLI end to end, ${CLI_ROWS} rows`);
  const cli = await timeCli(CLI_ROWS);
  const hostCalls = await countHostCalls();
  log(`CLI against its I/O floor, ${CLI_ROWS} rows`);
  const cliFloor = measureCliVsFloor(CLI_ROWS);
  if (big) log('CLI end to end, 200 000 rows');
  return { coldFirstRun, core, hyperFormula, cli, hostCalls, cliFloor, bundles: bundleSizes(), ...(big ? { big: measureCliBig() } : {}) };
}

export interface Verdict {
  budget: string;
  measured: string;
  ok: boolean | null; // null = not measured
}

/** Each budget of SPEC 9 against what was measured. */
export function verdicts(result: BenchResult): Verdict[] {
  const at = (rows: number) => result.core.find((c) => c.rows === rows);
  const c10k = at(10_000);
  const c100k = at(100_000);
  const growth = c10k && c100k ? c100k.ms / c10k.ms : null;
  const { excel, sheets } = result.hostCalls;
  const sameCalls = sheets ? sheetsCallsBounded(sheets.differences) : null;
  const excel1k = excel?.sizes.find((s) => s.rows === 1000);
  const payload = excel ? Math.max(...excel.sizes.map((s) => Math.max(s.maxRequestBytes, s.maxResponseBytes))) : null;
  const ratio = result.hyperFormula.ratio;
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
  return [
    { budget: `growth 100k/10k ≤ ${BUDGETS.growth100kTo10k}×`, measured: growth === null ? '-' : `${growth.toFixed(1)}×`, ok: growth === null ? null : growth <= BUDGETS.growth100kTo10k },
    { budget: `core / HyperFormula (10 000 rows) ≤ ${BUDGETS.coreVsHyperFormula}`, measured: `${ratio} (${result.hyperFormula.coreMs} / ${result.hyperFormula.hyperFormulaMs} ms)`, ok: ratio <= BUDGETS.coreVsHyperFormula },
    ...cliVerdicts(result),
    { budget: `Excel ≤ ${BUDGETS.excelSyncs} syncs per command at 1 000 rows`, measured: excel1k ? `check ${excel1k.syncs}, clear ${excel1k.clearSyncs}` : '-', ok: excel1k ? Math.max(excel1k.syncs, excel1k.clearSyncs) <= BUDGETS.excelSyncs : null },
    { budget: `Excel request and response ≤ ${mb(BUDGETS.excelPayloadBytes)} (1 000 – 50 000 rows)`, measured: payload === null ? '-' : mb(payload), ok: payload === null ? null : payload <= BUDGETS.excelPayloadBytes },
    { budget: 'Sheets calls independent of rows (one grow call per sheet aside)', measured: sheets ? `${sheets.callsAt100} at 100 rows, ${sheets.calls} at 10 000` : '-', ok: sameCalls },
    { budget: `Sheets flushes ≤ ${BUDGETS.sheetsFlushes} per command`, measured: sheets ? String(sheets.flushes) : '-', ok: sheets ? sheets.flushes <= BUDGETS.sheetsFlushes : null },
    ...bundleVerdicts(result.bundles),
  ];
}

function bundleVerdicts(bundles: Bundles | undefined): Verdict[] {
  if (!bundles) return [];
  const kb = (bytes: number): string => `${Math.round(bytes / 1000)} kB`;
  return [
    { budget: `Sheets Code.js (unminified) < ${kb(BUDGETS.bundleBytes)}`, measured: kb(bundles.sheetsCodeJs), ok: bundles.sheetsCodeJs < BUDGETS.bundleBytes },
    { budget: `Excel task pane's own scripts < ${kb(BUDGETS.bundleBytes)}`, measured: kb(bundles.excelTaskpane), ok: bundles.excelTaskpane < BUDGETS.bundleBytes },
  ];
}

/** The CLI's budgets, when bench/cli.ts measured them. */
function cliVerdicts(result: BenchResult): Verdict[] {
  const f = result.cliFloor;
  if (!f) return [];
  const verdicts: Verdict[] = [{ budget: `CLI / I/O floor ≤ ${CLI_BUDGETS.cliVsIoFloor}`, measured: `${f.ratio} (${f.cliMs} ms / ${f.floorMs} ms)`, ok: f.ratio <= CLI_BUDGETS.cliVsIoFloor }];
  const big = result.big;
  if (big) verdicts.push({ budget: `CLI ${big.rows} rows < 60 s, < 1,5 GB`, measured: `${(big.ms / 1000).toFixed(1)} s, ${big.maxRssMB} MB`, ok: big.ms < CLI_BUDGETS.bigMs && big.maxRssMB < CLI_BUDGETS.bigRssMB });
  return verdicts;
}

/** The one JSON object of --json: every SPEC 9 figure, the ratios measured in this process. */
export function jsonOf(result: BenchResult): object {
  const { excel, sheets } = result.hostCalls;
  const at = (rows: number) => result.core.find((c) => c.rows === rows);
  const c10k = at(10_000);
  const c100k = at(100_000);
  return {
    coldFirstRun: result.coldFirstRun,
    core: result.core.map((c) => ({ rows: c.rows, ms: c.ms, firstMs: c.firstMs })),
    growth100kTo10k: c10k && c100k ? Math.round((c100k.ms / c10k.ms) * 100) / 100 : null,
    hyperFormula: { rows: result.hyperFormula.rows, runs: result.hyperFormula.runs, coreMs: result.hyperFormula.coreMs, hyperFormulaMs: result.hyperFormula.hyperFormulaMs },
    ratios: { coreVsHyperFormula: result.hyperFormula.ratio, ...(result.cliFloor ? { cliVsIoFloor: result.cliFloor.ratio } : {}) },
    cli: result.cli ? { rows: result.cli.rows, ms: result.cli.ms } : null,
    ...(result.cliFloor ? { cliFloor: result.cliFloor } : {}),
    ...(result.big ? { big: result.big } : {}),
    ...(result.bundles ? { bundles: result.bundles } : {}),
    hostCalls: {
      excel: excel ? { sizes: excel.sizes.map(({ rows, syncs, clearSyncs, maxRequestBytes, maxResponseBytes, refused }) => ({ rows, syncs, clearSyncs, maxRequestBytes, maxResponseBytes, refused })) } : null,
      sheets: sheets ? { rows: sheets.rows, calls: sheets.calls, callsAt100: sheets.callsAt100, flushes: sheets.flushes } : null,
    },
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

export function formatTable(result: BenchResult): string {
  const lines: string[] = [];
  lines.push(`Core check (median after warm-up; cold first run of the process at ${result.coldFirstRun.rows} rows: ${result.coldFirstRun.ms} ms)`);
  lines.push(
    table([
      ['rows', 'median ms', 'first ms', 'min ms', 'max ms', 'runs', 'issues'],
      ...result.core.map((c) => [c.rows.toLocaleString('sv-SE'), String(c.ms), String(c.firstMs), String(c.minMs), String(c.maxMs), String(c.runs), String(c.issues)]),
    ]),
  );
  const hf = result.hyperFormula;
  lines.push('', `Core vs HyperFormula (${hf.rows} rows, medians of ${hf.runs}): ${hf.coreMs} ms / ${hf.hyperFormulaMs} ms = ${hf.ratio}`);
  const { excel, sheets } = result.hostCalls;
  if (excel) {
    lines.push('', 'Excel: one Kontrollera (and Rensa markeringar) on the fake');
    lines.push(table([['rows', 'syncs', 'clear syncs', 'max request', 'max response', 'refused'], ...excel.sizes.map((s) => [s.rows.toLocaleString('sv-SE'), String(s.syncs), String(s.clearSyncs), String(s.maxRequestBytes), String(s.maxResponseBytes), String(s.refused)])]));
  }
  if (sheets) {
    lines.push('', 'Sheets calls of one Kontrollera, per sheet');
    const scopes = [...new Set([...Object.keys(sheets.perSheetAt100), ...Object.keys(sheets.perSheet)])].sort();
    lines.push(table([['sheet', '100 rows', '10 000 rows'], ...scopes.map((s) => [s, String(sheets.perSheetAt100[s] ?? 0), String(sheets.perSheet[s] ?? 0)]), ['total', String(sheets.callsAt100), String(sheets.calls)]]));
    lines.push(`flushes (reads after a write): ${sheets.flushes}`);
    if (sheets.differences.length) lines.push(`differences: ${sheets.differences.join(', ')}`);
  }
  lines.push('', 'Budgets (SPEC 9)');
  lines.push(table([['budget', 'measured', 'result'], ...verdicts(result).map((v) => [v.budget, v.measured, v.ok === null ? 'not measured' : v.ok ? 'ok' : 'MISSED'])]));
  return lines.join('\n') + '\n';
}

async function main(args: string[]): Promise<void> {
  const json = args.includes('--json');
  const result = await runBench(args.includes('--big'));
  process.stdout.write(json ? JSON.stringify(jsonOf(result)) + '\n' : formatTable(result));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
