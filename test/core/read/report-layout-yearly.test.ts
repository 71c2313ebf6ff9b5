// The report-layout reader on the parts of an ILS report the yearly cycle needs (SPEC 2.6): `Förväntat resultat` sections and rows the paste ran together.
import { check } from '../../../core/check';
import { readReportLayout, splitRunTogether } from '../../../core/read/report-layout';
import { DEFAULT_SETTINGS } from '../../../core/common/settings';
import type { CellValue, Settings } from '../../../core/types';
import { eavReportSheet } from '../../helpers/fixtures';

const T1: Settings = { ...DEFAULT_SETTINGS, periodText: 'Tertial 1 2024', period: { text: 'Tertial 1 2024', kind: 'tertial', index: 1, year: 2024, months: 4 }, planYear: 2024, document: 't1' };

describe('Förväntat resultat in the real T1 2024 report (inriktningsmål 1)', () => {
  const { goals } = readReportLayout(eavReportSheet(), T1);
  const goal = (number: string) => goals.find((g) => g.number === number)!;

  test('1.1.1: the five points under "Förväntat resultat" (report rows 81–85), up to the Analys', () => {
    const lines = goal('1.1.1').expectedResult.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('- Flickors deltagande på fritidsgårdarna ökar (2023: 36,5 procent flickor)');
    expect(lines[4]).toBe('- Barn och unga är nöjda med det utbud som erbjuds på de öppna fritidsverksamheterna.');
    expect(goal('1.1.1').cells.expectedResult).toEqual({ sheet: 'Rapport', row: 78, col: 0 });
    // The Analys after it is still the analysis, not part of the expected result.
    expect(goal('1.1.1').analysis).toMatch(/^Förvaltningen bedömer att nämndmålet kommer att uppfyllas helt under året/);
  });

  test('1.2.1 starts with "Samtliga förskoleenheter säkerställer …" (report row 207); every nämndmål of the part has one', () => {
    expect(goal('1.2.1').expectedResult.split('\n')[0]).toBe('- Samtliga förskoleenheter säkerställer att undervisning och utbildning planeras och följs upp av legitimerade förskollärare.');
    const namndmal = goals.filter((g) => g.level === 'namndmal');
    expect(namndmal.map((g) => g.number)).toEqual(['1.1.1', '1.2.1', '1.3.1', '1.3.2', '1.3.3', '1.3.4', '1.3.5', '1.4.1', '1.4.2', '1.5.1']);
    expect(namndmal.every((g) => g.expectedResult.length > 0)).toBe(true);
    // KF's goals carry none in ILS.
    expect(goal('1.1').expectedResult).toBe('');
  });

  test('W_EXPECTED_RESULT_MISSING: none on the real report; one on the nämndmål whose section is removed', () => {
    const sheet = eavReportSheet();
    expect(check({ sheets: [sheet] }).report.issues.filter((i) => i.code === 'W_EXPECTED_RESULT_MISSING')).toEqual([]);
    // Blank report row 205 ("Förväntat resultat" of 1.2.1) and its points: the goal has none, the others do.
    const values = sheet.values.map((row, r) => (r >= 204 && r <= 210 ? row.map(() => null) : row));
    const issues = check({ sheets: [{ ...sheet, values }] }).report.issues.filter((i) => i.code === 'W_EXPECTED_RESULT_MISSING');
    // At the goal's heading (report row 185), the sheet having no cell of its own for it.
    expect(issues.map((i) => [i.cell, i.message])).toEqual([['A185', 'Nämndmål "1.2.1" saknar Förväntat resultat; skriv vad nämnden förväntar sig uppnå.']]);
  });

  test('in the JSON report as expectedResult', () => {
    const { report } = check({ sheets: [eavReportSheet()] });
    expect(report.goals.find((g) => g.number === '1.1.1')!.expectedResult).toMatch(/^- Parklekar och fritidsgårdar är välkomnande/);
    expect(report.goals.find((g) => g.number === '1.1')!.expectedResult).toBeNull();
  });
});

describe('rows the paste ran together (SPEC 2.6)', () => {
  // The header of every indicator table in the T1 2024 report.
  const HEADER: CellValue[] = ['Indikator', 'Periodens utfall', 'Utfall män/ pojkar', 'Utfall kvinnor/ flickor', 'Utfall VB 2023', 'Prognos helår', 'Årsmål', 'KF:s årsmål', 'Period'];
  const NAME = 'Andelen arbetade timmar av timavlönad personal i förhållande till samtliga arbetade timmar inom förskolan';
  // As pasted under 3.4: 7,9 in April, then `8 | 8 | Tas fram av nämnd/styrelse Tertial 1 2024` one column right of
  // Prognos helår, Årsmål, KF:s årsmål and Period (the fixture's Indikatorer row 67 holds the same row as the report meant it).
  const RUN_TOGETHER: CellValue[] = [NAME, '7,9', null, null, null, null, '8', '8', 'Tas fram av nämnd/styrelse Tertial 1 2024'];
  const sheet = (row: CellValue[]) => ({
    name: 'Rapport',
    values: [['KF:s mål för verksamhetsområdet: 3.4 Medarbetare i Stockholm ska ges goda förutsättningar att göra ett bra jobb'], ['Uppfylls helt'], [], HEADER, row],
  });

  test('is split back: Prognos helår 8, Årsmål 8, KF:s årsmål "Tas fram av nämnd/styrelse", Period Tertial 1 2024 — no E_PERIOD, the forecast kept', () => {
    const { report } = check({ sheets: [sheet(RUN_TOGETHER)] });
    expect(report.issues.filter((i) => i.code === 'E_PERIOD')).toEqual([]);
    expect(report.indicators[0]).toMatchObject({ name: NAME, value: 8, valueSource: 'prognos', target: 8, status: 'helt' });
    const info = report.issues.filter((i) => i.code === 'I_ROW_SPLIT');
    expect(info.map((i) => i.cell)).toEqual(['I5']);
    expect(info[0].message).toBe('Raden var ihopskjuten vid inklistringen ("Tas fram av nämnd/styrelse Tertial 1 2024" i Period); Målkoll läste värdena en kolumn till vänster och perioden "Tertial 1 2024".');
    // The sheet itself is left as it was.
    expect(sheet(RUN_TOGETHER).values[4]).toEqual(RUN_TOGETHER);
  });

  test('splitRunTogether moves each value one column left from the empty column on', () => {
    const columns = { name: 0, outcome: 1, outcomeMen: 2, outcomeWomen: 3, lastYear: 4, forecast: 5, arsmal: 6, kfArsmal: 7, period: 8 };
    expect(splitRunTogether(RUN_TOGETHER, columns)).toEqual([NAME, '7,9', null, null, null, '8', '8', 'Tas fram av nämnd/styrelse', 'Tertial 1 2024']);
  });

  test('is not split when it is ambiguous: reported once, on that row, with the text found', () => {
    // Every value column filled: there is no column the values could have moved out of.
    const full: CellValue[] = [NAME, '7,9', '7', '8', '9', '8', '8', '8', 'Tas fram av nämnd/styrelse Tertial 1 2024'];
    const { report } = check({ sheets: [sheet(full)] });
    expect(report.issues.filter((i) => i.code === 'I_ROW_SPLIT')).toEqual([]);
    expect(report.issues.filter((i) => i.code === 'E_PERIOD').map((i) => [i.cell, i.message.includes('Tas fram av nämnd/styrelse Tertial 1 2024')])).toEqual([['I5', true]]);
  });
});
