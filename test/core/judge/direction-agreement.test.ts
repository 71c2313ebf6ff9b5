// Measures SPEC 5.3's direction rule against independent readings: an analyst's reading of every real VP 2024 indicator, and the Riktning the T1 2024 report states.
import * as path from 'path';
import { decideDirection } from '../../../core/judge/direction';
import type { CellValue, Direction, Indicator } from '../../../core/types';
import { FIXTURE_DIR, readTsv } from '../../helpers/fixtures';
import { fixtureCells, fixtureIndicatorRows, makeIndicator } from '../assess-helpers';

/** The direction Målkoll resolves without a Riktning column (its sense; a trend target's own sense). */
function resolved(indicator: Indicator): Direction {
  const judged = indicator.arsmal.kind === 'missing' ? indicator.kfArsmal : indicator.arsmal;
  return decideDirection(indicator, judged).sense;
}

interface Reading {
  name: string;
  expected: string;
  actual: Direction;
}

function agreement(readings: Reading[], same: (r: Reading) => boolean): { agree: number; total: number; misses: Reading[] } {
  const misses = readings.filter((r) => !same(r));
  return { agree: readings.length - misses.length, total: readings.length, misses };
}

function percent(n: number, total: number): string {
  return `${((100 * n) / total).toFixed(1)} %`;
}

describe('direction agreement on real plans (SPEC 5.3)', () => {
  test('VP 2024: every indicator against the analyst\'s reading (eav-vp-2024-directions.tsv)', () => {
    const [, ...analyst] = readTsv(path.join(FIXTURE_DIR, 'eav-vp-2024-directions.tsv'));
    const [header, ...rows] = readTsv(path.join(FIXTURE_DIR, 'eav-vp-2024', 'Indikatorer.tsv'));
    const byKey = new Map(rows.map((row, i) => [`${row[0]}|${row[1]}`, { row, line: i + 2 }]));
    const readings: Reading[] = analyst.map(([goal, name, expected]) => {
      const found = byKey.get(`${goal}|${name}`);
      if (!found) throw new Error(`VP has no indicator ${goal} ${name}`);
      const cells: Record<string, CellValue> = {};
      header.forEach((h, i) => (cells[String(h)] = found.row[i] ?? null));
      return { name: String(name), expected: String(expected), actual: resolved(makeIndicator(cells, found.line)) };
    });
    // The analyst's reading has three classes: higher, lower and band ("not one-sided"); an exact
    // target (budgetföljsamhet 100 %) is the analyst's band of width zero.
    const strict = agreement(readings, (r) => r.expected === r.actual);
    const classes = agreement(readings, (r) => r.expected === (r.actual === 'exact' ? 'band' : r.actual));
    console.log(
      `Direction agreement VP 2024: ${classes.agree}/${classes.total} (${percent(classes.agree, classes.total)}) with exact read as band; ` +
        `${strict.agree}/${strict.total} (${percent(strict.agree, strict.total)}) word for word.\n` +
        strict.misses.map((m) => `  ${m.expected} ≠ ${m.actual}: ${m.name}`).join('\n'),
    );
    expect(readings).toHaveLength(83);
    expect(classes.misses).toEqual([]);
    // The only word-for-word differences are the two budgetföljsamhet rows, exact 100 % by SPEC 5.3.
    expect(strict.misses.map((m) => [m.name, m.actual])).toEqual([
      ['Nämndens budgetföljsamhet efter resultatöverföringar', 'exact'],
      ['Nämndens budgetföljsamhet före resultatöverföringar', 'exact'],
    ]);
  });

  test('T1 2024: the stated Riktning of every row against the rule with Riktning left out', () => {
    const words: Record<string, Direction> = { 'Högre är bättre': 'higher', 'Lägre är bättre': 'lower', Intervall: 'band', Exakt: 'exact' };
    const readings: Reading[] = [];
    for (const row of fixtureIndicatorRows()) {
      const cells = fixtureCells(row);
      const stated = words[String(cells.Riktning)];
      if (!stated) continue;
      readings.push({ name: String(cells.Indikator), expected: stated, actual: resolved(makeIndicator({ ...cells, Riktning: null }, row)) });
    }
    const result = agreement(readings, (r) => r.expected === r.actual);
    console.log(
      `Direction agreement T1 2024: ${result.agree}/${result.total} (${percent(result.agree, result.total)}).\n` +
        result.misses.map((m) => `  ${m.expected} ≠ ${m.actual}: ${m.name}`).join('\n'),
    );
    expect(result.misses).toEqual([]);
  });
});
