// Tests for what an indicator is judged by (SPEC 5.1, 5.2): the nämnd's stated Bedömning, part-year counts that need a forecast, the whole-year outcome in a VB, and no judging at all in a plan.
import { check } from '../../../core/check';
import type { CellValue, Report } from '../../../core/types';

const HEADER = ['Mål', 'Indikator', 'Periodicitet', 'Period', 'Periodens utfall', 'Utfall VB 2023', 'Prognos helår', 'Årsmål', 'KF:s årsmål', 'Riktning', 'Bedömning', 'Kommentar'];

/** One indicator sheet (real rows of the T1 2024 fixture, with the changes a test names) and a goal sheet. */
function run(rows: CellValue[][], period = 'Tertial 1 2024'): Report {
  const goals = [...new Set(rows.map((r) => String(r[0])))].map((number) => [number, `Mål ${number}`]);
  return check({
    sheets: [
      { name: 'Mål', values: [['Nummer', 'Mål'], ...goals] },
      { name: 'Indikatorer', values: [HEADER, ...rows] },
    ],
  }, { period }).report;
}

// Fixture Indikatorer row 24: "Andel våldsutövare där målet med insats från RVC uppnåtts", annual, no value in April.
const RVC: CellValue[] = ['1.3.2', 'Andel våldsutövare där målet med insats från RVC uppnåtts', 'År', '2024', null, '57,14 %', null, '70 %', null, 'Högre är bättre'];
// Fixture row 3: "Andel flickor som besöker fritidsgårdarna", 38,87 % with Prognos helår 40 % against 40 % → helt.
const FLICKOR: CellValue[] = ['1.1.1', 'Andel flickor som besöker fritidsgårdarna', 'Tertial', 'Tertial 1 2024', '38,87 %', null, '40 %', '40 %', null, 'Högre är bättre'];

describe('the stated Bedömning of an indicator (SPEC 5.1)', () => {
  test('an annual indicator without a value is judged by it: status stays ej_matt, judged is the stated one, I_INDICATOR_JUDGED_BY_NAMND', () => {
    // Mål 1.3.2 Analys (T1 2024): "tre indikatorer uppnås helt och en uppnås inte" — this one is among the helt.
    const report = run([[...RVC, 'Uppfylls helt']]);
    expect(report.indicators[0]).toMatchObject({ status: 'ej_matt', stated: 'helt', judged: 'helt', judgedSource: 'stated' });
    const info = report.issues.filter((i) => i.code === 'I_INDICATOR_JUDGED_BY_NAMND');
    expect(info.map((i) => i.cell)).toEqual(['K2']);
    expect(info[0].message).toBe('Indikatorn har inget värde att bedöma (ej mätt); nämndens bedömning "Uppfylls helt" används för målet.');
    expect(report.goals[0]).toMatchObject({ proposed: 'helt', judged: { helt: 1, delvis: 0, inte: 0, none: 0 }, statedSource: 1 });
    expect(report.goals[0].sentence).toBe('Indikatorn bedöms uppfyllas helt enligt nämndens bedömning.');
  });

  test('a value wins over the stated Bedömning; when they differ, W_INDICATOR_ASSESSMENT_DIFFERS at the Bedömning cell', () => {
    // The T1 2024 text calls this row delvis although its forecast meets the target (SPEC 5.4's one disagreement).
    const report = run([[...FLICKOR, 'Uppfylls delvis', 'Fritidsgården arbetar aktivt …']]);
    expect(report.indicators[0]).toMatchObject({ status: 'helt', stated: 'delvis', judged: 'helt', judgedSource: 'status' });
    const warning = report.issues.filter((i) => i.code === 'W_INDICATOR_ASSESSMENT_DIFFERS');
    expect(warning.map((i) => [i.severity, i.cell, i.message])).toEqual([
      ['warning', 'K2', 'Bedömningen "Uppfylls delvis" skiljer sig från statusen som värdena ger, "Uppfylls helt".'],
    ]);
    expect(run([[...FLICKOR, 'Uppfylls helt', 'x']]).issues.filter((i) => i.code === 'W_INDICATOR_ASSESSMENT_DIFFERS')).toEqual([]);
  });

  test('without a Bedömning an unjudged annual indicator in T1 is "mäts först vid årets slut"; a pending target "kan inte bedömas än"', () => {
    const pending: CellValue[] = ['1.3.2', 'Andel personer som själva upplever att de får en förbättrad situation', 'År', '2024', null, null, null, null, 'Fastställs 2024'];
    expect(run([RVC]).goals[0].sentence).toBe('Indikatorn mäts först vid årets slut.');
    expect(run([RVC, pending]).goals[0].sentence).toBe('En indikator mäts först vid årets slut och en kan inte bedömas än.');
    // After the year, an annual indicator without an outcome is not "at the year end" any more.
    expect(run([RVC], 'VB 2024').goals[0].sentence).toBe('Indikatorn kan inte bedömas än.');
  });
});

describe('counts and amounts in T1/T2 need a forecast (SPEC 5.2)', () => {
  // The issue's real row: "Antal ungdomar som fått feriejobb", 148 in April against 1 330 for the year, no forecast.
  const FERIEJOBB: CellValue[] = ['3.2', 'Antal ungdomar som fått feriejobb i stadens regi', 'Tertial', 'Tertial 1 2024', '148 st', '1 300 st', null, '1 330 st', '11 000 st', 'Högre är bättre'];

  test('148 of 1 330 in April is not "Uppfylls inte, 11 %": ej_bedomd and W_FORECAST_NEEDED at Prognos helår', () => {
    const report = run([FERIEJOBB]);
    expect(report.indicators[0]).toMatchObject({ status: 'ej_bedomd', value: null, achievement: null, judged: null });
    const warning = report.issues.filter((i) => i.code === 'W_FORECAST_NEEDED');
    expect(warning.map((i) => [i.cell, i.message])).toEqual([
      ['G2', 'Ett antal eller belopp bedöms inte på ett delårsutfall: fyll i Prognos helår eller en Prognosmetod (Linjär, Säsong).'],
    ]);
  });

  test('with the report\'s own forecast (1 330, fixture row 62) it is judged: helt', () => {
    const withForecast = [...FERIEJOBB];
    withForecast[6] = '1 330';
    const report = run([withForecast]);
    expect(report.indicators[0]).toMatchObject({ status: 'helt', value: 1330, valueSource: 'prognos' });
    expect(report.issues.filter((i) => i.code === 'W_FORECAST_NEEDED')).toEqual([]);
  });

  test('a name beginning "Antal … per …" is a ratio, not a count; in a VB the whole-year outcome is judged', () => {
    // Fixture row 7: "Antal barn per anställd i förskolan (årsarbetare)" 5,2 against 4,9, lower is better.
    const perAnstalld: CellValue[] = ['1.2', 'Antal barn per anställd i förskolan (årsarbetare)', 'Tertial', 'Tertial 1 2024', '5,2', '4,9', null, '4,9', '4,9', 'Lägre är bättre'];
    expect(run([perAnstalld]).issues.filter((i) => i.code === 'W_FORECAST_NEEDED')).toEqual([]);
    const vb = run([FERIEJOBB.map((v, i) => (i === 3 ? 'Helår 2024' : i === 4 ? '1 290 st' : i === 6 ? '1 400 st' : v))], 'VB 2024');
    expect(vb.document).toBe('vb');
    expect(vb.indicators[0]).toMatchObject({ value: 1290, valueSource: 'outcome', status: 'delvis' });
  });
});

describe('a plan judges nothing (SPEC 5.0)', () => {
  test('the same rows under "Verksamhetsplan 2024": no status, no forecast issue, no judgement, targets still checked', () => {
    const report = run([[...RVC, 'Uppfylls helt'], ['3.2', 'Antal ungdomar som fått feriejobb i stadens regi', 'Tertial', null, null, null, null, null, 'Tas fram av nämnd/styrelse']], 'Verksamhetsplan 2024');
    expect(report.document).toBe('plan');
    expect(report.indicators.map((i) => [i.status, i.judged, i.judgedSource])).toEqual([
      ['ej_bedomd', null, 'none'],
      ['ej_bedomd', null, 'none'],
    ]);
    expect(report.goals.every((g) => g.proposed === 'ej_bedomd')).toBe(true);
    const found = report.issues.map((i) => `${i.code} ${i.cell}`);
    expect(found).toContain('W_TARGET_LEFT_TO_NAMND H3');
    expect(found.filter((c) => /JUDGED_BY_NAMND|FORECAST_NEEDED|ASSESSMENT/.test(c))).toEqual([]);
  });
});
