// The write plan of a check (SPEC 2.7, 2.8): output columns beside the input tables, reversible highlights of cells with issues, and Målkoll's own sheets with their record.
import { roundSignificant } from './report';
import { fold } from '../common/text';
import { canonicalHeaders } from '../read/schema';
import { readWorkbook } from '../read/read';
import { STATUS_FILL, STATUS_FONT, STATUS_TEXT, STATUSES } from '../common/status';
import { ACHIEVEMENT_FORMAT, buildSummarySheet, buildValidationSheet, PERCENT_FORMAT, VALUE_FORMAT } from './summary';
import { columnWidth, outputColumnLayout } from './layout';
import { OUTPUT_FIELDS, placeOutputColumns, type PlacedColumn } from './placement';
import { clearHighlights, planHighlights, RowKeys, SheetIndex } from './highlights';
import {
  ownBaseName,
  ownSheetName,
  ownSheets,
  OWN_ROLES,
  readRecord,
  recordSheet,
  takenNames,
  type OwnSheets,
  type MalkollRecord,
  type OwnRole,
  type RecordedSheet,
} from './record';
import { OUTPUT_SHEET_NAMES } from '../read/schema';
import { changeText, comparisonActive } from '../judge/compare';
import { keepShape } from '../common/shapes';
import type {
  Block,
  CellValue,
  CheckOptions,
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

export { INTERNAL_CODE, isHighlightFill, LOST_CODE } from './highlights';

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

/** In a plan nothing is judged (SPEC 5.0): no status, forecast or proposal columns, only the goals' Underlag. */
const PLAN_OUTPUT_FIELDS: Partial<Record<TableInfo['kind'], string[]>> = { goals: ['basis'] };

/**
 * The whole plan of a check: output columns, highlights with their record, the summary and validation sheets.
 * `issues` must already be sorted (sortIssues) — the validation sheet lists them in that order.
 * Målkoll writes only its own sheets (recorded in `_malkoll`); a user's sheet of the same name is left alone
 * and Målkoll's goes under `Sammanställning (Målkoll)` etc. Nothing is ever deleted.
 */
export function buildPlan(
  model: WorkbookModel,
  results: AssessResults,
  issues: Issue[],
  financeSummary: FinanceSummary | null,
  grids: WorkbookGrids,
  lang: Lang,
): WritePlan {
  const record = readRecord(grids);
  const own = ownSheets(grids, record);
  const blocks = outputBlocks(model, results, grids, lang);
  const sheetIndex = new SheetIndex(grids, own.all);
  const highlights = planHighlights(issues, sheetIndex, blocks, new RowKeys(model), record.highlights);
  const summary = buildSummarySheet(model, results, financeSummary, lang);
  const validation = buildValidationSheet(issues, grids.sheets.map((s) => s.name), lang);
  const named = nameOwnSheets(grids, own, lang);
  const outputs = [placeOwnSheet(summary, named.get('summary')), placeOwnSheet(validation, named.get('validation'))];
  // An id is recorded once the host has written it into the record (adapters that learn a new sheet's id as
  // they create it fill it in, see recordWithIds); a sheet recorded by name stays so, so that a second run
  // writes the same record as the first (SPEC 2.7 idempotence).
  const recordedId = (role: OwnRole, id: string | undefined) => (record.sheets.find((s) => s.role === role)?.id ? id ?? '' : '');
  const recorded = OWN_ROLES.map((role, i): RecordedSheet => ({ role, id: recordedId(role, outputs[i].id), name: outputs[i].name }));
  const sheets: NewSheet[] = [...outputs, recordSheet(recordTarget(grids, own, outputs), recorded, highlights.entries)];
  return { blocks, fills: highlights.fills, sheets, deleteSheets: [] };
}

/**
 * The plan of "Rensa markeringar": every recorded cell found again gets its original fill back, the ones
 * that cannot be found are reported (`issues`), and the record keeps only Målkoll's own sheets.
 */
export function clearPlan(grids: WorkbookGrids, options: CheckOptions = {}): WritePlan {
  const record = readRecord(grids);
  if (!record.grid) return { blocks: [], fills: [], sheets: [], deleteSheets: [], issues: [] };
  const own = ownSheets(grids, record);
  const { model } = readWorkbook(grids, options);
  const lang = options.lang ?? model.settings.lang;
  const cleared = clearHighlights(record.highlights, new SheetIndex(grids, own.all), new RowKeys(model), lang);
  const kept = keptSheets(own, record);
  const plan: WritePlan = { blocks: [], fills: cleared.fills, sheets: [], deleteSheets: [], issues: cleared.issues };
  if (kept.length) plan.sheets.push(recordSheet({ name: record.grid.name, id: record.grid.id }, kept, []));
  else plan.deleteSheets.push(record.grid.name);
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Own sheets
// ---------------------------------------------------------------------------------------------

/** Name and existing sheet of the summary and the validation sheet (a language switch renames the previous run's). */
function nameOwnSheets(grids: WorkbookGrids, own: OwnSheets, lang: Lang): Map<string, { name: string; grid?: SheetGrid }> {
  const chosen = new Map<string, { name: string; grid?: SheetGrid }>();
  const names = new Set<string>();
  for (const role of OWN_ROLES) {
    const grid = own.byRole.get(role);
    const taken = takenNames(grids, [grid]);
    for (const name of names) taken.add(name);
    const name = ownSheetName(ownBaseName(role, lang), grid, taken);
    names.add(fold(name));
    chosen.set(role, { name, grid });
  }
  return chosen;
}

/** An output sheet under its chosen name, rewritten in place (by id) when the previous run's exists. */
function placeOwnSheet(sheet: NewSheet, target: { name: string; grid?: SheetGrid } | undefined): NewSheet {
  if (!target) return sheet;
  const placed: NewSheet = { ...sheet, name: target.name };
  if (target.grid?.id !== undefined && target.grid.id !== '') placed.id = String(target.grid.id);
  return placed;
}

/** Where the record goes: the previous run's record, else `_malkoll` unless a user's sheet has that name. */
function recordTarget(grids: WorkbookGrids, own: OwnSheets, outputs: NewSheet[]): { name: string; id?: string } {
  if (own.record) return { name: own.record.name, id: own.record.id };
  const taken = takenNames(grids, []);
  for (const sheet of outputs) taken.add(fold(sheet.name));
  return { name: ownSheetName(OUTPUT_SHEET_NAMES.record, null, taken) };
}

/** The recorded own sheets that still exist, under their current names (and ids, where the record had them). */
function keptSheets(own: OwnSheets, record: MalkollRecord): RecordedSheet[] {
  const kept: RecordedSheet[] = [];
  for (const role of OWN_ROLES) {
    const grid = own.byRole.get(role);
    const hadId = !!record.sheets.find((s) => s.role === role)?.id;
    if (grid) kept.push({ role, id: hadId ? grid.id ?? '' : '', name: grid.name });
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Output columns
// ---------------------------------------------------------------------------------------------

/** The fields written beside a table, and those written blank (SPEC 5.0, 5.8). */
interface TableFields {
  fields: string[];
  /** Written blank: in a plan, an earlier report run's status columns (a stale status must not stand in a plan). */
  blanked: Set<string>;
}

/**
 * The fields written beside a table: its output fields (in a plan only the goals' Underlag, SPEC 5.0, plus
 * an earlier run's status columns to blank), `Förändring` when the report is compared with the previous
 * one, and the Föregående columns the table lacks when a previous report was matched (SPEC 5.8).
 */
function outputFieldsOf(table: TableInfo, model: WorkbookModel): TableFields {
  const all = OUTPUT_FIELDS[table.kind] ?? [];
  if (model.settings.document === 'plan') {
    const planFields = PLAN_OUTPUT_FIELDS[table.kind] ?? [];
    const earlier = all.filter((f) => !planFields.includes(f) && table.outputColumns[f] !== undefined);
    return { fields: [...earlier, ...planFields], blanked: new Set(earlier) };
  }
  const fields = [...all];
  const blanked = new Set<string>();
  if (table.kind !== 'indicators' && table.kind !== 'goals') return { fields, blanked };
  const active = comparisonActive(model);
  if (table.kind === 'indicators' ? active.indicators : active.goals) fields.push('change');
  if (model.previousMatched) {
    const previous = table.kind === 'indicators' ? ['previousForecast', 'previousStated'] : ['previousStated'];
    for (const field of previous) if (table.columns[field] === undefined) fields.push(field);
  }
  return { fields, blanked };
}

/** Column of every output field of a table (see placement.ts); without the grid, the read model's columns. */
export const outputColumnsOf: (table: TableInfo, grid?: SheetGrid, fields?: string[]) => PlacedColumn[] = placeOutputColumns;

/**
 * The header an output column gets: an existing output column keeps the header it has (the user's
 * alias, or an earlier run's language), so a re-run rewrites it unchanged; a new one gets ours.
 */
function headerText(grid: SheetGrid | undefined, table: TableInfo, placed: PlacedColumn, lang: Lang): string {
  if (placed.existing) {
    const existing = grid?.values[table.headerRow]?.[placed.col];
    if (typeof existing === 'string' && existing.trim() !== '') return existing;
  }
  const found = canonicalHeaders(table.kind as SheetKind, lang).find((h) => h.field === placed.field);
  return found ? found.header : placed.field;
}

function outputBlocks(model: WorkbookModel, results: AssessResults, grids: WorkbookGrids, lang: Lang): Block[] {
  const indicatorsByRow = indexByRow(results.indicators, (r) => r.indicator);
  const goalsByRow = indexByRow(results.goals, (r) => r.goal);
  const blocks: Block[] = [];
  for (const table of model.tables) {
    const fields = outputFieldsOf(table, model);
    if (table.kind === 'indicators') blocks.push(...tableBlocks(table, fields, grids, lang, indicatorsByRow.get(table.sheet), INDICATOR_CELLS));
    else if (table.kind === 'goals') blocks.push(...tableBlocks(table, fields, grids, lang, goalsByRow.get(table.sheet), GOAL_CELLS));
  }
  return blocks;
}

/** Items by sheet, then by grid row (an array indexed by row: rows are read in order, so it is dense). */
function indexByRow<T>(items: T[], place: (item: T) => { sheet: string; row: number }): Map<string, T[]> {
  const bySheet = new Map<string, T[]>();
  // The rows of the sheet seen last: items come sheet by sheet, so most need no map lookup.
  let sheet: string | null = null;
  let rows: T[] = [];
  // An index loop: a for…of here allocates an iterator result per item (the loop runs only on stack replacement).
  for (let i = 0; i < items.length; i++) {
    const at = place(items[i]);
    if (at.sheet !== sheet) {
      sheet = at.sheet;
      let found = bySheet.get(sheet);
      if (!found) bySheet.set(sheet, (found = []));
      rows = found;
    }
    rows[at.row] = items[i];
  }
  return bySheet;
}

/** A cell from a fixed set (blank, a status): its frozen one-cell rows of value, fill and font colour, shared by every row that holds it. */
interface ConstantCell {
  value: CellValue[];
  fill: (string | null)[];
  font: (string | null)[];
}

function constantCell(value: CellValue, fill: string | null = null, font: string | null = null): ConstantCell {
  return { value: sharedRow(value), fill: sharedRow(fill), font: sharedRow(font) };
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

const BLANK = constantCell(null);

const STATUS_CELLS: Record<Lang, Record<Status, ConstantCell>> = { sv: statusCells('sv'), en: statusCells('en') };

function statusCells(lang: Lang): Record<Status, ConstantCell> {
  const cells = {} as Record<Status, ConstantCell>;
  for (const status of STATUSES) cells[status] = constantCell(STATUS_TEXT[lang][status], STATUS_FILL[status], STATUS_FONT[status]);
  return cells;
}

const NULL_ROW = sharedRow(null);
const FALSE_ROW = sharedRow(false);
const TRUE_ROW = sharedRow(true);

/** Output fields whose cells carry a status colour, and those that carry a number format. */
const COLOURED_FIELDS = new Set(['status', 'proposal']);
const NUMBER_FIELDS = new Set(['forecastComputed', 'achievement', 'previousForecast']);
/** The widest a Förändring column grows to its texts, in characters. */
const CHANGE_MAX_WIDTH = 45;

/**
 * The output columns of a table, one block each from the header row to the table's last data row, filled
 * a column at a time. Fills and font colours only for status columns, number formats only for number
 * columns, and rows of constant cells shared (arrays per cell are what a 100 000-row plan costs).
 */
function tableBlocks<T>(
  table: TableInfo,
  fields: TableFields,
  grids: WorkbookGrids,
  lang: Lang,
  results: T[] | undefined,
  writers: Record<string, CellWriter<T>>,
): Block[] {
  const grid = grids.sheets.find((s) => s.name === table.sheet);
  const rows = Math.max(1, table.lastDataRow - table.headerRow + 1);
  return outputColumnsOf(table, grid, fields.fields).map((placed) => {
    const column = new ColumnBuilder(table, placed.field, placed.col, headerText(grid, table, placed, lang), lang, rows);
    const write = fields.blanked.has(placed.field) ? writeBlank : writers[placed.field] ?? writeBlank;
    for (let row = table.headerRow + 1; row <= table.lastDataRow; row++) {
      const result = results?.[row];
      if (result === undefined) column.constant(BLANK);
      else write(column, result, lang);
    }
    return column.block;
  });
}

/** Writes the cell of one output field for a row's result into its column. */
type CellWriter<T> = (column: ColumnBuilder, result: T, lang: Lang) => void;

const writeBlank = (column: ColumnBuilder): void => column.constant(BLANK);

/**
 * Collects one output column's block row by row, into arrays made at their final length (the header row
 * and `rows - 1` added rows): grown by push, a 100 000-row column's arrays would be copied over and over.
 */
class ColumnBuilder {
  readonly block: Block;
  private readonly values: CellValue[][];
  private readonly bold: boolean[][];
  private readonly numberFormats: (string | null)[][] | null = null;
  private readonly fills: (string | null)[][] | null = null;
  private readonly fontColors: (string | null)[][] | null = null;
  private readonly wrap: boolean[][] | null = null;
  private readonly isChange: boolean;
  /** The row the next add writes. */
  private next = 1;
  /** The longest text of a Förändring column: its width (SPEC 6), at most CHANGE_MAX_WIDTH. */
  private longest = 0;
  private readonly width: number;

  constructor(table: TableInfo, field: string, col: number, header: string, lang: Lang, rows: number) {
    this.values = columnOf(rows, [header]);
    this.bold = columnOf(rows, [true]);
    const layout = outputColumnLayout(field, header, lang);
    this.width = layout.width;
    this.isChange = field === 'change';
    this.block = { sheet: table.sheet, row: table.headerRow, col, values: this.values, bold: this.bold, columnWidths: [layout.width] };
    if (layout.headerAlign) this.block.align = [[layout.headerAlign]];
    if (layout.wrap) this.block.wrap = this.wrap = columnOf(rows, [true]);
    if (NUMBER_FIELDS.has(field)) this.block.numberFormats = this.numberFormats = columnOf(rows, [null]);
    if (COLOURED_FIELDS.has(field)) {
      this.block.fills = this.fills = columnOf(rows, [null]);
      this.block.fontColors = this.fontColors = columnOf(rows, [null]);
    }
  }

  /** Adds a cell from a fixed set: its shared rows. */
  constant(cell: ConstantCell): void {
    this.add(cell.value, NULL_ROW, cell.fill, cell.font);
  }

  /** Adds a cell of its own value, without colours; `format` is the shared row of its number format. */
  value(value: CellValue, format: (string | null)[] = NULL_ROW): void {
    this.add([value], format, NULL_ROW, NULL_ROW);
    if (this.isChange && typeof value === 'string' && value.length > this.longest) {
      this.longest = value.length;
      (this.block.columnWidths as number[])[0] = Math.max(this.width, columnWidth(Math.min(this.longest, CHANGE_MAX_WIDTH)));
    }
  }

  private add(value: CellValue[], format: (string | null)[], fill: (string | null)[], font: (string | null)[]): void {
    const row = this.next++;
    this.values[row] = value;
    this.bold[row] = FALSE_ROW;
    if (this.numberFormats) this.numberFormats[row] = format;
    if (this.fills) this.fills[row] = fill;
    if (this.fontColors) this.fontColors[row] = font;
    if (this.wrap) this.wrap[row] = TRUE_ROW;
  }
}
keepShape(new ColumnBuilder({ kind: 'indicators', sheet: '', headerRow: 0, firstDataRow: 1, lastDataRow: 0, lastCol: 0, columns: {} } as TableInfo, 'status', 0, '', 'sv', 1));

/** A column's array of one-cell rows at its final length, the header row first. */
function columnOf<T>(rows: number, header: T[]): T[][] {
  const column = new Array<T[]>(rows);
  column[0] = header;
  return column;
}

const ACHIEVEMENT_ROW = sharedRow(ACHIEVEMENT_FORMAT);
const PERCENT_VALUE_ROW = sharedRow(PERCENT_FORMAT);
const NUMBER_VALUE_ROW = sharedRow(VALUE_FORMAT);

/** Föregående bedömning of an indicator or a goal. */
function writePreviousStated(column: ColumnBuilder, result: IndicatorResult | GoalResult, lang: Lang): void {
  if (result.previous?.status) column.value(STATUS_TEXT[lang][result.previous.status]);
  else column.constant(BLANK);
}

/** A value in the row's unit: a percentage is written as the fraction a `%` cell holds (SPEC 3), anything else as is. */
function writeNumber(column: ColumnBuilder, value: number | null, unit: string | null): void {
  const rounded = roundSignificant(value);
  if (rounded === null) column.constant(BLANK);
  else if (unit === '%') column.value(roundSignificant(rounded / 100), PERCENT_VALUE_ROW);
  else column.value(rounded, NUMBER_VALUE_ROW);
}

/** The cell writers of an indicator table's output fields. */
const INDICATOR_CELLS: Record<string, CellWriter<IndicatorResult>> = {
  status: (column, r, lang) => column.constant(STATUS_CELLS[lang][r.status]),
  change: (column, r, lang) => (r.change ? column.value(changeText(r.change, r.previous ?? null, r.unit, lang)) : column.constant(BLANK)),
  previousStated: writePreviousStated,
  previousForecast: (column, r) => writeNumber(column, r.previous?.value ?? null, r.unit),
  achievement: (column, r) => {
    const value = roundSignificant(r.achievement);
    if (value === null) column.constant(BLANK);
    else column.value(value, ACHIEVEMENT_ROW);
  },
  forecastComputed: (column, r) => writeNumber(column, r.computedForecast, r.unit),
};

/** The cell writers of a goal table's output fields. */
const GOAL_CELLS: Record<string, CellWriter<GoalResult>> = {
  proposal: (column, r, lang) => column.constant(STATUS_CELLS[lang][r.proposed]),
  change: (column, r, lang) => (r.change ? column.value(changeText(r.change, r.previous ?? null, null, lang)) : column.constant(BLANK)),
  previousStated: writePreviousStated,
  basis: (column, r) => (r.sentence ? column.value(r.sentence) : column.constant(BLANK)),
};
