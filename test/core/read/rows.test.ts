// layoutFieldsOf states the row-cells contract write/ relies on: every listed field of a row is at its listed column, in the order of the row's JSON.
import { readWorkbook } from '../../../core/read/read';
import { layoutFieldsOf } from '../../../core/read/rows';
import { eavReportSheet, eavTextWorkbook, eavVpWorkbook } from '../../helpers/fixtures';
import type { CellRef, WorkbookModel } from '../../../core/types';

type Cells = Partial<Record<string, CellRef>>;

function rowsOf(model: WorkbookModel): { sheet: string; row: number; cells: Cells }[] {
  return [...model.goals, ...model.indicators, ...model.activities, ...model.budget];
}

/** The row's cells as plain JSON: the oracle, independent of the getters. */
const plainOf = (cells: Cells): Record<string, CellRef> => JSON.parse(JSON.stringify(cells)) as Record<string, CellRef>;

describe('layoutFieldsOf', () => {
  const withReport = eavTextWorkbook();
  withReport.sheets.push(eavReportSheet());
  const models = [eavTextWorkbook(), eavVpWorkbook(), withReport].map((grids) => readWorkbook(grids).model);

  it('lists each field of a table row at the column its JSON gives, for every row of the example workbooks', () => {
    let listed = 0;
    for (const model of models) {
      for (const item of rowsOf(model)) {
        const plain = plainOf(item.cells);
        const own = new Set(Object.keys(item.cells));
        for (const [field, col] of layoutFieldsOf(item.cells)) {
          if (own.has(field)) continue; // assigned after reading: the row's own ref wins
          expect(plain[field]).toEqual({ sheet: item.sheet, row: item.row, col });
          listed++;
        }
      }
    }
    expect(listed).toBeGreaterThan(1000);
  });

  it('lists the layout fields in the order of the JSON, before any field assigned to the row', () => {
    for (const model of models) {
      for (const item of rowsOf(model)) {
        const layout = layoutFieldsOf(item.cells).map(([field]) => field);
        const jsonOrder = Object.keys(plainOf(item.cells));
        expect(jsonOrder.slice(0, layout.length)).toEqual(layout);
      }
    }
  });

  it('does not list a field assigned to the row, and lists nothing for plain cells', () => {
    const indicator = models[0].indicators[0];
    const before = layoutFieldsOf(indicator.cells).map(([field]) => field);
    indicator.cells.extraField = { sheet: indicator.sheet, row: indicator.row, col: 40 };
    expect(layoutFieldsOf(indicator.cells).map(([field]) => field)).toEqual(before);
    expect(layoutFieldsOf({ name: { sheet: 'Indikatorer', row: 1, col: 1 } })).toEqual([]);
  });
});
