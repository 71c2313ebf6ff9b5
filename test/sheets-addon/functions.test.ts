// Runs the shared table of cell-function cases against the MAL_* functions of the built Sheets bundle, called the way Sheets calls them.
import type { CellValue } from '../../core/types';
import { FUNCTION_CASES, sameResult, type FunctionCase } from '../helpers/function-cases';
import { ARRAY_ERROR_PREFIX } from '../../sheets-addon/functions';
import { loadBundle, plain } from './bundle';

const bundle = loadBundle();

/** Sheets hands a custom function '' for a blank cell, in ranges too. */
function asSheetsArg(arg: CellValue | CellValue[][]): unknown {
  if (Array.isArray(arg)) return arg.map((row) => row.map((cell) => (cell === null ? '' : cell)));
  return arg === null ? '' : arg;
}

interface Thrown {
  thrown: string;
}

function call(testCase: FunctionCase): unknown {
  try {
    return plain(bundle.global[`MAL_${testCase.fn}`](...testCase.args.map(asSheetsArg)));
  } catch (error) {
    return { thrown: (error as Error).message } satisfies Thrown;
  }
}

/** A scalar error is a thrown Error with a message; inside an array it is the `#VALUE! …` text. */
function isError(cell: unknown): boolean {
  if (typeof cell === 'string') return cell.startsWith(ARRAY_ERROR_PREFIX) && cell.length > ARRAY_ERROR_PREFIX.length;
  return typeof cell === 'object' && cell !== null && typeof (cell as Thrown).thrown === 'string' && (cell as Thrown).thrown.length > 0;
}

describe('MAL_* custom functions in the Sheets bundle', () => {
  it.each(FUNCTION_CASES.map((c) => [`${c.fn}(${JSON.stringify(c.args)}): ${c.why}`, c] as const))('%s', (_name, testCase) => {
    const actual = call(testCase);
    expect({ actual, ok: sameResult(actual, testCase.expected, isError) }).toEqual({ actual, ok: true });
  });

  it('throws a Swedish message for a bad scalar argument (Sheets shows #ERROR! with it)', () => {
    expect(() => bundle.global.MAL_STATUS('abc', '40 %')).toThrow(/abc/);
  });

  it('answers a whole column in one call, blank rows blank', () => {
    const values = [[0.3887], [''], [0.45]];
    expect(plain(bundle.global.MAL_UPPFYLLNAD(values, '40 %'))).toEqual([[0.97175], [''], [1.125]]);
  });

  it('reads a date cell argument as its serial date', () => {
    expect(plain(bundle.global.MAL_TAL(new Date(2024, 0, 1)))).toBe(45292);
  });
});
