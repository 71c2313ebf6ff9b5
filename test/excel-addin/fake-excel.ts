// An in-memory stand-in for Excel's RequestContext: proxies queue loads and writes that run on sync(), with Excel's typing rules and its 5 MB payload limit per request and per response; counts syncs, proxies and payload bytes.
// Self-contained (type imports only) so that the browser test can transpile it into a stub office.js.
import type { CellValue, SheetGrid, WorkbookGrids } from '../../core/types';

export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  /** Set when a written string became a formula (what Målkoll must never cause). */
  formula?: string;
  /** Set when the value was written with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
  numberFormat?: string;
  fill?: string | null;
  fontColor?: string;
  bold?: boolean;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
  validation?: unknown;
  /** A note (ExcelApi 1.18 `workbook.notes`) on the cell. */
  note?: string;
  /** A threaded comment (ExcelApi 1.10 `workbook.comments`) on the cell. */
  comment?: string;
}

let nextSheetId = 1;

export class FakeSheet {
  rows: (FakeCell | undefined)[][] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  /** Row heights in points set by the add-in (0-based row → points); absent = standard height. */
  rowHeights = new Map<number, number>();
  /** What `worksheet.pageLayout` was given (ExcelApi 1.9). */
  pageLayout: { paperSize?: string; orientation?: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }; printTitleRows?: string } = {};
  /** Merged areas (0-based rectangles). */
  merges: Rect[] = [];
  /** Excel's stable worksheet id (a GUID in Excel; unique text here). */
  readonly id: string;
  constructor(public name: string, id?: string) {
    this.id = id ?? `{00000000-0000-0000-0000-${String(nextSheetId++).padStart(12, '0')}}`;
  }

  cell(row: number, col: number): FakeCell {
    while (this.rows.length <= row) this.rows.push([]);
    const line = this.rows[row];
    let cell = line[col];
    if (!cell) {
      cell = { value: null };
      line[col] = cell;
    }
    return cell;
  }

  peek(row: number, col: number): FakeCell | undefined {
    return this.rows[row]?.[col];
  }

  /** The cell at an A1 address, or an empty cell. */
  at(address: string): FakeCell {
    const rect = parseAddress(address);
    return this.peek(rect.row, rect.col) ?? { value: null };
  }

  /**
   * Rectangle of used cells, as Excel's used range: cells holding a value or a formula, and unless
   * `valuesOnly` also cells holding only formatting (a border drawn to row 20 000 counts). A1 when blank.
   */
  usedRect(valuesOnly = false): Rect {
    return this.usedRectOrNull(valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 };
  }

  /** The used rectangle, or null when nothing is used (what `getUsedRangeOrNullObject` reports as a null object). */
  usedRectOrNull(valuesOnly = false): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (!cell || !(valuesOnly ? hasValue(cell) : isUsed(cell))) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    if (bottom < 0) return null;
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** The merged area that holds a cell, if any. */
  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols);
  }
}

function hasValue(cell: FakeCell): boolean {
  return (cell.value !== null && cell.value !== '') || cell.formula !== undefined;
}

function isUsed(cell: FakeCell): boolean {
  return hasValue(cell) || (cell.fill ?? null) !== null || cell.numberFormat !== undefined || cell.bold === true || cell.fontColor !== undefined || cell.note !== undefined || cell.comment !== undefined;
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** "B3", "B3:D9", "C:C" (whole column) → a rectangle. */
export function parseAddress(address: string): Rect {
  const clean = address.replace(/\$/g, '').trim();
  const column = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(clean);
  if (column) {
    const left = columnIndex(column[1]);
    return { row: 0, col: left, rows: 1048576, cols: columnIndex(column[2]) - left + 1 };
  }
  const m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(clean);
  if (!m) throw fakeError('InvalidArgument', `bad address ${address}`);
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (!m[3]) return { row, col, rows: 1, cols: 1 };
  const row2 = Number(m[4]) - 1;
  const col2 = columnIndex(m[3]);
  return { row: Math.min(row, row2), col: Math.min(col, col2), rows: Math.abs(row2 - row) + 1, cols: Math.abs(col2 - col) + 1 };
}

function fakeError(code: string, message: string): Error {
  const error = new Error(message) as Error & { code: string };
  error.code = code;
  return error;
}

/** Serial number of an ISO date, as Excel stores dates. */
function dateSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

const NUMERIC = /^[-+]?(\d+([.,]\d+)?|\d{1,3}(\s\d{3})+([.,]\d+)?)\s*%?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What Excel stores when a value is written through `range.values` (the same as typing it). */
export function typeIn(value: unknown, cell: FakeCell): void {
  delete cell.formula;
  delete cell.quotePrefix;
  if (value === '' || value === undefined) {
    cell.value = null;
    return;
  }
  if (typeof value !== 'string') {
    cell.value = value as FakeValue;
    return;
  }
  if (value.startsWith("'")) {
    cell.value = value.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (NUMERIC.test(value)) {
    const percent = value.trim().endsWith('%');
    const number = Number(value.replace(/[\s%]/g, '').replace(',', '.'));
    cell.value = percent ? number / 100 : number;
    return;
  }
  if (ISO_DATE.test(value)) {
    cell.value = dateSerial(value);
    return;
  }
  if (/^(true|false|sant|falskt)$/i.test(value)) {
    cell.value = /^(true|sant)$/i.test(value);
    return;
  }
  if (/^[=+\-@]/.test(value)) {
    cell.formula = value;
    cell.value = '#NAME?';
    return;
  }
  cell.value = value;
}

/** The in-memory workbook behind a FakeRequestContext. */
export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  activeSheet: string | null = null;
  selection: string | null = null;
  /** False models an Excel without ExcelApi 1.18 (`workbook.notes` is missing there). */
  notesApi = true;

  /** A workbook whose cells hold the grids' values as stored (not typed in), formats, fills, formulas, notes, merges and ids. */
  static fromGrids(grids: WorkbookGrids): FakeWorkbook {
    const workbook = new FakeWorkbook();
    for (const grid of grids.sheets) {
      const sheet = new FakeSheet(grid.name, grid.id);
      grid.values.forEach((line, r) =>
        line.forEach((value, c) => {
          if (value !== null && value !== '') sheet.cell(r, c).value = value;
        }),
      );
      grid.formats?.forEach((line, r) =>
        line.forEach((format, c) => {
          if (format && format !== 'General') sheet.cell(r, c).numberFormat = format;
        }),
      );
      grid.fills?.forEach((line, r) =>
        line.forEach((fill, c) => {
          if (fill) sheet.cell(r, c).fill = fill;
        }),
      );
      grid.formulas?.forEach((line, r) =>
        line?.forEach((formula, c) => {
          if (formula) sheet.cell(r, c).formula = formula;
        }),
      );
      grid.notes?.forEach((line, r) =>
        line?.forEach((note, c) => {
          if (note) sheet.cell(r, c).note = note;
        }),
      );
      for (const m of grid.merges ?? []) sheet.merges.push({ row: m.top, col: m.left, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
      workbook.sheets.push(sheet);
    }
    return workbook;
  }

  find(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === key);
  }

  sheet(name: string): FakeSheet {
    const sheet = this.find(name);
    if (!sheet) throw fakeError('ItemNotFound', `no sheet ${name}`);
    return sheet;
  }

  /** `worksheets.getItem(key)`: Excel takes a sheet's name or its id. */
  byKey(key: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.id === key) ?? this.find(key);
    if (!sheet) throw fakeError('ItemNotFound', `no sheet ${key}`);
    return sheet;
  }

  /**
   * Every sheet as the adapter should read it: values, formats and fills from A1 to the end of the used range of
   * values, the sheet id, and formulas, notes (and comments) and merged areas where the sheet has any.
   */
  toGrids(): WorkbookGrids {
    return {
      sheets: this.sheets.map((sheet) => {
        const used = sheet.usedRect(true);
        const rows = used.row + used.rows;
        const cols = used.col + used.cols;
        const values: CellValue[][] = [];
        const formats: (string | null)[][] = [];
        const fills: (string | null)[][] = [];
        const formulas: (string | null)[][] = [];
        let anyFormula = false;
        for (let r = 0; r < rows; r++) {
          values.push([]);
          formats.push([]);
          fills.push([]);
          formulas.push([]);
          for (let c = 0; c < cols; c++) {
            const cell = sheet.peek(r, c);
            values[r].push(cell?.value ?? null);
            formats[r].push(cell?.numberFormat ?? null);
            fills[r].push(cell?.fill ?? null);
            formulas[r].push(cell?.formula ?? null);
            if (cell?.formula !== undefined) anyFormula = true;
          }
        }
        const grid: SheetGrid = { name: sheet.name, id: sheet.id, values, formats, fills };
        if (anyFormula) grid.formulas = formulas;
        const notes: (string | null)[][] = [];
        sheet.rows.forEach((line, r) =>
          line.forEach((cell, c) => {
            const text = cell?.note ?? cell?.comment;
            if (text === undefined) return;
            while (notes.length <= r) notes.push([]);
            while (notes[r].length < c) notes[r].push(null);
            notes[r][c] = text;
          }),
        );
        if (notes.length) grid.notes = notes;
        if (sheet.merges.length) grid.merges = sheet.merges.map((m) => ({ top: m.row, left: m.col, bottom: m.row + m.rows - 1, right: m.col + m.cols - 1 }));
        return grid;
      }),
    };
  }
}

/** Excel on the web refuses a request or a response larger than this (RichApi.Error "payload size limit"). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What one queued action or object path costs in Excel's JSON request, arguments aside. */
const ACTION_BYTES = 100;
/** What one loaded object costs in the JSON response, its properties aside. */
const RESULT_BYTES = 40;

/** JSON size of a value as Excel serialises it (characters; the payload is UTF-8, so non-ASCII text counts more). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += text.charCodeAt(i) > 0x7ff ? 2 : 1;
  return bytes;
}

interface Op {
  run: () => void;
  bytes: number;
}

/** Counts of what a command cost. */
export interface FakeStats {
  syncs: number;
  proxies: number;
  /** Queued actions over all syncs. */
  operations: number;
  /** Largest request and response of any sync Excel accepted, in bytes as estimated (JSON of values and properties). */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Syncs refused for their size (request or response over PAYLOAD_LIMIT_BYTES). */
  refused: number;
  /** Cells whose properties (fills) were read through getCellProperties. */
  cellPropertyCells: number;
}

/** The fake `Excel.RequestContext`. */
export class FakeRequestContext {
  readonly stats: FakeStats = { syncs: 0, proxies: 0, operations: 0, maxRequestBytes: 0, maxResponseBytes: 0, refused: 0, cellPropertyCells: 0 };
  readonly workbook: { worksheets: FakeWorksheetCollection; comments: FakeLocatedCollection; notes?: FakeLocatedCollection };
  private queue: Op[] = [];
  private responseBytes = 0;
  private undoLoads: (() => void)[] = [];

  constructor(readonly book: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheetCollection(this), comments: new FakeLocatedCollection(this, 'comment') };
    if (book.notesApi) this.workbook.notes = new FakeLocatedCollection(this, 'note');
  }

  /** Queues an action; `argumentBytes` is the JSON of its arguments (a values matrix, an address). */
  enqueue(run: () => void, argumentBytes = 0): void {
    this.queue.push({ run, bytes: ACTION_BYTES + argumentBytes });
  }

  proxyCreated(): void {
    this.stats.proxies++;
  }

  /** Called by a load while it runs: what its result adds to the response, and how to forget it if the response is refused. */
  responded(value: unknown, undo: () => void): void {
    this.responseBytes += RESULT_BYTES + jsonBytes(value);
    this.undoLoads.push(undo);
  }

  /**
   * Sends the queued actions: a request over the limit is refused before anything runs; otherwise every action runs
   * in order (the first failure rejects, earlier ones stay applied, as in Excel) and a response over the limit is refused
   * after the writes took effect, with nothing loaded.
   */
  async sync(): Promise<void> {
    this.stats.syncs++;
    const ops = this.queue;
    this.queue = [];
    this.stats.operations += ops.length;
    let request = 0;
    for (const op of ops) request += op.bytes;
    if (request > PAYLOAD_LIMIT_BYTES) {
      this.stats.refused++;
      throw fakeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} bytes).`);
    }
    this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, request);
    this.responseBytes = 0;
    this.undoLoads = [];
    for (const op of ops) op.run();
    const response = this.responseBytes;
    if (response > PAYLOAD_LIMIT_BYTES) {
      this.stats.refused++;
      for (const undo of this.undoLoads) undo();
      throw fakeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} bytes).`);
    }
    this.stats.maxResponseBytes = Math.max(this.stats.maxResponseBytes, response);
  }
}

function notLoaded(what: string): never {
  throw fakeError('PropertyNotLoaded', `${what} is not loaded; call load() and sync() first`);
}

function wants(props: string | string[] | undefined, ...names: string[]): boolean {
  const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim());
  return names.some((name) => list.includes(name));
}

class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private readonly ctx: FakeRequestContext) {}

  /** 'items/name', 'items/id', 'items/visibility' (comma-separated). */
  load(props?: string): void {
    const fields = (props ?? 'items/name').split(',').map((p) => p.trim().replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      const items = this.ctx.book.sheets.map((sheet) => FakeWorksheet.of(this.ctx, sheet, fields));
      this.loadedItems = items;
      this.ctx.responded(items.map((item) => Object.fromEntries(fields.map((f) => [f, (item.target as unknown as Record<string, unknown>)[f]]))), () => (this.loadedItems = null));
    });
  }

  get items(): FakeWorksheet[] {
    return this.loadedItems ?? notLoaded('worksheets.items');
  }

  /** A sheet by name or by id, as Excel's getItem. */
  getItem(key: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this.ctx);
    this.ctx.enqueue(() => {
      proxy.target = this.ctx.book.byKey(key);
    }, jsonBytes(key));
    return proxy;
  }

  add(name: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this.ctx);
    this.ctx.enqueue(() => {
      if (this.ctx.book.find(name)) throw fakeError('ItemAlreadyExists', `sheet ${name} exists`);
      checkSheetName(name);
      const sheet = new FakeSheet(name);
      this.ctx.book.sheets.push(sheet);
      proxy.target = sheet;
    }, jsonBytes(name));
    return proxy;
  }
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) throw fakeError('InvalidArgument', `bad sheet name ${name}`);
}

/** `workbook.comments` (ExcelApi 1.10) or `workbook.notes` (1.18): items with their text and a getLocation() range. */
class FakeLocatedCollection {
  private loadedItems: FakeLocated[] | null = null;
  constructor(private readonly ctx: FakeRequestContext, private readonly kind: 'comment' | 'note') {}

  load(_props?: string): void {
    this.ctx.enqueue(() => {
      const items: FakeLocated[] = [];
      for (const sheet of this.ctx.book.sheets) {
        sheet.rows.forEach((line, r) =>
          line.forEach((cell, c) => {
            const text = cell?.[this.kind];
            if (text !== undefined) items.push(new FakeLocated(this.ctx, sheet, r, c, text));
          }),
        );
      }
      this.loadedItems = items;
      this.ctx.responded(items.map((item) => ({ content: item.content })), () => (this.loadedItems = null));
    });
  }

  get items(): FakeLocated[] {
    return this.loadedItems ?? notLoaded(`${this.kind}s.items`);
  }
}

class FakeLocated {
  constructor(private readonly ctx: FakeRequestContext, private readonly sheet: FakeSheet, private readonly row: number, private readonly col: number, readonly content: string) {}

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet, rect: { row: this.row, col: this.col, rows: 1, cols: 1 } }));
  }
}

class FakeWorksheet {
  target: FakeSheet | null = null;
  private loaded: Record<string, unknown> = {};
  readonly freezePanes: { freezeRows: (count: number) => void; unfreeze: () => void };
  readonly pageLayout: { paperSize: string; orientation: string; zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }; setPrintTitleRows: (rows: string) => void };

  constructor(private readonly ctx: FakeRequestContext) {
    ctx.proxyCreated();
    const layout = () => this.sheet().pageLayout;
    this.pageLayout = {
      set paperSize(value: string) {
        ctx.enqueue(() => {
          if (!['Letter', 'Legal', 'A3', 'A4', 'A5'].includes(value)) throw fakeError('InvalidArgument', `paperSize ${value}`);
          layout().paperSize = value;
        }, jsonBytes(value));
      },
      get paperSize(): string {
        return notLoaded('pageLayout.paperSize');
      },
      set orientation(value: string) {
        ctx.enqueue(() => {
          if (value !== 'Landscape' && value !== 'Portrait') throw fakeError('InvalidArgument', `orientation ${value}`);
          layout().orientation = value;
        }, jsonBytes(value));
      },
      get orientation(): string {
        return notLoaded('pageLayout.orientation');
      },
      set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
        ctx.enqueue(() => {
          if (value.scale !== undefined && (value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined)) throw fakeError('InvalidArgument', 'zoom: scale or fit to pages, not both');
          layout().zoom = { ...value };
        }, jsonBytes(value));
      },
      get zoom(): { horizontalFitToPages?: number; verticalFitToPages?: number } {
        return notLoaded('pageLayout.zoom');
      },
      setPrintTitleRows: (rows: string) =>
        ctx.enqueue(() => {
          // Whole rows only: "$1:$1", "$3:$4".
          const match = /^\$(\d+):\$(\d+)$/.exec(rows);
          if (!match || Number(match[1]) < 1 || Number(match[2]) < Number(match[1])) throw fakeError('InvalidArgument', `print title rows ${rows}`);
          layout().printTitleRows = rows;
        }, jsonBytes(rows)),
    };
    this.freezePanes = {
      freezeRows: (count: number) => this.ctx.enqueue(() => (this.sheet().frozenRows = count)),
      unfreeze: () => this.ctx.enqueue(() => (this.sheet().frozenRows = 0)),
    };
  }

  /** A proxy for an existing sheet with some properties loaded (what `worksheets.load('items/name,items/id')` gives). */
  static of(ctx: FakeRequestContext, sheet: FakeSheet, fields: string[] = ['name']): FakeWorksheet {
    const proxy = new FakeWorksheet(ctx);
    proxy.target = sheet;
    for (const field of fields) proxy.loaded[field] = (sheet as unknown as Record<string, unknown>)[field];
    return proxy;
  }

  sheet(): FakeSheet {
    if (!this.target) throw fakeError('InvalidReference', 'worksheet proxy used before it resolved');
    return this.target;
  }

  get name(): string {
    return (this.loaded.name as string | undefined) ?? notLoaded('worksheet.name');
  }

  set name(value: string) {
    this.ctx.enqueue(() => {
      const other = this.ctx.book.find(value);
      if (other && other !== this.sheet()) throw fakeError('ItemAlreadyExists', `sheet ${value} exists`);
      checkSheetName(value);
      this.sheet().name = value;
    }, jsonBytes(value));
  }

  get id(): string {
    return (this.loaded.id as string | undefined) ?? notLoaded('worksheet.id');
  }

  get visibility(): 'Visible' | 'Hidden' | 'VeryHidden' {
    return (this.loaded.visibility as 'Visible' | undefined) ?? notLoaded('worksheet.visibility');
  }

  set visibility(value: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.ctx.enqueue(() => {
      const visible = this.ctx.book.sheets.filter((s) => s.visibility === 'Visible' && s !== this.sheet());
      if (value !== 'Visible' && visible.length === 0) throw fakeError('InvalidOperation', 'cannot hide the last visible sheet');
      this.sheet().visibility = value;
    });
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheet();
      const book = this.ctx.book;
      const visibleOthers = book.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
      if (visibleOthers.length === 0) throw fakeError('InvalidOperation', 'cannot delete the last visible sheet');
      book.sheets = book.sheets.filter((s) => s !== sheet);
    });
  }

  activate(): void {
    this.ctx.enqueue(() => {
      const sheet = this.sheet();
      if (sheet.visibility !== 'Visible') throw fakeError('InvalidOperation', 'cannot activate a hidden sheet');
      this.ctx.book.activeSheet = sheet.name;
    });
  }

  /** A range by A1 address; without one, the whole sheet. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), rect: address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseAddress(address) }), jsonBytes(address ?? ''));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => {
      if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) throw fakeError('InvalidArgument', `range ${row},${col} ${rows}×${cols} is outside the sheet`);
      return { sheet: this.sheet(), rect: { row, col, rows, cols } };
    }, 40);
  }

  /** The used range; with `valuesOnly` only cells holding values count, else formatting-only cells too. A blank sheet gives A1. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), rect: this.sheet().usedRect(valuesOnly === true) }));
  }

  /** As getUsedRange, but a blank sheet gives a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => {
      const rect = this.sheet().usedRectOrNull(valuesOnly === true);
      return rect ? { sheet: this.sheet(), rect } : null;
    });
  }

  getRanges(addresses: string): FakeRangeAreas {
    if (addresses.length > 255) throw fakeError('InvalidArgument', `address string longer than 255 characters (${addresses.length})`);
    return new FakeRangeAreas(this.ctx, () => ({ sheet: this.sheet(), rects: addresses.split(',').map(parseAddress) }), jsonBytes(addresses));
  }
}

/** Excel's grid: 1 048 576 rows × 16 384 columns. */
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

interface Resolved {
  sheet: FakeSheet;
  rect: Rect;
}

function forEachCell(resolved: Resolved, visit: (cell: FakeCell, r: number, c: number) => void): void {
  const { sheet, rect } = resolved;
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) visit(sheet.cell(rect.row + r, rect.col + c), r, c);
}

/** Visits only the cells that exist (a whole-sheet clear must not create a million cells). */
function forEachExisting(resolved: Resolved, visit: (cell: FakeCell) => void): void {
  const { sheet, rect } = resolved;
  const bottom = Math.min(rect.row + rect.rows, sheet.rows.length);
  for (let r = rect.row; r < bottom; r++) {
    const line = sheet.rows[r];
    if (!line) continue;
    const right = Math.min(rect.col + rect.cols, line.length);
    for (let c = rect.col; c < right; c++) if (line[c]) visit(line[c]!);
  }
}

/** Format setters shared by ranges and range areas. */
class FakeFormat {
  readonly fill: { color: string; clear: () => void };
  readonly font: { color: string; bold: boolean };
  declare columnWidth: number;
  declare rowHeight: number;
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare useStandardHeight: boolean;
  constructor(ctx: FakeRequestContext, cells: (visit: (cell: FakeCell) => void) => void, onColumnWidth: (points: number) => void, onRowHeight: (points: number | null) => void) {
    this.fill = {
      set color(value: string) {
        ctx.enqueue(() => cells((cell) => (cell.fill = value.toUpperCase())), jsonBytes(value));
      },
      get color(): string {
        return notLoaded('format.fill.color');
      },
      clear: () => ctx.enqueue(() => cells((cell) => (cell.fill = null))),
    };
    this.font = {
      set color(value: string) {
        ctx.enqueue(() => cells((cell) => (cell.fontColor = value.toUpperCase())), jsonBytes(value));
      },
      get color(): string {
        return notLoaded('format.font.color');
      },
      set bold(value: boolean) {
        ctx.enqueue(() => cells((cell) => (cell.bold = value)));
      },
      get bold(): boolean {
        return notLoaded('format.font.bold');
      },
    };
    Object.defineProperty(this, 'columnWidth', {
      set: (points: number) => ctx.enqueue(() => onColumnWidth(points)),
      get: () => notLoaded('format.columnWidth'),
    });
    Object.defineProperty(this, 'rowHeight', {
      set: (points: number) =>
        ctx.enqueue(() => {
          // Excel: 0 to 409 points.
          if (typeof points !== 'number' || !(points >= 0 && points <= 409)) throw fakeError('InvalidArgument', `row height ${points}`);
          onRowHeight(points);
        }),
      get: () => notLoaded('format.rowHeight'),
    });
    Object.defineProperty(this, 'useStandardHeight', {
      // Only true has an effect (Office.js).
      set: (value: boolean) => ctx.enqueue(() => value === true && onRowHeight(null)),
      get: () => notLoaded('format.useStandardHeight'),
    });
    Object.defineProperty(this, 'wrapText', {
      set: (value: boolean) =>
        ctx.enqueue(() => {
          if (typeof value !== 'boolean') throw fakeError('InvalidArgument', `wrapText ${value}`);
          cells((cell) => (cell.wrapText = value));
        }),
      get: () => notLoaded('format.wrapText'),
    });
    Object.defineProperty(this, 'horizontalAlignment', {
      set: (value: string) =>
        ctx.enqueue(() => {
          if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(value)) throw fakeError('InvalidArgument', `horizontalAlignment ${value}`);
          cells((cell) => (cell.horizontalAlignment = value));
        }, jsonBytes(value)),
      get: () => notLoaded('format.horizontalAlignment'),
    });
    Object.defineProperty(this, 'verticalAlignment', {
      set: (value: string) =>
        ctx.enqueue(() => {
          if (!['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(value)) throw fakeError('InvalidArgument', `verticalAlignment ${value}`);
          cells((cell) => (cell.verticalAlignment = value));
        }, jsonBytes(value)),
      get: () => notLoaded('format.verticalAlignment'),
    });
  }
}

type Loaded = { values?: FakeValue[][]; numberFormat?: string[][]; formulas?: FakeValue[][]; address?: string; rowIndex?: number; columnIndex?: number; rowCount?: number; columnCount?: number };

class FakeRange {
  private resolved: Resolved | null = null;
  private resolvedNull = false;
  private loaded: Loaded = {};
  private loadedNull: boolean | null = null;
  readonly format: FakeFormat;
  readonly dataValidation: { rule: unknown; clear: () => void };

  constructor(private readonly ctx: FakeRequestContext, resolve: () => Resolved | null, pathBytes = 0) {
    ctx.proxyCreated();
    ctx.enqueue(() => {
      const resolved = resolve();
      if (resolved) this.resolved = resolved;
      else this.resolvedNull = true;
    }, pathBytes);
    const cells = (visit: (cell: FakeCell) => void) => forEachCell(this.target(), visit);
    this.format = new FakeFormat(
      ctx,
      cells,
      (points) => {
        const { sheet, rect } = this.target();
        for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, points);
      },
      (points) => {
        const { sheet, rect } = this.target();
        if (points === null && rect.rows >= MAX_ROWS) sheet.rowHeights.clear();
        else for (let r = rect.row; r < rect.row + rect.rows; r++) points === null ? sheet.rowHeights.delete(r) : sheet.rowHeights.set(r, points);
      },
    );
    this.dataValidation = {
      set rule(rule: unknown) {
        ctx.enqueue(() => cells((cell) => (cell.validation = rule)), jsonBytes(rule));
      },
      get rule(): unknown {
        return notLoaded('dataValidation.rule');
      },
      clear: () => ctx.enqueue(() => forEachExisting(this.target(), (cell) => delete cell.validation)),
    };
  }

  target(): Resolved {
    if (this.resolvedNull) throw fakeError('InvalidReference', 'the range is a null object');
    if (!this.resolved) throw fakeError('InvalidReference', 'range proxy used before it resolved');
    return this.resolved;
  }

  get isNullObject(): boolean {
    return this.loadedNull ?? notLoaded('range.isNullObject');
  }

  /** values, numberFormat, formulas, address, rowIndex, columnIndex, rowCount, columnCount (comma-separated). */
  load(props: string): void {
    this.ctx.enqueue(() => {
      if (this.resolvedNull) {
        this.loadedNull = true;
        this.ctx.responded({ isNullObject: true }, () => (this.loadedNull = null));
        return;
      }
      const { sheet, rect } = this.target();
      const loaded: Loaded = {};
      if (wants(props, 'values')) loaded.values = matrixOf(rect, (r, c) => sheet.peek(r, c)?.value ?? '');
      if (wants(props, 'numberFormat')) loaded.numberFormat = matrixOf(rect, (r, c) => sheet.peek(r, c)?.numberFormat ?? 'General');
      if (wants(props, 'formulas')) loaded.formulas = matrixOf(rect, (r, c) => { const cell = sheet.peek(r, c); return cell?.formula ?? cell?.value ?? ''; });
      if (wants(props, 'address')) loaded.address = `${quoteSheet(sheet.name)}!${rectText(rect)}`;
      if (wants(props, 'rowIndex')) loaded.rowIndex = rect.row;
      if (wants(props, 'columnIndex')) loaded.columnIndex = rect.col;
      if (wants(props, 'rowCount')) loaded.rowCount = rect.rows;
      if (wants(props, 'columnCount')) loaded.columnCount = rect.cols;
      const before = this.loaded;
      this.loaded = { ...before, ...loaded };
      this.loadedNull = false;
      this.ctx.responded(loaded, () => {
        this.loaded = before;
        this.loadedNull = null;
      });
    }, jsonBytes(props));
  }

  private get<K extends keyof Loaded>(key: K): NonNullable<Loaded[K]> {
    const value = this.loaded[key];
    return value === undefined ? notLoaded(`range.${key}`) : (value as NonNullable<Loaded[K]>);
  }

  get values(): FakeValue[][] {
    return this.get('values');
  }

  set values(matrix: unknown[][]) {
    this.ctx.enqueue(() => {
      const resolved = this.target();
      checkShape(matrix, resolved.rect);
      forEachCell(resolved, (cell, r, c) => {
        const value = matrix[r][c];
        if (value !== null) typeIn(value, cell); // Excel ignores null entries
      });
    }, jsonBytes(matrix));
  }

  get formulas(): FakeValue[][] {
    return this.get('formulas');
  }

  get address(): string {
    return this.get('address');
  }

  get rowIndex(): number {
    return this.get('rowIndex');
  }

  get columnIndex(): number {
    return this.get('columnIndex');
  }

  get rowCount(): number {
    return this.get('rowCount');
  }

  get columnCount(): number {
    return this.get('columnCount');
  }

  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }

  set numberFormat(matrix: (string | null)[][]) {
    this.ctx.enqueue(() => {
      const resolved = this.target();
      checkShape(matrix, resolved.rect);
      forEachCell(resolved, (cell, r, c) => {
        const format = matrix[r][c];
        if (format !== null) cell.numberFormat = format;
      });
    }, jsonBytes(matrix));
  }

  set hyperlink(link: FakeCell['hyperlink']) {
    this.ctx.enqueue(() => forEachCell(this.target(), (cell) => (cell.hyperlink = link)), jsonBytes(link));
  }

  /** Clears values, formulas, formats, fills, fonts and hyperlinks (Excel's `clear('All')`); notes and merges stay. */
  clear(_applyTo?: string): void {
    this.ctx.enqueue(() =>
      forEachExisting(this.target(), (cell) => {
        cell.value = null;
        delete cell.formula;
        delete cell.quotePrefix;
        delete cell.numberFormat;
        cell.fill = null;
        delete cell.fontColor;
        delete cell.bold;
        delete cell.wrapText;
        delete cell.horizontalAlignment;
        delete cell.verticalAlignment;
        delete cell.hyperlink;
      }),
    );
  }

  getCellProperties(_spec: unknown): { value: { format: { fill: { color: string } } }[][] } {
    let value: { format: { fill: { color: string } } }[][] | null = null;
    const result = {
      get value(): { format: { fill: { color: string } } }[][] {
        return value ?? notLoaded('cellProperties.value');
      },
    };
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      value = matrixOf(rect, (r, c) => ({ format: { fill: { color: sheet.peek(r, c)?.fill ?? '#FFFFFF' } } }));
      this.ctx.stats.cellPropertyCells += rect.rows * rect.cols;
      this.ctx.responded(value, () => (value = null));
    }, jsonBytes(_spec));
    return result;
  }

  getBoundingRect(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      const a = this.target();
      const b = other.target();
      const row = Math.min(a.rect.row, b.rect.row);
      const col = Math.min(a.rect.col, b.rect.col);
      const bottom = Math.max(a.rect.row + a.rect.rows, b.rect.row + b.rect.rows);
      const right = Math.max(a.rect.col + a.rect.cols, b.rect.col + b.rect.cols);
      return { sheet: a.sheet, rect: { row, col, rows: bottom - row, cols: right - col } };
    });
  }

  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return new FakeRange(this.ctx, () => {
      if (this.resolvedNull || other.resolvedNull) return null;
      const a = this.target();
      const b = other.target();
      const row = Math.max(a.rect.row, b.rect.row);
      const col = Math.max(a.rect.col, b.rect.col);
      const bottom = Math.min(a.rect.row + a.rect.rows, b.rect.row + b.rect.rows);
      const right = Math.min(a.rect.col + a.rect.cols, b.rect.col + b.rect.cols);
      return bottom > row && right > col ? { sheet: a.sheet, rect: { row, col, rows: bottom - row, cols: right - col } } : null;
    });
  }

  /** The merged areas within the range (Excel fails above 512 of them); a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.target();
      const rects = sheet.merges.filter((m) => m.row < rect.row + rect.rows && m.row + m.rows > rect.row && m.col < rect.col + rect.cols && m.col + m.cols > rect.col);
      if (rects.length > 512) throw fakeError('GeneralException', 'more than 512 merged areas');
      return rects.length ? { sheet, rects } : null;
    });
  }

  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      if (this.ctx.book.activeSheet !== sheet.name) throw fakeError('InvalidSelection', 'select on a sheet that is not active');
      this.ctx.book.selection = `${sheet.name}!${rectText(rect)}`;
    });
  }
}

class FakeRangeAreas {
  private resolved: { sheet: FakeSheet; rects: Rect[] } | null = null;
  private resolvedNull = false;
  private loaded: { address?: string; isNull?: boolean } = {};
  readonly format: FakeFormat;

  constructor(private readonly ctx: FakeRequestContext, resolve: () => { sheet: FakeSheet; rects: Rect[] } | null, pathBytes = 0) {
    ctx.proxyCreated();
    ctx.enqueue(() => {
      const resolved = resolve();
      if (resolved) this.resolved = resolved;
      else this.resolvedNull = true;
    }, pathBytes);
    const cells = (visit: (cell: FakeCell) => void) => {
      if (!this.resolved) throw fakeError('InvalidReference', 'range areas used before they resolved');
      const { sheet, rects } = this.resolved;
      for (const rect of rects) forEachCell({ sheet, rect }, visit);
    };
    this.format = new FakeFormat(
      ctx,
      cells,
      () => {
        throw fakeError('InvalidArgument', 'columnWidth on range areas is not supported here');
      },
      (points) => {
        if (!this.resolved) throw fakeError('InvalidReference', 'range areas used before they resolved');
        const { sheet, rects } = this.resolved;
        for (const rect of rects) for (let r = rect.row; r < rect.row + rect.rows; r++) points === null ? sheet.rowHeights.delete(r) : sheet.rowHeights.set(r, points);
      },
    );
  }

  /** 'address' ("Blad!A1:B2,Blad!C3") */
  load(props: string): void {
    this.ctx.enqueue(() => {
      if (this.resolvedNull) {
        this.loaded = { isNull: true };
        this.ctx.responded({ isNullObject: true }, () => (this.loaded = {}));
        return;
      }
      if (!this.resolved) throw fakeError('InvalidReference', 'range areas used before they resolved');
      const { sheet, rects } = this.resolved;
      const loaded: { address?: string; isNull: boolean } = { isNull: false };
      if (wants(props, 'address')) loaded.address = rects.map((rect) => `${quoteSheet(sheet.name)}!${rectText(rect)}`).join(',');
      this.loaded = loaded;
      this.ctx.responded(loaded, () => (this.loaded = {}));
    }, jsonBytes(props));
  }

  get isNullObject(): boolean {
    return this.loaded.isNull ?? notLoaded('rangeAreas.isNullObject');
  }

  get address(): string {
    return this.loaded.address ?? notLoaded('rangeAreas.address');
  }
}

/** A sheet name as Excel writes it in an address: quoted when it is not a plain word. */
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function matrixOf<T>(rect: Rect, read: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rect.rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < rect.cols; c++) line.push(read(rect.row + r, rect.col + c));
    out.push(line);
  }
  return out;
}

function checkShape(matrix: unknown[][], rect: Rect): void {
  if (matrix.length !== rect.rows || matrix.some((line) => line.length !== rect.cols)) {
    throw fakeError('InvalidArgument', `matrix ${matrix.length}×${matrix[0]?.length} does not fit ${rect.rows}×${rect.cols}`);
  }
}

function rectText(rect: Rect): string {
  const letters = (col: number): string => {
    let n = col + 1;
    let s = '';
    while (n > 0) {
      const rem = (n - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const start = `${letters(rect.col)}${rect.row + 1}`;
  return rect.rows === 1 && rect.cols === 1 ? start : `${start}:${letters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}
