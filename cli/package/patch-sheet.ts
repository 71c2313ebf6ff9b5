// Patches one worksheet part in place: changed and added cells, column widths and the dimension; every other byte of the part stays as it was.
import { a1, columnLetters, parseA1 } from '../../core/common/a1';
import type { CellValue } from '../../core/types';
import type { StyleChange, Styles } from './styles';
import { attributesOf, ByteWriter, escapeText, setAttribute, xmlSafe } from './xml';

/** What to do to one cell: write a value (or not) and change its style. */
export interface CellPatch {
  /** True to replace the cell's value with `value` (null = empty the cell). */
  writeValue: boolean;
  value: CellValue;
  change: StyleChange;
}

/** All changes to one worksheet: cells by 0-based row and column, widths by 0-based column. */
export class SheetPatch {
  readonly rows = new Map<number, Map<number, CellPatch>>();
  readonly widths = new Map<number, number>();

  /** Adds a change to a cell; a later change's style fields add to an earlier one's. */
  set(row: number, col: number, patch: CellPatch): void {
    let cells = this.rows.get(row);
    if (!cells) this.rows.set(row, (cells = new Map()));
    const earlier = cells.get(col);
    if (!earlier) cells.set(col, patch);
    else cells.set(col, { writeValue: earlier.writeValue || patch.writeValue, value: patch.writeValue ? patch.value : earlier.value, change: { ...earlier.change, ...patch.change } });
  }

  get empty(): boolean {
    return this.rows.size === 0 && this.widths.size === 0;
  }
}

/** Serialises a value as a cell element's type attribute and content (inline strings: text is never a formula). */
export function cellContent(value: CellValue): { type: string | null; body: string } {
  if (value === null || value === undefined || value === '') return { type: null, body: '' };
  if (typeof value === 'number') return Number.isFinite(value) ? { type: null, body: `<v>${String(value)}</v>` } : { type: null, body: '' };
  if (typeof value === 'boolean') return { type: 'b', body: `<v>${value ? 1 : 0}</v>` };
  return { type: 'inlineStr', body: `<is><t xml:space="preserve">${escapeText(xmlSafe(String(value)))}</t></is>` };
}

/** One `<c>` element. */
export function cellXml(prefix: string, ref: string, style: number, value: CellValue): string {
  const { type, body } = cellContent(value);
  const attrs = `r="${ref}"${style ? ` s="${style}"` : ''}${type ? ` t="${type}"` : ''}`;
  if (!body) return `<${prefix}c ${attrs}/>`;
  return `<${prefix}c ${attrs}>${prefix ? body.replace(/<(\/?)(?=[a-z])/g, `<$1${prefix}`) : body}</${prefix}c>`;
}

/**
 * The markup of written cells and rows for one namespace prefix ('' or `x:`), as bytes: copying a few bytes costs
 * less than encoding a string, and a cell is mostly markup.
 */
export interface Markup {
  prefix: string;
  valueClose: Uint8Array;
  stringClose: Uint8Array;
  rowOpen: Uint8Array;
  rowClose: Uint8Array;
  /** `<c r="` and the column's letters, by column (made as columns are met). */
  cellOpen: Uint8Array[];
  /** What follows a cell's reference, by style index: the end of an empty cell, the start of a number's, a boolean's, a text's. */
  empty: Uint8Array[];
  number: Uint8Array[];
  boolean: Uint8Array[];
  text: Uint8Array[];
}

const MARKUP = new Map<string, Markup>();

export function markupOf(prefix: string): Markup {
  let markup = MARKUP.get(prefix);
  if (!markup) {
    const p = prefix;
    markup = {
      prefix,
      valueClose: bytesOf(`</${p}v></${p}c>`),
      stringClose: bytesOf(`</${p}t></${p}is></${p}c>`),
      rowOpen: bytesOf(`<${p}row r="`),
      rowClose: bytesOf(`</${p}row>`),
      cellOpen: [],
      empty: [],
      number: [],
      boolean: [],
      text: [],
    };
    MARKUP.set(prefix, markup);
  }
  return markup;
}

function bytesOf(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

const COLUMN_NAMES: string[] = [];

/** Column letters, computed once per column. */
export function columnName(col: number): string {
  return (COLUMN_NAMES[col] ??= columnLetters(col));
}

/** `" s="3"` for a style, `"` for style 0 (no attribute): the end of the `r` attribute and the style's. */
function styleAttribute(style: number): string {
  return style ? `" s="${style}"` : '"';
}

/** Writes one `<c>` element: the bytes of `cellXml(prefix, a1(row - 1, col), style, value)`, `row` 1-based. */
export function writeCell(out: ByteWriter, m: Markup, col: number, row: number, style: number, value: CellValue): void {
  const p = m.prefix;
  out.put((m.cellOpen[col] ??= bytesOf(`<${p}c r="${columnName(col)}`)));
  out.int(row);
  if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) {
    out.put((m.empty[style] ??= bytesOf(`${styleAttribute(style)}/>`)));
  } else if (typeof value === 'number') {
    out.put((m.number[style] ??= bytesOf(`${styleAttribute(style)}><${p}v>`)));
    if (Number.isInteger(value) && value >= 0 && value <= 0x7fffffff) out.int(value);
    else out.raw(String(value));
    out.put(m.valueClose);
  } else if (typeof value === 'boolean') {
    out.put((m.boolean[style] ??= bytesOf(`${styleAttribute(style)} t="b"><${p}v>`)));
    out.put(value ? ONE : ZERO);
    out.put(m.valueClose);
  } else {
    out.put((m.text[style] ??= bytesOf(`${styleAttribute(style)} t="inlineStr"><${p}is><${p}t xml:space="preserve">`)));
    out.text(String(value));
    out.put(m.stringClose);
  }
}

const ONE = bytesOf('1');
const ZERO = bytesOf('0');

/** 0-based column of an A1 reference's letters (`AB12` → 27), -1 when it has none. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return i === 0 ? -1 : col - 1;
}

/** Style indexes by change object and base style: block cells share one change object per distinct change. */
class StyleLookup {
  private readonly byChange = new Map<StyleChange, Map<number, number>>();

  constructor(readonly styles: Styles) {}

  index(base: number, change: StyleChange): number {
    let bases = this.byChange.get(change);
    if (!bases) this.byChange.set(change, (bases = new Map()));
    let index = bases.get(base);
    if (index === undefined) bases.set(base, (index = hasChange(change) ? this.styles.styleWith(base, change) : base));
    return index;
  }
}

interface Cursor {
  buf: Buffer;
  m: Markup;
  out: ByteWriter;
  copyFrom: number;
  styles: StyleLookup;
  /** The cells of the row being patched: start and end offsets and columns, and what each becomes (reused from row to row). */
  starts: number[];
  ends: number[];
  cols: number[];
  outs: (string | number | undefined)[];
  /** The row's new cells in column order, and their styles. */
  added: number[];
  addedStyles: number[];
}

/** The patched worksheet part. Cells holding a formula keep their value (a user's formula is never overwritten). */
export function patchSheet(xml: Buffer, patch: SheetPatch, styles: Styles): Buffer {
  const out = new ByteWriter(xml.length + (xml.length >> 1));
  const patching = startPatch(xml, patch, styles, out);
  if (!patching) return xml;
  while (!continuePatch(patching));
  return out.result();
}

/** True when patchSheet can patch the part: it has a sheetData (a part without one is left whole). */
export function patchable(xml: Buffer): boolean {
  const open = findSheetData(xml);
  return !!open && (open.selfClosing || xml.lastIndexOf(Buffer.from(`</${open.prefix}sheetData>`)) >= 0);
}

/**
 * Writes the patched worksheet part into `out` (see patchSheet), a row at a time, letting other work run between
 * rows whenever the writer asks for it (its sink has sent a piece on: `out.waiting`).
 */
export async function writePatchedSheet(xml: Buffer, patch: SheetPatch, styles: Styles, out: ByteWriter): Promise<void> {
  const patching = startPatch(xml, patch, styles, out);
  if (!patching) throw new Error('not a patchable worksheet part'); // callers ask patchable first
  while (!continuePatch(patching)) await out.resume();
}

/** A worksheet part being patched: the output so far, and where the walk through its rows is. */
interface Patching extends Cursor {
  patch: SheetPatch;
  /** The rows that get cells, in order, and the next of them not yet written. */
  pending: number[];
  next: number;
  lastRow: number;
  /** Where the search for the next row starts, and where sheetData ends. */
  pos: number;
  end: number;
  rowTag: Buffer;
  rowClose: Buffer;
}

/** Writes the part's head and returns the walk through its rows, or null (nothing written) for a part patchable refuses. */
function startPatch(xml: Buffer, patch: SheetPatch, styles: Styles, out: ByteWriter): Patching | null {
  const open = findSheetData(xml);
  if (!open) return null; // not a worksheet this patcher understands; leave it whole
  const { prefix } = open;
  const end = xml.lastIndexOf(Buffer.from(`</${prefix}sheetData>`));
  if (!open.selfClosing && end < 0) return null; // not well-formed (the reader would have refused it)
  out.raw(patchHead(xml.toString('utf8', 0, open.tagStart), prefix, patch));
  const patching: Patching = {
    buf: xml,
    m: markupOf(prefix),
    out,
    copyFrom: open.tagStart,
    styles: new StyleLookup(styles),
    starts: [],
    ends: [],
    cols: [],
    outs: [],
    added: [],
    addedStyles: [],
    patch,
    pending: [...patch.rows.keys()].sort((x, y) => x - y),
    next: 0,
    lastRow: -1,
    pos: open.contentStart,
    end,
    rowTag: Buffer.from(`<${prefix}row`),
    rowClose: Buffer.from(`</${prefix}row>`),
  };
  if (open.selfClosing) {
    copyTo(patching, open.tagStart);
    out.raw(`<${prefix}sheetData>`);
    for (const r of patching.pending) newRow(patching, r, patch.rows.get(r)!);
    out.raw(`</${prefix}sheetData>`);
    patching.copyFrom = open.contentStart;
    patching.pending = [];
    patching.end = -1;
  }
  return patching;
}

/** Patches rows until the part is done (true) or the writer asks to let other work run (false: call again). */
function continuePatch(c: Patching): boolean {
  const { buf: xml, out, pending, patch, rowTag, rowClose, end } = c;
  for (;;) {
    if (out.waiting) return false;
    const at = end < 0 ? -1 : nextTag(xml, rowTag, c.pos, end);
    if (at < 0) break;
    const tagEnd = xml.indexOf(0x3e, at);
    const selfClosing = xml[tagEnd - 1] === 0x2f;
    const rowEnd = selfClosing ? tagEnd + 1 : xml.indexOf(rowClose, tagEnd) + rowClose.length;
    let number = rowNumberAt(xml, at + rowTag.length, tagEnd);
    let tag: string | null = null;
    if (number === 0) {
      tag = xml.toString('utf8', at, tagEnd + 1);
      const r = ROW_NUMBER.exec(tag)?.[1];
      number = r ? Number(r) : -1;
    }
    const row = number > 0 ? number - 1 : number === 0 ? -1 : c.lastRow + 1;
    c.lastRow = row;
    if (c.next < pending.length && pending[c.next] < row) {
      copyTo(c, at);
      while (c.next < pending.length && pending[c.next] < row) newRow(c, pending[c.next], patch.rows.get(pending[c.next++])!);
      c.copyFrom = at;
    }
    if (c.next < pending.length && pending[c.next] === row) {
      copyTo(c, at);
      patchRow(c, tag ?? xml.toString('utf8', at, tagEnd + 1), row, tagEnd + 1, selfClosing ? tagEnd + 1 : rowEnd - rowClose.length, patch.rows.get(pending[c.next++])!);
      c.copyFrom = rowEnd;
    } else if (number < 0) {
      // rows after an inserted one need their number
      copyTo(c, at);
      out.raw(setAttribute(tag as string, 'r', String(row + 1)));
      c.copyFrom = tagEnd + 1;
    }
    c.pos = rowEnd;
  }
  if (c.next < pending.length) {
    copyTo(c, end);
    while (c.next < pending.length) newRow(c, pending[c.next], patch.rows.get(pending[c.next++])!);
    c.copyFrom = end;
  }
  finishSheet(c);
  return true;
}

/** Copies the original bytes not yet copied up to `at`. */
function copyTo(cursor: Cursor, at: number): void {
  if (at > cursor.copyFrom) cursor.out.bytes(cursor.buf, cursor.copyFrom, at);
  cursor.copyFrom = Math.max(cursor.copyFrom, at);
}

function finishSheet(cursor: Cursor): void {
  copyTo(cursor, cursor.buf.length);
}

/** The number of a row tag whose attributes start with `r="…"` (the way every writer puts it), 0 when they do not. */
function rowNumberAt(buf: Buffer, at: number, tagEnd: number): number {
  if (buf[at] !== 0x20 || buf[at + 1] !== 0x72 || buf[at + 2] !== 0x3d || buf[at + 3] !== 0x22) return 0; // ` r="`
  let n = 0;
  let i = at + 4;
  for (; i < tagEnd; i++) {
    const c = buf[i];
    if (c < 0x30 || c > 0x39) break;
    n = n * 10 + (c - 0x30);
  }
  return i > at + 4 && buf[i] === 0x22 && n > 0 && n <= 0xfffffff ? n : 0;
}
/** The next `<row` (not `<rowBreaks…`) between pos and end, or -1. */
function nextTag(buf: Buffer, tag: Buffer, pos: number, end: number): number {
  for (let at = buf.indexOf(tag, pos); at >= 0 && at < end; at = buf.indexOf(tag, at + 1)) {
    const after = buf[at + tag.length];
    if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) return at;
  }
  return -1;
}

function findSheetData(buf: Buffer): { prefix: string; tagStart: number; contentStart: number; selfClosing: boolean } | null {
  const name = Buffer.from('sheetData');
  for (let at = buf.indexOf(name); at >= 0; at = buf.indexOf(name, at + 1)) {
    const lt = buf.lastIndexOf(0x3c, at);
    const prefix = buf.toString('latin1', lt + 1, at);
    if (!/^(\w+:)?$/.test(prefix)) continue;
    const tagEnd = buf.indexOf(0x3e, at);
    return { prefix, tagStart: lt, contentStart: tagEnd + 1, selfClosing: buf[tagEnd - 1] === 0x2f };
  }
  return null;
}

function newRow(c: Cursor, row: number, cells: Map<number, CellPatch>): void {
  const cols = [...cells.keys()].sort((x, y) => x - y);
  const out = c.out;
  out.put(c.m.rowOpen);
  out.int(row + 1);
  out.raw('">');
  for (const col of cols) {
    const patch = cells.get(col)!;
    writeCell(out, c.m, col, row + 1, c.styles.index(0, patch.change), patch.writeValue ? patch.value : null);
  }
  out.put(c.m.rowClose);
}

function newCell(prefix: string, row: number, col: number, base: number, patch: CellPatch, styles: StyleLookup): string {
  return cellXml(prefix, a1(row, col), styles.index(base, patch.change), patch.writeValue ? patch.value : null);
}

function hasChange(change: StyleChange): boolean {
  for (const key in change) if (change[key as keyof StyleChange] !== undefined) return true;
  return false;
}

const CELL_REF = /\sr\s*=\s*["']([A-Za-z]+\d+)["']/;
const CELL_STYLE = /\ss\s*=\s*["'](\d+)["']/;
const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/;
const CELL = /<(\w+:)?c\b(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/\1?c>)/g;

/** A row's start tag as it is written back: open (not self-closing), without `spans` (the row's cells change). */
function rowStartTag(tag: string): string {
  return setAttribute(tag.endsWith('/>') ? tag.slice(0, -2).replace(/\s+$/, '') + '>' : tag, 'spans', null);
}

/**
 * A row with its patched cells rewritten and new ones added in column order; other cells as they were. The usual
 * row (every cell starts `<c r="…"`, one right after the other, columns increasing) is patched on bytes, its
 * unchanged cells copied as they are; any other row goes through the text path, which gives the same bytes.
 */
function patchRow(c: Cursor, tag: string, row: number, bodyStart: number, bodyEnd: number, cells: Map<number, CellPatch>): void {
  const out = c.out;
  if (!scanCells(c, bodyStart, bodyEnd)) {
    out.raw(patchRowText(c, tag, row, bodyEnd > bodyStart ? c.buf.toString('utf8', bodyStart, bodyEnd) : '', cells));
    return;
  }
  const { buf, m, starts, ends, cols, outs, added, addedStyles } = c;
  const n = cols.length;
  // Styles are asked for in the text path's order (patched cells as they come, then new cells), so indexes are the same.
  outs.length = 0;
  for (let i = 0; i < n; i++) {
    const patch = cells.get(cols[i]);
    outs[i] = patch ? patchCell(c, buf.toString('utf8', starts[i], ends[i]), row, cols[i], patch) : undefined;
  }
  added.length = 0;
  addedStyles.length = 0;
  for (const [col, patch] of cells) {
    if (n > 0 && indexOfSorted(cols, col) >= 0) continue;
    // kept in column order as they come (usually they come in order)
    let at = added.length;
    while (at > 0 && added[at - 1] > col) {
      added[at] = added[at - 1];
      addedStyles[at] = addedStyles[at - 1];
      at--;
    }
    added[at] = col;
    addedStyles[at] = c.styles.index(0, patch.change);
  }
  out.raw(rowStartTag(tag));
  let run = -1; // start of a run of unchanged cells, copied in one piece
  let i = 0;
  let k = 0;
  while (i < n || k < added.length) {
    if (k < added.length && (i >= n || added[k] < cols[i])) {
      if (run >= 0) out.bytes(buf, run, i < n ? starts[i] : bodyEnd);
      run = -1;
      const col = added[k];
      const patch = cells.get(col)!;
      writeCell(out, m, col, row + 1, addedStyles[k++], patch.writeValue ? patch.value : null);
      continue;
    }
    const o = outs[i];
    if (o === undefined) {
      if (run < 0) run = starts[i];
    } else {
      if (run >= 0) out.bytes(buf, run, starts[i]);
      run = -1;
      if (typeof o === 'number') {
        const patch = cells.get(cols[i])!;
        writeCell(out, m, cols[i], row + 1, o, patch.value);
      } else out.raw(o);
    }
    i++;
  }
  if (run >= 0) out.bytes(buf, run, bodyEnd);
  out.put(m.rowClose);
}

function indexOfSorted(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Finds the cells of a row body into the cursor's starts, ends and cols when the body is nothing but cells, each
 * `<c r="A1"…>` with the sheet's prefix, columns increasing: the cells the text path's expressions find, with
 * the same extents. False for anything else (whitespace, other elements, cells without `r`, columns out of order).
 */
function scanCells(c: Cursor, start: number, end: number): boolean {
  const { buf, starts, ends, cols } = c;
  starts.length = 0;
  ends.length = 0;
  cols.length = 0;
  if (end < start) return false;
  const prefix = c.m.prefix;
  let previous = -1;
  let p = start;
  while (p < end) {
    if (buf[p] !== 0x3c) return false;
    for (let k = 0; k < prefix.length; k++) if (buf[p + 1 + k] !== prefix.charCodeAt(k)) return false;
    const q = p + 1 + prefix.length; // `c r="`
    if (buf[q] !== 0x63 || buf[q + 1] !== 0x20 || buf[q + 2] !== 0x72 || buf[q + 3] !== 0x3d || buf[q + 4] !== 0x22) return false;
    let i = q + 5;
    let col = 0;
    const letters = i;
    for (; ; i++) {
      const code = buf[i] & ~32;
      if (code < 65 || code > 90) break;
      col = col * 26 + (code - 64);
    }
    if (i === letters) return false;
    const digits = i;
    while (buf[i] >= 0x30 && buf[i] <= 0x39) i++;
    if (i === digits || buf[i] !== 0x22) return false;
    col -= 1;
    if (col <= previous) return false;
    // Cells are short: a loop finds their ends sooner than a call into the runtime.
    let tagEnd = i;
    while (tagEnd < end && buf[tagEnd] !== 0x3e) tagEnd++;
    if (tagEnd >= end) return false;
    let cellEnd = -1;
    if (buf[tagEnd - 1] === 0x2f) cellEnd = tagEnd + 1;
    else {
      for (let k = tagEnd + 1; k < end; k++) {
        if (buf[k] !== 0x3c || buf[k + 1] !== 0x2f) continue;
        let same = true; // `</` + prefix + `c>`
        for (let x = 0; x < prefix.length && same; x++) same = buf[k + 2 + x] === prefix.charCodeAt(x);
        if (same && buf[k + 2 + prefix.length] === 0x63 && buf[k + 3 + prefix.length] === 0x3e) {
          cellEnd = k + 4 + prefix.length;
          break;
        }
        if (prefix && buf[k + 2] === 0x63 && buf[k + 3] === 0x3e) return false; // a bare `</c>` closes it for the text path
      }
      if (cellEnd < 0) return false;
    }
    if (cellEnd > end) return false;
    starts.push(p);
    ends.push(cellEnd);
    cols.push(col);
    previous = col;
    p = cellEnd;
  }
  return true;
}

/** The text path of patchRow, for any row: its XML as a string. */
function patchRowText(c: Cursor, tag: string, row: number, body: string, cells: Map<number, CellPatch>): string {
  const prefix = c.m.prefix;
  const out: { col: number; xml: string }[] = [];
  const seen = new Set<number>();
  let col = -1;
  let last = 0;
  for (const m of body.matchAll(CELL)) {
    last = (m.index ?? 0) + m[0].length;
    const cellTag = m[0].slice(0, m[0].indexOf('>') + 1);
    const ref = CELL_REF.exec(cellTag)?.[1];
    const at = ref ? columnOf(ref) : -1;
    col = at >= 0 ? at : col + 1;
    const patch = cells.get(col);
    seen.add(col);
    let xml: string;
    if (patch) {
      const patched = patchCell(c, m[0], row, col, patch);
      xml = typeof patched === 'string' ? patched : cellXml(prefix, a1(row, col), patched, patch.value);
    } else xml = ref ? m[0] : setAttribute(cellTag, 'r', a1(row, col)) + m[0].slice(cellTag.length);
    out.push({ col, xml });
  }
  for (const [col, patch] of cells) if (!seen.has(col)) out.push({ col, xml: newCell(prefix, row, col, 0, patch, c.styles) });
  out.sort((x, y) => x.col - y.col);
  const tail = body.slice(last).trim(); // e.g. a row's extLst after its cells
  return `${rowStartTag(tag)}${out.map((cell) => cell.xml).join('')}${tail}</${prefix}row>`;
}

/**
 * One existing cell patched: a formula cell only gets its style changed (the cell's new text is returned); others
 * get the new value and style (the style index is returned: the caller writes the cell).
 */
function patchCell(c: Cursor, xml: string, row: number, col: number, patch: CellPatch): string | number {
  const prefix = c.m.prefix;
  const tag = xml.slice(0, xml.indexOf('>') + 1);
  const base = Number(CELL_STYLE.exec(tag)?.[1] ?? 0) || 0;
  const style = c.styles.index(base, patch.change);
  const hasFormula = xml.includes(`<${prefix}f>`) || xml.includes(`<${prefix}f `) || xml.includes(`<${prefix}f/`);
  if (!patch.writeValue || hasFormula) {
    const newTag = setAttribute(setAttribute(tag, 's', style ? String(style) : null), 'r', a1(row, col));
    return newTag + xml.slice(tag.length);
  }
  return style;
}

/** The part before sheetData: `<cols>` widths for patched columns and a `<dimension>` that covers the new cells. */
function patchHead(head: string, prefix: string, patch: SheetPatch): string {
  const patched = patchDimension(head, prefix, patch);
  return patch.widths.size ? patchCols(patched, prefix, patch.widths) : patched;
}

function patchDimension(head: string, prefix: string, patch: SheetPatch): string {
  const m = new RegExp(`<${prefix}dimension\\b[^>]*>`).exec(head);
  if (!m || patch.rows.size === 0) return head;
  const [from, to] = (attributesOf(m[0]).ref ?? 'A1').split(':');
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  if (!a || !b) return head;
  let bottom = b.row;
  let right = b.col;
  for (const [row, cells] of patch.rows) {
    bottom = Math.max(bottom, row);
    for (const col of cells.keys()) right = Math.max(right, col);
  }
  const ref = `${a1(Math.min(a.row, b.row), Math.min(a.col, b.col))}:${columnLetters(right)}${bottom + 1}`;
  return head.slice(0, m.index) + setAttribute(m[0], 'ref', ref) + head.slice(m.index + m[0].length);
}

interface ColRange {
  min: number;
  max: number;
  tag: string;
}

/** Sets the width of each column (1 column each), splitting an existing `<col>` range that covers it. */
function patchCols(head: string, prefix: string, widths: Map<number, number>): string {
  const section = new RegExp(`<${prefix}cols\\b[^>]*>[\\s\\S]*?</${prefix}cols>|<${prefix}cols\\b[^>]*/>`).exec(head);
  let ranges: ColRange[] = section
    ? [...section[0].matchAll(new RegExp(`<${prefix}col\\b[^>]*>`, 'g'))].map((m) => {
        const a = attributesOf(m[0]);
        return { min: Number(a.min), max: Number(a.max), tag: m[0].replace(/\s*\/?>$/, '/>').replace(/^<(\w+:)?col\b/, `<${prefix}col`) };
      })
    : [];
  for (const [col, width] of widths) ranges = withWidth(ranges, prefix, col + 1, width);
  ranges.sort((x, y) => x.min - y.min);
  const xml = `<${prefix}cols>${ranges.map((r) => r.tag).join('')}</${prefix}cols>`;
  if (section) return head.slice(0, section.index) + xml + head.slice(section.index + section[0].length);
  return head + xml;
}

function withWidth(ranges: ColRange[], prefix: string, n: number, width: number): ColRange[] {
  const out: ColRange[] = [];
  let done = false;
  for (const range of ranges) {
    if (n < range.min || n > range.max) {
      out.push(range);
      continue;
    }
    if (range.min < n) out.push(rangeWith(range, range.min, n - 1));
    out.push(rangeWith(range, n, n, width));
    if (n < range.max) out.push(rangeWith(range, n + 1, range.max));
    done = true;
  }
  if (!done) out.push({ min: n, max: n, tag: `<${prefix}col min="${n}" max="${n}" width="${width}" customWidth="1"/>` });
  return out;
}

function rangeWith(range: ColRange, min: number, max: number, width?: number): ColRange {
  let tag = setAttribute(setAttribute(range.tag, 'min', String(min)), 'max', String(max));
  if (width !== undefined) tag = setAttribute(setAttribute(tag, 'width', String(width)), 'customWidth', '1');
  return { min, max, tag };
}
