// Finds every economy table on a sheet (the Ekonomi sheet or a pasted report) by its header row and title, classifies it by kind and reads its unit and rows (SPEC 2.4).
import { cellText, fold, stripTags } from '../common/text';
import { matchHeader } from '../read/schema';
import { readFigure, unitIn } from './figures';
import type { CellValue, FinanceColumn, FinanceFigure, FinanceTable, FinanceTableKind, FinanceTableRow, FinanceText, MoneyUnit, SheetGrid } from '../types';

/** A cell that could not be read as a figure in a table's figure column (for E_NUMBER). */
export interface InvalidFigure {
  row: number;
  col: number;
  value: CellValue;
  table: FinanceTable;
}

export interface DiscoveredEconomy {
  tables: FinanceTable[];
  texts: FinanceText[];
  invalid: InvalidFigure[];
}

const TITLE_MAX_CHARS = 80;
const TITLE_LOOKBACK_LINES = 8;
const SEPARATOR = /^[-–—=_\s]{3,}$/;
const FOOTNOTE = /^[*¹²³⁴†#(]/;
const VARAV_PREFIX = /^varav\b/;
const VARAV_SUFFIX = /,\s*varav$/;
const TOTAL = /^(?:totalt|total|summa|sum)\b/;

// ---------------------------------------------------------------------------------------------
// Cells and rows
// ---------------------------------------------------------------------------------------------

function text(grid: SheetGrid, row: number, col: number): string {
  return cellText(grid.values[row]?.[col]).trim();
}

function filled(grid: SheetGrid, row: number): number[] {
  const cells = grid.values[row] ?? [];
  const cols: number[] = [];
  for (let col = 0; col < cells.length; col++) if (cellText(cells[col]).trim() !== '') cols.push(col);
  return cols;
}

function figureAt(grid: SheetGrid, row: number, col: number): FinanceFigure | 'missing' | 'invalid' {
  return readFigure(grid.values[row]?.[col] ?? null, grid.formats?.[row]?.[col] ?? null);
}

function isSeparatorRow(grid: SheetGrid, row: number, cols: number[]): boolean {
  return cols.length > 0 && cols.every((col) => SEPARATOR.test(text(grid, row, col)));
}

/** True when the row holds at least one figure right of the label column. */
function hasFigures(grid: SheetGrid, row: number, labelCol: number): boolean {
  return filled(grid, row).some((col) => col > labelCol && typeof figureAt(grid, row, col) === 'object');
}

/** A row of years and unit words only (`Tkr | 2021 | | | 2020`): a header row, not data. */
function isHeaderOnly(grid: SheetGrid, row: number): boolean {
  const keys = filled(grid, row).map((col) => fold(text(grid, row, col)));
  return keys.length > 0 && keys.every((k) => /^(?:19|20)\d\d$/.test(k) || unitIn(k) !== null);
}

/** Figures on the next row, or on the one after a label-only block heading (real: `Missbruk`). */
function dataFollows(grid: SheetGrid, row: number, labelCol: number): boolean {
  if (isHeaderOnly(grid, row + 1)) return false;
  if (hasFigures(grid, row + 1, labelCol)) return true;
  return filled(grid, row + 1).length === 1 && hasFigures(grid, row + 2, labelCol);
}

// ---------------------------------------------------------------------------------------------
// Header rows and kinds
// ---------------------------------------------------------------------------------------------

const PLAN_WORD = /\b(kostnader|kostnad|intakter|intakt|netto)\b/;
const PERIOD_LIKE = /\b(?:19|20)\d\d\b|^(?:snitt|t[123]\b|jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec|vp\b|budget|prognos|utfall|bokslut|helar|ar\b)/;
const CHANGE_LIKE = /^(?:utv|utveckling|forandring|andring|diff)/;
const PART_LIKE = /^varav\b/;

function headerKind(keys: string[], all: string): FinanceTableKind | null {
  const first = keys[0] ?? '';
  if (first.startsWith('resultatenhet') || (keys.some((k) => k.includes('resultatoverforing fran')) && keys.some((k) => k.includes('till')))) return 'resultatenheter';
  const planWords = keys.filter((k) => PLAN_WORD.test(k)).map((k) => PLAN_WORD.exec(k)![1].slice(0, 5));
  if (planWords.includes('kostn') && (planWords.includes('intak') || planWords.includes('netto'))) return 'plan';
  const fields = new Set(keys.map((k) => matchHeader('finance', k)?.field).filter(Boolean));
  if (fields.has('budget') && (fields.has('prognos') || fields.has('prognosFore'))) return all.includes('invest') ? 'investering' : 'drift';
  if (keys.some((k) => k.startsWith('omslutningsforandring'))) return 'omslutning';
  return null;
}

function isKeyFigureHeader(grid: SheetGrid, row: number, cols: number[]): boolean {
  if (cols.length < 2) return false;
  const first = grid.values[row]?.[cols[0]] ?? null;
  if (matchHeader('indicators', first) || matchHeader('activities', first) || matchHeader('goals', first)) return false;
  if (typeof figureAt(grid, row, cols[0]) === 'object') return false;
  const rest = cols.slice(1).map((col) => fold(text(grid, row, col)));
  const others = rest.filter((k) => CHANGE_LIKE.test(k) || PART_LIKE.test(k)).length;
  const periods = rest.filter((k) => PERIOD_LIKE.test(k) && !CHANGE_LIKE.test(k) && !PART_LIKE.test(k)).length;
  return periods >= 1 && periods + others === rest.length;
}

interface Header {
  kind: FinanceTableKind;
  headerRow: number;
  lastHeaderRow: number;
  labelCol: number;
  columns: FinanceColumn[];
}

/** Group headers above a plan table's Kostnader/Intäkter/Netto row (`Budget 2021` spanning three columns). */
function groupRows(grid: SheetGrid, row: number): number[] {
  const rows: number[] = [];
  for (let r = row - 1; r >= Math.max(0, row - 2); r--) {
    const cols = filled(grid, r);
    if (cols.length < 2 || cols.some((col) => typeof figureAt(grid, r, col) === 'object' && !PERIOD_LIKE.test(fold(text(grid, r, col))))) break;
    rows.unshift(r);
  }
  return rows;
}

/** Header text of a column with the group headers above it carried right over their span. */
function combinedHeader(grid: SheetGrid, rows: number[], col: number, labelCol: number): string {
  const parts: string[] = [];
  for (const r of rows) {
    let c = col;
    while (c > labelCol && text(grid, r, c) === '') c--;
    const t = c > labelCol || col === labelCol ? text(grid, r, c) : '';
    if (t && !parts.includes(t)) parts.push(t);
  }
  return parts.join(' ');
}

function readHeader(grid: SheetGrid, row: number): Header | null {
  const cols = filled(grid, row);
  if (cols.length < 2 || !dataFollows(grid, row, cols[0])) return null;
  if (cols.some((col) => typeof figureAt(grid, row, col) === 'object' && !PERIOD_LIKE.test(fold(text(grid, row, col))))) return null;
  const keys = cols.map((col) => fold(stripTags(text(grid, row, col))));
  let kind = headerKind(keys, keys.join(' '));
  if (!kind && isKeyFigureHeader(grid, row, cols)) kind = 'nyckeltal';
  if (!kind) return null;
  const groups = kind === 'plan' ? groupRows(grid, row) : [];
  const rows = [...groups, row];
  const firstDataCol = filled(grid, row + 1)[0] ?? cols[0];
  const labelCol = Math.min(firstDataCol, cols[0], ...groups.map((r) => filled(grid, r)[0] ?? Infinity));
  const lastCol = Math.max(...cols);
  const columns: FinanceColumn[] = [];
  for (let col = labelCol + 1; col <= lastCol; col++) {
    const header = combinedHeader(grid, rows, col, labelCol);
    if (header) columns.push({ col, header });
  }
  return { kind, headerRow: rows[0], lastHeaderRow: row, labelCol, columns };
}

// ---------------------------------------------------------------------------------------------
// Rows, titles and units
// ---------------------------------------------------------------------------------------------

function readRow(grid: SheetGrid, row: number, header: Header, table: FinanceTable, invalid: InvalidFigure[]): FinanceTableRow {
  const label = stripTags(text(grid, row, header.labelCol)).trim();
  const key = fold(label);
  const figures: Record<number, FinanceFigure | null> = {};
  for (const { col } of header.columns) {
    const figure = figureAt(grid, row, col);
    figures[col] = typeof figure === 'object' ? figure : null;
    if (figure === 'invalid') invalid.push({ row, col, value: grid.values[row]?.[col] ?? null, table });
  }
  const isVarav = VARAV_PREFIX.test(key);
  return { row, label, figures, isVarav, isVaravParent: VARAV_SUFFIX.test(key), isTotal: !isVarav && TOTAL.test(key), isBlockHeading: false };
}

/** Reads rows below the header until a blank row, a footnote or caption, or the next header. */
function readRows(grid: SheetGrid, header: Header, table: FinanceTable, invalid: InvalidFigure[]): number {
  let row = header.lastHeaderRow + 1;
  for (; row < grid.values.length; row++) {
    const cols = filled(grid, row);
    if (cols.length === 0) break;
    if (isSeparatorRow(grid, row, cols)) continue;
    if (readHeader(grid, row) !== null) break;
    if (hasFigures(grid, row, header.labelCol)) {
      table.rows.push(readRow(grid, row, header, table, invalid));
      continue;
    }
    const label = text(grid, row, cols[0]);
    const labelOnly = cols.length === 1 && cols[0] === header.labelCol && !FOOTNOTE.test(label);
    if (!labelOnly || !hasFigures(grid, row + 1, header.labelCol)) break;
    const heading = readRow(grid, row, header, table, invalid);
    heading.isBlockHeading = true;
    table.rows.push(heading);
  }
  return row - 1;
}

export function isTitleLike(line: string): boolean {
  return line.length > 0 && line.length <= TITLE_MAX_CHARS && !/^[-–•*¹]/.test(line) && !/[.:;,]$/.test(line) && !/^\d+[\s,.]*$/.test(line);
}

/** The title above a table (nearest title-like line since `floor`) and the caption lines between. */
function titleAbove(grid: SheetGrid, headerRow: number, floor: number): { title: string; titleRow: number | null; captions: string[] } {
  const captions: string[] = [];
  let lines = 0;
  for (let row = headerRow - 1; row >= floor && lines < TITLE_LOOKBACK_LINES; row--) {
    const cols = filled(grid, row);
    if (cols.length !== 1) {
      if (cols.length > 1) break;
      continue;
    }
    const line = text(grid, row, cols[0]);
    lines++;
    if (isTitleLike(line)) return { title: line, titleRow: row, captions };
    captions.push(line);
  }
  return { title: '', titleRow: null, captions };
}

const ASSUMED_UNIT: Record<FinanceTableKind, MoneyUnit | null> = {
  drift: 'mnkr',
  plan: 'mnkr',
  investering: 'mnkr',
  omslutning: 'mnkr',
  // Stockholm's resultatenheter tables give whole tkr (real T1 2024: "−55 930" against 56,0 mnkr).
  resultatenheter: 'tkr',
  nyckeltal: null,
};

function tableUnit(grid: SheetGrid, header: Header, title: string, captions: string[]): { unit: MoneyUnit | null; assumed: boolean } {
  const sources: string[] = [];
  for (let row = header.lastHeaderRow; row >= header.headerRow; row--) sources.push(text(grid, row, header.labelCol));
  sources.push(...header.columns.map((c) => c.header));
  if (header.kind !== 'nyckeltal') sources.push(title, ...captions);
  for (const source of sources) {
    const unit = unitIn(source);
    if (unit) return { unit, assumed: false };
  }
  const unit = ASSUMED_UNIT[header.kind];
  return { unit, assumed: unit !== null };
}

// ---------------------------------------------------------------------------------------------
// The sheet
// ---------------------------------------------------------------------------------------------

function headerSignature(table: FinanceTable): string {
  return `${table.kind}|${table.labelCol}|${table.columns.length}`;
}

function firstHeaderKey(grid: SheetGrid, table: FinanceTable): string {
  return fold(text(grid, table.lastHeaderRow, table.labelCol)).replace(/[*\s]+$/, '');
}

/** A table that repeats the previous one's header after a page break continues it (real: resultatenheter in two parts). */
function continues(grid: SheetGrid, previous: FinanceTable | undefined, table: FinanceTable): boolean {
  if (!previous || previous.rows.some((r) => r.isTotal)) return false;
  return headerSignature(previous) === headerSignature(table) && firstHeaderKey(grid, previous) === firstHeaderKey(grid, table);
}

function reclassifyInvestering(table: FinanceTable): void {
  if (table.kind !== 'drift') return;
  const named = fold(table.title).includes('invest') || table.rows.some((r) => r.isTotal && fold(r.label).includes('invest'));
  if (named) table.kind = 'investering';
}

/** Finds every economy table of a sheet, and the text lines from the first table's title on. */
export function discoverEconomy(grid: SheetGrid): DiscoveredEconomy {
  const tables: FinanceTable[] = [];
  const invalid: InvalidFigure[] = [];
  const used = new Set<number>();
  let floor = 0;
  for (let row = 0; row < grid.values.length; row++) {
    const header = readHeader(grid, row);
    if (!header) continue;
    const { title, titleRow, captions } = titleAbove(grid, header.headerRow, floor);
    const { unit, assumed } = tableUnit(grid, header, title, captions);
    const firstCell = text(grid, header.lastHeaderRow, header.labelCol);
    const table: FinanceTable = {
      sheet: grid.name,
      kind: header.kind,
      title: header.kind === 'nyckeltal' && firstCell ? firstCell : title,
      titleRow: header.kind === 'nyckeltal' ? null : titleRow,
      unit,
      unitAssumed: assumed,
      headerRow: header.headerRow,
      lastHeaderRow: header.lastHeaderRow,
      labelCol: header.labelCol,
      columns: header.columns,
      rows: [],
    };
    const lastRow = readRows(grid, header, table, invalid);
    for (let r = header.headerRow; r <= lastRow; r++) used.add(r);
    reclassifyInvestering(table);
    const previous = tables[tables.length - 1];
    if (continues(grid, previous, table)) {
      if (table.rows.length) table.rows[0].continued = true;
      previous.rows.push(...table.rows);
      for (const bad of invalid) if (bad.table === table) bad.table = previous;
    }
    else if (table.rows.length > 0) tables.push(table);
    floor = lastRow + 1;
    row = lastRow;
  }
  const figureColumns = new Set(tables.flatMap((t) => t.rows.flatMap((r) => Object.keys(r.figures).filter((c) => r.figures[Number(c)]).map((c) => `${t.headerRow}:${c}`))));
  const inFigureColumn = (x: InvalidFigure) => figureColumns.has(`${x.table.headerRow}:${x.col}`);
  return { tables, texts: economyTexts(grid, tables, used), invalid: invalid.filter(inFigureColumn) };
}

/** Single-cell text lines from the first economy table's title on (the economy section of a report). */
function economyTexts(grid: SheetGrid, tables: FinanceTable[], used: Set<number>): FinanceText[] {
  if (tables.length === 0) return [];
  const start = tables[0].titleRow ?? tables[0].headerRow;
  const texts: FinanceText[] = [];
  for (let row = Math.max(0, start - 2); row < grid.values.length; row++) {
    if (used.has(row)) continue;
    const cols = filled(grid, row);
    if (cols.length !== 1) continue;
    const line = text(grid, row, cols[0]);
    if (!/\p{L}{2}/u.test(line)) continue;
    texts.push({ sheet: grid.name, row, col: cols[0], text: line });
  }
  return texts;
}
