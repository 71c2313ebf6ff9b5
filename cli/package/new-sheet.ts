// Writes the worksheet part of one of Målkoll's own sheets (Sammanställning, Valideringsrapport, _malkoll) from the plan's NewSheet.
import { a1, columnLetters } from '../../core/common/a1';
import { needsTextGuard } from '../../core/write/plan';
import type { CellValue, HorizontalAlign, Link, NewSheet } from '../../core/types';
import { markupOf, writeCell } from './patch-sheet';
import type { StyleChange, Styles } from './styles';
import { ByteWriter, escapeAttr } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** A text cell format: a guarded string stays text when someone edits the cell. */
export const TEXT_FORMAT = '@';
/** Excel's theme colour for hyperlinks. */
const LINK_COLOR = '#0563C1';
/** Row × this + column: one number per link cell. */
const LINK_KEY = 1 << 14;
/** Paper size 9 is A4. */
const A4 = 9;

/** The worksheet XML of a NewSheet: cells with their styles, widths, frozen header rows, location-only links, A4 landscape one page wide. */
export function newSheetXml(sheet: NewSheet, styles: Styles): Buffer {
  const out = new ByteWriter(1 << 16);
  const writing = new SheetWriting(sheet, styles, out);
  while (!writing.rows());
  return out.result();
}

/** Writes the worksheet XML of a NewSheet into `out` (see newSheetXml), letting other work run between rows when the writer asks (`out.waiting`). */
export async function writeNewSheet(sheet: NewSheet, styles: Styles, out: ByteWriter): Promise<void> {
  const writing = new SheetWriting(sheet, styles, out);
  while (!writing.rows()) await out.resume();
}

/** One NewSheet being written: the head at once, then the rows a stretch at a time, then the tail. */
class SheetWriting {
  private readonly links: Map<number, Link>;
  private readonly values: CellValue[][];
  private readonly cellStyles: CellStyles;
  /** The last cell written in each row, found first: the head names the last column, and a row without cells is left out. */
  private readonly last: Int32Array;
  private next = 0;

  constructor(private readonly sheet: NewSheet, styles: Styles, private readonly out: ByteWriter) {
    this.links = new Map((sheet.links ?? []).map((link) => [link.row * LINK_KEY + link.col, link]));
    this.values = withLinkRows(sheet);
    this.cellStyles = new CellStyles(sheet, styles);
    this.last = new Int32Array(this.values.length);
    let right = 0;
    for (let i = 0; i < this.values.length; i++) {
      this.cellStyles.row(i);
      this.last[i] = this.cellStyles.lastWritten(this.values[i], i, this.links);
      if (this.last[i] > right) right = this.last[i];
    }
    out.raw(head(sheet, right));
  }

  /** Writes rows until the sheet is done (true, tail written) or the writer asks to let other work run (false: call again). */
  rows(): boolean {
    const { sheet, out, values, last, links, cellStyles } = this;
    const m = markupOf('');
    for (; this.next < values.length; this.next++) {
      if (out.waiting) return false;
      const i = this.next;
      const row = values[i];
      const height = sheet.rowHeights?.[i] ?? null;
      // A row's height where its wrapped text needs more than one line: not every program grows a row when it opens a file.
      if (last[i] < 0 && height === null) continue;
      out.put(m.rowOpen);
      out.int(i + 1);
      if (height !== null) {
        out.raw('" ht="');
        out.raw(String(height));
        out.raw('" customHeight="1">');
      } else out.raw('">');
      cellStyles.row(i);
      for (let j = 0; j <= last[i]; j++) {
        const link = links.size ? links.get(i * LINK_KEY + j) : undefined;
        const value = link ? link.text : row[j];
        const style = cellStyles.of(j, value, !!link);
        if (style >= 0) writeCell(out, m, j, i + 1, style, value);
      }
      out.put(m.rowClose);
    }
    out.raw('</sheetData>');
    out.raw(hyperlinks(sheet));
    out.raw('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    out.raw(pageSetup(sheet));
    out.raw('</worksheet>');
    return true;
  }
}

/** The part up to `<sheetData>`, with the dimension reaching column `right`. */
function head(sheet: NewSheet, right: number): string {
  const bottom = Math.max(0, sheet.values.length - 1);
  return [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    sheet.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    `<dimension ref="A1:${columnLetters(right)}${bottom + 1}"/>`,
    sheetViews(sheet),
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols(sheet),
    '<sheetData>',
  ].join('');
}

/** Bold, link and wrap of a cell as bits of one number. */
const BOLD = 1;
const LINK = 2;
const WRAP = 4;

/**
 * The cell styles of one NewSheet. A cell's style follows from its format, fill, font colour, bold, link, wrap and
 * alignment; cells of a column mostly repeat the cell above, so each column remembers its last inputs and style,
 * and other combinations are looked up by key: no style change is built per cell.
 */
class CellStyles {
  private readonly byKey = new Map<string, number>();
  private readonly lastFormat: (string | undefined)[] = [];
  private readonly lastFill: (string | null)[] = [];
  private readonly lastColor: (string | null)[] = [];
  private readonly lastHorizontal: (string | null)[] = [];
  private readonly lastFlags: number[] = [];
  private readonly lastStyle: number[] = [];
  private readonly top: boolean;
  /** The current row's inputs (see row). */
  private formats: (string | null)[] | undefined;
  private fills: (string | null)[] | undefined;
  private fontColors: (string | null)[] | undefined;
  private bold: boolean[] | undefined;
  private wrap: boolean[] | undefined;
  private align: (HorizontalAlign | null)[] | undefined;

  constructor(private readonly sheet: NewSheet, private readonly styles: Styles) {
    this.top = sheet.verticalAlign === 'top';
  }

  /** Makes row i the row whose cells `of` and `lastWritten` look at. */
  row(i: number): void {
    const sheet = this.sheet;
    this.formats = sheet.numberFormats?.[i];
    this.fills = sheet.fills?.[i];
    this.fontColors = sheet.fontColors?.[i];
    this.bold = sheet.bold?.[i];
    this.wrap = sheet.wrap?.[i];
    this.align = sheet.align?.[i];
  }

  /** The last column of the row (`values`, row i) that is written (`of` ≥ 0: a value, or a style on an empty cell), -1 for none. */
  lastWritten(values: CellValue[], i: number, links: Map<number, Link>): number {
    for (let j = values.length - 1; j >= 0; j--) {
      const link = links.size ? links.get(i * LINK_KEY + j) : undefined;
      const value = link ? link.text : values[j];
      if (value !== null && value !== '') return j;
      const styled =
        !!link ||
        (this.formats?.[j] ?? null) !== null ||
        (this.fills?.[j] ?? null) !== null ||
        (this.fontColors?.[j] ?? null) !== null ||
        !!this.bold?.[j] ||
        (!!this.sheet.wrap && !!this.wrap?.[j]) ||
        (this.align?.[j] ?? null) !== null;
      if (styled) return j;
    }
    return -1;
  }

  /** The style index of cell j of the row holding `value`, 0 for none, -1 when the cell is not written at all (empty, unstyled). */
  of(j: number, value: CellValue, isLink: boolean): number {
    const sheet = this.sheet;
    const format = this.formats?.[j] ?? null;
    const fill = this.fills?.[j] ?? null;
    const fontColor = this.fontColors?.[j] ?? null;
    const bold = this.bold?.[j] ?? false;
    const isText = typeof value === 'string';
    const numFmt = format !== null ? format : isText && needsTextGuard(value) ? TEXT_FORMAT : undefined;
    let wrap: boolean;
    if (sheet.wrap) wrap = !!this.wrap?.[j];
    else {
      const width = sheet.columnWidths?.[j] ?? 0;
      wrap = isText && width > 0 && value.length > width;
    }
    const horizontal = this.align?.[j] ?? null;
    const flags = (bold ? BOLD : 0) | (isLink ? LINK : 0) | (wrap ? WRAP : 0);
    const styled = numFmt !== undefined || fill !== null || fontColor !== null || flags !== 0 || horizontal !== null;
    if ((value === null || value === '') && !styled) return -1;
    if (!styled && !this.top) return 0;
    if (
      this.lastStyle[j] !== undefined &&
      this.lastFormat[j] === numFmt &&
      this.lastFill[j] === fill &&
      this.lastColor[j] === fontColor &&
      this.lastFlags[j] === flags &&
      this.lastHorizontal[j] === horizontal
    ) {
      return this.lastStyle[j];
    }
    const key = `${numFmt ?? '\u0001'}\u0000${fill ?? '\u0001'}\u0000${fontColor ?? '\u0001'}\u0000${flags}\u0000${horizontal ?? '\u0001'}`;
    let style = this.byKey.get(key);
    if (style === undefined) {
      const change: StyleChange = {};
      if (numFmt !== undefined) change.numFmt = numFmt;
      if (fill !== null) change.fill = fill;
      if (fontColor !== null) change.fontColor = fontColor;
      if (bold) change.bold = true;
      if (isLink) {
        change.fontColor = LINK_COLOR;
        change.underline = true;
      }
      if (wrap) change.wrap = true;
      if (horizontal !== null) change.horizontal = horizontal;
      if (this.top) change.vertical = 'top';
      this.byKey.set(key, (style = this.styles.styleWith(0, change)));
    }
    this.lastFormat[j] = numFmt;
    this.lastFill[j] = fill;
    this.lastColor[j] = fontColor;
    this.lastFlags[j] = flags;
    this.lastHorizontal[j] = horizontal;
    this.lastStyle[j] = style;
    return style;
  }
}

/** A4 (paper size 9) in the plan's orientation, scaled to its pages wide and as many pages tall as needed; nothing without a print setup. */
function pageSetup(sheet: NewSheet): string {
  const print = sheet.print;
  if (!print) return '';
  return `<pageSetup paperSize="${A4}" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>`;
}

/** The sheet's values with room for every link cell (a link may sit beyond the values). */
function withLinkRows(sheet: NewSheet): CellValue[][] {
  const values = sheet.values.slice();
  for (const link of sheet.links ?? []) {
    const row = (values[link.row] = (values[link.row] ?? []).slice());
    while (row.length <= link.col) row.push(null);
  }
  for (let i = 0; i < values.length; i++) values[i] ??= [];
  return values;
}

function sheetViews(sheet: NewSheet): string {
  const frozen = sheet.frozenRows && sheet.frozenRows > 0 ? sheet.frozenRows : 0;
  const pane = frozen ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` : '';
  return `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`;
}

function cols(sheet: NewSheet): string {
  const widths = (sheet.columnWidths ?? []).map((width, j) => (width > 0 ? `<col min="${j + 1}" max="${j + 1}" width="${width}" customWidth="1"/>` : ''));
  const text = widths.join('');
  return text ? `<cols>${text}</cols>` : '';
}

/** Internal links name only their location (`'Mål'!B4`): no relationship, so every program follows them inside the workbook. */
function hyperlinks(sheet: NewSheet): string {
  if (!sheet.links?.length) return '';
  let links = '';
  for (const link of sheet.links) {
    const location = `'${link.targetSheet.replace(/'/g, "''")}'!${link.targetCell}`;
    links += `<hyperlink ref="${a1(link.row, link.col)}" location="${escapeAttr(location)}" display="${escapeAttr(link.text)}"/>`;
  }
  return `<hyperlinks>${links}</hyperlinks>`;
}
