// Apps Script adapter: reads every sheet of a spreadsheet into core grids and applies a core write plan, with a number of calls per sheet that does not depend on the row count.
import { isRecordSheet, recordWithIds } from '../core/write/record';
import { parseA1 } from '../core/common/a1';
import { needsTextGuard } from '../core/write/plan';
import type { Block, CellValue, FillChange, HorizontalAlign, Link, NewSheet, SheetGrid, WorkbookGrids, WritePlan } from '../core/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type FontWeight = GoogleAppsScript.Spreadsheet.FontWeight;
type SpreadsheetAppLike = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newRichTextValue' | 'newDataValidation'>;

/** Sheets reports "no fill" as white; core wants null for it. */
const NO_FILL = '#FFFFFF';
/** Format written where a plan says "no format" on a new sheet: Sheets' automatic format. */
const AUTOMATIC_FORMAT = 'General';
/** Format given to a date cell whose own format carries no date token (core recognises dates by format). */
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const MS_PER_DAY = 86400000;
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
/** Roughly one character of Sheets' default font (Arial 10) in pixels, plus cell padding. */
const PIXELS_PER_CHARACTER = 7;
const COLUMN_PADDING_PIXELS = 12;
const DATE_TOKEN = /[dy]/i;
const TIME_TOKEN = /[hs]/i;
const HEX_COLOUR = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;
/** Text Sheets' input parser could turn into a number, date, time, percent or currency: anything with a digit, and TRUE/FALSE. */
const SHEETS_MAY_CONVERT = /\d|^\s*(true|false)\s*$/i;

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** True for a Date from any realm (Apps Script's values, or a test's fake loaded through node:vm). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Formatters of wall-clock time per time zone (Intl is in Apps Script's V8 runtime). */
const WALL_CLOCK = new Map<string, Intl.DateTimeFormat | null>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat | null {
  let format = WALL_CLOCK.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      format = null; // an unknown zone: the script's own
    }
    WALL_CLOCK.set(timeZone, format);
  }
  return format;
}

/**
 * Excel/Sheets serial number of a Date: days since 1899-12-30, time as the fraction of a day. Sheets builds the
 * Date from the cell's wall-clock value in the spreadsheet's time zone, so the serial is the Date's wall clock in
 * that zone (`getSpreadsheetTimeZone()`), which need not be the script's. Without a zone: the Date's local fields.
 */
export function dateToSerial(date: Date, timeZone?: string): number | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const format = timeZone ? wallClockFormat(timeZone) : null;
  let wallClock: number;
  if (format) {
    const parts = format.formatToParts(date);
    const get = (type: string): number => {
      for (const part of parts) if (part.type === type) return Number(part.value);
      return 0;
    };
    wallClock = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'), date.getUTCMilliseconds());
  } else {
    wallClock = Date.UTC(
      date.getFullYear(), date.getMonth(), date.getDate(),
      date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds(),
    );
  }
  return (wallClock - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** One value from `getValues()` as a core CellValue ('' → null, Date → serial in the spreadsheet's time zone). */
export function toCellValue(value: unknown, timeZone?: string): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return dateToSerial(value, timeZone);
  return String(value);
}

/** A date cell keeps its format; one whose format names no date part gets ISO so that core still sees a date. */
function dateFormat(serial: number | null, format: string | null): string {
  if (format && DATE_TOKEN.test(format)) return format;
  if (format && TIME_TOKEN.test(format) && serial !== null && serial < 1) return format;
  const hasTime = serial !== null && serial !== Math.floor(serial);
  return hasTime ? DATE_TIME_FORMAT : DATE_FORMAT;
}

/** A background from `getBackgrounds()` as a fill token: white → null, else upper-case `#RRGGBB`. */
export function toFill(background: string | null | undefined): string | null {
  if (!background) return null;
  let colour = background.trim();
  if (!HEX_COLOUR.test(colour)) return colour; // never seen from Sheets; kept verbatim so a restore writes it back
  if (colour.length === 4) colour = '#' + colour[1] + colour[1] + colour[2] + colour[2] + colour[3] + colour[3];
  colour = colour.toUpperCase();
  return colour === NO_FILL ? null : colour;
}

/** What the adapter knows of a sheet from its reads, so that writing needs no read (each read after a write costs a flush). */
export interface SheetState {
  sheet: Sheet;
  name: string;
  id: number;
  maxRows: number;
  maxColumns: number;
  hidden: boolean;
}

/** The grids and what writing needs to know, all read before anything is written. */
export interface SpreadsheetRead {
  grids: WorkbookGrids;
  sheets: SheetState[];
  /** The active sheet's name, to go back to after sheets were inserted. */
  active: string | null;
  timeZone: string;
}

/** Columns right of the data range whose notes are read too: output columns may go there. */
const NOTE_MARGIN_COLUMNS = 8;

/** A sheet's name, id, size and visibility: five calls. */
function sheetState(sheet: Sheet): SheetState {
  return { sheet, name: sheet.getName(), id: sheet.getSheetId(), maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns(), hidden: sheet.isSheetHidden() };
}

/**
 * Reads one sheet: one getDataRange with getValues, getNumberFormats, getBackgrounds and getFormulas; getNotes on
 * the data range and a few columns right of it; getMergedRanges on the whole sheet. Dates in the spreadsheet's time zone.
 */
export function readSheet(state: SheetState, timeZone?: string): SheetGrid {
  const { sheet, name } = state;
  const range = sheet.getDataRange();
  const rawValues = range.getValues();
  const rawFormats = range.getNumberFormats();
  const rawFills = range.getBackgrounds();
  const rawFormulas = range.getFormulas();
  const height = rawValues.length;
  const width = rawValues[0]?.length ?? 0;
  const noteWidth = Math.min(state.maxColumns, width + NOTE_MARGIN_COLUMNS);
  const rawNotes = height > 0 && noteWidth > 0 ? sheet.getRange(1, 1, height, noteWidth).getNotes() : [];
  const merged = sheet.getRange(1, 1, state.maxRows, state.maxColumns).getMergedRanges();
  const values: CellValue[][] = new Array(height);
  const formats: (string | null)[][] = new Array(height);
  const fills: (string | null)[][] = new Array(height);
  let formulas: (string | null)[][] | null = null;
  let notes: (string | null)[][] | null = null;
  for (let r = 0; r < height; r++) {
    const valueRow = rawValues[r];
    const formatRow = rawFormats[r] ?? [];
    const fillRow = rawFills[r] ?? [];
    const formulaRow = rawFormulas[r] ?? [];
    const outValues: CellValue[] = new Array(valueRow.length);
    const outFormats: (string | null)[] = new Array(valueRow.length);
    const outFills: (string | null)[] = new Array(valueRow.length);
    for (let c = 0; c < valueRow.length; c++) {
      const raw = valueRow[c];
      const format = formatRow[c] || null;
      const value = toCellValue(raw, timeZone);
      outValues[c] = value;
      outFormats[c] = isDate(raw) ? dateFormat(value as number | null, format) : format;
      outFills[c] = toFill(fillRow[c]);
      if (formulaRow[c]) {
        if (!formulas) formulas = Array.from({ length: height }, () => [] as (string | null)[]);
        formulas[r][c] = formulaRow[c];
      }
    }
    values[r] = outValues;
    formats[r] = outFormats;
    fills[r] = outFills;
  }
  rawNotes.forEach((row, r) =>
    row.forEach((note, c) => {
      if (!note) return;
      if (!notes) notes = Array.from({ length: height }, () => [] as (string | null)[]);
      notes[r][c] = note;
    }),
  );
  const grid: SheetGrid = { name, id: String(state.id), values, formats, fills };
  if (formulas) grid.formulas = formulas;
  if (notes) grid.notes = notes;
  if (merged.length) {
    grid.merges = merged.map((m) => {
      const top = m.getRow() - 1;
      const left = m.getColumn() - 1;
      return { top, left, bottom: top + m.getNumRows() - 1, right: left + m.getNumColumns() - 1 };
    });
  }
  return grid;
}

/** Every sheet's state, the active sheet and the time zone: the reads writing needs. */
function readStates(spreadsheet: Spreadsheet): Omit<SpreadsheetRead, 'grids'> {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const activeSheet = spreadsheet.getActiveSheet();
  const active = activeSheet ? activeSheet.getName() : null;
  return { sheets: spreadsheet.getSheets().map(sheetState), active, timeZone };
}

/** Reads every sheet (hidden ones too: core reads its `_malkoll` record back) and what writing will need; nothing is written. */
export function readSpreadsheet(spreadsheet: Spreadsheet): SpreadsheetRead {
  const states = readStates(spreadsheet);
  return { ...states, grids: { sheets: states.sheets.map((state) => readSheet(state, states.timeZone)) } };
}

/** Reads every sheet into core grids. */
export function readGrids(spreadsheet: Spreadsheet): WorkbookGrids {
  return readSpreadsheet(spreadsheet).grids;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/**
 * A plan string as Sheets must receive it to keep it literal text. `setValues` parses strings the
 * way typed input is parsed: `=…`/`+…`/`-…` become formulas, `1.1` or `40 %` become numbers or dates.
 * A leading apostrophe makes Sheets store the rest as text (the apostrophe is not part of the value).
 */
export function sheetsText(text: string): string {
  if (text === '') return text;
  if (needsTextGuard(text) || text.startsWith("'") || SHEETS_MAY_CONVERT.test(text)) return "'" + text;
  return text;
}

function sheetsValue(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'string') return sheetsText(value);
  return value;
}

/** Width of a rectangle of possibly ragged rows. */
function widthOf(rows: unknown[][]): number {
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  return width;
}

/** Pads ragged rows to a rectangle and maps every cell (Sheets wants rectangles). */
function rectangle<T, U>(rows: T[][], height: number, width: number, map: (cell: T | undefined, r: number, c: number) => U): U[][] {
  const out: U[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const row = rows[r] ?? [];
    const outRow: U[] = new Array(width);
    for (let c = 0; c < width; c++) outRow[c] = map(row[c], r, c);
    out[r] = outRow;
  }
  return out;
}

/** Grows a sheet so that rows × cols fit (Sheets refuses ranges outside the sheet), from its known size: no read. */
function ensureSize(state: SheetState, rows: number, cols: number): void {
  if (rows > state.maxRows) {
    state.sheet.insertRowsAfter(state.maxRows, rows - state.maxRows);
    state.maxRows = rows;
  }
  if (cols > state.maxColumns) {
    state.sheet.insertColumnsAfter(state.maxColumns, cols - state.maxColumns);
    state.maxColumns = cols;
  }
}

interface Formatting {
  numberFormats?: (string | null)[][];
  fills?: (string | null)[][];
  fontColors?: (string | null)[][];
  bold?: boolean[][];
  wrap?: boolean[][];
  align?: (HorizontalAlign | null)[][];
}

/**
 * Writes values and formatting to one rectangle: one call per property. `keepFormat` and `keepFill` give what a cell
 * keeps where the plan says "leave as is" (a null number format; no fills at all for its column).
 */
function writeRectangle(
  range: Range, height: number, width: number, values: CellValue[][], formatting: Formatting,
  keepFormat: (r: number, c: number) => string, keepFill: (r: number, c: number) => string | null = () => null,
): void {
  range.setValues(rectangle(values, height, width, (v) => sheetsValue(v ?? null)));
  if (formatting.numberFormats) {
    range.setNumberFormats(rectangle(formatting.numberFormats, height, width, (f, r, c) => f ?? keepFormat(r, c)));
  }
  if (formatting.fills) range.setBackgrounds(rectangle(formatting.fills, height, width, (f, r, c) => (f === undefined ? keepFill(r, c) : f)));
  if (formatting.fontColors) range.setFontColors(rectangle(formatting.fontColors, height, width, (f) => f ?? null));
  if (formatting.bold) range.setFontWeights(rectangle<boolean, FontWeight>(formatting.bold, height, width, (b) => (b ? 'bold' : 'normal')));
  if (formatting.wrap) range.setWraps(rectangle(formatting.wrap, height, width, (w) => w === true));
  // null resets a cell to Sheets' default (text left, numbers right).
  if (formatting.align) range.setHorizontalAlignments(rectangle(formatting.align, height, width, (a) => a ?? null));
}

/** Sheets by name (as Sheets matches them: regardless of case) and by id, kept current while the plan inserts, renames and deletes. */
class SheetIndex {
  private readonly states: SheetState[];

  constructor(private readonly spreadsheet: Spreadsheet, states: SheetState[]) {
    this.states = states.slice();
  }

  get(name: string): SheetState | undefined {
    const key = name.toLowerCase();
    return this.states.find((state) => state.name.toLowerCase() === key);
  }

  byId(id: string | undefined): SheetState | undefined {
    return id === undefined ? undefined : this.states.find((state) => String(state.id) === id);
  }

  delete(state: SheetState): void {
    this.spreadsheet.deleteSheet(state.sheet);
    this.states.splice(this.states.indexOf(state), 1);
  }

  /** Inserts a sheet at the end: a new sheet is 1000 × 26 (known without asking), its id is asked once. */
  insert(name: string): SheetState {
    const sheet = this.spreadsheet.insertSheet(name, this.states.length);
    const state: SheetState = { sheet, name, id: -1, maxRows: 1000, maxColumns: 26, hidden: false };
    this.states.push(state);
    return state;
  }
}

/** The grid read before the plan was made, used to leave formats and fills "as is" where a block says so. */
function gridsBefore(before: WorkbookGrids | undefined): Map<string, SheetGrid> {
  const map = new Map<string, SheetGrid>();
  for (const sheet of before?.sheets ?? []) map.set(sheet.name.toLowerCase(), sheet);
  return map;
}

/**
 * Adjacent output columns of one sheet (same top row and height, touching columns) as one rectangle, so that they
 * cost one call per property rather than one per column. A column without fills keeps its cells' fills.
 */
export function mergeBlocks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  const sorted = blocks.slice().sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col);
  for (const block of sorted) {
    const last = out[out.length - 1];
    const lastWidth = last ? widthOf(last.values) : 0;
    if (last && last.sheet.toLowerCase() === block.sheet.toLowerCase() && last.row === block.row && last.values.length === block.values.length && last.col + lastWidth === block.col) {
      out[out.length - 1] = joinBlocks(last, lastWidth, block);
    } else {
      out.push(block);
    }
  }
  return out;
}

function joinBlocks(left: Block, leftWidth: number, right: Block): Block {
  const rightWidth = widthOf(right.values);
  const join = <T>(a: T[][] | undefined, b: T[][] | undefined, missing: T | undefined): T[][] | undefined => {
    if (!a && !b) return undefined;
    return left.values.map((_, r) => {
      const row: T[] = new Array(leftWidth + rightWidth);
      // Cells past a ragged row stay undefined: each property's writer says what undefined means.
      for (let c = 0; c < leftWidth; c++) row[c] = a ? a[r]?.[c] : (missing as T);
      for (let c = 0; c < rightWidth; c++) row[leftWidth + c] = b ? b[r]?.[c] : (missing as T);
      return row;
    });
  };
  const values = join(left.values, right.values, null)!;
  const block: Block = { sheet: left.sheet, row: left.row, col: left.col, values };
  // A column without number formats leaves them as is (null); without fills keeps them (undefined: read from before);
  // without font colours gets the automatic colour; without bold is normal weight.
  const numberFormats = join(left.numberFormats, right.numberFormats, null);
  if (numberFormats) block.numberFormats = numberFormats;
  const fills = join(left.fills, right.fills, undefined);
  if (fills) block.fills = fills as (string | null)[][];
  const fontColors = join(left.fontColors, right.fontColors, null);
  if (fontColors) block.fontColors = fontColors;
  const bold = join(left.bold, right.bold, false);
  if (bold) block.bold = bold;
  const wrap = join(left.wrap, right.wrap, false);
  if (wrap) block.wrap = wrap;
  const align = join(left.align, right.align, null);
  if (align) block.align = align;
  // Widths side by side; 0 leaves a column as is.
  if (left.columnWidths || right.columnWidths) {
    const widths = (block: Block, width: number) => Array.from({ length: width }, (_, c) => block.columnWidths?.[c] ?? 0);
    block.columnWidths = [...widths(left, leftWidth), ...widths(right, rightWidth)];
  }
  return block;
}

function applyBlock(state: SheetState, block: Block, previous: SheetGrid | undefined): void {
  const height = block.values.length;
  const width = widthOf(block.values);
  if (height === 0 || width === 0) return;
  ensureSize(state, block.row + height, block.col + width);
  const range = state.sheet.getRange(block.row + 1, block.col + 1, height, width);
  const keepFormat = (r: number, c: number): string => previous?.formats?.[block.row + r]?.[block.col + c] ?? AUTOMATIC_FORMAT;
  const keepFill = (r: number, c: number): string | null => previous?.fills?.[block.row + r]?.[block.col + c] ?? null;
  writeRectangle(range, height, width, block.values, block, keepFormat, keepFill);
  if (block.columnWidths) writeColumnWidths(state, block.columnWidths, block.col);
}

function applyFills(index: SheetIndex, change: FillChange): void {
  const state = index.get(change.sheet);
  if (!state || change.cells.length === 0) return;
  state.sheet.getRangeList(change.cells).setBackground(change.fill);
}

/** A formula string literal: quoted, quotes doubled. */
function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Links become HYPERLINK formulas to `#gid=…&range=…` (Målkoll's own formula; the texts are string literals, never
 * parsed): one setFormulas per run of consecutive link cells in a column, however many links. Rich text would cost
 * four builder calls per link.
 */
function writeLinks(index: SheetIndex, state: SheetState, spec: NewSheet): void {
  const byColumn = new Map<number, Link[]>();
  for (const link of spec.links ?? []) {
    const target = index.get(link.targetSheet);
    if (!target || target.id < 0) continue;
    if (!byColumn.has(link.col)) byColumn.set(link.col, []);
    byColumn.get(link.col)!.push(link);
  }
  for (const [col, links] of byColumn) {
    links.sort((a, b) => a.row - b.row);
    let start = 0;
    while (start < links.length) {
      let end = start + 1;
      while (end < links.length && links[end].row === links[end - 1].row + 1) end++;
      const run = links.slice(start, end).map((link) => {
        const url = `#gid=${index.get(link.targetSheet)!.id}&range=${link.targetCell}`;
        return [`=HYPERLINK(${formulaString(url)},${formulaString(link.text)})`];
      });
      state.sheet.getRange(links[start].row + 1, col + 1, run.length, 1).setFormulas(run);
      start = end;
    }
  }
}

/** Column widths in pixels from column `left` (0-based) on, one setColumnWidths per run of equal widths; 0 leaves a column as is. */
function writeColumnWidths(state: SheetState, widths: number[], left = 0): void {
  let col = 0;
  while (col < widths.length) {
    const chars = widths[col];
    let end = col + 1;
    while (end < widths.length && widths[end] === chars) end++;
    if (chars > 0) state.sheet.setColumnWidths(left + col + 1, end - col, Math.round(chars * PIXELS_PER_CHARACTER + COLUMN_PADDING_PIXELS));
    col = end;
  }
}

/**
 * Writes a plan sheet: Målkoll's own sheet (by the plan's id, else by name) is cleared and rewritten in place,
 * keeping its id (links to it keep working) and renamed when the name differs; otherwise it is inserted at the end.
 * Returns whether a sheet was inserted (Sheets activates it).
 */
function writeNewSheet(app: SpreadsheetAppLike, index: SheetIndex, spec: NewSheet): boolean {
  const existing = index.byId(spec.id) ?? index.get(spec.name);
  if (existing && spec.mode === 'createIfMissing') return false;
  let state: SheetState;
  if (existing) {
    state = existing;
    state.sheet.clear();
    if (state.name !== spec.name) {
      state.sheet.setName(spec.name);
      state.name = spec.name;
    }
  } else {
    state = index.insert(spec.name);
  }
  const height = spec.values.length;
  const width = Math.max(widthOf(spec.values), spec.columnWidths?.length ?? 0);
  const validationRows = (spec.validations ?? []).reduce((rows, v) => Math.max(rows, v.lastRow + 1), 0);
  if (height > 0 || validationRows > 0) ensureSize(state, Math.max(height, validationRows, 1), Math.max(width, 1));
  if (height > 0 && width > 0) {
    const range = state.sheet.getRange(1, 1, height, width);
    writeRectangle(range, height, width, spec.values, spec, () => AUTOMATIC_FORMAT);
    if (spec.verticalAlign === 'top') range.setVerticalAlignment('top');
  }
  // Rows fit their wrapped text: Sheets measures its own font, in one call whatever the number of rows (SPEC 9), where
  // setRowHeights would cost a call per run of equal heights. A rewritten sheet's rows lose the heights of its last content.
  if ((spec.rowHeights?.some((h) => h !== null) || existing) && state.maxRows > 0) state.sheet.autoResizeRows(1, state.maxRows);
  if (spec.links?.length) writeLinks(index, state, spec);
  if (spec.columnWidths) writeColumnWidths(state, spec.columnWidths);
  for (const v of spec.validations ?? []) {
    if (v.lastRow < v.firstRow) continue;
    const rule = app.newDataValidation().requireValueInList(v.list, true).setAllowInvalid(false).build();
    state.sheet.getRange(v.firstRow + 1, v.col + 1, v.lastRow - v.firstRow + 1, 1).setDataValidation(rule);
  }
  if (spec.frozenRows !== undefined || existing) state.sheet.setFrozenRows(spec.frozenRows ?? 0);
  if (spec.hidden && !state.hidden) {
    state.sheet.hideSheet();
    state.hidden = true;
  } else if (!spec.hidden && state.hidden) {
    state.sheet.showSheet();
    state.hidden = false;
  }
  return !existing;
}

/**
 * Applies a write plan without reading anything (each read after a write would force Sheets to flush): deleted
 * sheets, blocks into existing sheets (adjacent output columns as one rectangle, one call per property), fills
 * grouped by colour (one getRangeList + one setBackground each), then the plan's sheets, after which the sheet that
 * was active is active again. `read` is what was read before the plan was made; without it (a template) the
 * sheets' states are read first.
 */
export function applyPlan(spreadsheet: Spreadsheet, plan: WritePlan, app: SpreadsheetAppLike, read?: SpreadsheetRead | WorkbookGrids): void {
  const states = read && 'sheets' in read && 'timeZone' in read ? read : null;
  const before = read ? ('grids' in read ? read.grids : read) : undefined;
  const known = states ?? readStates(spreadsheet);
  const index = new SheetIndex(spreadsheet, known.sheets);
  const written = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
  for (const name of plan.deleteSheets) {
    const state = index.get(name);
    if (state && !written.has(name.toLowerCase())) index.delete(state);
  }
  const previous = gridsBefore(before);
  for (const block of mergeBlocks(plan.blocks)) {
    const state = index.get(block.sheet);
    if (state) applyBlock(state, block, previous.get(block.sheet.toLowerCase()));
  }
  for (const change of plan.fills) applyFills(index, change);
  if (plan.sheets.length === 0) return;
  let inserted = false;
  for (const spec of plan.sheets) if (!isRecordSheet(spec)) inserted = writeNewSheet(app, index, spec) || inserted;
  // The record last, with the ids of the own sheets just inserted (asked once, on the run that inserts them:
  // the one read after a write), so that the next run writes the same record.
  for (const spec of plan.sheets) if (isRecordSheet(spec)) inserted = writeNewSheet(app, index, recordWithIds(spec, (name) => sheetIdOf(index, name))) || inserted;
  // Sheets activates every inserted sheet; the user stays where they were.
  if (inserted && known.active !== null) index.get(known.active)?.sheet.activate();
}

/** A sheet's id as text; a sheet inserted in this run is asked for it once. */
function sheetIdOf(index: SheetIndex, name: string): string | undefined {
  const state = index.get(name);
  if (!state) return undefined;
  if (state.id === -1) state.id = state.sheet.getSheetId();
  return String(state.id);
}

/** Selects a cell named by an issue; unknown sheets and malformed addresses are ignored. */
export function selectCell(spreadsheet: Spreadsheet, sheetName: string, cell: string): boolean {
  const sheet = spreadsheet.getSheetByName(sheetName);
  const address = parseA1(String(cell));
  if (!sheet || !address) return false;
  sheet.activate();
  sheet.getRange(address.row + 1, address.col + 1).activate();
  return true;
}
