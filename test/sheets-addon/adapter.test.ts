// Unit tests of the Sheets adapter on the fake spreadsheet with hand-made grids and plans: reading (dates, fills, formats), text guards, blocks, fills, new sheets, calls.
import { applyPlan, dateToSerial, readGrids, readSpreadsheet, selectCell, sheetsText, toFill } from '../../sheets-addon/adapter';
import { callFunction, toFnArg, toSheetsResult, ARRAY_ERROR_PREFIX } from '../../sheets-addon/functions';
import type { WritePlan, WorkbookGrids } from '../../core/types';
import { FakeSpreadsheet, FakeSpreadsheetApp, AUTOMATIC_FORMAT, isOwnLink, spreadsheetFromGrids } from './fake-spreadsheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const EMPTY_PLAN: WritePlan = { blocks: [], fills: [], sheets: [], deleteSheets: [] };

function setup(grids: WorkbookGrids, timeZone?: string): { fake: FakeSpreadsheet; spreadsheet: Spreadsheet; app: FakeSpreadsheetApp } {
  const fake = spreadsheetFromGrids(grids, { timeZone });
  return { fake, spreadsheet: fake as unknown as Spreadsheet, app: new FakeSpreadsheetApp(fake) };
}

function apply(ctx: ReturnType<typeof setup>, plan: Partial<WritePlan>, before?: WorkbookGrids | ReturnType<typeof readSpreadsheet>): void {
  applyPlan(ctx.spreadsheet, { ...EMPTY_PLAN, ...plan }, ctx.app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp, before);
}

function sheet(ctx: ReturnType<typeof setup>, name: string) {
  return ctx.fake.sheets.find((s) => s.title === name)!;
}

describe('reading', () => {
  it('reads values, formats, fills, formulas, notes and merges with one call each per sheet, and the sheet id', () => {
    const ctx = setup({
      sheets: [
        { name: 'A', values: [['Mål', 'Utfall'], ['1.1', 0.3887]], formats: [[null, null], [null, '0.00%']], fills: [[null, '#C6EFCE'], [null, null]] },
        { name: 'B', values: [['x']] },
      ],
    });
    ctx.fake.calls.reset();
    const grids = readGrids(ctx.spreadsheet);
    expect(grids.sheets.map((s) => s.name)).toEqual(['A', 'B']);
    expect(grids.sheets[0].values).toEqual([['Mål', 'Utfall'], ['1.1', 0.3887]]);
    expect(grids.sheets[0].formats).toEqual([[AUTOMATIC_FORMAT, AUTOMATIC_FORMAT], [AUTOMATIC_FORMAT, '0.00%']]);
    expect(grids.sheets[0].fills).toEqual([[null, '#C6EFCE'], [null, null]]);
    expect(grids.sheets.map((s) => s.id)).toEqual(ctx.fake.sheets.map((s) => String(s.id)));
    for (const name of ['A', 'B']) {
      expect(ctx.fake.calls.of(name)).toMatchObject({
        getBackgrounds: 1, getDataRange: 1, getFormulas: 1, getMergedRanges: 1, getNotes: 1, getNumberFormats: 1, getValues: 1,
        getSheetId: 1, getMaxRows: 1, getMaxColumns: 1, isSheetHidden: 1,
      });
    }
    expect(ctx.fake.calls.flushes).toBe(0);
  });

  it('reads formulas (also with a blank value), notes right of the data and merged areas', () => {
    const ctx = setup({
      sheets: [{
        name: 'Ind', values: [['Indikator', 'Utfall', null], ['a', 5, null]],
        formulas: [[], [null, null, '=IF(B2>6,"hög","")']], notes: [[null, null, null, null, 'Fyll i före maj']],
        merges: [{ top: 0, left: 5, bottom: 1, right: 6 }],
      }],
    });
    const grid = readGrids(ctx.spreadsheet).sheets[0];
    expect(grid.formulas?.[1]?.[2]).toBe('=IF(B2>6,"hög","")');
    expect(grid.values[1]).toEqual(['a', 5, null]);
    expect(grid.notes?.[0]?.[4]).toBe('Fyll i före maj');
    expect(grid.merges).toEqual([{ top: 0, left: 5, bottom: 1, right: 6 }]);
  });

  it('turns blanks into null and keeps booleans and error texts', () => {
    const ctx = setup({ sheets: [{ name: 'A', values: [['a', null, true], ['#N/A', null, 'c']] }] });
    expect(readGrids(ctx.spreadsheet).sheets[0].values).toEqual([['a', null, true], ['#N/A', null, 'c']]);
  });

  it('reads a Date as its serial number and keeps (or supplies) a date format', () => {
    const ctx = setup({ sheets: [{ name: 'A', values: [['x', 'y', 'z']] }] });
    const cells = sheet(ctx, 'A');
    cells.cell(0, 0).value = new Date(2024, 0, 1);
    cells.cell(0, 0).format = 'd mmm yyyy';
    cells.cell(0, 1).value = new Date(2024, 7, 31, 12, 0, 0);
    cells.cell(0, 2).value = new Date(2024, 1, 29); // automatic format: core still has to see a date
    const grid = readGrids(ctx.spreadsheet).sheets[0];
    expect(grid.values[0]).toEqual([45292, 45535.5, 45351]);
    expect(grid.formats![0]).toEqual(['d mmm yyyy', 'yyyy-mm-dd hh:mm:ss', 'yyyy-mm-dd']);
  });

  it('reads dates in the spreadsheet\'s time zone, not the script\'s', () => {
    // Kiritimati is UTC+14: its midnight is the previous day almost everywhere else.
    const ctx = setup({ sheets: [{ name: 'A', values: [['Start'], [45292]], formats: [[], ['yyyy-mm-dd']] }] }, 'Pacific/Kiritimati');
    expect(ctx.fake.timeZone).not.toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const cell = sheet(ctx, 'A').peek(1, 0).value as Date;
    expect(cell.getDate()).not.toBe(1); // in the script's zone the Date is 31 December 2023
    expect(readGrids(ctx.spreadsheet).sheets[0].values[1][0]).toBe(45292);
    expect(dateToSerial(cell)).not.toBe(45292);
    expect(dateToSerial(cell, 'Pacific/Kiritimati')).toBe(45292);
    expect(dateToSerial(new Date(Date.UTC(2024, 5, 30, 22)), 'Europe/Helsinki')).toBe(45474.041666666664); // 1 July 01:00 there
  });

  it('converts Dates with the Date\'s local fields (days since 1899-12-30)', () => {
    expect(dateToSerial(new Date(1899, 11, 30))).toBe(0);
    expect(dateToSerial(new Date(1900, 0, 1, 6))).toBe(2.25);
    expect(dateToSerial(new Date(2024, 2, 31, 3, 0))).toBeCloseTo(45382.125, 10); // across the spring DST change
    expect(dateToSerial(new Date(NaN))).toBeNull();
  });

  it('normalises fills: white is no fill, hex upper case', () => {
    expect(toFill('#ffffff')).toBeNull();
    expect(toFill('#FFF')).toBeNull();
    expect(toFill('#c6efce')).toBe('#C6EFCE');
    expect(toFill('#abc')).toBe('#AABBCC');
    expect(toFill('')).toBeNull();
  });
});

describe('text guards', () => {
  it('prefixes an apostrophe to text core flags and to text Sheets would convert', () => {
    expect(sheetsText('=SUMMA(A1)')).toBe("'=SUMMA(A1)");
    expect(sheetsText('+/- 1 %')).toBe("'+/- 1 %");
    expect(sheetsText('-412,5')).toBe("'-412,5");
    expect(sheetsText('@anna')).toBe("'@anna");
    expect(sheetsText('1.1.1')).toBe("'1.1.1");
    expect(sheetsText("'citat")).toBe("''citat");
    expect(sheetsText('TRUE')).toBe("'TRUE");
    expect(sheetsText('Uppfylls helt')).toBe('Uppfylls helt');
    expect(sheetsText('')).toBe('');
  });

  it('writes such texts as literal text, never as formulas, numbers or dates', () => {
    const ctx = setup({ sheets: [{ name: 'A', values: [['x']] }] });
    const texts = ['=1+1', '+/- 1 %', '-412,5', '@x', '1.1', '40 %', '2024-01-01', 'TRUE', "'quoted", 'Max 10 personer', 'Uppfylls helt'];
    apply(ctx, { sheets: [{ name: 'Ut', mode: 'replace', values: [texts], fills: [texts.map(() => null)] }] });
    const out = sheet(ctx, 'Ut');
    expect(texts.map((_, c) => out.peek(0, c).value)).toEqual(texts);
    expect(texts.map((_, c) => out.peek(0, c).formula)).toEqual(texts.map(() => null));
    // Read back, they are the same strings.
    expect(readGrids(ctx.spreadsheet).sheets[1].values[0]).toEqual(texts);
  });
});

describe('writing blocks and fills', () => {
  const grids = (): WorkbookGrids => ({
    sheets: [{ name: 'Ind', values: [['Indikator', 'Utfall'], ['a', 0.5], ['b', 0.7]], formats: [[null, null], [null, '0 %'], [null, '0 %']] }],
  });

  it('writes a block with one call per property, and a null format leaves the format as it was', () => {
    const ctx = setup(grids());
    const before = readSpreadsheet(ctx.spreadsheet);
    ctx.fake.calls.reset();
    apply(ctx, {
      blocks: [{
        sheet: 'Ind', row: 0, col: 1,
        values: [['Utfall', 'Status'], [0.5, 'Uppfylls helt'], [0.7, 'Uppfylls inte']],
        numberFormats: [[null, null], [null, null], ['0.0 %', null]],
        fills: [[null, null], [null, '#C6EFCE'], [null, '#FFC7CE']],
        fontColors: [[null, null], [null, '#006100'], [null, '#9C0006']],
        bold: [[true, true], [false, false], [false, false]],
      }],
    }, before);
    const ind = sheet(ctx, 'Ind');
    expect(ind.peek(1, 1).format).toBe('0 %');
    expect(ind.peek(2, 1).format).toBe('0.0 %');
    expect(ind.peek(1, 2).format).toBe(AUTOMATIC_FORMAT);
    expect(ind.peek(1, 2).background).toBe('#c6efce');
    expect(ind.peek(2, 2).fontColor).toBe('#9c0006');
    expect(ind.peek(0, 2).fontWeight).toBe('bold');
    expect(ind.peek(1, 2).value).toBe('Uppfylls helt');
    // No read at all while writing: the sheet's size and name came with the read.
    expect(ctx.fake.calls.of('Ind')).toEqual({
      getRange: 1, setBackgrounds: 1, setFontColors: 1, setFontWeights: 1, setNumberFormats: 1, setValues: 1,
    });
    expect(ctx.fake.calls.flushes).toBe(0);
  });

  it('writes adjacent output columns as one rectangle; a column without fills keeps its fills', () => {
    const ctx = setup({ sheets: [{ name: 'Ind', values: [['Indikator', 'Beräknad prognos'], ['a', 0.4], ['b', null]], fills: [[], [null, '#DDEBF7'], []] }] });
    const before = readSpreadsheet(ctx.spreadsheet);
    ctx.fake.calls.reset();
    apply(ctx, {
      blocks: [
        { sheet: 'Ind', row: 0, col: 1, values: [['Beräknad prognos'], [0.5], [null]], numberFormats: [[null], ['0.0 %'], [null]], bold: [[true], [false], [false]] },
        { sheet: 'Ind', row: 0, col: 2, values: [['Status'], ['Uppfylls helt'], ['Ej mätt']], fills: [[null], ['#C6EFCE'], ['#EDEDED']], fontColors: [[null], ['#006100'], ['#595959']], bold: [[true], [false], [false]] },
        { sheet: 'Ind', row: 0, col: 3, values: [['Måluppfyllnad'], [1.02], [null]], numberFormats: [[null], ['0 %'], [null]], bold: [[true], [false], [false]] },
      ],
    }, before);
    expect(ctx.fake.calls.of('Ind')).toEqual({
      getRange: 1, setBackgrounds: 1, setFontColors: 1, setFontWeights: 1, setNumberFormats: 1, setValues: 1,
    });
    const ind = sheet(ctx, 'Ind');
    expect([1, 2, 3].map((c) => ind.peek(1, c).value)).toEqual([0.5, 'Uppfylls helt', 1.02]);
    expect(ind.peek(1, 1).background).toBe('#ddebf7'); // kept: the forecast column has no fills
    expect(ind.peek(1, 2).background).toBe('#c6efce');
    expect(ind.peek(1, 3).format).toBe('0 %');
    expect(ind.peek(0, 3).fontWeight).toBe('bold');
  });

  it('gives output columns their widths, a right-aligned figure header and wrapped Underlag in one rectangle (SPEC 6)', () => {
    const ctx = setup({ sheets: [{ name: 'Mål', values: [['Nummer', 'Titel'], ['1.1', 'a'], ['1.2', 'b']] }] });
    const before = readSpreadsheet(ctx.spreadsheet);
    ctx.fake.calls.reset();
    apply(ctx, {
      blocks: [
        { sheet: 'Mål', row: 0, col: 2, values: [['Måluppfyllnad'], [1], [0.5]], align: [['right']], columnWidths: [15] },
        { sheet: 'Mål', row: 0, col: 3, values: [['Förslag'], ['Uppfylls helt'], ['Uppfylls delvis']], columnWidths: [17] },
        { sheet: 'Mål', row: 0, col: 4, values: [['Underlag'], ['En lång mening.'], ['En till.']], wrap: [[true], [true], [true]], columnWidths: [60] },
      ],
    }, before);
    const goals = sheet(ctx, 'Mål');
    expect(goals.peek(0, 2).horizontalAlignment).toBe('right');
    expect(goals.peek(1, 2).horizontalAlignment).toBeNull();
    expect(goals.peek(0, 3).horizontalAlignment).toBeNull();
    expect([0, 1, 2].map((r) => goals.peek(r, 4).wrap)).toEqual([true, true, true]);
    expect(goals.peek(1, 3).wrap).toBe(false);
    // Pixels: 7 a character and 12 of padding (Arial 10); column 1-based.
    expect([...goals.columnWidths.entries()]).toEqual([[3, 15 * 7 + 12], [4, 17 * 7 + 12], [5, 60 * 7 + 12]]);
    expect(goals.columnWidths.has(2)).toBe(false);
    expect(ctx.fake.calls.of('Mål')).toEqual({ getRange: 1, setColumnWidths: 3, setHorizontalAlignments: 1, setValues: 1, setWraps: 1 });
    expect(ctx.fake.calls.flushes).toBe(0);
  });

  it('grows a sheet when a block reaches past its last column', () => {
    const ctx = setup(grids());
    const ind = sheet(ctx, 'Ind');
    ind.maxColumns = 2;
    apply(ctx, { blocks: [{ sheet: 'Ind', row: 0, col: 2, values: [['Status'], ['x'], ['y']] }] });
    expect(ind.maxColumns).toBe(3);
    expect(ind.peek(2, 2).value).toBe('y');
  });

  it('applies fill changes with one getRangeList and one setBackground per colour; null removes the fill', () => {
    const ctx = setup({ sheets: [{ name: 'Ind', values: [['a', 'b'], ['c', 'd']], fills: [[null, '#DAE8FC'], [null, null]] }] });
    ctx.fake.calls.reset();
    apply(ctx, {
      fills: [
        { sheet: 'Ind', fill: '#F8CBAD', cells: ['A1', 'A2'] },
        { sheet: 'Ind', fill: null, cells: ['B1'] },
        { sheet: 'Saknas', fill: '#F8CBAD', cells: ['A1'] },
      ],
    });
    const ind = sheet(ctx, 'Ind');
    expect([ind.peek(0, 0).background, ind.peek(1, 0).background, ind.peek(0, 1).background]).toEqual(['#f8cbad', '#f8cbad', null]);
    expect(ctx.fake.calls.of('Ind')).toMatchObject({ getRangeList: 2, 'RangeList.setBackground': 2 });
  });

  it('deletes the sheets the plan names, ignoring missing ones', () => {
    const ctx = setup({ sheets: [{ name: 'Ind', values: [['a']] }, { name: '_malkoll', values: [['Blad']] }] });
    apply(ctx, { deleteSheets: ['_malkoll', 'Finns inte'] });
    expect(ctx.fake.sheets.map((s) => s.title)).toEqual(['Ind']);
  });
});

describe('writing new sheets', () => {
  it('writes values, formats, colours, widths, frozen rows, validations, links and hides', () => {
    const ctx = setup({ sheets: [{ name: 'Indikatorer', values: [['a']] }, { name: 'Mål', values: [['b']] }] });
    ctx.fake.calls.reset();
    apply(ctx, {
      sheets: [{
        name: 'Valideringsrapport', mode: 'replace',
        values: [['Kod', 'Cell'], ['E_NUMBER', 'E5'], ['W_X', null], ['I_Y', 'B2']],
        numberFormats: [[null, null], ['@', null], [null, null], [null, null]],
        bold: [[true, true], [false, false], [false, false], [false, false]],
        columnWidths: [12, 8],
        frozenRows: 1,
        validations: [{ col: 0, firstRow: 1, lastRow: 3, list: ['Högre är bättre', 'Lägre är bättre'] }],
        links: [
          { row: 1, col: 1, text: 'E5', targetSheet: 'Indikatorer', targetCell: 'E5' },
          { row: 3, col: 1, text: 'B2', targetSheet: 'Mål', targetCell: 'B2' },
        ],
      }, {
        name: '_malkoll', mode: 'replace', hidden: true, values: [['Blad', 'Cell', 'Fyllning'], ['Mål', 'B2', '#DAE8FC']],
      }],
    });
    const report = sheet(ctx, 'Valideringsrapport');
    const gid = (name: string) => ctx.fake.sheets.find((s) => s.title === name)!.id;
    expect(report.peek(1, 1)).toMatchObject({ value: 'E5', link: `#gid=${gid('Indikatorer')}&range=E5` });
    expect(report.peek(3, 1)).toMatchObject({ value: 'B2', link: `#gid=${gid('Mål')}&range=B2` });
    expect(isOwnLink(report.peek(1, 1).formula)).toBe(true);
    expect(report.peek(2, 1)).toMatchObject({ value: '', link: null });
    expect(report.peek(1, 0).format).toBe('@');
    expect(report.peek(2, 0).format).toBe(AUTOMATIC_FORMAT);
    expect(report.peek(0, 0).fontWeight).toBe('bold');
    expect(report.frozenRows).toBe(1);
    expect([...report.columnWidths.keys()]).toEqual([1, 2]);
    expect(report.validations).toEqual([expect.objectContaining({ row: 2, column: 1, numRows: 3, numColumns: 1 })]);
    expect(report.validations[0].rule!.list).toEqual(['Högre är bättre', 'Lägre är bättre']);
    expect(report.hidden).toBe(false);
    expect(sheet(ctx, '_malkoll').hidden).toBe(true);
    expect(sheet(ctx, '_malkoll').peek(1, 2).value).toBe('#DAE8FC');
    // The two links are one run of one column? No: rows 2 and 4, so two setFormulas; widths 12 and 8 are two runs.
    expect(ctx.fake.calls.of('Valideringsrapport')).toMatchObject({ setValues: 1, setNumberFormats: 1, setFontWeights: 1, setFormulas: 2, setDataValidation: 1, setColumnWidths: 2 });
    expect(ctx.fake.calls.of('(spreadsheet)').newRichTextValue).toBeUndefined(); // no rich-text builders
  });

  it('replaces a sheet in its place and skips a template sheet that exists', () => {
    const ctx = setup({ sheets: [{ name: 'A', values: [['a']] }, { name: 'Sammanställning', values: [['gammal'], ['rad']] }, { name: 'Mål', values: [['min']] }] });
    apply(ctx, {
      sheets: [
        { name: 'Sammanställning', mode: 'replace', values: [['ny']] },
        { name: 'Mål', mode: 'createIfMissing', values: [['Nummer', 'Mål']] },
        { name: 'Indikatorer', mode: 'createIfMissing', values: [['Mål', 'Indikator']] },
      ],
    });
    expect(ctx.fake.sheets.map((s) => s.title)).toEqual(['A', 'Sammanställning', 'Mål', 'Indikatorer']);
    expect(sheet(ctx, 'Sammanställning').extent()).toEqual({ rows: 1, columns: 1 });
    expect(sheet(ctx, 'Mål').peek(0, 0).value).toBe('min');
  });

  it('clears and rewrites its own sheet in place, keeping the sheet id; a plan id renames it; names match regardless of case', () => {
    const ctx = setup({ sheets: [{ name: 'A', values: [['a']] }, { name: 'sammanställning', values: [['gammal'], ['rad']] }] });
    const id = sheet(ctx, 'sammanställning').id;
    apply(ctx, { sheets: [{ name: 'Sammanställning', mode: 'replace', values: [['ny']] }] }); // a case-only difference is the same sheet
    expect(ctx.fake.sheets.map((s) => [s.title, s.id])).toEqual([['A', ctx.fake.sheets[0].id], ['Sammanställning', id]]);
    expect(sheet(ctx, 'Sammanställning').extent()).toEqual({ rows: 1, columns: 1 });
    apply(ctx, { sheets: [{ name: 'Summary', id: String(id), mode: 'replace', values: [['Summary']] }] });
    expect(ctx.fake.sheets.map((s) => [s.title, s.id])).toEqual([['A', ctx.fake.sheets[0].id], ['Summary', id]]);
    expect(sheet(ctx, 'Summary').peek(0, 0).value).toBe('Summary');
    // The fake refuses what Sheets refuses: a second sheet whose name differs only in case.
    expect(() => ctx.fake.insertSheet('SUMMARY')).toThrow(/already exists/);
    expect(() => sheet(ctx, 'A').setName('summary')).toThrow(/already exists/);
    expect(ctx.fake.getSheetByName('SUMMARY')).toBe(sheet(ctx, 'Summary'));
  });

  it('leaves the user on the sheet they were on, even when it was replaced', () => {
    const ctx = setup({ sheets: [{ name: 'Indikatorer', values: [['a']] }, { name: 'Sammanställning', values: [['gammal']] }] });
    ctx.fake.activeSheet = sheet(ctx, 'Indikatorer');
    apply(ctx, { sheets: [{ name: 'Valideringsrapport', mode: 'replace', values: [['x']] }, { name: '_malkoll', mode: 'replace', hidden: true, values: [['y']] }] });
    expect(ctx.fake.activeSheet?.title).toBe('Indikatorer');
    ctx.fake.activeSheet = sheet(ctx, 'Sammanställning');
    apply(ctx, { sheets: [{ name: 'Sammanställning', mode: 'replace', values: [['ny']] }] });
    expect(ctx.fake.activeSheet).toBe(sheet(ctx, 'Sammanställning'));
    expect(ctx.fake.activeSheet?.peek(0, 0).value).toBe('ny');
  });

  it('wraps, aligns and fits rows to their text with the same calls at 100 and 10 000 rows, no read after a write (SPEC 6, 9)', () => {
    const callsFor = (rows: number) => {
      const ctx = setup({ sheets: [{ name: 'A', values: [['a']] }, { name: 'Sammanställning', values: [['gammal']] }] });
      ctx.fake.calls.reset();
      const values = [['Mål', 'Antal'], ...Array.from({ length: rows }, (_, r) => [`mål ${r}`, r])];
      apply(ctx, {
        sheets: [{
          name: 'Sammanställning', mode: 'replace', values,
          wrap: values.map((_, r) => [r > 0, false]),
          align: [[null, 'right']],
          rowHeights: values.map((_, r) => (r % 3 === 1 ? 45 : null)),
          verticalAlign: 'top',
          columnWidths: [45, 8],
          print: { paper: 'A4', orientation: 'landscape', fitToPagesWide: 1, repeatRows: { first: 0, last: 0 } },
          frozenRows: 1,
        }],
      });
      const summary = sheet(ctx, 'Sammanställning');
      expect(summary.peek(0, 1)).toMatchObject({ value: 'Antal', horizontalAlignment: 'right', verticalAlignment: 'top', wrap: false });
      expect(summary.peek(rows, 0)).toMatchObject({ value: `mål ${rows - 1}`, wrap: true, verticalAlignment: 'top', horizontalAlignment: null });
      // Every row, the old content's too, fitted to its text; the header row repeats on screen as the frozen row.
      expect(summary.autoResized).toEqual([{ first: 1, last: summary.maxRows }]);
      expect(summary.maxRows).toBeGreaterThanOrEqual(rows + 1);
      expect(summary.frozenRows).toBe(1);
      expect(ctx.fake.calls.flushes).toBe(0);
      const calls = ctx.fake.calls.of('Sammanställning');
      delete calls.insertRowsAfter; // growing the sheet past 1000 rows
      return calls;
    };
    const small = callsFor(100);
    expect(small).toMatchObject({ setWraps: 1, setHorizontalAlignments: 1, setVerticalAlignment: 1, autoResizeRows: 1, setColumnWidths: 2 });
    expect(callsFor(10000)).toEqual(small);
  });

  it('grows a new sheet beyond the default 1000 rows with one call', () => {
    const ctx = setup({ sheets: [{ name: 'A', values: [['a']] }] });
    const values = Array.from({ length: 2500 }, (_, i) => [`rad ${i}`]);
    ctx.fake.calls.reset();
    apply(ctx, { sheets: [{ name: 'Lång', mode: 'replace', values }] });
    expect(sheet(ctx, 'Lång').peek(2499, 0).value).toBe('rad 2499');
    expect(ctx.fake.calls.of('Lång')).toEqual({ getRange: 1, insertRowsAfter: 1, setValues: 1 });
  });
});

describe('selecting a cell', () => {
  it('activates the sheet and the cell; bad input does nothing', () => {
    const ctx = setup({ sheets: [{ name: 'A', values: [['a']] }, { name: 'B', values: [['b']] }] });
    expect(selectCell(ctx.spreadsheet, 'B', 'C7')).toBe(true);
    expect(ctx.fake.activeRange).toEqual({ sheet: 'B', a1: 'C7' });
    expect(selectCell(ctx.spreadsheet, 'B', 'not a cell')).toBe(false);
    expect(selectCell(ctx.spreadsheet, 'X', 'A1')).toBe(false);
    expect(ctx.fake.activeRange).toEqual({ sheet: 'B', a1: 'C7' });
  });
});

describe('custom function conversions', () => {
  it('maps Sheets arguments to core arguments', () => {
    expect(toFnArg('')).toBeNull();
    expect(toFnArg(undefined)).toBeUndefined();
    expect(toFnArg(new Date(2024, 0, 1))).toBe(45292);
    expect(toFnArg([[1, ''], ['x', true]])).toEqual([[1, null], ['x', true]]);
  });

  it('throws a scalar error and writes an array error as text in its cell', () => {
    expect(() => toSheetsResult({ error: 'Värde: »abc« är inget tal.' })).toThrow('Värde: »abc« är inget tal.');
    expect(toSheetsResult([[1], [{ error: 'fel' }], [null]])).toEqual([[1], [`${ARRAY_ERROR_PREFIX}fel`], ['']]);
    expect(toSheetsResult(null)).toBe('');
    expect(callFunction((a) => (a === null ? 'blank' : 'value'), [''])).toBe('blank');
  });
});
