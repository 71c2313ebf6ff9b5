// The checked copy is the user's package plus Målkoll's additions: hostile packages in, compared part by part and cell by cell with an independent reader (fflate + saxes).
import * as fs from 'fs';
import * as path from 'path';
import { openPackage } from '../../cli/package/package';
import { readPackage } from '../../cli/package/read';
import { find, hostilePackage, mergesOf, parseXml, sheetCells, styleOf, unzipParts, type Flavour } from './hostile';
import { runCli, tempDir, type RunResult } from './helpers';

/** Parts a check may change or add; every other part of the input comes out byte for byte. */
const MAY_CHANGE = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);
const USER_SHEETS = ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml', 'xl/worksheets/sheet4.xml'];

function sheetTags(parts: Map<string, Buffer>): Record<string, string>[] {
  return find(parseXml(parts.get('xl/workbook.xml')!), 'sheet').map((s) => s.attributes);
}

describe.each<Flavour>(['excel365', 'libreoffice', 'openpyxl', 'xlsm'])('a %s package', (flavour) => {
  const ext = flavour === 'xlsm' ? '.xlsm' : '.xlsx';
  let dir: string;
  let input: Buffer;
  let inParts: Map<string, Buffer>;
  let outParts: Map<string, Buffer>;
  let run: RunResult;
  let outFile: string;

  beforeAll(async () => {
    dir = tempDir();
    input = hostilePackage(flavour).bytes;
    fs.writeFileSync(path.join(dir, `uppfoljning${ext}`), input);
    run = await runCli(['check', path.join(dir, `uppfoljning${ext}`)]);
    outFile = path.join(dir, `uppfoljning-kontrollerad${ext}`);
    inParts = unzipParts(input);
    outParts = unzipParts(fs.readFileSync(outFile));
  });

  it('is checked (exit 1: the package holds an error) and written beside the input with the same kind of extension', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(fs.existsSync(outFile)).toBe(true);
  });

  it('keeps every part it does not need to change byte for byte (charts, pivot, comments, custom properties, tables, VBA, …)', () => {
    const kept = [...inParts.keys()].filter((name) => !MAY_CHANGE.has(name));
    expect(kept).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'docProps/custom.xml', 'xl/tables/table1.xml']));
    for (const name of kept) {
      expect(outParts.has(name)).toBe(true);
      expect(outParts.get(name)!.equals(inParts.get(name)!)).toBe(true);
    }
    if (flavour === 'xlsm') expect(outParts.get('xl/vbaProject.bin')).toEqual(inParts.get('xl/vbaProject.bin'));
  });

  it('keeps the workbook content type (macro-enabled for .xlsm) and every original sheet id', () => {
    const type = (parts: Map<string, Buffer>): string =>
      find(parseXml(parts.get('[Content_Types].xml')!), 'Override').find((o) => o.attributes.PartName === '/xl/workbook.xml')!.attributes.ContentType;
    expect(type(outParts)).toBe(type(inParts));
    const before = sheetTags(inParts);
    const after = sheetTags(outParts);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((s) => [s.name, s.state ?? 'visible'])).toEqual([
      ['Sammanställning', 'visible'],
      ['Valideringsrapport', 'visible'],
      ['_malkoll', 'hidden'],
    ]);
  });

  it('writes only well-formed XML', () => {
    for (const [name, data] of outParts) if (/\.(xml|rels)$/.test(name)) expect(() => parseXml(data)).not.toThrow();
  });

  it('leaves every user cell value, formula and merge as it was', () => {
    for (const part of USER_SHEETS) {
      const before = sheetCells(inParts, part);
      const after = sheetCells(outParts, part);
      for (const [ref, cell] of before) {
        expect({ ref, value: after.get(ref)?.value, formula: after.get(ref)?.formula }).toEqual({ ref, value: cell.value, formula: cell.formula });
      }
      expect(mergesOf(outParts, part)).toEqual(mergesOf(inParts, part));
    }
  });

  it('adds the output columns beside the tables and styles only by appending', () => {
    const indicators = sheetCells(outParts, 'xl/worksheets/sheet2.xml');
    expect(indicators.get('J1')?.value).toBe('Status');
    expect(indicators.get('J4')?.value).toMatch(/^Uppfylls/);
    // the unreadable Årsmål in G3 (a user fill of theme colour 4) is highlighted: an appended style with the highlight colour
    expect(styleOf(outParts, indicators.get('G3')!.style).fill).toMatch(/FFF8CBAD|FFFFF2CC/);
    expect(styleOf(inParts, sheetCells(inParts, 'xl/worksheets/sheet2.xml').get('G3')!.style).fill).toMatch(/"theme":"4"/);
    const countOf = (parts: Map<string, Buffer>, section: string): number => find(parseXml(parts.get('xl/styles.xml')!), section)[0].children.length;
    for (const section of ['cellXfs', 'fills', 'fonts']) expect(countOf(outParts, section)).toBeGreaterThanOrEqual(countOf(inParts, section));
    for (let i = 0; i < countOf(inParts, 'cellXfs'); i++) expect(styleOf(outParts, i)).toEqual(styleOf(inParts, i));
  });

  it('lays the output out for reading and printing: widths, right-aligned figure headers, wrapped Underlag, A4 landscape with print titles (SPEC 6)', () => {
    const workbook = parseXml(outParts.get('xl/workbook.xml')!);
    const rels = find(parseXml(outParts.get('xl/_rels/workbook.xml.rels')!), 'Relationship');
    const partOf = (name: string): string => 'xl/' + rels.find((r) => r.attributes.Id === sheetTags(outParts).find((t) => t.name === name)!['r:id'])!.attributes.Target;
    const alignmentOf = (index: number): Record<string, string> => {
      const xf = find(find(parseXml(outParts.get('xl/styles.xml')!), 'cellXfs')[0], 'xf')[index];
      return xf.children.find((n) => n.name === 'alignment')?.attributes ?? {};
    };
    const widthOf = (part: string, column: number): number => {
      const col = find(parseXml(outParts.get(part)!), 'col').find((c) => Number(c.attributes.min) <= column && column <= Number(c.attributes.max));
      return col ? Number(col.attributes.width) : 0;
    };
    const columnOf = (ref: string): number => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    // Output columns beside the user's tables: as wide as their header and every text they hold; figure headers right.
    for (const [sheet, headers] of [['Mål', ['Förslag', 'Underlag']], ['Indikatorer', ['Beräknad prognos', 'Status', 'Måluppfyllnad']]] as const) {
      const part = partOf(sheet);
      const cells = sheetCells(outParts, part);
      for (const header of headers) {
        const [ref] = [...cells].find(([, c]) => c.value === header)!;
        const column = columnOf(ref);
        const wraps = header === 'Underlag';
        const texts = [...cells].filter(([r, c]) => columnOf(r) === column && c.value !== null && !wraps).map(([, c]) => c.value!.length);
        expect(widthOf(part, column)).toBeGreaterThan(Math.max(header.length, ...texts));
        if (header === 'Status' || header === 'Förslag') expect(widthOf(part, column)).toBeGreaterThan('Uppfylls delvis'.length);
        expect(alignmentOf(cells.get(ref)!.style).horizontal).toBe(header === 'Beräknad prognos' || header === 'Måluppfyllnad' ? 'right' : undefined);
        if (wraps) {
          const below = [...cells].filter(([r, c]) => columnOf(r) === column && r !== ref && c.value !== null);
          expect(below.length).toBeGreaterThan(0);
          for (const [, c] of below) expect(alignmentOf(c.style).wrapText).toBe('1');
        }
      }
    }
    // Målkoll's own sheets: A4 (paper size 9) landscape, one page wide, the header rows (the frozen ones) repeated.
    const names = sheetTags(outParts).map((t) => t.name);
    for (const name of ['Sammanställning', 'Valideringsrapport']) {
      const sheet = parseXml(outParts.get(partOf(name))!);
      expect(find(sheet, 'pageSetup')[0].attributes).toMatchObject({ paperSize: '9', orientation: 'landscape', fitToWidth: '1', fitToHeight: '0' });
      expect(find(sheet, 'pageSetUpPr')[0].attributes.fitToPage).toBe('1');
      const frozen = Number(find(sheet, 'pane')[0].attributes.ySplit);
      const titles = find(workbook, 'definedName').filter((d) => d.attributes.name === '_xlnm.Print_Titles' && d.attributes.localSheetId === String(names.indexOf(name)));
      expect(titles.map((d) => d.text)).toEqual([`'${name}'!$${frozen}:$${frozen}`]);
      // Every cell sits at the top of its row; a row given a height says it is custom.
      const cells = sheetCells(outParts, partOf(name));
      for (const [, c] of cells) if (c.value !== null) expect(alignmentOf(c.style).vertical).toBe('top');
      for (const row of find(sheet, 'row').filter((r) => r.attributes.ht !== undefined)) expect(row.attributes.customHeight).toBe('1');
    }
    expect(find(parseXml(outParts.get(partOf('_malkoll'))!), 'pageSetup')).toEqual([]);
  });

  it('links the validation sheet to cells by location only', () => {
    const validation = sheetTags(outParts).find((s) => s.name === 'Valideringsrapport')!;
    const rels = find(parseXml(outParts.get('xl/_rels/workbook.xml.rels')!), 'Relationship');
    const part = 'xl/' + rels.find((r) => r.attributes.Id === validation['r:id'])!.attributes.Target;
    const links = find(parseXml(outParts.get(part)!), 'hyperlink');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.attributes.location).toMatch(/^'.+'!\$?[A-Z]+\$?\d+$/);
      expect(link.attributes['r:id']).toBeUndefined();
    }
  });

  it('gives the same package when its own output is checked again (idempotent)', async () => {
    const again = path.join(dir, `igen${ext}`);
    await runCli(['check', outFile, '-o', again]);
    const againParts = unzipParts(fs.readFileSync(again));
    expect([...againParts.keys()].sort()).toEqual([...outParts.keys()].sort());
    for (const [name, data] of outParts) expect({ name, same: againParts.get(name)!.equals(data) }).toEqual({ name, same: true });
  });

  it('clear restores every fill and keeps only the record of Målkoll’s own sheets, leaving the rest of the package alone', async () => {
    const cleared = path.join(dir, `rensad${ext}`);
    const result = await runCli(['clear', outFile, '-o', cleared]);
    expect(result.code).toBe(0);
    const clearedParts = unzipParts(fs.readFileSync(cleared));
    for (const part of USER_SHEETS) {
      const before = sheetCells(inParts, part);
      const after = sheetCells(clearedParts, part);
      for (const [ref, cell] of before) {
        expect({ ref, fill: styleOf(clearedParts, after.get(ref)!.style).fill }).toEqual({ ref, fill: styleOf(inParts, cell.style).fill });
        expect(after.get(ref)!.value).toBe(cell.value);
      }
    }
    // The hidden record stays (it tells the next check which sheets are Målkoll's) but lists no highlight any more.
    const record = sheetTags(clearedParts).find((s) => s.name === '_malkoll');
    expect(record?.state).toBe('hidden');
    const { grids } = readPackage(openPackage(fs.readFileSync(cleared)));
    const recordRows = grids.sheets.find((s) => s.name === '_malkoll')!.values.map((row) => row[0]);
    expect(recordRows).toEqual(['Målkoll record v2', 'summary', 'validation']);
    for (const name of inParts.keys()) if (!MAY_CHANGE.has(name)) expect(clearedParts.get(name)!.equals(inParts.get(name)!)).toBe(true);
  });

  it('reads values, formats, formulas, notes, merges and sheet ids the way the tool wrote them', () => {
    const { grids } = readPackage(openPackage(input));
    const sheet = (name: string) => grids.sheets.find((s) => s.name === name)!;
    expect(grids.sheets.map((s) => [s.name, s.id])).toEqual([['Mål', '1'], ['Indikatorer', '2'], ['Diagramdata', '3'], ['Pivot', '4']]);
    const indicators = sheet('Indikatorer');
    expect(indicators.values[1][1]).toBe('Andel nöjda barn');
    expect(indicators.values[1][6]).toBe(0.7);
    expect(indicators.formats![1][6]).toBe('0.0%');
    expect(indicators.formulas![1][6]).toBe('=0.5+0.2');
    expect(indicators.notes![1][1]).toBe('Mätt i enkät');
    expect(indicators.notes![3][6]).toBe(flavour === 'excel365' ? 'Målet ändrades i april' : 'Controller: Källa: SCB');
    expect(indicators.fills![2][6]).toMatch(/theme="4"/);
    const data = sheet('Diagramdata');
    expect(data.values[0][16383]).toBe('slut');
    expect(data.values[4][2]).toBe(123456789);
    expect(data.formats![4][2]).toBe('mm-dd-yy');
    expect(data.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(sheet('Mål').values[0][0]).toBe('Nivå'); // the phonetic run of the first shared string is not text
  });
});
