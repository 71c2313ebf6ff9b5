// End-to-end tests of `malkoll clear`: after check (once or twice), every highlighted cell gets its exact original fill back.
import * as fs from 'fs';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { readGrids } from '../../cli/xlsx';
import { check } from '../../core/check';
import type { SheetGrid, WorkbookGrids } from '../../core/types';
import { buildExampleWorkbook } from '../../scripts/build-example';
import { eavJudgedWorkbook } from '../helpers/fixtures';
import { loadXlsx, runCli, tempDir } from './helpers';

const INPUT_SHEETS = ['Inställningar', 'Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi'];

/** Fills a person might have given cells Målkoll highlights: gradient, theme colour with tint, pattern (the rest have none). */
const USER_FILLS: ExcelJS.Fill[] = [
  {
    type: 'gradient',
    gradient: 'angle',
    degree: 90,
    stops: [
      { position: 0, color: { argb: 'FFFFFFFF' } },
      { position: 1, color: { argb: 'FF4472C4' } },
    ],
  },
  // a theme colour with tint, as Excel writes it (exceljs' Color type knows neither tint nor indexed)
  { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.5999938962981048 }, bgColor: { indexed: 64 } } as unknown as ExcelJS.Fill,
  { type: 'pattern', pattern: 'darkTrellis', fgColor: { argb: 'FF00B050' }, bgColor: { argb: 'FFFFFFFF' } },
];
const YELLOW: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };

function inputSheets(grids: WorkbookGrids): SheetGrid[] {
  return grids.sheets.filter((s) => INPUT_SHEETS.includes(s.name));
}

/** Fills of the input cells only (the original grid's extent): the output columns to the right are Målkoll's own. */
function inputFills(sheet: SheetGrid, extentOf: SheetGrid): (string | null)[][] {
  const width = Math.max(...extentOf.values.map((row) => row.length));
  return extentOf.values.map((_, r) => Array.from({ length: width }, (_, c) => sheet.fills?.[r]?.[c] ?? null));
}

describe('malkoll clear', () => {
  let dir: string;
  let input: string;
  /** Cells the check highlights (warnings and errors), as [sheet, A1]. */
  let highlighted: [string, string][];

  beforeAll(async () => {
    // The example workbook carries the nämnd's Bedömning column (eavJudgedWorkbook).
    const issues = check(eavJudgedWorkbook()).report.issues.filter((i) => i.severity !== 'info');
    highlighted = [...new Set(issues.map((i) => `${i.sheet}!${i.cell}`))].map((key) => key.split('!') as [string, string]);
    const workbook = buildExampleWorkbook();
    highlighted.forEach(([sheet, cell], i) => {
      if (i < USER_FILLS.length) workbook.getWorksheet(sheet)!.getCell(cell).fill = USER_FILLS[i];
    });
    workbook.getWorksheet('Indikatorer')!.getCell('B2').fill = YELLOW; // a coloured cell Målkoll has no reason to touch
    dir = tempDir();
    input = path.join(dir, 'rapport.xlsx');
    await workbook.xlsx.writeFile(input);
    expect((await runCli(['check', input])).code).toBe(0);
  });

  it('has something to restore: the check coloured the cells with the highlight colours', async () => {
    expect(highlighted.length).toBeGreaterThan(USER_FILLS.length);
    const checked = await loadXlsx(path.join(dir, 'rapport-kontrollerad.xlsx'));
    for (const [sheet, cell] of highlighted) {
      expect(JSON.stringify(checked.getWorksheet(sheet)!.getCell(cell).fill)).toMatch(/FFF8CBAD|FFFFF2CC/);
    }
  });

  it('restores every fill of every input cell exactly and keeps only the record of Målkoll’s own sheets', async () => {
    const run = await runCli(['clear', path.join(dir, 'rapport-kontrollerad.xlsx'), '-o', path.join(dir, 'rensad.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Återställde fyllningen i ${highlighted.length} celler; skrev ${path.join(dir, 'rensad.xlsx')}\n`);
    const original = readGrids(await loadXlsx(input));
    const cleared = await loadXlsx(path.join(dir, 'rensad.xlsx'));
    const grids = readGrids(cleared);
    for (const sheet of inputSheets(original)) {
      const after = grids.sheets.find((s) => s.name === sheet.name)!;
      expect(inputFills(after, sheet)).toEqual(inputFills(sheet, sheet));
    }
    highlighted.slice(0, USER_FILLS.length).forEach(([sheet, cell], i) => {
      expect(cleared.getWorksheet(sheet)!.getCell(cell).fill).toEqual(USER_FILLS[i]);
    });
    // The record stays, naming Målkoll's own sheets, without highlights (core/write/record.ts).
    expect(readGrids(cleared).sheets.find((s) => s.name === '_malkoll')?.values.map((r) => r[0])).toEqual(['Målkoll record v2', 'summary', 'validation']);
  });

  it('restores the originals after a second check too, not the first run’s highlights', async () => {
    const twice = path.join(dir, 'tva-ganger.xlsx');
    expect((await runCli(['check', path.join(dir, 'rapport-kontrollerad.xlsx'), '-o', twice])).code).toBe(0);
    expect((await runCli(['clear', twice])).code).toBe(0);
    const original = readGrids(await loadXlsx(input));
    const cleared = readGrids(await loadXlsx(path.join(dir, 'tva-ganger-rensad.xlsx')));
    for (const sheet of inputSheets(original)) {
      const after = cleared.sheets.find((s) => s.name === sheet.name)!;
      expect(inputFills(after, sheet)).toEqual(inputFills(sheet, sheet));
      // values of input cells are untouched (output columns to the right are Målkoll's own)
      sheet.values.forEach((row, r) => row.forEach((value, c) => expect(after.values[r][c]).toEqual(value)));
    }
  });

  it('says so when there is nothing to clear', async () => {
    const run = await runCli(['clear', input, '-o', path.join(dir, 'ingenting.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Inga markeringar att ta bort/);
  });

  it('exits 2 with one line for a file it cannot read', async () => {
    const run = await runCli(['clear', path.join(dir, 'saknas.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^malkoll: filen finns inte: .*saknas\.xlsx\n$/);
    expect(fs.existsSync(path.join(dir, 'saknas-rensad.xlsx'))).toBe(false);
  });
});
