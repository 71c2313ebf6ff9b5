// Reads cell values the Swedish way (SPEC 3): numbers with units, bounds, bands, trends, pending targets, dates, and reconciles units within a row.
import { monthNumber } from './period';
import { cellText, fold } from '../common/text';
import type { CellValue, Lang, ParsedValue, Unit } from '../types';
import { ownEntry } from '../common/lookup';

// ---------------------------------------------------------------------------------------------
// Cell classification helpers
// ---------------------------------------------------------------------------------------------

const ERROR_RE =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|ERROR!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|GETTING_DATA)$/i;

/** True for a spreadsheet error text: `#N/A`, `#REF!`, `#VALUE!`, `#DIV/0!`, `#NAME?`, … */
export function isErrorText(text: string): boolean {
  return ERROR_RE.test(text.trim());
}

const MISSING_MARKERS = new Set(['', '-', '–', '—', '−', 'i.u.', 'i.u', '..', '.', '…']);
/** The longest missing marker: a longer text is none (lower-casing never shortens a text), so it is not lower-cased to look. */
const MISSING_MARKER_MAX = 4;

/** isMissingText for a trimmed text. */
function isMissingMarker(text: string): boolean {
  return text.length <= MISSING_MARKER_MAX && MISSING_MARKERS.has(text.toLowerCase());
}

/** True for a text that means "no value": blank, `-`, `–`, `i.u.`, `..`, `.`. */
export function isMissingText(text: string): boolean {
  return isMissingMarker(text.trim());
}

/** Removes quoted literals, escapes and bracketed codes (colours, locales, elapsed time) from a number format. */
function formatCodes(format: string): string {
  return format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '').replace(/\[[^\]]*\]/g, '');
}

const GENERAL_FORMATS = new Set(['general', 'standard', 'allmant', '@', '']);
const dateFormatCache = new Map<string, boolean>();

/** True when a number format shows a date (day or year codes, also the Swedish `å`). */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  let cached = dateFormatCache.get(format);
  if (cached === undefined) {
    const codes = formatCodes(format).toLowerCase();
    cached = !GENERAL_FORMATS.has(fold(codes)) && /[dyå]/.test(codes);
    if (dateFormatCache.size >= 500) dateFormatCache.clear(); // bounded: a workbook has a few formats, not thousands
    dateFormatCache.set(format, cached);
  }
  return cached;
}

/** True when a number format multiplies by 100 and shows `%`. */
export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && format.includes('%') && formatCodes(format).includes('%');
}

/** Rounds away binary noise such as 38.870000000000005 (10 significant digits). */
function denoise(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(10));
}

const DAY_MS = 86400000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** ISO date of an Excel serial (1900 system, with Excel's fictitious 1900-02-29 as serial 60); null when out of range. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  let days = Math.floor(serial);
  if (days < 60) days += 1; // before the fictitious leap day the epoch is one day later
  else if (days === 60) days = 61; // 1900-02-29 does not exist: read as 1900-03-01
  return civilFromDays(days + EXCEL_EPOCH / DAY_MS);
}

/**
 * ISO date of a day count since 1970-01-01, by calendar arithmetic (H. Hinnant's days → civil):
 * a Date and toISOString per cell is what a 100 000-row activity sheet would spend its time on.
 */
function civilFromDays(unixDays: number): string {
  const z = unixDays + 719468; // days since 0000-03-01
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return isoText(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** `2024-03-05` from a year of four digits, a month and a day. */
function isoText(year: number, month: number, day: number): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Excel serial of an ISO date (inverse of serialToIso for dates after 1900-03-01). */
export function isoToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return Math.round((Date.UTC(+m[1], +m[2] - 1, +m[3]) - EXCEL_EPOCH) / DAY_MS);
}

/** ISO text of a valid calendar date, else null. */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoText(year, month, day);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

// ---------------------------------------------------------------------------------------------
// Numbers in text
// ---------------------------------------------------------------------------------------------

const SPACE = '[ \\u00a0\\u202f]';
/**
 * Sign, integer part (groups of three separated by a space/NBSP/narrow NBSP, or plain digits),
 * optional decimal part, then the rest (unit and note).
 */
const NUMBER_RE = new RegExp(
  `^([-−–+]?)${SPACE}*(\\d{1,3}(?:${SPACE}\\d{3})+|\\d*)(?:([,.])(\\d+))?(?!\\d)${SPACE}*(.*)$`,
  's',
);
/** The first word of the rest must look like a unit: a letter, `%`, a currency sign, `°`. */
const UNIT_START_RE = /^[\p{L}%°€$£/]/u;
const WHITESPACE_RE = /[\s\u00a0\u202f]+/;

const UNIT_ALIASES: Record<string, string> = { st: 'st', 'st.': 'st', stycken: 'st', procent: '%', '%': '%' };

function normaliseUnit(unit: string): string {
  return ownEntry(UNIT_ALIASES, unit.toLowerCase()) ?? unit;
}

type NumberWithUnit = { value: number; unit: Unit; note?: string };

/** Reads `2 757,9`, `-2%`, `5,2 st`, `0,25 kg CO2e`; null when the text is not a number (+ unit). */
function parseNumberText(text: string): NumberWithUnit | null {
  const m = NUMBER_RE.exec(text);
  if (!m) return null;
  const [, sign, intPart, separator, fraction, rest] = m;
  if (intPart === '' && fraction === undefined) return null;
  // A point followed by exactly three digits could be a thousands separator (1.330): ambiguous.
  if (separator === '.' && fraction.length === 3 && intPart !== '' && !/^0+$/.test(intPart)) return null;
  const digits = intPart.replace(/[^\d]/g, '') + (fraction !== undefined ? '.' + fraction : '');
  const magnitude = Number(digits);
  if (!Number.isFinite(magnitude)) return null;
  const value = sign === '' || sign === '+' ? magnitude : -magnitude;
  const tail = rest.trim();
  if (tail === '') return { value, unit: null };
  if (tail[0] === '%') {
    const note = tail.slice(1).trim();
    return note ? { value, unit: '%', note } : { value, unit: '%' };
  }
  if (!UNIT_START_RE.test(tail)) return null;
  const space = WHITESPACE_RE.exec(tail);
  const unitText = space ? tail.slice(0, space.index) : tail;
  const note = space ? tail.slice(space.index).trim() : '';
  const unit = normaliseUnit(unitText);
  return note ? { value, unit, note } : { value, unit };
}

// Bounds: `Max 10 personer`, `högst 5`, `mini. 75`, `Minst 80 %`, `≤ 3 %`, `>= 5`.
const BOUND_RE =
  /^(max(?:imalt|imum)?|h[öo]gst|som mest|min(?:i|imum|imalt)?|minst|l[äa]gst|som minst|≤|<=|=<|≥|>=|=>|<|>)\.?[ \u00a0\u202f]*([-−–+\d].*)$/i;
const MAX_WORD_RE = /^(max|h[öo]gst|som mest|≤|<=|=<|<)/i;

// Bands: `+/- 1 %`, `± 1 %`, `100 % +/- 2 %`.
const BAND_HINT_RE = /±|\+\/|\+-/;
const BAND_RE = /^(.*?)[ \u00a0\u202f]*(?:\+\/-|\+\/−|\+-|±)[ \u00a0\u202f]*(.+)$/;

const ISO_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TREND_RE = /^(?:ok(?:a|ar|ad|ning)|minsk(?:a|ar|ad|ning))(?:\b|$)/;
const PENDING_RE = /fastst|tas[ \u00a0\u202f]+fram/i;
const PENDING_FOLDED_RE = /faststal|tas fram/;

function parseBand(text: string): ParsedValue | null {
  const m = BAND_RE.exec(text);
  if (!m) return null;
  const width = parseNumberText(m[2]);
  if (!width || width.note) return null;
  let center = 0;
  let unit = width.unit;
  if (m[1].trim() !== '') {
    const c = parseNumberText(m[1].trim());
    if (!c || c.note) return null;
    if (c.unit && unit && c.unit !== unit) return null;
    center = c.value;
    unit = unit ?? c.unit;
  }
  return { kind: 'band', center, halfWidth: Math.abs(width.value), unit };
}

function parseBound(text: string): ParsedValue | null {
  const m = BOUND_RE.exec(text.normalize('NFC'));
  if (!m) return null;
  const n = parseNumberText(m[2].trim());
  if (!n) return null;
  const bound = MAX_WORD_RE.test(m[1]) ? 'max' : 'min';
  return { kind: 'bound', value: n.value, unit: n.unit, bound };
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);
const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** True for the char code of an ASCII letter. */
function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The common case of a value text, read without the general regex: `-`? digits, then `,`/`.` and
 * digits, then `%` (a space before it allowed), nothing else; with `unitWord` also a unit of ASCII
 * letters to the end (`5 st`, `2,8 GWh`). Null for anything else, and for the cases the general
 * reader decides (a point and three digits, more than 15 digits), which then reads it.
 */
function parsePlainNumber(text: string, unitWord: boolean): ParsedValue | null {
  const length = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const negative = i === 1;
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) break;
    mantissa = mantissa * 10 + (c - DIGIT_0);
    digits++;
  }
  if (digits === 0) return null;
  const separator = i < length ? text.charCodeAt(i) : -1; // no read past the end (V8 deoptimises on it)
  if (separator === 44 || separator === 46) {
    // ',' or '.'
    for (i++; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c < DIGIT_0 || c > DIGIT_9) break;
      mantissa = mantissa * 10 + (c - DIGIT_0);
      decimals++;
    }
    if (decimals === 0 || (separator === 46 && decimals === 3)) return null;
  }
  if (digits + decimals > 15) return null;
  let unit: Unit = null;
  if (i < length) {
    if (text.charCodeAt(i) === 32) i++; // one space before the unit
    if (i === length - 1 && text.charCodeAt(i) === 37) unit = '%';
    else if (unitWord && unitWordEnds(text, i)) unit = normaliseUnit(text.slice(i));
    else return null;
  }
  // mantissa < 10^15 and 10^decimals are exact, so the division rounds as Number('38.87') does.
  const magnitude = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals];
  return numberValue(negative ? -magnitude : magnitude, unit);
}

/**
 * Number values read lately, by a hash of value and unit: equal numbers (a column of `3 %`, `100 %`, `0`)
 * share one object instead of each cell allocating its own, which the model would then keep. A fixed
 * table, not a Map: a miss costs a compare, and a sheet of all different figures costs no more than before.
 * Sharing is safe: parsed values are never changed after reading, and nothing compares them by identity.
 */
const SHARED_NUMBERS: ({ kind: 'number'; value: number; unit: Unit } | undefined)[] = new Array(4096).fill(undefined);

/** `{ kind: 'number', value, unit }`, shared with an equal one made before in this read when the table still holds it. */
function numberValue(value: number, unit: Unit): ParsedValue {
  const key = ((value * 1000) | 0) + (unit === null ? 0 : unit.length); // 70 and 70 % in different slots
  const slot = Math.imul(key, 0x9e3779b1) >>> 20; // the top twelve bits of a multiplicative hash: 0–4095
  const shared = SHARED_NUMBERS[slot];
  if (shared !== undefined && Object.is(shared.value, value) && shared.unit === unit) return shared;
  return (SHARED_NUMBERS[slot] = { kind: 'number', value, unit });
}

/** Empties the table of shared numbers: called at the start of every read, so that no value outlives its workbook in it. */
export function forgetSharedNumbers(): void {
  SHARED_NUMBERS.fill(undefined);
}

/** True when the text from `start` to its end is one or more ASCII letters. */
function unitWordEnds(text: string, start: number): boolean {
  if (start >= text.length) return false;
  for (let i = start; i < text.length; i++) if (!isAsciiLetter(text.charCodeAt(i))) return false;
  return true;
}

/** Reads a non-blank text cell that is neither an error nor a missing marker. */
function parseText(text: string): ParsedValue {
  const plain = parsePlainNumber(text, false);
  if (plain) return plain;
  if (PENDING_RE.test(text)) return { kind: 'pending', text };
  // A band first: `100 % +/- 2 %` would otherwise read as 100 % with a note.
  if (BAND_HINT_RE.test(text)) {
    const band = parseBand(text);
    if (band) return band;
  }
  // A number with a unit word reads as parseNumberText reads it, but without its regex; only after the pending test
  // (`2024 Faststalls` is pending, not 2024 of a unit `Faststalls`).
  const withUnit = parsePlainNumber(text, true);
  if (withUnit) return withUnit;
  const n = parseNumberText(text);
  if (n) return n.note ? { kind: 'number', value: n.value, unit: n.unit, note: n.note } : numberValue(n.value, n.unit);
  const bound = parseBound(text);
  if (bound) return bound;
  const iso = ISO_RE.exec(text);
  if (iso) {
    const date = isoDate(+iso[1], +iso[2], +iso[3]);
    if (date) return { kind: 'date', iso: date };
  }
  const folded = fold(text);
  if (TREND_RE.test(folded)) return { kind: 'trend', direction: folded.startsWith('ok') ? 'higher' : 'lower' };
  if (PENDING_FOLDED_RE.test(folded)) return { kind: 'pending', text };
  return { kind: 'invalid', text };
}

// ---------------------------------------------------------------------------------------------
// Public parsers
// ---------------------------------------------------------------------------------------------

/** The one missing value every blank or `-` cell reads as (shared, so frozen); the row readers use it too. */
export const MISSING: ParsedValue = Object.freeze({ kind: 'missing' }) as ParsedValue;

/** Parses a value cell (SPEC 3): number, bound, band, trend, pending, missing, date, error or invalid. */
export function parseValue(value: CellValue, format?: string | null): ParsedValue {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', text: String(value) };
    if (isDateFormat(format)) {
      const iso = serialToIso(value);
      return iso ? { kind: 'date', iso } : { kind: 'invalid', text: String(value) };
    }
    return isPercentFormat(format) ? numberValue(denoise(value * 100), '%') : numberValue(value, null);
  }
  if (typeof value === 'boolean') return { kind: 'invalid', text: value ? 'TRUE' : 'FALSE' };
  const text = String(value).trim();
  if (isMissingMarker(text)) return MISSING;
  if (text[0] === '#' && ERROR_RE.test(text)) return { kind: 'error', text };
  return parseText(text);
}

const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const SWEDISH_DATE_RE = /^(?:den )?(\d{1,2}) ([a-z]+)\.? (\d{4})$/;

/** Parses a date cell: ISO text, `20240101`, `1 januari 2024`, a date-formatted serial, or a plain serial 20000–80000. */
export function parseDateValue(value: CellValue, format?: string | null): ParsedValue {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'boolean') return { kind: 'invalid', text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') {
    const general = !format || GENERAL_FORMATS.has(fold(format));
    if (isDateFormat(format) || (general && value >= 20000 && value <= 80000)) {
      const iso = serialToIso(value);
      if (iso) return { kind: 'date', iso };
    }
    return { kind: 'invalid', text: String(value) };
  }
  const text = String(value).trim();
  if (isMissingMarker(text)) return MISSING;
  if (text[0] === '#' && ERROR_RE.test(text)) return { kind: 'error', text };
  const m = ISO_RE.exec(text) ?? COMPACT_RE.exec(text);
  if (m) {
    const iso = isoDate(+m[1], +m[2], +m[3]);
    return iso ? { kind: 'date', iso } : { kind: 'invalid', text };
  }
  const sv = SWEDISH_DATE_RE.exec(fold(text));
  if (sv) {
    const month = monthNumber(sv[2]);
    const iso = month ? isoDate(+sv[3], month, +sv[1]) : null;
    if (iso) return { kind: 'date', iso };
  }
  return { kind: 'invalid', text };
}

/** Reads a Delvisgräns as a fraction: `80 %`, `0,8`, 0.8 in a % cell, 80 → 0.8; null when unreadable or outside 0–1. */
export function parseFraction(value: CellValue, format?: string | null): number | null {
  const parsed = parseValue(value, format);
  if (parsed.kind !== 'number') return null;
  let fraction: number;
  if (parsed.unit === '%') fraction = parsed.value / 100;
  else if (parsed.unit === null) fraction = parsed.value > 1 ? parsed.value / 100 : parsed.value;
  else return null;
  fraction = denoise(fraction);
  return fraction >= 0 && fraction <= 1 ? fraction : null;
}

/** Formats a number for messages: sv `2 757,9`, en `2,757.9`; decimals fixed when given, else as needed up to 2. */
export function formatNumber(value: number, lang: Lang, decimals?: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Index arithmetic instead of split and four regexes: every message figure and summary cell passes here.
  const fixed = value.toFixed(decimals ?? 2);
  const dot = fixed.indexOf('.');
  let intPart = dot < 0 ? fixed : fixed.slice(0, dot);
  let fraction = dot < 0 ? '' : fixed.slice(dot + 1);
  if (decimals === undefined) fraction = withoutTrailingZeros(fraction);
  const negative = intPart.charCodeAt(0) === 45; // '-'
  if (negative) intPart = intPart.slice(1);
  // Three characters or fewer have no group to separate.
  const grouped = intPart.length <= 3 ? intPart : intPart.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'sv' ? ' ' : ',');
  const sign = negative && !(isAllZeros(intPart) && isAllZeros(fraction)) ? '-' : '';
  return sign + grouped + (fraction ? (lang === 'sv' ? ',' : '.') + fraction : '');
}

/** The text without its trailing `0`s (`500` → `5`, `000` → ``). */
function withoutTrailingZeros(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 48) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** True when the text is only `0`s (or empty). */
function isAllZeros(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== 48) return false;
  return true;
}

const DESCRIBE_MAX = 60;

/** A cell value quoted for a message, e.g. `"Fastställs 2024"`, truncated at 60 characters. */
export function describeCell(value: CellValue): string {
  let text = cellText(value).replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (text.length > DESCRIBE_MAX) text = text.slice(0, DESCRIBE_MAX - 1).trimEnd() + '…';
  return `"${text}"`;
}

// ---------------------------------------------------------------------------------------------
// Units within one indicator row (SPEC 3)
// ---------------------------------------------------------------------------------------------

function unitOf(parsed: ParsedValue): Unit | undefined {
  return parsed.kind === 'number' || parsed.kind === 'bound' || parsed.kind === 'band' ? parsed.unit : undefined;
}

/** The magnitude that decides W_SCALE: a value or bound; a band's centre. */
function magnitudeOf(parsed: ParsedValue): number | null {
  if (parsed.kind === 'number' || parsed.kind === 'bound') return Math.abs(parsed.value);
  if (parsed.kind === 'band') return Math.abs(parsed.center);
  return null;
}

/** `st` is a label that matches anything; other named units match only themselves (case-insensitive). */
function unitKey(unit: string): string | null {
  const key = unit.toLowerCase();
  return key === 'st' ? null : key;
}

/** The empty field list reconcileUnits returns when nothing was assumed or scaled (shared, so frozen). */
const NO_FIELDS: string[] = Object.freeze([]) as unknown as string[];

/** What reconcileUnits finds in one row; `values` holds the row's values with assumed units applied. */
export interface UnitReconciliation<Values> {
  values: Values;
  unit: Unit;
  assumedPercent: string[];
  mismatch: [string, string] | null;
  scale: string[];
}

/**
 * Reconciles the units of one indicator row: bare numbers become `%` when the row has `%`
 * (I_UNIT_ASSUMED), except a bare number below 1 against a `%` value of 1 or more (W_SCALE);
 * finds the first pair of incompatible units (W_UNIT_MISMATCH).
 */
export function reconcileUnits(values: Record<string, ParsedValue>): UnitReconciliation<Record<string, ParsedValue>> {
  const fields = Object.keys(values);
  const list = fields.map((field) => values[field]);
  const reconciled = reconcileUnitList(fields, list);
  if (reconciled.values === list) return { ...reconciled, values };
  const result = { ...values };
  for (let i = 0; i < fields.length; i++) result[fields[i]] = reconciled.values[i];
  return { ...reconciled, values: result };
}

/**
 * reconcileUnits for a row given as a list of fields and the list of their values (the row reader's
 * form: no record and no key list per row). The values list comes back as it is when no unit was assumed.
 * The result is written into `into` when given (the row reader reuses one object from row to row).
 */
export function reconcileUnitList(
  fields: readonly string[],
  values: readonly ParsedValue[],
  into = {} as UnitReconciliation<readonly ParsedValue[]>,
): UnitReconciliation<readonly ParsedValue[]> {
  // Runs once per indicator row: plain loops, no per-call closures or scratch lists.
  let hasPercent = false;
  let percentAtLeastOne = false;
  let firstNamed: Unit = null;
  let mismatch: [string, string] | null = null;
  // Until a mismatch is found every unit key seen equals the first one, so the first is all there is to compare with.
  let firstKey: string | null = null;
  let firstKeyField = '';
  for (let i = 0; i < fields.length; i++) {
    const parsed = values[i];
    // Most cells of a row are blank: one identity test instead of looking into the value (whose shape varies from cell to cell).
    if (parsed === MISSING) continue;
    const unit = unitOf(parsed);
    if (!unit) continue;
    if (unit === '%') {
      hasPercent = true;
      if ((magnitudeOf(parsed) ?? 0) >= 1) percentAtLeastOne = true;
    } else if (firstNamed === null) firstNamed = unit;
    const key = unitKey(unit);
    if (key === null) continue;
    if (firstKey === null) {
      firstKey = key;
      firstKeyField = fields[i];
    } else if (!mismatch && key !== firstKey) mismatch = [firstKeyField, fields[i]];
  }
  let assumedPercent: string[] = NO_FIELDS;
  let scale: string[] = NO_FIELDS;
  let result: ParsedValue[] | readonly ParsedValue[] = values;
  if (hasPercent) {
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const parsed = values[i];
      if (parsed === MISSING || unitOf(parsed) !== null) continue;
      const magnitude = magnitudeOf(parsed) ?? 0;
      if (percentAtLeastOne && magnitude > 0 && magnitude < 1 && parsed.kind !== 'band') {
        if (scale === NO_FIELDS) scale = [];
        scale.push(field);
        continue;
      }
      if (result === values) result = values.slice();
      (result as ParsedValue[])[i] = parsed.kind === 'number' && parsed.note === undefined ? numberValue(parsed.value, '%') : ({ ...parsed, unit: '%' } as ParsedValue);
      if (assumedPercent === NO_FIELDS) assumedPercent = [];
      assumedPercent.push(field);
    }
  }
  into.values = result;
  into.unit = hasPercent ? '%' : firstNamed;
  into.assumedPercent = assumedPercent;
  into.mismatch = mismatch;
  into.scale = scale;
  return into;
}
