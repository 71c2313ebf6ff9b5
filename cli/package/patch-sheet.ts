// Patches one worksheet part in place: changed and added cells, column widths and the dimension; every other byte of the part stays as it was.
import { a1, columnLetters, parseA1 } from '../../core/common/a1';
import type { CellValue } from '../../core/types';
import type { StyleChange, Styles } from './styles';
import { attributesOf, ChunkWriter, escapeText, setAttribute, xmlSafe } from './xml';

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

interface Cursor {
  buf: Buffer;
  prefix: string;
  out: ChunkWriter;
  copyFrom: number;
}

/** The patched worksheet part. Cells holding a formula keep their value (a user's formula is never overwritten). */
export function patchSheet(xml: Buffer, patch: SheetPatch, styles: Styles): Buffer {
  const open = findSheetData(xml);
  if (!open) return xml; // no sheetData: not a worksheet this patcher understands; leave it whole
  const { prefix } = open;
  const head = Buffer.from(patchHead(xml.toString('utf8', 0, open.tagStart), prefix, patch), 'utf8');
  const cursor: Cursor = { buf: xml, prefix, out: new ChunkWriter(), copyFrom: open.tagStart };
  cursor.out.addBytes(head);
  const pending = [...patch.rows.keys()].sort((x, y) => x - y);
  let next = 0;
  let lastRow = -1;
  const rowTag = Buffer.from(`<${prefix}row`);
  const rowClose = Buffer.from(`</${prefix}row>`);
  let pos = open.contentStart;
  if (open.selfClosing) {
    emit(cursor, open.tagStart, `<${prefix}sheetData>${pending.map((r) => newRow(prefix, r, patch.rows.get(r)!, styles)).join('')}</${prefix}sheetData>`, open.contentStart);
    return finishSheet(cursor);
  }
  const end = xml.lastIndexOf(Buffer.from(`</${prefix}sheetData>`));
  for (;;) {
    const at = nextTag(xml, rowTag, pos, end);
    if (at < 0) break;
    const tagEnd = xml.indexOf(0x3e, at);
    const selfClosing = xml[tagEnd - 1] === 0x2f;
    const rowEnd = selfClosing ? tagEnd + 1 : xml.indexOf(rowClose, tagEnd) + rowClose.length;
    const tag = xml.toString('utf8', at, tagEnd + 1);
    const r = ROW_NUMBER.exec(tag)?.[1];
    const row = r ? Number(r) - 1 : lastRow + 1;
    lastRow = row;
    const inserted: string[] = [];
    while (next < pending.length && pending[next] < row) inserted.push(newRow(prefix, pending[next], patch.rows.get(pending[next++])!, styles));
    if (inserted.length) emit(cursor, at, inserted.join(''), at);
    if (next < pending.length && pending[next] === row) {
      const body = selfClosing ? '' : xml.toString('utf8', tagEnd + 1, rowEnd - rowClose.length);
      emit(cursor, at, patchRow(prefix, tag, row, body, patch.rows.get(pending[next++])!, styles), rowEnd);
    } else if (!r) emit(cursor, at, setAttribute(tag, 'r', String(row + 1)), tagEnd + 1); // rows after an inserted one need their number
    pos = rowEnd;
  }
  const rest = pending.slice(next).map((r) => newRow(prefix, r, patch.rows.get(r)!, styles));
  if (rest.length) emit(cursor, end, rest.join(''), end);
  return finishSheet(cursor);
}

/** Copies the original bytes up to `at`, then `text`, and continues copying from `resume`. */
function emit(cursor: Cursor, at: number, text: string, resume: number): void {
  if (at > cursor.copyFrom) cursor.out.addBytes(cursor.buf.subarray(cursor.copyFrom, at));
  cursor.out.add(text);
  cursor.copyFrom = resume;
}

function finishSheet(cursor: Cursor): Buffer {
  cursor.out.addBytes(cursor.buf.subarray(cursor.copyFrom));
  return cursor.out.toBuffer();
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

function newRow(prefix: string, row: number, cells: Map<number, CellPatch>, styles: Styles): string {
  const cols = [...cells.keys()].sort((x, y) => x - y);
  return `<${prefix}row r="${row + 1}">${cols.map((col) => newCell(prefix, row, col, 0, cells.get(col)!, styles)).join('')}</${prefix}row>`;
}

function newCell(prefix: string, row: number, col: number, base: number, patch: CellPatch, styles: Styles): string {
  const style = hasChange(patch.change) ? styles.styleWith(base, patch.change) : base;
  return cellXml(prefix, a1(row, col), style, patch.writeValue ? patch.value : null);
}

function hasChange(change: StyleChange): boolean {
  for (const key in change) if (change[key as keyof StyleChange] !== undefined) return true;
  return false;
}

const CELL_REF = /\sr\s*=\s*["']([A-Za-z]+\d+)["']/;
const CELL_STYLE = /\ss\s*=\s*["'](\d+)["']/;
const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/;
const CELL = /<(\w+:)?c\b(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/\1?c>)/g;

/** A row with its patched cells rewritten and new ones added in column order; other cells as they were (with `r` added). */
function patchRow(prefix: string, tag: string, row: number, body: string, cells: Map<number, CellPatch>, styles: Styles): string {
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
    const xml = patch ? patchCell(prefix, m[0], cellTag, row, col, patch, styles) : ref ? m[0] : setAttribute(cellTag, 'r', a1(row, col)) + m[0].slice(cellTag.length);
    out.push({ col, xml });
  }
  for (const [c, patch] of cells) if (!seen.has(c)) out.push({ col: c, xml: newCell(prefix, row, c, 0, patch, styles) });
  out.sort((x, y) => x.col - y.col);
  const rowTag = setAttribute(tag.endsWith('/>') ? tag.slice(0, -2).replace(/\s+$/, '') + '>' : tag, 'spans', null);
  const tail = body.slice(last).trim(); // e.g. a row's extLst after its cells
  return `${rowTag}${out.map((c) => c.xml).join('')}${tail}</${prefix}row>`;
}

/** One existing cell patched: a formula cell only gets its style changed; others get the new value and style. */
function patchCell(prefix: string, xml: string, tag: string, row: number, col: number, patch: CellPatch, styles: Styles): string {
  const base = Number(CELL_STYLE.exec(tag)?.[1] ?? 0) || 0;
  const style = hasChange(patch.change) ? styles.styleWith(base, patch.change) : base;
  const hasFormula = xml.includes(`<${prefix}f>`) || xml.includes(`<${prefix}f `) || xml.includes(`<${prefix}f/`);
  if (!patch.writeValue || hasFormula) {
    const newTag = setAttribute(setAttribute(tag, 's', style ? String(style) : null), 'r', a1(row, col));
    return newTag + xml.slice(tag.length);
  }
  return cellXml(prefix, a1(row, col), style, patch.value);
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
