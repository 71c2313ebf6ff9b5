// The comparison with the previous report (SPEC 5.8) through the three hosts: the same hand-filled Föregående columns give the same Förändring column and warnings in Excel, Sheets and core.
import * as fs from 'fs';
import * as vm from 'vm';
import { runCheck } from '../../excel-addin/adapter';
import { check } from '../../core/check';
import type { CellValue, WorkbookGrids } from '../../core/types';
import { FakeRequestContext, FakeWorkbook } from '../excel-addin/fake-excel';
import { FakeSpreadsheetApp, fakeGlobals, spreadsheetFromGrids } from '../sheets-addon/fake-spreadsheet';
import { findSheetsBundle } from '../bench/host-calls';
import { eavTextWorkbook } from '../helpers/fixtures';
import { withPreviousColumns } from '../helpers/previous-report';

/** T1 with the previous figures typed in: three forecasts and two goal assessments differ from today's. */
function workbook(): WorkbookGrids {
  const previous = eavTextWorkbook();
  const set = (name: string, line: number, col: number, value: CellValue) => {
    previous.sheets.find((s) => s.name === name)!.values[line - 1][col] = value;
  };
  set('Indikatorer', 3, 8, '2,5 %'); // lower is better: 3 % now is worse
  set('Indikatorer', 60, 8, '80'); // Stockholmsjobb: helt then, inte now
  set('Indikatorer', 77, 8, '700 st'); // dataskydd: delvis then, helt now
  set('Mål', 6, 3, 'Uppfylls delvis');
  const { report } = check(eavTextWorkbook(), { previous });
  return withPreviousColumns(eavTextWorkbook(), report);
}

/** The Förändring column of a sheet as the plan writes it: header row first. */
function expectedColumn(grids: WorkbookGrids, sheet: string): { col: number; values: CellValue[] } {
  const block = check(grids).plan.blocks.find((b) => b.sheet === sheet && b.values[0][0] === 'Förändring');
  if (!block) throw new Error(`no Förändring on ${sheet}`);
  return { col: block.col, values: block.values.map((r) => r[0]) };
}

describe('Förändring in every host from hand-filled Föregående columns', () => {
  const grids = workbook();
  const core = check(grids);

  it('core finds the typed movements', () => {
    const moved = core.report.indicators.filter((i) => i.change === 'better' || i.change === 'worse').map((i) => [i.row, i.change]);
    expect(moved).toEqual([[3, 'worse'], [60, 'worse'], [77, 'better']]);
    expect(core.report.issues.filter((i) => i.code === 'W_CHANGED_UNEXPLAINED').map((i) => `${i.sheet}!${i.cell}`)).toEqual([
      'Mål!E6',
      'Indikatorer!M3',
      'Indikatorer!M77',
    ]);
  });

  it('Excel writes the same Förändring columns', async () => {
    const book = FakeWorkbook.fromGrids(grids);
    await runCheck(new FakeRequestContext(book) as unknown as Excel.RequestContext);
    for (const sheet of ['Indikatorer', 'Mål']) {
      const { col, values } = expectedColumn(grids, sheet);
      const written = values.map((_, row) => book.find(sheet)?.peek(row, col)?.value ?? null);
      expect(written).toEqual(values);
    }
  });

  it('Sheets writes the same Förändring columns', () => {
    const bundle = findSheetsBundle();
    if (!bundle) throw new Error('dist/sheets/Code.js is missing: run `npm run build:sheets` first');
    const spreadsheet = spreadsheetFromGrids(grids);
    const context = vm.createContext(fakeGlobals(new FakeSpreadsheetApp(spreadsheet)));
    new vm.Script(fs.readFileSync(bundle, 'utf8'), { filename: 'Code.js' }).runInContext(context);
    (context as unknown as { malkollCheck: () => unknown }).malkollCheck();
    for (const sheet of ['Indikatorer', 'Mål']) {
      const { col, values } = expectedColumn(grids, sheet);
      const target = spreadsheet.sheets.find((s) => s.title === sheet)!;
      const written = values.map((_, row) => {
        const value = target.peek(row, col).value;
        return value === '' ? null : value;
      });
      expect(written).toEqual(values);
    }
  });
});
