// An in-memory SpreadsheetApp for the Sheets add-on tests: the calls the adapter and the menu use, with Sheets' own rules (input parsing, sheet bounds, white = no fill, names unique regardless of case, the spreadsheet's own time zone), counting every call per sheet and every read that forces a flush of pending writes.
import type { CellValue, WorkbookGrids } from '../../core/types';
import { parseA1 } from '../../core/common/a1';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Compile-time tie to the real Apps Script types: every member a fake shares with the real interface
 * takes the real parameters. (Fakes return fakes, so return types are not compared.)
 */
type Mirrors<Real> = { [K in keyof Real]?: Real[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : never };

export type FakeValue = string | number | boolean | Date;

/** What getNumberFormats reports for a cell nobody formatted ("Automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';
const WHITE = '#ffffff';
const BLACK = '#000000';
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const SPREADSHEET_SCOPE = '(spreadsheet)';

/** Methods that only build a reference and need nothing from the spreadsheet: they never force a flush. */
const REFERENCE_ONLY = new Set(['getRange', 'getRangeList']);

/**
 * Calls per scope (a sheet name, or "(spreadsheet)" for the spreadsheet and SpreadsheetApp's builders) and method,
 * and flushes: Apps Script batches writes and must send them before any read that follows, so each read after a
 * write costs a flush.
 */
export class CallLog {
  readonly counts = new Map<string, Map<string, number>>();
  flushes = 0;
  private pendingWrites = false;

  count(scope: string, method: string): void {
    let methods = this.counts.get(scope);
    if (!methods) this.counts.set(scope, (methods = new Map()));
    methods.set(method, (methods.get(method) ?? 0) + 1);
    const name = method.replace(/^RangeList\./, '');
    if (/^(get|is)/.test(name) && !REFERENCE_ONLY.has(name)) {
      if (this.pendingWrites) this.flushes++;
      this.pendingWrites = false;
    } else if (/^(set|insert|delete|clear|hide|show|activate|merge|autoResize)/.test(name)) {
      this.pendingWrites = true;
    }
  }

  /** Calls of one scope as a plain object, methods sorted. */
  of(scope: string): Record<string, number> {
    const methods = this.counts.get(scope) ?? new Map<string, number>();
    return Object.fromEntries([...methods.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  total(scope: string): number {
    let sum = 0;
    for (const n of (this.counts.get(scope) ?? new Map<string, number>()).values()) sum += n;
    return sum;
  }

  scopes(): string[] {
    return [...this.counts.keys()].sort();
  }

  reset(): void {
    this.counts.clear();
    this.flushes = 0;
    this.pendingWrites = false;
  }
}

/** The wall-clock time of an instant in a time zone, as milliseconds of a UTC date with those fields. */
export function wallClock(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(instant));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) + (((instant % 1000) + 1000) % 1000);
}

/**
 * The Date Sheets hands out for a date cell: the instant at which the spreadsheet's time zone shows the serial's
 * wall-clock time (without a zone: the script's own, i.e. the Date's local fields).
 */
export function serialToDate(serial: number, timeZone?: string): Date {
  const wall = Date.UTC(1899, 11, 30) + Math.round(serial * 86400000);
  if (timeZone) {
    let instant = wall - (wallClock(wall, timeZone) - wall);
    instant = wall - (wallClock(instant, timeZone) - instant);
    return new Date(instant);
  }
  const utc = new Date(wall);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds(), utc.getUTCMilliseconds());
}

interface Parsed {
  value: FakeValue;
  formula?: string;
  format?: string;
}

/**
 * How Sheets reads a string given to setValues (as if typed): a leading apostrophe keeps the rest as
 * text; `=`, `+` and `-` start a formula unless the text is a plain number; numbers, percentages,
 * ISO dates and TRUE/FALSE are converted. (A simplified en-US parser; enough to catch unguarded text.)
 */
export function parseInput(input: FakeValue): Parsed {
  if (typeof input !== 'string') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  const trimmed = input.trim();
  if (/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  const percent = /^([-+]?\d+(?:\.\d+)?)\s?%$/.exec(trimmed);
  if (percent) return { value: Number(percent[1]) / 100, format: '0.00%' };
  if (/^[=+\-]/.test(input)) return { value: '#ERROR!', formula: input };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return { value: new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])), format: 'yyyy-mm-dd' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return { value: input };
}

function normaliseColour(colour: string | null): string | null {
  if (colour === null || colour === '') return null;
  return colour.toLowerCase();
}

/** One cell's state. */
interface Cell {
  value: FakeValue | '';
  format: string;
  background: string | null;
  fontColor: string | null;
  fontWeight: 'normal' | 'bold';
  formula: string | null;
  link: string | null;
  note: string | null;
  wrap: boolean;
  /** null = Sheets' default (text left, numbers right). */
  horizontalAlignment: 'left' | 'center' | 'right' | null;
  verticalAlignment: 'top' | 'middle' | 'bottom';
}

function blankCell(): Cell {
  return { value: '', format: AUTOMATIC_FORMAT, background: null, fontColor: null, fontWeight: 'normal', formula: null, link: null, note: null, wrap: false, horizontalAlignment: null, verticalAlignment: 'bottom' };
}

export class FakeRichTextValue {
  constructor(readonly text: string, readonly url: string | null) {}
  getText(): string {
    return this.text;
  }
  getLinkUrl(): string | null {
    return this.url;
  }
}

export class FakeRichTextValueBuilder implements Mirrors<GoogleAppsScript.Spreadsheet.RichTextValueBuilder> {
  private text = '';
  private url: string | null = null;
  constructor(private readonly calls: CallLog) {}
  setText(text: string): FakeRichTextValueBuilder {
    this.calls.count(SPREADSHEET_SCOPE, 'RichTextValueBuilder.setText');
    this.text = text;
    return this;
  }
  setLinkUrl(...args: [string | null] | [number, number, string | null]): FakeRichTextValueBuilder {
    this.calls.count(SPREADSHEET_SCOPE, 'RichTextValueBuilder.setLinkUrl');
    this.url = args.length === 1 ? args[0] : args[2];
    return this;
  }
  build(): FakeRichTextValue {
    this.calls.count(SPREADSHEET_SCOPE, 'RichTextValueBuilder.build');
    return new FakeRichTextValue(this.text, this.url);
  }
}

export class FakeDataValidation {
  constructor(readonly list: string[], readonly showDropdown: boolean, readonly allowInvalid: boolean) {}
}

export class FakeDataValidationBuilder implements Mirrors<GoogleAppsScript.Spreadsheet.DataValidationBuilder> {
  private list: string[] = [];
  private dropdown = true;
  private allowInvalid = true;
  constructor(private readonly calls: CallLog) {}
  requireValueInList(values: string[], showDropdown?: boolean): FakeDataValidationBuilder {
    this.calls.count(SPREADSHEET_SCOPE, 'DataValidationBuilder.requireValueInList');
    this.list = [...values];
    if (showDropdown !== undefined) this.dropdown = showDropdown;
    return this;
  }
  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.calls.count(SPREADSHEET_SCOPE, 'DataValidationBuilder.setAllowInvalid');
    this.allowInvalid = allowInvalidData;
    return this;
  }
  build(): FakeDataValidation {
    this.calls.count(SPREADSHEET_SCOPE, 'DataValidationBuilder.build');
    return new FakeDataValidation(this.list, this.dropdown, this.allowInvalid);
  }
}

export class FakeRange implements Mirrors<GoogleAppsScript.Spreadsheet.Range> {
  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number, // 1-based
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
  ) {}

  private count(method: string): void {
    this.sheet.log(method);
  }

  private read<T>(pick: (cell: Cell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.numColumns; c++) row.push(pick(this.sheet.peek(this.row - 1 + r, this.column - 1 + c)));
      out.push(row);
    }
    return out;
  }

  private write<T>(method: string, grid: T[][], put: (cell: Cell, value: T) => void): FakeRange {
    this.count(method);
    if (!Array.isArray(grid) || grid.length !== this.numRows || grid.some((row) => !Array.isArray(row) || row.length !== this.numColumns)) {
      throw new Error(`${method}: the data has ${grid?.length} rows but the range has ${this.numRows} (${this.numColumns} columns)`);
    }
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) put(this.sheet.cell(this.row - 1 + r, this.column - 1 + c), grid[r][c]);
    }
    return this;
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }

  getValues(): FakeValue[][] {
    this.count('getValues');
    return this.read((cell) => (cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value));
  }
  getNumberFormats(): string[][] {
    this.count('getNumberFormats');
    return this.read((cell) => cell.format);
  }
  getBackgrounds(): string[][] {
    this.count('getBackgrounds');
    return this.read((cell) => cell.background ?? WHITE);
  }
  getFontColors(): string[][] {
    this.count('getFontColors');
    return this.read((cell) => cell.fontColor ?? BLACK);
  }
  getFontWeights(): string[][] {
    this.count('getFontWeights');
    return this.read((cell) => cell.fontWeight);
  }
  getFormulas(): string[][] {
    this.count('getFormulas');
    return this.read((cell) => cell.formula ?? '');
  }
  getNotes(): string[][] {
    this.count('getNotes');
    return this.read((cell) => cell.note ?? '');
  }
  /** The merged ranges that lie within this range (Sheets: merges intersecting it). */
  getMergedRanges(): FakeRange[] {
    this.count('getMergedRanges');
    const bottom = this.row + this.numRows - 1;
    const right = this.column + this.numColumns - 1;
    return this.sheet.merges
      .filter((m) => m.row <= bottom && m.row + m.numRows - 1 >= this.row && m.column <= right && m.column + m.numColumns - 1 >= this.column)
      .map((m) => new FakeRange(this.sheet, m.row, m.column, m.numRows, m.numColumns));
  }
  setFormulas(formulas: string[][]): FakeRange {
    return this.write('setFormulas', formulas, (cell, formula) => {
      if (typeof formula !== 'string') throw new Error('setFormulas: formulas must be strings');
      const parsed = formula.startsWith('=') ? { value: '#FORMULA' as FakeValue, formula } : parseInput(formula);
      cell.formula = parsed.formula ?? null;
      cell.value = parsed.formula ? evaluateLink(parsed.formula) ?? parsed.value : parsed.value;
      cell.link = parsed.formula ? linkOf(parsed.formula) : null;
    });
  }

  setValues(values: FakeValue[][]): FakeRange {
    return this.write('setValues', values, (cell, input) => {
      if (input === null || input === undefined) throw new Error('setValues: null is not a value');
      const parsed = parseInput(input);
      cell.value = parsed.value;
      cell.formula = parsed.formula ?? null;
      cell.link = null;
      if (parsed.format && cell.format === AUTOMATIC_FORMAT) cell.format = parsed.format;
    });
  }
  setNumberFormats(numberFormats: string[][]): FakeRange {
    return this.write('setNumberFormats', numberFormats, (cell, format) => {
      if (typeof format !== 'string') throw new Error('setNumberFormats: formats must be strings');
      cell.format = format === 'General' ? AUTOMATIC_FORMAT : format;
    });
  }
  setBackgrounds(color: (string | null)[][]): FakeRange {
    return this.write('setBackgrounds', color, (cell, colour) => {
      cell.background = normaliseColour(colour);
    });
  }
  setBackground(color: string | null): FakeRange {
    this.count('setBackground');
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) this.sheet.cell(this.row - 1 + r, this.column - 1 + c).background = normaliseColour(color);
    }
    return this;
  }
  setFontColors(colors: (string | null)[][]): FakeRange {
    return this.write('setFontColors', colors, (cell, colour) => {
      cell.fontColor = normaliseColour(colour);
    });
  }
  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): FakeRange {
    return this.write('setFontWeights', fontWeights, (cell, weight) => {
      cell.fontWeight = weight === 'bold' ? 'bold' : 'normal';
    });
  }
  setWraps(isWrapEnabled: boolean[][]): FakeRange {
    return this.write('setWraps', isWrapEnabled, (cell, wrap) => {
      if (typeof wrap !== 'boolean') throw new Error('setWraps: values must be booleans');
      cell.wrap = wrap;
    });
  }
  setHorizontalAlignments(alignments: ('left' | 'center' | 'normal' | 'right' | null)[][]): FakeRange {
    return this.write('setHorizontalAlignments', alignments, (cell, alignment) => {
      if (alignment !== null && !['left', 'center', 'normal', 'right'].includes(alignment)) throw new Error(`setHorizontalAlignments: ${alignment}`);
      cell.horizontalAlignment = alignment === 'normal' ? null : alignment;
    });
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): FakeRange {
    this.count('setVerticalAlignment');
    if (alignment !== null && !['top', 'middle', 'bottom'].includes(alignment)) throw new Error(`setVerticalAlignment: ${alignment}`);
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) this.sheet.cell(this.row - 1 + r, this.column - 1 + c).verticalAlignment = alignment ?? 'bottom';
    }
    return this;
  }
  setRichTextValues(values: GoogleAppsScript.Spreadsheet.RichTextValue[][]): FakeRange {
    return this.write('setRichTextValues', values, (cell, rich) => {
      cell.value = rich.getText();
      cell.formula = null;
      cell.link = rich.getLinkUrl();
    });
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): FakeRange {
    this.count('setDataValidation');
    const fake = rule as unknown as FakeDataValidation | null;
    this.sheet.validations.push({ row: this.row, column: this.column, numRows: this.numRows, numColumns: this.numColumns, rule: fake });
    return this;
  }
  activate(): FakeRange {
    this.count('activate');
    this.sheet.spreadsheet.activeRange = { sheet: this.sheet.title, a1: this.getA1Notation() };
    return this;
  }
  getA1Notation(): string {
    const start = a1Of(this.row, this.column);
    return this.numRows === 1 && this.numColumns === 1 ? start : `${start}:${a1Of(this.row + this.numRows - 1, this.column + this.numColumns - 1)}`;
  }
}

function a1Of(row: number, column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters + row;
}

/** True for the only formula Målkoll writes itself: a link to a cell of the spreadsheet, `=HYPERLINK("#gid=…&range=…","text")`. */
export function isOwnLink(formula: string | null | undefined): boolean {
  return !!formula && /^=HYPERLINK\("#gid=\d+&range=\$?[A-Z]{1,3}\$?\d+","(?:[^"]|"")*"\)$/.test(formula);
}

/** `=HYPERLINK("url","text")`: its URL, else null. */
function linkOf(formula: string): string | null {
  const m = /^=HYPERLINK\("((?:[^"]|"")*)",\s*"((?:[^"]|"")*)"\)$/.exec(formula);
  return m ? m[1].replace(/""/g, '"') : null;
}

/** The value a HYPERLINK formula shows: its text. */
function evaluateLink(formula: string): string | null {
  const m = /^=HYPERLINK\("((?:[^"]|"")*)",\s*"((?:[^"]|"")*)"\)$/.exec(formula);
  return m ? m[2].replace(/""/g, '"') : null;
}

export class FakeRangeList implements Mirrors<GoogleAppsScript.Spreadsheet.RangeList> {
  constructor(private readonly sheet: FakeSheet, private readonly ranges: FakeRange[]) {}
  setBackground(color: string | null): FakeRangeList {
    this.sheet.log('RangeList.setBackground');
    for (const range of this.ranges) {
      for (let r = 0; r < range.numRows; r++) {
        for (let c = 0; c < range.numColumns; c++) this.sheet.cell(range.row - 1 + r, range.column - 1 + c).background = normaliseColour(color);
      }
    }
    return this;
  }
  getRanges(): FakeRange[] {
    return this.ranges;
  }
}

export interface FakeValidation {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  rule: FakeDataValidation | null;
}

export class FakeSheet implements Mirrors<GoogleAppsScript.Spreadsheet.Sheet> {
  readonly rows: (Cell | undefined)[][] = [];
  /** Merged areas, 1-based like Sheets' ranges. */
  readonly merges: { row: number; column: number; numRows: number; numColumns: number }[] = [];
  readonly validations: FakeValidation[] = [];
  readonly columnWidths = new Map<number, number>();
  /** Rows (1-based, inclusive) Sheets fitted to their content with autoResizeRows, in call order. */
  readonly autoResized: { first: number; last: number }[] = [];
  frozenRows = 0;
  hidden = false;
  maxRows: number;
  maxColumns: number;

  constructor(readonly spreadsheet: FakeSpreadsheet, private name: string, readonly id: number, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS) {
    this.maxRows = rows;
    this.maxColumns = columns;
  }

  log(method: string): void {
    this.spreadsheet.calls.count(this.name, method);
  }

  /** The name, read without counting a call (test inspection). */
  get title(): string {
    return this.name;
  }

  /** A cell for writing (0-based); created on demand. Throws outside the sheet, as Sheets does. */
  cell(row: number, col: number): Cell {
    if (row >= this.maxRows || col >= this.maxColumns) throw new Error(`Cell (${row + 1}, ${col + 1}) is outside the sheet ${this.name}`);
    let line = this.rows[row];
    if (!line) this.rows[row] = line = [];
    let cell = line[col];
    if (!cell) line[col] = cell = blankCell();
    return cell;
  }

  /** A cell for reading (0-based); a shared blank when never written. */
  peek(row: number, col: number): Cell {
    return this.rows[row]?.[col] ?? BLANK_CELL;
  }

  /** Last 1-based row and column holding a value (0 when empty). */
  extent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    this.rows.forEach((line, r) => {
      line?.forEach((cell, c) => {
        if (cell && (cell.value !== '' || cell.formula)) {
          rows = Math.max(rows, r + 1);
          columns = Math.max(columns, c + 1);
        }
      });
    });
    return { rows, columns };
  }

  getName(): string {
    this.log('getName');
    return this.name;
  }
  getSheetId(): number {
    this.log('getSheetId');
    return this.id;
  }
  setName(name: string): FakeSheet {
    this.log('setName');
    if (this.spreadsheet.sheets.some((s) => s !== this && s.title.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    return this;
  }
  /** Clears contents and formats (values, formulas, links, number formats, colours, weights); notes, merges and validations stay. */
  clear(): FakeSheet {
    this.log('clear');
    for (const line of this.rows) {
      if (!line) continue;
      line.forEach((cell, c) => {
        if (cell) line[c] = { ...blankCell(), note: cell.note };
      });
    }
    return this;
  }
  getIndex(): number {
    this.log('getIndex');
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getMaxRows(): number {
    this.log('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.log('getMaxColumns');
    return this.maxColumns;
  }
  getLastRow(): number {
    this.log('getLastRow');
    return this.extent().rows;
  }
  getLastColumn(): number {
    this.log('getLastColumn');
    return this.extent().columns;
  }
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.log('insertRowsAfter');
    if (afterPosition !== this.maxRows) throw new Error('the fake only appends rows');
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.log('insertColumnsAfter');
    if (afterPosition !== this.maxColumns) throw new Error('the fake only appends columns');
    this.maxColumns += howMany;
    return this;
  }
  getDataRange(): FakeRange {
    this.log('getDataRange');
    const { rows, columns } = this.extent();
    return new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(columns, 1));
  }
  getRange(...args: [string] | [number, number] | [number, number, number] | [number, number, number, number]): FakeRange {
    this.log('getRange');
    let row: number;
    let column: number;
    let numRows = 1;
    let numColumns = 1;
    if (typeof args[0] === 'string') {
      const range = this.parseRange(args[0]);
      ({ row, column, numRows, numColumns } = range);
    } else {
      [row, column] = args as [number, number];
      numRows = (args[2] as number | undefined) ?? 1;
      numColumns = (args[3] as number | undefined) ?? 1;
    }
    if (row < 1 || column < 1 || numRows < 1 || numColumns < 1 || row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error(`The coordinates of the range are outside the dimensions of the sheet ${this.name}.`);
    }
    return new FakeRange(this, row, column, numRows, numColumns);
  }
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.log('getRangeList');
    return new FakeRangeList(this, a1Notations.map((a1) => {
      const r = this.parseRange(a1);
      return new FakeRange(this, r.row, r.column, r.numRows, r.numColumns);
    }));
  }
  private parseRange(a1: string): { row: number; column: number; numRows: number; numColumns: number } {
    const [from, to] = a1.split(':');
    const start = parseA1(from);
    const end = to ? parseA1(to) : start;
    if (!start || !end) throw new Error(`Range not found: ${a1}`);
    return { row: start.row + 1, column: start.col + 1, numRows: end.row - start.row + 1, numColumns: end.col - start.col + 1 };
  }
  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.log('setColumnWidth');
    this.columnWidths.set(columnPosition, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.log('setColumnWidths');
    if (startColumn < 1 || numColumns < 1 || startColumn + numColumns - 1 > this.maxColumns) throw new Error('setColumnWidths: columns outside the sheet');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }
  autoResizeRows(startRow: number, numRows: number): FakeSheet {
    this.log('autoResizeRows');
    if (startRow < 1 || numRows < 1 || startRow + numRows - 1 > this.maxRows) throw new Error('autoResizeRows: rows outside the sheet');
    this.autoResized.push({ first: startRow, last: startRow + numRows - 1 });
    return this;
  }
  setFrozenRows(rows: number): void {
    this.log('setFrozenRows');
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.log('getFrozenRows');
    return this.frozenRows;
  }
  hideSheet(): FakeSheet {
    this.log('hideSheet');
    this.hidden = true;
    // Sheets moves the user off a sheet that disappears from view.
    if (this.spreadsheet.activeSheet === this) this.spreadsheet.activeSheet = this.spreadsheet.sheets.find((s) => !s.hidden) ?? null;
    return this;
  }
  isSheetHidden(): boolean {
    this.log('isSheetHidden');
    return this.hidden;
  }
  showSheet(): FakeSheet {
    this.log('showSheet');
    this.hidden = false;
    return this;
  }
  activate(): FakeSheet {
    this.log('activate');
    this.spreadsheet.activeSheet = this;
    return this;
  }
}

const BLANK_CELL: Cell = Object.freeze(blankCell()) as Cell;

export class FakeSpreadsheet implements Mirrors<Spreadsheet> {
  readonly calls = new CallLog();
  readonly sheets: FakeSheet[] = [];
  readonly toasts: string[] = [];
  activeSheet: FakeSheet | null = null;
  activeRange: { sheet: string; a1: string } | null = null;
  /** The spreadsheet's own time zone (File → Settings), which need not be the script's; by default the script's (this process's). */
  timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  private nextId = 1000;

  log(method: string): void {
    this.calls.count(SPREADSHEET_SCOPE, method);
  }

  /** Adds a sheet without counting a call (test setup). */
  addSheet(name: string, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextId++, rows, columns);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  getSheets(): FakeSheet[] {
    this.log('getSheets');
    return [...this.sheets];
  }
  /** Sheets matches names regardless of case. */
  getSheetByName(name: string): FakeSheet | null {
    this.log('getSheetByName');
    return this.sheets.find((s) => s.title.toLowerCase() === name.toLowerCase()) ?? null;
  }
  getSheetById(id: number): FakeSheet | null {
    this.log('getSheetById');
    return this.sheets.find((s) => s.id === id) ?? null;
  }
  getNumSheets(): number {
    this.log('getNumSheets');
    return this.sheets.length;
  }
  insertSheet(name: string, indexOrOptions?: number | { template?: GoogleAppsScript.Spreadsheet.Sheet }): FakeSheet {
    this.log('insertSheet');
    const index = typeof indexOrOptions === 'number' ? indexOrOptions : undefined;
    if (this.sheets.some((s) => s.title.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists.`);
    }
    const sheet = new FakeSheet(this, name, this.nextId++);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.activeSheet = sheet; // Sheets activates a new sheet
    return sheet;
  }
  deleteSheet(real: GoogleAppsScript.Spreadsheet.Sheet): void {
    this.log('deleteSheet');
    const sheet = real as unknown as FakeSheet;
    const at = this.sheets.indexOf(sheet);
    if (at < 0) throw new Error('Sheet not found');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(at, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }
  getActiveSheet(): FakeSheet | null {
    this.log('getActiveSheet');
    return this.activeSheet;
  }
  getSpreadsheetTimeZone(): string {
    this.log('getSpreadsheetTimeZone');
    return this.timeZone;
  }
  toast(msg: string, title?: string): void {
    this.log('toast');
    this.toasts.push(title ? `${title}: ${msg}` : msg);
  }
}

export class FakeMenu implements Mirrors<GoogleAppsScript.Base.Menu> {
  readonly items: ({ caption: string; functionName: string } | 'separator')[] = [];
  constructor(private readonly ui: FakeUi, readonly addon: boolean) {}
  addItem(caption: string, functionName: string): FakeMenu {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this.items.push('separator');
    return this;
  }
  addToUi(): void {
    this.ui.menus.push(this);
  }
}

export class FakeHtmlOutput {
  title = '';
  appended = '';
  constructor(readonly file: string) {}
  setTitle(title: string): FakeHtmlOutput {
    this.title = title;
    return this;
  }
  append(addedContent: string): FakeHtmlOutput {
    this.appended += addedContent;
    return this;
  }
}

export class FakeUi implements Mirrors<GoogleAppsScript.Base.Ui> {
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, true);
  }
  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.sidebars.push(userInterface as unknown as FakeHtmlOutput);
  }
}

/** The SpreadsheetApp global for one spreadsheet. */
export class FakeSpreadsheetApp implements Mirrors<GoogleAppsScript.Spreadsheet.SpreadsheetApp> {
  readonly ui = new FakeUi();
  constructor(readonly spreadsheet: FakeSpreadsheet) {}
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getActive(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getUi(): FakeUi {
    return this.ui;
  }
  newRichTextValue(): FakeRichTextValueBuilder {
    this.spreadsheet.calls.count(SPREADSHEET_SCOPE, 'newRichTextValue');
    return new FakeRichTextValueBuilder(this.spreadsheet.calls);
  }
  newDataValidation(): FakeDataValidationBuilder {
    this.spreadsheet.calls.count(SPREADSHEET_SCOPE, 'newDataValidation');
    return new FakeDataValidationBuilder(this.spreadsheet.calls);
  }
}

/** The other Apps Script globals the bundle touches. */
export function fakeGlobals(app: FakeSpreadsheetApp, locale = 'sv'): Record<string, unknown> {
  const logged: string[] = [];
  return {
    SpreadsheetApp: app,
    HtmlService: { createHtmlOutputFromFile: (file: string) => new FakeHtmlOutput(file) },
    Session: { getActiveUserLocale: () => locale },
    Logger: { log: (...args: unknown[]) => logged.push(args.map(String).join(' ')) },
    Utilities: {},
    console,
  };
}

function isDateFormat(format: string | null | undefined): boolean {
  return !!format && /[dy]/i.test(format) && !/^\[/.test(format);
}

/**
 * A spreadsheet holding the grids as Sheets would: date-formatted numbers become Dates (in the spreadsheet's time
 * zone), fills lower-case hex, blank cells '', formulas, notes and merges. Each sheet is at least 1000 × 26, like a
 * new Sheets tab.
 */
export function spreadsheetFromGrids(grids: WorkbookGrids, options: { timeZone?: string } = {}): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet();
  if (options.timeZone) spreadsheet.timeZone = options.timeZone;
  const timeZone = spreadsheet.timeZone;
  for (const grid of grids.sheets) {
    const width = grid.values.reduce((w, row) => Math.max(w, row.length), 0);
    const sheet = spreadsheet.addSheet(grid.name, Math.max(DEFAULT_ROWS, grid.values.length), Math.max(DEFAULT_COLUMNS, width));
    grid.values.forEach((row, r) => {
      row.forEach((value: CellValue, c) => {
        const format = grid.formats?.[r]?.[c] ?? null;
        const fill = grid.fills?.[r]?.[c] ?? null;
        if (value === null && !format && !fill) return;
        const cell = sheet.cell(r, c);
        // A date-formatted number beyond what a JavaScript Date holds (±100 million days) stays a number, as Sheets hands it out.
        if (value !== null) cell.value = typeof value === 'number' && isDateFormat(format) && Math.abs(value) < 1e8 ? serialToDate(value, timeZone) : value;
        if (format) cell.format = format;
        cell.background = normaliseColour(fill);
      });
    });
    grid.formulas?.forEach((row, r) => row?.forEach((formula, c) => formula && (sheet.cell(r, c).formula = formula)));
    grid.notes?.forEach((row, r) => row?.forEach((note, c) => note && (sheet.cell(r, c).note = note)));
    for (const m of grid.merges ?? []) sheet.merges.push({ row: m.top + 1, column: m.left + 1, numRows: m.bottom - m.top + 1, numColumns: m.right - m.left + 1 });
  }
  return spreadsheet;
}

/** The whole visible state of a spreadsheet as plain data (sheet ids left out: Sheets gives a re-created sheet a new one). */
export function snapshot(spreadsheet: FakeSpreadsheet): unknown {
  const sheets = spreadsheet.sheets.map((sheet) => ({
    name: sheet.title,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    size: [sheet.maxRows, sheet.maxColumns],
    columnWidths: [...sheet.columnWidths.entries()].sort(([a], [b]) => a - b),
    validations: sheet.validations.map((v) => ({ ...v, rule: v.rule && { list: v.rule.list, allowInvalid: v.rule.allowInvalid } })),
    cells: sheet.rows.map((line) =>
      (line ?? []).map((cell) => cell && { ...cell, value: cell.value instanceof Date ? cell.value.toISOString() : cell.value }),
    ),
  }));
  return { active: spreadsheet.activeSheet?.title ?? null, sheets };
}

/** Fills of every cell in a sheet's first `rows` × `columns` as Sheets reports them. */
export function fillsOf(sheet: FakeSheet, rows: number, columns: number): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: string[] = [];
    for (let c = 0; c < columns; c++) line.push(sheet.peek(r, c).background ?? WHITE);
    out.push(line);
  }
  return out;
}
