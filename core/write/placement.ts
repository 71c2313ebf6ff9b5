// Where output columns go beside a table (SPEC 2.7): an existing output column when writing it loses nothing of the user's, else the next column to the right that is empty in every row of the table.
import { matchHeader } from '../read/schema';
import type { CellValue, MergedArea, SheetGrid, SheetKind, TableInfo } from '../types';
import { keepShape } from '../common/shapes';

/** Output fields per table kind, in the order they are appended (SPEC 2.1, 2.2). */
export const OUTPUT_FIELDS: Partial<Record<TableInfo['kind'], string[]>> = {
  indicators: ['forecastComputed', 'status', 'achievement'],
  goals: ['proposal', 'basis'],
};

export interface PlacedColumn {
  field: string;
  col: number;
  /** True when the column already has this field's header (its header text is kept). */
  existing: boolean;
}

/** The rows an output column covers, the sheet's merged areas that reach into them, and the tests on one column. */
class ColumnArea {
  private readonly merges: MergedArea[];

  constructor(private readonly grid: SheetGrid, private readonly top: number, private readonly bottom: number) {
    this.merges = (grid.merges ?? []).filter((m) => m.bottom >= top && m.top <= bottom);
  }

  /** True when writing the column loses no formula, note or merged area (values may be overwritten). */
  holdsNoUserMarkup(col: number): boolean {
    if (this.merges.some((m) => m.left <= col && col <= m.right)) return false;
    for (let row = this.top; row <= this.bottom; row++) {
      if (present(this.grid.formulas?.[row]?.[col]) || present(this.grid.notes?.[row]?.[col])) return false;
    }
    return true;
  }

  /** True when every cell of the column in these rows is empty: no value, formula, note or merge. */
  isEmpty(col: number): boolean {
    for (let row = this.top; row <= this.bottom; row++) if (!isBlankValue(this.grid.values[row]?.[col])) return false;
    return this.holdsNoUserMarkup(col);
  }
}
keepShape(new ColumnArea({ name: '', values: [] }, 0, 0));

const present = (text: string | null | undefined): boolean => text !== null && text !== undefined && text !== '';

/** Only a missing cell or an empty string is blank: a space is something the user typed. */
const isBlankValue = (value: CellValue | undefined): boolean => value === null || value === undefined || value === '';

/** The header row's columns per output field of the table's kind. */
function headerColumns(grid: SheetGrid, table: TableInfo, fields: string[]): Map<string, number[]> {
  const found = new Map<string, number[]>(fields.map((field) => [field, []]));
  const header = grid.values[table.headerRow] ?? [];
  for (let col = 0; col < header.length; col++) {
    const hit = isBlankValue(header[col]) ? null : matchHeader(table.kind as SheetKind, header[col]);
    if (hit?.output) found.get(hit.field)?.push(col);
  }
  return found;
}

/**
 * The column of every output field of a table. An existing column with the field's header is reused when
 * it holds no formula, note or merged cell in the table's rows; every other field goes to the first column
 * right of the table (and of every output-headed column) that is empty in all of the table's rows.
 * Without the grid (tests on a bare TableInfo) the read model's output columns are trusted.
 */
export function placeOutputColumns(table: TableInfo, grid?: SheetGrid, fields: string[] = OUTPUT_FIELDS[table.kind] ?? []): PlacedColumn[] {
  if (!grid) return placeWithoutGrid(table, fields);
  const area = new ColumnArea(grid, table.headerRow, Math.max(table.headerRow, table.lastDataRow));
  const headed = headerColumns(grid, table, fields);
  const taken = new Set<number>();
  let rightmost = table.lastCol;
  const placed = new Map<string, PlacedColumn>();
  for (const field of fields) {
    for (const col of headed.get(field) ?? []) rightmost = Math.max(rightmost, col);
    const reusable = (headed.get(field) ?? []).find((col) => area.holdsNoUserMarkup(col));
    if (reusable !== undefined) {
      placed.set(field, { field, col: reusable, existing: true });
      taken.add(reusable);
    }
  }
  let next = rightmost + 1;
  for (const field of fields) {
    if (placed.has(field)) continue;
    while (taken.has(next) || !area.isEmpty(next)) next++;
    placed.set(field, { field, col: next, existing: false });
    taken.add(next);
  }
  return fields.map((field) => placed.get(field) as PlacedColumn);
}

function placeWithoutGrid(table: TableInfo, fields: string[]): PlacedColumn[] {
  let next = table.lastCol;
  for (const col of Object.values(table.outputColumns)) if (col !== undefined && col > next) next = col;
  next++;
  return fields.map((field) => {
    const col = table.outputColumns[field];
    return col === undefined ? { field, col: next++, existing: false } : { field, col, existing: true };
  });
}
