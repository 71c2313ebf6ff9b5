// Generates realistic workbooks of any size for the benchmark: the real T1 2024 fixture workbook repeated under new goal numbers.
import * as fs from 'fs';
import * as path from 'path';
import type { CellValue, SheetGrid, WorkbookGrids } from '../core/types';

const FIXTURE_DIR = path.join(__dirname, '..', '..', 'test', 'fixtures', 'eav-t1-2024');

function readTable(name: string): CellValue[][] {
  const dir = fs.existsSync(FIXTURE_DIR) ? FIXTURE_DIR : path.join(__dirname, '..', 'test', 'fixtures', 'eav-t1-2024');
  const text = fs.readFileSync(path.join(dir, `${name}.tsv`), 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
  return text.split('\n').map((line) => line.split('\t').map((cell) => (cell === '' ? null : cell)));
}

/** Moves a goal number into copy `copy`: inriktningsmål n becomes n + copy × 3 (the fixture has three). */
function renumber(goal: CellValue, copy: number): CellValue {
  if (typeof goal !== 'string') return goal;
  const m = /^(\d+)(.*)$/.exec(goal.trim());
  if (!m) return goal;
  return `${Number(m[1]) + copy * 3}${m[2]}`;
}

function repeatRows(table: CellValue[][], goalCol: number, copies: number, limit: number): CellValue[][] {
  const [header, ...rows] = table;
  const out: CellValue[][] = [header];
  for (let copy = 0; copy < copies && out.length - 1 < limit; copy++) {
    for (const row of rows) {
      if (out.length - 1 >= limit) break;
      const next = row.slice();
      next[goalCol] = renumber(row[goalCol], copy);
      out.push(next);
    }
  }
  return out;
}

/** A workbook with `indicatorRows` indicators, goals and activities in the fixture's proportions, and its budget table. */
export function generateWorkbook(indicatorRows: number): WorkbookGrids {
  const goals = readTable('Mål');
  const indicators = readTable('Indikatorer');
  const activities = readTable('Aktiviteter');
  const copies = Math.ceil(indicatorRows / (indicators.length - 1));
  const activityLimit = Math.round((indicatorRows * (activities.length - 1)) / (indicators.length - 1));
  const sheets: SheetGrid[] = [
    { name: 'Inställningar', values: readTable('Inställningar') },
    { name: 'Mål', values: repeatRows(goals, 1, copies, Number.MAX_SAFE_INTEGER) },
    { name: 'Indikatorer', values: repeatRows(indicators, 0, copies, indicatorRows) },
    { name: 'Aktiviteter', values: repeatRows(activities, 0, copies, activityLimit) },
    { name: 'Ekonomi', values: readTable('Ekonomi') },
  ];
  return { sheets };
}
