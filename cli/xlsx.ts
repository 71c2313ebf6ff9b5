// The exceljs adapter of the CLI: reads a workbook into core's grids and applies core's write plan to it.
import type * as ExcelJS from 'exceljs';
import { columnLetters } from '../core/common/a1';
import { needsTextGuard } from '../core/write/plan';
import type { Block, CellValue, FillChange, Link, NewSheet, SheetGrid, WorkbookGrids, WritePlan } from '../core/types';

// exceljs' ValueType enum is a `const enum` in its typings; its numbers, spelled out so this file needs no runtime import.
const TYPE_MERGE = 1;
const TYPE_DATE = 4;
const TYPE_HYPERLINK = 5;
const TYPE_FORMULA = 6;
const TYPE_RICH_TEXT = 8;
const TYPE_ERROR = 10;

const DAY_MS = 86400000;
/** Excel's day 0 in the 1900 system as Excel counts from March 1900 on (it includes the fictitious 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
/** A text cell format: Excel keeps what a person types there as text, so a guarded string stays text when edited. */
const TEXT_FORMAT = '@';
/** Excel's theme colour for hyperlinks. */
const LINK_COLOR = '#0563C1';

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Every worksheet of the workbook, in tab order, as core's grids (values, number formats, fill tokens). */
export function readGrids(workbook: ExcelJS.Workbook): WorkbookGrids {
  const fillTokens = new Map<object, string>();
  return { sheets: workbook.worksheets.map((worksheet) => readSheet(worksheet, fillTokens)) };
}

/**
 * exceljs' own storage of rows and cells. Its `eachRow`/`eachCell` either skip styled empty cells (whose fills
 * matter: a highlight to restore, a coloured blank) or create a cell for every gap; reading must change nothing.
 */
interface RowStore {
  _rows?: (ExcelJS.Row | undefined)[];
}
interface CellStore {
  _cells?: (ExcelJS.Cell | undefined)[];
}

function rowsOf(worksheet: ExcelJS.Worksheet): (ExcelJS.Row | undefined)[] {
  const stored = (worksheet as unknown as RowStore)._rows;
  if (Array.isArray(stored)) return stored;
  const rows: ExcelJS.Row[] = []; // another exceljs layout: the public API, which sees only rows with values
  worksheet.eachRow((row) => rows.push(row));
  return rows;
}

function cellsOf(row: ExcelJS.Row): (ExcelJS.Cell | undefined)[] {
  const stored = (row as unknown as CellStore)._cells;
  if (Array.isArray(stored)) return stored;
  const cells: ExcelJS.Cell[] = [];
  row.eachCell((cell) => cells.push(cell));
  return cells;
}

function readSheet(worksheet: ExcelJS.Worksheet, fillTokens: Map<object, string>): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const fills: (string | null)[][] = [];
  let lastUsedRow = -1;
  for (const row of rowsOf(worksheet)) {
    if (!row) continue;
    const r = row.number - 1;
    const rowValues: CellValue[] = [];
    const rowFormats: (string | null)[] = [];
    const rowFills: (string | null)[] = [];
    let lastUsedCol = -1;
    for (const cell of cellsOf(row)) {
      if (!cell) continue;
      const c = Number(cell.col) - 1; // typed as string, a column number at run time
      const value = cellValue(cell);
      const fill = fillToken(cell.fill, fillTokens);
      rowValues[c] = value;
      rowFormats[c] = value !== null && (cell.type as number) === TYPE_DATE ? cell.numFmt || DEFAULT_DATE_FORMAT : cell.numFmt || null;
      rowFills[c] = fill;
      if (value !== null || fill !== null) lastUsedCol = c;
    }
    if (lastUsedCol < 0) continue; // styled but empty: nothing core needs
    values[r] = fillHoles(rowValues, lastUsedCol + 1, null);
    formats[r] = fillHoles(rowFormats, lastUsedCol + 1, null);
    fills[r] = fillHoles(rowFills, lastUsedCol + 1, null);
    lastUsedRow = r;
  }
  const rows = lastUsedRow + 1;
  return {
    name: worksheet.name,
    values: fillHoles(values, rows, [] as CellValue[]),
    formats: fillHoles(formats, rows, [] as (string | null)[]),
    fills: fillHoles(fills, rows, [] as (string | null)[]),
  };
}

/** Cuts an array to `length` and replaces its holes with `blank` (a fresh array per hole when blank is one). */
function fillHoles<T>(items: T[], length: number, blank: T): T[] {
  items.length = length;
  for (let i = 0; i < length; i++) {
    if (items[i] === undefined) items[i] = Array.isArray(blank) ? ([] as unknown as T) : blank;
  }
  return items;
}

/** A cell's value as core sees it; merged cells other than the range's master are blank. */
function cellValue(cell: ExcelJS.Cell): CellValue {
  switch (cell.type as number) {
    case TYPE_MERGE:
      return null;
    case TYPE_FORMULA:
      return plainValue(cell.result);
    case TYPE_HYPERLINK:
      return plainValue((cell.value as ExcelJS.CellHyperlinkValue).text);
    case TYPE_RICH_TEXT:
    case TYPE_ERROR:
    case TYPE_DATE:
    default:
      return plainValue(cell.value);
  }
}

/** Numbers, strings and booleans as they are; rich text as its text; errors as their text; dates as Excel serials. */
function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'object') {
    const object = value as { richText?: { text: string }[]; error?: string; text?: unknown; result?: unknown };
    if (Array.isArray(object.richText)) return plainValue(object.richText.map((run) => run.text ?? '').join(''));
    if (typeof object.error === 'string') return object.error;
    if ('text' in object) return plainValue(object.text);
    if ('result' in object) return plainValue(object.result);
  }
  return null;
}

/** Excel serial (1900 system) of a date: days since 1899-12-30, one less before 1900-03-01 (Excel's fictitious 1900-02-29). */
export function dateToSerial(date: Date): number | null {
  const time = date.getTime();
  if (!Number.isFinite(time)) return null;
  const serial = (time - EXCEL_EPOCH_MS) / DAY_MS;
  return serial < 61 ? serial - 1 : serial;
}

/**
 * The fill token of a cell: the fill object as JSON (cached per shared style object), null when the cell has none.
 * A `none` pattern is Excel's "no fill" (every styled cell without a fill carries it), so it is null too.
 */
function fillToken(fill: ExcelJS.Fill | undefined, cache: Map<object, string>): string | null {
  if (!fill || (fill.type === 'pattern' && fill.pattern === 'none')) return null;
  let token = cache.get(fill);
  if (token === undefined) {
    token = JSON.stringify(fill);
    cache.set(fill, token);
  }
  return token;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** Applies a write plan: sheets to delete, output blocks, fills of input cells, whole new sheets. */
export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const name of plan.deleteSheets) removeSheet(workbook, name);
  const fillCache = new Map<string, ExcelJS.Fill | null>();
  for (const block of plan.blocks) writeBlock(workbook, block, fillCache);
  for (const change of plan.fills) applyFillChange(workbook, change, fillCache);
  for (const sheet of plan.sheets) writeNewSheet(workbook, sheet, fillCache);
}

/** Excel sheet names are unique regardless of case; so is the lookup. */
function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const wanted = name.toLowerCase();
  return workbook.worksheets.find((worksheet) => worksheet.name.toLowerCase() === wanted);
}

/** exceljs orders tabs by `worksheet.orderNo`, which its typings leave out. */
interface Ordered {
  orderNo: number;
}

/** Removes a sheet if present; returns its tab position so a replacement can take it. */
function removeSheet(workbook: ExcelJS.Workbook, name: string): number | null {
  const worksheet = findSheet(workbook, name);
  if (!worksheet) return null;
  const orderNo = (worksheet as unknown as Ordered).orderNo;
  workbook.removeWorksheet(worksheet.id);
  return orderNo;
}

function writeBlock(workbook: ExcelJS.Workbook, block: Block, fillCache: Map<string, ExcelJS.Fill | null>): void {
  const worksheet = findSheet(workbook, block.sheet);
  if (!worksheet) return; // the plan only writes beside tables core found; a vanished sheet has nothing to receive it
  block.values.forEach((rowValues, i) => {
    const row = worksheet.getRow(block.row + i + 1);
    rowValues.forEach((value, j) => {
      const cell = row.getCell(block.col + j + 1);
      if ((cell.type as number) === TYPE_MERGE) return; // writing here would overwrite the merged range's master, an input cell
      const format = block.numberFormats?.[i]?.[j] ?? null;
      writeCell(cell, value, format);
      if (block.fills) setFill(cell, resolveFill(block.fills[i]?.[j] ?? null, fillCache));
      if (block.fontColors || block.bold) {
        setFont(cell, block.fontColors ? block.fontColors[i]?.[j] ?? null : undefined, block.bold?.[i]?.[j]);
      }
    });
  });
}

/** Writes a value as a literal; a format of null leaves the cell's format alone. */
function writeCell(cell: ExcelJS.Cell, value: CellValue, format: string | null): void {
  const literal = literalValue(value);
  cell.value = literal;
  if (format !== null) setStyle(cell, { numFmt: format });
  else if (typeof literal === 'string' && needsTextGuard(literal)) setStyle(cell, { numFmt: TEXT_FORMAT });
}

/**
 * The value exceljs gets. exceljs stores every JS string as a (shared) string cell and only an object with
 * `formula` as a formula, so text such as `=SUM(A1)` or `+/- 1 %` stays text; non-finite numbers become blank.
 */
function literalValue(value: CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  return String(value);
}

function applyFillChange(workbook: ExcelJS.Workbook, change: FillChange, fillCache: Map<string, ExcelJS.Fill | null>): void {
  const worksheet = findSheet(workbook, change.sheet);
  if (!worksheet) return;
  const fill = resolveFill(change.fill, fillCache);
  for (const address of change.cells) {
    let cell: ExcelJS.Cell;
    try {
      cell = worksheet.getCell(address);
    } catch {
      continue; // not an A1 address: nothing to colour
    }
    setFill(cell, fill);
  }
}

/** A fill token as an exceljs fill: `#RRGGBB` → a solid fill, a JSON token → the recorded fill object, null → none. */
function resolveFill(token: string | null, cache: Map<string, ExcelJS.Fill | null>): ExcelJS.Fill | null {
  if (token === null || token === '') return null;
  let fill = cache.get(token);
  if (fill === undefined) {
    fill = parseFillToken(token);
    cache.set(token, fill);
  }
  return fill;
}

function parseFillToken(token: string): ExcelJS.Fill | null {
  const argb = colorArgb(token);
  if (argb) return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
  try {
    const parsed = JSON.parse(token) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as ExcelJS.Fill) : null;
  } catch {
    return null; // an unreadable token (edited by hand in _malkoll): no fill is the honest restore
  }
}

/** `#RRGGBB` → exceljs' `FFRRGGBB`; null for anything else. */
function colorArgb(color: string): string | null {
  const m = /^#([0-9a-fA-F]{6})$/.exec(color.trim());
  return m ? `FF${m[1].toUpperCase()}` : null;
}

/**
 * Changes a cell's style through a fresh style object: exceljs shares one style object between every cell
 * loaded with the same style, so assigning `cell.fill` directly would recolour all of them.
 */
function setStyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>, remove?: keyof ExcelJS.Style): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style, ...patch };
  if (remove) delete style[remove];
  cell.style = style as ExcelJS.Style;
}

function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | null): void {
  if (fill) setStyle(cell, { fill });
  else if (cell.style && cell.style.fill) setStyle(cell, {}, 'fill');
}

/** Sets font colour (null = automatic, undefined = leave) and bold (undefined = leave), keeping the font's other properties. */
function setFont(cell: ExcelJS.Cell, color: string | null | undefined, bold: boolean | undefined): void {
  const font: Partial<ExcelJS.Font> = { ...(cell.font ?? {}) };
  if (color !== undefined) {
    const argb = color === null ? null : colorArgb(color);
    if (argb) font.color = { argb };
    else delete font.color;
  }
  if (bold !== undefined) {
    if (bold) font.bold = true;
    else delete font.bold;
  }
  setStyle(cell, { font: font as ExcelJS.Font });
}

// exceljs keeps data validations on `worksheet.dataValidations`, which its typings leave out.
interface WithDataValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function writeNewSheet(workbook: ExcelJS.Workbook, sheet: NewSheet, fillCache: Map<string, ExcelJS.Fill | null>): void {
  let orderNo: number | null = null;
  if (sheet.mode === 'replace') orderNo = removeSheet(workbook, sheet.name);
  else if (findSheet(workbook, sheet.name)) return;
  const worksheet = workbook.addWorksheet(sheet.name);
  if (orderNo !== null) (worksheet as unknown as Ordered).orderNo = orderNo; // a replaced sheet keeps its tab position
  if (sheet.hidden) worksheet.state = 'hidden';
  sheet.values.forEach((rowValues, i) => {
    const row = worksheet.getRow(i + 1);
    rowValues.forEach((value, j) => {
      const format = sheet.numberFormats?.[i]?.[j] ?? null;
      const fill = sheet.fills?.[i]?.[j] ?? null;
      const fontColor = sheet.fontColors?.[i]?.[j] ?? null;
      const bold = sheet.bold?.[i]?.[j] ?? false;
      if (value === null && format === null && fill === null && fontColor === null && !bold) return;
      const cell = row.getCell(j + 1);
      writeCell(cell, value, format);
      if (fill !== null) setFill(cell, resolveFill(fill, fillCache));
      if (fontColor !== null || bold) setFont(cell, fontColor, bold || undefined);
    });
  });
  sheet.columnWidths?.forEach((width, j) => {
    if (width > 0) worksheet.getColumn(j + 1).width = width;
  });
  for (const link of sheet.links ?? []) writeLink(worksheet, link);
  const validations = (worksheet as unknown as WithDataValidations).dataValidations;
  for (const v of sheet.validations ?? []) {
    const range = `${columnLetters(v.col)}${v.firstRow + 1}:${columnLetters(v.col)}${v.lastRow + 1}`;
    validations.add(range, { type: 'list', allowBlank: true, formulae: [listFormula(v.list)] });
  }
  if (sheet.frozenRows && sheet.frozenRows > 0) {
    worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows, topLeftCell: `A${sheet.frozenRows + 1}` }];
  }
  if (sheet.hidden) keepActiveTabVisible(workbook);
}

/** An in-workbook link, written as a hyperlink value (never a HYPERLINK formula). */
function writeLink(worksheet: ExcelJS.Worksheet, link: Link): void {
  const cell = worksheet.getRow(link.row + 1).getCell(link.col + 1);
  const sheetName = link.targetSheet.replace(/'/g, "''");
  cell.value = { text: link.text, hyperlink: `#'${sheetName}'!${link.targetCell}` };
  setFont(cell, LINK_COLOR, undefined);
  setStyle(cell, { font: { ...cell.font, underline: true } });
}

/** A data-validation list as Excel's inline list formula: `"a,b,c"` (quotes inside doubled). */
function listFormula(items: string[]): string {
  return `"${items.map((item) => item.replace(/"/g, '""').replace(/,/g, ' ')).join(',')}"`;
}

/** Excel refuses to open a workbook whose active tab is hidden; point it at the first visible sheet instead. */
function keepActiveTabVisible(workbook: ExcelJS.Workbook): void {
  const visible = workbook.worksheets.filter((worksheet) => worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden');
  const views = workbook.views ?? [];
  const active = views[0]?.activeTab ?? 0;
  const sheets = workbook.worksheets;
  if (sheets[active] && sheets[active].state === 'visible') return;
  const firstVisible = visible.length ? sheets.indexOf(visible[0]) : 0;
  if (views.length) views[0].activeTab = firstVisible;
}
