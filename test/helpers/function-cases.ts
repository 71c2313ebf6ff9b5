// The cell functions' expected results (SPEC 7), worked out by hand from SPEC 3, 5 and 7 and the T1 2024 fixture rows, shared by the Sheets and Excel function tests.
import type { CellValue } from '../../core/types';

export type FunctionName = 'STATUS' | 'UPPFYLLNAD' | 'PROGNOS' | 'AVVIKELSE' | 'TAL' | 'BEDOMNING' | 'UNDERLAG';

/** The cell shows an error: Excel #VALUE!, Sheets a thrown Error (scalar) or the `#VALUE! …` text (inside an array). */
export const ERROR = { error: true } as const;
export type ExpectedCell = CellValue | typeof ERROR;

/**
 * One call. `args` are what the cells hold: numbers as a host stores them (percent cells as
 * fractions), texts as typed, `null` for a blank cell, 2-D arrays for ranges (one inner array per
 * row). `expected` is a scalar, `ERROR`, or a 2-D array for a range result; `null` = blank result.
 * Numbers compare to 9 significant digits.
 */
export interface FunctionCase {
  fn: FunctionName;
  args: (CellValue | CellValue[][])[];
  expected: ExpectedCell | ExpectedCell[][];
  why: string;
}

const HELT = 'Uppfylls helt';
const DELVIS = 'Uppfylls delvis';
const INTE = 'Uppfylls inte';
const EJ_BEDOMD = 'Ej bedömd';
const EJ_MATT = 'Ej mätt';

export const FUNCTION_CASES: FunctionCase[] = [
  // STATUS (SPEC 5.4; threshold 0,8; without riktning the target's own form decides, else higher)
  { fn: 'STATUS', args: [0.3887, '40 %'], expected: DELVIS, why: 'T1 2024 "Andel flickor": 38,87 % of 40 % = 0,97 ≥ 0,8' },
  { fn: 'STATUS', args: ['38,87 %', '40 %'], expected: DELVIS, why: 'a text percentage counts as its fraction' },
  { fn: 'STATUS', args: [0.4, '40 %'], expected: HELT, why: 'v ≥ t' },
  { fn: 'STATUS', args: [0.77, '80 %'], expected: DELVIS, why: '77 % against the nämnd\'s 80 %: 0,96' },
  { fn: 'STATUS', args: [0.3, '40 %'], expected: INTE, why: '0,75 < 0,8' },
  { fn: 'STATUS', args: ['90 %', '80 %'], expected: HELT, why: 'T1 2024 forecast 90 % against 80 %' },
  { fn: 'STATUS', args: ['3 %', '3 %', 'Lägre är bättre'], expected: HELT, why: 'T1 2024 "ekonomiskt bistånd": v ≤ t' },
  { fn: 'STATUS', args: [0.035, '3 %', 'Lägre är bättre'], expected: DELVIS, why: 'lower: a = 3/3,5 = 0,857' },
  { fn: 'STATUS', args: [0.05, '3 %', 'Lägre är bättre'], expected: INTE, why: 'lower: a = 3/5 = 0,6' },
  { fn: 'STATUS', args: ['16,1 st', '15,4 st', 'Lägre är bättre'], expected: DELVIS, why: 'T1 2024 "barn per legitimerad förskollärare": 15,4/16,1 = 0,957' },
  { fn: 'STATUS', args: ['15 st', '15', 'Lägre är bättre'], expected: HELT, why: 'T1 2024 "barn per grupp": st and a bare number match' },
  { fn: 'STATUS', args: ['50', '80 st', 'Högre är bättre'], expected: INTE, why: 'T1 2024 "Stockholmsjobb": 50/80 = 0,625' },
  { fn: 'STATUS', args: ['6', '0', 'Lägre är bättre'], expected: INTE, why: 'T1 2024 "vräkningar som berör barn": t = 0 gives a = 0' },
  { fn: 'STATUS', args: ['0,25 kg CO2e', '0,33 kg CO2e', 'Lägre är bättre'], expected: HELT, why: 'T1 2024 climate row, free-text unit' },
  { fn: 'STATUS', args: [4, 3, 'lägre'], expected: INTE, why: 'riktning keyword "lägre": a = 0,75' },
  { fn: 'STATUS', args: [12, 'Max 10 personer'], expected: DELVIS, why: 'a Max target means lower: 10/12 = 0,83' },
  { fn: 'STATUS', args: [9, 'Max 10 personer'], expected: HELT, why: 'under the Max' },
  { fn: 'STATUS', args: [0.005, '+/- 1 %'], expected: HELT, why: 'band: |v| ≤ 0,01' },
  { fn: 'STATUS', args: [0.011, '+/- 1 %'], expected: DELVIS, why: 'band: 0,011 ≤ 0,01/0,8' },
  { fn: 'STATUS', args: [-0.02, '+/- 1 %'], expected: INTE, why: 'band: 0,02 > 0,0125' },
  { fn: 'STATUS', args: [5, 5, 'Exakt'], expected: HELT, why: 'exact hit' },
  { fn: 'STATUS', args: [4.5, 5, 'Exakt'], expected: DELVIS, why: 'exact: a = 1 − 0,5/5 = 0,9' },
  { fn: 'STATUS', args: [3.9, 5, 'Exakt'], expected: INTE, why: 'exact: a = 1 − 1,1/5 = 0,78' },
  { fn: 'STATUS', args: ['100,2 %', '100 %', 'Exakt'], expected: DELVIS, why: 'T1 2024 budgetföljsamhet före resultatöverföringar: a = 0,998' },
  { fn: 'STATUS', args: [0.85, 1, 'Högre är bättre', '90 %'], expected: INTE, why: 'delvisgräns 90 %' },
  { fn: 'STATUS', args: [0.85, 1, 'Högre är bättre', 0.8], expected: DELVIS, why: 'delvisgräns 0,8' },
  { fn: 'STATUS', args: [0.5, 'Fastställs 2024'], expected: EJ_BEDOMD, why: 'pending target' },
  { fn: 'STATUS', args: [5, 'Ökning'], expected: EJ_BEDOMD, why: 'trend target without last year\'s value' },
  { fn: 'STATUS', args: [null, '40 %'], expected: EJ_MATT, why: 'no value' },
  { fn: 'STATUS', args: ['abc', '40 %'], expected: ERROR, why: 'a value that is no number' },
  { fn: 'STATUS', args: [[[0.4]], '40 %'], expected: HELT, why: 'a 1×1 range is a scalar' },
  {
    fn: 'STATUS',
    args: [[[0.3887], [0.77], [0.3]], [['40 %'], ['80 %'], ['40 %']]],
    expected: [[DELVIS], [DELVIS], [INTE]],
    why: 'ranges row by row',
  },
  { fn: 'STATUS', args: [[[0.3887], [0.45], [null]], '40 %'], expected: [[DELVIS], [HELT], [EJ_MATT]], why: 'a scalar target repeats' },
  { fn: 'STATUS', args: [[[0.5], ['abc']], '40 %'], expected: [[HELT], [ERROR]], why: 'a bad row is an error in its own cell' },

  // UPPFYLLNAD (v/t higher, t/v lower, not capped; band 1 when helt else b/|v−c|; blank for trend or division by zero)
  { fn: 'UPPFYLLNAD', args: [0.3887, '40 %'], expected: 0.97175, why: '0,3887/0,4' },
  { fn: 'UPPFYLLNAD', args: ['90 %', '80 %'], expected: 1.125, why: 'not capped (SPEC 5.4)' },
  { fn: 'UPPFYLLNAD', args: ['16,1 st', '15,4 st', 'Lägre är bättre'], expected: 15.4 / 16.1, why: 'lower: t/v' },
  { fn: 'UPPFYLLNAD', args: [0.03, '3 %', 'Lägre är bättre'], expected: 1, why: 'lower, on target' },
  { fn: 'UPPFYLLNAD', args: ['6', '0', 'Lägre är bättre'], expected: 0, why: 't = 0: 0/6' },
  { fn: 'UPPFYLLNAD', args: [0.005, '+/- 1 %'], expected: 1, why: 'band, helt' },
  { fn: 'UPPFYLLNAD', args: [0.02, '+/- 1 %'], expected: 0.5, why: 'band: 0,01/0,02' },
  { fn: 'UPPFYLLNAD', args: ['100,2 %', '100 %', 'Exakt'], expected: 0.998, why: 'exact: 1 − 0,002/1' },
  { fn: 'UPPFYLLNAD', args: [5, 5, 'Exakt'], expected: 1, why: 'exact hit' },
  { fn: 'UPPFYLLNAD', args: [5, 'Ökning'], expected: null, why: 'trend target: blank' },
  { fn: 'UPPFYLLNAD', args: [0.5, 0], expected: null, why: 'higher with t = 0 would divide by zero: blank' },
  { fn: 'UPPFYLLNAD', args: [null, '40 %'], expected: null, why: 'no value' },
  { fn: 'UPPFYLLNAD', args: ['abc', '40 %'], expected: ERROR, why: 'no number' },
  { fn: 'UPPFYLLNAD', args: [[[0.3887], [0.9]], [['40 %'], ['80 %']]], expected: [[0.97175], [1.125]], why: 'ranges' },

  // PROGNOS (SPEC 5.2: months T1 4, T2 8, year 12, Kvartal n 3n, month range → its last month)
  { fn: 'PROGNOS', args: [120, 'T1 2024', 'Linjär'], expected: 360, why: '120 × 12/4' },
  { fn: 'PROGNOS', args: ['148 st', 'Tertial 1 2024', 'Linjär'], expected: 444, why: 'T1 2024 "feriejobb" outcome, linear' },
  { fn: 'PROGNOS', args: ['38,87 %', 'Tertial 1 2024'], expected: 0.3887, why: 'default Senaste värde: never extrapolated' },
  { fn: 'PROGNOS', args: [100, 'T2', 'Linjär'], expected: 150, why: '100 × 12/8' },
  { fn: 'PROGNOS', args: [30, 'Kvartal 2', 'Linjär'], expected: 60, why: '30 × 12/6' },
  { fn: 'PROGNOS', args: [30, 'Jan-april 2024', 'Linjär'], expected: 90, why: 'month range ends in April: 30 × 12/4' },
  { fn: 'PROGNOS', args: [30, 'Helår 2024', 'Linjär'], expected: 30, why: 'whole year' },
  { fn: 'PROGNOS', args: [30, 'T1 2024', 'Säsong', 100, 25], expected: 120, why: '30 × 100/25' },
  { fn: 'PROGNOS', args: [30, 'T1 2024', 'Säsong'], expected: 90, why: 'Säsong without last year falls back to Linjär' },
  { fn: 'PROGNOS', args: [null, 'T1 2024', 'Linjär'], expected: null, why: 'no outcome' },
  { fn: 'PROGNOS', args: [30, 'xyz', 'Linjär'], expected: ERROR, why: 'unreadable period' },
  { fn: 'PROGNOS', args: [[[120], [40]], 'T1 2024', 'Linjär'], expected: [[360], [120]], why: 'a range of outcomes' },

  // AVVIKELSE (signed, in target units, positive = better)
  { fn: 'AVVIKELSE', args: [0.3887, '40 %'], expected: -0.0113, why: '0,3887 − 0,4' },
  { fn: 'AVVIKELSE', args: ['90 %', '80 %'], expected: 0.1, why: 'above a higher-is-better target' },
  { fn: 'AVVIKELSE', args: ['16,1 st', '15,4 st', 'Lägre är bättre'], expected: -0.7, why: 'lower: t − v' },
  { fn: 'AVVIKELSE', args: ['0,25 kg CO2e', '0,33 kg CO2e', 'Lägre är bättre'], expected: 0.08, why: 'lower, better than target' },
  { fn: 'AVVIKELSE', args: ['50', '80 st'], expected: -30, why: 'higher by default' },
  { fn: 'AVVIKELSE', args: [12, 'Max 10 personer'], expected: -2, why: 'Max means lower' },
  { fn: 'AVVIKELSE', args: [null, '40 %'], expected: null, why: 'no value' },
  { fn: 'AVVIKELSE', args: ['abc', '40 %'], expected: ERROR, why: 'no number' },

  // TAL (SPEC 3 numbers; a percentage as its fraction)
  { fn: 'TAL', args: ['2 757,9 mnkr'], expected: 2757.9, why: 'SPEC 7 example' },
  { fn: 'TAL', args: ['38,87 %'], expected: 0.3887, why: 'SPEC 7 example' },
  { fn: 'TAL', args: ['-412,5'], expected: -412.5, why: 'T1 2024 budget figure' },
  { fn: 'TAL', args: ['−2%'], expected: -0.02, why: 'Unicode minus, percent without space' },
  { fn: 'TAL', args: ['79  %'], expected: 0.79, why: 'two spaces before %' },
  { fn: 'TAL', args: ['1 330 st'], expected: 1330, why: 'thousands space and a unit' },
  { fn: 'TAL', args: ['16,6 barn/avd.'], expected: 16.6, why: 'free-text unit' },
  { fn: 'TAL', args: ['0,25 kg CO2e'], expected: 0.25, why: 'unit with a digit in it' },
  { fn: 'TAL', args: ['1945 GWh'], expected: 1945, why: 'plain thousands' },
  { fn: 'TAL', args: [5], expected: 5, why: 'a number stays' },
  { fn: 'TAL', args: ['abc'], expected: ERROR, why: 'no number in it' },
  { fn: 'TAL', args: [[['2 757,9'], ['90%']]], expected: [[2757.9], [0.9]], why: 'a range' },

  // BEDOMNING (SPEC 5.5: helt 1, delvis ½, inte 0; s > 0,75 helt, 0,5–0,75 delvis, < 0,5 inte; ej_* left out)
  { fn: 'BEDOMNING', args: [[[HELT], [HELT], [DELVIS]]], expected: HELT, why: 's = 0,83' },
  { fn: 'BEDOMNING', args: [[[HELT], [DELVIS]]], expected: DELVIS, why: 's = 0,75 is still delvis' },
  { fn: 'BEDOMNING', args: [[[HELT], [INTE]]], expected: DELVIS, why: 's = 0,5' },
  { fn: 'BEDOMNING', args: [[[DELVIS], [INTE]]], expected: INTE, why: 's = 0,25' },
  { fn: 'BEDOMNING', args: [[[HELT], [null], [EJ_BEDOMD]]], expected: HELT, why: 'blank and Ej bedömd left out' },
  { fn: 'BEDOMNING', args: [[[EJ_MATT], [EJ_BEDOMD]]], expected: EJ_BEDOMD, why: 'nothing scored, no activities' },
  { fn: 'BEDOMNING', args: [[['helt', 'delvis', 'inte']]], expected: DELVIS, why: 'short forms, a row range; s = 0,5' },
  { fn: 'BEDOMNING', args: [DELVIS], expected: DELVIS, why: 'a single status' },
  { fn: 'BEDOMNING', args: [[[HELT], ['Okänd']]], expected: ERROR, why: 'a text that is no status' },

  // UNDERLAG (SPEC 5.6 sentences)
  { fn: 'UNDERLAG', args: [[[HELT], [HELT], [HELT]]], expected: 'Samtliga tre indikatorer bedöms uppfyllas helt.', why: 'SPEC 5.6 example' },
  { fn: 'UNDERLAG', args: [[[DELVIS]]], expected: 'Indikatorn bedöms uppfyllas delvis.', why: 'SPEC 5.6 example' },
  {
    fn: 'UNDERLAG',
    args: [[[HELT], [HELT], [HELT], [DELVIS], [DELVIS], [EJ_BEDOMD]]],
    expected: 'Bedömningen grundar sig på att tre av sex indikatorer bedöms uppfyllas helt och två delvis. En indikator kan inte bedömas än.',
    why: 'SPEC 5.6 example',
  },
  { fn: 'UNDERLAG', args: [[[HELT], [HELT]], 'mål'], expected: 'Båda målen bedöms uppfyllas helt.', why: 'ord "mål" (SPEC 5.6 "Båda …målen")' },
  { fn: 'UNDERLAG', args: [[[HELT], ['Okänd']]], expected: ERROR, why: 'a text that is no status' },
];

/** True when two results agree: numbers to 9 significant digits, blank = null or '', errors by marker. */
export function sameResult(actual: unknown, expected: ExpectedCell | ExpectedCell[][], isError: (cell: unknown) => boolean): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((row, r) => {
        const got: unknown = (actual as unknown[])[r];
        return Array.isArray(got) && got.length === row.length && row.every((cell, c) => sameResult(got[c], cell, isError));
      })
    );
  }
  if (expected === ERROR) return isError(actual);
  if (expected === null) return actual === null || actual === '' || actual === undefined;
  if (typeof expected === 'number') {
    return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  return actual === expected;
}
