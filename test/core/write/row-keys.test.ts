// RowKeys.keyOf finds a cell's field through the row-cells layouts (read/rows layoutFieldsOf); it must give the key the plain cells (toJSON) give, assigned fields included.
import fc from 'fast-check';
import { readWorkbook } from '../../../core/read/read';
import { cellText } from '../../../core/common/text';
import { RowKeys } from '../../../core/write/highlights';
import { eavReportSheet, eavTextWorkbook, eavVpWorkbook } from '../../helpers/fixtures';
import type { CellRef, SheetGrid, WorkbookGrids, WorkbookModel } from '../../../core/types';

type Kind = 'mål' | 'indikator' | 'aktivitet' | 'ekonomi';
interface Row {
  sheet: string;
  row: number;
  cells: Partial<Record<string, CellRef>>;
}

/** The model's rows of every kind, as RowKeys walks them. */
function rowsOf(model: WorkbookModel): [Kind, Row][] {
  return [
    ...model.goals.map((g): [Kind, Row] => ['mål', g]),
    ...model.indicators.map((i): [Kind, Row] => ['indikator', i]),
    ...model.activities.map((a): [Kind, Row] => ['aktivitet', a]),
    ...model.budget.map((b): [Kind, Row] => ['ekonomi', b]),
  ];
}

/** The key as keyOf gave it before: the first field of the cells' JSON at the cell, else the cell's text. */
function referenceKey(model: WorkbookModel, grid: SheetGrid, row: number, col: number): string {
  for (const [kind, item] of rowsOf(model)) {
    if (item.sheet !== grid.name || item.row !== row) continue;
    const plain = JSON.parse(JSON.stringify(item.cells)) as Record<string, CellRef | null>;
    const field = Object.keys(plain).find((f) => plain[f] && plain[f]!.row === row && plain[f]!.col === col);
    if (field === undefined) continue;
    const named = item as unknown as { number: string; label: string; goal: string; name: string };
    const identity = kind === 'mål' ? [kind, named.number] : kind === 'ekonomi' ? [kind, named.label] : [kind, named.goal, named.name];
    return JSON.stringify([...identity, field]);
  }
  return JSON.stringify(['cell', cellText(grid.values[row]?.[col] ?? null)]);
}

/** Every cell of the model's rows (and two columns beyond): keyOf equals the reference. */
function expectSameKeys(grids: WorkbookGrids, model: WorkbookModel): void {
  const cells: { grid: SheetGrid; row: number; col: number }[] = [];
  for (const [, item] of rowsOf(model)) {
    const grid = grids.sheets.find((s) => s.name === item.sheet);
    if (!grid) continue;
    const width = Math.max(...(grid.values[item.row] ?? []).map((_, c) => c + 1), 1) + 2;
    for (let col = 0; col < width; col++) cells.push({ grid, row: item.row, col });
  }
  const keys = new RowKeys(model);
  keys.prepare(cells.map((c) => ({ sheet: c.grid.name, row: c.row })));
  for (const c of cells) expect(keys.keyOf(c.grid, c.row, c.col)).toBe(referenceKey(model, c.grid, c.row, c.col));
}

describe('RowKeys.keyOf', () => {
  it('gives the key of the plain cells on the example workbooks (report layout included)', () => {
    const withReport = eavTextWorkbook();
    withReport.sheets.push(eavReportSheet());
    for (const grids of [eavTextWorkbook(), eavVpWorkbook(), withReport]) expectSameKeys(grids, readWorkbook(grids).model);
  });

  it('gives the key of the plain cells when rows were assigned fields (overriding a layout field or new)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(200), fc.constantFrom('goal', 'name', 'arsmal', 'forecast', 'comment', 'extra', 'other'), fc.nat(14), fc.boolean()), { maxLength: 30 }),
        (assignments) => {
          const grids = eavTextWorkbook();
          const model = readWorkbook(grids).model;
          for (const [index, field, col, sameRow] of assignments) {
            const item = model.indicators[index % model.indicators.length];
            item.cells[field] = { sheet: item.sheet, row: sameRow ? item.row : item.row + 1, col };
          }
          expectSameKeys(grids, model);
        },
      ),
      { numRuns: 25 },
    );
  });
});
