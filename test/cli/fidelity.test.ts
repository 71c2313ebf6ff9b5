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
