// The write plan of a check (SPEC 2.7, 2.8): output columns beside the input tables, reversible highlights of cells with issues, and the output sheets.
import { a1, parseA1 } from '../common/a1';
import { roundSignificant } from './report';
import { canonicalHeaders, isOutputSheet, OUTPUT_SHEET_NAMES } from '../read/schema';
import { HIGHLIGHT_FILL, STATUS_FILL, STATUS_FONT, STATUS_TEXT, STATUSES } from '../common/status';
import { buildSummarySheet, buildValidationSheet } from './summary';
import { cellText, fold } from '../common/text';
import type {
  Block,
  CellValue,
  FillChange,
  FinanceSummary,
  GoalResult,
  IndicatorResult,
  Issue,
  Lang,
  NewSheet,
  SheetGrid,
  SheetKind,
  Status,
  TableInfo,
  WorkbookGrids,
  WorkbookModel,
  WritePlan,
} from '../types';

/** What the assessment produced, as buildPlan needs it. */
export interface AssessResults {
  indicators: IndicatorResult[];
  goals: GoalResult[];
}

const TEXT_GUARD = /^[=+\-@]/;

/** True when a text would become a formula if typed into a cell: adapters must write it as literal text. */
export function needsTextGuard(text: string): boolean {
  return TEXT_GUARD.test(text);
}

/** Output fields per table kind, in the order they are appended (SPEC 2.1, 2.2). */
const OUTPUT_FIELDS: Partial<Record<TableInfo['kind'], string[]>> = {
  indicators: ['forecastComputed', 'status', 'achievement'],
  goals: ['proposal', 'basis'],
};
/** In a plan nothing is judged (SPEC 5.0): no status, forecast or proposal columns, only the goals' Underlag. */
const PLAN_OUTPUT_FIELDS: Partial<Record<TableInfo['kind'], string[]>> = { goals: ['basis'] };

export const ACHIEVEMENT_FORMAT = '0 %';
export const PERCENT_VALUE_FORMAT = '0.0 %';
export const NUMBER_VALUE_FORMAT = '#,##0.0#';

/**
 * The whole plan of a check: output columns, highlights with their record, the summary and validation sheets.
 * `issues` must already be sorted (sortIssues) — the validation sheet lists them in that order.
 */
export function buildPlan(
  model: WorkbookModel,
  results: AssessResults,
  issues: Issue[],
  financeSummary: FinanceSummary | null,
  grids: WorkbookGrids,
  lang: Lang,
): WritePlan {
  const blocks = outputBlocks(model, results, grids, lang);
  const highlights = planHighlights(issues, grids, blocks);
  const sheets: NewSheet[] = [
    buildSummarySheet(model, results, financeSummary, lang),
    buildValidationSheet(issues, grids.sheets.map((s) => s.name), lang),
  ];
  if (highlights.record) sheets.push(highlights.record);
  return {
    blocks,
    fills: highlights.fills,
    sheets,
    deleteSheets: highlights.record ? [] : [OUTPUT_SHEET_NAMES.record],
  };
}

/** The plan of "Rensa markeringar": every recorded cell gets its original fill back and the record goes. */
export function clearPlan(grids: WorkbookGrids): WritePlan {
  const sheets = new SheetIndex(grids);
  const changes: CellFill[] = [];
  for (const entry of readRecord(grids, sheets).values()) {
    const restore = restoreFill(entry, sheets);
    if (restore) changes.push(restore);
  }
  return { blocks: [], fills: groupFills(changes), sheets: [], deleteSheets: [OUTPUT_SHEET_NAMES.record] };
}

// ---------------------------------------------------------------------------------------------
// Output columns
// ---------------------------------------------------------------------------------------------

/** Column of every output field of a table: the existing one, else appended after the table in field order. */
export function outputColumnsOf(table: TableInfo, plan = false): { field: string; col: number }[] {
  // A plan keeps an earlier run's status columns only to blank them (a stale status must not stand in a plan).
  const planFields = PLAN_OUTPUT_FIELDS[table.kind] ?? [];
  const earlier = (OUTPUT_FIELDS[table.kind] ?? []).filter((f) => !planFields.includes(f) && table.outputColumns[f] !== undefined);
  const fields = plan ? [...earlier, ...planFields] : OUTPUT_FIELDS[table.kind] ?? [];
  let next = table.lastCol;
  for (const col of Object.values(table.outputColumns)) if (col !== undefined && col > next) next = col;
  next++;
  return fields.map((field) => ({ field, col: table.outputColumns[field] ?? next++ }));
}

/**
 * The header an output column gets: an existing output column keeps the header it has (the user's
 * alias, or an earlier run's language), so a re-run rewrites it unchanged; a new one gets ours.
 */
function headerText(grids: WorkbookGrids, table: TableInfo, field: string, col: number, lang: Lang): string {
  if (table.outputColumns[field] !== undefined) {
    const existing = grids.sheets.find((s) => s.name === table.sheet)?.values[table.headerRow]?.[col];
    if (typeof existing === 'string' && existing.trim() !== '') return existing;
  }
  const found = canonicalHeaders(table.kind as SheetKind, lang).find((h) => h.field === field);
  return found ? found.header : field;
}

function outputBlocks(model: WorkbookModel, results: AssessResults, grids: WorkbookGrids, lang: Lang): Block[] {
  const indicatorsByRow = indexByRow(results.indicators, (r) => r.indicator);
  const goalsByRow = indexByRow(results.goals, (r) => r.goal);
  const blocks: Block[] = [];
  const plan = model.settings.document === 'plan';
  for (const table of model.tables) {
    if (table.kind === 'indicators') blocks.push(...tableBlocks(table, grids, lang, indicatorsByRow.get(table.sheet), indicatorCell, plan));
    else if (table.kind === 'goals') blocks.push(...tableBlocks(table, grids, lang, goalsByRow.get(table.sheet), goalCell, plan));
  }
  return blocks;
}

/** Items by sheet, then by grid row (an array indexed by row: rows are read in order, so it is dense). */
function indexByRow<T>(items: T[], place: (item: T) => { sheet: string; row: number }): Map<string, T[]> {
  const bySheet = new Map<string, T[]>();
  for (const item of items) {
    const { sheet, row } = place(item);
    let rows = bySheet.get(sheet);
    if (!rows) bySheet.set(sheet, (rows = []));
    rows[row] = item;
  }
  return bySheet;
}

/** One output cell: its value and, where it matters, its format and colours. `constant` cells are shared by many rows. */
interface OutCell {
  value: CellValue;
  format?: string | null;
  fill?: string | null;
  font?: string | null;
  constant?: boolean;
}

const BLANK: OutCell = { value: null, format: null, fill: null, font: null, constant: true };

const STATUS_CELLS: Record<Lang, Record<Status, OutCell>> = { sv: statusCells('sv'), en: statusCells('en') };

function statusCells(lang: Lang): Record<Status, OutCell> {
  const cells = {} as Record<Status, OutCell>;
  for (const status of STATUSES) cells[status] = { value: STATUS_TEXT[lang][status], fill: STATUS_FILL[status], font: STATUS_FONT[status], constant: true };
  return cells;
}

const SHARED_ROWS = new Map<CellValue, CellValue[]>();

/**
 * A frozen one-cell row for a value from a fixed set (null, false, a status text, a format, a colour),
 * shared by every row that holds it: a 100 000-row column is mostly the same few rows.
 */
function sharedRow<T extends CellValue>(value: T): T[] {
  let row = SHARED_ROWS.get(value);
  if (!row) SHARED_ROWS.set(value, (row = Object.freeze([value]) as unknown as CellValue[]));
  return row as T[];
}

/** Output fields whose cells carry a status colour, and those that carry a number format. */
const COLOURED_FIELDS = new Set(['status', 'proposal']);
const NUMBER_FIELDS = new Set(['forecastComputed', 'achievement']);

/**
 * The output columns of a table, one block each from the header row to the table's last data row, in one
 * pass over the rows. Fills and font colours only for status columns, number formats only for number
 * columns, and rows of constant cells shared (arrays per cell are what a 100 000-row plan costs).
 */
function tableBlocks<T>(
  table: TableInfo,
  grids: WorkbookGrids,
  lang: Lang,
  results: T[] | undefined,
  cellOf: (field: string, result: T | undefined, lang: Lang) => OutCell,
  plan = false,
): Block[] {
  const columns = outputColumnsOf(table, plan).map(({ field, col }) => new ColumnBuilder(table, field, col, headerText(grids, table, field, col, lang)));
  const blanked = new Set(plan ? (OUTPUT_FIELDS[table.kind] ?? []).filter((f) => !(PLAN_OUTPUT_FIELDS[table.kind] ?? []).includes(f)) : []);
  for (let row = table.headerRow + 1; row <= table.lastDataRow; row++) {
    const result = results?.[row];
    for (let i = 0; i < columns.length; i++) columns[i].add(blanked.has(columns[i].field) ? BLANK : cellOf(columns[i].field, result, lang));
  }
  return columns.map((column) => column.block);
}

/** Collects one output column's block row by row. */
class ColumnBuilder {
  readonly block: Block;
  private readonly values: CellValue[][];
  private readonly bold: boolean[][];
  private readonly numberFormats: (string | null)[][] | null = null;
  private readonly fills: (string | null)[][] | null = null;
  private readonly fontColors: (string | null)[][] | null = null;

  constructor(table: TableInfo, readonly field: string, col: number, header: string) {
    this.values = [[header]];
    this.bold = [[true]];
    this.block = { sheet: table.sheet, row: table.headerRow, col, values: this.values, bold: this.bold };
    if (NUMBER_FIELDS.has(field)) this.block.numberFormats = this.numberFormats = [[null]];
    if (COLOURED_FIELDS.has(field)) {
      this.block.fills = this.fills = [[null]];
      this.block.fontColors = this.fontColors = [[null]];
    }
  }

  add(cell: OutCell): void {
    this.values.push(cell.constant ? sharedRow(cell.value) : [cell.value]);
    this.bold.push(sharedRow(false));
    if (this.numberFormats) this.numberFormats.push(sharedRow(cell.format ?? null));
    if (this.fills) this.fills.push(sharedRow(cell.fill ?? null));
    if (this.fontColors) this.fontColors.push(sharedRow(cell.font ?? null));
  }
}

function indicatorCell(field: string, result: IndicatorResult | undefined, lang: Lang): OutCell {
  if (!result) return BLANK;
  if (field === 'status') return statusCell(result.status, lang);
  if (field === 'achievement') {
    const value = roundSignificant(result.achievement);
    return value === null ? BLANK : { value, format: ACHIEVEMENT_FORMAT };
  }
  // forecastComputed: a percentage is written as the fraction a `%` cell holds (SPEC 3), anything else as is.
  const forecast = roundSignificant(result.computedForecast);
  if (forecast === null) return BLANK;
  if (result.unit === '%') return { value: roundSignificant(forecast / 100), format: PERCENT_VALUE_FORMAT };
  return { value: forecast, format: NUMBER_VALUE_FORMAT };
}

function goalCell(field: string, result: GoalResult | undefined, lang: Lang): OutCell {
  if (!result) return BLANK;
  if (field === 'proposal') return statusCell(result.proposed, lang);
  return result.sentence ? { value: result.sentence } : BLANK;
}

function statusCell(status: Status, lang: Lang): OutCell {
  return STATUS_CELLS[lang][status];
}

// ---------------------------------------------------------------------------------------------
// Highlights and their record (SPEC 2.8)
// ---------------------------------------------------------------------------------------------

const RECORD_HEADER = ['Blad', 'Cell', 'Fyllning'];

/** The code check() gives a stage that threw (see core/check.ts). */
export const INTERNAL_CODE = 'E_INTERNAL';

/** Our two highlight colours in any token form: `#F8CBAD`, `#fff2cc`, or an ARGB `FFF8CBAD` inside a JSON fill. */
const HIGHLIGHT_TOKEN = /(?:^|[^0-9A-F])(?:FF)?(?:F8CBAD|FFF2CC)(?:[^0-9A-F]|$)/i;

export function isHighlightFill(token: string | null): boolean {
  return token !== null && HIGHLIGHT_TOKEN.test(token);
}

interface CellFill {
  /** Sorts by sheet order, then row, then column (see cellKey). */
  key: number;
  sheet: string;
  row: number;
  col: number;
  fill: string | null;
}

/** The workbook's sheets by name (exact, else folded: hosts compare sheet names case-insensitively) with their order. */
class SheetIndex {
  private readonly exact = new Map<string, SheetGrid>();
  private readonly folded = new Map<string, SheetGrid>();
  private readonly order = new Map<SheetGrid, number>();
  /** Issue sheet name → its input grid, or null for a missing or output sheet. */
  private readonly inputs = new Map<string, SheetGrid | null>();

  constructor(grids: WorkbookGrids) {
    grids.sheets.forEach((sheet, i) => {
      this.exact.set(sheet.name, sheet);
      this.order.set(sheet, i);
      const key = fold(sheet.name);
      if (!this.folded.has(key)) this.folded.set(key, sheet);
    });
  }

  find(name: string): SheetGrid | undefined {
    return this.exact.get(name) ?? this.folded.get(fold(name));
  }

  /** The input sheet of that name (never Sammanställning, Valideringsrapport or _malkoll), cached per name. */
  input(name: string): SheetGrid | null {
    let grid = this.inputs.get(name);
    if (grid === undefined) {
      const found = this.find(name);
      this.inputs.set(name, (grid = found && !isOutputSheet(found.name) ? found : null));
    }
    return grid;
  }

  /** One number per cell that orders cells by sheet order, row, column (rows < 2^24, columns < 2^16). */
  cellKey(grid: SheetGrid, row: number, col: number): number {
    return ((this.order.get(grid) ?? 0) * 16777216 + row) * 65536 + col;
  }

  cell(grid: SheetGrid, row: number, col: number, fill: string | null): CellFill {
    return { key: this.cellKey(grid, row, col), sheet: grid.name, row, col, fill };
  }
}

/** A cell's fill token; undefined when the host delivered no fills for the sheet (unknown). */
function currentFill(grid: SheetGrid, row: number, col: number): string | null | undefined {
  if (!grid.fills) return undefined;
  const token = grid.fills[row]?.[col];
  return token === undefined || token === null || token === '' ? null : token;
}

/** The `_malkoll` record of the previous run: original fill per highlighted input cell, by cell key. */
function readRecord(grids: WorkbookGrids, sheets: SheetIndex): Map<number, CellFill> {
  const record = new Map<number, CellFill>();
  const recordSheet = sheets.find(OUTPUT_SHEET_NAMES.record);
  if (!recordSheet) return record;
  for (const line of recordSheet.values) {
    // Not trimmed: "Ekonomi" and "Ekonomi " are two sheets.
    const sheetName = cellText(line?.[0] ?? null);
    const address = parseA1(cellText(line?.[1] ?? null));
    const grid = sheetName ? sheets.input(sheetName) : null;
    if (!grid || !address) continue; // header row, damaged rows and vanished sheets
    const fill = cellText(line?.[2] ?? null);
    const entry = sheets.cell(grid, address.row, address.col, fill === '' ? null : fill);
    record.set(entry.key, entry);
  }
  return record;
}

/**
 * The fill a highlighted cell had before Målkoll: the recorded one while the cell still shows our highlight
 * (or fills are unknown); a cell showing our colour without a record gets "no fill", never our colour;
 * a cell whose fill the user changed since keeps the user's fill as its new original.
 */
function originalFill(current: string | null | undefined, recorded: CellFill | undefined): string | null {
  if (current === undefined || isHighlightFill(current)) return recorded ? recorded.fill : null;
  return current;
}

/** A recorded cell no longer highlighted goes back to its original, unless the user has re-coloured it since. */
function restoreFill(entry: CellFill, sheets: SheetIndex): CellFill | null {
  const grid = sheets.find(entry.sheet);
  if (!grid) return null;
  const current = currentFill(grid, entry.row, entry.col);
  return current === undefined || isHighlightFill(current) ? entry : null;
}

/** Cells of the output columns written by this plan: never highlighted. */
function outputCellTest(blocks: Block[]): (sheet: string, row: number, col: number) => boolean {
  const bySheet = new Map<string, Block[]>();
  for (const block of blocks) {
    const list = bySheet.get(block.sheet) ?? [];
    list.push(block);
    bySheet.set(block.sheet, list);
  }
  return (sheet, row, col) => {
    const list = bySheet.get(sheet);
    return !!list && list.some((b) => b.col === col && row >= b.row && row < b.row + b.values.length);
  };
}

function planHighlights(issues: Issue[], grids: WorkbookGrids, blocks: Block[]): { fills: FillChange[]; record: NewSheet | null } {
  const sheets = new SheetIndex(grids);
  const isOutputCell = outputCellTest(blocks);
  const highlighted = new Map<number, { grid: SheetGrid; cell: CellFill }>();
  for (const issue of issues) {
    if (issue.severity === 'info' || issue.code === INTERNAL_CODE) continue; // an internal failure is no cell's fault
    const grid = sheets.input(issue.sheet);
    const address = grid ? parseA1(issue.cell) : null;
    if (!grid || !address || isOutputCell(grid.name, address.row, address.col)) continue;
    const key = sheets.cellKey(grid, address.row, address.col);
    const existing = highlighted.get(key);
    if (existing && existing.cell.fill === HIGHLIGHT_FILL.error) continue; // error wins over warning
    highlighted.set(key, { grid, cell: sheets.cell(grid, address.row, address.col, HIGHLIGHT_FILL[issue.severity]) });
  }

  const previous = readRecord(grids, sheets);
  const changes: CellFill[] = [];
  const recordEntries: CellFill[] = [];
  for (const [key, { grid, cell }] of highlighted) {
    recordEntries.push({ ...cell, fill: originalFill(currentFill(grid, cell.row, cell.col), previous.get(key)) });
    changes.push(cell);
  }
  for (const [key, entry] of previous) {
    if (highlighted.has(key)) continue;
    const restore = restoreFill(entry, sheets);
    if (restore) changes.push(restore);
  }
  return { fills: groupFills(changes), record: recordEntries.length ? recordSheet(recordEntries) : null };
}

/** Fill changes grouped by (sheet, fill), cells in sheet/row/column order, groups in the order of their first cell. */
function groupFills(cells: CellFill[]): FillChange[] {
  const groups = new Map<string, FillChange>();
  for (const cell of cells.sort((x, y) => x.key - y.key)) {
    const key = `${cell.sheet}\u0000${cell.fill ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { sheet: cell.sheet, fill: cell.fill, cells: [] }));
    group.cells.push(a1(cell.row, cell.col));
  }
  return [...groups.values()];
}

function recordSheet(entries: CellFill[]): NewSheet {
  const rows: CellValue[][] = [RECORD_HEADER.slice()];
  for (const entry of entries.sort((x, y) => x.key - y.key)) rows.push([entry.sheet, a1(entry.row, entry.col), entry.fill]);
  return { name: OUTPUT_SHEET_NAMES.record, mode: 'replace', hidden: true, values: rows, columnWidths: [24, 10, 40] };
}
