// An in-memory stand-in for Excel's RequestContext: proxies queue loads and writes that run on sync(), with Excel's typing rules; counts syncs and proxies.
// Self-contained (type imports only) so that the browser test can transpile it into a stub office.js.
import type { CellValue, WorkbookGrids } from '../../core/types';

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
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
  validation?: unknown;
}

export class FakeSheet {
  rows: (FakeCell | undefined)[][] = [];
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  constructor(public name: string) {}

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

  /** Rectangle of cells holding a value or a format, as Excel's used range; A1 when the sheet is blank. */
  usedRect(): Rect {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (!cell || !isUsed(cell)) return;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }),
    );
    if (bottom < 0) return { row: 0, col: 0, rows: 1, cols: 1 };
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

function isUsed(cell: FakeCell): boolean {
  return (cell.value !== null && cell.value !== '') || (cell.fill ?? null) !== null || cell.numberFormat !== undefined || cell.bold === true || cell.fontColor !== undefined;
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

  /** A workbook whose cells hold the grids' values as stored (not typed in), formats and fills. */
  static fromGrids(grids: WorkbookGrids): FakeWorkbook {
    const workbook = new FakeWorkbook();
    for (const grid of grids.sheets) {
      const sheet = new FakeSheet(grid.name);
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

  /** Every sheet's values, formats and fills from A1 to its used range's end, null for blank/none. */
  toGrids(): WorkbookGrids {
    return {
      sheets: this.sheets.map((sheet) => {
        const used = sheet.usedRect();
        const rows = used.row + used.rows;
        const cols = used.col + used.cols;
        const values: CellValue[][] = [];
        const formats: (string | null)[][] = [];
        const fills: (string | null)[][] = [];
        for (let r = 0; r < rows; r++) {
          values.push([]);
          formats.push([]);
          fills.push([]);
          for (let c = 0; c < cols; c++) {
            const cell = sheet.peek(r, c);
            values[r].push(cell?.value ?? null);
            formats[r].push(cell?.numberFormat ?? null);
            fills[r].push(cell?.fill ?? null);
          }
        }
        return { name: sheet.name, values, formats, fills };
      }),
    };
  }
}

type Op = () => void;

/** Counts of what a command cost. */
export interface FakeStats {
  syncs: number;
  proxies: number;
}

/** The fake `Excel.RequestContext`. */
export class FakeRequestContext {
  readonly stats: FakeStats = { syncs: 0, proxies: 0 };
  readonly workbook: { worksheets: FakeWorksheetCollection };
  private queue: Op[] = [];

  constructor(readonly book: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheetCollection(this) };
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  proxyCreated(): void {
    this.stats.proxies++;
  }

  /** Runs every queued operation in order; the first failure rejects (earlier ones stay applied, as in Excel). */
  async sync(): Promise<void> {
    this.stats.syncs++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) op();
  }
}

function notLoaded(what: string): never {
  throw fakeError('PropertyNotLoaded', `${what} is not loaded; call load() and sync() first`);
}

class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private readonly ctx: FakeRequestContext) {}

  load(_props?: string): void {
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.book.sheets.map((sheet) => FakeWorksheet.of(this.ctx, sheet));
    });
  }

  get items(): FakeWorksheet[] {
    return this.loadedItems ?? notLoaded('worksheets.items');
  }

  getItem(name: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this.ctx);
    this.ctx.enqueue(() => {
      proxy.target = this.ctx.book.sheet(name);
    });
    return proxy;
  }

  add(name: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this.ctx);
    this.ctx.enqueue(() => {
      if (this.ctx.book.find(name)) throw fakeError('ItemAlreadyExists', `sheet ${name} exists`);
      if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw fakeError('InvalidArgument', `bad sheet name ${name}`);
      const sheet = new FakeSheet(name);
      this.ctx.book.sheets.push(sheet);
      proxy.target = sheet;
    });
    return proxy;
  }
}

class FakeWorksheet {
  target: FakeSheet | null = null;
  private loadedName: string | null = null;
  readonly freezePanes: { freezeRows: (count: number) => void };

  constructor(private readonly ctx: FakeRequestContext) {
    ctx.proxyCreated();
    this.freezePanes = {
      freezeRows: (count: number) => this.ctx.enqueue(() => (this.sheet().frozenRows = count)),
    };
  }

  /** A proxy for an existing sheet with its name loaded (what `worksheets.load('items/name')` gives). */
  static of(ctx: FakeRequestContext, sheet: FakeSheet): FakeWorksheet {
    const proxy = new FakeWorksheet(ctx);
    proxy.target = sheet;
    proxy.loadedName = sheet.name;
    return proxy;
  }

  sheet(): FakeSheet {
    if (!this.target) throw fakeError('InvalidReference', 'worksheet proxy used before it resolved');
    return this.target;
  }

  get name(): string {
    return this.loadedName ?? notLoaded('worksheet.name');
  }

  set name(value: string) {
    this.ctx.enqueue(() => {
      const other = this.ctx.book.find(value);
      if (other && other !== this.sheet()) throw fakeError('ItemAlreadyExists', `sheet ${value} exists`);
      this.sheet().name = value;
    });
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

  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), rect: parseAddress(address) }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), rect: { row, col, rows, cols } }));
  }

  getUsedRange(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => ({ sheet: this.sheet(), rect: this.sheet().usedRect() }));
  }

  getRanges(addresses: string): FakeRangeAreas {
    if (addresses.length > 255) throw fakeError('InvalidArgument', `address string longer than 255 characters (${addresses.length})`);
    return new FakeRangeAreas(this.ctx, () => ({ sheet: this.sheet(), rects: addresses.split(',').map(parseAddress) }));
  }
}

interface Resolved {
  sheet: FakeSheet;
  rect: Rect;
}

function forEachCell(resolved: Resolved, visit: (cell: FakeCell, r: number, c: number) => void): void {
  const { sheet, rect } = resolved;
  for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) visit(sheet.cell(rect.row + r, rect.col + c), r, c);
}

/** Format setters shared by ranges and range areas. */
class FakeFormat {
  readonly fill: { color: string; clear: () => void };
  readonly font: { color: string; bold: boolean };
  declare columnWidth: number;
  constructor(ctx: FakeRequestContext, cells: (visit: (cell: FakeCell) => void) => void, onColumnWidth: (points: number) => void) {
    this.fill = {
      set color(value: string) {
        ctx.enqueue(() => cells((cell) => (cell.fill = value.toUpperCase())));
      },
      get color(): string {
        return notLoaded('format.fill.color');
      },
      clear: () => ctx.enqueue(() => cells((cell) => (cell.fill = null))),
    };
    this.font = {
      set color(value: string) {
        ctx.enqueue(() => cells((cell) => (cell.fontColor = value.toUpperCase())));
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
  }
}

class FakeRange {
  private resolved: Resolved | null = null;
  private loaded: { values?: FakeValue[][]; numberFormat?: string[][] } = {};
  readonly format: FakeFormat;
  readonly dataValidation: { rule: unknown };

  constructor(private readonly ctx: FakeRequestContext, resolve: () => Resolved) {
    ctx.proxyCreated();
    ctx.enqueue(() => {
      this.resolved = resolve();
    });
    const cells = (visit: (cell: FakeCell) => void) => forEachCell(this.target(), visit);
    this.format = new FakeFormat(ctx, cells, (points) => {
      const { sheet, rect } = this.target();
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, points);
    });
    this.dataValidation = {
      set rule(rule: unknown) {
        ctx.enqueue(() => cells((cell) => (cell.validation = rule)));
      },
      get rule(): unknown {
        return notLoaded('dataValidation.rule');
      },
    };
  }

  target(): Resolved {
    if (!this.resolved) throw fakeError('InvalidReference', 'range proxy used before it resolved');
    return this.resolved;
  }

  load(props: string): void {
    const wanted = props.split(',').map((p) => p.trim());
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      if (wanted.includes('values')) {
        this.loaded.values = matrixOf(rect, (r, c) => {
          const cell = sheet.peek(r, c);
          return cell?.value ?? '';
        });
      }
      if (wanted.includes('numberFormat')) {
        this.loaded.numberFormat = matrixOf(rect, (r, c) => sheet.peek(r, c)?.numberFormat ?? 'General');
      }
    });
  }

  get values(): FakeValue[][] {
    return this.loaded.values ?? notLoaded('range.values');
  }

  set values(matrix: unknown[][]) {
    this.ctx.enqueue(() => {
      const resolved = this.target();
      checkShape(matrix, resolved.rect);
      forEachCell(resolved, (cell, r, c) => {
        const value = matrix[r][c];
        if (value !== null) typeIn(value, cell); // Excel ignores null entries
      });
    });
  }

  get numberFormat(): string[][] {
    return this.loaded.numberFormat ?? notLoaded('range.numberFormat');
  }

  set numberFormat(matrix: (string | null)[][]) {
    this.ctx.enqueue(() => {
      const resolved = this.target();
      checkShape(matrix, resolved.rect);
      forEachCell(resolved, (cell, r, c) => {
        const format = matrix[r][c];
        if (format !== null) cell.numberFormat = format;
      });
    });
  }

  set hyperlink(link: FakeCell['hyperlink']) {
    this.ctx.enqueue(() => forEachCell(this.target(), (cell) => (cell.hyperlink = link)));
  }

  getCellProperties(_spec: unknown): { value: { format: { fill: { color: string } } }[][] } {
    const result: { value: { format: { fill: { color: string } } }[][] } = {
      get value(): never {
        return notLoaded('cellProperties.value');
      },
    } as never;
    this.ctx.enqueue(() => {
      const { sheet, rect } = this.target();
      const value = matrixOf(rect, (r, c) => ({ format: { fill: { color: sheet.peek(r, c)?.fill ?? '#FFFFFF' } } }));
      Object.defineProperty(result, 'value', { value });
    });
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
  readonly format: FakeFormat;

  constructor(ctx: FakeRequestContext, resolve: () => { sheet: FakeSheet; rects: Rect[] }) {
    ctx.proxyCreated();
    ctx.enqueue(() => {
      this.resolved = resolve();
    });
    const cells = (visit: (cell: FakeCell) => void) => {
      if (!this.resolved) throw fakeError('InvalidReference', 'range areas used before they resolved');
      const { sheet, rects } = this.resolved;
      for (const rect of rects) forEachCell({ sheet, rect }, visit);
    };
    this.format = new FakeFormat(ctx, cells, () => {
      throw fakeError('InvalidArgument', 'columnWidth on range areas is not supported here');
    });
  }
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
