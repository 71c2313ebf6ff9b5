// Writes the worksheet part of one of Målkoll's own sheets (Sammanställning, Valideringsrapport, _malkoll) from the plan's NewSheet.
import { a1, columnLetters } from '../../core/common/a1';
import { needsTextGuard } from '../../core/write/plan';
import type { CellValue, NewSheet } from '../../core/types';
import { cellXml } from './patch-sheet';
import type { StyleChange, Styles } from './styles';
import { ChunkWriter, escapeAttr } from './xml';

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
  const links = new Map((sheet.links ?? []).map((link) => [link.row * LINK_KEY + link.col, link]));
  const rows = new ChunkWriter();
  let right = 0;
  const values = withLinkRows(sheet);
  for (let i = 0; i < values.length; i++) {
    let cells = '';
    const row = values[i];
    for (let j = 0; j < row.length; j++) {
      const link = links.size ? links.get(i * LINK_KEY + j) : undefined;
      const cell = sheetCell(sheet, i, j, link ? link.text : row[j], !!link, styles);
      if (cell) {
        cells += cell;
        if (j > right) right = j;
      }
    }
    const height = sheet.rowHeights?.[i] ?? null;
    // A row's height where its wrapped text needs more than one line: not every program grows a row when it opens a file.
    if (cells || height !== null) rows.add(`<row r="${i + 1}"${height !== null ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`);
  }
  const bottom = Math.max(0, sheet.values.length - 1);
  const head = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    sheet.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    `<dimension ref="A1:${columnLetters(right)}${bottom + 1}"/>`,
    sheetViews(sheet),
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols(sheet),
    '<sheetData>',
  ].join('');
  const tail = [
    '</sheetData>',
    hyperlinks(sheet),
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    pageSetup(sheet),
    '</worksheet>',
  ].join('');
  return Buffer.concat([Buffer.from(head, 'utf8'), rows.toBuffer(), Buffer.from(tail, 'utf8')]);
}

function sheetCell(sheet: NewSheet, i: number, j: number, value: CellValue, isLink: boolean, styles: Styles): string | null {
  const change: StyleChange = {};
  const format = sheet.numberFormats?.[i]?.[j] ?? null;
  const fill = sheet.fills?.[i]?.[j] ?? null;
  const fontColor = sheet.fontColors?.[i]?.[j] ?? null;
  const bold = sheet.bold?.[i]?.[j] ?? false;
  if (format !== null) change.numFmt = format;
  else if (typeof value === 'string' && needsTextGuard(value)) change.numFmt = TEXT_FORMAT;
  if (fill !== null) change.fill = fill;
  if (fontColor !== null) change.fontColor = fontColor;
  if (bold) change.bold = true;
  if (isLink) {
    change.fontColor = LINK_COLOR;
    change.underline = true;
  }
  if (sheet.wrap) {
    if (sheet.wrap[i]?.[j]) change.wrap = true;
  } else {
    const width = sheet.columnWidths?.[j] ?? 0;
    if (typeof value === 'string' && width > 0 && value.length > width) change.wrap = true;
  }
  const horizontal = sheet.align?.[i]?.[j] ?? null;
  if (horizontal !== null) change.horizontal = horizontal;
  const styled = format !== null || fill !== null || fontColor !== null || bold || isLink || change.numFmt !== undefined || change.wrap === true || horizontal !== null;
  if ((value === null || value === '') && !styled) return null;
  if (sheet.verticalAlign === 'top') change.vertical = 'top';
  if (!styled && change.vertical === undefined) return cellXml('', a1(i, j), 0, value);
  return cellXml('', a1(i, j), styles.styleWith(0, change), value);
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
