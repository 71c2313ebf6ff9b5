// Office.js adapter: reads the open workbook into core grids and applies core write plans in row bands sized by bytes (Excel on the web refuses a request or a response over 5 MB), and runs the task pane's commands.
import { a1, columnLetters, parseA1 } from '../core/common/a1';
import { check } from '../core/check';
import { clearPlan, isHighlightFill } from '../core/write/plan';
import { templatePlan } from '../core/write/template';
import type { CellValue, FillChange, HorizontalAlign, Lang, MergedArea, NewSheet, PrintSetup, Report, SheetGrid, WorkbookGrids, WritePlan } from '../core/types';

/** Excel reports "no fill" as white; both mean null (no fill) to the core. */
const NO_FILL = '#FFFFFF';
/** Excel refuses longer address strings in `getRanges` (about 255 characters), so scattered cells go in chunks. */
const MAX_ADDRESS_CHARS = 250;
/** Excel's column width is in points: a character of the default font is about 7 px wide plus 5 px padding, 0.75 pt per px. */
const POINTS_PER_CHAR = 7 * 0.75;
const COLUMN_PADDING_POINTS = 5 * 0.75;
/**
 * Bytes one sync may send or receive. Excel on the web refuses more than 5 MB either way; the estimates below are JSON
 * sizes of the values and properties, so a margin stays for what they leave out.
 */
export const PAYLOAD_BUDGET_BYTES = 4_000_000;
/** What one queued action or object path costs in Excel's JSON request, its arguments aside (an over-estimate). */
const ACTION_BYTES = 150;
/** What one loaded object costs in the response, its properties aside. */
const RESULT_BYTES = 60;
/**
 * Rows read on speculation with the used ranges, shared by all sheets and at most MAX_WINDOW_ROWS each: a workbook
 * of about a thousand rows per sheet is read in that one sync; the rest of a larger sheet follows in bands.
 */
const WINDOW_ROWS = 9000;
const MAX_WINDOW_ROWS = 1200;
const MIN_WINDOW_ROWS = 200;
/** Bytes per cell assumed for values, number format and formula together before any row of the sheet was seen. */
const GUESS_CELL_BYTES = 60;
/**
 * Share of the budget a read band is sized to: the estimate is the average of rows already read, and rows further down
 * may be longer. With 25 % kept free, the rows of a sync may average a third more than those measured before the
 * response passes PAYLOAD_BUDGET_BYTES (and three quarters more before Excel refuses it at 5 MB).
 */
const READ_BAND_SHARE = 0.75;
/**
 * Fewest rows a sheet's read band gets when it joins a sync after another sheet's band (unless the rest of the sheet
 * is shorter): a band of a row or two is no sample to size the sheet's next band by, and not worth its proxy.
 */
const MIN_SHARED_BAND_ROWS = 100;
/** Fill of one cell in a getCellProperties response: `{"format":{"fill":{"color":"#FFFFFF"}}}` and a comma. */
const FILL_CELL_BYTES = 45;
/** Cells of one getCellProperties read, so that its response stays within the budget. */
const MAX_FILL_CELLS = Math.floor((PAYLOAD_BUDGET_BYTES - RESULT_BYTES) / FILL_CELL_BYTES);
/** Excel's last column index (XFD). */
const LAST_COL = 16383;

type ExcelValue = string | number | boolean;

/** A phase of a command and how far it is, in syncs (bands): the task pane shows it. */
export interface Progress {
  phase: 'read' | 'write';
  /** Syncs done in this phase, and the number expected (it can grow when a band has to be split). */
  done: number;
  total: number;
}
export type ProgressListener = (progress: Progress) => void;

/** A sheet as listed: its name and Excel's stable id (absent for a sheet added by this command). */
export interface SheetInfo {
  name: string;
  id?: string;
  visibility?: string;
}

/** UTF-8 size of a value's JSON, as Excel serialises requests and responses. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff ? 2 : 1;
  }
  return bytes;
}

/** True when the host refused a sync for its size (RichApi.Error, payload size limit). */
export function isPayloadLimitError(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = String((error as { message?: unknown })?.message ?? '');
  return /PayloadSizeLimitExceeded/i.test(code) || /payload size/i.test(message);
}

/** Whether the host supports an ExcelApi requirement set; without Office.js (tests, the browser stub) every set counts as supported. */
function supportsExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(name: string, version: string): boolean } } } }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported('ExcelApi', version) : true;
}

/**
 * Queues actions and syncs whenever the next one would take the sync's request or response past the budget, so that
 * the number of syncs grows with the bytes moved, never with rows one by one.
 */
class Batcher {
  private request = 0;
  private response = 0;
  private queued = 0;
  syncs = 0;

  constructor(private readonly context: Excel.RequestContext, private readonly onSync?: () => void, private readonly budget = PAYLOAD_BUDGET_BYTES) {}

  /** Makes room for an action sending `request` and receiving `response` bytes: syncs first when they would not fit. */
  async room(request: number, response = 0): Promise<void> {
    const fits = this.request + request + ACTION_BYTES <= this.budget && this.response + response <= this.budget;
    if (!fits && this.queued > 0) await this.flush();
    this.request += request + ACTION_BYTES;
    this.response += response;
    this.queued++;
  }

  async flush(): Promise<void> {
    if (this.queued === 0) return;
    this.request = 0;
    this.response = 0;
    this.queued = 0;
    await this.context.sync();
    this.syncs++;
    this.onSync?.();
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/** Lists the workbook's sheets with their ids (one sync). */
export async function listSheets(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  await context.sync();
  return sheets.items.map((sheet) => ({ name: sheet.name, id: sheet.id, visibility: sheet.visibility }));
}

/** Lists the workbook's sheet names (one sync). */
export async function listSheetNames(context: Excel.RequestContext): Promise<string[]> {
  return (await listSheets(context)).map((sheet) => sheet.name);
}

/** The grids and the sheet list they were read from. */
export interface WorkbookRead {
  grids: WorkbookGrids;
  sheets: SheetInfo[];
}

/** One sheet being read: its used range of values and the rows read so far. */
interface SheetRead {
  info: SheetInfo;
  sheet: Excel.Worksheet;
  /** Used range of values (0-based, inclusive bottom/right); null for a blank sheet. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  blank: boolean;
  values: CellValue[][];
  formats: (string | null)[][];
  formulas: (string | null)[][] | null;
  /** Rows from 0 up to this one are read. */
  readTo: number;
  /** Estimated response bytes per row of the next band (values, number formats and formulas). */
  bytesPerRow: number;
  /** Response bytes and rows of everything read so far (window and bands): the sample the estimate is drawn from. */
  measuredBytes: number;
  measuredRows: number;
  merges: MergedArea[];
  notes: Map<number, Map<number, string>>;
}

/** Cells holding a note or comment, as core wants them: by row and column. */
function notesMatrix(notes: Map<number, Map<number, string>>): (string | null)[][] | undefined {
  if (notes.size === 0) return undefined;
  const rows: (string | null)[][] = [];
  for (const [row, cols] of notes) {
    while (rows.length <= row) rows.push([]);
    for (const [col, text] of cols) {
      while (rows[row].length < col) rows[row].push(null);
      rows[row][col] = text;
    }
  }
  return rows;
}

/** "'Blad 1'!B3:C4" → sheet name and rectangle. */
export function splitAddress(address: string): { sheet: string; area: MergedArea } | null {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return null;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const [from, to] = address.slice(bang + 1).replace(/\$/g, '').split(':');
  const start = parseA1(from);
  const end = to ? parseA1(to) : start;
  if (!start || !end) return null;
  return { sheet, area: { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) } };
}

function toCellValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Stores a band of loaded rows (values, formats, formulas) at their place in the sheet's grid. */
function storeRows(read: SheetRead, rowIndex: number, columnIndex: number, values: unknown[][], formats: unknown[][], formulas: unknown[][]): void {
  const width = read.right + 1;
  for (let r = 0; r < values.length; r++) {
    const row = rowIndex + r;
    const valueRow: CellValue[] = new Array(width).fill(null);
    const formatRow: (string | null)[] = new Array(width).fill(null);
    let formulaRow: (string | null)[] | null = null;
    const sourceValues = values[r];
    const sourceFormats = formats[r] ?? [];
    const sourceFormulas = formulas[r] ?? [];
    for (let c = 0; c < sourceValues.length; c++) {
      const col = columnIndex + c;
      const value = sourceValues[c];
      valueRow[col] = toCellValue(value);
      const format = sourceFormats[c];
      formatRow[col] = typeof format === 'string' && format !== '' ? format : null;
      const formula = sourceFormulas[c];
      // `formulas` holds the constant itself for a cell without a formula.
      if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) {
        if (!formulaRow) formulaRow = new Array(width).fill(null);
        formulaRow[col] = formula;
      }
    }
    read.values[row] = valueRow;
    read.formats[row] = formatRow;
    if (formulaRow) {
      if (!read.formulas) read.formulas = [];
      read.formulas[row] = formulaRow;
    }
  }
}

/**
 * Records what a read of `rows` rows cost and estimates the next band's bytes per row: the average of every row read so
 * far, or the latest read's average when that is higher and taken from enough rows to mean something (rows may grow
 * longer down the sheet). A band of a single row never sets the estimate alone: one short row would size the next
 * band far too large.
 */
function measureRead(read: SheetRead, bytes: number, rows: number): void {
  if (rows <= 0) return;
  read.measuredBytes += bytes;
  read.measuredRows += rows;
  const average = read.measuredBytes / read.measuredRows;
  const latest = rows >= MIN_SHARED_BAND_ROWS ? bytes / rows : 0;
  read.bytesPerRow = Math.max(1, Math.ceil(Math.max(average, latest)));
}

/** Response bytes of a loaded band, as Excel serialises it. */
function bandBytes(values: unknown[][], formats: unknown[][], formulas: unknown[][]): number {
  return jsonBytes(values) + jsonBytes(formats) + jsonBytes(formulas);
}

function gridOf(read: SheetRead): SheetGrid {
  const height = read.blank ? 1 : read.bottom + 1;
  const width = read.blank ? 1 : read.right + 1;
  for (let r = 0; r < height; r++) {
    if (!read.values[r]) {
      read.values[r] = new Array(width).fill(null);
      read.formats[r] = new Array(width).fill(null);
    }
  }
  const grid: SheetGrid = { name: read.info.name, values: read.values.slice(0, height), formats: read.formats.slice(0, height) };
  if (read.info.id !== undefined) grid.id = read.info.id;
  if (read.formulas) {
    for (let r = 0; r < height; r++) if (!read.formulas[r]) read.formulas[r] = [];
    grid.formulas = read.formulas.slice(0, height);
  }
  const notes = notesMatrix(read.notes);
  if (notes) grid.notes = notes;
  if (read.merges.length) grid.merges = read.merges;
  return grid;
}

/**
 * Reads every sheet as a grid from A1 to the end of its used range of values (`getUsedRange(true)`): values, number
 * formats, formulas, merged areas, notes and comments, and the sheet id; fills are not read here (see `applyPlan`).
 * One sync lists the sheets; the next gets the used ranges and, on speculation, the first rows of every sheet (all of a
 * small workbook); the rest follows in row bands of at most PAYLOAD_BUDGET_BYTES each way.
 */
export async function readWorkbook(context: Excel.RequestContext, onProgress?: ProgressListener): Promise<WorkbookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/visibility');
  const comments = context.workbook.comments;
  comments.load('items/content');
  const notes = supportsExcelApi('1.18') ? context.workbook.notes : undefined;
  notes?.load('items/content');
  await context.sync();
  const infos: SheetInfo[] = worksheets.items.map((sheet) => ({ name: sheet.name, id: sheet.id, visibility: sheet.visibility }));
  const reads: SheetRead[] = worksheets.items.map((sheet, i) => ({
    info: infos[i], sheet, top: 0, left: 0, bottom: 0, right: 0, blank: true,
    values: [], formats: [], formulas: null, readTo: 0, bytesPerRow: 0, measuredBytes: 0, measuredRows: 0, merges: [], notes: new Map(),
  }));
  const located = [...comments.items, ...(notes?.items ?? [])];
  let progressTotal = 2;
  let progressDone = 1;
  const progress = (): void => onProgress?.({ phase: 'read', done: progressDone, total: Math.max(progressTotal, progressDone) });
  progress();

  // Used ranges, merged areas and note locations, with a speculative window of first rows; without the window
  // when that response was too large for the host.
  const windowRows = Math.min(MAX_WINDOW_ROWS, Math.max(MIN_WINDOW_ROWS, Math.floor(WINDOW_ROWS / Math.max(1, reads.length))));
  const windowRowsOf = (_read: SheetRead): number => windowRows;
  const survey = async (withWindow: boolean): Promise<void> => {
    const used = reads.map((read) => {
      const range = read.sheet.getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      return range;
    });
    // Merged areas of the whole used range, formatting included: a merge right of the table holds no value.
    const merged = reads.map((read) => {
      const areas = read.sheet.getUsedRange().getMergedAreasOrNullObject();
      areas.load('address');
      return areas;
    });
    const locations = located.map((item) => {
      const range = item.getLocation();
      range.load('address');
      return range;
    });
    const windows = withWindow
      ? reads.map((read, i) => {
          // Intersected with getUsedRange(true), never with a null object: a blank sheet's used range is A1 there.
          const window = read.sheet.getRangeByIndexes(0, 0, windowRowsOf(read), LAST_COL + 1).getIntersectionOrNullObject(read.sheet.getUsedRange(true));
          window.load('values,numberFormat,formulas,rowIndex,columnIndex');
          return window;
        })
      : null;
    await context.sync();
    reads.forEach((read, i) => {
      const areas = merged[i];
      read.merges = areas.isNullObject ? [] : areas.address.split(',').map(splitAddress).flatMap((m) => (m ? [m.area] : []));
      const range = used[i];
      read.blank = range.isNullObject;
      if (read.blank) {
        read.readTo = 1;
        return;
      }
      read.top = range.rowIndex;
      read.left = range.columnIndex;
      read.bottom = range.rowIndex + range.rowCount - 1;
      read.right = range.columnIndex + range.columnCount - 1;
      read.readTo = read.top;
      read.bytesPerRow = range.columnCount * GUESS_CELL_BYTES;
    });
    const byName = new Map(reads.map((read) => [read.info.name.toLowerCase(), read]));
    locations.forEach((range, i) => {
      const place = splitAddress(range.address);
      const read = place ? byName.get(place.sheet.toLowerCase()) : undefined;
      if (!place || !read) return;
      let row = read.notes.get(place.area.top);
      if (!row) read.notes.set(place.area.top, (row = new Map()));
      if (!row.has(place.area.left)) row.set(place.area.left, located[i].content);
    });
    if (!windows) return;
    reads.forEach((read, i) => {
      const window = windows[i];
      if (read.blank || window.isNullObject) return;
      storeRows(read, window.rowIndex, window.columnIndex, window.values, window.numberFormat, window.formulas);
      read.readTo = window.rowIndex + window.values.length;
      measureRead(read, bandBytes(window.values, window.numberFormat, window.formulas), window.values.length);
    });
  };
  try {
    await survey(true);
  } catch (error) {
    if (!isPayloadLimitError(error)) throw error;
    await survey(false);
    // The windows' rows came to more than the host's limit: no row is assumed cheaper than that average.
    const windowed = reads.reduce((rows, read) => rows + (read.blank ? 0 : Math.max(0, Math.min(windowRowsOf(read), read.bottom + 1) - read.top)), 0);
    const floor = Math.ceil((PAYLOAD_BUDGET_BYTES * 1.25) / Math.max(1, windowed));
    for (const read of reads) read.bytesPerRow = Math.max(read.bytesPerRow, floor);
  }

  // The rest in bands: as many rows per sync as the budget allows, several sheets per sync when they fit.
  const budget = PAYLOAD_BUDGET_BYTES;
  const remaining = (): number => reads.reduce((bytes, read) => bytes + Math.max(0, read.bottom + 1 - read.readTo) * read.bytesPerRow, 0);
  progressDone = 2;
  progressTotal = 2 + Math.ceil(remaining() / budget);
  progress();
  while (reads.some((read) => read.readTo <= read.bottom)) {
    let room = budget * READ_BAND_SHARE;
    const bands: { read: SheetRead; range: Excel.Range; rows: number }[] = [];
    for (const read of reads) {
      if (read.readTo > read.bottom || room <= 0) continue;
      const perRow = read.bytesPerRow + RESULT_BYTES / 10;
      const rest = read.bottom + 1 - read.readTo;
      const fit = Math.floor(room / perRow);
      // The first band of a sync takes at least a row (progress); a later one only a real share of the sheet.
      if (bands.length > 0 && fit < Math.min(rest, MIN_SHARED_BAND_ROWS)) continue;
      const rows = Math.min(rest, Math.max(1, fit));
      const range = read.sheet.getRangeByIndexes(read.readTo, read.left, rows, read.right - read.left + 1);
      range.load('values,numberFormat,formulas');
      bands.push({ read, range, rows });
      room -= rows * perRow + RESULT_BYTES;
    }
    try {
      await context.sync();
    } catch (error) {
      // The estimate was short (long texts further down): assume rows twice as large and try again.
      if (!isPayloadLimitError(error) || bands.every((band) => band.rows === 1)) throw error;
      for (const { read } of bands) read.bytesPerRow *= 2;
      progressTotal++;
      continue;
    }
    for (const { read, range, rows } of bands) {
      storeRows(read, read.readTo, read.left, range.values, range.numberFormat, range.formulas);
      read.readTo += rows;
      // The next band of this sheet is sized by what the rows read so far really cost.
      measureRead(read, bandBytes(range.values, range.numberFormat, range.formulas), rows);
    }
    progressDone++;
    progressTotal = Math.max(progressTotal, progressDone + Math.ceil(remaining() / budget));
    progress();
  }
  return { grids: { sheets: reads.map(gridOf) }, sheets: infos };
}

/** Reads every sheet as a core grid (see readWorkbook). */
export async function readWorkbookGrids(context: Excel.RequestContext, onProgress?: ProgressListener): Promise<WorkbookGrids> {
  return (await readWorkbook(context, onProgress)).grids;
}

function toFill(color: string | undefined | null): string | null {
  if (!color) return null;
  const upper = color.toUpperCase();
  return upper === NO_FILL ? null : upper;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

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

/** Applies `apply` to every chunk of addresses as one RangeAreas, making room in the batch for each. */
async function forEachArea(batch: Batcher, sheet: Excel.Worksheet, addresses: string[], argumentBytes: number, apply: (areas: Excel.RangeAreas) => void): Promise<void> {
  for (const chunk of chunkAddresses(addresses)) {
    await batch.room(chunk.length + argumentBytes + ACTION_BYTES);
    apply(sheet.getRanges(chunk));
  }
}

function setFill(areas: Excel.RangeAreas, fill: string | null): void {
  if (fill === null) areas.format.fill.clear();
  else areas.format.fill.color = fill;
}

/**
 * A row of values as Excel must receive it, padded to `cols` cells. Cells past the end of a ragged row are null,
 * which Excel leaves unchanged: the plan did not mention them.
 */
function excelRow(source: CellValue[] | undefined, cols: number): (ExcelValue | null)[] {
  const row: (ExcelValue | null)[] = new Array(cols);
  for (let c = 0; c < cols; c++) row[c] = source && c < source.length ? excelValue(source[c] ?? null) : null;
  return row;
}

/** A row of number formats padded to `cols` cells with null, which Excel leaves unchanged. */
function formatRow(source: (string | null)[] | undefined, cols: number): (string | null)[] {
  const row: (string | null)[] = new Array(cols);
  for (let c = 0; c < cols; c++) row[c] = source?.[c] ?? null;
  return row;
}

interface CellStyles {
  numberFormats?: (string | null)[][];
  fills?: (string | null)[][];
  fontColors?: (string | null)[][];
  bold?: boolean[][];
  wrap?: boolean[][];
  align?: (HorizontalAlign | null)[][];
}

/** Office.js names of core's horizontal alignments; null is the host default (text left, numbers right). */
const HORIZONTAL: Record<HorizontalAlign, 'Left' | 'Center' | 'Right'> = { left: 'Left', center: 'Center', right: 'Right' };

/**
 * Row bands of a rectangle from the bytes each row adds to the request, separator included: consecutive rows whose
 * bytes stay within `budget` (a single larger row makes a band of its own). [first row, row count, bytes] triples.
 */
function rowBands(rowBytes: number[], budget: number): [number, number, number][] {
  const bands: [number, number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < rowBytes.length; r++) {
    if (r > start && bytes + rowBytes[r] > budget) {
      bands.push([start, r - start, bytes]);
      start = r;
      bytes = 0;
    }
    bytes += rowBytes[r];
  }
  if (rowBytes.length > start) bands.push([start, rowBytes.length - start, bytes]);
  return bands;
}

/**
 * Writes values and styles of a rectangle at (top, left) in row bands. In a fresh (or cleared) sheet, null fills and
 * fonts are the default already and are skipped; in an existing sheet they reset the cell (no fill, automatic font).
 */
async function writeRectangle(batch: Batcher, sheet: Excel.Worksheet, top: number, left: number, values: CellValue[][], styles: CellStyles, fresh: boolean): Promise<void> {
  const cols = values.reduce((max, row) => Math.max(max, row.length), 0);
  if (values.length === 0 || cols === 0) return;
  const formats = styles.numberFormats;
  const hasFormats = !!formats && formats.some((row) => row.some((format) => format !== null && format !== undefined));
  // The rows as they are sent (padded, strings quote-prefixed), measured as sent: a row's JSON and its comma, for the
  // values and for the number formats. A band takes at most a quarter of the budget, its actions included: bands
  // this size fill a sync closely, where a band of half the budget that does not fit leaves the rest unused.
  const matrix = values.map((row) => excelRow(row, cols));
  const formatRows = hasFormats ? values.map((_, r) => formatRow(formats![r], cols)) : null;
  const rowBytes = matrix.map((row, r) => jsonBytes(row) + 1 + (formatRows ? jsonBytes(formatRows[r]) + 1 : 0));
  for (const [from, rows, bytes] of rowBands(rowBytes, PAYLOAD_BUDGET_BYTES / 4 - 4 * ACTION_BYTES)) {
    // Each matrix adds its brackets.
    await batch.room(bytes + 4 + (formatRows ? ACTION_BYTES : 0) + ACTION_BYTES);
    const range = sheet.getRangeByIndexes(top + from, left, rows, cols);
    // Number formats first, so that a value lands in its final format; null leaves a cell's format as is.
    // Office.js ignores null entries in a 2-D array, which is exactly "leave as is" (its typings omit null).
    if (formatRows) range.numberFormat = formatRows.slice(from, from + rows) as string[][];
    range.values = matrix.slice(from, from + rows);
  }
  const slice = <T>(matrix: T[][] | undefined): T[][] | undefined => matrix?.slice(0, values.length);
  const fills = slice(styles.fills);
  if (fills) {
    for (const [fill, addresses] of runsByValue(fills, top, left, (fill) => fresh && fill === null)) {
      await forEachArea(batch, sheet, addresses, jsonBytes(fill), (areas) => setFill(areas, fill));
    }
  }
  const fonts = slice(styles.fontColors);
  if (fonts) {
    for (const [color, addresses] of runsByValue(fonts, top, left, (color) => fresh && color === null)) {
      // Office.js has no "automatic" font colour; black is what automatic shows on a white cell.
      await forEachArea(batch, sheet, addresses, 10, (areas) => (areas.format.font.color = color ?? '#000000'));
    }
  }
  const bold = slice(styles.bold);
  if (bold) {
    for (const [isBold, addresses] of runsByValue(bold, top, left, (b) => fresh && !b)) {
      await forEachArea(batch, sheet, addresses, 5, (areas) => (areas.format.font.bold = isBold));
    }
  }
  const wrap = slice(styles.wrap);
  if (wrap) {
    for (const [wraps, addresses] of runsByValue(wrap, top, left, (w) => fresh && !w)) {
      await forEachArea(batch, sheet, addresses, 5, (areas) => (areas.format.wrapText = wraps === true));
    }
  }
  const align = slice(styles.align);
  if (align) {
    for (const [side, addresses] of runsByValue(align, top, left, (a) => fresh && !a)) {
      await forEachArea(batch, sheet, addresses, 10, (areas) => (areas.format.horizontalAlignment = side ? HORIZONTAL[side] : 'General'));
    }
  }
}

/** Sets the widths of columns left, left + 1, … in characters (SPEC 6); 0 or less leaves a column as is. */
async function setColumnWidths(batch: Batcher, sheet: Excel.Worksheet, left: number, widths: number[] | undefined): Promise<void> {
  for (const [i, chars] of (widths ?? []).entries()) {
    if (chars <= 0) continue;
    const letters = columnLetters(left + i);
    await batch.room(2 * ACTION_BYTES);
    sheet.getRange(`${letters}:${letters}`).format.columnWidth = chars * POINTS_PER_CHAR + COLUMN_PADDING_POINTS;
  }
}

/** Row heights (points) of a plan sheet, one range areas per run of equal heights: the calls grow with the runs, not the rows. */
async function setRowHeights(batch: Batcher, sheet: Excel.Worksheet, heights: (number | null)[] | undefined): Promise<void> {
  if (!heights) return;
  for (const [height, addresses] of runsByValue(heights.map((h) => [h]), 0, 0, (h) => h === null || h === undefined)) {
    await forEachArea(batch, sheet, addresses, 10, (areas) => (areas.format.rowHeight = height as number));
  }
}

/** Page setup of a plan sheet (SPEC 6): paper, orientation, fit to pages wide, header rows repeated on every page (ExcelApi 1.9). */
async function setPrint(batch: Batcher, sheet: Excel.Worksheet, print: PrintSetup | undefined): Promise<void> {
  if (!print) return;
  await batch.room(5 * ACTION_BYTES);
  const layout = sheet.pageLayout;
  layout.paperSize = print.paper;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  // verticalFitToPages 0: as many pages tall as the content needs.
  layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.first + 1}:$${print.repeatRows.last + 1}`);
}

/** A sheet name as it must appear in a reference: quoted, with quotes doubled. */
export function sheetReference(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Sheet names are case-insensitive in Excel. */
function nameKey(name: string): string {
  return name.toLocaleLowerCase('sv');
}

/** The workbook's sheets while a plan is applied: found by id or name, kept current as sheets are added, renamed and deleted. */
class SheetList {
  private readonly list: SheetInfo[];
  constructor(sheets: SheetInfo[]) {
    this.list = sheets.map((sheet) => ({ ...sheet }));
  }
  byName(name: string): SheetInfo | undefined {
    const key = nameKey(name);
    return this.list.find((sheet) => nameKey(sheet.name) === key);
  }
  byId(id: string | undefined): SheetInfo | undefined {
    return id === undefined ? undefined : this.list.find((sheet) => sheet.id === id);
  }
  add(sheet: SheetInfo): void {
    this.list.push(sheet);
  }
  remove(sheet: SheetInfo): void {
    this.list.splice(this.list.indexOf(sheet), 1);
  }
  all(): SheetInfo[] {
    return this.list.map((sheet) => ({ ...sheet }));
  }
}

/** The key Excel's getItem takes: the id when known (it survives renaming), else the name. */
function itemKey(sheet: SheetInfo): string {
  return sheet.id ?? sheet.name;
}

/**
 * Writes a plan sheet. Målkoll's own sheet (by the plan's id, else by name) is cleared and rewritten in place, keeping
 * its id so that links to it keep working, and renamed when the plan's name differs; otherwise the sheet is added.
 */
async function writePlanSheet(context: Excel.RequestContext, batch: Batcher, plan: NewSheet, sheets: SheetList): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const current = sheets.byId(plan.id) ?? sheets.byName(plan.name);
  if (current !== undefined && plan.mode === 'createIfMissing') return;
  // Up to eight actions below: the sheet, its whole range, two clears, the row heights, unfreezing, name, visibility.
  await batch.room(jsonBytes(plan.name) + jsonBytes(current ? itemKey(current) : '') + 7 * ACTION_BYTES);
  let sheet: Excel.Worksheet;
  if (current) {
    sheet = worksheets.getItem(itemKey(current));
    const whole = sheet.getRange();
    whole.clear();
    whole.dataValidation.clear();
    // clear() keeps row heights: rows the new content does not size go back to the standard height.
    whole.format.useStandardHeight = true;
    sheet.freezePanes.unfreeze();
    if (current.name !== plan.name) {
      sheet.name = plan.name;
      current.name = plan.name;
    }
    if (!plan.hidden && current.visibility !== undefined && current.visibility !== 'Visible') sheet.visibility = 'Visible';
  } else {
    sheet = worksheets.add(plan.name);
    sheets.add({ name: plan.name, visibility: 'Visible' });
  }
  await writeRectangle(batch, sheet, 0, 0, plan.values, plan, true);
  if (plan.verticalAlign === 'top' && plan.values.length > 0) {
    const cols = plan.values.reduce((max, row) => Math.max(max, row.length), 0);
    await batch.room(2 * ACTION_BYTES);
    if (cols > 0) sheet.getRangeByIndexes(0, 0, plan.values.length, cols).format.verticalAlignment = 'Top';
  }
  await setRowHeights(batch, sheet, plan.rowHeights);
  for (const link of plan.links ?? []) {
    const hyperlink = {
      documentReference: `${sheetReference(link.targetSheet)}!${link.targetCell}`,
      textToDisplay: link.text,
      screenTip: `${link.targetSheet}!${link.targetCell}`,
    };
    await batch.room(jsonBytes(hyperlink) + ACTION_BYTES);
    sheet.getRangeByIndexes(link.row, link.col, 1, 1).hyperlink = hyperlink;
  }
  for (const validation of plan.validations ?? []) {
    const rowCount = validation.lastRow - validation.firstRow + 1;
    if (rowCount <= 0 || validation.list.length === 0) continue;
    // The list source is comma-separated whatever the locale (Office.js does not use the list separator).
    const rule = { list: { inCellDropDown: true, source: validation.list.join(',') } };
    await batch.room(jsonBytes(rule) + ACTION_BYTES);
    sheet.getRangeByIndexes(validation.firstRow, validation.col, rowCount, 1).dataValidation.rule = rule;
  }
  await setColumnWidths(batch, sheet, 0, plan.columnWidths);
  await setPrint(batch, sheet, plan.print);
  await batch.room(2 * ACTION_BYTES);
  if (plan.frozenRows && plan.frozenRows > 0) sheet.freezePanes.freezeRows(plan.frozenRows);
  if (plan.hidden) sheet.visibility = 'Hidden';
}

/** Fills as read before the plan was applied: sheet (lower case) → A1 → fill token (null = no fill). */
export type ReadFills = Map<string, Map<string, string | null>>;

/** Queues reads of the fills of every cell the plan's fill changes touch, as vertical runs per column (one range each). */
async function readFillsOf(context: Excel.RequestContext, batch: Batcher, changes: FillChange[], sheets: SheetList): Promise<() => ReadFills> {
  const bySheet = new Map<string, Set<string>>();
  for (const change of changes) {
    const info = sheets.byName(change.sheet);
    if (!info) continue;
    let cells = bySheet.get(info.name);
    if (!cells) bySheet.set(info.name, (cells = new Set()));
    for (const cell of change.cells) cells.add(cell);
  }
  const pending: { sheet: string; top: number; col: number; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const [name, cells] of bySheet) {
    const sheet = context.workbook.worksheets.getItem(itemKey(sheets.byName(name)!));
    const byColumn = new Map<number, number[]>();
    for (const cell of cells) {
      const at = parseA1(cell);
      if (!at) continue;
      const rows = byColumn.get(at.col) ?? [];
      rows.push(at.row);
      byColumn.set(at.col, rows);
    }
    for (const [col, rows] of byColumn) {
      rows.sort((x, y) => x - y);
      let start = 0;
      while (start < rows.length) {
        let end = start + 1;
        while (end < rows.length && rows[end] === rows[end - 1] + 1) end++;
        // A run longer than one response holds is read in parts.
        for (let top = rows[start]; top <= rows[end - 1]; top += MAX_FILL_CELLS) {
          const count = Math.min(MAX_FILL_CELLS, rows[end - 1] + 1 - top);
          await batch.room(2 * ACTION_BYTES, count * FILL_CELL_BYTES + RESULT_BYTES);
          const result = sheet.getRangeByIndexes(top, col, count, 1).getCellProperties({ format: { fill: { color: true } } });
          pending.push({ sheet: name, top, col, result });
        }
        start = end;
      }
    }
  }
  return () => {
    const fills: ReadFills = new Map();
    for (const { sheet, top, col, result } of pending) {
      let cells = fills.get(nameKey(sheet));
      if (!cells) fills.set(nameKey(sheet), (cells = new Map()));
      result.value.forEach((row, r) => cells!.set(a1(top + r, col), toFill(row[0]?.format?.fill?.color)));
    }
    return fills;
  };
}

export interface ApplyOptions {
  /** Read the current fill of every cell the plan's fill changes touch, in the same syncs, before changing them. */
  readFills?: boolean;
  onProgress?: ProgressListener;
}

export interface Applied {
  /** The fills read before they were changed (empty unless `readFills`). */
  fills: ReadFills;
  /** The workbook's sheets afterwards. */
  sheets: SheetInfo[];
}

/**
 * Applies a plan in as few syncs as its bytes allow: blocks in existing sheets, scattered fills, plan sheets (own
 * sheets rewritten in place), deletions. `sheets` are the workbook's sheets as read before the plan was made (names
 * alone will do: Excel's getItem takes a name as well as an id).
 */
export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, sheets: (SheetInfo | string)[], options: ApplyOptions = {}): Promise<Applied> {
  const list = new SheetList(sheets.map((sheet) => (typeof sheet === 'string' ? { name: sheet } : sheet)));
  let done = 0;
  const batch = new Batcher(context, () => options.onProgress?.({ phase: 'write', done: ++done, total: done + 1 }));
  const fillsRead = options.readFills ? await readFillsOf(context, batch, plan.fills, list) : null;
  for (const block of plan.blocks) {
    const info = list.byName(block.sheet);
    if (!info) continue;
    await batch.room(jsonBytes(block.sheet));
    const sheet = context.workbook.worksheets.getItem(itemKey(info));
    await writeRectangle(batch, sheet, block.row, block.col, block.values, block, false);
    await setColumnWidths(batch, sheet, block.col, block.columnWidths);
  }
  for (const change of plan.fills) {
    const info = list.byName(change.sheet);
    if (change.cells.length === 0 || !info) continue;
    await batch.room(jsonBytes(change.sheet));
    const sheet = context.workbook.worksheets.getItem(itemKey(info));
    await forEachArea(batch, sheet, change.cells, jsonBytes(change.fill), (areas) => setFill(areas, change.fill));
  }
  for (const sheet of plan.sheets) await writePlanSheet(context, batch, sheet, list);
  const written = new Set(plan.sheets.map((sheet) => nameKey(sheet.name)));
  for (const name of plan.deleteSheets) {
    const current = list.byName(name);
    if (current === undefined || written.has(nameKey(name))) continue;
    await batch.room(ACTION_BYTES);
    context.workbook.worksheets.getItem(itemKey(current)).delete();
    list.remove(current);
  }
  await batch.flush();
  return { fills: fillsRead ? fillsRead() : new Map(), sheets: list.all() };
}

/** Grids with the fills that were read (null elsewhere): what core needs to judge the cells it highlights or restores. */
function withFills(grids: WorkbookGrids, fills: ReadFills): WorkbookGrids {
  return {
    sheets: grids.sheets.map((grid) => {
      const cells = fills.get(nameKey(grid.name));
      if (!cells) return grid;
      const matrix: (string | null)[][] = [];
      for (const [address, fill] of cells) {
        const at = parseA1(address);
        if (!at) continue;
        while (matrix.length <= at.row) matrix.push([]);
        const row = matrix[at.row];
        while (row.length <= at.col) row.push(null);
        row[at.col] = fill;
      }
      return { ...grid, fills: matrix };
    }),
  };
}

/** Fill per cell that a plan applies: sheet (lower case) + A1 → fill. */
function fillTargets(plan: WritePlan): Map<string, { sheet: string; cell: string; fill: string | null }> {
  const map = new Map<string, { sheet: string; cell: string; fill: string | null }>();
  for (const change of plan.fills) for (const cell of change.cells) map.set(`${nameKey(change.sheet)}\u0000${cell}`, { sheet: change.sheet, cell, fill: change.fill });
  return map;
}

/**
 * What turns the workbook written by `applied` (made while fills were unknown) into the one `wanted` (made with the
 * fills read) describes: fills that differ, and plan sheets whose content differs (the `_malkoll` record).
 */
export function repairPlan(applied: WritePlan, wanted: WritePlan, fills: ReadFills): WritePlan {
  const before = fillTargets(applied);
  const after = fillTargets(wanted);
  const changes = new Map<string, FillChange>();
  const set = (sheet: string, cell: string, fill: string | null): void => {
    const key = `${sheet}\u0000${fill ?? ''}`;
    let change = changes.get(key);
    if (!change) changes.set(key, (change = { sheet, fill, cells: [] }));
    change.cells.push(cell);
  };
  for (const [key, { sheet, cell, fill }] of before) {
    const target = after.get(key);
    const desired = target ? target.fill : (fills.get(nameKey(sheet))?.get(cell) ?? null);
    if (desired !== fill) set(sheet, cell, desired);
  }
  for (const [key, { sheet, cell, fill }] of after) if (!before.has(key)) set(sheet, cell, fill);
  const sheets = wanted.sheets.filter((sheet) => {
    const old = applied.sheets.find((s) => nameKey(s.name) === nameKey(sheet.name));
    return !old || JSON.stringify(old) !== JSON.stringify(sheet);
  });
  return { blocks: [], fills: [...changes.values()], sheets, deleteSheets: [] };
}

function isEmptyPlan(plan: WritePlan): boolean {
  return plan.blocks.length === 0 && plan.fills.length === 0 && plan.sheets.length === 0 && plan.deleteSheets.length === 0;
}

/**
 * Applies a plan made without fills, reading the fills of the cells it highlights or restores in the same syncs,
 * before they change. When a read fill is one core would judge differently from "unknown" (a user's own colour, or a
 * recorded cell without fill), core plans again with the fills and one more sync repairs the difference: the record
 * gets the true original fills and a user's re-colouring is put back. Fills are never read for a whole sheet.
 */
async function applyReadingFills(context: Excel.RequestContext, read: WorkbookRead, plan: WritePlan, replan: (grids: WorkbookGrids) => WritePlan, onProgress?: ProgressListener): Promise<void> {
  const applied = await applyPlan(context, plan, read.sheets, { readFills: true, onProgress });
  const hadRecord = read.grids.sheets.some((sheet) => nameKey(sheet.name) === '_malkoll');
  let telling = false;
  for (const cells of applied.fills.values()) {
    for (const fill of cells.values()) if ((fill !== null && !isHighlightFill(fill)) || (fill === null && hadRecord)) telling = true;
  }
  if (!telling) return;
  const repair = repairPlan(plan, replan(withFills(read.grids, applied.fills)), applied.fills);
  if (!isEmptyPlan(repair)) await applyPlan(context, repair, applied.sheets, { onProgress });
}

/** Shows a cell: activates its sheet and selects it. */
export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await context.sync();
}

/**
 * Kontrollera: read, check, write statuses, highlights and the output sheets. Three syncs for a small workbook
 * (list, read, write), one more per PAYLOAD_BUDGET_BYTES read or written beyond, and one more when a highlighted
 * cell had a fill of the user's. `lang` overrides the workbook's Språk setting; without it the workbook decides.
 */
export async function runCheck(context: Excel.RequestContext, lang?: Lang, onProgress?: ProgressListener): Promise<Report> {
  const read = await readWorkbook(context, onProgress);
  const options = lang ? { lang } : {};
  const { report, plan } = check(read.grids, options);
  await applyReadingFills(context, read, plan, (grids) => check(grids, options).plan, onProgress);
  return report;
}

/** Skapa mall: creates the template sheets that are missing. Two syncs. */
export async function runTemplate(context: Excel.RequestContext, lang: Lang): Promise<WritePlan> {
  const sheets = await listSheets(context);
  const plan = templatePlan(sheets.map((sheet) => sheet.name), lang);
  await applyPlan(context, plan, sheets);
  return plan;
}

/** Rensa markeringar: restores every highlighted cell's recorded fill and removes the record. Three syncs for a small workbook. */
export async function runClear(context: Excel.RequestContext, onProgress?: ProgressListener): Promise<WritePlan> {
  const read = await readWorkbook(context, onProgress);
  const plan = clearPlan(read.grids);
  await applyReadingFills(context, read, plan, clearPlan, onProgress);
  return plan;
}
