// Tests of "Skapa mall": the template sheets, their lists and example rows, skipping sheets that exist, and that a checked template is clean.
import { check } from '../../../core/check';
import { canonicalHeaders } from '../../../core/read/schema';
import { templatePlan } from '../../../core/write/template';
import type { NewSheet, SheetKind, WorkbookGrids } from '../../../core/types';
import { applyPlanToGrids } from '../../helpers/apply-plan';

const KINDS: [SheetKind, string, string][] = [
  ['goals', 'Mål', 'Goals'],
  ['indicators', 'Indikatorer', 'Indicators'],
  ['activities', 'Aktiviteter', 'Activities'],
  ['finance', 'Ekonomi', 'Budget'],
  ['settings', 'Inställningar', 'Settings'],
];

const sheetNamed = (sheets: NewSheet[], name: string): NewSheet => {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

const listOf = (sheet: NewSheet, header: string): string[] | undefined => {
  const col = sheet.values[0].indexOf(header);
  return sheet.validations?.find((v) => v.col === col)?.list;
};

describe('templatePlan', () => {
  const plan = templatePlan([], 'sv');

  it('creates the five input sheets, only if missing, and touches nothing else', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(KINDS.map(([, sv]) => sv));
    expect(plan.sheets.every((s) => s.mode === 'createIfMissing')).toBe(true);
    // Ekonomi holds two tables under their titles: the title and the first table's header stay in view.
    expect(plan.sheets.map((s) => s.frozenRows)).toEqual([1, 1, 1, 2, 1]);
    expect(plan.blocks).toEqual([]);
    expect(plan.fills).toEqual([]);
    expect(plan.deleteSheets).toEqual([]);
  });

  it('writes the input headers of the schema in bold, never the output columns', () => {
    for (const [kind, name] of KINDS) {
      const sheet = sheetNamed(plan.sheets, name);
      const inputs = canonicalHeaders(kind, 'sv').filter((h) => !h.output).map((h) => h.header);
      const headerRow = kind === 'finance' ? 1 : 0; // below the title "Uppföljning av driftbudget"
      expect(sheet.values[headerRow]).toEqual(inputs);
      expect(sheet.bold?.[headerRow].every(Boolean)).toBe(true);
      expect(sheet.columnWidths).toHaveLength(inputs.length);
    }
    expect(sheetNamed(plan.sheets, 'Indikatorer').values[0]).not.toContain('Status');
    expect(sheetNamed(plan.sheets, 'Mål').values[0]).not.toContain('Förslag');
  });

  it('has the yearly-cycle columns: Förväntat resultat and Åtgärder on Mål (the example\'s from the T1 2024 report), Bedömning on Indikatorer', () => {
    const goals = sheetNamed(plan.sheets, 'Mål');
    const col = goals.values[0].indexOf('Förväntat resultat');
    expect(col).toBeGreaterThan(0);
    expect(goals.values[0]).toContain('Åtgärder');
    expect(goals.values[1][col]).toBe('Flickors deltagande på fritidsgårdarna ökar (2023: 36,5 procent flickor)');
    expect(sheetNamed(plan.sheets, 'Indikatorer').values[0]).toContain('Bedömning');
  });

  it('adds validation lists for Riktning, Periodicitet, Prognosmetod, Bedömning and activity Status', () => {
    const indicators = sheetNamed(plan.sheets, 'Indikatorer');
    expect(listOf(indicators, 'Riktning')).toEqual(['Högre är bättre', 'Lägre är bättre', 'Intervall', 'Exakt']);
    expect(listOf(indicators, 'Periodicitet')).toEqual(['År', 'Tertial', 'Halvår', 'Kvartal', 'Månad']);
    expect(listOf(indicators, 'Prognosmetod')).toEqual(['Senaste värde', 'Linjär', 'Säsong', 'Manuell']);
    expect(listOf(sheetNamed(plan.sheets, 'Mål'), 'Bedömning')).toEqual(['Uppfylls helt', 'Uppfylls delvis', 'Uppfylls inte']);
    expect(listOf(indicators, 'Bedömning')).toEqual(['Uppfylls helt', 'Uppfylls delvis', 'Uppfylls inte']);
    expect(listOf(sheetNamed(plan.sheets, 'Aktiviteter'), 'Status')).toEqual(['Ej påbörjad', 'Påbörjad', 'Pågår', 'Genomförd', 'Försenad', 'Avbruten']);
    for (const v of indicators.validations ?? []) expect([v.firstRow, v.lastRow]).toEqual([1, 1000]);
  });

  it('gives every sheet a real example row from the T1 2024 workbook', () => {
    const row = (name: string, header: string) => {
      const sheet = sheetNamed(plan.sheets, name);
      const headerRow = name === 'Ekonomi' ? 1 : 0;
      return sheet.values[headerRow + 1][sheet.values[headerRow].indexOf(header)];
    };
    expect(row('Mål', 'Nummer')).toBe('1.1.1');
    expect(row('Indikatorer', 'Indikator')).toBe('Andel flickor som besöker fritidsgårdarna');
    expect(row('Indikatorer', 'Periodens utfall')).toBe('38,87 %');
    expect(row('Aktiviteter', 'Aktivitet')).toBe('Genomföra dagkollo i fokusområde Hagsätra-Rågsved');
    expect(row('Ekonomi', 'Budget')).toBe(80.7);
    // The Ekonomi sheet shows a drift table and an investering table, each under its title.
    const economy = sheetNamed(plan.sheets, 'Ekonomi');
    expect(economy.values.map((r) => r[0])).toEqual([
      'Uppföljning av driftbudget', 'Verksamhetsområde', 'Nämnd och administration', null,
      'Investeringar', 'Mnkr', 'Klimatinvesteringar', 'Totalt investeringar',
    ]);
    expect(economy.values[6].slice(0, 5)).toEqual(['Klimatinvesteringar', 5.1, 0.8, 5.9, 0]); // real T1 2024 row
    expect(sheetNamed(plan.sheets, 'Inställningar').values.slice(1)).toEqual([
      ['Rapportperiod', 'Tertial 1 2024'],
      ['Delvisgräns', '80 %'],
      ['Språk', 'sv'],
    ]);
  });

  it('skips sheets that exist under their name in any case or spelling, or under an alias', () => {
    expect(templatePlan(['MÅL', 'indikatorer', 'Budget', 'Installningar'], 'sv').sheets.map((s) => s.name)).toEqual(['Aktiviteter']);
    expect(templatePlan(['Goals', 'Indicators', 'Activities', 'Ekonomi', 'Settings'], 'sv').sheets).toEqual([]);
  });

  it('is in English with lang en: names, headers, lists and the Språk setting', () => {
    const en = templatePlan(['Sheet1'], 'en');
    expect(en.sheets.map((s) => s.name)).toEqual(KINDS.map(([, , name]) => name));
    const indicators = sheetNamed(en.sheets, 'Indicators');
    expect(indicators.values[0].slice(0, 3)).toEqual(['Goal', 'Indicator', 'Target']);
    expect(listOf(indicators, 'Direction')).toEqual(['Higher is better', 'Lower is better', 'Interval', 'Exact']);
    expect(listOf(sheetNamed(en.sheets, 'Goals'), 'Stated assessment')).toEqual(['Fully met', 'Partly met', 'Not met']);
    expect(sheetNamed(en.sheets, 'Settings').values).toContainEqual(['Language', 'en']);
  });

  it.each(['sv', 'en'] as const)('gives a template that checks clean and assesses its example (%s)', (lang) => {
    const grids = applyPlanToGrids({ sheets: [] } as WorkbookGrids, templatePlan([], lang));
    const { report } = check(grids);
    expect(report.lang).toBe(lang);
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(report.indicators.map((i) => i.status)).toEqual(['helt']);
    expect(report.goals.map((g) => [g.number, g.stated, g.proposed])).toEqual([['1.1.1', 'helt', 'helt']]);
    expect(report.activities.map((a) => a.status)).toEqual(['pagar']);
    expect(report.finance?.budgetfoljsamhet).toBeCloseTo(78.4 / (80.7 + 0.5), 9); // the only budget row
    expect(report.finance?.tables?.map((t) => [t.kind, t.headerCell, t.rows])).toEqual([['drift', 'A2', 1], ['investering', 'A6', 2]]);
  });
});
