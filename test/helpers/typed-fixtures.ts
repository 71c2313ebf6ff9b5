// The Enskede-Årsta-Vantör T1 2024 workbook with typed cells as Excel holds them: numbers as numbers, percentages as fractions in % formats, dates as serials.
import type { CellValue, SheetGrid, WorkbookGrids } from '../../core/types';
import { eavTextWorkbook } from './fixtures';

const PLAIN_NUMBER = /^(-?)(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))?$/;
const PERCENT = /^(-?)(\d{1,3}(?: \d{3})+|\d+)(?:,(\d+))? *%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An exact decimal from its digits: the nearest double to digits × 10^-scale (e.g. 3887, 4 → 0.3887). */
function decimal(sign: string, digits: string, scale: number): number {
  const value = Number(digits) / Math.pow(10, scale);
  return sign === '-' ? -value : value;
}

function decimalsFormat(decimals: number, suffix = ''): string {
  return (decimals > 0 ? '0.' + '0'.repeat(decimals) : '0') + suffix;
}

/** One text cell as Excel would type it on entry: value and number format. */
export function typeCell(text: CellValue): { value: CellValue; format: string | null } {
  if (typeof text !== 'string') return { value: text, format: null };
  const iso = ISO_DATE.exec(text);
  if (iso) return { value: (Date.UTC(+iso[1], +iso[2] - 1, +iso[3]) - EXCEL_EPOCH) / 86400000, format: 'yyyy-mm-dd' };
  const percent = PERCENT.exec(text);
  if (percent) {
    const fraction = percent[3] ?? '';
    const digits = percent[2].replace(/ /g, '') + fraction;
    return { value: decimal(percent[1], digits, fraction.length + 2), format: decimalsFormat(fraction.length, '%') };
  }
  const plain = PLAIN_NUMBER.exec(text);
  if (plain) {
    const fraction = plain[3] ?? '';
    const digits = plain[2].replace(/ /g, '') + fraction;
    const grouped = plain[2].includes(' ');
    const format = fraction.length === 0 && !grouped ? 'General' : (grouped ? '#,##' : '') + decimalsFormat(fraction.length);
    return { value: decimal(plain[1], digits, fraction.length), format };
  }
  return { value: text, format: null };
}

function typeSheet(sheet: SheetGrid): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (const row of sheet.values) {
    const typed = row.map(typeCell);
    values.push(typed.map((cell) => cell.value));
    formats.push(typed.map((cell) => cell.format));
  }
  return { name: sheet.name, values, formats };
}

/** The T1 2024 workbook with typed cells (`38,87 %` → 0.3887 formatted `0.00%`, `2024-01-01` → 45292 formatted `yyyy-mm-dd`). */
export function eavTypedWorkbook(): WorkbookGrids {
  return { sheets: eavTextWorkbook().sheets.map(typeSheet) };
}
