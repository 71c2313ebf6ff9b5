// Tests plan budget tables (Kostnader | Intäkter | Netto per year, headers over two or three rows, both sign conventions for intäkter), as every real verksamhetsplan holds them (SPEC 2.4, E_FIN_NETTO).
import { check } from '../../../core/check';
import { discoverEconomy } from '../../../core/economy/tables';
import type { CellValue, Issue, WorkbookGrids } from '../../../core/types';

/**
 * Built in the shape of Södermalm VP 2021's budget table ("Budget 2021" and "Prognos 2020" each over
 * Kostnader | Intäkter | Netto). The figures are made up so that every row adds up: Netto = Kostnader + Intäkter.
 */
function negativeIncome(): CellValue[][] {
  return [
    ['Driftbudget 2021'],
    [],
    ['Verksamhetsområde', 'Budget 2021', null, null, 'Prognos 2020', null, null],
    ['Mnkr', 'Kostnader', 'Intäkter', 'Netto', 'Kostnader', 'Intäkter', 'Netto'],
    ['Nämnd och förvaltning', '95,2', '-3,1', '92,1', '93,0', '-2,9', '90,1'],
    ['Individ- och familjeomsorg', '410,5', '-60,2', '350,3', '405,0', '-58,0', '347,0'],
    ['varav barn och ungdom', '200,0', '-20,0', '180,0', '198,0', '-19,5', '178,5'],
    ['Förskoleverksamhet', '700,4', '-45,6', '654,8', '690,2', '-44,1', '646,1'],
    ['Summa', '1 206,1', '-108,9', '1 097,2', '1 188,2', '-105,0', '1 083,2'],
  ];
}

/** The same budget with intäkter written as positive numbers (Netto = Kostnader − Intäkter) and a three-row header. */
function positiveIncome(): CellValue[][] {
  return [
    ['Budget per verksamhetsområde'],
    [null, 'Budget', null, null, 'Prognos', null, null],
    ['Tkr', '2021', null, null, '2020', null, null],
    [null, 'Kostnader', 'Intäkter', 'Netto', 'Kostnader', 'Intäkter', 'Netto'],
    ['Nämnd och förvaltning', '95 200', '3 100', '92 100', '93 000', '2 900', '90 100'],
    ['Individ- och familjeomsorg', '410 500', '60 200', '350 300', '405 000', '58 000', '347 000'],
    ['Förskoleverksamhet', '700 400', '45 600', '654 800', '690 200', '44 100', '646 100'],
    ['Totalt', '1 206 100', '108 900', '1 097 200', '1 188 200', '105 000', '1 083 200'],
  ];
}

function run(values: CellValue[][], changes: [number, number, CellValue][] = [], extra: WorkbookGrids['sheets'] = []): Issue[] {
  const copy = values.map((row) => [...row]);
  for (const [row, col, value] of changes) copy[row][col] = value;
  return check({ sheets: [...extra, { name: 'Ekonomi', values: copy }] }).report.issues;
}

const codes = (issues: Issue[]) => issues.filter((i) => i.severity !== 'info').map((i) => `${i.code} ${i.cell}`).sort();

describe('plan budget tables', () => {
  it('are found with their year groups over Kostnader | Intäkter | Netto (two header rows)', () => {
    const [table] = discoverEconomy({ name: 'Ekonomi', values: negativeIncome() }).tables;
    expect(table).toMatchObject({ kind: 'plan', title: 'Driftbudget 2021', unit: 'mnkr', headerRow: 2, lastHeaderRow: 3 });
    expect(table.columns.map((c) => c.header)).toEqual([
      'Budget 2021 Kostnader', 'Budget 2021 Intäkter', 'Budget 2021 Netto',
      'Prognos 2020 Kostnader', 'Prognos 2020 Intäkter', 'Prognos 2020 Netto',
    ]);
    expect(table.rows.map((r) => r.label)).toEqual(['Nämnd och förvaltning', 'Individ- och familjeomsorg', 'varav barn och ungdom', 'Förskoleverksamhet', 'Summa']);
  });

  it('are found with a three-row header and the unit in it (tkr)', () => {
    const [table] = discoverEconomy({ name: 'Ekonomi', values: positiveIncome() }).tables;
    expect(table).toMatchObject({ kind: 'plan', unit: 'tkr', headerRow: 1, lastHeaderRow: 3 });
    expect(table.columns[2].header).toBe('Budget 2021 Netto');
  });

  it('pass when every row adds up, under either sign convention', () => {
    expect(codes(run(negativeIncome()))).toEqual([]);
    expect(codes(run(positiveIncome()))).toEqual([]);
  });

  it('E_FIN_NETTO at a Netto that does not follow from Kostnader and Intäkter (negative intäkter)', () => {
    // Förskoleverksamhet Budget 2021 Netto 654,8 → 645,8: the row and the Summa of the column
    const issues = run(negativeIncome(), [[7, 3, '645,8']]);
    expect(codes(issues)).toEqual(['E_FIN_NETTO D8', 'E_FIN_TOTAL D9']);
    expect(issues.find((i) => i.code === 'E_FIN_NETTO')?.message).toBe(
      'Förskoleverksamhet, Budget 2021 Netto: 645,8 stämmer inte med Kostnader 700,4 + Intäkter -45,6 = 654,8 (intäkterna skrivs negativa i tabellen).',
    );
  });

  it('E_FIN_NETTO under the positive convention: Netto = Kostnader − Intäkter', () => {
    // Individ- och familjeomsorg Prognos 2020 Intäkter 58 000 → 68 000
    const issues = run(positiveIncome(), [[5, 5, '68 000']]);
    expect(codes(issues)).toEqual(['E_FIN_NETTO G6', 'E_FIN_TOTAL F8']);
    expect(issues[0].message).toContain('405 000 − Intäkter 68 000 = 337 000');
  });

  it('E_FIN_TOTAL at a Summa that is not the sum of its rows (varav rows not counted)', () => {
    expect(codes(run(negativeIncome(), [[8, 1, '1 216,1']]))).toEqual(['E_FIN_NETTO D9', 'E_FIN_TOTAL B9']);
  });

  it('are checked in a verksamhetsplan as well', () => {
    const settings = { name: 'Inställningar', values: [['Rapportperiod', 'Verksamhetsplan 2021']] };
    expect(codes(run(negativeIncome(), [[7, 3, '645,8']], [settings])).filter((c) => c.startsWith('E_FIN'))).toEqual(['E_FIN_NETTO D8', 'E_FIN_TOTAL D9']);
  });
});
