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

export const VP_DIR = path.join(FIXTURE_DIR, 'eav-vp-2024');
/** Sheet order of the VP 2024 fixture workbook (a plan has no budget follow-up sheet here). */
export const VP_SHEETS = ['Inställningar', 'Mål', 'Indikatorer', 'Aktiviteter'];

/** The real Enskede-Årsta-Vantör VP 2024 in template layout (Rapportperiod `Verksamhetsplan 2024`), every cell as text. */
export function eavVpWorkbook(): WorkbookGrids {
  return { sheets: VP_SHEETS.map((name) => tsvSheet(name, path.join(VP_DIR, `${name}.tsv`))) };
}

/** The first part of the T1 2024 report in report layout, as one pasted sheet. */
export function eavReportSheet(name = 'Rapport'): SheetGrid {
  return tsvSheet(name, path.join(FIXTURE_DIR, 'eav-t1-2024-rapport-del1.tsv'));
}

/**
 * The nämnd's own judgement of each annual indicator that has no value in April, from the T1 2024
 * report's words (goal and indicator Analys texts): `eav-t1-2024-bedomning.tsv`, one row per
 * indicator with Mål, Indikator, Bedömning and Källa — the quote each judgement comes from.
 */
export const EAV_BEDOMNING_FILE = path.join(FIXTURE_DIR, 'eav-t1-2024-bedomning.tsv');

/** The stated judgements by goal number and indicator name. */
export function eavStatedJudgements(): Map<string, string> {
  const rows = readTsv(EAV_BEDOMNING_FILE).slice(1);
  return new Map(rows.map((row) => [`${row[0]}\t${row[1]}`, String(row[2])]));
}

/** The T1 2024 workbook with a `Bedömning` column on Indikatorer filled for the annual indicators (SPEC 2.2, 5.1). */
export function eavJudgedWorkbook(): WorkbookGrids {
  const stated = eavStatedJudgements();
  const workbook = eavTextWorkbook();
  const indicators = workbook.sheets.find((s) => s.name === 'Indikatorer')!;
  const width = indicators.values[0].length;
  indicators.values = indicators.values.map((row, i) => {
    const padded = [...row, ...new Array(Math.max(0, width - row.length)).fill(null)];
    return [...padded, i === 0 ? 'Bedömning' : stated.get(`${row[0]}\t${row[1]}`) ?? null];
  });
  return workbook;
}
