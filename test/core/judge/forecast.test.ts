// Tests for value selection (SPEC 5.1) and Beräknad prognos (SPEC 5.2) on real T1 2024 rows.
import { chooseValue, computeForecast, parseMethodText } from '../../../core/judge/forecast';
import { parsePeriod } from '../../../core/read/period';
import type { Issue } from '../../../core/types';
import { fixtureIndicator, settings } from '../assess-helpers';

const codes = (issues: Issue[]) => issues.map((i) => i.code);

describe('computeForecast', () => {
  test('Senaste värde is the outcome, never extrapolated', () => {
    expect(computeForecast(38.87, 4, 'senaste', null, null)).toEqual({ value: 38.87, seasonalFallback: false });
    expect(computeForecast(38.87, null, 'senaste', null, null).value).toBe(38.87);
  });

  test('Linjär scales a cumulative count to twelve months', () => {
    // Antal ungdomar som fått feriejobb: 148 st after T1.
    expect(computeForecast(148, 4, 'linjar', null, null).value).toBe(444);
    expect(computeForecast(148, 8, 'linjar', null, null).value).toBe(222);
    expect(computeForecast(148, 12, 'linjar', null, null).value).toBe(148);
    expect(computeForecast(148, null, 'linjar', null, null).value).toBeNull();
  });

  test('Säsong uses last year full / last year same period, else falls back to Linjär', () => {
    expect(computeForecast(148, 4, 'sasong', 1300, 100)).toEqual({ value: 1924, seasonalFallback: false });
    expect(computeForecast(148, 4, 'sasong', 1300, null)).toEqual({ value: 444, seasonalFallback: true });
    expect(computeForecast(148, 4, 'sasong', 1300, 0)).toEqual({ value: 444, seasonalFallback: true });
    expect(computeForecast(148, 4, 'sasong', null, 100)).toEqual({ value: 444, seasonalFallback: true });
  });

  test('Manuell computes nothing', () => {
    expect(computeForecast(148, 4, 'manuell', 1300, 100)).toEqual({ value: null, seasonalFallback: false });
  });
});

describe('parseMethodText', () => {
  test.each([
    ['Senaste värde', 'senaste'],
    ['senaste', 'senaste'],
    ['Linjär', 'linjar'],
    ['LINJAR', 'linjar'],
    ['Säsong', 'sasong'],
    ['Manuell', 'manuell'],
    ['Linear', 'linjar'],
    ['gissning', null],
  ])('%s → %s', (text, method) => expect(parseMethodText(text)).toBe(method));
});

describe('chooseValue (SPEC 5.1)', () => {
  test('Prognos helår wins: row 9 forecast 16,1 st', () => {
    const issues: Issue[] = [];
    const choice = chooseValue(fixtureIndicator(9), settings(), issues);
    expect(choice).toEqual({ value: 16.1, source: 'prognos', computed: 16.4 });
    expect(issues).toEqual([]);
  });

  test('without Prognos helår a tertial indicator uses Beräknad prognos (row 57: 1,5 % after T1)', () => {
    const choice = chooseValue(fixtureIndicator(57), settings(), []);
    expect(choice).toEqual({ value: 1.5, source: 'computed', computed: 1.5 });
  });

  test('Linjär on a real count (row 62: 148 st after T1 → 444) still loses to Prognos helår 1 330', () => {
    const choice = chooseValue(fixtureIndicator(62, { Prognosmetod: 'Linjär' }), settings(), []);
    expect(choice).toEqual({ value: 1330, source: 'prognos', computed: 444 });
    const computed = chooseValue(fixtureIndicator(62, { Prognosmetod: 'Linjär', 'Prognos helår': null }), settings(), []);
    expect(computed).toEqual({ value: 444, source: 'computed', computed: 444 });
  });

  test('an annual indicator whose period is the whole year is judged by its outcome (row 10: 94,7 % in 2024)', () => {
    const choice = chooseValue(fixtureIndicator(10), settings(), []);
    expect(choice).toEqual({ value: 94.7, source: 'outcome', computed: null });
  });

  test('an annual indicator before the year is over has no value (row 43 with period T1 2024)', () => {
    const choice = chooseValue(fixtureIndicator(43, { Period: 'T1 2024' }), settings(), []);
    expect(choice).toEqual({ value: null, source: 'none', computed: null });
  });

  test('an annual indicator without this year\'s value has none (row 12: only Utfall VB 2023)', () => {
    expect(chooseValue(fixtureIndicator(12), settings(), []).source).toBe('none');
  });

  test('months come from the settings period when the row has none', () => {
    const row = fixtureIndicator(62, { Prognosmetod: 'Linjär', 'Prognos helår': null, Period: null });
    expect(chooseValue(row, settings(), []).value).toBe(444);
    expect(chooseValue(row, settings({ period: parsePeriod('Tertial 2 2024') }), []).value).toBe(222);
    expect(chooseValue(row, settings({ period: null }), []).source).toBe('none');
  });

  test('W_SEASONAL_FALLBACK when Säsong lacks last year\'s same period, at the Prognosmetod cell', () => {
    const issues: Issue[] = [];
    const row = fixtureIndicator(62, { Prognosmetod: 'Säsong', 'Prognos helår': null });
    const choice = chooseValue(row, settings(), issues);
    expect(choice.value).toBe(444);
    expect(codes(issues)).toEqual(['W_SEASONAL_FALLBACK']);
    expect(issues[0]).toMatchObject({ severity: 'warning', sheet: 'Indikatorer', cell: 'N62' });
    expect(issues[0].message).toMatch(/Linjär/);
  });

  test('W_SEASONAL_FALLBACK names the sheet\'s own header for last year ("Utfall VB 2023" in T1 2024)', () => {
    const check = require('../../../core/check').check as typeof import('../../../core/check').check;
    const { eavTextWorkbook } = require('../../helpers/fixtures') as typeof import('../../helpers/fixtures');
    const grids = eavTextWorkbook();
    const sheet = grids.sheets.find((s) => s.name === 'Indikatorer')!;
    sheet.values[0].push('Prognosmetod');
    sheet.values[61][sheet.values[0].length - 1] = 'Säsong'; // row 62, "Antal ungdomar som fått feriejobb i stadens regi"
    sheet.values[61][8] = null; // Prognos helår blank
    const issue = check(grids).report.issues.find((i) => i.code === 'W_SEASONAL_FALLBACK')!;
    expect(issue.message).toBe(
      'Prognosmetoden Säsong kräver föregående års utfall för helår ("Utfall VB 2023") och samma period ("Utfall föregående år samma period"), båda skilda från noll; Linjär användes i stället.',
    );
  });

  test('no W_SEASONAL_FALLBACK when both of last year\'s figures exist', () => {
    const issues: Issue[] = [];
    const row = fixtureIndicator(62, { Prognosmetod: 'Säsong', 'Prognos helår': null, 'Utfall föregående år samma period': '150 st' });
    expect(chooseValue(row, settings(), issues).value).toBeCloseTo((148 * 1300) / 150, 9);
    expect(issues).toEqual([]);
  });

  test('W_FORECAST_MISSING when Manuell and Prognos helår is blank, at the Prognos helår cell', () => {
    const issues: Issue[] = [];
    const choice = chooseValue(fixtureIndicator(57, { Prognosmetod: 'Manuell' }), settings({ lang: 'en' }), issues);
    expect(choice).toEqual({ value: null, source: 'none', computed: null });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'W_FORECAST_MISSING', severity: 'warning', cell: 'I57' });
    expect(issues[0].message).toMatch(/Manual/);
  });

  test('no W_FORECAST_MISSING when Manuell has a Prognos helår (row 9)', () => {
    const issues: Issue[] = [];
    expect(chooseValue(fixtureIndicator(9, { Prognosmetod: 'Manuell' }), settings(), issues).value).toBe(16.1);
    expect(issues).toEqual([]);
  });
});
