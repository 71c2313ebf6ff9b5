// Reads the figures of economy tables with the rounding they show, and the money units of tables and texts (SPEC 2.4, 5.7).
import { parseValue, formatNumber } from '../read/values';
import { cellText, fold } from '../common/text';
import type { CellValue, FinanceFigure, Lang, MoneyUnit } from '../types';

/** Kronor per unit: 1 mnkr = 1 000 tkr = 1 000 000 kr. */
const UNIT_IN_KR: Record<MoneyUnit, number> = { mnkr: 1e6, tkr: 1e3, kr: 1 };

/** Converts an amount from one money unit to another. */
export function convert(value: number, from: MoneyUnit, to: MoneyUnit): number {
  return (value * UNIT_IN_KR[from]) / UNIT_IN_KR[to];
}

const UNIT_WORDS: [RegExp, MoneyUnit][] = [
  [/\bmnkr\b|\bmiljoner kronor\b|\bmkr\b/, 'mnkr'],
  [/\btkr\b|\btusentals kronor\b/, 'tkr'],
  [/\bkronor\b|\bkr\b/, 'kr'],
];

/** The money unit a header, title or caption names (`Mnkr Netto`, `Omslutningsförändring (mnkr)`, `Belopp i tkr`), or null. */
export function unitIn(text: string): MoneyUnit | null {
  const key = fold(text);
  for (const [re, unit] of UNIT_WORDS) if (re.test(key)) return unit;
  return null;
}

/** Decimals a number format shows (`# ##0,0` / `#,##0.0` → 1), or null for General. */
function formatDecimals(format: string | null | undefined): number | null {
  if (!format || /general/i.test(format)) return null;
  const m = /[.,](0+)/.exec(format.replace(/"[^"]*"/g, ''));
  return m ? m[1].length : 0;
}

/** Decimals written in a text figure: `2 739,6` → 1, `41 164` → 0, `35,5%` → 1. */
function textDecimals(text: string): number {
  const m = /\d[.,](\d+)(?!\d)/.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  return m ? m[1].length : 0;
}

/** Decimals of a plain number as stored (at most 3, so that binary noise does not count). */
function valueDecimals(value: number): number {
  for (let d = 0; d < 3; d++) if (Math.abs(value * 10 ** d - Math.round(value * 10 ** d)) < 1e-6) return d;
  return 3;
}

/** A cell as a figure, `missing` for blank/`-`/`i.u.`, or `invalid` for text that is no number. */
export function readFigure(value: CellValue, format?: string | null): FinanceFigure | 'missing' | 'invalid' {
  if (value === null || cellText(value).trim() === '') return 'missing';
  const parsed = parseValue(value, format);
  if (parsed.kind === 'missing') return 'missing';
  if (parsed.kind !== 'number') return 'invalid';
  const percent = parsed.unit === '%';
  let decimals: number;
  if (typeof value === 'number') decimals = formatDecimals(format) ?? valueDecimals(parsed.value);
  else decimals = textDecimals(cellText(value));
  return { value: parsed.value, decimals, percent };
}

/** Half a unit of the last digit shown: the most a rounded figure can be off. */
export function halfUnit(figure: FinanceFigure): number {
  return 0.5 * 10 ** -figure.decimals;
}

/** Difference with binary noise removed. */
export function diff(a: number, b: number): number {
  return Math.round(Math.abs(a - b) * 1e9) / 1e9;
}

/** Decimals to show so that both figures of a message read exactly: the larger of theirs, at least `min`. */
export function showDecimals(figures: (FinanceFigure | number | null | undefined)[], min = 0): number {
  let d = min;
  for (const f of figures) {
    if (f === null || f === undefined) continue;
    d = Math.max(d, typeof f === 'number' ? valueDecimals(f) : f.decimals);
  }
  return Math.min(d, 3);
}

/** Formats a figure for a message with the given decimals. */
export function show(value: number, lang: Lang, decimals: number): string {
  return formatNumber(value, lang, decimals);
}
