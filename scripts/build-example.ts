// Builds the example workbooks from the fixture tables — examples/tertialrapport-1-2024-eav.xlsx (T1 2024 with the nämnd's Bedömning of its annual indicators) and examples/verksamhetsplan-2024-eav.xlsx (VP 2024) — typed the way a controller's Excel holds them; rebuilding gives the same bytes.
import * as fs from 'fs';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { parseDateValue, parseValue } from '../core/read/values';
import type { CellValue } from '../core/types';

/** The repository: one level up from scripts/ when run from source (tests), two from dist/scripts when compiled. */
const ROOT = fs.existsSync(path.join(__dirname, '..', 'package.json')) ? path.join(__dirname, '..') : path.join(__dirname, '..', '..');
const FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'eav-t1-2024');
const DEFAULT_OUTPUT = path.join(ROOT, 'examples', 'tertialrapport-1-2024-eav.xlsx');
/** The nämnd's Bedömning of each annual indicator, quoted from the T1 2024 report (see the file's Källa column). */
const BEDOMNING_FILE = path.join(ROOT, 'test', 'fixtures', 'eav-t1-2024-bedomning.tsv');
const PLAN_FIXTURE_DIR = path.join(ROOT, 'test', 'fixtures', 'eav-vp-2024');
export const PLAN_OUTPUT = path.join(ROOT, 'examples', 'verksamhetsplan-2024-eav.xlsx');
const SHEETS = ['Inställningar', 'Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi'];
/** The day the T1 2024 report was due; stands in for "now" so that every build writes the same file. */
const FIXED_DATE = new Date(Date.UTC(2024, 4, 15, 8, 0, 0));
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Digits after the decimal comma of a number text (`38,87 %` → 87). */
const DECIMALS = /\d,(\d+)/;
/** A thousands separator between digit groups (`2 757,9`, `1 330`). */
const THOUSANDS = /\d[ \u00a0\u202f]\d{3}(?!\d)/;

/** One typed cell: the value Excel holds and its number format (null = General). */
interface TypedCell {
  value: string | number | Date | null;
  numFmt: string | null;
}

/**
 * How Excel holds what a controller typed, decided by core's parser: a plain number becomes a number, a cell that is
 * wholly a percentage becomes its fraction with a `%` format, an ISO date becomes a date; everything else
 * (`5,2 st`, `Fastställt 2024`, `+/- 1 %`, goal numbers like `1.1`, which Swedish Excel does not read as numbers) stays text.
 */
export function typedCell(text: CellValue): TypedCell {
  if (text === null || text === '') return { value: null, numFmt: null };
  if (typeof text !== 'string') return { value: typeof text === 'boolean' ? String(text) : text, numFmt: null };
  if (ISO_DATE.test(text)) {
    const date = parseDateValue(text);
    if (date.kind === 'date') return { value: new Date(`${date.iso}T00:00:00Z`), numFmt: 'yyyy-mm-dd' };
  }
  if (text.includes('.')) return { value: text, numFmt: null };
  const parsed = parseValue(text);
  if (parsed.kind !== 'number' || parsed.note) return { value: text, numFmt: null };
  const decimals = DECIMALS.exec(text)?.[1].length ?? 0;
  const fraction = decimals ? `.${'0'.repeat(decimals)}` : '';
  if (parsed.unit === '%') return { value: Number((parsed.value / 100).toPrecision(12)), numFmt: `0${fraction} %` };
  if (parsed.unit !== null) return { value: text, numFmt: null };
  const integer = THOUSANDS.test(text) ? '#,##0' : '0';
  return { value: parsed.value, numFmt: decimals || integer !== '0' ? `${integer}${fraction}` : null };
}

function readTsv(file: string): CellValue[][] {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '');
  return text.split('\n').map((line) => line.split('\t').map((cell) => (cell === '' ? null : cell)));
}

function addSheet(workbook: ExcelJS.Workbook, name: string, rows: CellValue[][]): void {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }] });
  const widths: number[] = [];
  rows.forEach((row, r) => {
    row.forEach((text, c) => {
      const length = text === null ? 0 : String(text).length;
      widths[c] = Math.max(widths[c] ?? 0, length + 2);
      const cell = worksheet.getCell(r + 1, c + 1);
      if (r === 0) {
        cell.value = text === null ? null : String(text); // headers are always text
        cell.font = { bold: true };
        return;
      }
      const typed = typedCell(text);
      cell.value = typed.value;
      if (typed.numFmt) cell.numFmt = typed.numFmt;
    });
  });
  widths.forEach((width, c) => {
    const column = worksheet.getColumn(c + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width));
    if (width > MAX_WIDTH) {
      // long texts (goal titles, analyses) wrap inside their column, as in the real workbook
      column.eachCell({ includeEmpty: false }, (cell, rowNumber) => {
        if (rowNumber > 1) cell.alignment = { wrapText: true, vertical: 'top' };
      });
    }
  });
}

/** The indicator rows with a `Bedömning` column (SPEC 2.2) filled from the stated judgements by goal and name. */
function withStatedColumn(rows: CellValue[][], bedomningFile: string): CellValue[][] {
  const stated = new Map(readTsv(bedomningFile).slice(1).map((row) => [`${row[0]}\t${row[1]}`, row[2]]));
  const width = rows[0].length;
  return rows.map((row, r) => {
    const padded = [...row, ...new Array<CellValue>(Math.max(0, width - row.length)).fill(null)];
    return [...padded, r === 0 ? 'Bedömning' : stated.get(`${row[0]}\t${row[1]}`) ?? null];
  });
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Målkoll';
  workbook.lastModifiedBy = 'Målkoll';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  return workbook;
}

/**
 * The example workbook: the five sheets of the T1 2024 fixture, the indicators with the nämnd's Bedömning of
 * its annual indicators (pass null for the fixture as it is).
 */
export function buildExampleWorkbook(fixtureDir = FIXTURE_DIR, bedomningFile: string | null = BEDOMNING_FILE): ExcelJS.Workbook {
  const workbook = newWorkbook();
  for (const name of SHEETS) {
    const rows = readTsv(path.join(fixtureDir, `${name}.tsv`));
    addSheet(workbook, name, name === 'Indikatorer' && bedomningFile ? withStatedColumn(rows, bedomningFile) : rows);
  }
  return workbook;
}

/** The plan example: the VP 2024 fixture's sheets (Inställningar says `Verksamhetsplan 2024`; no budget follow-up). */
export function buildPlanExampleWorkbook(fixtureDir = PLAN_FIXTURE_DIR): ExcelJS.Workbook {
  const workbook = newWorkbook();
  for (const name of SHEETS) {
    const file = path.join(fixtureDir, `${name}.tsv`);
    if (fs.existsSync(file)) addSheet(workbook, name, readTsv(file));
  }
  return workbook;
}

/** DOS date and time of FIXED_DATE as zip headers hold them. */
const DOS_TIME = (FIXED_DATE.getUTCHours() << 11) | (FIXED_DATE.getUTCMinutes() << 5);
const DOS_DATE = ((FIXED_DATE.getUTCFullYear() - 1980) << 9) | ((FIXED_DATE.getUTCMonth() + 1) << 5) | FIXED_DATE.getUTCDate();

/**
 * Sets every zip entry's modification time to FIXED_DATE (the zip library stamps the current time), so that
 * the same workbook always gives the same bytes. Walks the central directory and the local headers it points to.
 */
export function fixZipDates(zip: Buffer): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('damaged zip central directory');
    zip.writeUInt16LE(DOS_TIME, offset + 12);
    zip.writeUInt16LE(DOS_DATE, offset + 14);
    const local = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('damaged zip local header');
    zip.writeUInt16LE(DOS_TIME, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return zip;
}

async function write(workbook: ExcelJS.Workbook, output: string): Promise<void> {
  const bytes = fixZipDates(Buffer.from(await workbook.xlsx.writeBuffer()));
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, bytes);
  process.stdout.write(`Skrev ${path.relative(process.cwd(), output) || output}\n`);
}

/** Writes the T1 example to `output` (default examples/…), and with the default also the plan example. */
async function main(output: string | null): Promise<void> {
  await write(buildExampleWorkbook(), output ?? DEFAULT_OUTPUT);
  if (output === null) await write(buildPlanExampleWorkbook(), PLAN_OUTPUT);
}

if (require.main === module) {
  main(process.argv[2] ? path.resolve(process.argv[2]) : null).catch((error: Error) => {
    process.stderr.write(`build-example: ${error.message}\n`);
    process.exit(1);
  });
}
