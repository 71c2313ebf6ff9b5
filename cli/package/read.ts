// The streaming reader of the CLI: every worksheet of an .xlsx package as core's grid (values, number formats, fill tokens, formulas, notes, merges, sheet id).
import { parseA1 } from '../../core/common/a1';
import type { CellValue, MergedArea, SheetGrid, WorkbookGrids } from '../../core/types';
import { partText, readRels, SHARED_STRINGS_TYPE, STYLES_TYPE, workbookPartOfType, type SheetEntry, type XlsxPackage } from './package';
import { MINIMAL_STYLES, Styles } from './styles';
import { walkXml } from './xml';
import { inflateEntry } from './zip';

const COMMENTS_TYPE = /\/comments$/;
const THREADED_TYPE = /\/threadedComment$/;
const DAY_MS = 86400000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const ISO_DATE_FORMAT = 'yyyy-mm-dd';
/** Worksheet XML up to this size is kept for the patcher; larger parts cost less to inflate again than to hold through the check. */
const KEEP_XML_BYTES = 4 << 20;
/** The row of a row with nothing in it, shared (core never writes into grids). */
const EMPTY_ROW: never[] = Object.freeze([]) as unknown as never[];

export interface ReadResult {
  grids: WorkbookGrids;
  styles: Styles;
  /** Small worksheet parts' XML as read, so that a patch need not inflate them again (large ones are inflated again: memory). */
  sheetXml: Map<string, Buffer>;
}

/**
 * Reads every worksheet in tab order (hidden ones too). Chart and dialog sheets have no cells: they come as empty
 * grids, so that core knows their names are taken and never plans a sheet of its own under one of them.
 */
export function readPackage(pkg: XlsxPackage): ReadResult {
  const stylesPart = workbookPartOfType(pkg, STYLES_TYPE);
  const styles = new Styles((stylesPart && partText(pkg.byName, stylesPart)) || MINIMAL_STYLES);
  const strings = readSharedStrings(pkg);
  const sheets: SheetGrid[] = [];
  const sheetXml = new Map<string, Buffer>();
  for (const entry of pkg.sheets) {
    if (!entry.part || !pkg.byName.has(entry.part)) {
      sheets.push({ name: entry.name, id: entry.sheetId, values: [] });
      continue;
    }
    const xml = inflateEntry(pkg.byName.get(entry.part)!);
    if (xml.length <= KEEP_XML_BYTES) sheetXml.set(entry.part, xml);
    sheets.push(readSheet(pkg, entry, xml, styles, strings));
  }
  return { grids: { sheets }, styles, sheetXml };
}

function readSharedStrings(pkg: XlsxPackage): string[] {
  const part = workbookPartOfType(pkg, SHARED_STRINGS_TYPE);
  const entry = part ? pkg.byName.get(part) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  const text = new RichText();
  walkXml(inflateEntry(entry), {
    open: (name) => (name === 'si' ? text.start() : text.open(name)),
    close: (name) => (name === 'si' ? strings.push(text.end()) : text.close(name)),
    text: (t) => text.add(t),
  });
  return strings;
}

/** Collects the text of `<t>` elements of a string item or a comment, skipping phonetic runs (`<rPh>`). */
class RichText {
  private parts: string[] = [];
  private inT = false;
  private phonetic = 0;

  start(): void {
    this.parts = [];
  }
  open(name: string): void {
    if (name === 't') this.inT = true;
    else if (name === 'rPh') this.phonetic++;
  }
  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.phonetic--;
  }
  add(text: string): void {
    if (this.inT && this.phonetic === 0) this.parts.push(text);
  }
  end(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}

/** The cell being read. */
interface CellState {
  row: number;
  col: number;
  style: number;
  type: string;
  value: string;
  formula: string | null;
  sharedIndex: string | null;
}

class SheetBuilder {
  readonly values: CellValue[][] = [];
  readonly formats: (string | null)[][] = [];
  readonly fills: (string | null)[][] = [];
  formulas: (string | null)[][] | null = null;
  readonly merges: MergedArea[] = [];
  private readonly formatCache = new Map<number, string | null>();

  constructor(private readonly styles: Styles, private readonly strings: string[]) {}

  addCell(cell: CellState, sharedFormulas: Map<string, string>): void {
    const value = this.valueOf(cell);
    const format = value !== null && cell.type === 'd' ? this.format(cell.style) ?? ISO_DATE_FORMAT : this.format(cell.style);
    const fill = this.styles.fillToken(cell.style);
    let formula = cell.formula;
    if (cell.sharedIndex !== null) {
      if (formula) sharedFormulas.set(cell.sharedIndex, formula);
      else formula = sharedFormulas.get(cell.sharedIndex) ?? '';
    }
    if (value === null && fill === null && formula === null && format === null) return;
    const { row, col } = cell;
    (this.values[row] ??= [])[col] = value;
    if (format !== null) (this.formats[row] ??= [])[col] = format;
    if (fill !== null) (this.fills[row] ??= [])[col] = fill;
    if (formula !== null) ((this.formulas ??= [])[row] ??= [])[col] = `=${formula}`;
  }

  private format(style: number): string | null {
    let format = this.formatCache.get(style);
    if (format === undefined) this.formatCache.set(style, (format = this.styles.numberFormat(style)));
    return format;
  }

  private valueOf(cell: CellState): CellValue {
    const raw = cell.value;
    switch (cell.type) {
      case 's': {
        const text = this.strings[Number(raw)];
        return text ? text : null;
      }
      case 'inlineStr':
      case 'str':
      case 'e':
        return raw === '' ? null : raw;
      case 'b':
        return raw === '' ? null : raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
      case 'd':
        return isoToSerial(raw);
      default: {
        if (raw.trim() === '') return null;
        const number = Number(raw);
        return Number.isFinite(number) ? number : null;
      }
    }
  }
}

/** Excel serial (1900 system) of an ISO date-time, null when unreadable. */
function isoToSerial(iso: string): number | null {
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
  if (!Number.isFinite(time)) return null;
  const serial = (time - EXCEL_EPOCH_MS) / DAY_MS;
  return serial < 61 ? serial - 1 : serial;
}

function readSheet(pkg: XlsxPackage, entry: SheetEntry, xml: Buffer, styles: Styles, strings: string[]): SheetGrid {
  const builder = new SheetBuilder(styles, strings);
  const sharedFormulas = new Map<string, string>();
  let row = -1;
  let col = -1;
  let cell: CellState | null = null;
  let target: 'v' | 'f' | 't' | null = null;
  let inString = false;
  let phonetic = 0;
  walkXml(xml, {
    open(name, a) {
      if (name === 'row') {
        row = a.r ? Number(a.r) - 1 : row + 1;
        col = -1;
      } else if (name === 'c') {
        const at = a.r ? parseA1(a.r) : null;
        col = at ? at.col : col + 1;
        if (at) row = at.row;
        cell = { row, col, style: Number(a.s ?? 0) || 0, type: a.t ?? 'n', value: '', formula: null, sharedIndex: null };
      } else if (cell && name === 'v') target = 'v';
      else if (cell && name === 'f') {
        target = 'f';
        cell.formula = '';
        if (a.t === 'shared' && a.si !== undefined) cell.sharedIndex = a.si;
      } else if (cell && name === 'is') inString = true;
      else if (cell && inString && name === 'rPh') phonetic++;
      else if (cell && inString && name === 't' && phonetic === 0) target = 't';
      else if (name === 'mergeCell' && a.ref) {
        const merge = mergeOf(a.ref);
        if (merge) builder.merges.push(merge);
      }
    },
    close(name) {
      if (name === 'c' && cell) {
        builder.addCell(cell, sharedFormulas);
        cell = null;
      } else if (name === 'v' || name === 'f' || name === 't') target = null;
      else if (name === 'is') inString = false;
      else if (name === 'rPh') phonetic--;
    },
    text(text) {
      if (!cell || target === null) return;
      if (target === 'f') cell.formula += text;
      else cell.value += text;
    },
  });
  return finishGrid(entry, builder, readNotes(pkg, entry.part as string));
}

function mergeOf(ref: string): MergedArea | null {
  const [from, to] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** Dense rows (holes → null or a shared empty row): core reads grids as plain arrays. */
function finishGrid(entry: SheetEntry, b: SheetBuilder, notes: Map<string, string>): SheetGrid {
  const noteCells = [...notes].map(([ref, text]) => ({ at: parseA1(ref), text })).filter((n) => n.at !== null);
  const rowCount = noteCells.reduce((most, n) => Math.max(most, n.at!.row + 1), Math.max(b.values.length, b.fills.length, b.formulas?.length ?? 0));
  const grid: SheetGrid = {
    name: entry.name,
    id: entry.sheetId,
    values: dense(b.values, rowCount, null),
    formats: dense(b.formats, rowCount, null),
    fills: dense(b.fills, rowCount, null),
    merges: b.merges,
  };
  if (b.formulas) grid.formulas = dense(b.formulas, rowCount, null);
  if (noteCells.length) {
    const rows: (string | null)[][] = [];
    for (const n of noteCells) (rows[n.at!.row] ??= [])[n.at!.col] = n.text;
    grid.notes = dense(rows, rowCount, null);
  }
  return grid;
}

function dense<T>(rows: T[][], length: number, blank: T): T[][] {
  rows.length = length;
  for (let r = 0; r < length; r++) {
    const row = rows[r];
    if (row === undefined) {
      rows[r] = EMPTY_ROW;
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = blank;
  }
  return rows;
}

/** Note text per cell from the sheet's legacy comments and threaded comments (threaded text wins for a cell with both). */
function readNotes(pkg: XlsxPackage, part: string): Map<string, string> {
  const notes = new Map<string, string>();
  const rels = readRels(pkg.byName, part);
  for (const rel of rels.filter((r) => !r.external && COMMENTS_TYPE.test(r.type))) readComments(pkg, rel.target, 'comment', notes);
  for (const rel of rels.filter((r) => !r.external && THREADED_TYPE.test(r.type))) readComments(pkg, rel.target, 'threadedComment', notes);
  return notes;
}

function readComments(pkg: XlsxPackage, part: string, element: string, notes: Map<string, string>): void {
  const entry = pkg.byName.get(part);
  if (!entry) return;
  const text = new RichText();
  let ref: string | null = null;
  let inText = false;
  const threaded = element === 'threadedComment';
  walkXml(inflateEntry(entry), {
    open(name, a) {
      if (name === element) {
        ref = a.ref ?? null;
        text.start();
      } else if (ref !== null && name === 'text') {
        inText = true;
        if (threaded) text.open('t');
      } else if (ref !== null) text.open(name);
    },
    close(name) {
      if (name === element && ref !== null) {
        const value = text.end();
        if (threaded || !notes.has(ref)) notes.set(ref, value === '' ? ' ' : value); // an empty note is still a note
        ref = null;
      } else if (name === 'text') {
        inText = false;
        if (threaded) text.close('t');
      } else text.close(name);
    },
    text(t) {
      if (ref !== null && (inText || !threaded)) text.add(t);
    },
  });
}
