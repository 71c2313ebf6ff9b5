// Host-neutral implementations of the MAL.* / MAL_* cell functions (SPEC 7), reusing the assessment rules of SPEC 5.
import { DEFAULT_SETTINGS } from './common/settings';
import { parseDirectionText } from './judge/direction';
import { computeForecast, parseMethodText } from './judge/forecast';
import { proposeFromStatuses } from './judge/goals';
import { deviationOf, roundNoise, statusOf } from './judge/indicator-status';
import { parsePeriod } from './read/period';
import { countStatuses, goalSentence } from './judge/sentence';
import { parseStatus, STATUS_TEXT } from './common/status';
import { cellText, fold } from './common/text';
import { describeCell, parseFraction, parseValue } from './read/values';
import type { CellValue, Direction, ForecastMethod, ParsedValue, Status } from './types';
import { ownEntry } from './common/lookup';

export type FnArg = CellValue | CellValue[][] | null | undefined;
export interface FnError {
  error: string;
}
export type FnCell = CellValue | FnError;
/** Scalar when every argument is a scalar or 1×1, else a 2-D array (one row per input row). */
export type FnResult = FnCell | FnCell[][];

/** A cell function has no Inställningar sheet: the workbook defaults apply. */
const DEFAULTS = DEFAULT_SETTINGS;

export function isFnError(value: unknown): value is FnError {
  return typeof value === 'object' && value !== null && typeof (value as FnError).error === 'string';
}

function fail(message: string): FnError {
  return { error: message };
}

// ---------------------------------------------------------------------------------------------
// Broadcasting: ranges row by row (and column by column), scalars repeat
// ---------------------------------------------------------------------------------------------

type Arg = { scalar: CellValue } | { grid: CellValue[][]; rows: number; cols: number };

function normalise(arg: FnArg): Arg {
  if (!Array.isArray(arg)) return { scalar: arg ?? null };
  const rows = arg.length;
  let cols = 0;
  for (const row of arg) if (Array.isArray(row) && row.length > cols) cols = row.length;
  if (rows === 0 || cols === 0) return { scalar: null };
  if (rows === 1 && cols === 1) return { scalar: arg[0][0] ?? null };
  return { grid: arg, rows, cols };
}

const SIZE_MISMATCH = fail('Områdena har olika storlek: ge områden med lika många rader (eller ett enda värde).');

/** The cell of an argument at (r, c) of the result; a range of size 1 in a dimension repeats along it. */
function cellAt(arg: Arg, r: number, c: number): CellValue | FnError {
  if ('scalar' in arg) return arg.scalar;
  const rr = arg.rows === 1 ? 0 : r;
  const cc = arg.cols === 1 ? 0 : c;
  if (rr >= arg.rows || cc >= arg.cols) return SIZE_MISMATCH;
  return arg.grid[rr]?.[cc] ?? null;
}

/** Applies a cell function over its arguments: a scalar for scalar arguments, else one result per cell of the largest range. */
function broadcast(args: FnArg[], fn: (cells: CellValue[]) => FnCell): FnResult {
  const norm = args.map(normalise);
  let rows = 0;
  let cols = 0;
  for (const a of norm) {
    if ('grid' in a) {
      rows = Math.max(rows, a.rows);
      cols = Math.max(cols, a.cols);
    }
  }
  if (rows === 0) return safe(() => fn(norm.map((a) => (a as { scalar: CellValue }).scalar)));
  const out: FnCell[][] = new Array(rows);
  const cells: CellValue[] = new Array(norm.length);
  for (let r = 0; r < rows; r++) {
    const row: FnCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let error: FnError | null = null;
      for (let i = 0; i < norm.length; i++) {
        const cell = cellAt(norm[i], r, c);
        if (isFnError(cell)) error = cell;
        else cells[i] = cell;
      }
      row[c] = error ?? safe(() => fn(cells));
    }
    out[r] = row;
  }
  return out;
}

/** A cell function never throws: an unexpected failure becomes an error value. */
function safe(fn: () => FnCell): FnCell {
  try {
    return fn();
  } catch {
    return fail('Oväntat fel i beräkningen.');
  }
}

/** Every cell of an argument, row by row (for the functions that take a whole range). */
function allCells(arg: FnArg): CellValue[] {
  if (!Array.isArray(arg)) return [arg ?? null];
  const cells: CellValue[] = [];
  for (const row of arg) if (Array.isArray(row)) for (const cell of row) cells.push(cell ?? null);
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Reading arguments: numbers are plain; a text percentage counts as its fraction
// ---------------------------------------------------------------------------------------------

function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** A text value with `%` scaled to its fraction, the way both hosts store percentages. */
function asFraction(parsed: ParsedValue): ParsedValue {
  if (parsed.kind === 'number' && parsed.unit === '%') return { kind: 'number', value: roundNoise(parsed.value / 100), unit: null };
  if (parsed.kind === 'bound' && parsed.unit === '%') return { ...parsed, value: roundNoise(parsed.value / 100), unit: null };
  if (parsed.kind === 'band' && parsed.unit === '%') {
    return { kind: 'band', center: roundNoise(parsed.center / 100), halfWidth: roundNoise(parsed.halfWidth / 100), unit: null };
  }
  return parsed;
}

function readCell(cell: CellValue): ParsedValue {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'number', value: cell, unit: null } : { kind: 'invalid', text: String(cell) };
  return asFraction(parseValue(cell));
}

/** A value argument: a number, or null when blank. */
function numberArg(cell: CellValue, what: string): number | null | FnError {
  const parsed = readCell(cell);
  if (parsed.kind === 'missing') return null;
  if (parsed.kind === 'number') return parsed.value;
  return fail(`${what}: ${describeCell(cell)} är inget tal.`);
}

/** A target argument: number, bound, band, trend, pending or missing. */
function targetArg(cell: CellValue): ParsedValue | FnError {
  const parsed = readCell(cell);
  switch (parsed.kind) {
    case 'number':
    case 'bound':
    case 'band':
    case 'trend':
    case 'pending':
    case 'missing':
      return parsed;
    default:
      return fail(`Årsmål: ${describeCell(cell)} är inget målvärde (t.ex. 80 %, Max 10, +/- 1 %, Ökning).`);
  }
}

function directionArg(cell: CellValue): Direction | null | FnError {
  if (isBlank(cell)) return null;
  const direction = typeof cell === 'string' ? parseDirectionText(cell) : null;
  return direction ?? fail(`Riktning: ${describeCell(cell)} känns inte igen; skriv Högre är bättre, Lägre är bättre, Intervall eller Exakt.`);
}

function thresholdArg(cell: CellValue): number | FnError {
  if (isBlank(cell)) return DEFAULTS.partialThreshold;
  return parseFraction(cell) ?? fail(`Delvisgräns: ${describeCell(cell)} är ingen andel mellan 0 och 100 %.`);
}

function methodArg(cell: CellValue): ForecastMethod | FnError {
  if (isBlank(cell)) return 'senaste';
  const method = typeof cell === 'string' ? parseMethodText(cell) : null;
  return method ?? fail(`Metod: ${describeCell(cell)} känns inte igen; skriv Senaste värde, Linjär, Säsong eller Manuell.`);
}

const JUDGEABLE = new Set<ParsedValue['kind']>(['number', 'bound', 'band', 'trend']);

/** Value and target read and checked, or the first argument error; `target` null when it cannot be judged against yet. */
function readPair(value: CellValue, target: CellValue): { v: number | null; t: ParsedValue | null } | FnError {
  const v = numberArg(value, 'Värde');
  if (isFnError(v)) return v;
  const t = targetArg(target);
  if (isFnError(t)) return t;
  return { v, t: JUDGEABLE.has(t.kind) ? t : null };
}

/** Reads one row's value, target and riktning, then computes; an argument error as it is, blank when there is nothing to judge. */
function withJudgeable(
  value: CellValue,
  target: CellValue,
  direction: CellValue,
  compute: (v: number, t: ParsedValue, dir: Direction | null) => number | null,
): FnCell {
  const pair = readPair(value, target);
  if (isFnError(pair)) return pair;
  const dir = directionArg(direction);
  if (isFnError(dir)) return dir;
  if (!pair.t || pair.v === null) return null;
  return compute(pair.v, pair.t, dir);
}

// ---------------------------------------------------------------------------------------------
// The functions
// ---------------------------------------------------------------------------------------------

/** MAL.STATUS(värde; årsmål; [riktning]; [delvisgräns]) → status text (SPEC 5.4); Ej bedömd without a target, Ej mätt without a value. */
export function malStatus(value: FnArg, target: FnArg, direction?: FnArg, threshold?: FnArg): FnResult {
  return broadcast([value, target, direction, threshold], ([v, t, d, g]) => {
    const pair = readPair(v, t);
    if (isFnError(pair)) return pair;
    const dir = directionArg(d);
    if (isFnError(dir)) return dir;
    const thr = thresholdArg(g);
    if (isFnError(thr)) return thr;
    if (!pair.t) return STATUS_TEXT.sv.ej_bedomd;
    if (pair.v === null) return STATUS_TEXT.sv.ej_matt;
    return STATUS_TEXT.sv[statusOf(pair.v, pair.t, dir, thr).status];
  });
}

/** MAL.UPPFYLLNAD(värde; årsmål; [riktning]) → achievement ratio (SPEC 5.4), blank where there is none. */
export function malUppfyllnad(value: FnArg, target: FnArg, direction?: FnArg): FnResult {
  return broadcast([value, target, direction], ([v, t, d]) =>
    withJudgeable(v, t, d, (val, tgt, dir) => statusOf(val, tgt, dir, DEFAULTS.partialThreshold).achievement),
  );
}

/** MAL.AVVIKELSE(värde; årsmål; [riktning]) → signed distance to the target, positive = better. */
export function malAvvikelse(value: FnArg, target: FnArg, direction?: FnArg): FnResult {
  return broadcast([value, target, direction], ([v, t, d]) => withJudgeable(v, t, d, deviationOf));
}

/** MAL.PROGNOS(utfall; period; [metod]; [fg_år_helår]; [fg_år_samma_period]) → Beräknad prognos (SPEC 5.2). */
export function malPrognos(outcome: FnArg, period: FnArg, method?: FnArg, lastYearFull?: FnArg, lastYearSamePeriod?: FnArg): FnResult {
  return broadcast([outcome, period, method, lastYearFull, lastYearSamePeriod], ([o, p, m, full, same]) => {
    const value = numberArg(o, 'Utfall');
    if (isFnError(value)) return value;
    const parsedPeriod = isBlank(p) ? null : parsePeriod(typeof p === 'string' ? p.trim() : p);
    if (!parsedPeriod) return fail(`Period: ${describeCell(p)} går inte att läsa; skriv t.ex. T1 2024, Tertial 2 eller Helår.`);
    const how = methodArg(m);
    if (isFnError(how)) return how;
    const fullYear = numberArg(full, 'Fg år helår');
    if (isFnError(fullYear)) return fullYear;
    const samePeriod = numberArg(same, 'Fg år samma period');
    if (isFnError(samePeriod)) return samePeriod;
    if (value === null) return null;
    return computeForecast(value, parsedPeriod.months, how, fullYear, samePeriod).value;
  });
}

/** MAL.TAL(text) → the number in a Swedish text (`"2 757,9 mnkr"` → 2757,9; `"38,87 %"` → 0,3887). */
export function malTal(text: FnArg): FnResult {
  return broadcast([text], ([cell]) => {
    const parsed = readCell(cell);
    if (parsed.kind === 'missing') return null;
    if (parsed.kind === 'number' || parsed.kind === 'bound') return parsed.value;
    return fail(`${describeCell(cell)} innehåller inget tal.`);
  });
}

/** The statuses of a range of status texts (blank cells skipped), or an error naming the first unreadable text. */
function statusesOf(arg: FnArg): Status[] | FnError {
  const statuses: Status[] = [];
  for (const cell of allCells(arg)) {
    if (isBlank(cell)) continue;
    const status = typeof cell === 'string' ? parseStatus(cell) : null;
    if (!status) return fail(`${describeCell(cell)} är ingen status; skriv Uppfylls helt, Uppfylls delvis, Uppfylls inte, Ej bedömd eller Ej mätt.`);
    statuses.push(status);
  }
  return statuses;
}

/** MAL.BEDOMNING(statusar) → proposed assessment from a range of status texts (SPEC 5.5; Ej bedömd when nothing is scored). */
export function malBedomning(statuses: FnArg): FnResult {
  return safe(() => {
    const list = statusesOf(statuses);
    if (isFnError(list)) return list;
    return STATUS_TEXT.sv[proposeFromStatuses(list, DEFAULTS.goalHeltAbove, DEFAULTS.goalDelvisFrom).status];
  });
}

/** MAL.UNDERLAG(statusar; [ord]) → the sentence of SPEC 5.6; `ord` = "indikator" (default) or "mål". */
export function malUnderlag(statuses: FnArg, noun?: FnArg): FnResult {
  return safe(() => {
    const list = statusesOf(statuses);
    if (isFnError(list)) return list;
    const word = normalise(noun ?? null);
    const nounCell = 'scalar' in word ? word.scalar : null;
    const key = isBlank(nounCell) ? 'indikator' : ownEntry(NOUN_WORDS, fold(cellText(nounCell)));
    if (!key) return fail(`Ord: ${describeCell(nounCell)} känns inte igen; skriv "indikator" eller "mål".`);
    return goalSentence(countStatuses(list), key, 'sv');
  });
}

const NOUN_WORDS: Record<string, 'indikator' | 'mal'> = {
  indikator: 'indikator', indikatorer: 'indikator', indicator: 'indikator', indicators: 'indikator',
  mal: 'mal', malen: 'mal', goal: 'mal', goals: 'mal',
};
