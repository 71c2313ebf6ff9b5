// Tests for the Underlag sentences (SPEC 5.6) in Swedish and English.
import { countsSentence, goalSentence, judgementSentence, levelSentence, numberWord, planSentence } from '../../../core/judge/sentence';
import type { Judgements, Status } from '../../../core/types';

const repeat = (status: Status, n: number): Status[] => Array.from({ length: n }, () => status);

describe('numberWord', () => {
  test('words with en/ett by gender up to twelve, digits from 13 (SPEC 5.6)', () => {
    expect(numberWord(1, 'sv', 'en')).toBe('en');
    expect(numberWord(1, 'sv', 'ett')).toBe('ett');
    expect(numberWord(6, 'sv')).toBe('sex');
    expect(numberWord(12, 'sv')).toBe('tolv');
    expect(numberWord(13, 'sv')).toBe('13');
    expect(numberWord(20, 'sv')).toBe('20');
    expect(numberWord(12, 'en')).toBe('twelve');
    expect(numberWord(13, 'en')).toBe('13');
    expect(numberWord(21, 'sv')).toBe('21');
    expect(numberWord(3, 'en')).toBe('three');
    expect(numberWord(44, 'en')).toBe('44');
  });
});

describe('goalSentence (sv)', () => {
  test('goal 1.2 of T1 2024: three of six helt and two delvis, one cannot be assessed', () => {
    expect(goalSentence({ helt: 3, delvis: 2, ej_bedomd: 1 }, 'indikator', 'sv')).toBe(
      'Bedömningen grundar sig på att tre av sex indikatorer bedöms uppfyllas helt och två delvis. En indikator kan inte bedömas än.',
    );
  });

  test('one status for all: Samtliga / Båda / the single indicator', () => {
    expect(goalSentence({ helt: 3 }, 'indikator', 'sv')).toBe('Samtliga tre indikatorer bedöms uppfyllas helt.');
    expect(goalSentence({ helt: 2 }, 'indikator', 'sv')).toBe('Båda indikatorerna bedöms uppfyllas helt.');
    expect(goalSentence({ delvis: 1 }, 'indikator', 'sv')).toBe('Indikatorn bedöms uppfyllas delvis.');
    expect(goalSentence({ inte: 1 }, 'indikator', 'sv')).toBe('Indikatorn bedöms inte uppfyllas.');
    expect(goalSentence({ helt: 2 }, 'mal', 'sv')).toBe('Båda målen bedöms uppfyllas helt.');
    expect(goalSentence({ helt: 14 }, 'indikator', 'sv')).toBe('Samtliga 14 indikatorer bedöms uppfyllas helt.');
  });

  test('zero counts left out, lists joined with commas and och, inte last', () => {
    expect(goalSentence({ helt: 5, delvis: 0, inte: 1 }, 'indikator', 'sv')).toBe(
      'Bedömningen grundar sig på att fem av sex indikatorer bedöms uppfyllas helt och en inte.',
    );
    expect(goalSentence({ helt: 3, delvis: 6, inte: 1 }, 'indikator', 'sv')).toBe(
      'Bedömningen grundar sig på att tre av tio indikatorer bedöms uppfyllas helt, sex delvis och en inte.',
    );
    expect(goalSentence({ delvis: 1, inte: 2 }, 'indikator', 'sv')).toBe(
      'Bedömningen grundar sig på att en av tre indikatorer bedöms uppfyllas delvis och två inte.',
    );
    expect(goalSentence({ inte: 2, ej_matt: 1 }, 'indikator', 'sv')).toBe(
      'Bedömningen grundar sig på att två av tre indikatorer inte bedöms uppfyllas. En indikator kan inte bedömas än.',
    );
  });

  test('ej_bedomd and ej_matt are counted together as "kan inte bedömas än"', () => {
    expect(goalSentence({ helt: 1, ej_bedomd: 1, ej_matt: 1 }, 'indikator', 'sv')).toBe(
      'Bedömningen grundar sig på att en av tre indikatorer bedöms uppfyllas helt. Två indikatorer kan inte bedömas än.',
    );
    expect(goalSentence({ ej_matt: 1 }, 'indikator', 'sv')).toBe('Indikatorn kan inte bedömas än.');
    expect(goalSentence({ ej_matt: 2, ej_bedomd: 1 }, 'indikator', 'sv')).toBe('Ingen av de tre indikatorerna kan bedömas än.');
    expect(goalSentence({ ej_bedomd: 2 }, 'mal', 'sv')).toBe('Inget av de två målen kan bedömas än.');
  });

  test('mål is neuter: ett', () => {
    expect(goalSentence({ helt: 1, delvis: 1, ej_bedomd: 1 }, 'mal', 'sv')).toBe(
      'Bedömningen grundar sig på att ett av tre mål bedöms uppfyllas helt och ett delvis. Ett mål kan inte bedömas än.',
    );
  });

  test('nothing to count gives an empty text', () => {
    expect(goalSentence({}, 'indikator', 'sv')).toBe('');
  });
});

describe('countsSentence for sub-goals', () => {
  test('nämndmål sentences', () => {
    expect(countsSentence({ helt: 1 }, 'namndmal', 'sv', false)).toBe('Nämndmålet bedöms uppfyllas helt.');
    expect(countsSentence({ helt: 2 }, 'namndmal', 'sv', false)).toBe('Båda nämndmålen bedöms uppfyllas helt.');
    expect(countsSentence({ helt: 4, delvis: 1 }, 'namndmal', 'sv', false)).toBe('Fyra av fem nämndmål bedöms uppfyllas helt och ett delvis.');
    expect(countsSentence({ inte: 1, helt: 0, ej_bedomd: 1 }, 'namndmal', 'sv', false)).toBe(
      'Ett av två nämndmål bedöms inte uppfyllas. Ett nämndmål kan inte bedömas än.',
    );
    expect(countsSentence({ helt: 4, delvis: 1 }, 'verksamhetsomradesmal', 'sv', true)).toBe(
      'Bedömningen grundar sig på att fyra av fem verksamhetsområdesmål bedöms uppfyllas helt och ett delvis.',
    );
  });
});

describe('goalSentence (en)', () => {
  test('the English equivalents', () => {
    expect(goalSentence({ helt: 3, delvis: 2, ej_bedomd: 1 }, 'indikator', 'en')).toBe(
      'Three of six indicators are assessed as fully met and two as partly met. One indicator cannot be assessed yet.',
    );
    expect(goalSentence({ helt: 3 }, 'indikator', 'en')).toBe('All three indicators are assessed as fully met.');
    expect(goalSentence({ helt: 2 }, 'indikator', 'en')).toBe('Both indicators are assessed as fully met.');
    expect(goalSentence({ delvis: 1 }, 'indikator', 'en')).toBe('The indicator is assessed as partly met.');
    expect(goalSentence({ helt: 1, inte: 2, ej_matt: 2 }, 'indikator', 'en')).toBe(
      'One of five indicators is assessed as fully met and two as not met. Two indicators cannot be assessed yet.',
    );
    expect(goalSentence({ ej_matt: 2 }, 'indikator', 'en')).toBe('Neither indicator can be assessed yet.');
    expect(goalSentence({ ej_matt: 3 }, 'mal', 'en')).toBe('None of the three goals can be assessed yet.');
    expect(countsSentence({ helt: 2 }, 'namndmal', 'en')).toBe('Both committee goals are assessed as fully met.');
  });
});

describe('levelSentence', () => {
  test('the summary sentence per level (13 and above as digits)', () => {
    const statuses = [...repeat('helt', 13), ...repeat('delvis', 3)];
    expect(levelSentence('verksamhetsomradesmal', statuses, 'sv')).toBe('Av målen för verksamhetsområdena bedöms 13 uppfyllas helt och tre delvis.');
    expect(levelSentence('verksamhetsomradesmal', statuses, 'en')).toBe(
      'Of the goals for the areas of activity, 13 are assessed as fully met and three as partly met.',
    );
  });

  test('other levels, inte, unassessed goals, and nothing at all', () => {
    expect(levelSentence('namndmal', ['helt', 'inte', 'ej_bedomd', 'ej_matt'], 'sv')).toBe(
      'Av nämndmålen bedöms ett uppfyllas helt och ett inte. Två kan inte bedömas än.',
    );
    expect(levelSentence('inriktningsmal', ['inte', 'inte'], 'sv')).toBe('Av inriktningsmålen bedöms två inte uppfyllas.');
    expect(levelSentence('enhetsmal', ['ej_bedomd'], 'sv')).toBe('Inget av enhetsmålen kan bedömas än.');
    expect(levelSentence('namndmal', ['helt', 'ej_bedomd'], 'en')).toBe('Of the committee goals, one is assessed as fully met. One cannot be assessed yet.');
    expect(levelSentence('namndmal', [...repeat('helt', 25)], 'sv')).toBe('Av nämndmålen bedöms 25 uppfyllas helt.');
    expect(levelSentence('namndmal', [], 'sv')).toBe('');
  });

  test('proposals standing in for a missing stated assessment are named: "… varav ett enligt Målkolls förslag"', () => {
    expect(levelSentence('namndmal', [...repeat('helt', 10), 'delvis'], 'sv', 1)).toBe('Av nämndmålen bedöms tio uppfyllas helt och ett delvis, varav ett enligt Målkolls förslag.');
    expect(levelSentence('namndmal', ['helt', 'helt', 'ej_bedomd'], 'sv', 2)).toBe('Av nämndmålen bedöms två uppfyllas helt, varav två enligt Målkolls förslag. Ett kan inte bedömas än.');
    expect(levelSentence('namndmal', ['helt', 'delvis'], 'en', 1)).toBe("Of the committee goals, one is assessed as fully met and one as partly met, one of them by Målkoll's proposal.");
  });
});

describe('activity sentence (a goal judged on its activities alone)', () => {
  const { activitySentence } = require('../../../core/judge/sentence') as typeof import('../../../core/judge/sentence');
  it.each([
    [1, 0, 'sv', 'Aktiviteten bedöms genomföras enligt plan.'],
    [2, 0, 'sv', 'Båda aktiviteterna bedöms genomföras enligt plan.'],
    [8, 0, 'sv', 'Samtliga åtta aktiviteter bedöms genomföras enligt plan.'],
    [1, 1, 'sv', 'Aktiviteten är försenad, avbruten eller inte klar i tid.'],
    [5, 1, 'sv', 'En av fem aktiviteter är försenad, avbruten eller inte klar i tid.'],
    [5, 2, 'sv', 'Två av fem aktiviteter är försenade, avbrutna eller inte klara i tid.'],
    [3, 0, 'en', 'All three activities are on track.'],
    [4, 2, 'en', 'Two of four activities are delayed, cancelled or overdue.'],
    [0, 0, 'sv', ''],
  ] as const)('%i activities, %i troubled (%s)', (total, troubled, lang, expected) => {
    expect(activitySentence(total, troubled, lang)).toBe(expected);
  });
});

describe('judgementSentence: stated judgements and indicators measured at the year end (SPEC 5.6)', () => {
  const j = (over: Partial<Judgements>): Judgements => ({ helt: 0, delvis: 0, inte: 0, stated: 0, pending: 0, yearEnd: 0, ...over });

  test('goal 1.3 of T1 2024 with the nämnd\'s judgements of its six annual indicators: the report\'s own "tre av tio … helt och sex … delvis"', () => {
    // Mål 1.3 Analys: "tre av tio indikatorer uppfylls helt och sex uppfylls delvis"; six of those nine are
    // annual indicators judged by the nämnd, the tenth has a pending target.
    expect(judgementSentence(j({ helt: 3, delvis: 6, stated: 6, pending: 1 }), 'sv')).toBe(
      'Bedömningen grundar sig på att tre av tio indikatorer bedöms uppfyllas helt och sex delvis, varav sex enligt nämndens bedömning. En indikator kan inte bedömas än.',
    );
  });

  test('every judgement stated: "enligt nämndens bedömning" / "samtliga enligt nämndens bedömning"', () => {
    expect(judgementSentence(j({ helt: 2, stated: 2 }), 'sv')).toBe('Båda indikatorerna bedöms uppfyllas helt enligt nämndens bedömning.');
    expect(judgementSentence(j({ helt: 3, stated: 3 }), 'sv')).toBe('Samtliga tre indikatorer bedöms uppfyllas helt enligt nämndens bedömning.');
    expect(judgementSentence(j({ inte: 1, stated: 1 }), 'sv')).toBe('Indikatorn bedöms inte uppfyllas enligt nämndens bedömning.');
    expect(judgementSentence(j({ helt: 3, inte: 1, stated: 4 }), 'sv')).toBe(
      'Bedömningen grundar sig på att tre av fyra indikatorer bedöms uppfyllas helt och en inte, samtliga enligt nämndens bedömning.',
    );
    expect(judgementSentence(j({ helt: 3, stated: 1 }), 'sv')).toBe('Samtliga tre indikatorer bedöms uppfyllas helt, varav en enligt nämndens bedömning.');
    expect(judgementSentence(j({ helt: 2, stated: 2 }), 'en')).toBe('Both indicators are assessed as fully met as stated by the committee.');
  });

  test('annual indicators in T1/T2 are "mäts först vid årets slut", never "kan inte bedömas än"', () => {
    expect(judgementSentence(j({ yearEnd: 1 }), 'sv')).toBe('Indikatorn mäts först vid årets slut.');
    expect(judgementSentence(j({ yearEnd: 2 }), 'sv')).toBe('Båda indikatorerna mäts först vid årets slut.');
    expect(judgementSentence(j({ yearEnd: 4 }), 'sv')).toBe('Samtliga fyra indikatorer mäts först vid årets slut.');
    expect(judgementSentence(j({ yearEnd: 2, pending: 1 }), 'sv')).toBe('Två indikatorer mäts först vid årets slut och en kan inte bedömas än.');
    expect(judgementSentence(j({ helt: 1, yearEnd: 4, pending: 1 }), 'sv')).toBe(
      'Bedömningen grundar sig på att en av sex indikatorer bedöms uppfyllas helt. Fyra indikatorer mäts först vid årets slut och en kan inte bedömas än.',
    );
    expect(judgementSentence(j({ yearEnd: 3 }), 'en')).toBe('All three indicators are measured only at the end of the year.');
    expect(judgementSentence(j({}), 'sv')).toBe('');
  });
});

describe('planSentence: what a plan holds per goal (SPEC 5.0)', () => {
  test('VP 2024 goal 1.1: two indicators, one with a target and one pending, a nämndmål and an activity', () => {
    // test/fixtures/eav-vp-2024: 1.1 has "Andel barn som lever i familjer …" (3 %) and "Andel barn och ungdomar som är nöjda …" (Fastställs 2024).
    const c = { indicators: 2, targetsSet: 1, pending: 1, subGoals: 1, subGoalNoun: 'namndmal' as const, activities: 1 };
    expect(planSentence(c, 'sv')).toBe('Målet har två indikatorer (en med årsmål och en där årsmålet inte är fastställt än), ett nämndmål och en aktivitet.');
    expect(planSentence(c, 'en')).toBe('The goal has two indicators (one with a target and one whose target is not set yet), one committee goal and one activity.');
    expect(planSentence({ ...c, indicators: 0, targetsSet: 0, pending: 0, subGoals: 0, activities: 0 }, 'sv')).toBe('Målet har inga indikatorer, undermål eller aktiviteter.');
  });
});
