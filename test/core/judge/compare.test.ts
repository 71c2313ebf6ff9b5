// Tests for the comparison with the previous report (SPEC 5.8) on the real T1 2024 fixture against an edited copy of itself.
import { check } from '../../../core/check';
import { changeText, indicatorKey } from '../../../core/judge/compare';
import type { CellValue, Report, SheetGrid, WorkbookGrids } from '../../../core/types';
import { eavTextWorkbook } from '../../helpers/fixtures';
import { withPreviousColumns } from '../../helpers/previous-report';

const PROGNOS_COL = 8; // Indikatorer!I: Prognos helår
const NAME_COL = 1;
const BEDOMNING_COL = 3; // Mål!D

function sheet(grids: WorkbookGrids, name: string): SheetGrid {
  const found = grids.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Sets a cell of a fixture sheet by its spreadsheet row (1-based, as the TSV's line number). */
function setCell(grids: WorkbookGrids, name: string, line: number, col: number, value: CellValue): void {
  sheet(grids, name).values[line - 1][col] = value;
}

function cellOf(grids: WorkbookGrids, name: string, line: number, col: number): CellValue {
  return sheet(grids, name).values[line - 1][col];
}

/**
 * The previous report: the real T1 with hand-made edits, each with the movement it must give (worked by hand
 * from the fixture row quoted):
 * - line 3 `1.1 | Andel barn … ekonomiskt bistånd | 2,9 % | prognos 3 % | årsmål 3 % | Lägre är bättre`, no comment:
 *   previous forecast 2,5 % → now 3 % is 20 % higher, lower is better → worse, uncommented → warning.
 * - line 9 `1.2 | Antal barn per legitimerad förskollärare | 16,4 st | 16,1 st | 15,4 st | Lägre`, commented:
 *   previous 18 st → 16,1 is 10,6 % lower → better (both delvis: 15,4/18 = 0,86, 15,4/16,1 = 0,96), no warning.
 * - line 60 `3.2 | Antal tillhandahållna platser för Stockholmsjobb | 16 | 50 | 80 st | Högre`, commented:
 *   previous 80 (helt) → now 50 (50/80 = 0,63: inte) → worse by a judgement step, no warning.
 * - line 77 `3.5.1 | … Grundutbildning i dataskydd | 905 st | 800 st | 800 st | Högre`, no comment:
 *   previous 700 st (700/800 = 0,875: delvis) → now helt → better, uncommented → warning.
 * - line 70 `3.4 | Sjukfrånvaro | 7,8 % | 7,9 % | 7,9 % | Lägre`: previous 7,5 % → 7,9 % is 5 % higher, both helt: not moved → same.
 * - line 71 `Sjukfrånvaro dag 1-14` written `SJUKFRANVARO  dag 1-14` in the previous report: still the same indicator.
 * - line 84 `Andel jämställdhetsanalyser …` renamed in the previous report: removed there, new here.
 * - Mål line 6 `1.2.1 … Uppfylls helt`, no Analys: previous Uppfylls delvis → better, unexplained → warning.
 * - Mål line 8 `1.3.1 … Uppfylls helt`, with an Analys: previous Uppfylls inte → better, no warning.
 */
function previousReport(): WorkbookGrids {
  const previous = eavTextWorkbook();
  setCell(previous, 'Indikatorer', 3, PROGNOS_COL, '2,5 %');
  setCell(previous, 'Indikatorer', 9, PROGNOS_COL, '18 st');
  setCell(previous, 'Indikatorer', 60, PROGNOS_COL, '80');
  setCell(previous, 'Indikatorer', 77, PROGNOS_COL, '700 st');
  setCell(previous, 'Indikatorer', 70, PROGNOS_COL, '7,5 %');
  setCell(previous, 'Indikatorer', 71, NAME_COL, 'SJUKFRANVARO  dag 1-14');
  setCell(previous, 'Indikatorer', 84, NAME_COL, 'Andel jämställdhetsanalyser (gammalt namn)');
  setCell(previous, 'Mål', 6, BEDOMNING_COL, 'Uppfylls delvis');
  setCell(previous, 'Mål', 8, BEDOMNING_COL, 'Uppfylls inte');
  return previous;
}

const EXPECTED_INDICATORS: Record<number, string> = { 3: 'worse', 9: 'better', 60: 'worse', 77: 'better', 84: 'new' };
const EXPECTED_GOALS: Record<string, string> = { '1.2.1': 'better', '1.3.1': 'better' };

function indicatorChanges(report: Report): Map<number, string | null> {
  return new Map(report.indicators.map((i) => [i.row, i.change]));
}

describe('compare with the previous report: the real T1 against an edited copy of itself', () => {
  const current = eavTextWorkbook();
  const { report, plan } = check(current, { previous: previousReport() });

  it('matches every indicator but the renamed one, and reports each edited movement with its direction', () => {
    const changes = indicatorChanges(report);
    expect(report.indicators).toHaveLength(83);
    for (const [row, change] of changes) expect([row, change]).toEqual([row, EXPECTED_INDICATORS[row] ?? 'same']);
    expect(report.comparison?.removed).toEqual([{ goal: '3.7.1', name: 'Andel jämställdhetsanalyser (gammalt namn)' }]);
    const line71 = report.indicators.find((i) => i.row === 71);
    expect(line71?.previous).toEqual({ value: 2.7, status: 'helt' });
  });

  it('compares goals by number', () => {
    for (const goal of report.goals) expect([goal.number, goal.change]).toEqual([goal.number, EXPECTED_GOALS[goal.number] ?? 'same']);
  });

  it('flags only the uncommented movements, at the Kommentar or Analys cell', () => {
    const flagged = report.issues.filter((i) => i.code === 'W_CHANGED_UNEXPLAINED').map((i) => `${i.sheet}!${i.cell}`);
    expect(flagged.sort()).toEqual(['Indikatorer!M3', 'Indikatorer!M77', 'Mål!E6'].sort());
    const line3 = report.issues.find((i) => i.code === 'W_CHANGED_UNEXPLAINED' && i.cell === 'M3');
    expect(line3?.message).toContain('prognosen har gått från 2,5 % till 3 %');
  });

  it('counts the movements in the JSON summary', () => {
    expect(report.comparison).toMatchObject({ better: 2 + 2, worse: 2, new: 1 });
    expect(report.comparison!.same).toBe(83 + 44 - 4 - 2 - 1);
  });

  it('writes Förändring and the Föregående columns beside the tables of the checked copy, never into the input', () => {
    const block = (header: string) => plan.blocks.find((b) => b.sheet === 'Indikatorer' && b.values[0][0] === header);
    const change = block('Förändring');
    expect(change?.values[2][0]).toBe('↓ sämre (fg. 2,5 %, Uppfylls helt)'); // line 3
    expect(change?.values[59][0]).toBe('↓ sämre (fg. 80 st, Uppfylls helt)'); // line 60: the row's unit is st (årsmål 80 st)
    expect(change?.values[83][0]).toBe('ny');
    expect(block('Föregående prognos')?.values[2][0]).toBeCloseTo(0.025, 10); // 2,5 % as the fraction a % cell holds
    expect(block('Föregående bedömning')?.values[59][0]).toBe('Uppfylls helt');
    const goalChange = plan.blocks.find((b) => b.sheet === 'Mål' && b.values[0][0] === 'Förändring');
    expect(goalChange?.values[5][0]).toBe('↑ bättre (fg. Uppfylls delvis)');
    // The input grids are untouched: the previous values live only in the plan.
    expect(JSON.stringify(current)).toBe(JSON.stringify(eavTextWorkbook()));
    expect(cellOf(current, 'Indikatorer', 3, PROGNOS_COL)).toBe('3 %');
  });

  it('lists what moved, was added and was removed in the summary sheet', () => {
    const summary = plan.sheets.find((s) => s.name === 'Sammanställning')!;
    const rows = summary.values.map((r) => r.filter((c) => c !== null).join(' | '));
    const start = rows.indexOf('Förändringar sedan föregående rapport');
    expect(start).toBeGreaterThan(0);
    const section = rows.slice(start, start + 12).join('\n');
    expect(section).toContain('Antal tillhandahållna platser för Stockholmsjobb');
    expect(section).toContain('Ny sedan föregående rapport | 3.7.1 | Andel jämställdhetsanalyser i tjänsteutlåtanden där det är relevant');
    expect(section).toContain('Borttagen sedan föregående rapport | 3.7.1 | Andel jämställdhetsanalyser (gammalt namn)');
  });

  it('gives the same result when the controller pastes the previous figures into the columns by hand', () => {
    const byHand = withPreviousColumns(eavTextWorkbook(), report);
    const again = check(byHand).report;
    expect(again.indicators.map((i) => [i.row, i.change, i.previous])).toEqual(
      report.indicators.map((i) => [i.row, i.change === 'new' ? 'new' : i.change, i.previous]),
    );
    expect(again.goals.map((g) => [g.number, g.change])).toEqual(report.goals.map((g) => [g.number, g.change]));
    expect(again.issues.filter((i) => i.code === 'W_CHANGED_UNEXPLAINED')).toEqual(
      report.issues.filter((i) => i.code === 'W_CHANGED_UNEXPLAINED'),
    );
  });

  it('is idempotent on the checked copy: the written Föregående columns are read back as input', () => {
    const checked = applyBlocks(eavTextWorkbook(), plan.blocks);
    const snapshot = JSON.stringify(checked);
    for (const options of [{ previous: previousReport() }, {}]) {
      const second = check(JSON.parse(snapshot), options);
      expect(second.report.indicators.map((i) => [i.change, i.previous])).toEqual(report.indicators.map((i) => [i.change, i.previous]));
      expect(JSON.stringify(applyBlocks(JSON.parse(snapshot), second.plan.blocks))).toBe(snapshot);
    }
  });

  it('without a previous report nothing about changes appears', () => {
    const plain = check(eavTextWorkbook());
    expect(plain.report.comparison).toBeNull();
    expect(plain.report.indicators.every((i) => i.change === null && i.previous === null)).toBe(true);
    expect(plain.plan.blocks.some((b) => b.values[0][0] === 'Förändring')).toBe(false);
  });
});

/** Writes a plan's blocks into grids as a host would (values and number formats). */
function applyBlocks(grids: WorkbookGrids, blocks: { sheet: string; row: number; col: number; values: CellValue[][]; numberFormats?: (string | null)[][] }[]): WorkbookGrids {
  for (const block of blocks) {
    const target = sheet(grids, block.sheet);
    target.formats ??= target.values.map((r) => r.map(() => null));
    block.values.forEach((cells, i) => {
      const row = (target.values[block.row + i] ??= []);
      const formats = (target.formats![block.row + i] ??= []);
      cells.forEach((value, j) => {
        row[block.col + j] = value;
        const format = block.numberFormats?.[i]?.[j];
        if (format) formats[block.col + j] = format;
      });
    });
  }
  return grids;
}

describe('matching keys and the Förändring text', () => {
  it('ignores diacritics, case and spacing in indicator names', () => {
    expect(indicatorKey('3.4', 'SJUKFRANVARO  dag 1-14')).toBe(indicatorKey('3.4', 'Sjukfrånvaro dag 1 - 14'));
    expect(indicatorKey('3.4', 'Sjukfrånvaro')).not.toBe(indicatorKey('3.5', 'Sjukfrånvaro'));
  });

  it('writes the word and the previous value in Swedish and English', () => {
    expect(changeText('worse', { value: 45, status: 'helt' }, '%', 'sv')).toBe('↓ sämre (fg. 45 %, Uppfylls helt)');
    expect(changeText('better', { value: null, status: 'delvis' }, null, 'en')).toBe('↑ better (prev. Partly met)');
    expect(changeText('same', { value: 7.9, status: null }, '%', 'sv')).toBe('oförändrad (fg. 7,9 %)');
    expect(changeText('new', { value: null, status: null }, null, 'sv')).toBe('ny');
  });
});
