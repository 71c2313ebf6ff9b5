// Tests for which document a workbook is (SPEC 5.0): the Rapportperiod words, a bare year, the Period column and a pasted report's title.
import { check } from '../../../core/check';
import { documentFromTitle, readDocumentText } from '../../../core/read/document';
import { readWorkbook } from '../../../core/read/read';
import { eavReportSheet, eavVpWorkbook } from '../../helpers/fixtures';

const kindOf = (text: string) => readDocumentText(text)?.kind ?? null;

describe('readDocumentText', () => {
  test.each([
    ['Verksamhetsplan 2025', 'plan'], ['VP 2025', 'plan'], ['Plan 2025', 'plan'], ['Verksamhetsplan 2021', 'plan'], ['verksamhetsplan', 'plan'],
    ['Tertial 1 2024', 't1'], ['T1 2024', 't1'], ['Jan-april 2024', 't1'], ['Tertialrapport 1 2024', 't1'],
    ['Tertialrapport 2 2024', 't2'], ['Jan-aug 2024', 't2'], ['T2', 't2'], ['Kvartal 2 2024', 't2'],
    ['Verksamhetsberättelse 2023', 'vb'], ['VB 2023', 'vb'], ['Helår 2023', 'vb'], ['Bokslut 2023', 'vb'], ['Årsbokslut', 'vb'], ['Tertial 3 2024', 'vb'],
    ['2025', 'bareYear'],
  ])('%s → %s', (text, kind) => {
    expect(kindOf(text)).toBe(kind);
  });

  test('a plan has its year and no report period; a report has both; unreadable text is null', () => {
    expect(readDocumentText('Verksamhetsplan 2021')).toEqual({ kind: 'plan', year: 2021, period: null });
    expect(readDocumentText('T1 2024')).toMatchObject({ kind: 't1', year: 2024, period: { kind: 'tertial', index: 1, months: 4 } });
    expect(readDocumentText(2024)).toMatchObject({ kind: 'bareYear', year: 2024 });
    expect(readDocumentText('Budgetår kanske')).toBeNull();
    expect(readDocumentText('')).toBeNull();
  });
});

describe('the document of a workbook', () => {
  test('"Verksamhetsplan 2021" is a plan, not an E_PERIOD error, and its year is the plan year', () => {
    const grids = eavVpWorkbook();
    grids.sheets[0].values[1][1] = 'Verksamhetsplan 2021';
    const { model, issues } = readWorkbook(grids);
    expect(model.settings).toMatchObject({ document: 'plan', period: null, planYear: 2021, periodText: 'Verksamhetsplan 2021' });
    expect(issues.filter((i) => i.code === 'E_PERIOD')).toEqual([]);
    // The VP 2024 activities run in 2024: a 2021 plan says they fall after its year.
    expect(check(grids).report.issues.some((i) => i.code === 'W_DATE_OUTSIDE_YEAR')).toBe(true);
  });

  test('a bare year "2024" with no outcomes is a plan: no activity is overdue (the VP 2024 activities end in 2024)', () => {
    const grids = eavVpWorkbook();
    grids.sheets[0].values[1][1] = '2024';
    const { model } = readWorkbook(grids);
    expect(model.settings.document).toBe('plan');
    expect(model.activities.some((a) => a.overdue)).toBe(false);
    const info = check(grids).report.issues.find((i) => i.code === 'I_DOCUMENT_KIND')!;
    expect(info.message).toContain('ett årtal och ingen indikator har utfall');
  });

  test('without Rapportperiod a pasted report is judged by its Period column ("Tertial 1 2024" → t1)', () => {
    const { report } = check({ sheets: [eavReportSheet()] });
    expect(report.document).toBe('t1');
    const info = report.issues.find((i) => i.code === 'I_DOCUMENT_KIND')!;
    expect(info.message).toMatch(/^Bedöms som tertialrapport 1 \(från indikatorernas Period-kolumn, "Tertial 1 2024"\)/);
  });

  test('a pasted report\'s title names the document when nothing else does', () => {
    const sheet = { name: 'Rapport', values: [['Verksamhetsplan 2024 för Enskede-Årsta-Vantörs stadsdelsnämnd'], [], ['Nämndmål: 1.1.1 Alla barn']] };
    expect(documentFromTitle(sheet)).toMatchObject({ reading: { kind: 'plan', year: 2024 }, ref: { sheet: 'Rapport', row: 0, col: 0 } });
    expect(documentFromTitle({ name: 'x', values: [['Tertialrapport 1, 2024']] })?.reading.kind).toBe('t1');
    expect(documentFromTitle({ name: 'x', values: [['Uppföljning av Kommunfullmäktiges inriktningsmål']] })).toBeNull();
  });

  test('nothing names it: judged as a report, and said so only when there are indicators', () => {
    const indicators = { name: 'Indikatorer', values: [['Mål', 'Indikator', 'Årsmål', 'Periodens utfall'], ['1', 'A', '80 %', '85 %']] };
    const { report } = check({ sheets: [indicators] });
    expect(report.document).toBeNull();
    expect(report.indicators[0].status).toBe('helt');
    expect(report.issues.filter((i) => i.code === 'I_DOCUMENT_KIND').map((i) => i.cell)).toEqual(['A1']);
    expect(check({ sheets: [{ name: 'Mål', values: [['Nummer', 'Mål'], ['1', 'Ett mål']] }] }).report.issues.filter((i) => i.code === 'I_DOCUMENT_KIND')).toEqual([]);
  });
});

describe('I_DOCUMENT_KIND in English', () => {
  test('names the document, where it came from and how to state another', () => {
    const info = check(eavVpWorkbook(), { lang: 'en' }).report.issues.find((i) => i.code === 'I_DOCUMENT_KIND')!;
    expect(info.message).toBe(
      'Judged as a business plan (verksamhetsplan) (from Rapportperiod "Verksamhetsplan 2024"): no statuses, forecasts or proposals; Målkoll checks what a plan must hold. For another document, set Rapportperiod in Inställningar (e.g. "Verksamhetsplan 2025", "Tertial 1 2024", "VB 2024").',
    );
  });
});
