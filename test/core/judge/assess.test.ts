// Tests for assess(): the whole assessment on the T1 2024 fixture workbook as read by core/read.ts.
import { assess } from '../../../core/judge/assess';
import { readWorkbook } from '../../../core/read/read';
import type { Indicator, WorkbookModel } from '../../../core/types';
import { eavTextWorkbook } from '../../helpers/fixtures';
import { DOCUMENT_T1_2024, fixtureIndicator, makeGoal, settings } from '../assess-helpers';

describe('assess on the T1 2024 fixture workbook', () => {
  const { model } = readWorkbook(eavTextWorkbook());
  const { indicators, goals, issues } = assess(model);
  const byRow = new Map(indicators.map((r) => [r.indicator.row + 1, r]));
  const goal = (number: string) => goals.find((g) => g.goal.number === number)!;

  test('one indicator result per model indicator, in model order; one goal result per goal, in goal order', () => {
    expect(indicators.map((r) => r.indicator)).toEqual(model.indicators);
    expect(goals.map((g) => g.goal)).toEqual(model.goals);
    expect(indicators).toHaveLength(83);
    expect(goals).toHaveLength(44);
  });

  test('goal 1.2: counts 3 helt, 2 delvis, 1 ej_bedomd and the sentence of the report', () => {
    expect(goal('1.2').counts).toEqual({ helt: 3, delvis: 2, inte: 0, ej_bedomd: 1, ej_matt: 0 });
    expect(goal('1.2').sentence).toMatch(
      /^Bedömningen grundar sig på att tre av sex indikatorer bedöms uppfyllas helt och två delvis\. En indikator kan inte bedömas än\./,
    );
  });

  test('SPEC 5.4: the real T1 rows with a forecast agree with the document in all but one (row 4, 40 % = 40 %)', () => {
    const rows = Object.keys(DOCUMENT_T1_2024).map(Number);
    const withForecast = indicators.filter((r) => r.valueSource === 'prognos').map((r) => r.indicator.row + 1);
    expect(withForecast).toEqual(rows);
    expect(rows.filter((row) => byRow.get(row)!.status !== DOCUMENT_T1_2024[row])).toEqual([4]);
  });

  test('the named real rows', () => {
    expect(byRow.get(9)).toMatchObject({ status: 'delvis', value: 16.1, target: 15.4, direction: 'lower' });
    expect(byRow.get(9)!.achievement).toBeCloseTo(0.957, 3);
    expect(byRow.get(60)).toMatchObject({ status: 'inte', value: 50, target: 80 });
    expect(byRow.get(56)).toMatchObject({ status: 'helt', achievement: 1.125 });
    expect(byRow.get(5)).toMatchObject({ status: 'ej_bedomd', targetSource: 'none' });
    expect(byRow.get(12)).toMatchObject({ status: 'ej_matt', valueSource: 'none' });
  });

  test('SPEC 5.5: the proposal equals the stated assessment for 38 of 44 goals', () => {
    expect(goals.filter((g) => g.goal.stated === g.proposed)).toHaveLength(38);
  });

  test('the rules raise no false alarms on the real workbook: infos only, each at its cell', () => {
    expect(issues.map((i) => [i.severity, i.code, i.sheet, i.cell])).toEqual([
      ['info', 'I_TARGET_FROM_KF', 'Indikatorer', 'K2'],
      ['info', 'I_TARGET_PENDING', 'Indikatorer', 'K5'],
      ['info', 'I_TARGET_PENDING', 'Indikatorer', 'K17'],
      ['info', 'I_TARGET_PENDING', 'Indikatorer', 'K30'],
      ['info', 'I_ASSESSMENT_DIFFERS', 'Mål', 'D21'],
      ['info', 'I_ASSESSMENT_DIFFERS', 'Mål', 'D34'],
      ['info', 'I_ASSESSMENT_DIFFERS', 'Mål', 'D41'],
      // The 14 goals stated helt with a blank Analys (Mål.tsv column E): 1.2.1, 1.3.4, 1.3.5, 1.5.1, 2.2.1, 2.2.2, 2.3.1,
      // 2.4.1, 3.2.1, 3.2.2, 3.3.1, 3.4.1, 3.6.1, 3.7.2.
      ...[6, 11, 12, 17, 22, 23, 25, 27, 32, 33, 35, 37, 42, 45].map((row) => ['info', 'W_ANALYSIS_MISSING', 'Mål', `E${row}`]),
    ]);
  });

  test('English when the workbook language is English', () => {
    const en = assess(readWorkbook(eavTextWorkbook(), { lang: 'en' }).model);
    const g = en.goals.find((r) => r.goal.number === '1.2')!;
    expect(g.sentence).toBe(
      'Three of six indicators are assessed as fully met and two as partly met. One indicator cannot be assessed yet. The committee goal is assessed as fully met.',
    );
    expect(en.issues.find((i) => i.code === 'I_TARGET_PENDING')!.message).toMatch(/not set yet/);
  });
});

describe('assess on a hand-built model', () => {
  function model(indicators: Indicator[]): WorkbookModel {
    return {
      settings: settings(),
      goals: [makeGoal('3'), makeGoal('3.2')],
      indicators,
      activities: [],
      budget: [],
      tables: [],
      hasGoalsSheet: true,
    };
  }

  test('an empty model gives ej_bedomd goals and no issues', () => {
    const result = assess(model([]));
    expect(result.indicators).toEqual([]);
    expect(result.goals.map((g) => [g.goal.number, g.proposed, g.sentence])).toEqual([
      ['3', 'ej_bedomd', 'Verksamhetsområdesmålet kan inte bedömas än.'],
      ['3.2', 'ej_bedomd', ''],
    ]);
    expect(result.issues).toEqual([]);
  });

  test('indicator issues come with the goal issues (row 60 without comment under 3.2 stated helt, no Analys)', () => {
    const m = model([fixtureIndicator(60, { Kommentar: null })]);
    m.goals[1] = makeGoal('3.2', { stated: 'helt', row: 30 });
    const result = assess(m);
    expect(result.goals[1]).toMatchObject({ proposed: 'inte', score: 0 });
    expect(result.goals[0]).toMatchObject({ proposed: 'helt' }); // 3.2 counts with its stated helt
    expect(result.issues.map((i) => i.code)).toEqual(['W_DEVIATION_UNCOMMENTED', 'W_ASSESSMENT_UNMOTIVATED', 'I_ASSESSMENT_DIFFERS', 'W_ANALYSIS_MISSING']);
  });
});
