// Reads report periods (Tertial 1 2024, Helår, Kvartal 2, jan–aug 2024, …) and gives months elapsed and the period's last day (SPEC 5.2).
import { cellText, fold } from '../common/text';
import type { CellValue, Period, PeriodKind } from '../types';
import { ownEntry } from '../common/lookup';

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, february: 2,
  mars: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  maj: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  augusti: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

/** Month number (1–12) of a Swedish or English month name or abbreviation (lower case, optional dot); null otherwise. */
export function monthNumber(name: string): number | null {
  return ownEntry(MONTHS, name.toLowerCase().replace(/\.$/, '')) ?? null;
}

const MONTHS_PER_UNIT: Record<PeriodKind, number> = { tertial: 4, halvar: 6, kvartal: 3, month: 1, year: 12 };

const YEAR_MONTH_RE = /^(\d{4})-(\d{1,2})$/;
const YEAR_RE = /(?:^|[^\d])((?:19|20)\d{2})(?![\d])/;
const TERTIAL_RE = /^(?:tertial(?:rapport|uppfoljning|bokslut)?|t)\s*([1-3])$/;
const HALVAR_RE = /^(?:halvar(?:et)?|h)\s*([12])$/;
const KVARTAL_RE = /^(?:kvartal|kv\.?|q)\s*([1-4])$/;
const WHOLE_YEAR_RE = /^(?:helar(?:et)?|ar|vb|verksamhetsberattelse|arsbokslut|bokslut|arsredovisning|bokslutet)$/;
const MONTH_RANGE_RE = /^([a-z]+)\.?\s*-\s*([a-z]+)\.?$/;
const MONTH_RE = /^([a-z]+)\.?$/;

function period(text: string, kind: PeriodKind, index: number, year: number | null): Period {
  return { text, kind, index, year, months: kind === 'year' ? 12 : index * MONTHS_PER_UNIT[kind] };
}

/** Kind and index of a period text with its year removed; null when unreadable. */
function readKind(rest: string): { kind: PeriodKind; index: number } | null {
  if (rest === '' || WHOLE_YEAR_RE.test(rest)) return { kind: 'year', index: 1 };
  let m = TERTIAL_RE.exec(rest);
  if (m) return { kind: 'tertial', index: Number(m[1]) };
  m = KVARTAL_RE.exec(rest);
  if (m) return { kind: 'kvartal', index: Number(m[1]) };
  m = HALVAR_RE.exec(rest);
  if (m) return { kind: 'halvar', index: Number(m[1]) };
  m = MONTH_RANGE_RE.exec(rest);
  if (m) {
    const from = monthNumber(m[1]);
    const to = monthNumber(m[2]);
    return from && to && from <= to ? { kind: 'month', index: to } : null;
  }
  m = MONTH_RE.exec(rest);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? { kind: 'month', index: month } : null;
  }
  return null;
}

/**
 * Parses a period: `Tertial 1 2024`, `T1`, `2024`, `Helår`, `VB 2024`, `Kvartal 2`, `Q2 2024`,
 * `Halvår 1`, `Jan-april 2024`, `mars 2024`, `2024-04`, or a year number. The year comes from the
 * text, else fallbackYear. Null when blank or unreadable.
 */
export function parsePeriod(value: CellValue, fallbackYear?: number | null): Period | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1900 && value <= 2100 ? period(String(value), 'year', 1, value) : null;
  }
  if (typeof value !== 'string') return null;
  const text = cellText(value).trim();
  if (text === '') return null;
  const folded = fold(text).replace(/[–—−]/g, '-');
  const ym = YEAR_MONTH_RE.exec(folded);
  if (ym) {
    const month = Number(ym[2]);
    return month >= 1 && month <= 12 ? period(text, 'month', month, Number(ym[1])) : null;
  }
  let year: number | null = fallbackYear ?? null;
  let rest = folded;
  const y = YEAR_RE.exec(folded);
  if (y) {
    year = Number(y[1]);
    // Keep the character before the year (the regex consumed it), drop the year itself.
    rest = (folded.slice(0, y.index + y[0].length - 4) + folded.slice(y.index + y[0].length)).trim();
  }
  rest = rest.replace(/[,:]/g, ' ').replace(/\s+/g, ' ').replace(/\s*-$/, '').trim();
  const kind = readKind(rest);
  if (!kind) return null;
  if (kind.kind === 'year' && rest === '' && !y) return null;
  return period(text, kind.kind, kind.index, year);
}

/** ISO date of the period's last day (T1 2024 → 2024-04-30); null without a year. */
export function periodEnd(p: Period): string | null {
  if (p.year === null) return null;
  const month = p.kind === 'year' ? 12 : Math.min(12, p.index * MONTHS_PER_UNIT[p.kind]);
  return new Date(Date.UTC(p.year, month, 0)).toISOString().slice(0, 10);
}
