// Tests of the benchmark's own parts (SPEC 9): the generated workbooks, the verdicts, and the host-call counts on the fakes at small sizes.
import { generateWorkbook } from '../../bench/generate';
import { BenchResult, hyperFormulaSheet, jsonOf, median, methodDifferences, sheetsCallsBounded, verdicts } from '../../bench/bench';
import { check } from '../../core/check';
import { countExcelSyncs, countSheetsCalls, findSheetsBundle } from './host-calls';

const indicatorRows = (rows: number): number => {
  const sheet = generateWorkbook(rows).sheets.find((s) => s.name === 'Indikatorer');
  return (sheet?.values.length ?? 1) - 1;
};

describe('generateWorkbook', () => {
  it('gives exactly the asked number of indicator rows, with goals and activities in the fixture proportions', () => {
    expect(indicatorRows(1)).toBe(1);
    expect(indicatorRows(250)).toBe(250);
    expect(indicatorRows(1000)).toBe(1000);
    const book = generateWorkbook(1000);
    const rows = (name: string) => (book.sheets.find((s) => s.name === name)?.values.length ?? 0) - 1;
    expect(rows('Mål')).toBeGreaterThan(400);
    expect(rows('Aktiviteter')).toBeGreaterThan(900);
  });

  it('varies the copies: figures and names differ from copy to copy, never the same 83 rows again', () => {
    const sheet = generateWorkbook(1000).sheets.find((s) => s.name === 'Indikatorer')!;
    const rows = sheet.values.slice(1).map((row) => JSON.stringify(row.slice(1)));
    expect(new Set(rows).size).toBeGreaterThan(900);
    const outcome = sheet.values[0].indexOf('Periodens utfall');
    const outcomes = new Set(sheet.values.slice(1).map((row) => row[outcome]).filter((v) => v !== null));
    expect(outcomes.size).toBeGreaterThan(300);
    // The same on every run.
    expect(generateWorkbook(1000)).toEqual(generateWorkbook(1000));
  });

  it('repeats the real rows under goal numbers that exist, so the copies check like the original', () => {
    const { report } = check(generateWorkbook(600));
    expect(report.indicators).toHaveLength(600);
    expect(report.issues.filter((i) => i.code === 'E_UNKNOWN_GOAL')).toEqual([]);
    expect(report.issues.filter((i) => i.code === 'E_GOAL_DUPLICATE')).toEqual([]);
  });
});

describe('verdicts', () => {
  const result = (ms10k: number, ms100k: number, differences: string[], ratio = 0.4, maxBytes = 3_500_000, syncs1k = 3, flushes = 0): BenchResult => ({
    coldFirstRun: { rows: 10_000, ms: 900 },
    core: [
      { rows: 10_000, ms: ms10k, firstMs: ms10k * 2, minMs: ms10k, maxMs: ms10k, runs: 1, issues: 0 },
      { rows: 100_000, ms: ms100k, firstMs: ms100k, minMs: ms100k, maxMs: ms100k, runs: 1, issues: 0 },
    ],
    hyperFormula: { rows: 10_000, runs: 9, coreMs: 100 * ratio, hyperFormulaMs: 100, ratio },
    cli: { rows: 10_000, ms: 4000, exitCode: 1 },
    hostCalls: {
      excel: {
        sizes: [1000, 10_000, 50_000].map((rows) => ({ rows, syncs: rows === 1000 ? syncs1k : 9, clearSyncs: 3, maxRequestBytes: maxBytes, maxResponseBytes: 1000, refused: 0 })),
      },
      sheets: { rows: 10_000, calls: 128, callsAt100: 126, flushes, perSheet: {}, perSheetAt100: {}, differences },
    },
    bundles: { sheetsCodeJs: maxBytes > 4_000_000 ? 361_000 : 290_000, excelTaskpane: 266_000 },
  });

  it('judges each SPEC 9 budget', () => {
    const ok = verdicts(result(200, 2000, ['Summary insertRowsAfter +1']));
    expect(ok.map((v) => v.ok)).toEqual([true, true, true, true, true, true, true, true]);
    const missed = verdicts(result(600, 9000, ['Indikatorer setValues +3'], 0.6, 4_500_000, 4, 3));
    expect(missed.map((v) => v.ok)).toEqual([false, false, false, false, false, false, false, true]);
    const growth = (ms100k: number) => verdicts(result(200, ms100k, [])).find((v) => v.budget.startsWith('growth'))!.ok;
    expect(growth(2400)).toBe(false); // 12× is more than 11×
    expect(growth(2200)).toBe(true);
  });

  it('judges only SPEC 9 budgets: no absolute times for core or the 10 000-row CLI (the first plan had them, SPEC 9 has not)', () => {
    const budgets = verdicts(result(200, 2000, [])).map((v) => v.budget);
    expect(budgets.filter((b) => /^core \d|^CLI 10 000 rows/.test(b))).toEqual([]);
  });

  it('prints every SPEC 9 figure in the JSON', () => {
    const json = jsonOf(result(200, 2000, [])) as Record<string, any>;
    expect(json.ratios).toEqual({ coreVsHyperFormula: 0.4 });
    expect(json.coldFirstRun).toEqual({ rows: 10_000, ms: 900 });
    expect(json.core).toEqual([
      { rows: 10_000, ms: 200, firstMs: 400 },
      { rows: 100_000, ms: 2000, firstMs: 2000 },
    ]);
    expect(json.growth100kTo10k).toBe(10);
    expect(json.hostCalls.excel.sizes.map((s: { rows: number }) => s.rows)).toEqual([1000, 10_000, 50_000]);
    expect(Object.keys(json.hostCalls.excel.sizes[0])).toEqual(expect.arrayContaining(['rows', 'syncs', 'maxRequestBytes', 'maxResponseBytes']));
    expect(json.hostCalls.sheets).toEqual({ rows: 10_000, calls: 128, callsAt100: 126, flushes: 0 });
    expect(json.bundles).toEqual({ sheetsCodeJs: 290_000, excelTaskpane: 266_000 });
  });

  it('takes the median and names call differences', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(methodDifferences({ A: { getValues: 1 } }, { A: { getValues: 1, insertRowsAfter: 1 }, B: { setValues: 2 } })).toEqual([
      'A insertRowsAfter +1',
      'B setValues +2',
    ]);
    expect(sheetsCallsBounded(['A insertRowsAfter +1'])).toBe(true);
    expect(sheetsCallsBounded(['A insertRowsAfter +2'])).toBe(false);
  });

  it('gives HyperFormula the same rows as numbers and a nested-IF status column', () => {
    const data = hyperFormulaSheet(generateWorkbook(200));
    expect(data).toHaveLength(200);
    expect(data.every((row) => typeof row[2] === 'string' && /^=IF\(OR\(A\d+="",B\d+=""\),"Ej mätt",IF\(/.test(row[2] as string))).toBe(true);
    expect(data.filter((row) => typeof row[0] === 'number' && typeof row[1] === 'number').length).toBeGreaterThan(40);
  });
});

describe('host calls on the fakes (SPEC 9)', () => {
  it('Excel: Kontrollera and Rensa markeringar take at most three syncs each at 100 and 1 000 rows, every payload under 4 MB', async () => {
    for (const rows of [100, 1000]) {
      const calls = await countExcelSyncs(generateWorkbook(rows));
      expect(calls.checkSyncs).toBeLessThanOrEqual(3);
      expect(calls.clearSyncs).toBeLessThanOrEqual(3);
      expect(calls.maxRequestBytes).toBeLessThanOrEqual(4_000_000);
      expect(calls.maxResponseBytes).toBeLessThanOrEqual(4_000_000);
      expect(calls.refused).toBe(0);
    }
  });

  it('Sheets: the same calls per sheet at 100 and 1 000 rows', () => {
    const bundle = findSheetsBundle();
    if (!bundle) throw new Error('dist/sheets/Code.js is missing: run `npm run build:sheets` first');
    const small = countSheetsCalls(generateWorkbook(100), bundle);
    const big = countSheetsCalls(generateWorkbook(1000), bundle);
    // Equal, apart from growing a sheet past Sheets' default 1 000 rows (one call, once).
    expect(sheetsCallsBounded(methodDifferences(small.methods, big.methods))).toBe(true);
    expect(small.perScope['Indikatorer']).toBeGreaterThan(0);
    expect(Math.max(small.flushes, big.flushes)).toBeLessThanOrEqual(2);
  });
});
