// Generates realistic workbooks of any size for the benchmark: the real T1 2024 fixture rows under new goal numbers, every copy after the first with its own figures and names, so that no two copies are alike.
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

/** A small deterministic generator (mulberry32): the same workbook on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number written the Swedish way, with an optional unit: `38,87 %`, `2 757,9 mnkr`, `69`. */
const NUMBER_TEXT = /^(-?)(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?(\s*(?:%|[a-zåäö]+))?$/i;

/** The same kind of figure scaled by `factor`, with as many decimals as the original; a percentage stays within 0–100 %. */
function vary(text: string, factor: number): string {
  const m = NUMBER_TEXT.exec(text);
  if (!m || /^(19|20)\d\d$/.test(text.trim())) return text; // a year (the Period column) stays
  const decimals = m[3]?.length ?? 0;
  let value = Number(`${m[1]}${m[2].replace(/ /g, '')}.${m[3] ?? '0'}`) * factor;
  if (m[4]?.trim() === '%') value = Math.min(100, value);
  const fixed = Math.abs(value).toFixed(decimals).split('.');
  const whole = fixed[0].replace(/\B(?=(\d{3})+(?!\d))/g, m[2].includes(' ') ? ' ' : '');
  return `${value < 0 ? '-' : ''}${whole}${decimals ? `,${fixed[1]}` : ''}${m[4] ?? ''}`;
}

/**
 * Copies of a table's rows under new goal numbers. Copy 0 is the fixture itself; every later copy has its figures
 * moved (so values, statuses and issues differ from row to row) and its texts marked with the copy, so that the
 * workbook does not repeat the same 83 rows and no memo in core hits on every row.
 */
function repeatRows(table: CellValue[][], goalCol: number, copies: number, limit: number, textCols: number[], targetCols: number[], seed: number): CellValue[][] {
  const [header, ...rows] = table;
  const out: CellValue[][] = [header];
  const next = random(seed);
  for (let copy = 0; copy < copies && out.length - 1 < limit; copy++) {
    for (const row of rows) {
      if (out.length - 1 >= limit) break;
      const line = row.slice();
      line[goalCol] = renumber(row[goalCol], copy);
      if (copy > 0) {
        // One factor for the row's figures keeps them consistent with each other (men, women and total); the
        // targets move a little on their own, so that statuses differ from copy to copy.
        const factor = 0.85 + next() * 0.3;
        const targetFactor = factor * (0.9 + next() * 0.2);
        for (let c = 0; c < line.length; c++) {
          const value = line[c];
          if (c === goalCol || typeof value !== 'string') continue;
          if (textCols.includes(c)) line[c] = `${value} (${copy + 1})`;
          else line[c] = vary(value, targetCols.includes(c) ? targetFactor : factor);
        }
      }
      out.push(line);
    }
  }
  return out;
}

function columnOf(table: CellValue[][], header: string): number {
  return table[0].indexOf(header);
}

/** A workbook with `indicatorRows` indicators, goals and activities in the fixture's proportions, and its budget table. */
export function generateWorkbook(indicatorRows: number): WorkbookGrids {
  const goals = readTable('Mål');
  const indicators = readTable('Indikatorer');
  const activities = readTable('Aktiviteter');
  const copies = Math.ceil(indicatorRows / (indicators.length - 1));
  const activityLimit = Math.round((indicatorRows * (activities.length - 1)) / (indicators.length - 1));
  const texts = (table: CellValue[][], headers: string[]): number[] => headers.map((h) => columnOf(table, h)).filter((c) => c >= 0);
  const sheets: SheetGrid[] = [
    { name: 'Inställningar', values: readTable('Inställningar') },
    { name: 'Mål', values: repeatRows(goals, 1, copies, Number.MAX_SAFE_INTEGER, texts(goals, ['Mål', 'Analys']), [], 1) },
    { name: 'Indikatorer', values: repeatRows(indicators, 0, copies, indicatorRows, texts(indicators, ['Indikator', 'Kommentar']), texts(indicators, ['Årsmål', 'KF:s årsmål']), 2) },
    { name: 'Aktiviteter', values: repeatRows(activities, 0, copies, activityLimit, texts(activities, ['Aktivitet', 'Beskrivning']), [], 3) },
    { name: 'Ekonomi', values: readTable('Ekonomi') },
  ];
  return { sheets };
}
