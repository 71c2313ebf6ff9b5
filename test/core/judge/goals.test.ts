// Tests for the proposed goal assessment (SPEC 5.5): scoring, activities, the hierarchy, and the stated-vs-proposed issues.
import { proposeFromActivities, proposeFromStatuses, proposeGoals } from '../../../core/judge/goals';
import { assessIndicator } from '../../../core/judge/indicator-status';
import type { Goal, IndicatorResult, Issue, Status } from '../../../core/types';
import { fixtureActivities, fixtureGoals, fixtureIndicator, fixtureIndicatorRows, makeActivity, makeGoal, settings } from '../assess-helpers';

/** A minimal indicator result with a status under a goal (what proposeGoals reads). */
function result(goal: string, status: Status): IndicatorResult {
  const indicator = fixtureIndicator(3, { Mål: goal });
  return { ...assessIndicator(indicator, settings(), []), status };
}

function propose(goals: Goal[], indicators: IndicatorResult[], activities = [] as ReturnType<typeof makeActivity>[], s = settings()) {
  const issues: Issue[] = [];
  const results = proposeGoals(goals, indicators, activities, s, issues);
  return { results, issues, byNumber: new Map(results.map((r) => [r.goal.number, r])) };
}

describe('proposeFromStatuses', () => {
  test('mean score: > 0,75 helt, 0,5–0,75 delvis, < 0,5 inte; ej_* left out', () => {
    expect(proposeFromStatuses(['helt', 'helt', 'helt', 'delvis'], 0.75, 0.5)).toEqual({ status: 'helt', score: 0.875 });
    expect(proposeFromStatuses(['helt', 'delvis'], 0.75, 0.5)).toEqual({ status: 'delvis', score: 0.75 });
    expect(proposeFromStatuses(['helt', 'inte'], 0.75, 0.5)).toEqual({ status: 'delvis', score: 0.5 });
    expect(proposeFromStatuses(['delvis', 'inte', 'ej_matt'], 0.75, 0.5)).toEqual({ status: 'inte', score: 0.25 });
    expect(proposeFromStatuses(['ej_matt', 'ej_bedomd'], 0.75, 0.5)).toEqual({ status: 'ej_bedomd', score: null });
  });

  test('the thresholds are parameters', () => {
    expect(proposeFromStatuses(['helt', 'delvis'], 0.7, 0.5).status).toBe('helt');
    expect(proposeFromStatuses(['helt', 'inte'], 0.75, 0.6).status).toBe('inte');
  });
});

describe('proposeFromActivities', () => {
  test('Försenad/Avbruten or overdue → delvis; others → helt; none → ej_bedomd', () => {
    expect(proposeFromActivities([makeActivity('1.2.1', 'pagar'), makeActivity('1.2.1', 'forsenad')])).toBe('delvis');
    expect(proposeFromActivities([makeActivity('1.2.1', 'avbruten')])).toBe('delvis');
    expect(proposeFromActivities([makeActivity('1.2.1', 'pagar', true)])).toBe('delvis');
    expect(proposeFromActivities([makeActivity('1.2.1', 'genomford'), makeActivity('1.2.1', null)])).toBe('helt');
    expect(proposeFromActivities([])).toBe('ej_bedomd');
  });
});

describe('proposeGoals on the T1 2024 fixture', () => {
  const s = settings();
  const indicators = fixtureIndicatorRows().map((row) => assessIndicator(fixtureIndicator(row), s, []));
  const { results, issues, byNumber } = propose(fixtureGoals(), indicators, fixtureActivities(), s);

  test('goal 1.2: 3 helt, 2 delvis, 1 ej_bedomd and the report\'s sentence', () => {
    const goal = byNumber.get('1.2')!;
    expect(goal.counts).toEqual({ helt: 3, delvis: 2, inte: 0, ej_bedomd: 1, ej_matt: 0 });
    expect(goal.sentence.startsWith('Bedömningen grundar sig på att tre av sex indikatorer bedöms uppfyllas helt och två delvis. En indikator kan inte bedömas än.')).toBe(true);
    expect(goal.sentence).toMatch(/Nämndmålet bedöms uppfyllas helt\.$/);
    expect(goal.proposed).toBe('helt'); // (3 + 1 + 1 [1.2.1 stated helt]) / 6
    expect(goal.score).toBeCloseTo(5 / 6, 12);
  });

  test('results in the goals\' order, one per goal', () => {
    expect(results.map((r) => r.goal.number)).toEqual(fixtureGoals().map((g) => g.number));
  });

  test('proposes what the nämnd stated for 38 of 44 goals; three others are unmeasured nämndmål without activities', () => {
    expect(results).toHaveLength(44);
    expect(results.filter((r) => r.goal.stated === r.proposed)).toHaveLength(38);
    const ejBedomd = results.filter((r) => r.proposed === 'ej_bedomd').map((r) => r.goal.number);
    expect(ejBedomd).toEqual(['1.3.2', '1.3.4', '2.2.1']);
    expect(byNumber.get('1.3.2')!.counts.ej_matt).toBe(4);
  });

  test('a nämndmål with no measured indicators is judged on its activities (1.3.1 → helt)', () => {
    expect(byNumber.get('1.3.1')).toMatchObject({ proposed: 'helt', score: null });
  });

  test('I_ASSESSMENT_DIFFERS at the Bedömning cell where stated ≠ proposed; none where the analysis motivates it', () => {
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ['I_ASSESSMENT_DIFFERS', 'D21'], // 2.2 stated delvis, proposed helt
      ['I_ASSESSMENT_DIFFERS', 'D34'], // 3.3 stated helt, proposed delvis (Analys written: no warning)
      ['I_ASSESSMENT_DIFFERS', 'D41'], // 3.6 stated delvis, proposed helt
    ]);
  });
});

describe('proposeGoals through the hierarchy', () => {
  test('a sub-goal contributes its stated assessment if present, else its proposal', () => {
    const goals = [makeGoal('1'), makeGoal('1.1'), makeGoal('1.1.1'), makeGoal('1.1.2', { stated: 'helt', analysis: 'x' })];
    const { byNumber } = propose(goals, [result('1.1.1', 'inte'), result('1.1.2', 'inte')]);
    expect(byNumber.get('1.1.1')!.proposed).toBe('inte');
    expect(byNumber.get('1.1')).toMatchObject({ proposed: 'delvis', score: 0.5 }); // inte (proposed) + helt (stated)
    expect(byNumber.get('1')).toMatchObject({ proposed: 'delvis', score: 0.5 });
  });

  test('deepest first, whatever the order of the rows', () => {
    const goals = [makeGoal('2'), makeGoal('2.1.1.1'), makeGoal('2.1'), makeGoal('2.1.1')];
    const { results } = propose(goals, [result('2.1.1.1', 'helt'), result('2.1.1.1', 'delvis')]);
    expect(results.map((r) => [r.goal.number, r.proposed])).toEqual([
      ['2', 'delvis'],
      ['2.1.1.1', 'delvis'],
      ['2.1', 'delvis'],
      ['2.1.1', 'delvis'],
    ]);
    expect(results[2].sentence).toBe('Nämndmålet bedöms uppfyllas delvis.');
    expect(results[3].sentence).toBe('Enhetsmålet bedöms uppfyllas delvis.');
  });

  test('only helt/delvis/inte of sub-goals count; ej_bedomd children fall back to activities', () => {
    const goals = [makeGoal('1.1'), makeGoal('1.1.1'), makeGoal('1.1.2')];
    const { byNumber } = propose(goals, [result('1.1', 'helt')], [makeActivity('1.1.2', 'forsenad')]);
    expect(byNumber.get('1.1.1')!.proposed).toBe('ej_bedomd');
    expect(byNumber.get('1.1.2')!.proposed).toBe('delvis');
    expect(byNumber.get('1.1')).toMatchObject({ proposed: 'delvis', score: 0.75 });
    expect(byNumber.get('1.1')!.sentence).toBe('Indikatorn bedöms uppfyllas helt. Ett av två nämndmål bedöms uppfyllas delvis. Ett nämndmål kan inte bedömas än.');
  });

  test('counts are of the goal\'s own indicators only', () => {
    const { byNumber } = propose([makeGoal('3'), makeGoal('3.1')], [result('3.1', 'helt'), result('3.1', 'ej_matt'), result('3', 'inte')]);
    expect(byNumber.get('3')!.counts).toEqual({ helt: 0, delvis: 0, inte: 1, ej_bedomd: 0, ej_matt: 0 });
    expect(byNumber.get('3.1')!.counts).toEqual({ helt: 1, delvis: 0, inte: 0, ej_bedomd: 0, ej_matt: 1 });
  });

  test('thresholds come from the settings', () => {
    const goals = [makeGoal('1.1')];
    const inds = [result('1.1', 'helt'), result('1.1', 'delvis')];
    expect(propose(goals, inds).byNumber.get('1.1')!.proposed).toBe('delvis');
    expect(propose(goals, inds, [], settings({ goalHeltAbove: 0.7 })).byNumber.get('1.1')!.proposed).toBe('helt');
  });
});

describe('stated against proposed', () => {
  const inds = [result('1.1', 'delvis'), result('1.1', 'delvis')];

  test('W_ASSESSMENT_UNMOTIVATED and I_ASSESSMENT_DIFFERS: stated better than proposed and Analys empty', () => {
    const { issues } = propose([makeGoal('1.1', { stated: 'helt', row: 5 })], inds);
    expect(issues.map((i) => [i.severity, i.code, i.sheet, i.cell])).toEqual([
      ['warning', 'W_ASSESSMENT_UNMOTIVATED', 'Mål', 'D5'],
      ['info', 'I_ASSESSMENT_DIFFERS', 'Mål', 'D5'],
    ]);
    expect(issues[0].message).toContain('Uppfylls helt');
    expect(issues[0].message).toContain('Uppfylls delvis');
  });

  test('a written Analys removes the warning, not the difference', () => {
    const { issues } = propose([makeGoal('1.1', { stated: 'helt', analysis: 'Arbetet pågår.' })], inds);
    expect(issues.map((i) => i.code)).toEqual(['I_ASSESSMENT_DIFFERS']);
  });

  test('a stated assessment worse than proposed only differs', () => {
    const { issues } = propose([makeGoal('1.1', { stated: 'inte' })], inds, [], settings({ lang: 'en' }));
    expect(issues.map((i) => i.code)).toEqual(['I_ASSESSMENT_DIFFERS']);
    expect(issues[0].message).toBe('The stated assessment "Not met" differs from the proposal "Partly met".');
  });

  test('nothing when equal, when nothing is stated, or when the proposal is ej_bedomd', () => {
    expect(propose([makeGoal('1.1', { stated: 'delvis' })], inds).issues).toEqual([]);
    expect(propose([makeGoal('1.1')], inds).issues).toEqual([]);
    expect(propose([makeGoal('1.1', { stated: 'helt' })], []).issues).toEqual([]);
  });
});

describe('Underlag of a goal proposed from its activities', () => {
  it('explains the proposal with the activities (real goal 1.2.1: four activities on plan)', () => {
    const { readWorkbook } = require('../../../core/read/read') as typeof import('../../../core/read/read');
    const { assess } = require('../../../core/judge/assess') as typeof import('../../../core/judge/assess');
    const { eavTextWorkbook } = require('../../helpers/fixtures') as typeof import('../../helpers/fixtures');
    const { model } = readWorkbook(eavTextWorkbook());
    const goal = assess(model).goals.find((g) => g.goal.number === '1.2.1');
    expect(goal?.proposed).toBe('helt');
    expect(goal?.sentence).toBe('Samtliga fyra aktiviteter bedöms genomföras enligt plan.');
  });
});

describe('the yearly cycle in the proposal (SPEC 5.0, 5.5)', () => {
  const goal = makeGoal('1.2.1');

  test('activities on a bare list (no Status or Avvikelse column) say nothing about progress: ej_bedomd', () => {
    // The VP 2024 Aktiviteter sheet: Mål, Aktivitet, Startdatum, Slutdatum only.
    const bare = { ...makeActivity('1.2.1', null), cells: {} };
    const { byNumber } = propose([goal], [], [bare, bare]);
    expect(byNumber.get('1.2.1')).toMatchObject({ proposed: 'ej_bedomd', score: null, sentence: '' });
    // The same activities on a sheet with a Status column (makeActivity) report progress: helt.
    expect(propose([goal], [], [makeActivity('1.2.1', 'pagar')]).byNumber.get('1.2.1')!.proposed).toBe('helt');
  });

  test('a plan proposes nothing and raises no assessment issue, whatever the indicators and the stated assessment', () => {
    const stated = makeGoal('1.1', { stated: 'helt' });
    const { results, issues } = propose([stated], [result('1.1', 'inte')], [makeActivity('1.1', 'forsenad')], settings({ document: 'plan', period: null }));
    expect(results[0]).toMatchObject({ proposed: 'ej_bedomd', score: null, sentence: 'Målet har en indikator (med årsmål) och en aktivitet.' });
    expect(issues).toEqual([]);
  });

  test('a stated judgement counts as the status would: the judged indicator is scored, an unjudged one is left out', () => {
    const judged = { ...result('1.1', 'ej_matt'), judged: 'inte' as const, judgedSource: 'stated' as const };
    const { byNumber } = propose([makeGoal('1.1')], [result('1.1', 'helt'), judged, result('1.1', 'ej_matt')]);
    // (1 + 0) / 2 = 0,5 → delvis; the third indicator has no judgement.
    expect(byNumber.get('1.1')).toMatchObject({ proposed: 'delvis', score: 0.5 });
    // The unjudged one is a tertial indicator (fixture row 3) without an outcome: it "cannot be assessed yet".
    expect(byNumber.get('1.1')!.judgements).toEqual({ helt: 1, delvis: 0, inte: 1, stated: 1, pending: 1, yearEnd: 0 });
  });
});
