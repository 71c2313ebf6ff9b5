// Tests that economy tables pasted below the goals of an ILS report (one sheet) are found and checked like the Ekonomi sheet, and change nothing else the report gives (SPEC 2.6).
import * as path from 'path';
import { check } from '../../../core/check';
import type { CellValue, Issue, Report } from '../../../core/types';
import { eavReportSheet, FIXTURE_DIR, readTsv } from '../../helpers/fixtures';

const ECONOMY = path.join(FIXTURE_DIR, 'eav-t1-2024-rapport-ekonomi.tsv');

/** The first part of the real T1 2024 report with its economy section pasted below it, one blank row between. */
function pasted(changes: [number, number, CellValue][] = []): { report: Report; offset: number } {
  const goals = eavReportSheet().values;
  const economy = readTsv(ECONOMY);
  for (const [line, col, value] of changes) economy[line - 1][col] = value;
  const values = [...goals, [], ...economy];
  return { report: check({ sheets: [{ name: 'Rapport', values }] }).report, offset: goals.length + 1 };
}

const key = (i: Issue) => `${i.code} ${i.cell}`;

describe('economy tables in a pasted report', () => {
  const alone = check({ sheets: [eavReportSheet()] }).report;
  const { report, offset } = pasted();

  it('finds no economy table among the goals, indicators and activities of the report', () => {
    expect(alone.finance).toBeNull();
  });

  it('finds the twelve tables of the economy section, 900 rows further down', () => {
    expect(offset).toBe(900);
    expect(report.finance?.tables?.map((t) => `${t.kind} ${t.headerCell}`)).toEqual([
      'drift A905', 'drift A933', 'nyckeltal A1026', 'nyckeltal A1072', 'nyckeltal A1103', 'nyckeltal A1152',
      'nyckeltal A1187', 'nyckeltal A1224', 'nyckeltal A1292', 'resultatenheter A1308', 'investering A1337', 'omslutning A1419',
    ]);
    expect(report.finance?.budgetfoljsamhet).toBe(1);
  });

  it('reports the economy section\'s real inconsistencies at their cells, and the rest of the report as before', () => {
    const before = new Set(alone.issues.map(key));
    expect(report.issues.filter((i) => !before.has(key(i))).map(key)).toEqual([
      'W_BUDGET_OVERRUN F935', // Individ- och familjeomsorg, line 35 of the economy section
      'W_BUDGET_OVERRUN F948', // Ekonomiskt bistånd, line 48
      'W_FIN_RESULTATENHET E1324', // Stureby hemtjänst, line 424
      'W_FIN_RESULTATENHET E1326', // Enskede hemtjänst, line 426
      'W_FIN_CROSS A1403', // "- Investeringsmedel avseende klimatinvestering om 1,0 mnkr", line 503
    ]);
    expect(alone.issues.every((i) => report.issues.some((j) => key(j) === key(i)))).toBe(true);
    expect(report.indicators).toEqual(alone.indicators);
    expect(report.goals).toEqual(alone.goals);
  });

  it('catches an error seeded into the pasted tables at its cell', () => {
    // "Klimatinvesteringar	5,1	0,8	5,9	0,0" (line 441) with Prognos 6,9
    const seeded = pasted([[441, 3, '6,9']]).report;
    expect(seeded.issues.filter((i) => i.code.startsWith('E_FIN')).map(key)).toEqual(['E_FIN_ARITHMETIC E1341', 'E_FIN_TOTAL D1345']);
  });
});

describe('the economy section pasted alone into a sheet with any name', () => {
  it('is found even when its first table starts below row 20', () => {
    const values: CellValue[][] = [...Array.from({ length: 30 }, (_, i) => [`Inledande text ${i + 1}.`]), ...readTsv(ECONOMY)];
    const report = check({ sheets: [{ name: 'Blad1', values }] }).report;
    expect(report.finance?.tables).toHaveLength(12);
    expect(report.issues.filter((i) => i.code === 'W_FIN_RESULTATENHET').map((i) => i.cell)).toEqual(['E454', 'E456']);
  });

  it('is not read from a sheet that holds key figures but no budget table', () => {
    const values: CellValue[][] = [['Nyckeltal', 'Snitt 2023', 'T1 2023', 'T1 2024'], ['Antal barn', '3 473', '3 714', '3 586']];
    expect(check({ sheets: [{ name: 'Blad1', values }] }).report.finance).toBeNull();
  });
});
