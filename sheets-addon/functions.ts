// Sheets side of the MAL_* custom functions: converts Sheets arguments to core's, and core results (including errors) to what a Sheets cell can show.
import type { CellValue } from '../core/types';
import { isFnError, type FnArg, type FnCell, type FnResult } from '../core/functions';
import { toCellValue } from './adapter';

/**
 * Prefix of an error inside an array result. Sheets has no per-cell error value for custom
 * functions (only a thrown Error, which fails the whole array), so a failed row shows the text
 * `#VALUE! <Swedish message>` where Excel shows #VALUE! in that cell. Core reads such a cell back
 * as a problem, never as a value.
 */
export const ARRAY_ERROR_PREFIX = '#VALUE! ';

/** What Sheets passes: a scalar (blank = ''), a Date, or a 2-D array for a range. */
export type SheetsArg = unknown;
export type SheetsCell = string | number | boolean;
export type SheetsResult = SheetsCell | SheetsCell[][];

/** A Sheets argument as core's FnArg: '' → null, Date → serial, ranges stay 2-D. Omitted stays undefined. */
export function toFnArg(arg: SheetsArg): FnArg {
  if (arg === undefined) return undefined;
  if (Array.isArray(arg)) {
    return arg.map((row: unknown) => (Array.isArray(row) ? row.map((v: unknown) => toCellValue(v)) : [toCellValue(row)]));
  }
  return toCellValue(arg) as CellValue;
}

function toSheetsCell(cell: FnCell): SheetsCell {
  if (isFnError(cell)) return ARRAY_ERROR_PREFIX + cell.error;
  return cell ?? '';
}

/**
 * A core result as a Sheets result: a 2-D array cell by cell (errors as text, see
 * ARRAY_ERROR_PREFIX); a scalar error is thrown so Sheets shows #ERROR! with the message.
 */
export function toSheetsResult(result: FnResult): SheetsResult {
  if (Array.isArray(result)) return result.map((row) => row.map(toSheetsCell));
  if (isFnError(result)) throw new Error(result.error);
  return result ?? '';
}

/** Calls a core function with converted arguments and converts its result. */
export function callFunction(fn: (...args: FnArg[]) => FnResult, args: SheetsArg[]): SheetsResult {
  return toSheetsResult(fn(...args.map(toFnArg)));
}
