// Apps Script adapter: reads every sheet of a spreadsheet into core grids and applies a core write plan, with a number of calls per sheet that does not depend on the row count.
import { parseA1 } from '../core/common/a1';
import { needsTextGuard } from '../core/write/plan';
import type { Block, CellValue, FillChange, Link, NewSheet, SheetGrid, WorkbookGrids, WritePlan } from '../core/types';

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

/**
 * Excel/Sheets serial number of a Date: days since 1899-12-30, time as the fraction of a day.
 * Uses the Date's LOCAL fields. Apps Script runs in the script's time zone (appsscript.json:
 * Europe/Stockholm) and Sheets builds the Date from the cell's wall-clock value in the spreadsheet's
 * time zone, so local fields give the cell's own date when the two zones agree (they do for every
 * Stockholm spreadsheet). The fake in the tests creates Dates from local fields too.
 */
export function dateToSerial(date: Date): number | null {
  const time = date.getTime();
  if (Number.isNaN(time)) return null;
  const wallClock = Date.UTC(
    date.getFullYear(), date.getMonth(), date.getDate(),
    date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds(),
  );
  return (wallClock - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** One value from `getValues()` as a core CellValue ('' → null, Date → serial). */
export function toCellValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (isDate(value)) return dateToSerial(value);
  return String(value);
}

/** A date cell keeps its format; one whose format names no date part gets ISO so that core still sees a date. */
function dateFormat(date: Date, format: string | null): string {
  if (format && DATE_TOKEN.test(format)) return format;
  if (format && TIME_TOKEN.test(format) && dateToSerial(date)! < 1) return format;
  const hasTime = date.getHours() || date.getMinutes() || date.getSeconds();
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

/** Reads one sheet with one getDataRange, getValues, getNumberFormats and getBackgrounds. */
export function readSheet(sheet: Sheet): SheetGrid {
  const name = sheet.getName();
  const range = sheet.getDataRange();
  const rawValues = range.getValues();
  const rawFormats = range.getNumberFormats();
  const rawFills = range.getBackgrounds();
  const values: CellValue[][] = new Array(rawValues.length);
  const formats: (string | null)[][] = new Array(rawValues.length);
  const fills: (string | null)[][] = new Array(rawValues.length);
  for (let r = 0; r < rawValues.length; r++) {
    const valueRow = rawValues[r];
    const formatRow = rawFormats[r] ?? [];
    const fillRow = rawFills[r] ?? [];
    const outValues: CellValue[] = new Array(valueRow.length);
    const outFormats: (string | null)[] = new Array(valueRow.length);
    const outFills: (string | null)[] = new Array(valueRow.length);
    for (let c = 0; c < valueRow.length; c++) {
      const raw = valueRow[c];
      const format = formatRow[c] || null;
      outValues[c] = toCellValue(raw);
      outFormats[c] = isDate(raw) ? dateFormat(raw, format) : format;
      outFills[c] = toFill(fillRow[c]);
    }
    values[r] = outValues;
    formats[r] = outFormats;
    fills[r] = outFills;
  }
  return { name, values, formats, fills };
}

/** Reads every sheet (hidden ones too: core reads its `_malkoll` record back). */
export function readGrids(spreadsheet: Spreadsheet): WorkbookGrids {
  return { sheets: spreadsheet.getSheets().map(readSheet) };
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

/** Grows a sheet so that rows × cols fit (Sheets refuses ranges outside the sheet). Two reads, at most two inserts. */
function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  const maxCols = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

interface Formatting {
  numberFormats?: (string | null)[][];
  fills?: (string | null)[][];
  fontColors?: (string | null)[][];
  bold?: boolean[][];
}

/**
 * Writes values and formatting to one rectangle: one call per property. `keepFormat` gives the
 * format for a cell whose plan format is null ("leave as is").
 */
function writeRectangle(range: Range, height: number, width: number, values: CellValue[][], formatting: Formatting, keepFormat: (r: number, c: number) => string): void {
  range.setValues(rectangle(values, height, width, (v) => sheetsValue(v ?? null)));
  if (formatting.numberFormats) {
    range.setNumberFormats(rectangle(formatting.numberFormats, height, width, (f, r, c) => f ?? keepFormat(r, c)));
  }
  if (formatting.fills) range.setBackgrounds(rectangle(formatting.fills, height, width, (f) => f ?? null));
  if (formatting.fontColors) range.setFontColors(rectangle(formatting.fontColors, height, width, (f) => f ?? null));
  if (formatting.bold) range.setFontWeights(rectangle<boolean, FontWeight>(formatting.bold, height, width, (b) => (b ? 'bold' : 'normal')));
}

/** Sheets by name, kept current while the plan deletes and inserts sheets; one getSheets() call. */
class SheetIndex {
  private readonly byName = new Map<string, Sheet>();

  constructor(private readonly spreadsheet: Spreadsheet) {
    for (const sheet of spreadsheet.getSheets()) this.byName.set(sheet.getName(), sheet);
  }

  get(name: string): Sheet | undefined {
    return this.byName.get(name);
  }

  /** Deletes a sheet if present; returns its 0-based position, or null. */
  delete(name: string): number | null {
    const sheet = this.byName.get(name);
    if (!sheet) return null;
    const position = sheet.getIndex() - 1;
    this.spreadsheet.deleteSheet(sheet);
    this.byName.delete(name);
    return position;
  }

  insert(name: string, position: number | null): Sheet {
    const sheet = this.spreadsheet.insertSheet(name, position ?? this.spreadsheet.getNumSheets());
    this.byName.set(name, sheet);
    return sheet;
  }

  /** Sheet id of a sheet for `#gid=` links, looked up once per sheet. */
  private readonly ids = new Map<string, number>();
  idOf(name: string): number | null {
    if (!this.ids.has(name)) {
      const sheet = this.byName.get(name);
      if (!sheet) return null;
      this.ids.set(name, sheet.getSheetId());
    }
    return this.ids.get(name)!;
  }
}

/** The grid read before the plan was made, used to leave formats "as is" where a block says null. */
function formatsBefore(before: WorkbookGrids | undefined): Map<string, (string | null)[][]> {
  const map = new Map<string, (string | null)[][]>();
  for (const sheet of before?.sheets ?? []) if (sheet.formats) map.set(sheet.name, sheet.formats);
  return map;
}

function applyBlock(sheet: Sheet, block: Block, previousFormats: (string | null)[][] | undefined): void {
  const height = block.values.length;
  const width = widthOf(block.values);
  if (height === 0 || width === 0) return;
  ensureSize(sheet, block.row + height, block.col + width);
  const range = sheet.getRange(block.row + 1, block.col + 1, height, width);
  const keep = (r: number, c: number): string => previousFormats?.[block.row + r]?.[block.col + c] ?? AUTOMATIC_FORMAT;
  writeRectangle(range, height, width, block.values, block, keep);
}

function applyFills(index: SheetIndex, change: FillChange): void {
  const sheet = index.get(change.sheet);
  if (!sheet || change.cells.length === 0) return;
  sheet.getRangeList(change.cells).setBackground(change.fill);
}

function linkUrl(index: SheetIndex, link: Link): string | null {
  const id = index.idOf(link.targetSheet);
  return id === null ? null : `#gid=${id}&range=${link.targetCell}`;
}

/** Links become rich text: one setRichTextValues per link column, covering its first to last link row. */
function writeLinks(app: SpreadsheetAppLike, index: SheetIndex, sheet: Sheet, spec: NewSheet): void {
  const byColumn = new Map<number, Map<number, Link>>();
  for (const link of spec.links ?? []) {
    if (!byColumn.has(link.col)) byColumn.set(link.col, new Map());
    byColumn.get(link.col)!.set(link.row, link);
  }
  for (const [col, links] of byColumn) {
    let first = Infinity;
    let last = -Infinity;
    for (const row of links.keys()) {
      if (row < first) first = row;
      if (row > last) last = row;
    }
    const column: GoogleAppsScript.Spreadsheet.RichTextValue[][] = [];
    for (let row = first; row <= last; row++) {
      const link = links.get(row);
      const text = link ? link.text : cellTextOf(spec.values[row]?.[col] ?? null);
      const builder = app.newRichTextValue().setText(text);
      const url = link ? linkUrl(index, link) : null;
      column.push([(url ? builder.setLinkUrl(url) : builder).build()]);
    }
    sheet.getRange(first + 1, col + 1, last - first + 1, 1).setRichTextValues(column);
  }
}

function cellTextOf(value: CellValue): string {
  if (value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

function writeNewSheet(app: SpreadsheetAppLike, index: SheetIndex, spec: NewSheet): void {
  let position: number | null = null;
  if (index.get(spec.name)) {
    if (spec.mode === 'createIfMissing') return;
    position = index.delete(spec.name);
  }
  const sheet = index.insert(spec.name, position);
  const height = spec.values.length;
  const width = Math.max(widthOf(spec.values), spec.columnWidths?.length ?? 0);
  const validationRows = (spec.validations ?? []).reduce((rows, v) => Math.max(rows, v.lastRow + 1), 0);
  if (height > 0 || validationRows > 0) ensureSize(sheet, Math.max(height, validationRows, 1), Math.max(width, 1));
  if (height > 0 && width > 0) {
    writeRectangle(sheet.getRange(1, 1, height, width), height, width, spec.values, spec, () => AUTOMATIC_FORMAT);
  }
  if (spec.links?.length) writeLinks(app, index, sheet, spec);
  spec.columnWidths?.forEach((chars, col) => {
    sheet.setColumnWidth(col + 1, Math.round(chars * PIXELS_PER_CHARACTER + COLUMN_PADDING_PIXELS));
  });
  for (const v of spec.validations ?? []) {
    if (v.lastRow < v.firstRow) continue;
    const rule = app.newDataValidation().requireValueInList(v.list, true).setAllowInvalid(false).build();
    sheet.getRange(v.firstRow + 1, v.col + 1, v.lastRow - v.firstRow + 1, 1).setDataValidation(rule);
  }
  if (spec.frozenRows !== undefined) sheet.setFrozenRows(spec.frozenRows);
  if (spec.hidden) sheet.hideSheet();
}

/**
 * Applies a write plan: deleted sheets, then blocks into existing sheets (one call per property per
 * block), fills grouped by colour (one getRangeList + one setBackground each), then new sheets, after
 * which the sheet that was active is active again. `before` is the grid the plan was computed from; block formats that are null keep its format.
 */
export function applyPlan(spreadsheet: Spreadsheet, plan: WritePlan, app: SpreadsheetAppLike, before?: WorkbookGrids): void {
  const index = new SheetIndex(spreadsheet);
  for (const name of plan.deleteSheets) index.delete(name);
  const previous = formatsBefore(before);
  for (const block of plan.blocks) {
    const sheet = index.get(block.sheet);
    if (sheet) applyBlock(sheet, block, previous.get(block.sheet));
  }
  for (const change of plan.fills) applyFills(index, change);
  if (plan.sheets.length === 0) return;
  // Sheets activates every inserted sheet; the user stays where they were (on the new copy of a replaced sheet).
  const activeName = spreadsheet.getActiveSheet()?.getName() ?? null;
  for (const spec of plan.sheets) writeNewSheet(app, index, spec);
  if (activeName !== null) index.get(activeName)?.activate();
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
