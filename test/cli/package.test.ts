// The package patcher's handling of sheets by id, deleted sheets, packages without styles and text that looks like a formula, checked with the independent reader.
import { zipSync } from 'fflate';
import { applyPlanToPackage } from '../../cli/package/apply';
import { check } from '../../core/check';
import { openPackage } from '../../cli/package/package';
import { readPackage } from '../../cli/package/read';
import type { WritePlan } from '../../core/types';
import { find, hostilePackage, parseXml, plainPackage, sheetCells, styleOf, unzipParts } from './hostile';

async function apply(bytes: Buffer, plan: Partial<WritePlan>): Promise<Map<string, Buffer>> {
  const pkg = openPackage(bytes);
  const read = readPackage(pkg);
  const full: WritePlan = { blocks: [], fills: [], sheets: [], deleteSheets: [], ...plan };
  return unzipParts(await applyPlanToPackage(pkg, read.grids, read.styles, full, read.sheetXml));
}

function sheets(parts: Map<string, Buffer>): Record<string, string>[] {
  return find(parseXml(parts.get('xl/workbook.xml')!), 'sheet').map((s) => s.attributes);
}

describe('the package patcher', () => {
  const input = hostilePackage('excel365').bytes;

  it('rewrites the sheet a NewSheet names by id in place: same part, same sheetId, renamed', async () => {
    const parts = await apply(input, { sheets: [{ name: 'Summary', mode: 'replace', id: '3', values: [['ny']] }] });
    const tag = sheets(parts).find((s) => s.sheetId === '3')!;
    expect(tag.name).toBe('Summary');
    expect(tag['r:id']).toBe('rId3');
    expect(sheetCells(parts, 'xl/worksheets/sheet3.xml').get('A1')?.value).toBe('ny');
    expect(parts.has('xl/worksheets/_rels/sheet3.xml.rels')).toBe(false); // the old content's drawing and table are not the new content's
    expect(sheets(parts)).toHaveLength(4);
  });

  it('deletes a sheet with its relationship, part and content type, and moves sheet-scoped names down', async () => {
    const parts = await apply(input, { deleteSheets: ['mål'] });
    expect(sheets(parts).map((s) => s.name)).toEqual(['Indikatorer', 'Diagramdata', 'Pivot']);
    expect(parts.has('xl/worksheets/sheet1.xml')).toBe(false);
    expect(parts.get('[Content_Types].xml')!.toString()).not.toContain('/xl/worksheets/sheet1.xml');
    expect(parts.get('xl/_rels/workbook.xml.rels')!.toString()).not.toContain('worksheets/sheet1.xml');
    const names = find(parseXml(parts.get('xl/workbook.xml')!), 'definedName');
    expect(names.find((n) => n.attributes.name === '_xlnm._FilterDatabase')!.attributes.localSheetId).toBe('1');
    expect(find(parseXml(parts.get('xl/workbook.xml')!), 'workbookView')[0].attributes.activeTab).toBe('0');
  });

  it('creates a styles part for a package without one, and writes text that looks like a formula as text', async () => {
    const plain = plainPackage([{ name: 'Blad1', values: [['a']] }]);
    const parts = await apply(plain, { blocks: [{ sheet: 'Blad1', row: 0, col: 1, values: [['=SUMMA(A1)'], ['+/- 1 %']], fills: [['#C6EFCE'], [null]] }] });
    expect(parts.has('xl/styles.xml')).toBe(true);
    expect(parts.get('[Content_Types].xml')!.toString()).toContain('/xl/styles.xml');
    const cells = sheetCells(parts, 'xl/worksheets/sheet1.xml');
    expect(cells.get('B1')).toMatchObject({ value: '=SUMMA(A1)', formula: null });
    expect(cells.get('B2')).toMatchObject({ value: '+/- 1 %', formula: null });
    expect(styleOf(parts, cells.get('B1')!.style).fill).toContain('FFC6EFCE');
    expect(styleOf(parts, cells.get('B1')!.style).numFmtId).toBe('49'); // text format: stays text when edited
  });

  it('never writes a value over a formula or into a merged area', async () => {
    const parts = await apply(input, {
      blocks: [
        { sheet: 'Indikatorer', row: 1, col: 6, values: [['över formeln']] },
        { sheet: 'Diagramdata', row: 0, col: 1, values: [['i sammanfogat']] },
      ],
    });
    expect(sheetCells(parts, 'xl/worksheets/sheet2.xml').get('G2')).toMatchObject({ value: '0.7', formula: '0.5+0.2' });
    expect(sheetCells(parts, 'xl/worksheets/sheet3.xml').get('B1')).toBeUndefined();
  });
});

describe('a chart sheet of the user’s', () => {
  it('is seen by core (its name is taken) and kept: Målkoll’s summary goes beside it, never over it', async () => {
    // The hostile package plus a chart sheet named Sammanställning, as a user may name a chart of the year.
    const parts = unzipParts(hostilePackage('excel365').bytes);
    const text = (name: string) => parts.get(name)!.toString('utf8');
    const chartSheet = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
    );
    const files: Record<string, Uint8Array> = {};
    for (const [name, bytes] of parts) files[name] = bytes;
    files['xl/chartsheets/sheet1.xml'] = chartSheet;
    files['xl/workbook.xml'] = Buffer.from(text('xl/workbook.xml').replace(/<\/sheets>/, '<sheet name="Sammanställning" sheetId="50" r:id="rIdChart"/></sheets>'));
    files['xl/_rels/workbook.xml.rels'] = Buffer.from(
      text('xl/_rels/workbook.xml.rels').replace(
        /<\/Relationships>/,
        '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
      ),
    );
    files['[Content_Types].xml'] = Buffer.from(
      text('[Content_Types].xml').replace(/<\/Types>/, '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/></Types>'),
    );
    const bytes = Buffer.from(zipSync(files));

    const read = readPackage(openPackage(bytes));
    expect(read.grids.sheets.find((s) => s.name === 'Sammanställning')).toEqual({ name: 'Sammanställning', id: '50', values: [] });
    const { plan } = check(read.grids);
    const out = await apply(bytes, plan);
    expect(sheets(out).find((s) => s.name === 'Sammanställning')).toMatchObject({ sheetId: '50', 'r:id': 'rIdChart' });
    expect(out.get('xl/chartsheets/sheet1.xml')!.equals(chartSheet)).toBe(true);
    expect(sheets(out).map((s) => s.name)).toContain('Sammanställning (Målkoll)');
  });
});
