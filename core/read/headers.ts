// Remembers the user's own header text of each input column, so that messages name a column as the sheet does (`Utfall VB 2023`).
import { fieldHeader } from './schema';
import { cellText } from '../common/text';
import type { CellRef, CellValue, Lang, SheetKind } from '../types';

type Columns = Partial<Record<string, number>>;
export type HeaderNames = Partial<Record<string, string>>;

const HEADER_NAMES = new WeakMap<Columns, HeaderNames>();

/** Where a row's `cells` object keeps the header names of its table (a symbol: never a field, never in JSON). */
export const CELLS_HEADERS = Symbol('headers');

/** Records the header text of each field of a columns map from its header row; call it before the rows are read. */
export function nameHeaders(columns: Columns, headerCells: CellValue[] | undefined): void {
  if (!headerCells) return;
  const names: HeaderNames = {};
  for (const [field, col] of Object.entries(columns)) {
    if (col === undefined) continue;
    const text = cellText(headerCells[col]).replace(/\s+/g, ' ').trim();
    if (text !== '') names[field] = text;
  }
  HEADER_NAMES.set(columns, names);
}

/** The header names recorded for a columns map, if any. */
export function headerNamesOf(columns: Columns): HeaderNames | undefined {
  return HEADER_NAMES.get(columns);
}

/** A field's header as the user wrote it when known, else Målkoll's own header for it. */
export function headerName(columns: Columns, kind: SheetKind, field: string, lang: Lang): string {
  return HEADER_NAMES.get(columns)?.[field] ?? fieldHeader(kind, field, lang);
}

/** The same for a row's `cells` (an indicator's or activity's): later stages have the row, not its columns. */
export function headerNameOf(cells: Partial<Record<string, CellRef>>, kind: SheetKind, field: string, lang: Lang): string {
  const names = (cells as { [CELLS_HEADERS]?: HeaderNames })[CELLS_HEADERS];
  return names?.[field] ?? fieldHeader(kind, field, lang);
}
