// Counts what one Kontrollera costs the hosts (SPEC 9): Excel context.sync() calls and the largest request and response on the Office.js fake, Apps Script calls per sheet and read-after-write flushes on the Sheets fake running the built Code.js.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { runCheck, runClear } from '../../excel-addin/adapter';
import type { WorkbookGrids } from '../../core/types';
import { FakeRequestContext, FakeWorkbook } from '../excel-addin/fake-excel';
import { FakeSpreadsheetApp, fakeGlobals, spreadsheetFromGrids } from '../sheets-addon/fake-spreadsheet';

export interface ExcelCalls {
  /** context.sync() calls of one Kontrollera. */
  checkSyncs: number;
  /** context.sync() calls of one Rensa markeringar after it. */
  clearSyncs: number;
  proxies: number;
  /** Largest request and response of either command, in bytes as the fake estimates Excel's JSON. */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Syncs Excel refused for their size (the adapter then reads in smaller bands). */
  refused: number;
}

/** Runs Kontrollera and then Rensa markeringar through the Office.js adapter on the fake and counts their syncs and bytes. */
export async function countExcelSyncs(grids: WorkbookGrids): Promise<ExcelCalls> {
  const book = FakeWorkbook.fromGrids(grids);
  const checkContext = new FakeRequestContext(book);
  await runCheck(checkContext as unknown as Excel.RequestContext);
  const clearContext = new FakeRequestContext(book);
  await runClear(clearContext as unknown as Excel.RequestContext);
  const both = [checkContext.stats, clearContext.stats];
  return {
    checkSyncs: checkContext.stats.syncs,
    clearSyncs: clearContext.stats.syncs,
    proxies: checkContext.stats.proxies,
    maxRequestBytes: Math.max(...both.map((s) => s.maxRequestBytes)),
    maxResponseBytes: Math.max(...both.map((s) => s.maxResponseBytes)),
    refused: both.reduce((n, s) => n + s.refused, 0),
  };
}

export interface SheetsCalls {
  /** Apps Script calls of one Kontrollera in all. */
  total: number;
  /** Calls per scope: a sheet's name, or "(spreadsheet)". */
  perScope: Record<string, number>;
  /** Calls per scope and method. */
  methods: Record<string, Record<string, number>>;
  /** Reads after a write, each of which makes Sheets flush the pending writes. */
  flushes: number;
}

/** The built Sheets bundle: dist/sheets/Code.js, found from the source tree or from dist/test/bench. */
export function findSheetsBundle(): string | null {
  const candidates = [
    path.join(__dirname, '..', '..', 'dist', 'sheets', 'Code.js'),
    path.join(__dirname, '..', '..', 'sheets', 'Code.js'),
    path.join(process.cwd(), 'dist', 'sheets', 'Code.js'),
  ];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/** Loads Code.js into a fresh node:vm context bound to a fake spreadsheet of the grids, runs malkollCheck, and counts the calls. */
export function countSheetsCalls(grids: WorkbookGrids, bundle: string): SheetsCalls {
  const spreadsheet = spreadsheetFromGrids(grids);
  const app = new FakeSpreadsheetApp(spreadsheet);
  const context = vm.createContext(fakeGlobals(app));
  new vm.Script(fs.readFileSync(bundle, 'utf8'), { filename: 'Code.js' }).runInContext(context);
  spreadsheet.calls.reset(); // only the command's own calls count
  (context as unknown as { malkollCheck: () => unknown }).malkollCheck();
  const perScope: Record<string, number> = {};
  const methods: Record<string, Record<string, number>> = {};
  let total = 0;
  for (const scope of spreadsheet.calls.scopes()) {
    perScope[scope] = spreadsheet.calls.total(scope);
    methods[scope] = spreadsheet.calls.of(scope);
    total += perScope[scope];
  }
  return { total, perScope, methods, flushes: spreadsheet.calls.flushes };
}
