// Tests of the exceljs adapter: what readGrids sees in a real .xlsx, and what applyPlan leaves in the file.
import * as ExcelJS from 'exceljs';
import { applyPlan, dateToSerial, readGrids } from '../../cli/xlsx';
import type { SheetGrid, WritePlan } from '../../core/types';
import { roundTrip } from './helpers';

const EMPTY_PLAN: WritePlan = { blocks: [], fills: [], sheets: [], deleteSheets: [] };
const YELLOW: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
const STRIPES: ExcelJS.Fill = { type: 'pattern', pattern: 'lightUp', fgColor: { argb: 'FF0070C0' }, bgColor: { argb: 'FFFFFFFF' } };

function plan(part: Partial<WritePlan>): WritePlan {
  return { ...EMPTY_PLAN, ...part };
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): SheetGrid {
  const sheet = readGrids(workbook).sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A workbook with one cell of every kind the adapter must read. */
function kindsWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Indikatorer');
  ws.getCell('A1').value = 'Indikator';
  ws.getCell('B1').value = 2757.9;
  ws.getCell('C1').value = true;
  ws.getCell('D1').value = { richText: [{ text: 'Uppfylls ', font: { bold: true } }, { text: 'helt' }] };
  ws.getCell('E1').value = { formula: 'B1*2', result: 5515.8 };
  ws.getCell('F1').value = { formula: 'A1&"x"', result: 'Indikatorx' };
  ws.getCell('G1').value = { text: 'Stadens sida', hyperlink: 'https://start.stockholm/' };
  ws.getCell('H1').value = { error: '#N/A' };
  ws.getCell('I1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  ws.getCell('A2').value = new Date(Date.UTC(2024, 0, 1));
  ws.getCell('B2').value = new Date(Date.UTC(2024, 7, 31));
  ws.getCell('B2').numFmt = 'd mmm yyyy';
  ws.getCell('C2').value = 0.3887;
  ws.getCell('C2').numFmt = '0.00 %';
  ws.getCell('D2').value = '';
  ws.getCell('A4').value = 'Sammanslagen rubrik';
  ws.mergeCells('A4:C4');
  ws.getCell('E5').fill = YELLOW;
  return workbook;
}

describe('readGrids', () => {
  let grid: SheetGrid;
  beforeAll(async () => {
    grid = sheetOf(await roundTrip(kindsWorkbook()), 'Indikatorer');
  });

  it('reads numbers, strings, booleans, rich text, formula results, hyperlinks and errors as plain values', () => {
    expect(grid.values[0]).toEqual(['Indikator', 2757.9, true, 'Uppfylls helt', 5515.8, 'Indikatorx', 'Stadens sida', '#N/A', '#DIV/0!']);
  });

  it('turns dates into Excel serials with the cell format, or yyyy-mm-dd when it has none', () => {
    expect(grid.values[1].slice(0, 2)).toEqual([45292, 45535]);
    expect(grid.formats?.[1]?.[1]).toBe('d mmm yyyy');
    expect(['yyyy-mm-dd', 'mm-dd-yy']).toContain(grid.formats?.[1]?.[0]);
  });

  it('keeps a percentage cell as its fraction with its format, and reads an empty string as blank', () => {
    expect(grid.values[1][2]).toBe(0.3887);
    expect(grid.formats?.[1]?.[2]).toBe('0.00 %');
    expect(grid.values[1][3] ?? null).toBeNull();
  });

  it('gives a merged range its value once, in the master cell', () => {
    expect(grid.values[3][0]).toBe('Sammanslagen rubrik');
    expect(grid.values[3][1] ?? null).toBeNull();
    expect(grid.values[3][2] ?? null).toBeNull();
  });

  it('reads fills as JSON tokens of the fill and null where there is none, also on an empty cell', () => {
    expect(grid.fills?.[0]?.[0]).toBeNull();
    expect(JSON.parse(grid.fills?.[4]?.[4] as string)).toMatchObject(YELLOW);
    expect(grid.values[4][4]).toBeNull();
  });

  it('reads every sheet in tab order, hidden ones included', async () => {
    const workbook = kindsWorkbook();
    workbook.addWorksheet('Mål');
    workbook.addWorksheet('_malkoll').state = 'hidden';
    workbook.getWorksheet('Mål')!.getCell('A1').value = 'Nummer';
    expect(readGrids(await roundTrip(workbook)).sheets.map((s) => s.name)).toEqual(['Indikatorer', 'Mål', '_malkoll']);
  });

  it('converts dates with the 1900 system serials, leap-year bug included', () => {
    expect(dateToSerial(new Date(Date.UTC(1900, 2, 1)))).toBe(61);
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(1);
    expect(dateToSerial(new Date(Date.UTC(2024, 0, 1, 12)))).toBe(45292.5);
  });
});

describe('applyPlan', () => {
  it('writes blocks of values, formats, fills, font colours and bold, keeping the font otherwise', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Indikatorer');
    ws.getCell('B2').font = { name: 'Arial', size: 9, italic: true, color: { argb: 'FF123456' } };
    applyPlan(workbook, plan({
      blocks: [{
        sheet: 'Indikatorer', row: 0, col: 1,
        values: [['Status'], ['Uppfylls helt'], [1.125]],
        numberFormats: [[null], [null], ['0 %']],
        fills: [[null], ['#C6EFCE'], [null]],
        fontColors: [[null], ['#006100'], [null]],
        bold: [[true], [false], [false]],
      }],
    }));
    const loaded = await roundTrip(workbook);
    const sheet = loaded.getWorksheet('Indikatorer')!;
    expect(sheet.getCell('B1').value).toBe('Status');
    expect(sheet.getCell('B1').font?.bold).toBe(true);
    const status = sheet.getCell('B2');
    expect(status.value).toBe('Uppfylls helt');
    expect(status.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } });
    expect(status.font).toMatchObject({ name: 'Arial', size: 9, italic: true, color: { argb: 'FF006100' } });
    expect(sheet.getCell('B3').value).toBe(1.125);
    expect(sheet.getCell('B3').numFmt).toBe('0 %');
  });

  it('colours one cell without touching other cells that shared its style', async () => {
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet('Mål');
    for (const address of ['A1', 'A2', 'A3']) {
      ws.getCell(address).value = address;
      ws.getCell(address).fill = YELLOW;
    }
    const workbook = await roundTrip(source); // loaded cells share one style object
    applyPlan(workbook, plan({ fills: [{ sheet: 'Mål', fill: '#F8CBAD', cells: ['A2'] }] }));
    const fills = sheetOf(await roundTrip(workbook), 'Mål').fills!;
    expect(JSON.parse(fills[0][0] as string)).toMatchObject(YELLOW);
    expect(JSON.parse(fills[1][0] as string)).toMatchObject({ fgColor: { argb: 'FFF8CBAD' } });
    expect(JSON.parse(fills[2][0] as string)).toMatchObject(YELLOW);
  });

  it('restores a recorded JSON fill token exactly, and null removes the fill', async () => {
    const source = new ExcelJS.Workbook();
    const ws = source.addWorksheet('Mål');
    ws.getCell('A1').value = 'randig';
    ws.getCell('A1').fill = STRIPES;
    ws.getCell('A2').value = 'ofylld';
    const original = await roundTrip(source);
    const before = sheetOf(original, 'Mål').fills!;

    applyPlan(original, plan({ fills: [{ sheet: 'Mål', fill: '#FFF2CC', cells: ['A1', 'A2'] }] }));
    const highlighted = await roundTrip(original);
    applyPlan(highlighted, plan({
      fills: [
        { sheet: 'Mål', fill: before[0][0], cells: ['A1'] },
        { sheet: 'Mål', fill: null, cells: ['A2'] },
      ],
    }));
    const after = await roundTrip(highlighted);
    expect(sheetOf(after, 'Mål').fills).toEqual(before);
    expect(after.getWorksheet('Mål')!.getCell('A2').fill).toBeUndefined();
  });

  it('replaces an output sheet in its tab position and skips an existing template sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Mål').getCell('A1').value = 'Nummer';
    workbook.addWorksheet('Sammanställning').getCell('A1').value = 'gammal';
    workbook.addWorksheet('Ekonomi').getCell('A1').value = 'Budget';
    applyPlan(workbook, plan({
      sheets: [
        { name: 'Sammanställning', mode: 'replace', values: [['ny']] },
        { name: 'Mål', mode: 'createIfMissing', values: [['ska inte skrivas']] },
      ],
    }));
    const loaded = await roundTrip(workbook);
    expect(loaded.worksheets.map((w) => w.name)).toEqual(['Mål', 'Sammanställning', 'Ekonomi']);
    expect(loaded.getWorksheet('Sammanställning')!.getCell('A1').value).toBe('ny');
    expect(loaded.getWorksheet('Sammanställning')!.getCell('A2').value).toBeNull();
    expect(loaded.getWorksheet('Mål')!.getCell('A1').value).toBe('Nummer');
  });

  it('writes a new sheet with widths, bold, colours, links, validation lists, frozen rows and hidden state', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Indikatorer').getCell('A1').value = 'Indikator';
    applyPlan(workbook, plan({
      sheets: [
        {
          name: 'Valideringsrapport', mode: 'replace',
          values: [['Allvarlighet', 'Cell'], ['fel', 'Indikatorer!H41']],
          bold: [[true, true], [false, false]],
          fills: [[null, null], ['#F8CBAD', null]],
          fontColors: [[null, null], ['#9C0006', null]],
          columnWidths: [14, 20],
          links: [{ row: 1, col: 1, text: 'Indikatorer!H41', targetSheet: 'Indikatorer', targetCell: 'H41' }],
          validations: [{ col: 0, firstRow: 1, lastRow: 50, list: ['fel', 'varning', 'info'] }],
          frozenRows: 1,
        },
        { name: '_malkoll', mode: 'replace', hidden: true, values: [['Blad', 'Cell', 'Fyllning']] },
      ],
    }));
    const loaded = await roundTrip(workbook);
    const sheet = loaded.getWorksheet('Valideringsrapport')!;
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(14);
    expect(sheet.getCell('A2').fill).toMatchObject({ fgColor: { argb: 'FFF8CBAD' } });
    expect(sheet.getCell('A2').font?.color).toEqual({ argb: 'FF9C0006' });
    expect(sheet.getCell('B2').value).toEqual({ text: 'Indikatorer!H41', hyperlink: "#'Indikatorer'!H41" });
    expect(sheet.getCell('A30').dataValidation).toMatchObject({ type: 'list', formulae: ['"fel,varning,info"'] });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(loaded.getWorksheet('_malkoll')!.state).toBe('hidden');
  });

  it('deletes sheets named in deleteSheets, in any case', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Mål').getCell('A1').value = 'Nummer';
    workbook.addWorksheet('_MALKOLL').getCell('A1').value = 'Blad';
    applyPlan(workbook, plan({ deleteSheets: ['_malkoll', 'Finns inte'] }));
    expect((await roundTrip(workbook)).worksheets.map((w) => w.name)).toEqual(['Mål']);
  });

  it('writes text that looks like a formula as literal text, never as a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Indikatorer');
    const texts = ['=SUM(A1)', '+/- 1 %', '-2%', '@font'];
    applyPlan(workbook, plan({
      blocks: [{ sheet: 'Indikatorer', row: 0, col: 0, values: texts.map((t) => [t]) }],
      sheets: [{ name: 'Sammanställning', mode: 'replace', values: [texts] }],
    }));
    const loaded = await roundTrip(workbook);
    texts.forEach((text, i) => {
      const inBlock = loaded.getWorksheet('Indikatorer')!.getCell(i + 1, 1);
      const inSheet = loaded.getWorksheet('Sammanställning')!.getCell(1, i + 1);
      for (const cell of [inBlock, inSheet]) {
        expect(cell.value).toBe(text);
        expect(cell.formula).toBeUndefined();
        expect(cell.numFmt).toBe('@');
      }
    });
  });

  it('never writes into a merged cell other than the master', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Mål');
    ws.getCell('A1').value = 'Rubrik';
    ws.mergeCells('A1:C1');
    applyPlan(workbook, plan({ blocks: [{ sheet: 'Mål', row: 0, col: 2, values: [['Förslag']] }] }));
    expect((await roundTrip(workbook)).getWorksheet('Mål')!.getCell('A1').value).toBe('Rubrik');
  });
});
