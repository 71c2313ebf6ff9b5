// Property tests of SPEC 10 (trust): any grid of any cell values gives issues, never an exception; the plan never touches the user's data and never writes a formula; a run is idempotent and highlights are reversible.
import fc from 'fast-check';
import { parseA1 } from '../../core/common/a1';
import { check } from '../../core/check';
import { clearPlan, needsTextGuard } from '../../core/write/plan';
import { readWorkbook } from '../../core/read/read';
import { isOutputSheet, matchHeader } from '../../core/read/schema';
import type { CellValue, CheckResult, SheetGrid, WorkbookGrids, WritePlan } from '../../core/types';
import { applyPlanToGrids } from '../helpers/apply-plan';
import { eavTextWorkbook } from '../helpers/fixtures';
import { damagedRealWorkbook, filledWorkbook, randomWorkbook } from './property-arbitraries';

/**
 * Small enough that the whole file stays well under 20 s on a shared two-core machine. A fresh seed each run,
 * printed, so that every run tries new workbooks; MALKOLL_SEED=<seed> repeats a failing one.
 */
const SEED = Number(process.env.MALKOLL_SEED) || Date.now() % 2147483647;
console.log(`property seed: ${SEED} (repeat with MALKOLL_SEED=${SEED})`);
const RUNS = { numRuns: 100, seed: SEED };
const REAL_RUNS = { numRuns: 20, seed: SEED };

const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const findSheet = (grids: WorkbookGrids, name: string): SheetGrid | undefined =>
  grids.sheets.find((s) => s.name === name) ?? grids.sheets.find((s) => sameName(s.name, name));

/** Rows × columns of the area a sheet uses (at least 1 × 1, so A1 of an empty sheet is inside). */
function usedArea(sheet: SheetGrid): { rows: number; cols: number } {
  let cols = 1;
  for (const row of sheet.values) if (row.length > cols) cols = row.length;
  return { rows: Math.max(1, sheet.values.length), cols };
}

/**
 * Columns whose header names an output field (Förslag, Underlag, Beräknad prognos, Status, Måluppfyllnad): Målkoll
 * may overwrite them. Keyed by sheet and column, from the header row of every table the reader found.
 */
function outputColumnKeys(grids: WorkbookGrids): Set<string> {
  const keys = new Set<string>();
  for (const table of readWorkbook(grids).model.tables) {
    const header = findSheet(grids, table.sheet)?.values[table.headerRow] ?? [];
    header.forEach((value, col) => {
      if ((['indicators', 'goals'] as const).some((kind) => matchHeader(kind, value)?.output === true)) keys.add(`${table.sheet}|${col}`);
    });
  }
  return keys;
}

/** Runs check and fails loudly on an internal error (check turns a thrown exception into E_INTERNAL). */
function checked(grids: WorkbookGrids): CheckResult {
  const result = check(grids);
  const internal = result.report.issues.filter((i) => i.code === 'E_INTERNAL');
  if (internal.length) throw new Error(`E_INTERNAL: ${internal.map((i) => i.message).join(' | ')}`);
  return result;
}

function assertIssuesPointIntoWorkbook(grids: WorkbookGrids, result: CheckResult): void {
  const areas = new Map(grids.sheets.map((s) => [s.name, usedArea(s)]));
  for (const issue of result.report.issues) {
    if (issue.code === 'E_NO_INPUT' && issue.sheet === '' && grids.sheets.every((s) => isOutputSheet(s.name))) continue; // nothing else to point at
    const area = areas.get(issue.sheet);
    if (!area) throw new Error(`${issue.code} names sheet "${issue.sheet}", not in the workbook`);
    const at = parseA1(issue.cell);
    if (!at) throw new Error(`${issue.code} on ${issue.sheet} has no A1 cell: "${issue.cell}"`);
    if (at.row < 0 || at.col < 0 || at.row >= area.rows || at.col >= area.cols) {
      throw new Error(`${issue.code} at ${issue.sheet}!${issue.cell} is outside the used area ${area.rows}×${area.cols}`);
    }
  }
}

/** Blocks go only into existing input sheets, and over a non-blank cell only in a column headed as an output column. */
function assertPlanSparesUserData(grids: WorkbookGrids, plan: WritePlan): void {
  const outputColumns = outputColumnKeys(grids);
  for (const block of plan.blocks) {
    const sheet = findSheet(grids, block.sheet);
    if (!sheet) throw new Error(`block for missing sheet ${block.sheet}`);
    if (isOutputSheet(sheet.name)) throw new Error(`block into Målkoll's own sheet ${sheet.name}`);
    block.values.forEach((line, r) =>
      line.forEach((_, c) => {
        const row = block.row + r;
        const col = block.col + c;
        const before = sheet.values[row]?.[col];
        if (!isBlank(before) && !outputColumns.has(`${sheet.name}|${col}`)) {
          throw new Error(`block overwrites ${sheet.name} row ${row + 1} col ${col + 1} = ${JSON.stringify(before)}, not an output column`);
        }
      }),
    );
  }
  for (const change of plan.fills) {
    if (!findSheet(grids, change.sheet)) throw new Error(`fill change for missing sheet ${change.sheet}`);
    for (const address of change.cells) if (!parseA1(address)) throw new Error(`fill change with bad address ${address}`);
  }
  for (const sheet of plan.sheets) {
    if (sheet.mode === 'replace' && !isOutputSheet(sheet.name)) throw new Error(`plan replaces input sheet ${sheet.name}`);
  }
  for (const name of plan.deleteSheets) if (!isOutputSheet(name)) throw new Error(`plan deletes input sheet ${name}`);
}

/** Every plan string that a host would read as a formula is flagged by needsTextGuard and stays the same text when applied. */
function assertNoFormulas(grids: WorkbookGrids, plan: WritePlan): void {
  const applied = applyPlanToGrids(grids, plan);
  const guard = (text: unknown, where: string): void => {
    if (typeof text === 'string' && /^[=+\-@]/.test(text) && !needsTextGuard(text)) throw new Error(`unguarded formula-like text at ${where}: ${text}`);
  };
  for (const block of plan.blocks) {
    const sheet = findSheet(applied, block.sheet) as SheetGrid;
    block.values.forEach((line, r) =>
      line.forEach((value, c) => {
        guard(value, `${block.sheet} r${block.row + r} c${block.col + c}`);
        if (sheet.values[block.row + r][block.col + c] !== value) throw new Error(`applied block cell differs at ${block.sheet}`);
      }),
    );
  }
  for (const sheet of plan.sheets) {
    const written = findSheet(applied, sheet.name);
    sheet.values.forEach((line, r) =>
      line.forEach((value, c) => {
        guard(value, `${sheet.name} r${r} c${c}`);
        if (written && sheet.mode === 'replace' && written.values[r][c] !== value) throw new Error(`applied sheet cell differs at ${sheet.name}`);
      }),
    );
    for (const link of sheet.links ?? []) guard(link.text, `${sheet.name} link`);
  }
}

/** Values, formats and fills of every sheet, blanks normalised, for comparing two workbooks. */
function snapshot(grids: WorkbookGrids): unknown {
  const norm = <T>(m: (T | null | undefined)[][] | undefined, blank: (v: T | null | undefined) => boolean) => {
    const rows = (m ?? []).map((row) => {
      const line = row.map((v) => (blank(v) ? null : v));
      while (line.length && line[line.length - 1] === null) line.pop();
      return line;
    });
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    return rows;
  };
  return grids.sheets.map((s) => ({
    name: s.name,
    values: norm(s.values, (v) => v === null || v === undefined || v === ''),
    formats: norm(s.formats, (v) => v === null || v === undefined || v === ''),
    fills: norm(s.fills, (v) => v === null || v === undefined || v === ''),
  }));
}

/** Cells (sheet, row, col) covered by the plan's output blocks. */
function outputCells(plan: WritePlan): Set<string> {
  const cells = new Set<string>();
  for (const b of plan.blocks) b.values.forEach((line, r) => line.forEach((_, c) => cells.add(`${b.sheet.toLowerCase()}|${b.row + r}|${b.col + c}`)));
  return cells;
}

/**
 * Found by this property (500 runs): two sheets whose names differ only in surrounding spaces. The record names
 * "Ekonomi " but is read back trimmed and found by folded name as "Ekonomi", so the clear restores the wrong sheet
 * and the highlight on "Ekonomi "!A1 stays. Kept as a fixed example so it is tried on every run.
 */
const TWO_EKONOMI_SHEETS: WorkbookGrids = {
  sheets: [
    { name: 'Ekonomi', values: [['x']], fills: [[null]] },
    { name: 'Ekonomi ', values: [['x']], fills: [['#FFFF00']] },
  ],
};

/**
 * Found by the idempotency property: two headers of the same output field (Basis, Underlag). The first run writes
 * "Underlag" over "Basis", so the second run's E_DUPLICATE_COLUMN message quotes other headers and the report changes.
 */
const TWO_UNDERLAG_HEADERS: WorkbookGrids = {
  sheets: [{ name: 'Mål', values: [['Basis', 'Underlag', 'Nummer', 'Mål'], [null, null, '1', 'x']] }],
};

describe('check on random workbooks (SPEC 10)', () => {
  it('never throws and every issue names an existing sheet and a cell inside its used area', () => {
    fc.assert(
      fc.property(randomWorkbook, (grids) => {
        assertIssuesPointIntoWorkbook(grids, checked(grids));
      }),
      RUNS,
    );
  });

  it('plans write only output columns, Målkoll sheets and fills, never over the user data', () => {
    fc.assert(
      fc.property(randomWorkbook, (grids) => {
        assertPlanSparesUserData(grids, checked(grids).plan);
      }),
      RUNS,
    );
  });

  it('writes no string that would become a formula', () => {
    fc.assert(
      fc.property(randomWorkbook, (grids) => {
        assertNoFormulas(grids, checked(grids).plan);
      }),
      RUNS,
    );
  });

  it('is idempotent: checking the checked workbook gives the same report and the same workbook', () => {
    fc.assert(
      fc.property(randomWorkbook, (grids) => {
        const first = checked(grids);
        const once = applyPlanToGrids(grids, first.plan);
        const second = checked(once);
        expect(second.report).toEqual(first.report);
        expect(snapshot(applyPlanToGrids(once, second.plan))).toEqual(snapshot(once));
      }),
      { ...RUNS, examples: [[TWO_UNDERLAG_HEADERS]] },
    );
  });

  it('never loses a fill: check, then Rensa markeringar, gives every input cell its original fill back', () => {
    fc.assert(
      fc.property(filledWorkbook, (grids) => {
        const { plan } = checked(grids);
        const checkedBook = applyPlanToGrids(grids, plan);
        const cleared = applyPlanToGrids(checkedBook, clearPlan(checkedBook));
        const output = outputCells(plan);
        for (const before of grids.sheets) {
          // A user's sheet named like Målkoll's (Sammanställning, _malkoll) is the user's too: nothing in it may change.
          const after = findSheet(cleared, before.name) as SheetGrid;
          const rows = Math.max(before.values.length, after.fills?.length ?? 0);
          for (let r = 0; r < rows; r++) {
            const cols = Math.max(before.values[r]?.length ?? 0, after.fills?.[r]?.length ?? 0);
            for (let c = 0; c < cols; c++) {
              if (output.has(`${before.name.toLowerCase()}|${r}|${c}`)) continue;
              const original = before.fills?.[r]?.[c] ?? null;
              const restored = after.fills?.[r]?.[c] ?? null;
              if (original !== restored) throw new Error(`${before.name} r${r + 1} c${c + 1}: fill ${original} became ${restored}`);
            }
          }
          // Every input value is still there (only output columns were added).
          before.values.forEach((line, r) =>
            line.forEach((value, c) => {
              if (output.has(`${before.name.toLowerCase()}|${r}|${c}`)) return;
              if ((after.values[r]?.[c] ?? null) !== value) throw new Error(`${before.name} r${r + 1} c${c + 1}: value ${JSON.stringify(value)} became ${JSON.stringify(after.values[r]?.[c])}`);
            }),
          );
        }
        // The record stays, naming Målkoll's own sheets, without highlights.
        expect(cleared.sheets.find((s) => s.name === '_malkoll')?.values.filter((r) => r[0] === 'highlight')).toEqual([]);
      }),
      { ...RUNS, examples: [[TWO_EKONOMI_SHEETS]] },
    );
  });
});

describe('check on the real workbook with random damage', () => {
  it('keeps every property: no exception, issues inside the workbook, user data spared, no formulas, idempotent', () => {
    fc.assert(
      fc.property(damagedRealWorkbook, (grids) => {
        const first = checked(grids);
        assertIssuesPointIntoWorkbook(grids, first);
        assertPlanSparesUserData(grids, first.plan);
        assertNoFormulas(grids, first.plan);
        const once = applyPlanToGrids(grids, first.plan);
        expect(checked(once).report).toEqual(first.report);
      }),
      REAL_RUNS,
    );
  });
});

/** A small deterministic PRNG (mulberry32) so the 50 000-row sheet is the same junk on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a 50 000-row sheet of junk', () => {
  it('gives issues, never an exception, and issues stay inside the sheet', () => {
    const random = prng(50_000);
    const junk: CellValue[] = ['#N/A', '=SUM(A1)', '<img src=x onerror=alert(1)>', 'Fastställs 2024', '+/- 1 %', '@x', '-', 'x'.repeat(80), true, null, '', '1.1', '1.2.3.4.5'];
    const pick = (): CellValue => {
      const roll = random();
      if (roll < 0.3) return junk[Math.floor(random() * junk.length)];
      if (roll < 0.55) return `${Math.floor(random() * 100_000)},${Math.floor(random() * 100)} %`;
      if (roll < 0.8) return (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20);
      return String.fromCharCode(...Array.from({ length: 1 + Math.floor(random() * 10) }, () => 32 + Math.floor(random() * 400)));
    };
    const header = ['Mål', 'Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet', 'Period', 'Periodens utfall', 'Utfall män', 'Utfall kvinnor', 'Prognos helår', 'Riktning', 'Kommentar'];
    const values: CellValue[][] = [header];
    for (let r = 0; r < 50_000; r++) values.push(Array.from({ length: header.length + (r % 3) }, pick));
    const grids: WorkbookGrids = { sheets: [...eavTextWorkbook().sheets.filter((s) => s.name !== 'Indikatorer'), { name: 'Indikatorer', values }] };

    const result = checked(grids);
    expect(result.report.summary.errors).toBeGreaterThan(1000);
    expect(result.report.indicators.length).toBeGreaterThan(40_000);
    assertIssuesPointIntoWorkbook(grids, result);
    assertPlanSparesUserData(grids, result.plan); // rows are wider than the header row: cells right of it are user data too
  });
});
