// Tests for reading workbooks into the model: sheet discovery, header aliases, row reading, settings, and text vs typed cells.
import fc from 'fast-check';
import { canonicalHeaders, matchHeader, OUTPUT_SHEET_NAMES } from '../../../core/read/schema';
import { readWorkbook } from '../../../core/read/read';
import { normaliseGoalNumber, readActivityRow, readIndicatorRow } from '../../../core/read/rows';
import { validateModel } from '../../../core/judge/validate';
import type { CellValue, CheckOptions, Issue, Settings, SheetGrid, SheetKind, WorkbookGrids } from '../../../core/types';
import { eavTextWorkbook } from '../../helpers/fixtures';
import { eavTypedWorkbook, typeCell } from '../../helpers/typed-fixtures';

function workbook(sheets: Record<string, CellValue[][]>): WorkbookGrids {
  return { sheets: Object.entries(sheets).map(([name, values]) => ({ name, values })) };
}

function read(sheets: Record<string, CellValue[][]>, options?: CheckOptions) {
  return readWorkbook(workbook(sheets), options);
}

function codes(issues: Issue[]): string[] {
  return issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`);
}

const SETTINGS: Settings = {
  periodText: 'Tertial 1 2024',
  period: { text: 'Tertial 1 2024', kind: 'tertial', index: 1, year: 2024, months: 4 },
  partialThreshold: 0.8,
  lang: 'sv',
  planYear: 2024,
  goalHeltAbove: 0.75,
  goalDelvisFrom: 0.5,
};

const INDICATOR_HEADER = ['Mål', 'Indikator', 'Årsmål'];

describe('matchHeader', () => {
  const cases: [SheetKind, CellValue, string | null, boolean?][] = [
    ['goals', 'Nummer', 'number'],
    ['goals', 'Nr', 'number'],
    ['goals', 'Mål', 'title'],
    ['goals', 'MÅLFORMULERING', 'title'],
    ['goals', 'Nivå', 'level'],
    ['goals', 'Bedömning', 'stated'],
    ['goals', 'Motivering', 'analysis'],
    ['goals', 'Förslag', 'proposal', true],
    ['goals', 'Proposal', 'proposal', true],
    ['goals', 'Underlag', 'basis', true],
    ['goals', 'Basis', 'basis', true],
    ['indicators', 'Mål', 'goal'],
    ['indicators', 'Målnummer', 'goal'],
    ['indicators', 'Indikator', 'name'],
    ['indicators', 'Arsmål', 'arsmal'],
    ['indicators', ' Nämndens\nårsmål ', 'arsmal'],
    ['indicators', 'KF:s årsmål år 2024', 'kfArsmal'],
    ['indicators', 'KF:s årsmål:', 'kfArsmal'],
    ['indicators', 'Utfall', 'outcome'],
    ['indicators', 'Periodens utfall', 'outcome'],
    ['indicators', 'Utfall män/ pojkar', 'outcomeMen'],
    ['indicators', 'Utfall kvinnor/ flickor', 'outcomeWomen'],
    ['indicators', 'Utfall VB 2023', 'lastYear'],
    ['indicators', 'Utfall föregående år', 'lastYear'],
    ['indicators', 'Utfall fg år', 'lastYear'],
    ['indicators', 'Utfall föregående år samma period', 'lastYearSamePeriod'],
    ['indicators', 'Prognos helår', 'forecast'],
    ['indicators', 'Prognosmetod', 'method'],
    ['indicators', 'Riktning', 'direction'],
    ['indicators', 'Delvisgräns', 'partialThreshold'],
    ['indicators', 'Enhet', 'unit'],
    ['indicators', 'Analys', 'comment'],
    ['indicators', 'Beräknad prognos', 'forecastComputed', true],
    ['indicators', 'Computed forecast', 'forecastComputed', true],
    ['indicators', 'Status', 'status', true],
    ['indicators', 'Måluppfyllnad', 'achievement', true],
    ['indicators', 'Achievement', 'achievement', true],
    ['activities', 'Mål', 'goal'],
    ['activities', 'Aktivitet', 'name'],
    ['activities', 'Startdatum', 'start'],
    ['activities', 'Slutdatum', 'end'],
    ['activities', 'Status', 'status', false],
    ['activities', 'Avvikelse', 'deviation'],
    ['finance', 'Budget', 'budget'],
    ['finance', 'Begärda budgetjusteringar', 'justeringar'],
    ['finance', 'Prestations- och omslutningsförändringar', 'forandringar'],
    ['finance', 'Prognos (efter resultatöverföringar)', 'prognos'],
    ['finance', 'Prognos (före resultatöverföringar)', 'prognosFore'],
    ['finance', 'Prognos', 'prognos'],
    ['finance', 'Avvikelse', 'avvikelse'],
    ['finance', 'Mnkr Netto', 'label'],
    ['settings', 'Värde', 'value'],
    ['indicators', 'Kolumn X', null],
    ['indicators', null, null],
    ['indicators', '', null],
    ['goals', 'Indikator', null],
  ];
  test.each(cases)('%s: %p → %p', (kind, header, field, output = false) => {
    const hit = matchHeader(kind, header);
    if (field === null) expect(hit).toBeNull();
    else expect(hit).toEqual({ field, output });
  });
});

describe('canonicalHeaders', () => {
  test('indicator template headers in Swedish and English, outputs marked', () => {
    const sv = canonicalHeaders('indicators', 'sv');
    expect(sv.slice(0, 3).map((h) => h.header)).toEqual(['Mål', 'Indikator', 'Årsmål']);
    expect(sv.filter((h) => h.output).map((h) => h.header)).toEqual(['Beräknad prognos', 'Status', 'Måluppfyllnad', 'Förändring']);
    expect(sv.filter((h) => h.required).map((h) => h.field)).toEqual(['goal', 'name', 'arsmal']);
    const en = canonicalHeaders('goals', 'en');
    expect(en.map((h) => h.header)).toEqual(['Level', 'Number', 'Goal', 'Stated assessment', 'Analysis', 'Expected result', 'Actions', 'Previous assessment', 'Proposal', 'Basis', 'Change']);
  });
  test('every template header maps back to its field', () => {
    for (const kind of ['goals', 'indicators', 'activities', 'finance', 'settings'] as SheetKind[]) {
      for (const lang of ['sv', 'en'] as const) {
        for (const h of canonicalHeaders(kind, lang)) expect(matchHeader(kind, h.header)).toEqual({ field: h.field, output: h.output });
      }
    }
  });
  test('output sheet names', () => {
    expect(OUTPUT_SHEET_NAMES).toEqual({ summary: { sv: 'Sammanställning', en: 'Summary' }, validation: { sv: 'Valideringsrapport', en: 'Validation' }, record: '_malkoll' });
  });
});

describe('sheet discovery', () => {
  test('by name, case- and diacritic-insensitive, with aliases', () => {
    const { model, issues } = read({
      'MAL OCH BEDOMNING': [['Nummer', 'Mål'], ['1', 'Ett Stockholm']],
      indicators: [INDICATOR_HEADER, ['1', 'Andel', '80 %']],
      aktiviteter: [['Mål', 'Aktivitet'], ['1', 'Göra']],
      Driftbudget: [['Mnkr', 'Budget', 'Prognos'], ['Totalt', '10,0', '9,0']],
    });
    expect(issues).toEqual([]);
    expect(model.tables.map((t) => [t.kind, t.sheet])).toEqual([
      ['goals', 'MAL OCH BEDOMNING'],
      ['indicators', 'indicators'],
      ['activities', 'aktiviteter'],
      ['finance', 'Driftbudget'],
    ]);
    expect(model.hasGoalsSheet).toBe(true);
    expect([model.goals.length, model.indicators.length, model.activities.length, model.budget.length]).toEqual([1, 1, 1, 1]);
  });

  test('by header row within the first 20 rows, whatever the sheet is called', () => {
    const { model } = read({
      Blad1: [['Indikatorer för nämnden 2024'], [], ['Mål', 'Indikator', 'KF:s årsmål 2024', 'Utfall VB 2023'], ['1.1', 'Andel', '75 %', '70 %']],
    });
    expect(model.tables).toHaveLength(1);
    expect(model.tables[0]).toMatchObject({ kind: 'indicators', headerRow: 2, firstDataRow: 3, lastDataRow: 3, lastCol: 3, columns: { goal: 0, name: 1, kfArsmal: 2, lastYear: 3 } });
    expect(model.indicators[0].kfArsmal).toEqual({ kind: 'number', value: 75, unit: '%' });
    expect(model.hasGoalsSheet).toBe(false);
  });

  test('a header row below row 20 is not looked for', () => {
    const rows: CellValue[][] = Array.from({ length: 20 }, () => ['text']);
    const { model, issues } = read({ Blad1: [...rows, INDICATOR_HEADER, ['1', 'A', '1']] });
    expect(model.tables).toEqual([]);
    expect(codes(issues)).toEqual(['E_NO_INPUT Blad1!A1']);
  });

  test('a workbook with no input sheet at all gives E_NO_INPUT at A1 of the first sheet, naming what Målkoll looks for', () => {
    const { issues } = read({ Anteckningar: [['Att göra'], ['Ring Eva']], Inställningar: [['Rapportperiod', 'T1 2024']] });
    expect(codes(issues)).toEqual(['E_NO_INPUT Anteckningar!A1']);
    expect(issues[0].severity).toBe('error');
    for (const word of ['Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi', 'Indikator', 'Årsmål', 'Aktivitet', 'Budget', 'Prognos']) expect(issues[0].message).toContain(word);
    const en = read({ Notes: [['x']] }, { lang: 'en' }).issues;
    expect(en[0].message).toMatch(/^No sheet in the workbook is one Målkoll can check\. Målkoll looks for sheets named Goals/);
    expect(codes(read({}).issues)).toEqual(['E_NO_INPUT !A1']);
    // A named input sheet without its table is an input sheet (E_NO_TABLE says what is wrong), so no E_NO_INPUT.
    expect(codes(read({ Blad1: [['x']], Mål: [['x']] }).issues)).toEqual(['E_NO_TABLE Mål!A1']);
  });

  test("Målkoll's own sheets are never read as input", () => {
    const summary = [['Nivå', 'Nummer', 'Mål', 'Förslag'], ['Inriktningsmål', '1', 'Ett mål', 'Uppfylls helt']];
    const { model, issues } = read({
      Sammanställning: summary,
      Summary: summary,
      'Sammanställning (Målkoll)': summary,
      'Summary (Målkoll 2)': summary,
      _malkoll: [['Blad', 'Cell', 'Fyllning']],
      Validation: [['Allvarlighet', 'Kod', 'Blad', 'Cell', 'Meddelande']],
    });
    expect(model.tables).toEqual([]);
    expect(model.goals).toEqual([]);
    expect(codes(issues)).toEqual(['E_NO_INPUT Sammanställning!A1']);
  });

  test('a named sheet without its header row gives E_NO_TABLE at A1', () => {
    const { issues, model } = read({ Indikatorer: [['Anteckningar'], ['något']] });
    expect(codes(issues)).toEqual(['E_NO_TABLE Indikatorer!A1']);
    expect(issues[0].message).toContain('Indikator');
    expect(model.tables).toEqual([]);
  });

  test('a named sheet with an incomplete header row gives E_MISSING_COLUMN in that row', () => {
    const { issues, model } = read({ Indikatorer: [['Rubrik'], ['Mål', 'Indikator', 'Period'], ['1', 'A', 'T1 2024']] });
    expect(codes(issues)).toEqual(['E_MISSING_COLUMN Indikatorer!A2']);
    expect(issues[0].message).toContain('"Årsmål" eller "KF:s årsmål"');
    expect(model.indicators).toEqual([]);
  });

  test('a budget sheet without Prognos names the missing column', () => {
    const { issues, model } = read({ Ekonomi: [[null, 'Budget', 'Avvikelse'], ['Totalt', '1', '0']] });
    expect(codes(issues)).toEqual(['E_MISSING_COLUMN Ekonomi!A1']);
    expect(issues[0].message).toBe('Kolumnen "Prognos" saknas i rubrikraden (rad 1); den behövs för budgetraderna.');
    expect(model.budget).toEqual([]);
  });

  test('duplicate and unknown headers', () => {
    const { issues, model } = read({ Indikatorer: [['Mål', 'Indikator', 'Årsmål', 'Nämndens årsmål', 'Ansvarig'], ['1', 'A', '5', '6', 'Eva']] });
    expect(codes(issues)).toEqual(['E_DUPLICATE_COLUMN Indikatorer!D1', 'I_UNKNOWN_COLUMN Indikatorer!E1']);
    expect(model.indicators[0].arsmal).toEqual({ kind: 'number', value: 5, unit: null });
    expect(model.tables[0].lastCol).toBe(4);
  });

  test('existing output columns are found and never read as input', () => {
    const { model, issues } = read({
      Indikatorer: [[...INDICATOR_HEADER, 'Beräknad prognos', 'Status', 'Måluppfyllnad'], ['1', 'A', '5', '6', 'Uppfylls helt', '1'], [null, null, null, '1', 'Ej mätt', null]],
    });
    expect(issues).toEqual([]);
    expect(model.tables[0].outputColumns).toEqual({ forecastComputed: 3, status: 4, achievement: 5 });
    expect(model.indicators).toHaveLength(1);
    expect(model.tables[0].lastDataRow).toBe(1);
  });
});

describe('rows', () => {
  test('blank, empty-string and ragged cells are all blank; blank rows are skipped', () => {
    const { model } = read({ Indikatorer: [INDICATOR_HEADER, ['1', 'A'], ['', '  ', null], [], [undefined as unknown as CellValue], ['2', 'B', '']] });
    expect(model.indicators.map((i) => [i.row, i.goal, i.name, i.arsmal.kind])).toEqual([
      [1, '1', 'A', 'missing'],
      [5, '2', 'B', 'missing'],
    ]);
    expect(model.tables[0].lastDataRow).toBe(5);
  });

  test('goal numbers are normalised', () => {
    expect(normaliseGoalNumber('1.')).toEqual({ number: '1', valid: true });
    expect(normaliseGoalNumber(' 1.2. ')).toEqual({ number: '1.2', valid: true });
    expect(normaliseGoalNumber('1,2')).toEqual({ number: '1.2', valid: true });
    expect(normaliseGoalNumber(1.1)).toEqual({ number: '1.1', valid: true });
    expect(normaliseGoalNumber(3)).toEqual({ number: '3', valid: true });
    expect(normaliseGoalNumber('1.x')).toEqual({ number: '1.x', valid: false });
    expect(normaliseGoalNumber(null)).toEqual({ number: '', valid: false });
  });

  test('goals: level from Nivå (also KF wording and English) else from depth, stated assessment, parent', () => {
    const { model, issues } = read({
      Mål: [
        ['Nivå', 'Nummer', 'Mål', 'Bedömning', 'Analys'],
        ['KF:s inriktningsmål', '1.', 'A', '● Uppfylls helt', 'Bra'],
        ['KF:s mål för verksamhetsområdet', '1.1.', 'B', 'delvis', ''],
        [null, '1.1.1', 'C', null, null],
        ['Unit goal', '1.1.1.1', 'D', 'Not met', null],
        ['Huvudmål', '2', 'E', 'Kanske', null],
      ],
    });
    expect(model.goals.map((g) => [g.number, g.level, g.parent, g.stated])).toEqual([
      ['1', 'inriktningsmal', null, 'helt'],
      ['1.1', 'verksamhetsomradesmal', '1', 'delvis'],
      ['1.1.1', 'namndmal', '1.1', null],
      ['1.1.1.1', 'enhetsmal', '1.1.1', 'inte'],
      ['2', 'inriktningsmal', null, null],
    ]);
    expect(model.goals[0]).toMatchObject({ title: 'A', analysis: 'Bra', cells: { number: { sheet: 'Mål', row: 1, col: 1 } } });
    expect(codes(issues)).toEqual(['W_GOAL_LEVEL Mål!A6', 'E_ASSESSMENT_VALUE Mål!D6']);
    expect(issues[1].message).toBe('Bedömningen "Kanske" känns inte igen; ange Uppfylls helt, Uppfylls delvis, Uppfylls inte eller lämna tomt.');
  });

  test('indicator values: errors, invalid text, unit reconciliation, periodicity, period, direction, threshold', () => {
    const grid: SheetGrid = {
      name: 'Indikatorer',
      values: [
        ['Mål', 'Indikator', 'Periodicitet', 'Period', 'Periodens utfall', 'Årsmål', 'KF:s årsmål', 'Riktning', 'Delvisgräns', 'Prognosmetod', 'Kommentar'],
        ['1.1', 'A', 'Tertial', 'T1', '70', '75 %', 'Tas fram av nämnd', 'Lägre är bättre', '90 %', 'Linjär', ' Text '],
        ['1.1', 'B', 'Varannan vecka', 'Vecka 3', '#N/A', 'ungefär tio', null, '↑', 'mycket', null, null],
        ['1.1', 'C', null, null, '0,5', '40 %', '5 kr', 'Exakt', null, 'Säsong', null],
      ],
    };
    const { model, issues } = readWorkbook({ sheets: [grid] }, { period: 'Tertial 1 2024' });
    const [a, b, c] = model.indicators;
    expect(a).toMatchObject({
      periodicity: 'tertial',
      period: { kind: 'tertial', index: 1, year: 2024 },
      outcome: { kind: 'number', value: 70, unit: '%' },
      arsmal: { kind: 'number', value: 75, unit: '%' },
      kfArsmal: { kind: 'pending' },
      direction: 'lower',
      partialThreshold: 0.9,
      method: 'linjar',
      unit: '%',
      comment: 'Text',
    });
    expect(b).toMatchObject({ periodicity: null, period: null, outcome: { kind: 'error' }, arsmal: { kind: 'invalid' }, direction: 'higher', partialThreshold: null });
    expect(c).toMatchObject({ periodicity: 'tertial', period: { text: 'Tertial 1 2024' }, direction: 'exact', method: 'sasong' });
    expect(codes(issues).sort()).toEqual([
      'I_UNIT_ASSUMED Indikatorer!E2',
      'E_PERIODICITY Indikatorer!C3',
      'E_PERIOD Indikatorer!D3',
      'E_CELL_ERROR Indikatorer!E3',
      'E_NUMBER Indikatorer!F3',
      'E_NUMBER Indikatorer!I3',
      'W_SCALE Indikatorer!E4',
      'W_UNIT_MISMATCH Indikatorer!G4',
    ].sort());
    const numberIssue = issues.find((i) => i.cell === 'F3');
    expect(numberIssue?.message).toContain('"ungefär tio"');
  });

  test('a stated Enhet names the unit without I_UNIT_ASSUMED', () => {
    const { model, issues } = read({ Indikatorer: [[...INDICATOR_HEADER, 'Utfall', 'Enhet'], ['1', 'A', '80', '78', '%']] });
    expect(model.indicators[0]).toMatchObject({ unit: '%', arsmal: { value: 80, unit: '%' }, outcome: { value: 78, unit: '%' } });
    expect(issues).toEqual([]);
  });

  test('readIndicatorRow and readActivityRow read one row with given columns', () => {
    const grid: SheetGrid = { name: 'X', values: [[], [null, '1.2', 'Namn', '3 st']] };
    const issues: Issue[] = [];
    expect(readIndicatorRow(grid, 1, { goal: 1, name: 2, arsmal: 3 }, SETTINGS, issues)).toMatchObject({ goal: '1.2', name: 'Namn', arsmal: { value: 3, unit: 'st' }, unit: 'st', period: SETTINGS.period, periodicity: 'tertial' });
    expect(readIndicatorRow(grid, 0, { goal: 1, name: 2 }, SETTINGS, issues)).toBeNull();
    const activities: SheetGrid = { name: 'A', values: [['1', 'Gör', '2024-01-01', '2024-03-31', 'Pågår']] };
    expect(readActivityRow(activities, 0, { goal: 0, name: 1, start: 2, end: 3, status: 4 }, SETTINGS, issues)).toMatchObject({
      start: '2024-01-01',
      end: '2024-03-31',
      status: 'pagar',
      overdue: true,
    });
    expect(issues).toEqual([]);
  });

  test('activities: dates, status words, overdue only when not finished and before the period end', () => {
    const { model, issues } = read(
      {
        Aktiviteter: [
          ['Mål', 'Aktivitet', 'Startdatum', 'Slutdatum', 'Status', 'Avvikelse'],
          ['1', 'A', '2024-01-01', '2024-03-31', 'Genomförd', null],
          ['1', 'B', '2024-01-01', '2024-03-31', 'försenad', 'Sent'],
          ['1', 'C', '1 mars 2024', '2024-04-30', 'Ej påbörjad', null],
          ['1', 'D', 'snart', '#REF!', 'Cancelled', null],
        ],
      },
      { period: 'T1 2024' },
    );
    expect(model.activities.map((a) => [a.name, a.start, a.end, a.status, a.overdue])).toEqual([
      ['A', '2024-01-01', '2024-03-31', 'genomford', false],
      ['B', '2024-01-01', '2024-03-31', 'forsenad', true],
      ['C', '2024-03-01', '2024-04-30', 'ej_paborjad', false],
      ['D', null, null, 'avbruten', false],
    ]);
    expect(model.activities[1].deviation).toBe('Sent');
    expect(codes(issues)).toEqual(['E_DATE Aktiviteter!C5', 'E_CELL_ERROR Aktiviteter!D5']);
  });

  test('budget: label from the first column whatever its header, varav rows, totals, a single Prognos (före …)', () => {
    const { model, issues } = read({
      Ekonomi: [
        [null, 'Budget', 'Prestations- och omslutningsförändringar', 'Prognos (före resultatöverföringar)', 'Avvikelse'],
        ['Äldreomsorg', '815,0', '0,0', '817,5', '-2,5'],
        ['<i>varav hemtjänst</i>', '100', null, '101', '-1'],
        ['Varav boende', '200', null, '199', 'n/a'],
        ['Summa netto', '815,0', '0,0', '817,5', '#DIV/0!'],
      ],
    });
    expect(model.tables[0].columns).toEqual({ label: 0, budget: 1, forandringar: 2, prognos: 3, avvikelse: 4 });
    expect(model.budget.map((b) => [b.label, b.isVarav, b.isTotal, b.parentRow, b.budget, b.prognos, b.prognosFore, b.avvikelse])).toEqual([
      ['Äldreomsorg', false, false, null, 815, 817.5, null, -2.5],
      ['varav hemtjänst', true, false, 1, 100, 101, null, -1],
      ['Varav boende', true, false, 1, 200, 199, null, null],
      ['Summa netto', false, true, null, 815, 817.5, null, null],
    ]);
    expect(codes(issues)).toEqual(['E_NUMBER Ekonomi!E4', 'E_CELL_ERROR Ekonomi!E5']);
  });
});

describe('settings', () => {
  test('defaults without a settings sheet', () => {
    expect(read({}).model.settings).toEqual({ periodText: null, period: null, partialThreshold: 0.8, lang: 'sv', planYear: null, goalHeltAbove: 0.75, goalDelvisFrom: 0.5, document: null });
  });

  test('read from Inställningar, with or without a header row; options win', () => {
    const sheet = [['Rapportperiod:', 'T2'], ['Delvisgräns', '0,9'], ['Språk', 'English'], ['Planår', '2025']];
    const { model, issues } = read({ Settings: sheet });
    expect(codes(issues)).toEqual(['E_NO_INPUT Settings!A1']); // a settings sheet alone is nothing to check
    expect(model.settings).toMatchObject({ periodText: 'T2', period: { kind: 'tertial', index: 2, year: 2025 }, partialThreshold: 0.9, lang: 'en', planYear: 2025 });
    const overridden = read({ Settings: sheet }, { period: 'Helår 2024', lang: 'sv' }).model.settings;
    expect(overridden).toMatchObject({ periodText: 'Helår 2024', period: { kind: 'year', year: 2024 }, lang: 'sv', planYear: 2025 });
  });

  test('unreadable settings are issues at their value cells, in the chosen language', () => {
    const { model, issues } = read({ Inställningar: [['Inställning', 'Värde'], ['Rapportperiod', 'Vecka 12'], ['Delvisgräns', 'hög'], ['Språk', 'en']] });
    expect(codes(issues)).toEqual(['E_PERIOD Inställningar!B2', 'E_NUMBER Inställningar!B3', 'E_NO_INPUT Inställningar!A1']);
    expect(issues[0].message).toMatch(/^Period "Vecka 12" cannot be read/);
    expect(model.settings.partialThreshold).toBe(0.8);
    expect(model.tables[0]).toMatchObject({ kind: 'settings', headerRow: 0, lastDataRow: 3 });
  });
});

describe('the T1 2024 fixture workbook', () => {
  test('reads every sheet with the expected tables and values', () => {
    const { model, issues } = readWorkbook(eavTextWorkbook());
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(model.tables.map((t) => t.kind)).toEqual(['settings', 'goals', 'indicators', 'activities', 'finance']);
    expect([model.goals.length, model.indicators.length, model.activities.length, model.budget.length]).toEqual([44, 83, 91, 18]);
    expect(model.settings).toMatchObject({ periodText: 'Tertial 1 2024', partialThreshold: 0.8, lang: 'sv', planYear: 2024 });
    const longTerm = model.indicators.find((i) => i.name.startsWith('Andel vuxna med långvarigt'));
    expect(longTerm).toMatchObject({ goal: '3.2', outcome: { value: 1.13, unit: '%' }, outcomeMen: { value: 1.7 }, outcomeWomen: { value: 1.2 }, direction: 'lower', periodicity: 'tertial' });
    const total = model.budget[model.budget.length - 1];
    expect(total).toMatchObject({ label: 'Totalt', isTotal: true, budget: 2739.6, prognos: 2751.4, prognosFore: 2757.9, forandringar: 10.9 });
    expect(model.budget.filter((b) => b.isVarav).map((b) => b.parentRow)).toEqual([2, 2, 2, 2, 15]);
    // Bare numbers beside percentages are read as percent (SPEC 3), each with an info.
    expect(issues.every((i) => i.code === 'I_UNIT_ASSUMED')).toBe(true);
  });

  test('the same workbook as text cells and as typed cells gives the same model and issues', () => {
    const typed = eavTypedWorkbook();
    const cell = typed.sheets.find((s) => s.name === 'Indikatorer')!;
    expect(cell.values[3][4]).toBe(0.3887); // 38,87 % as Excel holds it
    expect(cell.formats?.[3][4]).toBe('0.00%');
    expect(typed.sheets.find((s) => s.name === 'Aktiviteter')!.values[1][2]).toBe(45292);
    const fromText = readWorkbook(eavTextWorkbook());
    const fromTyped = readWorkbook(typed);
    expect(fromTyped.model.goals).toEqual(fromText.model.goals);
    expect(fromTyped.model.indicators).toEqual(fromText.model.indicators);
    expect(fromTyped.model.activities).toEqual(fromText.model.activities);
    expect(fromTyped.model.budget).toEqual(fromText.model.budget);
    expect(fromTyped.model).toEqual(fromText.model);
    expect(fromTyped.issues).toEqual(fromText.issues);
  });

  test('typeCell types the way Excel does on entry', () => {
    expect(typeCell('2 739,6')).toEqual({ value: 2739.6, format: '#,##0.0' });
    expect(typeCell('-13,0')).toEqual({ value: -13, format: '0.0' });
    expect(typeCell('79  %')).toEqual({ value: 0.79, format: '0%' });
    expect(typeCell('1.1')).toEqual({ value: '1.1', format: null });
    expect(typeCell('5,2 st')).toEqual({ value: '5,2 st', format: null });
  });
});

describe('any grid', () => {
  // SPEC 10: any grid of any cell values gives issues, never an exception.
  const headers = ['Mål', 'Nummer', 'Nivå', 'Indikator', 'Årsmål', 'KF:s årsmål', 'Periodens utfall', 'Utfall män', 'Utfall kvinnor', 'Periodicitet', 'Period', 'Riktning', 'Delvisgräns', 'Enhet', 'Aktivitet', 'Startdatum', 'Slutdatum', 'Status', 'Budget', 'Prognos', 'Bedömning', 'Rapportperiod', 'Planår'];
  const cell = fc.oneof(
    fc.constant(null),
    fc.constantFrom(...headers, '1.1', '1.x', '#N/A', '38,87 %', 'Max 10', '+/- 1 %', 'Tertial', 'T1 2024', '2024-13-45', 'varav x', 'Totalt', '', ' '),
    fc.string({ maxLength: 12 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
  );
  const sheet = fc.record({
    name: fc.constantFrom('Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi', 'Inställningar', 'Blad1', 'Sammanställning'),
    values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
    formats: fc.option(fc.array(fc.array(fc.constantFrom(null, 'General', '0%', 'yyyy-mm-dd', '@'), { maxLength: 8 }), { maxLength: 12 }), { nil: undefined }),
  });
  test('reading and validating never throws, and every issue names a cell', () => {
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 4 }), fc.constantFrom(undefined, 'T1 2024', 'nonsens'), (sheets, period) => {
        const { model, issues } = readWorkbook({ sheets: sheets as SheetGrid[] }, { period });
        const all = [...issues, ...validateModel(model)];
        for (const issue of all) {
          expect(issue.cell).toMatch(/^[A-Z]+[1-9]\d*$/);
          expect(['error', 'warning', 'info']).toContain(issue.severity);
          expect(issue.message).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
