// Office.js adapter: reads the open workbook into core grids (one sync to list sheets, one for all data), applies a core WritePlan in one sync, and runs the task pane's commands.
import { a1, columnLetters } from '../core/common/a1';
import { check } from '../core/check';
import { clearPlan } from '../core/write/plan';
import { templatePlan } from '../core/write/template';
import type { Block, CellValue, Lang, NewSheet, Report, SheetGrid, WorkbookGrids, WritePlan } from '../core/types';

/** Excel reports "no fill" as white; both mean null (no fill) to the core. */
const NO_FILL = '#FFFFFF';
/** Excel refuses longer address strings in `getRanges` (about 255 characters), so scattered cells go in chunks. */
const MAX_ADDRESS_CHARS = 250;
/** Excel's column width is in points: a character of the default font is about 7 px wide plus 5 px padding, 0.75 pt per px. */
const POINTS_PER_CHAR = 7 * 0.75;
const COLUMN_PADDING_POINTS = 5 * 0.75;

type ExcelValue = string | number | boolean;

/** Lists the workbook's sheet names (one sync). */
export async function listSheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return sheets.items.map((sheet) => sheet.name);
}

/**
 * Reads every sheet as a grid from A1 to the end of its used range: values, number formats and fills.
 * One sync lists the sheets, one sync reads all their data, whatever the workbook's size.
 */
export async function readWorkbookGrids(context: Excel.RequestContext): Promise<WorkbookGrids> {
  const names = await listSheetNames(context);
  const reads = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    // From A1, so that grid coordinates are sheet coordinates; a blank sheet's used range is A1.
    const range = sheet.getRange('A1').getBoundingRect(sheet.getUsedRange());
    range.load('values,numberFormat');
    const fills = range.getCellProperties({ format: { fill: { color: true } } });
    return { name, range, fills };
  });
  await context.sync();
  return { sheets: reads.map(({ name, range, fills }) => toGrid(name, range.values, range.numberFormat, fills.value)) };
}

function toGrid(name: string, values: unknown[][], formats: unknown[][], properties: Excel.CellProperties[][]): SheetGrid {
  return {
    name,
    values: values.map((row) => row.map(toCellValue)),
    formats: formats.map((row) => row.map((format) => (typeof format === 'string' && format !== '' ? format : null))),
    fills: properties.map((row) => row.map(toFill)),
  };
}

function toCellValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

function toFill(properties: Excel.CellProperties | undefined): string | null {
  const color = properties?.format?.fill?.color;
  if (!color) return null;
  const upper = color.toUpperCase();
  return upper === NO_FILL ? null : upper;
}

/**
 * A plan value as Excel must receive it. Excel parses written strings as if typed ("1.1" becomes a number or a
 * date, "=…" a formula, "+/- 1 %" a formula), so every non-empty string gets the quote prefix that makes it
 * literal text; this covers core's `needsTextGuard` and every other coercion. Blank is "" (null would leave the
 * old value in place).
 */
export function excelValue(value: CellValue): ExcelValue {
  if (value === null) return '';
  if (typeof value === 'string') return value === '' ? '' : `'${value}`;
  return value;
}

/** A1 address of a rectangle: "C5" or "C5:C9". */
function rectAddress(row: number, col: number, rowCount: number, colCount: number): string {
  const start = a1(row, col);
  return rowCount === 1 && colCount === 1 ? start : `${start}:${a1(row + rowCount - 1, col + colCount - 1)}`;
}

/**
 * Groups a matrix's cells by value into contiguous vertical runs (one address per run), so that a
 * status column of 10 000 rows costs a few range proxies, not 10 000. `skip` drops values not to write.
 */
export function runsByValue<T>(matrix: T[][], top: number, left: number, skip: (value: T) => boolean): Map<T, string[]> {
  const runs = new Map<T, string[]>();
  const width = matrix.reduce((max, row) => Math.max(max, row.length), 0);
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < matrix.length) {
      const value = matrix[r][c];
      let end = r + 1;
      while (end < matrix.length && c < matrix[end].length && matrix[end][c] === value) end++;
      if (c < matrix[r].length && !skip(value)) {
        const list = runs.get(value) ?? [];
        list.push(rectAddress(top + r, left + c, end - r, 1));
        runs.set(value, list);
      }
      r = end;
    }
  }
  return runs;
}

/** Splits addresses into comma-joined chunks that `getRanges` accepts. */
export function chunkAddresses(addresses: string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > MAX_ADDRESS_CHARS) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Applies `apply` to every chunk of addresses as one RangeAreas. */
function forEachArea(sheet: Excel.Worksheet, addresses: string[], apply: (areas: Excel.RangeAreas) => void): void {
  for (const chunk of chunkAddresses(addresses)) apply(sheet.getRanges(chunk));
}

function setFill(areas: Excel.RangeAreas, fill: string | null): void {
  if (fill === null) areas.format.fill.clear();
  else areas.format.fill.color = fill;
}

/**
 * Values as Excel must receive them, padded to a rows × cols rectangle. Cells past the end of a ragged
 * row are null, which Excel leaves unchanged: the plan did not mention them.
 */
function excelMatrix(values: CellValue[][], rows: number, cols: number): (ExcelValue | null)[][] {
  const out: (ExcelValue | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const source = values[r] ?? [];
    const row: (ExcelValue | null)[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = c < source.length ? excelValue(source[c] ?? null) : null;
    out.push(row);
  }
  return out;
}

/** Number formats padded to a rows × cols rectangle with null, which Excel leaves unchanged. */
function formatMatrix(formats: (string | null)[][], rows: number, cols: number): (string | null)[][] {
  const out: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    const source = formats[r] ?? [];
    const row: (string | null)[] = new Array(cols);
    for (let c = 0; c < cols; c++) row[c] = source[c] ?? null;
    out.push(row);
  }
  return out;
}

interface CellStyles {
  numberFormats?: (string | null)[][];
  fills?: (string | null)[][];
  fontColors?: (string | null)[][];
  bold?: boolean[][];
}

/**
 * Writes values and styles of a rectangle at (top, left). In a fresh sheet, null fills and fonts are the
 * default already and are skipped; in an existing sheet they reset the cell (no fill, automatic font).
 */
function writeRectangle(sheet: Excel.Worksheet, top: number, left: number, values: CellValue[][], styles: CellStyles, fresh: boolean): void {
  const rows = values.length;
  const cols = values.reduce((max, row) => Math.max(max, row.length), 0);
  if (rows === 0 || cols === 0) return;
  const range = sheet.getRangeByIndexes(top, left, rows, cols);
  const formats = styles.numberFormats;
  // Number formats first, so that a value lands in its final format; null leaves a cell's format as is.
  if (formats && formats.some((row) => row.some((format) => format !== null && format !== undefined))) {
    // Office.js ignores null entries in a 2-D array, which is exactly "leave as is" (its typings omit null).
    range.numberFormat = formatMatrix(formats, rows, cols) as string[][];
  }
  range.values = excelMatrix(values, rows, cols);
  if (styles.fills) {
    for (const [fill, addresses] of runsByValue(styles.fills, top, left, (fill) => fresh && fill === null)) {
      forEachArea(sheet, addresses, (areas) => setFill(areas, fill));
    }
  }
  if (styles.fontColors) {
    for (const [color, addresses] of runsByValue(styles.fontColors, top, left, (color) => fresh && color === null)) {
      // Office.js has no "automatic" font colour; black is what automatic shows on a white cell.
      forEachArea(sheet, addresses, (areas) => (areas.format.font.color = color ?? '#000000'));
    }
  }
  if (styles.bold) {
    for (const [bold, addresses] of runsByValue(styles.bold, top, left, (bold) => fresh && !bold)) {
      forEachArea(sheet, addresses, (areas) => (areas.format.font.bold = bold));
    }
  }
}

function writeBlock(context: Excel.RequestContext, block: Block): void {
  const sheet = context.workbook.worksheets.getItem(block.sheet);
  writeRectangle(sheet, block.row, block.col, block.values, block, false);
}

/** A sheet name as it must appear in a reference: quoted, with quotes doubled. */
export function sheetReference(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Sheet names are case-insensitive in Excel. */
function nameKey(name: string): string {
  return name.toLocaleLowerCase('sv');
}

/**
 * Writes a new sheet. A replaced sheet is renamed out of the way first and deleted after the new one
 * exists, so that replacing a workbook's only visible sheet works too.
 */
function writeNewSheet(context: Excel.RequestContext, plan: NewSheet, existing: Map<string, string>, index: number): (() => void) | null {
  const worksheets = context.workbook.worksheets;
  const current = existing.get(nameKey(plan.name));
  if (current !== undefined && plan.mode === 'createIfMissing') return null;
  let deleteOld: (() => void) | null = null;
  if (current !== undefined) {
    const old = worksheets.getItem(current);
    old.name = `~malkoll-old-${index}`;
    deleteOld = () => old.delete();
  }
  const sheet = worksheets.add(plan.name);
  writeRectangle(sheet, 0, 0, plan.values, plan, true);
  for (const link of plan.links ?? []) {
    sheet.getRangeByIndexes(link.row, link.col, 1, 1).hyperlink = {
      documentReference: `${sheetReference(link.targetSheet)}!${link.targetCell}`,
      textToDisplay: link.text,
      screenTip: `${link.targetSheet}!${link.targetCell}`,
    };
  }
  for (const validation of plan.validations ?? []) {
    const rowCount = validation.lastRow - validation.firstRow + 1;
    if (rowCount <= 0 || validation.list.length === 0) continue;
    // The list source is comma-separated whatever the locale (Office.js does not use the list separator).
    sheet.getRangeByIndexes(validation.firstRow, validation.col, rowCount, 1).dataValidation.rule = {
      list: { inCellDropDown: true, source: validation.list.join(',') },
    };
  }
  (plan.columnWidths ?? []).forEach((chars, col) => {
    if (chars > 0) sheet.getRange(`${columnLetters(col)}:${columnLetters(col)}`).format.columnWidth = chars * POINTS_PER_CHAR + COLUMN_PADDING_POINTS;
  });
  if (plan.frozenRows && plan.frozenRows > 0) sheet.freezePanes.freezeRows(plan.frozenRows);
  if (plan.hidden) sheet.visibility = 'Hidden';
  return deleteOld;
}

/**
 * Queues the whole plan and syncs once: blocks in existing sheets, scattered fills, new sheets, deletions.
 * `sheetNames` are the workbook's sheets as read before the plan was made.
 */
export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, sheetNames: string[]): Promise<void> {
  const existing = new Map(sheetNames.map((name) => [nameKey(name), name]));
  for (const block of plan.blocks) writeBlock(context, block);
  for (const change of plan.fills) {
    if (change.cells.length === 0) continue;
    const sheet = context.workbook.worksheets.getItem(change.sheet);
    forEachArea(sheet, change.cells, (areas) => setFill(areas, change.fill));
  }
  const deletions: (() => void)[] = [];
  plan.sheets.forEach((sheet, index) => {
    const deleteOld = writeNewSheet(context, sheet, existing, index);
    if (deleteOld) deletions.push(deleteOld);
  });
  for (const deleteOld of deletions) deleteOld();
  const replaced = new Set(plan.sheets.map((sheet) => nameKey(sheet.name)));
  for (const name of plan.deleteSheets) {
    const current = existing.get(nameKey(name));
    if (current !== undefined && !replaced.has(nameKey(name))) context.workbook.worksheets.getItem(current).delete();
  }
  await context.sync();
}

/** Shows a cell: activates its sheet and selects it. */
export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}

/**
 * Kontrollera: read, check, write statuses, highlights and the output sheets. Three syncs in all.
 * `lang` overrides the workbook's Språk setting; without it the workbook decides, as in the CLI.
 */
export async function runCheck(context: Excel.RequestContext, lang?: Lang): Promise<Report> {
  const grids = await readWorkbookGrids(context);
  const { report, plan } = check(grids, lang ? { lang } : {});
  await applyPlan(context, plan, grids.sheets.map((sheet) => sheet.name));
  return report;
}

/** Skapa mall: creates the template sheets that are missing. Two syncs. */
export async function runTemplate(context: Excel.RequestContext, lang: Lang): Promise<WritePlan> {
  const names = await listSheetNames(context);
  const plan = templatePlan(names, lang);
  await applyPlan(context, plan, names);
  return plan;
}

/** Rensa markeringar: restores every highlighted cell's recorded fill and removes the record. Three syncs. */
export async function runClear(context: Excel.RequestContext): Promise<WritePlan> {
  const grids = await readWorkbookGrids(context);
  const plan = clearPlan(grids);
  await applyPlan(context, plan, grids.sheets.map((sheet) => sheet.name));
  return plan;
}
