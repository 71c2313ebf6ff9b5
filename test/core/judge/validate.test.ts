// Tests for the model validation of SPEC 4: one triggering and one quiet workbook per code, and the real T1 2024 workbook.
import { readWorkbook } from '../../../core/read/read';
import { validateModel } from '../../../core/judge/validate';
import type { CellValue, CheckOptions, Issue, WorkbookGrids } from '../../../core/types';
import * as path from 'path';
import { eavTextWorkbook, FIXTURE_DIR, tsvSheet } from '../../helpers/fixtures';
import { eavTypedWorkbook } from '../../helpers/typed-fixtures';

type Sheets = Record<string, CellValue[][]>;

function check(sheets: Sheets, options: CheckOptions = { period: 'Tertial 1 2024' }): Issue[] {
  const grids: WorkbookGrids = { sheets: Object.entries(sheets).map(([name, values]) => ({ name, values })) };
  const { model, issues } = readWorkbook(grids, options);
  return [...issues, ...validateModel(model)];
}

const GOALS_HEADER = ['Nivå', 'Nummer', 'Mål'];
const goals = (...rows: CellValue[][]): CellValue[][] => [GOALS_HEADER, ...rows];
const KF_TREE = [
  ['Inriktningsmål', '1', 'A'],
  ['Verksamhetsområdesmål', '1.1', 'B'],
  ['Nämndmål', '1.1.1', 'C'],
];
const IND_HEADER = ['Mål', 'Indikator', 'Periodicitet', 'Periodens utfall', 'Utfall män', 'Utfall kvinnor', 'Årsmål', 'KF:s årsmål', 'Riktning'];
/** An indicator row: goal, name, periodicity, outcome, men, women, årsmål, KF:s årsmål, riktning. */
const indicators = (...rows: CellValue[][]): CellValue[][] => [IND_HEADER, ...rows];
const ACT_HEADER = ['Mål', 'Aktivitet', 'Startdatum', 'Slutdatum', 'Status'];
const activities = (...rows: CellValue[][]): CellValue[][] => [ACT_HEADER, ...rows];

/** A KF goal tree whose goals all have content, plus the given indicator rows. */
function withIndicators(...rows: CellValue[][]): Sheets {
  return { Mål: goals(...KF_TREE), Indikatorer: indicators(['1.1.1', 'Fyllnad', 'År', null, null, null, '5 st', null, null], ...rows) };
}

interface Case {
  code: string;
  cell: string; // sheet!cell of the triggering issue
  triggers: Sheets;
  quiet: Sheets;
  options?: CheckOptions;
}

const CASES: Case[] = [
  {
    code: 'E_GOAL_NUMBER',
    cell: 'Mål!B3',
    triggers: { Mål: goals(['Inriktningsmål', '1', 'A'], ['Verksamhetsområdesmål', '1.x', 'B']) },
    quiet: { Mål: goals(['Inriktningsmål', '1.', 'A']) },
  },
  {
    code: 'E_GOAL_DUPLICATE',
    cell: 'Mål!B3',
    triggers: { Mål: goals(['Inriktningsmål', '1', 'A'], ['Inriktningsmål', '1.', 'B']) },
    quiet: { Mål: goals(['Inriktningsmål', '1', 'A'], ['Inriktningsmål', '2', 'B']) },
  },
  {
    code: 'E_GOAL_PARENT_MISSING',
    cell: 'Mål!B4',
    triggers: { Mål: goals(['Inriktningsmål', '1', 'A'], ['Verksamhetsområdesmål', '1.1', 'B'], ['Nämndmål', '1.2.1', 'C']) },
    // A unit plan that uses only some levels: no verksamhetsområdesmål at all, so 1.1 is not missing.
    quiet: { Mål: goals(['Inriktningsmål', '1', 'A'], ['Nämndmål', '1.1.1', 'C']) },
  },
  {
    code: 'W_GOAL_LEVEL',
    cell: 'Mål!A2',
    triggers: { Mål: goals(['Nämndmål', '1', 'A']) },
    quiet: { Mål: goals(['KF:s inriktningsmål', '1', 'A']) },
  },
  {
    code: 'W_GOAL_EMPTY',
    cell: 'Mål!B4',
    triggers: { Mål: goals(...KF_TREE) },
    quiet: { Mål: goals(...KF_TREE), Aktiviteter: activities(['1.1.1', 'Gör', '2024-01-01', '2024-12-31', 'Pågår']) },
  },
  {
    code: 'E_UNKNOWN_GOAL',
    cell: 'Indikatorer!A3',
    triggers: withIndicators(['9.9', 'A', 'År', null, null, null, '5 st', null, null]),
    quiet: { Indikatorer: indicators(['9.9', 'A', 'År', null, null, null, '5 st', null, null]) },
  },
  {
    code: 'E_NAME_EMPTY',
    cell: 'Aktiviteter!B2',
    triggers: { Aktiviteter: activities(['1', null, '2024-01-01', '2024-12-31', 'Pågår']) },
    quiet: { Aktiviteter: activities(['1', 'Gör', '2024-01-01', '2024-12-31', 'Pågår']) },
  },
  {
    code: 'W_DUPLICATE_INDICATOR',
    cell: 'Indikatorer!B4',
    triggers: withIndicators(['1.1.1', 'Sjukfrånvaro', 'År', null, null, null, '5 %', null, null], ['1.1.1', 'sjukfrånvaro ', 'År', null, null, null, '6 %', null, null]),
    quiet: withIndicators(['1.1.1', 'Sjukfrånvaro', 'År', null, null, null, '5 %', null, null], ['1.1', 'Sjukfrånvaro', 'År', null, null, null, '6 %', '6 %', null]),
  },
  {
    code: 'W_KF_TARGET_ON_NAMNDMAL',
    cell: 'Indikatorer!H3',
    triggers: withIndicators(['1.1.1', 'A', 'År', null, null, null, '80 %', '80 %', null]),
    quiet: withIndicators(['1.1.1', 'A', 'År', null, null, null, '80 %', null, null]),
  },
  {
    code: 'W_KF_TARGET_MISSING',
    cell: 'Indikatorer!H3',
    triggers: withIndicators(['1.1', 'A', 'År', null, null, null, '80 %', null, null]),
    quiet: withIndicators(['1.1', 'A', 'År', null, null, null, '80 %', 'Tas fram av nämnd', null]),
  },
  {
    code: 'I_TARGET_LOOSER_THAN_KF',
    cell: 'Indikatorer!G3',
    triggers: withIndicators(['1.1', 'A', 'År', null, null, null, '75 %', '80 %', null]),
    // Counts are never compared (KF's are city-wide totals), nor a stricter % target.
    quiet: withIndicators(['1.1', 'A', 'År', null, null, null, '900 st', '11 000 st', null], ['1.1', 'B', 'År', null, null, null, '85 %', '80 %', null]),
  },
  {
    code: 'W_OUTCOME_MISSING',
    cell: 'Indikatorer!D3',
    triggers: withIndicators(['1.1.1', 'A', 'Tertial', null, null, null, '80 %', null, null]),
    quiet: withIndicators(['1.1.1', 'A', 'År', null, null, null, '80 %', null, null], ['1.1.1', 'B', 'Tertial', '78 %', null, null, '80 %', null, null]),
  },
  {
    code: 'W_GENDER_PARTIAL',
    cell: 'Indikatorer!F3',
    triggers: withIndicators(['1.1.1', 'A', 'År', '70 %', '69 %', null, '80 %', null, null]),
    quiet: withIndicators(['1.1.1', 'A', 'År', '70 %', '69 %', '73 %', '80 %', null, null]),
  },
  {
    code: 'W_GENDER_INCONSISTENT',
    cell: 'Indikatorer!D3',
    triggers: withIndicators(['1.1.1', 'A', 'År', '100 st', '30 st', '40 st', '80 st', null, null]),
    // Shares that add up to the total (real: 34,5 % = 2,3 % + 32,2 %), counts that add up, averages between the halves.
    quiet: withIndicators(
      ['1.1.1', 'A', 'År', '34,5 %', '2,3 %', '32,2 %', '35,5 %', null, null],
      ['1.1.1', 'B', 'År', '148 st', '64 st', '84 st', '1 330 st', null, null],
      ['1.1.1', 'C', 'År', '81', '82', '81', '80', null, null],
      ['1.1.1', 'D', 'År', '75 %', '77 %', '75 %', '76 %', null, null],
    ),
  },
  {
    code: 'E_DATE_ORDER',
    cell: 'Aktiviteter!C2',
    triggers: { Aktiviteter: activities(['1', 'Gör', '2024-06-01', '2024-03-01', 'Genomförd']) },
    quiet: { Aktiviteter: activities(['1', 'Gör', '2024-03-01', '2024-03-01', 'Genomförd']) },
  },
  {
    code: 'W_DATE_OUTSIDE_YEAR',
    cell: 'Aktiviteter!D2',
    triggers: { Aktiviteter: activities(['1', 'Gör', '2024-01-01', '2025-03-01', 'Pågår']) },
    quiet: { Aktiviteter: activities(['1', 'Gör', '2023-12-01', '2024-12-31', 'Pågår']) },
  },
  {
    code: 'W_ACTIVITY_OVERDUE',
    cell: 'Aktiviteter!D2',
    triggers: { Aktiviteter: activities(['1', 'Gör', '2024-01-01', '2024-03-31', 'Pågår']) },
    quiet: { Aktiviteter: activities(['1', 'Gör', '2024-01-01', '2024-03-31', 'Genomförd'], ['1', 'Sen', '2024-01-01', '2024-04-30', 'Pågår']) },
  },
  {
    // Never in a plan: the same activity under "Verksamhetsplan 2024" (SPEC 5.0).
    code: 'W_ACTIVITY_OVERDUE',
    cell: 'Aktiviteter!D2',
    triggers: { Inställningar: [['Rapportperiod', 'Tertial 1 2024']], Aktiviteter: activities(['1', 'Gör', '2024-01-01', '2024-03-31', 'Pågår']) },
    quiet: { Inställningar: [['Rapportperiod', 'Verksamhetsplan 2024']], Aktiviteter: activities(['1', 'Gör', '2024-01-01', '2024-03-31', 'Pågår']) },
    options: {},
  },
  {
    // Real VP 2024 rows: KF "Tas fram av nämnd" with the nämnd's 95,5 % (quiet); the same with the nämnd's target blank or pending.
    code: 'W_TARGET_LEFT_TO_NAMND',
    cell: 'Indikatorer!G3',
    triggers: withIndicators(['1.1', 'Inskrivningsgrad i förskola', 'År', null, null, null, null, 'Tas fram av nämnd', null]),
    quiet: withIndicators(['1.1', 'Inskrivningsgrad i förskola', 'År', null, null, null, '95,5 %', 'Tas fram av nämnd', null], ['1.1', 'Andel nöjda', 'År', null, null, null, null, 'Fastställs 2024', null]),
  },
  {
    code: 'W_TARGET_LEFT_TO_NAMND',
    cell: 'Indikatorer!G3',
    triggers: withIndicators(['1.1', 'Andel elektroniska inköp', 'År', null, null, null, 'Fastställs 2024', 'Tas fram av nämnd/styrelse', null]),
    quiet: withIndicators(['1.1', 'Andel elektroniska inköp', 'År', null, null, null, '55 %', 'Tas fram av nämnd/styrelse', null]),
  },
  {
    // A goals sheet with the column: the nämndmål without one is named; KF's goals need none.
    code: 'W_EXPECTED_RESULT_MISSING',
    cell: 'Mål!D4',
    triggers: {
      Mål: [[...GOALS_HEADER, 'Förväntat resultat'], ['Inriktningsmål', '1', 'A', null], ['Verksamhetsområdesmål', '1.1', 'B', null], ['Nämndmål', '1.1.1', 'C', null]],
      Indikatorer: indicators(['1.1.1', 'Fyllnad', 'År', null, null, null, '5 st', null, null]),
    },
    quiet: {
      Mål: [[...GOALS_HEADER, 'Förväntat resultat'], ['Inriktningsmål', '1', 'A', null], ['Verksamhetsområdesmål', '1.1', 'B', null], ['Nämndmål', '1.1.1', 'C', 'Flickors deltagande på fritidsgårdarna ökar']],
      Indikatorer: indicators(['1.1.1', 'Fyllnad', 'År', null, null, null, '5 st', null, null]),
    },
  },
  {
    // Without the column (the VP 2024 fixture's Mål sheet) nothing is missing.
    code: 'W_EXPECTED_RESULT_MISSING',
    cell: 'Mål!D4',
    triggers: { Mål: [[...GOALS_HEADER, 'Förväntade resultat'], ['Inriktningsmål', '1', 'A', null], ['Verksamhetsområdesmål', '1.1', 'B', null], ['Nämndmål', '1.1.1', 'C', ' ']] },
    quiet: { Mål: goals(...KF_TREE) },
  },
];

describe.each(CASES)('$code', ({ code, cell, triggers, quiet, options }) => {
  test('triggers on the cell that holds the problem', () => {
    const found = check(triggers, options).filter((i) => i.code === code);
    expect(found.map((i) => `${i.sheet}!${i.cell}`)).toEqual([cell]);
    expect(found[0].message.length).toBeGreaterThan(20);
  });
  test('stays quiet when all is well', () => {
    expect(check(quiet, options).filter((i) => i.code === code)).toEqual([]);
  });
});

describe('details', () => {
  test('E_UNKNOWN_GOAL only when a goals sheet exists, also for activities and blank goal numbers', () => {
    const issues = check({ ...withIndicators(), Aktiviteter: activities(['7', 'Gör', null, null, null], [null, 'Utan mål', null, null, null]) });
    expect(issues.filter((i) => i.code === 'E_UNKNOWN_GOAL').map((i) => [i.cell, i.message])).toEqual([
      ['A2', 'Aktiviteten hör till målnummer "7", som inte finns i bladet med mål; ange ett målnummer därifrån.'],
      ['A3', 'Aktiviteten saknar målnummer; ange numret på ett mål i bladet med mål.'],
    ]);
  });

  test('I_TARGET_LOOSER_THAN_KF for lower-is-better: from Riktning, or from a max bound', () => {
    const issues = check(
      withIndicators(
        ['1.1', 'Barnfattigdom', 'År', null, null, null, '3 %', '2,7 %', 'Lägre är bättre'],
        ['1.1', 'Andel', 'År', null, null, null, 'Max 5 %', '4 %', null],
        ['1.1', 'Strängare', 'År', null, null, null, '2 %', '2,7 %', 'Lägre är bättre'],
      ),
    );
    const looser = issues.filter((i) => i.code === 'I_TARGET_LOOSER_THAN_KF');
    expect(looser.map((i) => i.cell)).toEqual(['G3', 'G4']);
    expect(looser[0].message).toBe('Nämndens årsmål "3 %" är mindre ambitiöst än KF:s årsmål "2,7 %" (lägre är bättre).');
  });

  test('I_TARGET_LOOSER_THAN_KF under a direction from a name keyword or the default, never the wrong way round', () => {
    const issues = check(
      withIndicators(
        ['1.1', 'Andel barn som lever i familjer som har ekonomiskt bistånd', 'År', null, null, null, '3 %', '2,7 %', null],
        ['1.1', 'Sjukfrånvaro', 'År', null, null, null, '6 %', '7 %', null],
        ['1.1', 'Andel nöjda', 'År', null, null, null, '75 %', '80 %', null],
        ['1.1', 'Nämndens budgetföljsamhet', 'År', null, null, null, '99 %', '100 %', null],
      ),
    );
    const looser = issues.filter((i) => i.code === 'I_TARGET_LOOSER_THAN_KF');
    // Sjukfrånvaro 6 % against KF 7 % is stricter (lower is better); budgetföljsamhet is exact: no "more ambitious".
    expect(looser.map((i) => i.cell)).toEqual(['G3', 'G5']);
    expect(looser[0].message).toBe('Nämndens årsmål "3 %" är mindre ambitiöst än KF:s årsmål "2,7 %" (lägre är bättre).');
    expect(looser[1].message).toContain('(högre är bättre)');
  });

  test('I_TARGET_LOOSER_THAN_KF: the two real VP 2024 rows with a keyword direction (no Riktning column)', () => {
    const dir = path.join(FIXTURE_DIR, 'eav-vp-2024');
    const grids = { sheets: ['Inställningar', 'Mål', 'Indikatorer'].map((name) => tsvSheet(name, path.join(dir, `${name}.tsv`))) };
    const { model, issues } = readWorkbook(grids, {});
    const looser = [...issues, ...validateModel(model)].filter((i) => i.code === 'I_TARGET_LOOSER_THAN_KF');
    // Row 3: "1.1 | Andel barn som lever i familjer som har ekonomiskt bistånd | Tertial | 3 % | 2,7 %"
    // Row 58: "3.2 | Andel vuxna med långvarigt ekonomiskt bistånd jämfört med samtliga vuxna invånare | Tertial | 1,2 % | 1,0 %"
    expect(looser.map((i) => `${i.cell} ${i.message}`)).toEqual([
      'D3 Nämndens årsmål "3 %" är mindre ambitiöst än KF:s årsmål "2,7 %" (lägre är bättre).',
      'D58 Nämndens årsmål "1,2 %" är mindre ambitiöst än KF:s årsmål "1 %" (lägre är bättre).',
    ]);
  });

  test('W_ACTIVITY_OVERDUE says what to do for each case, naming the sheet\'s own headers', () => {
    const message = (sheets: Sheets): string => check(sheets).find((i) => i.code === 'W_ACTIVITY_OVERDUE')!.message;
    // Real T1 2024 Aktiviteter row 86 (no Status column): "… 2024-01-01 | 2024-03-31 |" with a blank Avvikelse.
    const noStatus = { Aktiviteter: [['Mål', 'Aktivitet', 'Startdatum', 'Slutdatum', 'Avvikelse'], ['1', 'Gör', '2024-01-01', '2024-03-31', null]] };
    expect(message(noStatus)).toBe(
      'Aktiviteten skulle vara klar 2024-03-31, före periodens slut 2024-04-30 (Tertial 1 2024), men bladet har ingen kolumn Status som visar hur det gick; lägg till kolumnen Status och ange Genomförd, Avbruten eller Försenad (med en förklaring i "Avvikelse").',
    );
    const header = ['Mål', 'Aktivitet', 'Startdatum', 'Slutdatum', 'Status', 'Avvikelser 2024'];
    const late = (deviation: string | null) => ({ Aktiviteter: [header, ['1', 'Gör', '2024-01-01', '2024-03-31', 'Försenad', deviation]] });
    // Försenad: never "set Försenad" again
    expect(message(late(null))).toBe(
      'Aktiviteten skulle vara klar 2024-03-31, före periodens slut 2024-04-30 (Tertial 1 2024), och är försenad; förklara förseningen och den nya tidplanen i "Avvikelser 2024".',
    );
    expect(message(late('Klar i juni.'))).toBe(
      'Aktiviteten skulle vara klar 2024-03-31, före periodens slut 2024-04-30 (Tertial 1 2024), och är försenad; ange Genomförd när den är klar, eller Avbruten.',
    );
    expect(message({ Aktiviteter: [header, ['1', 'Gör', '2024-01-01', '2024-03-31', 'Pågår', null]] })).toBe(
      'Aktiviteten skulle vara klar 2024-03-31, före periodens slut 2024-04-30 (Tertial 1 2024), men "Status" är Pågår; ange Genomförd, Avbruten eller Försenad med en förklaring i "Avvikelser 2024".',
    );
  });

  test('messages name the user\'s own header: "Utfall VB 2023", "Utfall män/ pojkar", "Utfall 2024"', () => {
    const header = ['Mål', 'Indikator', 'Periodicitet', 'Utfall 2024', 'Utfall män/ pojkar', 'Utfall kvinnor/ flickor', 'Årsmål', 'Utfall VB 2023'];
    const issues = check({ Mål: goals(...KF_TREE), Indikatorer: [header, ['1.1.1', 'A', 'Tertial', null, '40 %', null, '80 %', 'abc']] });
    const byCode = (code: string) => issues.find((i) => i.code === code)!.message;
    expect(byCode('E_NUMBER')).toContain('"Utfall VB 2023"');
    expect(byCode('W_GENDER_PARTIAL')).toBe('Bara "Utfall män/ pojkar" är ifyllt ("40 %"); fyll i "Utfall kvinnor/ flickor" också, eller ingen av dem.');
    expect(byCode('W_OUTCOME_MISSING')).toBe('Utfall 2024 saknas för "A", som mäts per tertial; fyll i utfallet för Tertial 1 2024.');
  });

  test('the real T1 2024 unit infos name "Utfall VB 2023", not "Utfall föregående år"', () => {
    const { model, issues } = readWorkbook(eavTextWorkbook(), {});
    const all = [...issues, ...validateModel(model)].map((i) => i.message);
    expect(all.filter((m) => m.includes('"Utfall VB 2023"')).length).toBeGreaterThan(0);
    expect(all.filter((m) => m.includes('Utfall föregående år'))).toEqual([]);
  });

  test('W_OUTCOME_MISSING only in a T1/T2 report', () => {
    const sheets = withIndicators(['1.1.1', 'A', 'Månad', null, null, null, '80 %', null, null]);
    expect(check(sheets, { period: 'T2 2024' }).filter((i) => i.code === 'W_OUTCOME_MISSING')).toHaveLength(1);
    expect(check(sheets, { period: 'Helår 2024' }).filter((i) => i.code === 'W_OUTCOME_MISSING')).toHaveLength(0);
    expect(check(sheets, { period: 'T3 2024' }).filter((i) => i.code === 'W_OUTCOME_MISSING')).toHaveLength(0);
    expect(check(sheets, { period: 'Jan-april 2024' }).filter((i) => i.code === 'W_OUTCOME_MISSING')).toHaveLength(1);
    expect(check(sheets, { period: 'Verksamhetsplan 2024' }).filter((i) => i.code === 'W_OUTCOME_MISSING')).toHaveLength(0);
  });

  test('W_DATE_OUTSIDE_YEAR uses Planår and points at a start date after it', () => {
    const issues = check({ Inställningar: [['Planår', '2024']], Aktiviteter: activities(['1', 'Gör', '2025-01-01', '2025-06-30', null]) }, {});
    expect(issues.map((i) => `${i.code} ${i.cell}`)).toEqual(['W_DATE_OUTSIDE_YEAR C2']);
  });

  test('messages are English when the language is en', () => {
    const [issue] = check({ Mål: goals(['Inriktningsmål', '1.x', 'A']) }, { lang: 'en' }).filter((i) => i.code === 'E_GOAL_NUMBER');
    expect(issue.message).toBe('Goal number "1.x" should be digits separated by dots, e.g. 1.2.3.');
    const [sv] = check({ Mål: goals(['Inriktningsmål', '1.x', 'A']) }).filter((i) => i.code === 'E_GOAL_NUMBER');
    expect(sv.message).toBe('Målnummer "1.x" ska vara siffror åtskilda av punkter, t.ex. 1.2.3.');
  });

  test('two goals tables are checked for duplicates separately', () => {
    const issues = check({ Mål: goals(['Inriktningsmål', '1', 'A']), Blad2: [['Nummer', 'Mål'], ['1', 'A']] });
    expect(issues.filter((i) => i.code === 'E_GOAL_DUPLICATE')).toEqual([]);
  });
});

describe('the T1 2024 fixture workbook', () => {
  const OTHERS = /^(E_TARGET_MISSING|I_TARGET_PENDING|I_TARGET_FROM_KF|W_ASSESSMENT_UNMOTIVATED|I_ASSESSMENT_DIFFERS|W_DEVIATION_UNCOMMENTED|I_DIRECTION_ASSUMED|W_SEASONAL_FALLBACK|W_FORECAST_MISSING|[EW]_FIN_)/;

  for (const [name, load] of [['text', eavTextWorkbook], ['typed', eavTypedWorkbook]] as const) {
    test(`as ${name} cells: no error, and exactly the real findings`, () => {
      const { model, issues } = readWorkbook(load());
      const findings = validateModel(model);
      const all = [...issues, ...findings];
      expect(all.filter((i) => i.severity === 'error')).toEqual([]);
      expect(all.filter((i) => OTHERS.test(i.code))).toEqual([]);
      expect(findings.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
        'I_DOCUMENT_KIND Inställningar!B2',
        'W_GOAL_EMPTY Mål!B11',
        'W_GOAL_EMPTY Mål!B22',
        'I_TARGET_LOOSER_THAN_KF Indikatorer!J3',
        'I_TARGET_LOOSER_THAN_KF Indikatorer!J58',
        'W_GENDER_INCONSISTENT Indikatorer!E58',
        'W_ACTIVITY_OVERDUE Aktiviteter!D86',
      ]);
    });
  }

  test('W_GENDER_INCONSISTENT on the 1,13 % row, below both halves', () => {
    const { model } = readWorkbook(eavTextWorkbook());
    const [issue] = validateModel(model).filter((i) => i.code === 'W_GENDER_INCONSISTENT');
    expect(issue).toEqual({
      severity: 'warning',
      code: 'W_GENDER_INCONSISTENT',
      sheet: 'Indikatorer',
      cell: 'E58',
      message: 'Periodens utfall "1,13 %" stämmer inte med utfallen för män "1,7 %" och kvinnor "1,2 %": totalen borde ligga mellan 1,15 % och 1,75 %.',
    });
  });
});
