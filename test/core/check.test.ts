// Tests of the check pipeline on the real T1 2024 workbook: report, plan, finance figures, idempotency, and that no grid makes it throw.
import fc from 'fast-check';
import * as assessModule from '../../core/judge/assess';
import { check } from '../../core/check';
import { clearPlan } from '../../core/write/plan';
import { HIGHLIGHT_FILL } from '../../core/common/status';
import type { CellValue, Issue, WorkbookGrids } from '../../core/types';
import { applyPlanToGrids } from '../helpers/apply-plan';
import { EAV_SHEETS, eavReportSheet, eavTextWorkbook } from '../helpers/fixtures';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

/** Sheet index, row and column of an issue, for order checks. */
function issueKey(issue: Issue, sheets: string[]): number[] {
  const m = /^([A-Z]+)(\d+)$/.exec(issue.cell) ?? ['', 'A', '1'];
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [SEVERITY_RANK[issue.severity], sheets.indexOf(issue.sheet), Number(m[2]), col];
}

function withCell(grids: WorkbookGrids, sheet: string, row: number, col: number, value: CellValue): WorkbookGrids {
  const copy: WorkbookGrids = { sheets: grids.sheets.map((s) => ({ ...s, values: s.values.map((r) => r.slice()) })) };
  const target = copy.sheets.find((s) => s.name === sheet);
  if (!target) throw new Error(sheet);
  target.values[row][col] = value;
  return copy;
}

describe('check on the T1 2024 workbook', () => {
  const grids = eavTextWorkbook();
  const { report, plan } = check(grids);

  it('reports the period, the language and counts that match the issues', () => {
    expect(report.version).toBe(2);
    expect(report.period).toBe('Tertial 1 2024');
    expect(report.document).toBe('t1');
    expect(report.lang).toBe('sv');
    const count = (s: Issue['severity']) => report.issues.filter((i) => i.severity === s).length;
    expect(report.summary).toEqual({ errors: count('error'), warnings: count('warning'), infos: count('info') });
    expect(report.summary.errors).toBe(0);
  });

  it('sorts issues: errors, warnings, info; each in sheet and cell order', () => {
    const keys = report.issues.map((i) => issueKey(i, EAV_SHEETS));
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1], keys[i]];
      const cmp = a.map((x, k) => x - b[k]).find((d) => d !== 0) ?? 0;
      expect(cmp).toBeLessThanOrEqual(0);
    }
  });

  it('computes Budgetföljsamhet 100,0 % after and 100,2 % before carry-overs, and finds no arithmetic error', () => {
    expect(report.finance?.total).toEqual({ budget: 2739.6, justeringar: 0.9, forandringar: 10.9, prognos: 2751.4, avvikelse: 0 });
    expect(report.finance?.budgetfoljsamhet).toBeCloseTo(1.0, 3);
    expect(report.finance?.budgetfoljsamhetForeResultatoverforingar).toBeCloseTo(2757.9 / 2751.4, 9);
    expect(report.finance?.budgetfoljsamhetForeResultatoverforingar).toBeCloseTo(1.0024, 4);
    expect(report.issues.filter((i) => i.code.startsWith('E_FIN'))).toEqual([]);
  });

  it('reports E_FIN_ARITHMETIC at the Avvikelse cell of a copy where it was changed', () => {
    // Ekonomi row 2 (Nämnd och administration): 80,7 + 0,5 + 0,0 − 78,4 = 2,8; written as 3,8.
    const changed = check(withCell(grids, 'Ekonomi', 1, 6, '3,8')).report;
    expect(changed.issues.filter((i) => i.code === 'E_FIN_ARITHMETIC').map((i) => [i.sheet, i.cell])).toEqual([['Ekonomi', 'G2']]);
    expect(changed.summary.errors).toBeGreaterThanOrEqual(1);
  });

  it('counts goal 1.2 as three helt, two delvis, none inte and one not assessable', () => {
    const goal = report.goals.find((g) => g.number === '1.2');
    expect(goal?.counts).toEqual({ helt: 3, delvis: 2, inte: 0, ej_bedomd: 1, ej_matt: 0 });
    expect(goal?.stated).toBe('helt');
  });

  it('gives 1-based rows and numbers without float noise', () => {
    expect(report.indicators[0]).toMatchObject({ sheet: 'Indikatorer', row: 2, goal: '1.1' });
    expect(report.activities[0]).toMatchObject({ sheet: 'Aktiviteter', row: 2, goal: '1.1' });
    const numbers: number[] = [];
    JSON.stringify(report, (_k, v) => (typeof v === 'number' && numbers.push(v), v));
    for (const n of numbers) expect(Number(n.toPrecision(10))).toBe(n);
  });

  it('plans output columns beside the goal and indicator tables, the two output sheets and the highlights', () => {
    expect(plan.blocks.map((b) => [b.sheet, b.col, b.values[0][0]])).toEqual([
      ['Mål', 5, 'Förslag'],
      ['Mål', 6, 'Underlag'],
      ['Indikatorer', 13, 'Beräknad prognos'],
      ['Indikatorer', 14, 'Status'],
      ['Indikatorer', 15, 'Måluppfyllnad'],
    ]);
    expect(plan.blocks.find((b) => b.col === 14)?.values).toHaveLength(84);
    expect(plan.sheets.map((s) => s.name)).toEqual(['Sammanställning', 'Valideringsrapport', '_malkoll']);
    const warnings = plan.fills.find((f) => f.sheet === 'Indikatorer' && f.fill === HIGHLIGHT_FILL.warning);
    expect(warnings?.cells).toContain('E58'); // W_GENDER_INCONSISTENT: 1,13 % below both halves
    const validation = plan.sheets[1];
    expect(validation.values).toHaveLength(report.issues.length + 1);
  });

  it('is idempotent: the plan applied and checked again gives the same report and plan', () => {
    const applied = applyPlanToGrids(grids, plan);
    const again = check(applied);
    expect(again.plan).toEqual(plan);
    expect(again.report).toEqual(report);
    expect(applyPlanToGrids(applied, again.plan)).toEqual(applied);
  });

  it('clears back to the original fills', () => {
    const applied = applyPlanToGrids(grids, plan);
    const cleared = applyPlanToGrids(applied, clearPlan(applied));
    const indicators = cleared.sheets.find((s) => s.name === 'Indikatorer');
    expect(indicators?.fills?.[57][4]).toBeNull();
    // The record stays, naming Målkoll's own sheets, without highlights.
    const record = cleared.sheets.find((s) => s.name === '_malkoll');
    expect(record?.values.map((r) => r[0])).toEqual(['Målkoll record v2', 'summary', 'validation']);
  });

  it('follows options: lang en gives English sheets and messages, period overrides the settings', () => {
    const en = check(grids, { lang: 'en', period: 'Tertial 2 2024' });
    expect(en.report.lang).toBe('en');
    expect(en.report.period).toBe('Tertial 2 2024');
    expect(en.plan.sheets.map((s) => s.name)).toEqual(['Summary', 'Validation', '_malkoll']);
    expect(en.plan.blocks.map((b) => b.values[0][0])).toEqual(['Proposal', 'Basis', 'Computed forecast', 'Status', 'Achievement']);
  });

  it('writes no output columns into a report-layout sheet, only the output sheets', () => {
    const result = check({ sheets: [eavReportSheet()] });
    expect(result.plan.blocks).toEqual([]);
    expect(result.plan.sheets.map((s) => s.name).slice(0, 2)).toEqual(['Sammanställning', 'Valideringsrapport']);
  });
});

describe('check never throws', () => {
  it('handles an empty workbook', () => {
    const { report, plan } = check({ sheets: [] });
    expect(report.indicators).toEqual([]);
    expect(plan.sheets.map((s) => s.name)).toEqual(['Sammanställning', 'Valideringsrapport', '_malkoll']);
    expect(plan.deleteSheets).toEqual([]);
    expect(report.issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual(['E_NO_INPUT !A1']);
  });

  it('turns a stage that throws into an E_INTERNAL error at A1 of the first sheet and carries on', () => {
    const spy = jest.spyOn(assessModule, 'assess').mockImplementation(() => {
      throw new Error('boom');
    });
    try {
      const { report, plan } = check(eavTextWorkbook());
      const internal = report.issues.filter((i) => i.code === 'E_INTERNAL');
      expect(internal).toHaveLength(1);
      expect(internal[0]).toMatchObject({ severity: 'error', sheet: 'Inställningar', cell: 'A1' });
      expect(internal[0].message).toContain('boom');
      expect(report.issues[0].code).toBe('E_INTERNAL');
      expect(report.finance?.budgetfoljsamhet).toBeCloseTo(1, 3);
      expect(plan.sheets[1].values[1][1]).toBe('E_INTERNAL');
      expect(plan.fills.some((f) => f.sheet === 'Inställningar')).toBe(false); // not highlighted: no cell is at fault
    } finally {
      spy.mockRestore();
    }
  });

  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.constantFrom('#N/A', '#REF!', 'Uppfylls helt', 'Tertial 1 2024', '40 %', '+/- 1 %', 'Max 10', '1.2.3', 'Totalt', 'varav x', '=A1', '-', 'Mål', 'Indikator', 'Årsmål', 'Budget', 'Prognos', 'Nummer'),
    fc.double({ noNaN: false }),
    fc.integer(),
    fc.boolean(),
  );
  const sheet = fc.record({
    name: fc.constantFrom('Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi', 'Inställningar', 'Blad1', '_malkoll', 'Sammanställning'),
    values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }),
  });

  it('gives issues, never an exception or E_INTERNAL, for any grid of any cell values', () => {
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 4 }), (sheets) => {
        const { report } = check({ sheets });
        expect(report.issues.filter((i) => i.code === 'E_INTERNAL')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('survives real headers over random rows', () => {
    const base = eavTextWorkbook();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.array(fc.array(cell, { minLength: 13, maxLength: 13 }), { maxLength: 6 }), (i, rows) => {
        const grids: WorkbookGrids = { sheets: base.sheets.map((s, k) => (k === i ? { ...s, values: [s.values[0], ...rows] } : s)) };
        expect(check(grids).report.issues.filter((x) => x.code === 'E_INTERNAL')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('proposal against stated assessment (SPEC 5.5: 38 of 44 real goals agree)', () => {
  it('one rule and one count: three differing goals in the report, the Avviker column and I_ASSESSMENT_DIFFERS; the three ej_bedomd proposals are said separately', () => {
    const { proposalDiffers, proposalMissing } = require('../../core/common/status') as typeof import('../../core/common/status');
    const { eavTextWorkbook } = require('../helpers/fixtures') as typeof import('../helpers/fixtures');
    const { report, plan } = check(eavTextWorkbook());
    expect(report.goals).toHaveLength(44);
    // Of SPEC 5.5's six goals that do not agree, three have a proposal ej_bedomd (annual indicators only, no
    // activities): no disagreement, nothing to weigh against.
    const differing = report.goals.filter((g) => proposalDiffers(g.stated, g.proposed));
    expect(differing.map((g) => g.number)).toEqual(['2.2', '3.3', '3.6']);
    const unjudged = report.goals.filter((g) => proposalMissing(g.stated, g.proposed));
    expect(unjudged.map((g) => `${g.number} ${g.proposed}`)).toEqual(['1.3.2 ej_bedomd', '1.3.4 ej_bedomd', '2.2.1 ej_bedomd']);
    const info = report.issues.filter((i) => i.code === 'I_ASSESSMENT_DIFFERS');
    // Mål.tsv rows 21, 34 and 41 (column D, Bedömning) hold 2.2, 3.3 and 3.6.
    expect(info.map((i) => i.cell)).toEqual(['D21', 'D34', 'D41']);
    const summary = plan.sheets.find((s) => s.name === 'Sammanställning');
    const avviker = summary?.values.filter((row) => row[10] === 'Ja') ?? [];
    expect(avviker.map((row) => row[1])).toEqual(differing.map((g) => g.number));
    expect(summary?.values.map((row) => row[0])).toContain(
      'Målkoll har inget underlag för att föreslå en bedömning av 3 mål som nämnden har bedömt: 1.3.2, 1.3.4 och 2.2.1; de räknas inte som avvikande.',
    );
  });
});
