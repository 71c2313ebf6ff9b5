// The benchmark of SPEC 9: times core's check on 1 000 / 10 000 / 100 000 indicator rows and the CLI end to end, counts host calls on the Excel and Sheets fakes, and prints a table (or one JSON object with --json).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as v8 from 'v8';
import * as vm from 'vm';
import { check } from '../core/check';
import type { WorkbookGrids } from '../core/types';
import { generateWorkbook } from './generate';
import { writeWorkbookFile } from './workbook-file';
import { CLI_BUDGETS, measureCliBig, measureCliVsFloor, type CliBig, type CliVsFloor } from './cli';

/** SPEC 9's budgets. */
export const BUDGETS = { core10kMs: 500, core100kMs: 5000, growth100kTo10k: 12, cli10kMs: 10_000, excelSyncs: 3 };

/** Runs per size after the warm-up: fewer for the big ones, which are slow and steadier. */
const PLAN: { rows: number; warmups: number; runs: number }[] = [
  { rows: 1000, warmups: 5, runs: 15 },
  { rows: 10_000, warmups: 3, runs: 9 },
  { rows: 100_000, warmups: 1, runs: 3 },
];
const CLI_ROWS = 10_000;
const HOST_ROWS = 10_000;
const SMALL_HOST_ROWS = 100;

export interface CoreTiming {
  rows: number;
  ms: number; // median
  minMs: number;
  maxMs: number;
  runs: number;
  issues: number;
}

export interface HostCalls {
  excel: { rows: number; syncs: number; clearSyncs: number } | null;
  sheets: {
    rows: number;
    calls: number;
    callsAt100: number;
    perSheet: Record<string, number>;
    perSheetAt100: Record<string, number>;
    /** Calls that differ between the two sizes, by sheet and method ("Sammanställning insertRowsAfter +1"). */
    differences: string[];
  } | null;
}

export interface BenchResult {
  core: CoreTiming[];
  cli: { rows: number; ms: number; exitCode: number } | null;
  hostCalls: HostCalls;
  /** The CLI against its I/O floor (bench/cli.ts), and with --big the 200 000-row run. */
  cliFloor?: CliVsFloor;
  big?: CliBig;
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

/** Median time of check on one generated workbook, after warm-up runs that let the JIT settle. */
export function timeCore(grids: WorkbookGrids, rows: number, warmups: number, runs: number): CoreTiming {
  let issues = 0;
  for (let i = 0; i < warmups; i++) issues = check(grids).report.issues.length;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const started = performance.now();
    issues = check(grids).report.issues.length;
    samples.push(performance.now() - started);
  }
  return { rows, ms: round(median(samples)), minMs: round(Math.min(...samples)), maxMs: round(Math.max(...samples)), runs, issues };
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
  countExcelSyncs(grids: WorkbookGrids): Promise<{ checkSyncs: number; clearSyncs: number }>;
  countSheetsCalls(grids: WorkbookGrids, bundle: string): { total: number; perScope: Record<string, number>; methods: Record<string, Record<string, number>> };
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

  log(`Excel fake, ${HOST_ROWS} rows`);
  const excelCalls = await hosts.countExcelSyncs(big);
  const excel = { rows: HOST_ROWS, syncs: excelCalls.checkSyncs, clearSyncs: excelCalls.clearSyncs };

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

export async function runBench(big = false): Promise<BenchResult> {
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
  return { core, cli, hostCalls, cliFloor, ...(big ? { big: measureCliBig() } : {}) };
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
  return [
    { budget: `core 10 000 rows < ${BUDGETS.core10kMs} ms`, measured: c10k ? `${c10k.ms} ms` : '-', ok: c10k ? c10k.ms < BUDGETS.core10kMs : null },
    { budget: `core 100 000 rows < ${BUDGETS.core100kMs} ms`, measured: c100k ? `${c100k.ms} ms` : '-', ok: c100k ? c100k.ms < BUDGETS.core100kMs : null },
    { budget: `growth 100k/10k ≤ ${BUDGETS.growth100kTo10k}×`, measured: growth === null ? '-' : `${growth.toFixed(1)}×`, ok: growth === null ? null : growth <= BUDGETS.growth100kTo10k },
    { budget: `CLI 10 000 rows < ${BUDGETS.cli10kMs / 1000} s`, measured: result.cli ? `${(result.cli.ms / 1000).toFixed(1)} s` : '-', ok: result.cli ? result.cli.ms < BUDGETS.cli10kMs : null },
    ...cliVerdicts(result),
    { budget: `Excel ≤ ${BUDGETS.excelSyncs} syncs per command`, measured: excel ? `check ${excel.syncs}, clear ${excel.clearSyncs}` : '-', ok: excel ? Math.max(excel.syncs, excel.clearSyncs) <= BUDGETS.excelSyncs : null },
    { budget: 'Sheets calls independent of rows (one grow call per sheet aside)', measured: sheets ? `${sheets.callsAt100} at 100 rows, ${sheets.calls} at 10 000` : '-', ok: sameCalls },
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

/** The one JSON object of --json. */
export function jsonOf(result: BenchResult): object {
  const { excel, sheets } = result.hostCalls;
  return {
    core: result.core.map((c) => ({ rows: c.rows, ms: c.ms })),
    cli: result.cli ? { rows: result.cli.rows, ms: result.cli.ms } : null,
    ...(result.cliFloor ? { ratios: { cliVsIoFloor: result.cliFloor.ratio }, cliFloor: result.cliFloor } : {}),
    ...(result.big ? { big: result.big } : {}),
    hostCalls: {
      excel: excel ? { rows: excel.rows, syncs: excel.syncs } : null,
      sheets: sheets ? { rows: sheets.rows, calls: sheets.calls, callsAt100: sheets.callsAt100 } : null,
    },
  };
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

export function formatTable(result: BenchResult): string {
  const lines: string[] = [];
  lines.push('Core check (median after warm-up)');
  lines.push(
    table([
      ['rows', 'median ms', 'min ms', 'max ms', 'runs', 'issues'],
      ...result.core.map((c) => [c.rows.toLocaleString('sv-SE'), String(c.ms), String(c.minMs), String(c.maxMs), String(c.runs), String(c.issues)]),
    ]),
  );
  const { sheets } = result.hostCalls;
  if (sheets) {
    lines.push('', 'Sheets calls of one Kontrollera, per sheet');
    const scopes = [...new Set([...Object.keys(sheets.perSheetAt100), ...Object.keys(sheets.perSheet)])].sort();
    lines.push(table([['sheet', '100 rows', '10 000 rows'], ...scopes.map((s) => [s, String(sheets.perSheetAt100[s] ?? 0), String(sheets.perSheet[s] ?? 0)]), ['total', String(sheets.callsAt100), String(sheets.calls)]]));
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
