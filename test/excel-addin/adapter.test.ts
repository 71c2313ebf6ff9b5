// The Office.js adapter against the fake Excel context: reading grids, applying plans, and the three commands on the T1 2024 workbook.
import { parseA1 } from '../../core/common/a1';
import { check } from '../../core/check';
import { needsTextGuard } from '../../core/write/plan';
import { parseStatus, STATUS_FILL, STATUS_FONT } from '../../core/common/status';
import type { WorkbookGrids, WritePlan } from '../../core/types';
import { applyPlan, chunkAddresses, readWorkbookGrids, runCheck, runClear, runTemplate, selectCell } from '../../excel-addin/adapter';
import { applyPlanToGrids } from '../helpers/apply-plan';
import { eavTextWorkbook, eavVpWorkbook } from '../helpers/fixtures';
import { eavTypedWorkbook } from '../helpers/typed-fixtures';
import { FakeRequestContext, FakeWorkbook } from './fake-excel';

const asExcel = (ctx: FakeRequestContext): Excel.RequestContext => ctx as unknown as Excel.RequestContext;
const emptyPlan = (): WritePlan => ({ blocks: [], fills: [], sheets: [], deleteSheets: [] });

/** Runs a command in a fresh context on `book` and returns what it cost. */
async function measure<T>(book: FakeWorkbook, command: (ctx: Excel.RequestContext) => Promise<T>): Promise<{ result: T; syncs: number; proxies: number }> {
  const ctx = new FakeRequestContext(book);
  const result = await command(asExcel(ctx));
  return { result, ...ctx.stats };
}

describe('readWorkbookGrids', () => {
  it('reads values, formats and fills from A1 in two syncs, white and blank as null', async () => {
    const book = new FakeWorkbook();
    const grids: WorkbookGrids = {
      sheets: [
        { name: 'Indikatorer', values: [[null, null], [null, 'Mål', 0.4]], formats: [[], [null, null, '0 %']], fills: [[], [null, '#FFC7CE', null]] },
        { name: 'Tomt', values: [] },
      ],
    };
    const source = FakeWorkbook.fromGrids(grids);
    book.sheets = source.sheets;
    book.sheets[0].cell(0, 0).fill = '#FFFFFF'; // a white fill reads as no fill
    const { result, syncs } = await measure(book, readWorkbookGrids);
    expect(syncs).toBe(2);
    expect(result.sheets.map((s) => s.name)).toEqual(['Indikatorer', 'Tomt']);
    expect(result.sheets[0].values).toEqual([
      [null, null, null],
      [null, 'Mål', 0.4],
    ]);
    expect(result.sheets[0].formats).toEqual([
      ['General', 'General', 'General'],
      ['General', 'General', '0 %'],
    ]);
    expect(result.sheets[0].fills).toEqual([
      [null, null, null],
      [null, '#FFC7CE', null],
    ]);
    expect(result.sheets[1]).toEqual({ name: 'Tomt', values: [[null]], formats: [['General']], fills: [[null]] });
  });
});

describe('applyPlan', () => {
  it('writes every string as literal text, never a formula, number or date', async () => {
    const texts = ['=SUMMA(A1:A3)', '+/- 1 %', '-5', '@mention', '1.1', '2024-01-01', '80 %', 'SANT', "'citat", 'Uppfylls helt'];
    for (const text of texts.slice(0, 4)) expect(needsTextGuard(text)).toBe(true);
    const book = FakeWorkbook.fromGrids({ sheets: [{ name: 'Blad1', values: [['x']] }] });
    const plan: WritePlan = {
      ...emptyPlan(),
      blocks: [{ sheet: 'Blad1', row: 1, col: 0, values: texts.map((t) => [t]) }],
      sheets: [{ name: 'Valideringsrapport', mode: 'replace', values: [texts, [1.5, null, true]] }],
    };
    const { syncs } = await measure(book, (ctx) => applyPlan(ctx, plan, ['Blad1']));
    expect(syncs).toBe(1);
    texts.forEach((text, r) => {
      const cell = book.sheet('Blad1').cell(r + 1, 0);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeUndefined();
    });
    const report = book.sheet('Valideringsrapport');
    expect(texts.map((_, c) => report.cell(0, c).value)).toEqual(texts);
    expect([0, 1, 2].map((c) => report.cell(1, c).value)).toEqual([1.5, null, true]);
  });

  it('writes block styles in runs; null fill clears, null format and cells past a ragged row stay', async () => {
    const book = FakeWorkbook.fromGrids({
      sheets: [{ name: 'Indikatorer', values: [['a', 'b', 'keep'], ['c', 'd', 'keep']], formats: [[null, null, '0.0']], fills: [['#123456', '#123456', '#654321']] }],
    });
    const plan: WritePlan = {
      ...emptyPlan(),
      blocks: [
        {
          sheet: 'Indikatorer',
          row: 0,
          col: 1,
          values: [['Status', null], ['Uppfylls helt']],
          numberFormats: [[null, '0 %'], [null]],
          fills: [[null, null], [STATUS_FILL.helt]],
          fontColors: [[null, null], [STATUS_FONT.helt]],
          bold: [[true, false], [false]],
        },
      ],
    };
    await measure(book, (ctx) => applyPlan(ctx, plan, ['Indikatorer']));
    const sheet = book.sheet('Indikatorer');
    expect(sheet.cell(0, 1)).toMatchObject({ value: 'Status', fill: null, bold: true, fontColor: '#000000' });
    expect(sheet.cell(0, 2)).toMatchObject({ value: null, numberFormat: '0 %', fill: null });
    expect(sheet.cell(1, 1)).toMatchObject({ value: 'Uppfylls helt', fill: STATUS_FILL.helt, fontColor: STATUS_FONT.helt });
    expect(sheet.cell(1, 2).value).toBe('keep'); // past the end of the block's second row
    expect(sheet.cell(0, 0)).toMatchObject({ value: 'a', fill: '#123456' });
  });

  it('applies scattered fills through RangeAreas in address chunks Excel accepts', async () => {
    const book = FakeWorkbook.fromGrids({ sheets: [{ name: 'Indikatorer', values: [['x']] }] });
    const cells = Array.from({ length: 300 }, (_, i) => `B${2 * i + 1}`);
    const chunks = chunkAddresses(cells);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.length <= 255)).toBe(true);
    expect(chunks.join(',')).toBe(cells.join(','));
    const plan: WritePlan = { ...emptyPlan(), fills: [{ sheet: 'Indikatorer', fill: '#FFF2CC', cells }] };
    const { syncs, proxies } = await measure(book, (ctx) => applyPlan(ctx, plan, ['Indikatorer']));
    expect(syncs).toBe(1);
    expect(proxies).toBeLessThanOrEqual(1 + chunks.length);
    const sheet = book.sheet('Indikatorer');
    expect(cells.every((address) => sheet.at(address).fill === '#FFF2CC')).toBe(true);
    expect(sheet.cell(1, 1).fill ?? null).toBeNull();

    await measure(book, (ctx) => applyPlan(ctx, { ...emptyPlan(), fills: [{ sheet: 'Indikatorer', fill: null, cells }] }, ['Indikatorer']));
    expect(cells.every((address) => sheet.at(address).fill === null)).toBe(true);
  });

  it('replaces, creates and deletes sheets with links, validations, widths, frozen rows and hiding', async () => {
    const book = FakeWorkbook.fromGrids({ sheets: [{ name: 'sammanställning', values: [['gammal']] }, { name: '_malkoll', values: [['Blad']] }] });
    const plan: WritePlan = {
      ...emptyPlan(),
      sheets: [
        {
          name: 'Sammanställning',
          mode: 'replace',
          values: [['Rubrik'], ['Indikatorer!H41']],
          bold: [[true]],
          fills: [[null], [STATUS_FILL.inte]],
          columnWidths: [40],
          frozenRows: 1,
          links: [{ row: 1, col: 0, text: 'Indikatorer!H41', targetSheet: "Chef's blad", targetCell: 'H41' }],
        },
        { name: 'Mål', mode: 'createIfMissing', values: [['Nivå', 'Nummer']], validations: [{ col: 0, firstRow: 1, lastRow: 50, list: ['Inriktningsmål', 'Nämndmål'] }] },
        { name: 'Dolt', mode: 'replace', hidden: true, values: [['Blad', 'Cell', 'Fyllning']] },
      ],
      deleteSheets: ['_MALKOLL', 'finns inte'],
    };
    const { syncs } = await measure(book, (ctx) => applyPlan(ctx, plan, ['sammanställning', '_malkoll']));
    expect(syncs).toBe(1);
    expect(book.sheets.map((s) => s.name)).toEqual(['Sammanställning', 'Mål', 'Dolt']);
    const summary = book.sheet('Sammanställning');
    expect(summary.cell(0, 0)).toMatchObject({ value: 'Rubrik', bold: true });
    expect(summary.cell(1, 0).fill).toBe(STATUS_FILL.inte);
    expect(summary.cell(1, 0).hyperlink).toMatchObject({ documentReference: "'Chef''s blad'!H41", textToDisplay: 'Indikatorer!H41' });
    expect(summary.frozenRows).toBe(1);
    expect(summary.columnWidths.get(0)).toBeCloseTo((40 * 7 + 5) * 0.75);
    expect(book.sheet('Mål').cell(1, 0).validation).toEqual({ list: { inCellDropDown: true, source: 'Inriktningsmål,Nämndmål' } });
    expect(book.sheet('Mål').cell(50, 0).validation).toBeDefined();
    expect(book.sheet('Dolt').visibility).toBe('Hidden');

    // createIfMissing leaves an existing sheet alone.
    book.sheet('Mål').cell(0, 0).value = 'egen';
    await measure(book, (ctx) => applyPlan(ctx, plan, book.sheets.map((s) => s.name)));
    expect(book.sheet('Mål').cell(0, 0).value).toBe('egen');
  });

  it('replaces a workbook’s only sheet', async () => {
    const book = FakeWorkbook.fromGrids({ sheets: [{ name: 'Sammanställning', values: [['gammal']] }] });
    const plan: WritePlan = { ...emptyPlan(), sheets: [{ name: 'Sammanställning', mode: 'replace', values: [['ny']] }] };
    await measure(book, (ctx) => applyPlan(ctx, plan, ['Sammanställning']));
    expect(book.sheets.map((s) => [s.name, s.cell(0, 0).value])).toEqual([['Sammanställning', 'ny']]);
  });
});

describe('selectCell', () => {
  it('activates the sheet and selects the cell in one sync', async () => {
    const book = FakeWorkbook.fromGrids(eavTextWorkbook());
    const { syncs } = await measure(book, (ctx) => selectCell(ctx, 'Indikatorer', 'H41'));
    expect(syncs).toBe(1);
    expect(book.selection).toBe('Indikatorer!H41');
  });
});

/** Indexes of the cells of a sheet whose text is a status, with their fill and font. */
function statusCells(book: FakeWorkbook, sheetName: string): { text: string; fill: string | null | undefined; font: string | undefined }[] {
  const out: { text: string; fill: string | null | undefined; font: string | undefined }[] = [];
  for (const line of book.sheet(sheetName).rows) {
    for (const cell of line) {
      if (cell && typeof cell.value === 'string' && parseStatus(cell.value) && /^(Uppfylls|Ej )/.test(cell.value)) {
        out.push({ text: cell.value, fill: cell.fill, font: cell.fontColor });
      }
    }
  }
  return out;
}

describe('commands on the T1 2024 workbook', () => {
  it('Kontrollera: three syncs, the core report, status fills of SPEC 2.8, the plan applied exactly', async () => {
    const grids = eavTextWorkbook();
    const book = FakeWorkbook.fromGrids(grids);
    const before = book.toGrids();
    const expected = check(before);
    const { result: report, syncs, proxies } = await measure(book, (ctx) => runCheck(ctx));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(report).toEqual(expected.report);
    expect(report.indicators.length).toBeGreaterThan(10);
    expect(proxies).toBeLessThan(2000);

    // The fake holds what the reference in-memory adapter makes of the same plan (values and fills).
    const reference = applyPlanToGrids(before, expected.plan);
    const after = book.toGrids();
    expect(after.sheets.map((s) => s.name)).toEqual(reference.sheets.map((s) => s.name));
    for (const sheet of reference.sheets) {
      const actual = after.sheets.find((s) => s.name === sheet.name)!;
      const trim = (m: unknown[][]) => {
        const rows = m.map((row) => { const r = row.slice(); while (r.length && (r[r.length - 1] ?? null) === null) r.pop(); return r.map((v) => v ?? null); });
        while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
        return rows;
      };
      expect(trim(actual.values)).toEqual(trim(sheet.values));
      expect(trim(actual.fills!)).toEqual(trim(sheet.fills ?? []));
    }

    // Every status cell written (indicator Status, goal Förslag, summary) is coloured as SPEC 2.8 says.
    for (const sheetName of ['Indikatorer', 'Mål', 'Sammanställning']) {
      const cells = statusCells(book, sheetName);
      if (sheetName !== 'Mål') expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells.filter((c) => c.fill)) {
        const status = parseStatus(cell.text)!;
        expect(cell.fill).toBe(STATUS_FILL[status]);
        expect(cell.font).toBe(STATUS_FONT[status]);
      }
    }
    const indicatorStatuses = statusCells(book, 'Indikatorer');
    expect(indicatorStatuses.every((c) => c.fill)).toBe(true);
    expect(book.sheet('_malkoll').visibility).toBe('Hidden');
    // No cell anywhere became a formula.
    for (const sheet of book.sheets) for (const line of sheet.rows) for (const cell of line) expect(cell?.formula).toBeUndefined();
  });

  it('Kontrollera on the typed workbook (numbers, % formats, date serials) gives the core report, idempotently', async () => {
    const grids = eavTypedWorkbook();
    const book = FakeWorkbook.fromGrids(grids);
    const expected = check(book.toGrids()).report;
    const first = await measure(book, (ctx) => runCheck(ctx));
    expect(first.syncs).toBeLessThanOrEqual(3);
    expect(first.result).toEqual(expected);
    expect(first.result).toEqual(check(grids).report);
    const once = book.toGrids();
    await measure(book, (ctx) => runCheck(ctx));
    expect(book.toGrids()).toEqual(once);
  });

  it('is idempotent: a second Kontrollera leaves the same workbook and report', async () => {
    const book = FakeWorkbook.fromGrids(eavTextWorkbook());
    const first = await measure(book, (ctx) => runCheck(ctx));
    const once = book.toGrids();
    const second = await measure(book, (ctx) => runCheck(ctx));
    expect(second.syncs).toBeLessThanOrEqual(3);
    expect(book.toGrids()).toEqual(once);
    expect(second.result).toEqual(first.result);
  });

  it('Rensa markeringar restores every highlighted cell’s original fill', async () => {
    const grids = eavTextWorkbook();
    const highlighted = check(grids).plan.fills.flatMap((change) => change.cells.map((cell) => ({ sheet: change.sheet, cell })));
    expect(highlighted.length).toBeGreaterThan(0);
    const book = FakeWorkbook.fromGrids(grids);
    // Some highlighted cells had a fill of their own before.
    const own = highlighted.filter((_, i) => i % 2 === 0);
    for (const { sheet, cell } of own) {
      const at = parseA1(cell)!;
      book.sheet(sheet).cell(at.row, at.col).fill = '#DDEBF7';
    }
    const inputNames = grids.sheets.map((s) => s.name);
    const fillsOf = (b: FakeWorkbook) => b.toGrids().sheets.filter((s) => inputNames.includes(s.name)).map((s) => ({ name: s.name, fills: s.fills }));
    const original = book.toGrids().sheets.filter((s) => inputNames.includes(s.name));

    await measure(book, (ctx) => runCheck(ctx));
    await measure(book, (ctx) => runCheck(ctx)); // a re-run must not record our own highlight as "original"
    expect(highlighted.every(({ sheet, cell }) => book.sheet(sheet).at(cell).fill !== '#DDEBF7')).toBe(true);
    const { syncs } = await measure(book, runClear);
    expect(syncs).toBeLessThanOrEqual(3);
    // The record stays, naming Målkoll's own sheets, without highlights (core/write/record.ts).
    expect(book.find('_malkoll')?.rows.map((line) => line[0]?.value)).toEqual(['Målkoll record v2', 'summary', 'validation']);
    for (const { sheet, cell } of own) expect(book.sheet(sheet).at(cell).fill).toBe('#DDEBF7');
    // Input sheets: every cell's fill is back to what it was, except the output columns' status colours.
    const restored = fillsOf(book);
    for (const sheet of original) {
      const now = restored.find((s) => s.name === sheet.name)!;
      sheet.fills!.forEach((line, r) => line.forEach((fill, c) => expect(now.fills![r][c]).toBe(fill)));
    }
  });

  it('a 5 000-row workbook still costs three syncs, and proxies beyond one per validation link stay few', async () => {
    const grids = eavTextWorkbook();
    const indicators = grids.sheets.find((s) => s.name === 'Indikatorer')!;
    const rows = indicators.values.slice(1);
    for (let i = 0; i < 60; i++) indicators.values.push(...rows.map((row) => row.slice()));
    expect(indicators.values.length).toBeGreaterThan(5000);
    const links = check(grids).plan.sheets.reduce((n, sheet) => n + (sheet.links?.length ?? 0), 0);
    const book = FakeWorkbook.fromGrids(grids);
    const { syncs, proxies } = await measure(book, (ctx) => runCheck(ctx));
    expect(syncs).toBe(3);
    expect(proxies - links).toBeLessThan(1000);
  });

  it('Skapa mall creates the template sheets in two syncs, once', async () => {
    const book = FakeWorkbook.fromGrids({ sheets: [{ name: 'Blad1', values: [] }] });
    const { result: plan, syncs } = await measure(book, (ctx) => runTemplate(ctx, 'sv'));
    expect(syncs).toBe(2);
    expect(plan.sheets.length).toBeGreaterThanOrEqual(4);
    for (const sheet of plan.sheets) expect(book.find(sheet.name)).toBeDefined();
    const names = book.sheets.map((s) => s.name);
    await measure(book, (ctx) => runTemplate(ctx, 'sv'));
    expect(book.sheets.map((s) => s.name)).toEqual(names);
  });
});

describe('Kontrollera on the real VP 2024 plan (SPEC 5.0)', () => {
  it('gives the core report in three syncs, colours no status cell and changes none of the user\'s cells', async () => {
    const grids = eavVpWorkbook();
    const book = FakeWorkbook.fromGrids(grids);
    const { result: report, syncs } = await measure(book, (ctx) => runCheck(ctx));
    expect(syncs).toBeLessThanOrEqual(3);
    expect(report).toEqual(check(grids).report);
    expect(report.document).toBe('plan');
    const statusFills = new Set(Object.values(STATUS_FILL));
    const after = book.toGrids();
    for (const sheet of grids.sheets) {
      const actual = after.sheets.find((s) => s.name === sheet.name)!;
      sheet.values.forEach((row, r) => row.forEach((value, c) => value !== null && expect([sheet.name, r, c, actual.values[r][c]]).toEqual([sheet.name, r, c, value])));
      expect(actual.fills!.flat().filter((f) => f !== null && statusFills.has(f))).toEqual([]);
    }
  });
});
