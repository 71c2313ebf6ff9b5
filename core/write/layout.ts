// Presentation of Målkoll's output for reading and printing (SPEC 6): how wide a value shows, column widths, the page setup of its own sheets and the Fördelning bar.
import { STATUS_TEXT, STATUSES } from '../common/status';
import type { CellValue, HorizontalAlign, Lang, PrintSetup, StatusCounts } from '../types';

/** Room beside the longest text of a column, in characters (cell padding and a bold header). */
const MARGIN = 2;

/** A4 landscape, fit to one page wide, rows first..last (0-based) repeated at the top of every page. */
export function printSetup(first: number, last = first): PrintSetup {
  return { paper: 'A4', orientation: 'landscape', fitToPagesWide: 1, repeatRows: { first, last } };
}

/** The width of a column whose longest text is `chars` characters. */
export function columnWidth(chars: number): number {
  return Math.ceil(chars) + MARGIN;
}

/** The longest status text of a language (`Uppfylls delvis`, `Not measured`): every status column is at least this wide. */
export function longestStatus(lang: Lang): number {
  return Math.max(...STATUSES.map((s) => STATUS_TEXT[lang][s].length));
}

const FORMAT_CACHE = new Map<string, { percent: boolean; space: boolean; group: boolean; min: number; max: number }>();

function formatParts(format: string) {
  let parts = FORMAT_CACHE.get(format);
  if (!parts) {
    const section = format.split(';')[0];
    const decimals = /\.([0#]*)/.exec(section)?.[1] ?? '';
    parts = {
      percent: section.includes('%'),
      space: /\s%/.test(section),
      group: section.includes(','),
      min: (decimals.match(/0/g) ?? []).length,
      max: decimals.length,
    };
    FORMAT_CACHE.set(format, parts);
  }
  return parts;
}

/**
 * How many characters a value takes on screen: text by its longest line, a number as its number format
 * shows it with Swedish separators (`2739.6` with `#,##0.0` → `2 739,6`, 0.97 with `0 %` → `97 %`).
 */
export function displayLength(value: CellValue, format?: string | null): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') {
    if (value.indexOf('\n') < 0) return value.length;
    let longest = 0;
    for (const line of value.split('\n')) longest = Math.max(longest, line.length);
    return longest;
  }
  if (typeof value === 'boolean') return 6; // FALSKT, the longest of SANT/FALSKT and TRUE/FALSE
  if (typeof value !== 'number') return 10; // a date: 2024-03-31
  if (!format) return Number.isInteger(value) && Math.abs(value) < 1e15 ? integerLength(value) : String(value).length;
  const parts = formatParts(format);
  const shown = parts.percent ? value * 100 : value;
  const text = Math.abs(shown).toFixed(parts.max);
  let end = text.length;
  // Optional decimals (`#`) that are zero are not shown, nor a decimal point left with none.
  for (let optional = parts.max - parts.min; optional > 0 && text.charCodeAt(end - 1) === 48; optional--) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  const dot = text.indexOf('.');
  const whole = dot < 0 || dot >= end ? end : dot;
  const groups = parts.group ? Math.floor((whole - 1) / 3) : 0;
  return (shown < 0 ? 1 : 0) + end + groups + (parts.percent ? (parts.space ? 2 : 1) : 0);
}

/**
 * At least displayLength(value, format) for a number, found without making its text: the whole digits of
 * the next integer up (rounding may carry into another digit), all decimals, separators and sign. Lets a
 * column skip measuring a figure that cannot be its longest.
 */
export function displayLengthBound(value: number, format?: string | null): number {
  if (!format) return Number.isInteger(value) && Math.abs(value) < 1e15 ? integerLength(value) : Infinity;
  const parts = formatParts(format);
  const shown = Math.abs(parts.percent ? value * 100 : value);
  if (!(shown < 1e15)) return Infinity;
  const whole = integerLength(Math.floor(shown) + 1);
  const groups = parts.group ? Math.floor((whole - 1) / 3) : 0;
  return 1 + whole + groups + (parts.max > 0 ? 1 + parts.max : 0) + (parts.percent ? (parts.space ? 2 : 1) : 0);
}

/** The length of String(value) for an integer below 10^15 in size, without making the string (a check measures every count). */
function integerLength(value: number): number {
  const abs = Math.abs(value);
  let digits = 1;
  while (digits < 15 && abs >= POWERS_OF_TEN[digits]) digits++;
  return value < 0 ? digits + 1 : digits;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** Height of one line of text in points (Calibri 11, the default font of every host). */
export const LINE_HEIGHT = 15;

/**
 * How many lines a text takes when it wraps at word boundaries in a column `width` characters wide.
 * A width counts the digit `0`, wider than most letters: a line of ordinary Swedish text in Calibri (or
 * LibreOffice's metric twin Carlito) holds about 1,17 × width characters; 1,1 × keeps the estimate on
 * the side of a line too many, never too few.
 */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width * 1.1));
  if (text.indexOf('\n') < 0) return text.length <= capacity ? 1 : paragraphLines(text, capacity);
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += paragraphLines(paragraph, capacity);
  return lines;
}

/** Lines of one paragraph wrapped at spaces (a check measures every message row). */
function paragraphLines(text: string, capacity: number): number {
  return singleSpacedLines(text, capacity) ?? wordByWordLines(text, capacity);
}

/**
 * The lines of a paragraph whose words stand one space apart (no leading, trailing or double space), found
 * a line at a time: a line ends at the last space within its reach, as word by word. null when a word is
 * longer than a line or the spacing is otherwise (then it goes word by word).
 */
function singleSpacedLines(text: string, capacity: number): number | null {
  const length = text.length;
  if (length === 0 || text.charCodeAt(0) === 32 || text.charCodeAt(length - 1) === 32 || text.indexOf('  ') >= 0) return null;
  let lines = 1;
  for (let start = 0; length - start > capacity; lines++) {
    const end = text.lastIndexOf(' ', start + capacity);
    if (end <= start) return null; // a word longer than a line
    start = end + 1;
  }
  return lines;
}

/** Lines of one paragraph wrapped at spaces, word by word (found with indexOf). */
function wordByWordLines(text: string, capacity: number): number {
  let lines = 1;
  let line = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    const word = end - start;
    if (word > 0) {
      const needed = line === 0 ? word : line + 1 + word;
      if (needed <= capacity) line = needed;
      else {
        if (line > 0) lines++;
        // A word longer than the line breaks across lines.
        lines += Math.ceil(word / capacity) - 1;
        line = word % capacity || capacity;
      }
    }
    start = end + 1;
  }
  return lines;
}

/** Cells in a goal's Fördelning bar (SPEC 6). */
export const BAR_CELLS = 20;

/** The bar's colours: green, yellow, red, grey for helt, delvis, inte and not judged (stronger than the status fills, so it reads as a bar in print). */
export const BAR_FILL = { helt: '#63BE7B', delvis: '#FFD966', inte: '#F8696B', none: '#BFBFBF' } as const;

/**
 * The fills of a goal's Fördelning bar: twenty cells coloured in proportion to its indicators' counts
 * (helt, delvis, inte, then not judged: ej_bedomd and ej_matt), by largest remainder, every non-zero
 * count at least one cell. A goal without indicators gets an empty bar (all null).
 */
export function barFills(counts: StatusCounts): (string | null)[] {
  const parts: { fill: string; count: number }[] = [
    { fill: BAR_FILL.helt, count: counts.helt },
    { fill: BAR_FILL.delvis, count: counts.delvis },
    { fill: BAR_FILL.inte, count: counts.inte },
    { fill: BAR_FILL.none, count: counts.ej_bedomd + counts.ej_matt },
  ];
  const total = parts.reduce((sum, p) => sum + p.count, 0);
  if (total <= 0) return new Array<string | null>(BAR_CELLS).fill(null);
  const exact = parts.map((p) => (p.count * BAR_CELLS) / total);
  const cells = exact.map(Math.floor);
  const byRemainder = parts.map((_, i) => i).sort((a, b) => exact[b] - cells[b] - (exact[a] - cells[a]) || a - b);
  for (let left = BAR_CELLS - cells.reduce((s, c) => s + c, 0), k = 0; left > 0; left--, k++) cells[byRemainder[k % parts.length]]++;
  // A count too small for a cell of its own still shows: it takes one from the largest part.
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].count > 0 && cells[i] === 0) {
      const largest = cells.indexOf(Math.max(...cells));
      cells[largest]--;
      cells[i] = 1;
    }
  }
  const fills: (string | null)[] = [];
  parts.forEach((p, i) => {
    for (let c = 0; c < cells[i]; c++) fills.push(p.fill);
  });
  return fills;
}

/** Fixed widths of columns whose text wraps: goal titles, indicator names, Underlag, messages. */
export const WRAP_WIDTH = { title: 45, name: 45, basis: 60, message: 80 } as const;

/**
 * Width, wrapping and header alignment of an output column beside the user's tables (plan.ts):
 * status columns as wide as the longest status word, figures with their header right-aligned above
 * them, Underlag wrapped.
 */
export function outputColumnLayout(field: string, header: string, lang: Lang): { width: number; wrap: boolean; headerAlign: HorizontalAlign | null } {
  const headerChars = displayLength(header);
  if (field === 'basis') return { width: WRAP_WIDTH.basis, wrap: true, headerAlign: null };
  if (field === 'status' || field === 'proposal' || field === 'previousStated') return { width: columnWidth(Math.max(headerChars, longestStatus(lang))), wrap: false, headerAlign: null };
  // Förändring is text ("Försämrad (fg. 12 %, Uppfylls delvis)"): at least its header; plan.ts widens it to its longest value.
  if (field === 'change') return { width: columnWidth(headerChars), wrap: false, headerAlign: null };
  // Figures: Beräknad prognos, Måluppfyllnad (`# ##0,0#`, `0 %`).
  return { width: columnWidth(Math.max(headerChars, 10)), wrap: false, headerAlign: 'right' };
}

/**
 * An internal link's location as Excel writes it (xlsx `location`, Office.js `documentReference`): the
 * sheet name always quoted, its quotes doubled (`'Mål'!D21`). Adapters build it from a Link's
 * targetSheet and targetCell and write nothing else (SPEC 6).
 */
export function linkLocation(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
