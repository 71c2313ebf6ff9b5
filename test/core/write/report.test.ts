// Tests of the JSON report: 1-based rows, numbers without float noise, goals and activities as the model holds them.
import fc from 'fast-check';
import { buildReport, roundSignificant } from '../../../core/write/report';
import type { Activity } from '../../../core/types';
import { model, results } from '../../helpers/hand-model';

describe('roundSignificant', () => {
  it('keeps 10 significant digits and drops float noise', () => {
    expect(roundSignificant(0.1 + 0.2)).toBe(0.3);
    expect(roundSignificant(2757.9 / 2751.4)).toBe(1.002362434);
    expect(roundSignificant(3990.0000000000005)).toBe(3990);
    expect(roundSignificant(1330)).toBe(1330);
    expect(roundSignificant(-0)).toBe(0);
    expect(Object.is(roundSignificant(-0), 0)).toBe(true);
  });

  it('turns absent and non-finite numbers into null', () => {
    for (const value of [null, undefined, NaN, Infinity, -Infinity]) expect(roundSignificant(value)).toBeNull();
  });

  it('gives exactly the number toPrecision(10) reads back as, also next to a half in the tenth digit', () => {
    const asText = (value: number) => Number(value.toPrecision(10));
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => Object.is(roundSignificant(value), value === 0 ? 0 : asText(value))), { numRuns: 20000 });
    fc.assert(
      fc.property(fc.integer({ min: 1e9, max: 1e10 - 1 }), fc.integer({ min: -16, max: 9 }), fc.constantFrom(0, 0.5, 0.4999999, 0.5000001), (digits, exponent, extra) => {
        const value = (digits + extra) * 10 ** exponent;
        return Object.is(roundSignificant(value), asText(value)) && Object.is(roundSignificant(-value), asText(-value));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('buildReport', () => {
  const activity: Activity = {
    sheet: 'Aktiviteter', row: 2, goal: '1.1.1', name: 'Genomföra dagkollo i fokusområde Hagsätra-Rågsved',
    start: '2024-01-01', end: '2024-12-31', status: 'pagar', deviation: '', overdue: false, cells: {},
  };
  const m = { ...model(), activities: [activity] };
  const issues = [{ severity: 'warning' as const, code: 'W_X', sheet: 'Indikatorer', cell: 'C4', message: 'm' }];
  const report = buildReport(m, results(), issues, { total: null, budgetfoljsamhet: 0.1 + 0.2, budgetfoljsamhetForeResultatoverforingar: null }, 'sv');

  it('has the SPEC 6 header: version, period, language, counts and the issues as given', () => {
    expect(report).toMatchObject({ version: 2, period: 'Tertial 1 2024', document: null, lang: 'sv', summary: { errors: 0, warnings: 1, infos: 0 } });
    expect(report.issues).toBe(issues);
  });

  it('gives indicators with 1-based rows and rounded numbers', () => {
    expect(report.indicators[2]).toEqual({
      sheet: 'Indikatorer', row: 5, goal: '1.1.1', name: 'Antal besök på fritidsgårdarna', unit: 'st',
      direction: 'higher', directionSource: 'column', value: 3990, valueSource: 'computed',
      target: 4000, targetSource: 'arsmal', status: 'inte', achievement: 0.9975,
      stated: null, judged: 'inte', judgedSource: 'status', previous: null, change: null,
    });
  });

  it('gives goals with their stated and proposed assessment, score, counts and sentence', () => {
    expect(report.goals[1]).toEqual({
      number: '1.1.1', level: 'namndmal', title: 'Alla barn och unga i stadsdelsområdet har en meningsfull fritid',
      stated: 'helt', proposed: 'delvis', score: 0.25, counts: { helt: 0, delvis: 1, inte: 1, ej_bedomd: 0, ej_matt: 0 },
      judged: { helt: 0, delvis: 1, inte: 1, none: 0 }, statedSource: 0, expectedResult: null,
      sentence: 'En indikator bedöms uppfyllas delvis och en inte.', previous: null, change: null,
    });
  });

  it('gives activities with 1-based rows and rounds the finance figures', () => {
    expect(report.activities).toEqual([
      { sheet: 'Aktiviteter', row: 3, goal: '1.1.1', name: activity.name, start: '2024-01-01', end: '2024-12-31', status: 'pagar' },
    ]);
    expect(report.finance).toEqual({ total: null, budgetfoljsamhet: 0.3, budgetfoljsamhetForeResultatoverforingar: null });
  });
});
