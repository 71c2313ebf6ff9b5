// Tests of the benchmark's own parts (SPEC 9): the generated workbooks, the verdicts, and the host-call counts on the fakes at small sizes.
import { generateWorkbook } from '../../bench/generate';
import { BenchResult, jsonOf, median, methodDifferences, sheetsCallsBounded, verdicts } from '../../bench/bench';
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

  it('repeats the real rows under goal numbers that exist, so the copies check like the original', () => {
    const { report } = check(generateWorkbook(600));
    expect(report.indicators).toHaveLength(600);
    expect(report.issues.filter((i) => i.code === 'E_UNKNOWN_GOAL')).toEqual([]);
    expect(report.issues.filter((i) => i.code === 'E_GOAL_DUPLICATE')).toEqual([]);
  });
});

describe('verdicts', () => {
  const result = (ms10k: number, ms100k: number, differences: string[]): BenchResult => ({
    core: [
      { rows: 10_000, ms: ms10k, minMs: ms10k, maxMs: ms10k, runs: 1, issues: 0 },
      { rows: 100_000, ms: ms100k, minMs: ms100k, maxMs: ms100k, runs: 1, issues: 0 },
    ],
    cli: { rows: 10_000, ms: 4000, exitCode: 1 },
    hostCalls: {
      excel: { rows: 10_000, syncs: 3, clearSyncs: 3 },
      sheets: { rows: 10_000, calls: 128, callsAt100: 126, perSheet: {}, perSheetAt100: {}, differences },
    },
  });

  it('judges each SPEC 9 budget', () => {
    const ok = verdicts(result(200, 2400, ['Summary insertRowsAfter +1']));
    expect(ok.map((v) => v.ok)).toEqual([true, true, true, true, true, true]);
    const missed = verdicts(result(600, 9000, ['Indikatorer setValues +3']));
    expect(missed.map((v) => v.ok)).toEqual([false, false, false, true, true, false]);
  });

  it('prints the JSON shape the lead asked for', () => {
    expect(jsonOf(result(200, 2400, []))).toEqual({
      core: [
        { rows: 10_000, ms: 200 },
        { rows: 100_000, ms: 2400 },
      ],
      cli: { rows: 10_000, ms: 4000 },
      hostCalls: { excel: { rows: 10_000, syncs: 3 }, sheets: { rows: 10_000, calls: 128, callsAt100: 126 } },
    });
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
});

describe('host calls on the fakes (SPEC 9)', () => {
  it('Excel: Kontrollera and Rensa markeringar take at most three syncs each, at 100 and 2 000 rows', async () => {
    for (const rows of [100, 2000]) {
      const calls = await countExcelSyncs(generateWorkbook(rows));
      expect(calls.checkSyncs).toBeLessThanOrEqual(3);
      expect(calls.clearSyncs).toBeLessThanOrEqual(3);
    }
  });

  it('Sheets: the same calls per sheet at 100 and 1 000 rows', () => {
    const bundle = findSheetsBundle();
    if (!bundle) throw new Error('dist/sheets/Code.js is missing: run `npm run build:sheets` first');
    const small = countSheetsCalls(generateWorkbook(100), bundle);
    const big = countSheetsCalls(generateWorkbook(1000), bundle);
    expect(big.methods).toEqual(small.methods);
    expect(small.perScope['Indikatorer']).toBeGreaterThan(0);
  });
});
