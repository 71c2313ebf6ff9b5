// Tests the economy checks on the real T1 2024 economy section: consistent rows pass, the real inconsistencies are reported at their cells, and errors seeded into copies are caught at theirs.
import * as path from 'path';
import { check } from '../../../core/check';
import type { CellValue, Issue, Report } from '../../../core/types';
import { FIXTURE_DIR, readTsv } from '../../helpers/fixtures';

const FILE = path.join(FIXTURE_DIR, 'eav-t1-2024-rapport-ekonomi.tsv');

/** The economy section as the Ekonomi sheet, with cells changed at 1-based (line, column letter). */
function run(changes: [number, string, CellValue][] = [], lang: 'sv' | 'en' = 'sv'): Report {
  const values = readTsv(FILE);
  for (const [line, col, value] of changes) {
    const row = values[line - 1];
    const c = col.charCodeAt(0) - 65;
    if (row[c] === undefined || row[c] === null) throw new Error(`no cell ${col}${line}`);
    row[c] = value;
  }
  return check({ sheets: [{ name: 'Ekonomi', values }] }, { lang }).report;
}

const codes = (issues: Issue[]) => issues.map((i) => `${i.code} ${i.cell}`).sort();
const REAL = run();
const realCodes = codes(REAL.issues);
/** The issues a seeded copy adds to the real document's own. */
const added = (report: Report) => codes(report.issues).filter((c) => !realCodes.includes(c));

describe('the real T1 2024 economy section', () => {
  it('reports exactly its real inconsistencies: two resultatenheter rows, two overruns and one requested amount', () => {
    expect(realCodes).toEqual([
      // "Individ- och familjeomsorg	356,7	0,2	0,0	369,9	369,9	-13,0": 369,9 against 356,9 (SPEC 5.7)
      'W_BUDGET_OVERRUN F35',
      // "Ekonomiskt bistånd	161,3	0,0	0,0	161,8	161,8	-0,5": 161,8 against 161,3
      'W_BUDGET_OVERRUN F48',
      // "- Investeringsmedel avseende klimatinvestering om 1,0 mnkr (investering), se bilaga 2": the investering table
      // ("Klimatinvesteringar	5,1	0,8	5,9	0,0"), line 538 ("ansöker om 0,8 mnkr för klimatinvesteringsmedel") and the
      // total of 1,0 mnkr (0,2 + 0,8) all say 0,8
      'W_FIN_CROSS A503',
      // "Stureby hemtjänst	29 114,0	-1 684,0	1 900,0	228,3": −1 684 + 1 900 gives −216 (SPEC 5.7)
      'W_FIN_RESULTATENHET E424',
      // "Enskede hemtjänst	34 540,0	-2 194,0	2 250,0	467,0": gives −56
      'W_FIN_RESULTATENHET E426',
    ]);
  });

  it('names both figures in each message', () => {
    const byCell = new Map(REAL.issues.map((i) => [i.cell, i.message]));
    expect(byCell.get('E424')).toBe('Stureby hemtjänst: Resultatöverföring 228,3 följer inte av överföringen -1 684,0 och resultatet 1 900,0; med rubrikernas tecken blir den -216,0.');
    expect(byCell.get('A503')).toBe('Texten begär 1,0 mnkr för Klimatinvesteringar, men investeringstabellens Begärda budgetjusteringar för raden är 0,8 mnkr.');
    expect(byCell.get('F35')).toBe('Individ- och familjeomsorg: prognosen 369,9 överskrider budgeten 356,9 (budget med justeringar och förändringar) med 13,0 mnkr; budgetföljsamhet 103,6 %.');
    const en = run([], 'en').issues.find((i) => i.cell === 'E426');
    expect(en?.message).toBe('Enskede hemtjänst: transfer 467.0 does not follow from the carried-over -2,194.0 and the result 2,250.0; with the headers\' signs it is -56.0.');
  });

  it('gives the budget key figures of the table per verksamhetsområde (före 2 757,9 / 2 751,4, efter 2 751,4 / 2 751,4)', () => {
    expect(REAL.finance?.total).toEqual({ budget: 2739.6, justeringar: 0.9, forandringar: 10.9, prognos: 2751.4, avvikelse: 0 });
    expect(REAL.finance?.budgetfoljsamhet).toBe(1);
    expect(REAL.finance?.budgetfoljsamhetForeResultatoverforingar).toBeCloseTo(2757.9 / 2751.4, 9);
    const area = REAL.finance?.areas?.find((a) => a.label === 'Individ- och familjeomsorg');
    expect(area).toEqual({ label: 'Individ- och familjeomsorg', frame: 356.9, prognos: 369.9, avvikelse: -13, budgetfoljsamhet: Number((369.9 / 356.9).toPrecision(10)) });
    expect(REAL.finance?.areas?.map((a) => a.label)).not.toContain('varav barn och ungdom');
  });

  it('lists every table in finance.tables with its kind, title, header cell, rows, total and findings', () => {
    const tables = REAL.finance?.tables ?? [];
    expect(tables.map((t) => [t.kind, t.headerCell, t.rows])).toEqual([
      ['drift', 'A5', 7],
      ['drift', 'A33', 18],
      ['nyckeltal', 'A126', 14],
      ['nyckeltal', 'A172', 9],
      ['nyckeltal', 'A203', 5],
      ['nyckeltal', 'A252', 6],
      ['nyckeltal', 'A287', 3],
      ['nyckeltal', 'A324', 9],
      ['nyckeltal', 'A392', 5],
      ['resultatenheter', 'A408', 21],
      ['investering', 'A437', 8],
      ['omslutning', 'A519', 5],
    ]);
    // "Summa resultatenheter	1 055 433	-55 930	7 437	49 460"
    expect(tables[9].total).toEqual({
      'Resultatenhetens bruttobudget 2024': 1055433,
      'Resultatöverföring från 2023 Överskott (-) Underskott (+)': -55930,
      'Resultat 2024 Överskott (-) Underskott (+)': 7437,
      'Resultatöverföring till 2025 Överskott (+) Underskott (-)': 49460,
    });
    expect(tables[9].findings).toEqual({ errors: 0, warnings: 2 });
    expect(tables[1].findings).toEqual({ errors: 0, warnings: 2 });
    // "Totalt investeringar	39,7	1,0	40,7	0,0"
    expect(tables[10].total).toEqual({ 'Budget 2024': 39.7, 'Begärda budgetjusteringar': 1, 'Prognos 2024': 40.7, Avvikelse: 0 });
  });
});

describe('errors seeded into copies of the real tables are caught at their cells', () => {
  it.each<[string, [number, string, CellValue][], string[]]>([
    // "Stadsmiljöverksamhet	33,7	0,0	0,0	33,3	33,3	0,4": Avvikelse 1,4; Totalt's Avvikelse then misses 1,0
    ['drift row identity', [[40, 'G', '1,4']], ['E_FIN_ARITHMETIC G40', 'E_FIN_TOTAL G51']],
    // "Intäkter	-412,5 …": the netto row no longer equals Kostnader + Intäkter, and the row's own Avvikelse is off
    ['netto row', [[8, 'B', '-402,5']], ['E_FIN_ARITHMETIC F8', 'E_FIN_NETTO B6']],
    // "Resultatenheternas överskott till 2025	49,5" → 48,5: the chain breaks and it no longer matches the resultatenheter's 49 460 tkr
    ['resultatdispositioner chain', [[11, 'F', '48,5']], ['W_FIN_CHAIN F12', 'W_FIN_CROSS F11']],
    // "Summa resultatenheter … -55 930" → -57 930: no longer the sum of its rows, nor the drift table's 56,0 mnkr
    ['resultatenheter sum and link', [[431, 'C', '-57 930']], ['W_FIN_CROSS F10', 'W_FIN_RESULTATENHET C431']],
    // "Snösättras förskolor	41 164	-2 310	-265	2 575" → 2 675
    ['resultatenhet row', [[409, 'E', '2 675']], ['W_FIN_RESULTATENHET E409', 'W_FIN_RESULTATENHET E431']],
    // "Äldreomsorg	68,0" → 66,0: the sum 83,6 no longer matches Intäkter's −85,6 nor the caption's "85,6 mnkr"
    ['omslutning', [[523, 'B', '66,0']], ['W_FIN_CROSS A517', 'W_FIN_CROSS D8']],
    // "Gruppboende	138	143" → 148: "Summa	940" is no longer the sum
    ['nyckeltal Summa', [[327, 'B', '148']], ['E_KEYFIGURE_SUM B333']],
    // "Orosanmälningar … 514	503	-2%" → -12%
    ['change column', [[127, 'H', '-12%']], ['W_KEYFIGURE_CHANGE H127']],
    // "Vård- och omsorgsboende, antal månadspersoner	524	497	539	354	185": Varav kvinnor 364 + Varav män 185 ≠ 539
    ['women and men columns', [[288, 'E', '364']], ['E_KEYFIGURE_SUM D288']],
    // "varav LVU-placeringar**	42" → 92, more than "Externa placeringar**	71"
    ['varav row', [[131, 'B', '92']], ['W_FIN_VARAV B130']],
    // "Klimatinvesteringar	5,1	0,8	5,9	0,0": justeringar 1,8; the texts requesting 0,8 mnkr for it (lines 538, 542) now differ
    ['investering', [[441, 'C', '1,8']], ['E_FIN_ARITHMETIC E441', 'E_FIN_TOTAL C445', 'W_FIN_CROSS A538', 'W_FIN_CROSS A542']],
    // "Verksamhetsområdet prognostiserar ett överskott om 2,8 mnkr" (Nämnd- och förvaltningsadministration) → 3,8
    ['analysis text', [[91, 'A', 'Verksamhetsområdet prognostiserar ett överskott om 3,8 mnkr jämfört med budget.']], ['W_FIN_CROSS A91']],
    // Line 71 "… nettokostnader om 2 757,9 mnkr. För kostnaderna prognostiseras totalt 3 261,0 mnkr och för intäkterna 503,1 mnkr …"
    // and line 73 "Begärda budgetjusteringar uppgår till totalt 1,9 mnkr, varav 0,9 mnkr för drift och 1,0 mnkr för investering" against changed texts
    ['amounts in the analysis', [
      [71, 'A', 'Totalt för året prognostiseras nettokostnader om 2 767,9 mnkr. För kostnaderna prognostiseras totalt 3 261,0 mnkr och för intäkterna 513,1 mnkr.'],
      [73, 'A', 'Begärda budgetjusteringar uppgår till totalt 1,9 mnkr, varav 0,9 mnkr för drift och 1,2 mnkr för investering.'],
      [57, 'A', 'Den justerade driftbudgeten uppgår därmed till 2 739,6 mnkr och investeringsbudgeten uppgår till 38,7 mnkr.'],
    ], ['W_FIN_CROSS A57', 'W_FIN_CROSS A71', 'W_FIN_CROSS A71', 'W_FIN_CROSS A73']],
    // "Nämnden ansöker om 0,8 mnkr för klimatinvesteringsmedel …" → 0,9; the requests of 0,2 mnkr (lines 502, 534) still hold
    ['requested investment', [[538, 'A', 'Nämnden ansöker om 0,9 mnkr för klimatinvesteringsmedel.']], ['W_FIN_CROSS A538']],
    // "Totalt	2 739,6 … 2 751,4	0,0": the forecast after transfers 2 761,4 is above budget; the chain's "efter" 0,0 and
    // the text "ett utfall inom fastställd budget efter resultatöverföringar" (line 83) no longer hold
    ['overrun on the total', [[51, 'F', '2 761,4'], [51, 'G', '-10,0']], ['E_FIN_TOTAL F51', 'E_FIN_TOTAL G51', 'W_BUDGET_OVERRUN F51', 'W_FIN_CROSS A83', 'W_FIN_CROSS F12']],
  ])('%s', (_name, changes, expected) => {
    expect(added(run(changes))).toEqual(expected.sort());
  });

  it('a bad amount cell in a money table is E_NUMBER at that cell', () => {
    expect(added(run([[441, 'D', 'fem']]))).toContain('E_NUMBER D441');
  });
});

describe('the summary sheet\'s economy part', () => {
  const plan = check({ sheets: [{ name: 'Ekonomi', values: readTsv(FILE) }] }).plan;
  const summary = plan.sheets.find((s) => s.name === 'Sammanställning');
  const rows = summary?.values ?? [];
  const at = (text: string) => rows.findIndex((r) => r[0] === text);

  it('lists budgetföljsamhet per verksamhetsområde, an overrun highlighted', () => {
    const start = at('Budgetföljsamhet per verksamhetsområde (mnkr)');
    expect(rows[start + 1].slice(0, 7)).toEqual(['Verksamhetsområde', null, null, 'Justerad budget', 'Prognos', 'Avvikelse', 'Budgetföljsamhet']);
    const iof = rows.findIndex((r) => r[0] === 'Individ- och familjeomsorg');
    expect(rows[iof].slice(3, 7)).toEqual([356.9, 369.9, -13, 1.036424769]);
    expect(summary?.fills?.[iof][6]).toBe('#FFF2CC');
    expect(summary?.fills?.[at('Nämnd och administration')][6]).toBeNull();
  });

  it('has one line per table with its kind, place, title, rows, findings, unit and total', () => {
    const start = at('Ekonomitabeller');
    const lines = rows.slice(start + 2, start + 14);
    expect(lines.map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual([
      ['Driftbudget', 'Ekonomi!A5', 7, 0, 0],
      ['Driftbudget', 'Ekonomi!A33', 18, 0, 2],
      ['Nyckeltal', 'Ekonomi!A126', 14, 0, 0],
      ['Nyckeltal', 'Ekonomi!A172', 9, 0, 0],
      ['Nyckeltal', 'Ekonomi!A203', 5, 0, 0],
      ['Nyckeltal', 'Ekonomi!A252', 6, 0, 0],
      ['Nyckeltal', 'Ekonomi!A287', 3, 0, 0],
      ['Nyckeltal', 'Ekonomi!A324', 9, 0, 0],
      ['Nyckeltal', 'Ekonomi!A392', 5, 0, 0],
      ['Resultatenheter', 'Ekonomi!A408', 21, 0, 2],
      ['Investeringar', 'Ekonomi!A437', 8, 0, 0],
      ['Omslutningsförändringar', 'Ekonomi!A519', 5, 0, 0],
    ]);
    expect(lines[7][11]).toBe('VP 2024 940 · T1 2024 Avläsning 979'); // "Summa	940	979"
    expect(lines[10][11]).toBe('Budget 2024 39,7 · Begärda budgetjusteringar 1 · Prognos 2024 40,7 · Avvikelse 0');
    expect(lines[2][11]).toBe('(ingen totalrad)');
  });
});

describe('a netto row over its Kostnader and Intäkter rows', () => {
  // Lines 5–8 of the real section with a Totalt row under them: Kostnader and Intäkter are parts of the netto row
  const values = readTsv(FILE).slice(4, 8);
  values.push(['Totalt', '2 739,6', '0,9', '10,9', '2 757,9', '-6,5']);
  it('adds only the netto row into Totalt', () => {
    const issues = check({ sheets: [{ name: 'Ekonomi', values }] }).report.issues;
    expect(issues.filter((i) => i.severity !== 'info').map((i) => `${i.code} ${i.cell}`)).toEqual(['W_BUDGET_OVERRUN E5']);
  });
});

describe('a table per verksamhetsområde with one Prognos column', () => {
  it('raises no alarm on the figures before transfers that it does not hold', () => {
    // The real section with column E, "Prognos (före resultatöverföringar)", removed from the table on lines 33–51
    const values = readTsv(FILE).map((row, i) => (i >= 32 && i <= 50 ? [...row.slice(0, 4), ...row.slice(5)] : row));
    const report = check({ sheets: [{ name: 'Ekonomi', values }] }).report;
    expect(codes(report.issues).filter((c) => !c.startsWith('W_FIN_RESULTATENHET'))).toEqual(['W_BUDGET_OVERRUN E35', 'W_BUDGET_OVERRUN E48', 'W_FIN_CROSS A503']);
  });
});
