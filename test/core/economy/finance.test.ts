// Tests the budget follow-up checks and key figures on the real T1 2024 Ekonomi table and on altered copies.
import * as path from 'path';
import { checkFinance } from '../../../core/economy/finance';
import { parseValue } from '../../../core/read/values';
import type { BudgetRow, CellValue } from '../../../core/types';
import { EAV_DIR, readTsv } from '../../helpers/fixtures';

const SHEET = 'Ekonomi';
const FIELDS = ['label', 'budget', 'justeringar', 'forandringar', 'prognosFore', 'prognos', 'avvikelse'] as const;

function number(value: CellValue): number | null {
  const parsed = parseValue(value);
  return parsed.kind === 'number' ? parsed.value : null;
}

/** Budget rows of a grid laid out like the fixture's Ekonomi sheet (B's reader does this for real). */
function budgetRows(grid: CellValue[][]): BudgetRow[] {
  const rows: BudgetRow[] = [];
  let parentRow: number | null = null;
  grid.slice(1).forEach((cells, i) => {
    const row = i + 1;
    const label = String(cells[0] ?? '');
    const isVarav = /^varav\b/i.test(label);
    const refs: BudgetRow['cells'] = {};
    FIELDS.forEach((field, col) => (refs[field] = { sheet: SHEET, row, col }));
    rows.push({
      sheet: SHEET,
      row,
      label,
      isVarav,
      isTotal: /^totalt?\b/i.test(label),
      parentRow: isVarav ? parentRow : null,
      budget: number(cells[1]),
      justeringar: number(cells[2]),
      forandringar: number(cells[3]),
      prognosFore: number(cells[4]),
      prognos: number(cells[5]),
      avvikelse: number(cells[6]),
      utfall: null,
      cells: refs,
    });
    if (!isVarav) parentRow = row;
  });
  return rows;
}

function fixtureGrid(): CellValue[][] {
  return readTsv(path.join(EAV_DIR, 'Ekonomi.tsv'));
}

function rowIndex(grid: CellValue[][], label: string): number {
  const index = grid.findIndex((r) => r[0] === label);
  expect(index).toBeGreaterThan(0);
  return index;
}

describe('checkFinance on the real T1 2024 table', () => {
  const { issues, summary } = checkFinance(budgetRows(fixtureGrid()), 'sv');

  it('finds no false alarm', () => {
    expect(issues).toEqual([]);
  });

  it('gives the total row and both budgetföljsamhet figures (SPEC 5.7)', () => {
    expect(summary?.total).toEqual({ budget: 2739.6, justeringar: 0.9, forandringar: 10.9, prognos: 2751.4, avvikelse: 0 });
    expect(summary?.budgetfoljsamhet).toBeCloseTo(1, 9);
    expect(summary?.budgetfoljsamhetForeResultatoverforingar).toBeCloseTo(2757.9 / 2751.4, 9);
    expect((summary?.budgetfoljsamhetForeResultatoverforingar ?? 0) * 100).toBeCloseTo(100.2, 1);
    expect(summary?.prognossakerhet).toBeUndefined();
  });
});

describe('checkFinance on altered copies', () => {
  it('a wrong Avvikelse gives exactly one E_FIN_ARITHMETIC on its cell, with the figures', () => {
    const grid = fixtureGrid();
    const r = rowIndex(grid, 'Nämnd och administration');
    grid[r][6] = '3,8';
    const { issues } = checkFinance(budgetRows(grid), 'sv');
    const arithmetic = issues.filter((i) => i.code === 'E_FIN_ARITHMETIC');
    expect(arithmetic).toEqual([
      {
        severity: 'error',
        code: 'E_FIN_ARITHMETIC',
        sheet: SHEET,
        cell: `G${r + 1}`,
        message:
          'Avvikelse 3,8 stämmer inte: Budget 80,7 + justeringar 0,5 + förändringar 0,0 − Prognos 78,4 = 2,8 (skillnad 1,0).',
      },
    ]);
    // The total's Avvikelse no longer matches the sum of the rows either.
    expect(issues.filter((i) => i.code === 'E_FIN_TOTAL').map((i) => i.cell)).toEqual([`G${grid.length}`]);
  });

  it('in English: one E_FIN_ARITHMETIC with the figures, and the total column check catches its sum', () => {
    const grid = fixtureGrid();
    const r = rowIndex(grid, 'Stadsmiljöverksamhet');
    grid[r][6] = '1,4';
    const { issues } = checkFinance(budgetRows(grid), 'en');
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ['E_FIN_ARITHMETIC', `G${r + 1}`],
      ['E_FIN_TOTAL', `G${grid.length}`],
    ]);
    expect(issues[0].message).toBe(
      'Deviation 1.4 does not add up: Budget 33.7 + adjustments 0.0 + changes 0.0 − Forecast 33.3 = 0.4 (difference 1.0).',
    );
  });

  it('a difference above 0,05 and at most 0,15 is W_FIN_ROUNDING; 0,05 is nothing', () => {
    const grid = fixtureGrid();
    const r = rowIndex(grid, 'Barn, kultur och fritid');
    grid[r][6] = '2,2'; // expected 2,1
    const a = rowIndex(grid, 'Avskrivningar');
    grid[a][6] = '0,05';
    grid.push(['Extra', '1,00', null, null, '0,5', '0,5', '0,65']); // after the total: 0,15 off
    const { issues } = checkFinance(budgetRows(grid), 'sv');
    expect(issues.filter((i) => i.code !== 'E_FIN_TOTAL').map((i) => [i.code, i.severity, i.cell])).toEqual([
      ['W_FIN_ROUNDING', 'warning', `G${r + 1}`],
      ['W_FIN_ROUNDING', 'warning', `G${grid.length}`],
    ]);
  });

  it('varav rows adding up to more than their row give W_FIN_VARAV on the row label', () => {
    const grid = fixtureGrid();
    const v = rowIndex(grid, 'varav handläggare');
    grid[v][1] = '170,0';
    grid[v][6] = '126,6';
    const parent = rowIndex(grid, 'Ekonomiskt bistånd');
    const { issues } = checkFinance(budgetRows(grid), 'sv');
    expect(issues).toEqual([
      {
        severity: 'warning',
        code: 'W_FIN_VARAV',
        sheet: SHEET,
        cell: `A${parent + 1}`,
        message: 'Varav-raderna under "Ekonomiskt bistånd" summerar till 170,0 i Budget, mer än raden själv (161,3).',
      },
    ]);
  });

  it('varav rows with mixed signs that add up to the row are fine (Individ- och familjeomsorg)', () => {
    const grid = fixtureGrid();
    const nyanlanda = rowIndex(grid, 'varav nyanlända');
    expect(number(grid[nyanlanda][5])).toBe(-5);
    expect(checkFinance(budgetRows(grid), 'sv').issues).toEqual([]);
  });

  it('a wrong total gives E_FIN_TOTAL on that column only', () => {
    const grid = fixtureGrid();
    const t = grid.length - 1;
    grid[t][4] = '2 760,0';
    const { issues, summary } = checkFinance(budgetRows(grid), 'sv');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'E_FIN_TOTAL', cell: `E${t + 1}` });
    expect(issues[0].message).toBe(
      'Totalt Prognos (före resultatöverföringar) 2 760,0 stämmer inte med summan av raderna ovan, 2 757,8 (skillnad 2,2; varav-rader räknas inte).',
    );
    expect(summary?.budgetfoljsamhetForeResultatoverforingar).toBeCloseTo(2760 / 2751.4, 9);
  });
});

describe('checkFinance edge cases', () => {
  it('carries rows with neither budget nor prognos', () => {
    const grid = fixtureGrid();
    grid.push(['Prognos/avvikelse efter resultatdispositioner', null, null, null, null, null, '99,0']);
    expect(checkFinance(budgetRows(grid), 'sv').issues).toEqual([]);
  });

  it('without a total row the sum of the non-varav rows stands in for it (real sums differ by rounding)', () => {
    const grid = fixtureGrid().slice(0, -1);
    const { issues, summary } = checkFinance(budgetRows(grid), 'sv');
    expect(issues).toEqual([]);
    expect(summary?.total?.budget).toBeCloseTo(2739.6, 9);
    expect(summary?.total?.prognos).toBeCloseTo(2751.3, 9);
    expect(summary?.budgetfoljsamhet).toBeCloseTo(2751.3 / 2751.4, 9);
  });

  it('treats missing justeringar and förändringar as 0 and computes prognossäkerhet with an Utfall', () => {
    const rows = budgetRows([
      ['Verksamhetsområde', 'Budget', 'Just', 'Förändr', 'Före', 'Prognos', 'Avvikelse'],
      ['A', '100,0', null, null, null, '90,0', '10,0'],
      ['Totalt', '100,0', null, null, null, '90,0', '10,0'],
    ]);
    rows[1].utfall = 91;
    rows[0].utfall = 91;
    const { issues, summary } = checkFinance(rows, 'sv');
    expect(issues).toEqual([]);
    expect(summary?.budgetfoljsamhet).toBe(0.9);
    expect(summary?.budgetfoljsamhetForeResultatoverforingar).toBeUndefined();
    expect(summary?.prognossakerhet).toBe(0.01);
  });

  it('has no summary without rows', () => {
    expect(checkFinance([], 'sv')).toEqual({ issues: [], summary: null });
  });
});
