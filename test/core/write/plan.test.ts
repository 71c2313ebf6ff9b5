// Tests of the write plan: output columns, status colours, reversible highlights with their record, clearing, and idempotency.
import { buildPlan, clearPlan, needsTextGuard, isHighlightFill, outputColumnsOf } from '../../../core/write/plan';
import { HIGHLIGHT_FILL, STATUS_FILL, STATUS_FONT } from '../../../core/common/status';
import type { Block, CellValue, Issue, TableInfo, WorkbookGrids, WritePlan } from '../../../core/types';
import { applyPlanToGrids } from '../../helpers/apply-plan';
import { emptyFills, GOAL_VALUES, grids, INDICATOR_VALUES, indicatorTable, model, results } from '../../helpers/hand-model';

const issue = (severity: Issue['severity'], sheet: string, cell: string, code = 'E_NUMBER'): Issue => ({ severity, code, sheet, cell, message: 'x' });

const plan = (issues: Issue[] = [], g: WorkbookGrids = grids()): WritePlan => buildPlan(model(), results(), issues, null, g, 'sv');

const blockAt = (p: WritePlan, sheet: string, col: number): Block => {
  const found = p.blocks.find((b) => b.sheet === sheet && b.col === col);
  if (!found) throw new Error(`no block at ${sheet} column ${col}`);
  return found;
};

const column = (b: Block): CellValue[] => b.values.map((r) => r[0]);
const recordOf = (p: WritePlan) => p.sheets.find((s) => s.name === '_malkoll');
/** The record's highlight entries as [sheet, cell, original fill]. */
const highlightRows = (p: WritePlan): CellValue[][] => (recordOf(p)?.values ?? []).filter((r) => r[0] === 'highlight').map((r) => [r[2], r[3], r[5]]);
/** A record of the first format (sheet, cell, fill), as workbooks checked before keys were recorded hold it. */
const legacyRecord = (...rows: CellValue[][]) => ({ name: '_malkoll', values: [['Blad', 'Cell', 'Fyllning'], ...rows] });
const fillsOf = (p: WritePlan) => p.fills.map((f) => ({ sheet: f.sheet, fill: f.fill, cells: f.cells }));

// ---------------------------------------------------------------------------------------------

describe('needsTextGuard', () => {
  it('flags texts a spreadsheet would read as a formula', () => {
    for (const text of ['=SUM(A1)', '+/- 1 %', '-2 %', '@user', '-']) expect(needsTextGuard(text)).toBe(true);
    for (const text of ['Uppfylls helt', ' =x', '1 330 st', '', '#N/A']) expect(needsTextGuard(text)).toBe(false);
  });
});

describe('output columns', () => {
  it('appends Beräknad prognos, Status and Måluppfyllnad after the indicator table, covering header to last data row', () => {
    const p = plan();
    const cols = p.blocks.filter((b) => b.sheet === 'Indikatorer').map((b) => b.col);
    expect(cols).toEqual([5, 6, 7]);
    for (const b of p.blocks.filter((x) => x.sheet === 'Indikatorer')) {
      expect(b.row).toBe(0);
      expect(b.values).toHaveLength(5);
      expect(b.bold?.map((r) => r[0])).toEqual([true, false, false, false, false]);
    }
    expect(column(blockAt(p, 'Indikatorer', 5))[0]).toBe('Beräknad prognos');
    expect(column(blockAt(p, 'Indikatorer', 6))).toEqual(['Status', 'Uppfylls helt', null, 'Uppfylls delvis', 'Uppfylls inte']);
    expect(column(blockAt(p, 'Indikatorer', 7))).toEqual(['Måluppfyllnad', 1, null, 0.97175, 0.9975]);
  });

  it('colours status cells with the SPEC 2.8 fills and fonts and leaves blank rows without fill', () => {
    const status = blockAt(plan(), 'Indikatorer', 6);
    expect(status.fills?.map((r) => r[0])).toEqual([null, STATUS_FILL.helt, null, STATUS_FILL.delvis, STATUS_FILL.inte]);
    expect(status.fontColors?.map((r) => r[0])).toEqual([null, STATUS_FONT.helt, null, STATUS_FONT.delvis, STATUS_FONT.inte]);
  });

  it('writes achievement as a 0 % number and a computed forecast as a % fraction or a plain number without float noise', () => {
    const p = plan();
    expect(blockAt(p, 'Indikatorer', 7).numberFormats?.map((r) => r[0])).toEqual([null, '0 %', null, '0 %', '0 %']);
    const forecast = blockAt(p, 'Indikatorer', 5);
    expect(column(forecast)).toEqual(['Beräknad prognos', null, null, 0.3887, 3990]);
    expect(forecast.numberFormats?.map((r) => r[0])).toEqual([null, null, null, '0.0 %', '#,##0.0#']);
    expect(forecast.fills).toBeUndefined();
  });

  it('overwrites output columns the table already has and appends only the missing ones', () => {
    const table = indicatorTable({ lastCol: 6, outputColumns: { status: 5 } });
    expect(outputColumnsOf(table)).toEqual([
      { field: 'forecastComputed', col: 7, existing: false },
      { field: 'status', col: 5, existing: true },
      { field: 'achievement', col: 8, existing: false },
    ]);
    const all = indicatorTable({ lastCol: 7, outputColumns: { forecastComputed: 7, status: 6, achievement: 5 } });
    expect(outputColumnsOf(all).map((c) => c.col)).toEqual([7, 6, 5]);
  });

  it('writes Förslag coloured and Underlag beside the goals table', () => {
    const p = plan();
    expect(column(blockAt(p, 'Mål', 4))).toEqual(['Förslag', 'Uppfylls helt', 'Uppfylls delvis']);
    expect(blockAt(p, 'Mål', 4).fills?.map((r) => r[0])).toEqual([null, STATUS_FILL.helt, STATUS_FILL.delvis]);
    expect(column(blockAt(p, 'Mål', 5))).toEqual(['Underlag', 'Indikatorn bedöms uppfyllas helt.', 'En indikator bedöms uppfyllas delvis och en inte.']);
  });

  it('gives every output column a width that shows its header and status words whole, figures a right-aligned header, Underlag wrapped (SPEC 6)', () => {
    const p = plan();
    for (const b of p.blocks) {
      const texts = column(b).filter((v): v is string => typeof v === 'string');
      const wraps = b.wrap?.every((r) => r[0] === true) ?? false;
      expect(b.columnWidths).toHaveLength(1);
      // Wider than the header, and than every text unless the column wraps.
      expect(b.columnWidths![0]).toBeGreaterThan(String(b.values[0][0]).length);
      if (!wraps) for (const t of texts) expect(b.columnWidths![0]).toBeGreaterThan(t.length);
    }
    expect(blockAt(p, 'Indikatorer', 6).columnWidths![0]).toBeGreaterThan('Uppfylls delvis'.length);
    expect(blockAt(p, 'Mål', 4).columnWidths![0]).toBeGreaterThan('Ej bedömd'.length);
    // Headers above figures sit right, as their numbers do; status headers keep the default.
    expect(blockAt(p, 'Indikatorer', 5).align).toEqual([['right']]);
    expect(blockAt(p, 'Indikatorer', 7).align).toEqual([['right']]);
    expect(blockAt(p, 'Indikatorer', 6).align).toBeUndefined();
    const basis = blockAt(p, 'Mål', 5);
    expect(basis.wrap?.map((r) => r[0])).toEqual([true, true, true]);
    expect(basis.columnWidths![0]).toBeGreaterThanOrEqual(40);
    expect(blockAt(p, 'Indikatorer', 6).wrap).toBeUndefined();
  });

  it('uses English headers and status texts with lang en', () => {
    const p = buildPlan(model(), results(), [], null, grids(), 'en');
    expect(column(blockAt(p, 'Indikatorer', 6))).toEqual(['Status', 'Fully met', null, 'Partly met', 'Not met']);
    expect(column(blockAt(p, 'Mål', 4))[0]).toBe('Proposal');
  });

  it('gives report-layout tables no output columns', () => {
    const report: TableInfo = { ...indicatorTable(), kind: 'report', sheet: 'Rapport' };
    const p = buildPlan(model([report]), results(), [], null, grids(), 'sv');
    expect(p.blocks).toEqual([]);
  });

  it('puts the summary and the validation sheet in the plan, replaced on every run, and records them as its own', () => {
    const p = plan();
    expect(p.sheets.map((s) => [s.name, s.mode, !!s.hidden])).toEqual([
      ['Sammanställning', 'replace', false],
      ['Valideringsrapport', 'replace', false],
      ['_malkoll', 'replace', true],
    ]);
    expect(recordOf(p)?.values).toEqual([
      ['Målkoll record v2', 'Blad-id', 'Blad', 'Cell', 'Nyckel', 'Fyllning'],
      ['summary', null, 'Sammanställning', null, null, null],
      ['validation', null, 'Valideringsrapport', null, null, null],
    ]);
    expect(p.deleteSheets).toEqual([]);
  });
});

describe('highlights', () => {
  it('fills input cells with an error or a warning; the error wins in a shared cell; info is not highlighted', () => {
    const p = plan([
      issue('warning', 'Indikatorer', 'C4'),
      issue('error', 'Indikatorer', 'C4'),
      issue('warning', 'Indikatorer', 'E2'),
      issue('info', 'Indikatorer', 'B2'),
      issue('error', 'Mål', 'B3'),
    ]);
    expect(fillsOf(p)).toEqual([
      { sheet: 'Mål', fill: HIGHLIGHT_FILL.error, cells: ['B3'] },
      { sheet: 'Indikatorer', fill: HIGHLIGHT_FILL.warning, cells: ['E2'] },
      { sheet: 'Indikatorer', fill: HIGHLIGHT_FILL.error, cells: ['C4'] },
    ]);
  });

  it('never highlights output sheets, output columns or sheets that do not exist', () => {
    const g = grids();
    g.sheets.push({ name: 'Sammanställning', values: [['x']] });
    const p = plan(
      [
        issue('error', 'Sammanställning', 'A1'),
        issue('error', 'Indikatorer', 'G2'), // the Status output column
        issue('error', 'Mål', 'E1'), // the Förslag header
        issue('error', 'Ekonomi', 'A1'), // a missing sheet
      ],
      g,
    );
    expect(p.fills).toEqual([]);
    expect(highlightRows(p)).toEqual([]);
    expect(p.deleteSheets).toEqual([]);
  });

  it('records the original fill of every highlighted cell in a hidden _malkoll sheet', () => {
    const indicatorFills = emptyFills(INDICATOR_VALUES);
    indicatorFills[3][2] = '#DDEBF7';
    const p = plan([issue('error', 'Indikatorer', 'C4'), issue('warning', 'Mål', 'D2')], grids({ indicators: indicatorFills, goals: emptyFills(GOAL_VALUES) }));
    const record = recordOf(p);
    expect(record).toMatchObject({ mode: 'replace', hidden: true });
    expect(highlightRows(p)).toEqual([
      ['Mål', 'D2', null],
      ['Indikatorer', 'C4', '#DDEBF7'],
    ]);
    expect(record?.values.find((r) => r[3] === 'D2')?.[4]).toBe(JSON.stringify(['cell', 'Uppfylls helt']));
    expect(p.deleteSheets).toEqual([]);
  });

  it('keeps the recorded original while a cell still shows the highlight, and never records our own colour', () => {
    const indicatorFills = emptyFills(INDICATOR_VALUES);
    indicatorFills[3][2] = HIGHLIGHT_FILL.error; // recorded before as #DDEBF7
    indicatorFills[1][4] = '#fff2cc'; // our warning colour (lower case), not recorded: e.g. the record sheet was deleted
    const g = grids({ indicators: indicatorFills });
    g.sheets.push(legacyRecord(['Indikatorer', 'C4', '#DDEBF7']));
    const p = plan([issue('warning', 'Indikatorer', 'C4'), issue('warning', 'Indikatorer', 'E2')], g);
    expect(highlightRows(p)).toEqual([
      ['Indikatorer', 'E2', null],
      ['Indikatorer', 'C4', '#DDEBF7'],
    ]);
    expect(fillsOf(p)).toEqual([{ sheet: 'Indikatorer', fill: HIGHLIGHT_FILL.warning, cells: ['E2', 'C4'] }]);
  });

  it('takes a fill the user set on a highlighted cell as the new original', () => {
    const indicatorFills = emptyFills(INDICATOR_VALUES);
    indicatorFills[3][2] = '#00B050';
    const g = grids({ indicators: indicatorFills });
    g.sheets.push(legacyRecord(['Indikatorer', 'C4', '#DDEBF7']));
    expect(highlightRows(plan([issue('error', 'Indikatorer', 'C4')], g))).toEqual([['Indikatorer', 'C4', '#00B050']]);
  });

  it('restores recorded cells that are no longer highlighted, unless the user has re-coloured them', () => {
    const indicatorFills = emptyFills(INDICATOR_VALUES);
    indicatorFills[3][2] = HIGHLIGHT_FILL.error;
    indicatorFills[1][4] = '#00B050';
    indicatorFills[4][4] = HIGHLIGHT_FILL.warning;
    const g = grids({ indicators: indicatorFills });
    g.sheets.push(
      legacyRecord(
        ['Indikatorer', 'C4', '#DDEBF7'],
        ['Indikatorer', 'E2', null],
        ['Indikatorer', 'E5', null],
        ['Borttaget blad', 'A1', '#123456'],
        ['Indikatorer', 'inte en cell', null],
      ),
    );
    const p = plan([], g);
    expect(fillsOf(p)).toEqual([
      { sheet: 'Indikatorer', fill: '#DDEBF7', cells: ['C4'] },
      { sheet: 'Indikatorer', fill: null, cells: ['E5'] },
    ]);
    // What cannot be found (a deleted sheet, a damaged address) is kept for Clear to report; E2 was re-coloured by the user.
    expect(highlightRows(p)).toEqual([
      ['Borttaget blad', 'A1', '#123456'],
      ['Indikatorer', 'inte en cell', null],
    ]);
    expect(p.deleteSheets).toEqual([]);
  });

  it('restores from the record whatever the current fill when the host gives no fills', () => {
    const g = grids();
    g.sheets.push(legacyRecord(['indikatorer', 'C4', '#DDEBF7']));
    expect(fillsOf(plan([], g))).toEqual([{ sheet: 'Indikatorer', fill: '#DDEBF7', cells: ['C4'] }]);
  });

  it('recognises our highlight colours in every token form hosts use', () => {
    for (const token of ['#F8CBAD', '#fff2cc', '{"type":"pattern","pattern":"solid","fgColor":{"argb":"FFF8CBAD"}}', 'FFFFF2CC']) {
      expect(isHighlightFill(token)).toBe(true);
    }
    for (const token of [null, '#C6EFCE', '#1F8CBAD0', '{"fgColor":{"argb":"FFDDEBF7"}}']) expect(isHighlightFill(token)).toBe(false);
  });
});

describe('clearPlan', () => {
  it('restores every recorded cell and deletes a record that names no sheet of Målkoll', () => {
    const indicatorFills = emptyFills(INDICATOR_VALUES);
    indicatorFills[3][2] = HIGHLIGHT_FILL.error;
    indicatorFills[1][4] = HIGHLIGHT_FILL.warning;
    const g = grids({ indicators: indicatorFills });
    g.sheets.push(legacyRecord(['Indikatorer', 'C4', '#DDEBF7'], ['Indikatorer', 'E2', null]));
    const p = clearPlan(g);
    expect(p.blocks).toEqual([]);
    expect(p.sheets).toEqual([]);
    expect(p.deleteSheets).toEqual(['_malkoll']);
    expect(fillsOf(p)).toEqual([
      { sheet: 'Indikatorer', fill: null, cells: ['E2'] },
      { sheet: 'Indikatorer', fill: '#DDEBF7', cells: ['C4'] },
    ]);
  });

  it('does nothing on a workbook that was never checked', () => {
    expect(clearPlan(grids())).toEqual({ blocks: [], fills: [], sheets: [], deleteSheets: [], issues: [] });
  });

  it("keeps the record of Målkoll's own sheets and drops its highlights", () => {
    const applied = applyPlanToGrids(grids(), plan([issue('error', 'Indikatorer', 'C4')]));
    const p = clearPlan(applied);
    expect(p.deleteSheets).toEqual([]);
    expect(p.sheets.map((s) => s.name)).toEqual(['_malkoll']);
    expect(p.sheets[0].values.map((r) => r[0])).toEqual(['Målkoll record v2', 'summary', 'validation']);
    expect(fillsOf(p)).toEqual([{ sheet: 'Indikatorer', fill: null, cells: ['C4'] }]);
    expect(p.issues).toEqual([]);
  });
});

describe('idempotency and reversibility (in-memory adapter)', () => {
  const issues = [issue('error', 'Indikatorer', 'C4'), issue('warning', 'Indikatorer', 'E5'), issue('warning', 'Mål', 'D3')];

  function originalGrids(): WorkbookGrids {
    const indicatorFills = emptyFills(INDICATOR_VALUES);
    indicatorFills[3][2] = '#DDEBF7';
    return grids({ indicators: indicatorFills, goals: emptyFills(GOAL_VALUES) });
  }

  it('gives the same plan when run again on the workbook the plan was applied to', () => {
    const first = plan(issues, originalGrids());
    const applied = applyPlanToGrids(originalGrids(), first);
    const second = plan(issues, applied);
    expect(second).toEqual(first);
    expect(applyPlanToGrids(applied, second)).toEqual(applied);
  });

  it('is idempotent without fills from the host too', () => {
    const first = plan(issues, grids());
    const applied = applyPlanToGrids(grids(), first);
    expect(plan(issues, applied)).toEqual(first);
  });

  it('brings back every original fill when the issues are fixed, and when cleared', () => {
    const applied = applyPlanToGrids(originalGrids(), plan(issues, originalGrids()));
    expect(applied.sheets.find((s) => s.name === 'Indikatorer')?.fills?.[3][2]).toBe(HIGHLIGHT_FILL.error);

    const fixed = applyPlanToGrids(applied, plan([], applied));
    const cleared = applyPlanToGrids(applied, clearPlan(applied));
    for (const after of [fixed, cleared]) {
      const fills = after.sheets.find((s) => s.name === 'Indikatorer')?.fills ?? [];
      expect(fills[3][2]).toBe('#DDEBF7');
      expect(fills[4][4]).toBeNull();
      expect(after.sheets.find((s) => s.name === 'Mål')?.fills?.[2][3]).toBeNull();
      expect(highlightRows({ blocks: [], fills: [], deleteSheets: [], sheets: after.sheets.map((x) => ({ ...x, mode: 'replace' })) })).toEqual([]);
    }
  });

  it('keeps the original through a change of severity and a second run with other issues', () => {
    let g = originalGrids();
    g = applyPlanToGrids(g, plan([issue('warning', 'Indikatorer', 'C4')], g));
    g = applyPlanToGrids(g, plan([issue('error', 'Indikatorer', 'C4'), issue('error', 'Indikatorer', 'B2')], g));
    expect(highlightRows(plan([issue('error', 'Indikatorer', 'C4')], g))).toEqual([['Indikatorer', 'C4', '#DDEBF7']]);
    g = applyPlanToGrids(g, clearPlan(g));
    expect(g.sheets.find((s) => s.name === 'Indikatorer')?.fills?.[3][2]).toBe('#DDEBF7');
    expect(g.sheets.find((s) => s.name === 'Indikatorer')?.fills?.[1][1]).toBeNull();
  });
});
