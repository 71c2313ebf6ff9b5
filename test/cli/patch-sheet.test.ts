// The exact bytes the worksheet patcher and the own-sheet writer produce for unusual but valid XML (prefixes, rows and cells without `r`, whitespace, cells out of order, escapes), pinned so that a faster writer changes nothing.
import * as fs from 'fs';
import * as path from 'path';
import { newSheetXml } from '../../cli/package/new-sheet';
import { patchSheet, SheetPatch, type CellPatch } from '../../cli/package/patch-sheet';
import { Styles } from '../../cli/package/styles';
import type { NewSheet } from '../../core/types';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment indent="1"/></xf></cellXfs></styleSheet>';

/** The outputs as the patcher wrote them before its byte-level writer (test/cli/fixtures/patch-sheet.golden.json), by case number. */
const golden: Record<string, unknown> = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'patch-sheet.golden.json'), 'utf8'));

function expectGolden(actual: unknown, n: number): void {
  expect(actual).toEqual(golden[n]);
}

/** The styles part from its fills on: what a patch appends. */
function added(styles: Styles): string {
  const xml = styles.serialize();
  return xml.slice(xml.indexOf('<fills'));
}

/** Cells of one patch: [row, col, patch] with 0-based coordinates. */
type Cells = [number, number, CellPatch][];

function patched(sheet: string, cells: Cells, widths: [number, number][] = []): { xml: string; styles: string } {
  const styles = new Styles(STYLES);
  const patch = new SheetPatch();
  for (const [row, col, cell] of cells) patch.set(row, col, cell);
  for (const [col, width] of widths) patch.widths.set(col, width);
  const xml = patchSheet(Buffer.from(sheet, 'utf8'), patch, styles).toString('utf8');
  return { xml, styles: added(styles) };
}

const status = (value: string | number | boolean | null, fill: string | null = '#C6EFCE'): CellPatch => ({ writeValue: true, value, change: { fill, horizontal: 'center' } });
const fillOnly = (fill: string | null): CellPatch => ({ writeValue: false, value: null, change: { fill } });
const valueOnly = (value: string | number | boolean | null): CellPatch => ({ writeValue: true, value, change: {} });

describe('the worksheet patcher', () => {
  it('patches rows as Excel writes them: spans dropped, cells added in column order, formulas kept, styles appended once', () => {
    const sheet =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><dimension ref="A1:C3"/><cols><col min="1" max="4" width="9" customWidth="1"/></cols><sheetData>` +
      '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.5</v></c><c r="C1"><f>B1*2</f><v>1</v></c></row>' +
      '<row r="2" spans="1:3"><c r="A2"><v>2</v></c><c r="C2" s="1" t="s"><v>1</v></c></row>' +
      '<row r="4"><c r="A4"><v>4</v></c></row>' +
      '<row r="5" spans="1:1"/>' +
      '</sheetData><rowBreaks count="1"><brk id="3" max="16383" man="1"/></rowBreaks></worksheet>';
    const result = patched(
      sheet,
      [
        [0, 2, status('över formeln')],
        [0, 3, status('Uppfylls helt')],
        [1, 1, status(0.25, null)],
        [1, 3, status('Uppfylls <delvis> & "mer"', '#FFEB9C')],
        [1, 2, fillOnly('#FFC7CE')],
        [2, 3, status('ny rad')],
        [4, 0, fillOnly(null)],
        [6, 3, valueOnly(true)],
        [7, 3, valueOnly(null)],
      ],
      [[3, 17]],
    );
    expectGolden(result, 1);
  });

  it('numbers rows and cells that have no `r`, and keeps whitespace-separated, out-of-order and prefixed content as before', () => {
    const plain =
      `<worksheet xmlns="${NS}"><sheetData>\n  <row>\n    <c t="inlineStr"><is><t>a</t></is></c>\n    <c><v>1</v></c>\n  </row>\n  <row><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c></row>\n` +
      '  <row r="3"><c r="A3" s="1"/><c r="B3"><v>2</v></c><extLst><ext uri="x"/></extLst></row>\n  <row r="4"><c s="1" r="B4"><v>5</v></c><c r=\'C4\'><v>6</v></c></row>\n</sheetData></worksheet>';
    expectGolden(patched(plain, [[0, 1, status('b')], [1, 1, status('mitt')], [2, 2, status('sist')], [3, 3, status('D4')], [3, 1, fillOnly('#FFC7CE')]]), 2);
    const prefixed =
      `<x:worksheet xmlns:x="${NS}"><x:dimension ref="A1"/><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    expectGolden(patched(prefixed, [[0, 1, status('formel')], [0, 2, status('text')], [2, 0, status(7)]], [[2, 12]]), 3);
    const empty = `<worksheet xmlns="${NS}"><dimension ref="A1"/><sheetData/></worksheet>`;
    expectGolden(patched(empty, [[1, 1, status('B2')], [0, 0, valueOnly(1)]]), 4);
  });

  it('writes text as text: escapes, control characters dropped, any Unicode, odd numbers', () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    const texts = ['=SUMMA(A1)', 'a\u0001b\u0008c\td\ne\rf\u000b', 'åäö – ’ ≥ 😀 \ud800x \ufffe', '<&>\'"', '', ' ', '-1'];
    const numbers = [-0, 1e21, 1e-7, 0.1 + 0.2, NaN, Infinity, -5, false];
    const cells: Cells = [...texts, ...numbers].map((value, j) => [0, j + 1, valueOnly(value)]);
    expectGolden(patched(sheet, cells), 5);
  });
});

describe('the own-sheet writer', () => {
  it('writes values, formats, fills, fonts, links, wraps, alignment, heights and the page setup', () => {
    const sheet: NewSheet = {
      name: 'Sammanställning',
      mode: 'replace',
      values: [
        ['Rubrik', null, 'Värde', ''],
        [],
        ['=inte en formel', 'lång text som bryts i kolumnen', 0.256, true],
        ['<&>', null, -3, 'länk'],
        [null, null, null, null],
      ],
      numberFormats: [[null, null, null, null], [], [null, null, '0.0%', null], [null, null, '#,##0', null]],
      fills: [['#DDEBF7', null, '#DDEBF7', null], [], [null, null, null, '#C6EFCE']],
      fontColors: [[null, null, null, '#9C0006']],
      bold: [[true, false, true, true]],
      columnWidths: [10, 8, 0, 12],
      align: [[null, null, 'right', null], [], [null, null, 'right', 'center']],
      rowHeights: [null, 30, null, null, 45],
      print: { paper: 'A4', orientation: 'landscape', fitToPagesWide: 1, repeatRows: { first: 0, last: 0 } },
      verticalAlign: 'top',
      links: [
        { row: 3, col: 3, text: 'Mål!B4', targetSheet: "Mål 'x'", targetCell: 'B4' },
        { row: 6, col: 5, text: 'utanför', targetSheet: 'Indikatorer', targetCell: 'A1' },
      ],
      frozenRows: 1,
    };
    const styles = new Styles(STYLES);
    expectGolden(newSheetXml(sheet, styles).toString('utf8'), 6);
    const wrapped: NewSheet = { name: '_malkoll', mode: 'replace', hidden: true, values: [['a', 'b'], ['c', null]], wrap: [[true, false], [false, true]] };
    expectGolden(newSheetXml(wrapped, styles).toString('utf8'), 7);
    expectGolden(added(styles), 8);
  });
});

/** A small deterministic generator (mulberry32), so that a failure can be repeated. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the byte-level paths', () => {
  const pool = ['a', 'Z', ' ', '&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0000', '\u0007', '\u001f', '\u007f', 'å', 'ö', '\u00a0', '–', '’', '≥', '\u0800', '\ufffd', '\ufffe', '\uffff', '😀', '\ud800', '\udc00'];

  it('writes text and markup as escapeText(xmlSafe(…)) and Buffer.from would', () => {
    const next = random(7);
    const { ByteWriter, escapeText, xmlSafe } = jest.requireActual('../../cli/package/xml') as typeof import('../../cli/package/xml');
    for (let n = 0; n < 2000; n++) {
      const length = Math.floor(next() * (n % 10 === 0 ? 400 : 12));
      let text = '';
      for (let i = 0; i < length; i++) text += pool[Math.floor(next() * pool.length)];
      const writer = new ByteWriter(16);
      writer.text(text);
      writer.raw(text);
      writer.int(n * 7919);
      const expected = [escapeText(xmlSafe(text)), text, String(n * 7919)].map((part) => Buffer.from(part, 'utf8'));
      expect(writer.result()).toEqual(Buffer.concat(expected));
    }
  });

  it('patches a row of cells as the text path does the same row with whitespace between its cells, with and without a prefix', () => {
    const next = random(11);
    const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
    const changes = [{ fill: '#C6EFCE', horizontal: 'center' as const }, { fill: null }, { numFmt: '0 %', bold: true }, {}, { fill: '#FFC7CE' }];
    const letters = (col: number): string => (col < 26 ? String.fromCharCode(65 + col) : 'A' + String.fromCharCode(65 + col - 26));
    for (let n = 0; n < 200; n++) {
      const rows: string[][] = [];
      const cells: Cells = [];
      const patchedRows = new Set<number>();
      for (let r = 0; r < 8; r++) {
        if (next() < 0.2) continue; // a row the sheet does not have
        const row: string[] = [];
        for (let col = 0; col < 30; col++) {
          if (next() < 0.6) continue;
          const ref = `${letters(col)}${r + 1}`;
          row.push(
            pick([
              `<c r="${ref}" t="s"><v>${col}</v></c>`,
              `<c r="${ref}" s="1"><v>0.${col}</v></c>`,
              `<c r="${ref}" s="1"/>`,
              `<c r="${ref}"><f>A1+${col}</f><v>3</v></c>`,
              `<c r="${ref}" t="inlineStr"><is><t>åäö &amp; ${col}</t></is></c>`,
            ]),
          );
        }
        rows[r] = row;
      }
      for (let k = 0; k < 12; k++) {
        const r = Math.floor(next() * 9);
        const value = pick<string | number | boolean | null>(['Uppfylls helt', 0.25, null, true, '=1+1', 'a<b']);
        cells.push([r, Math.floor(next() * 32), next() < 0.3 ? fillOnly(pick(['#FFC7CE', null])) : { writeValue: true, value, change: pick(changes) }]);
        patchedRows.add(r);
      }
      const sheet = (spaced: boolean): string => {
        const body = rows.map((row, r) => (row ? `<row r="${r + 1}">${row.join(spaced && patchedRows.has(r) ? ' ' : '')}</row>` : '')).join('');
        const xml = `<worksheet xmlns="${NS}"><dimension ref="A1:B2"/><sheetData>${body}</sheetData></worksheet>`;
        return n % 2 ? xml.replace(/<(\/?)(?=[a-z])/g, '<$1x:').replace('xmlns=', 'xmlns:x=') : xml; // every other sheet with a prefix
      };
      expect(patched(sheet(false), cells)).toEqual(patched(sheet(true), cells));
    }
  });
});
