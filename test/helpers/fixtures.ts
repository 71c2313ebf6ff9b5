// Loads the Enskede-Årsta-Vantör T1 2024 fixture tables as workbook grids of text cells, as a pasted workbook would hold them.
import * as fs from 'fs';
import * as path from 'path';
import type { CellValue, SheetGrid, WorkbookGrids } from '../../core/types';

export const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures');
export const EAV_DIR = path.join(FIXTURE_DIR, 'eav-t1-2024');
/** Sheet order of the fixture workbook. */
export const EAV_SHEETS = ['Inställningar', 'Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi'];

/** Parses a tab-separated table: one row per line, blank cells as null. */
export function readTsv(file: string): CellValue[][] {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
  return text.split('\n').map((line) => line.split('\t').map((cell) => (cell === '' ? null : cell)));
}

export function tsvSheet(name: string, file: string): SheetGrid {
  return { name, values: readTsv(file) };
}

/** The T1 2024 workbook with every cell as text, exactly as in the fixture tables. */
export function eavTextWorkbook(): WorkbookGrids {
  return { sheets: EAV_SHEETS.map((name) => tsvSheet(name, path.join(EAV_DIR, `${name}.tsv`))) };
}

/** The first part of the T1 2024 report in report layout, as one pasted sheet. */
export function eavReportSheet(name = 'Rapport'): SheetGrid {
  return tsvSheet(name, path.join(FIXTURE_DIR, 'eav-t1-2024-rapport-del1.tsv'));
}
