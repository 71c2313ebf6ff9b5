// Issue 14's hostile workbooks through the Excel adapter and the built Sheets bundle on their fakes: no value, formula, note, merge or sheet of the user changes, and Clear gives every cell its fill back.
import * as fs from 'fs';
import * as vm from 'vm';
import { runCheck, runClear } from '../../excel-addin/adapter';
import type { CellValue, WorkbookGrids } from '../../core/types';
import { FakeRequestContext, FakeWorkbook } from '../excel-addin/fake-excel';
import { FakeSpreadsheetApp, fakeGlobals, spreadsheetFromGrids, type FakeSpreadsheet } from '../sheets-addon/fake-spreadsheet';
import { findSheetsBundle } from '../bench/host-calls';
import { HOSTILE_CASES } from '../helpers/hostile-workbooks';

/** What a host shows of one cell, in the terms of a grid. */
interface SeenCell {
  value: CellValue;
  formula: string | null;
  note: string | null;
  fill: string | null;
}

type Peek = (sheet: string, row: number, col: number) => SeenCell | null;

const blank = (value: unknown): boolean => value === null || value === undefined || value === '';
/** Hosts spell colours in either case, and Sheets calls white "no fill". */
const fillKey = (fill: string | null | undefined): string | null => (blank(fill) || /^#fff(fff)?$/i.test(String(fill)) ? null : String(fill).toLowerCase());

/** Every cell of the user's (a value, formula or note) as it was, and every merged area still there. */
function expectUserContentKept(original: WorkbookGrids, peek: Peek, merges: (sheet: string) => string[]): void {
  for (const grid of original.sheets) {
    grid.values.forEach((line, r) =>
      line.forEach((value, c) => {
        if (blank(value)) return;
        expect([grid.name, r, c, peek(grid.name, r, c)?.value]).toEqual([grid.name, r, c, value]);
      }),
    );
    grid.formulas?.forEach((line, r) => line?.forEach((formula, c) => formula && expect([grid.name, r, c, peek(grid.name, r, c)?.formula]).toEqual([grid.name, r, c, formula])));
    grid.notes?.forEach((line, r) => line?.forEach((note, c) => note && expect([grid.name, r, c, peek(grid.name, r, c)?.note]).toEqual([grid.name, r, c, note])));
    const areas = (grid.merges ?? []).map((m) => `${m.top}:${m.left}:${m.bottom}:${m.right}`);
    for (const area of areas) expect(merges(grid.name)).toContain(area);
  }
}

/** After Clear, every cell of the user's sheets that had something has its original fill (and no Målkoll colour). */
function expectFillsRestored(original: WorkbookGrids, peek: Peek): void {
  for (const grid of original.sheets) {
    grid.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const fill = grid.fills?.[r]?.[c] ?? null;
        if (blank(value) && blank(fill)) return;
        expect([grid.name, r, c, fillKey(peek(grid.name, r, c)?.fill)]).toEqual([grid.name, r, c, fillKey(fill)]);
      }),
    );
  }
}

describe.each(HOSTILE_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('Excel: Kontrollera keeps everything of the user’s, Rensa markeringar restores every fill', async () => {
    const original = c.grids();
    const book = FakeWorkbook.fromGrids(original);
    const peek: Peek = (sheet, row, col) => {
      const cell = book.find(sheet)?.peek(row, col);
      return cell ? { value: cell.value ?? null, formula: cell.formula ?? null, note: cell.note ?? null, fill: cell.fill ?? null } : null;
    };
    const merges = (sheet: string) => (book.find(sheet)?.merges ?? []).map((m) => `${m.row}:${m.col}:${m.row + m.rows - 1}:${m.col + m.cols - 1}`);
    await runCheck(new FakeRequestContext(book) as unknown as Excel.RequestContext, c.options?.lang);
    expectUserContentKept(original, peek, merges);
    await runClear(new FakeRequestContext(book) as unknown as Excel.RequestContext);
    expectUserContentKept(original, peek, merges);
    expectFillsRestored(original, peek);
  });

  it('Sheets: Kontrollera keeps everything of the user’s, Rensa markeringar restores every fill', () => {
    const bundle = findSheetsBundle();
    if (!bundle) throw new Error('dist/sheets/Code.js is missing: run `npm run build:sheets` first');
    const original = c.grids();
    const spreadsheet: FakeSpreadsheet = spreadsheetFromGrids(original);
    const context = vm.createContext(fakeGlobals(new FakeSpreadsheetApp(spreadsheet)));
    new vm.Script(fs.readFileSync(bundle, 'utf8'), { filename: 'Code.js' }).runInContext(context);
    const global = context as unknown as { malkollCheck: () => unknown; malkollClear: () => unknown };
    const sheetOf = (name: string) => spreadsheet.sheets.find((s) => s.title === name);
    const peek: Peek = (sheet, row, col) => {
      const cell = sheetOf(sheet)?.peek(row, col);
      return cell ? { value: cell.value === '' ? null : (cell.value as CellValue), formula: cell.formula ?? null, note: cell.note ?? null, fill: cell.background ?? null } : null;
    };
    const merges = (sheet: string) => (sheetOf(sheet)?.merges ?? []).map((m) => `${m.row - 1}:${m.column - 1}:${m.row + m.numRows - 2}:${m.column + m.numColumns - 2}`);
    global.malkollCheck();
    expectUserContentKept(original, peek, merges);
    global.malkollClear();
    expectUserContentKept(original, peek, merges);
    expectFillsRestored(original, peek);
  });
});
