// Hand-made report-layout sheets, one per quirk of real pasted ILS reports: markers, marker columns, split names, Analys rows, unnumbered headings.
import { isReportLayout, readReportLayout } from '../../../core/read/report-layout';
import { parsePeriod } from '../../../core/read/period';
import type { CellValue, Settings, SheetGrid } from '../../../core/types';

const SETTINGS: Settings = {
  periodText: 'Tertial 1 2024',
  period: parsePeriod('Tertial 1 2024'),
  partialThreshold: 0.8,
  lang: 'sv',
  planYear: 2024,
  goalHeltAbove: 0.75,
  goalDelvisFrom: 0.5,
};

const REPORT_HEADER = ['Indikator', 'Periodens utfall', 'Utfall män/ pojkar', 'Utfall kvinnor/ flickor', 'Utfall VB 2023', 'Prognos helår', 'Årsmål', 'KF:s årsmål', 'Period'];
const ACTIVITY_HEADER = ['Aktivitet', 'Startdatum', 'Slutdatum', 'Avvikelse'];

/** A sheet from rows of cells; '' is blank. */
function sheet(rows: (string | number | null)[][], name = 'Rapport'): SheetGrid {
  return { name, values: rows.map((row) => row.map((cell): CellValue => (cell === '' ? null : cell))) };
}

function read(rows: (string | number | null)[][], settings: Settings = SETTINGS) {
  return readReportLayout(sheet(rows), settings);
}

describe('isReportLayout', () => {
  it('needs a goal heading and an Indikator or Aktivitet header row', () => {
    const heading = ['KF:s inriktningsmål: 1. Ett Stockholm som håller samman'];
    expect(isReportLayout(sheet([heading, [], ACTIVITY_HEADER, [' Göra något', '2024-01-01', '2024-12-31']]))).toBe(true);
    expect(isReportLayout(sheet([['Nämndmål: 1.1.1 Alla barn'], [], REPORT_HEADER]))).toBe(true);
    expect(isReportLayout(sheet([heading, [], ['Analys'], ['Text']]))).toBe(false);
    expect(isReportLayout(sheet([REPORT_HEADER, ['Andel', '70 %']]))).toBe(false);
  });

  it('does not take an indicator table sheet or running text for a report', () => {
    const table = sheet([['Mål', 'Indikator', 'Årsmål'], ['1.1', 'Andel nöjda', '80 %']], 'Blad1');
    expect(isReportLayout(table)).toBe(false);
    expect(isReportLayout(sheet([['Målet för nämndmålet: se nedan'], ['Indikatorerna visar att …']]))).toBe(false);
  });

  it('finds a heading behind a marker column', () => {
    expect(isReportLayout(sheet([['●', 'Nämndmål: 1.1.1 Alla barn'], [], ['', ...ACTIVITY_HEADER]]))).toBe(true);
  });
});

describe('goal headings', () => {
  it('reads number, title, level, stated assessment and analysis of each heading', () => {
    const result = read([
      ['Uppföljning av Kommunfullmäktiges inriktningsmål'],
      [],
      ['KF:s inriktningsmål: 1. Ett Stockholm som håller samman'],
      [],
      [' Uppfylls helt'],
      [],
      ['Analys'],
      [],
      ['Första stycket.'],
      [],
      ['Underrubrik'],
      ['Andra stycket.'],
      [],
      ['KF:s mål för verksamhetsområdet: 1.2 Alla barn ska ges likvärdig möjlighet'],
      ['  ●  Uppfylls delvis'],
      ['Analys'],
      ['Analystext för 1.2.'],
      [],
      REPORT_HEADER,
      [' Andel X', '70 %', '', '', '', '', '80 %', '', 'Tertial 1 2024'],
      [],
      ['Nämndmål: 1.2.1 Alla barn har likvärdig möjlighet'],
      [],
      ['Uppfylls inte'],
      [],
      ['Beskrivning'],
      ['Beskrivningstext som inte är analys.'],
      ['Förväntat resultat'],
      ['- Något'],
      ['Analys'],
      [],
      ['Nämndmålets analys.'],
    ]);
    expect(result.goals.map((g) => [g.number, g.level, g.title, g.stated, g.parent, g.valid])).toEqual([
      ['1', 'inriktningsmal', 'Ett Stockholm som håller samman', 'helt', null, true],
      ['1.2', 'verksamhetsomradesmal', 'Alla barn ska ges likvärdig möjlighet', 'delvis', '1', true],
      ['1.2.1', 'namndmal', 'Alla barn har likvärdig möjlighet', 'inte', '1.2', true],
    ]);
    expect(result.goals.map((g) => g.analysis)).toEqual([
      'Första stycket.\nUnderrubrik\nAndra stycket.',
      'Analystext för 1.2.',
      'Nämndmålets analys.',
    ]);
    const [first, second] = result.goals;
    expect(first.cells.number).toEqual({ sheet: 'Rapport', row: 2, col: 0 });
    expect(first.cells.title).toEqual({ sheet: 'Rapport', row: 2, col: 0 });
    expect(first.cells.stated).toEqual({ sheet: 'Rapport', row: 4, col: 0 });
    expect(first.cells.analysis).toEqual({ sheet: 'Rapport', row: 6, col: 0 });
    expect(second.cells.stated).toEqual({ sheet: 'Rapport', row: 14, col: 0 });
    expect(first.cells.proposal).toBeUndefined();
    expect(result.indicators.map((i) => [i.goal, i.name])).toEqual([['1.2', 'Andel X']]);
    expect(result.issues.filter((i) => i.code === 'I_GOAL_NUMBERED')).toEqual([]);
  });

  it('reads a heading whose number and title stand in the next cell', () => {
    const result = read([['Nämndmål:', '1.1.1 Alla barn'], ['Uppfylls helt'], [], ACTIVITY_HEADER, ['Göra något', '2024-01-01', '2024-12-31']]);
    expect(result.goals[0]).toMatchObject({ number: '1.1.1', title: 'Alla barn', level: 'namndmal', stated: 'helt' });
    expect(result.goals[0].cells.title).toEqual({ sheet: 'Rapport', row: 0, col: 1 });
  });

  it('numbers headings without a number after their parent and says so', () => {
    const result = read([
      ['Nämndmål: 1.1.1 Alla barn och unga har en meningsfull fritid'],
      ['Uppfylls helt'],
      ['Enhetsmål: Fler barn deltar i sommarkollo'],
      ['● Uppfylls delvis'],
      [],
      REPORT_HEADER,
      ['Andel deltagare', '40 %', '', '', '', '50 %', '60 %', '', 'Tertial 1 2024'],
      [],
      ['Enhetsmål: Trygga fritidsgårdar'],
      [],
      ACTIVITY_HEADER,
      ['Ordna trygghetsvandring', '2024-01-01', '2024-06-30', ''],
      ['Nämndmål: 1.1.2 Alla har en rik fritid'],
      ['Enhetsmål: 1.1.2.5 Numrerat enhetsmål'],
      ['Enhetsmål: Onumrerat efter numrerat'],
    ]);
    expect(result.goals.map((g) => [g.number, g.level, g.parent, g.stated])).toEqual([
      ['1.1.1', 'namndmal', '1.1', 'helt'],
      ['1.1.1.1', 'enhetsmal', '1.1.1', 'delvis'],
      ['1.1.1.2', 'enhetsmal', '1.1.1', null],
      ['1.1.2', 'namndmal', '1.1', null],
      ['1.1.2.5', 'enhetsmal', '1.1.2', null],
      ['1.1.2.6', 'enhetsmal', '1.1.2', null],
    ]);
    expect(result.goals[1].title).toBe('Fler barn deltar i sommarkollo');
    const numbered = result.issues.filter((i) => i.code === 'I_GOAL_NUMBERED');
    expect(numbered.map((i) => [i.severity, i.sheet, i.cell])).toEqual([
      ['info', 'Rapport', 'A3'],
      ['info', 'Rapport', 'A9'],
      ['info', 'Rapport', 'A15'],
    ]);
    expect(numbered[0].message).toContain('1.1.1.1');
    expect(numbered[0].message).toContain('1.1.1');
    expect(numbered[0].message).toContain('Fler barn deltar i sommarkollo');
    expect(result.indicators.map((i) => [i.goal, i.name])).toEqual([['1.1.1.1', 'Andel deltagare']]);
    expect(result.activities.map((a) => [a.goal, a.name])).toEqual([['1.1.1.2', 'Ordna trygghetsvandring']]);
  });

  it('numbers unnumbered top-level headings in sheet order, in English when asked', () => {
    const result = read([['KF:s inriktningsmål: Ett Stockholm'], ['KF:s inriktningsmål: Ett grönt Stockholm']], { ...SETTINGS, lang: 'en' });
    expect(result.goals.map((g) => [g.number, g.parent])).toEqual([['1', null], ['2', null]]);
    expect(result.issues[0].message).toMatch(/has no goal number/);
  });

  it('reports an assessment row that is none of the allowed values', () => {
    const result = read([['Nämndmål: 1.1.1 Alla barn'], ['● Bedöms senare'], ['Nämndmål: 1.1.2 Alla unga'], ['Beskrivning']]);
    expect(result.goals.map((g) => g.stated)).toEqual([null, null]);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([['E_ASSESSMENT_VALUE', 'A2']]);
  });
});

describe('indicator tables', () => {
  const goal = ['Nämndmål: 1.1.1 Alla barn'];

  it('reads values under an Arsmål header and strips markers before names', () => {
    const header = REPORT_HEADER.map((h) => (h === 'Årsmål' ? 'Arsmål' : h));
    const result = read([
      goal,
      [],
      header,
      ['● Andel flickor', '38,87 %', '', '', '', '40 %', '40 %', '', 'Tertial 1 2024'],
      ['   Antal barn per grupp', '16,6 barn/avd.', '', '', '15,7 barn/avd.', '15 st', '15', '15', 'Tertial 1 2024'],
    ]);
    expect(result.indicators.map((i) => i.name)).toEqual(['Andel flickor', 'Antal barn per grupp']);
    const [girls, groups] = result.indicators;
    expect(girls.arsmal).toEqual({ kind: 'number', value: 40, unit: '%' });
    expect(girls.outcome).toEqual({ kind: 'number', value: 38.87, unit: '%' });
    expect(girls.forecast).toEqual({ kind: 'number', value: 40, unit: '%' });
    expect(girls.period?.index).toBe(1);
    expect(groups.lastYear).toMatchObject({ kind: 'number', value: 15.7 });
    expect(girls.cells.name).toEqual({ sheet: 'Rapport', row: 3, col: 0 });
    expect(girls.cells.arsmal).toEqual({ sheet: 'Rapport', row: 3, col: 6 });
  });

  it('reads a plan table (Indikator | Årsmål | KF:s årsmål | Periodicitet)', () => {
    const result = read([goal, [], ['Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet'], [' Andel nöjda', '80 %', '75 %', 'Tertial']]);
    expect(result.indicators).toHaveLength(1);
    expect(result.indicators[0]).toMatchObject({ goal: '1.1.1', name: 'Andel nöjda', periodicity: 'tertial' });
    expect(result.indicators[0].kfArsmal).toEqual({ kind: 'number', value: 75, unit: '%' });
  });

  it('gives an Analys row and the text after it to the indicator above', () => {
    const result = read([
      goal,
      [],
      REPORT_HEADER,
      [' Andel A', '70 %', '', '', '', '', '', '69', '2024'],
      ['Analys', '', '', '', '', '', '', '', ''],
      ['Prognos kan inte göras.', '', '', '', '', '', '', '', ''],
      ['  Andel B', '2,9 %', '', '', '3,1 %', '3 %', '3 %', '2,7 %', 'Tertial 1 2024'],
      ['Analys Förvaltningen arbetar aktivt.'],
      ['  Andel C', '5 %', '', '', '', '5 %', '5 %', '', 'Tertial 1 2024'],
    ]);
    expect(result.indicators.map((i) => [i.name, i.comment])).toEqual([
      ['Andel A', 'Prognos kan inte göras.'],
      ['Andel B', 'Förvaltningen arbetar aktivt.'],
      ['Andel C', ''],
    ]);
    expect(result.indicators[0].cells.comment).toEqual({ sheet: 'Rapport', row: 4, col: 0 });
    expect(result.indicators[1].cells.comment).toEqual({ sheet: 'Rapport', row: 7, col: 0 });
  });

  it('joins the rest of a name that continues after a page break (repeated header) and keeps its Analys', () => {
    const result = read([
      goal,
      [],
      REPORT_HEADER,
      [' Andel barnskötare med barnskötarutbildning av totalt antal', '', '', '', '', '', '', 'Fastställt 2024', '2024'],
      [],
      REPORT_HEADER,
      ['anställda (årsarbetare)', '', '', '', '', '', '', '', ''],
      ['Analys Inget mål har satts.', '', '', '', '', '', '', '', ''],
      ['  Andel legitimerade förskollärare', '34,5 %', '2,3 %', '32,2 %', '35,2 %', '35,5 %', '35,5 %', 'Ökning', 'Tertial 1 2024'],
    ]);
    expect(result.indicators.map((i) => [i.name, i.comment, i.row])).toEqual([
      ['Andel barnskötare med barnskötarutbildning av totalt antal anställda (årsarbetare)', 'Inget mål har satts.', 3],
      ['Andel legitimerade förskollärare', '', 8],
    ]);
  });

  it('joins a name whose first part stands alone on the row above the values', () => {
    const result = read([
      goal,
      [],
      REPORT_HEADER,
      ['● Andel brukare som är nöjda med'],
      ['', '', '', '', '84 %', '', '90 %', '', '2024'],
      ['Andel personer som upplever att de'],
      ['blir väl bemötta', '', '', '', '87 %', '', '90 %', '', '2024'],
      ['Andel utan värden'],
      ['  Andel D', '5 %', '', '', '', '5 %', '5 %', '', 'Tertial 1 2024'],
    ]);
    expect(result.indicators.map((i) => [i.name, i.row])).toEqual([
      ['Andel brukare som är nöjda med', 4],
      ['Andel personer som upplever att de blir väl bemötta', 6],
      ['Andel utan värden', 7],
      ['Andel D', 8],
    ]);
    const [first, second] = result.indicators;
    expect(first.cells.name).toEqual({ sheet: 'Rapport', row: 3, col: 0 });
    expect(first.lastYear).toEqual({ kind: 'number', value: 84, unit: '%' });
    expect(second.arsmal).toEqual({ kind: 'number', value: 90, unit: '%' });
    expect(result.issues.filter((i) => i.code === 'E_NAME_EMPTY')).toEqual([]);
  });

  it('reads a name pushed one column right by a marker column (values stay under their headers)', () => {
    const result = read([
      goal,
      [],
      REPORT_HEADER,
      ['  ', 'Andel brukare som är nöjd med sin insats', '', '', '84 %', '', '90 %', '80 %', '2024'],
      ['Analys Förvaltningen har påbörjat ett arbete.'],
      ['  ', 'Andel personer som själva upplever en förbättrad situation', '', '', '', '', '', 'Faststälts 2024', '2024'],
      [],
      REPORT_HEADER,
      ['från socialtjänsten', '', '', '', '', '', '', '', ''],
    ]);
    expect(result.indicators.map((i) => [i.name, i.comment])).toEqual([
      ['Andel brukare som är nöjd med sin insats', 'Förvaltningen har påbörjat ett arbete.'],
      ['Andel personer som själva upplever en förbättrad situation från socialtjänsten', ''],
    ]);
    const [first, second] = result.indicators;
    expect(first.outcome).toEqual({ kind: 'missing' });
    expect(first.lastYear).toEqual({ kind: 'number', value: 84, unit: '%' });
    expect(first.arsmal).toEqual({ kind: 'number', value: 90, unit: '%' });
    expect(first.kfArsmal).toEqual({ kind: 'number', value: 80, unit: '%' });
    expect(first.cells.name).toEqual({ sheet: 'Rapport', row: 3, col: 1 });
    expect(second.kfArsmal.kind).toBe('pending');
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('shifts the whole row when a marker column pushes every value one column right', () => {
    const result = read([goal, [], ['Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet'], ['●', 'Andel nöjda', '80 %', '75 %', 'Tertial']]);
    expect(result.indicators[0]).toMatchObject({ name: 'Andel nöjda', periodicity: 'tertial' });
    expect(result.indicators[0].arsmal).toEqual({ kind: 'number', value: 80, unit: '%' });
    expect(result.indicators[0].cells.arsmal).toEqual({ sheet: 'Rapport', row: 3, col: 2 });
  });

  it('reads a table whose header sits behind a marker column', () => {
    const result = read([goal, [], ['', 'Indikator', 'Årsmål', 'Periodicitet'], ['●', 'Andel nöjda', '80 %', 'År']]);
    expect(result.indicators.map((i) => [i.name, i.periodicity])).toEqual([['Andel nöjda', 'ar']]);
  });

  it('points value issues at the cells of the pasted sheet', () => {
    const result = read([goal, [], REPORT_HEADER, [' Andel A', 'ungefär hälften', '', '', '', '', '50 %', '', 'Tertial 1 2024']]);
    expect(result.issues.filter((i) => i.code === 'E_NUMBER').map((i) => [i.sheet, i.cell])).toEqual([['Rapport', 'B4']]);
  });

  it('does not take running text after a table for indicators', () => {
    const result = read([goal, [], REPORT_HEADER, [' Andel A', '70 %', '', '', '', '70 %', '70 %', '', 'Tertial 1 2024'], [], ['Goda exempel'], ['Ett stycke om något annat.']]);
    expect(result.indicators.map((i) => i.name)).toEqual(['Andel A']);
  });
});

describe('activity tables', () => {
  it('reads activities with their dates under the last heading', () => {
    const result = read([
      ['KF:s mål för verksamhetsområdet: 1.1 Alla barn'],
      [],
      ACTIVITY_HEADER,
      ['  Stadsdelsnämnderna ska upprätta en parkleksplan', '2024-01-01', '2024-08-31', ''],
      [],
      ['Nämndmål: 1.1.1 Alla barn och unga'],
      [],
      ACTIVITY_HEADER,
      [' Genomföra dagkollo', '2024-01-01', '2024-12-31', ''],
      [' Testa en mobil verksamhet', '2024-01-01', '2024-12-31', 'Försenad start'],
    ]);
    expect(result.activities.map((a) => [a.goal, a.name, a.start, a.end, a.deviation])).toEqual([
      ['1.1', 'Stadsdelsnämnderna ska upprätta en parkleksplan', '2024-01-01', '2024-08-31', ''],
      ['1.1.1', 'Genomföra dagkollo', '2024-01-01', '2024-12-31', ''],
      ['1.1.1', 'Testa en mobil verksamhet', '2024-01-01', '2024-12-31', 'Försenad start'],
    ]);
    expect(result.activities[0].cells.start).toEqual({ sheet: 'Rapport', row: 3, col: 1 });
  });
});

describe('the table info', () => {
  it('describes the whole sheet as one report table without output columns', () => {
    const result = read([['Rubrik'], [], ['Nämndmål: 1.1.1 Alla barn'], [], ACTIVITY_HEADER, [' Göra något', '2024-01-01', '2024-12-31', '']]);
    expect(result.tables).toEqual([
      { kind: 'report', sheet: 'Rapport', headerRow: 2, firstDataRow: 3, lastDataRow: 5, lastCol: 3, columns: {}, outputColumns: {} },
    ]);
  });
});
