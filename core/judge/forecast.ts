// Chooses the value an indicator is judged by (SPEC 5.1) and computes Beräknad prognos (SPEC 5.2).
import { issueAt } from '../common/issues';
import { fold } from '../common/text';
import { headerNameOf } from '../read/headers';
import { describeCell } from '../read/values';
import type { ForecastMethod, Indicator, Issue, Lang, ParsedValue, Settings } from '../types';
import { ownEntry } from '../common/lookup';

const METHOD_WORDS: Record<string, ForecastMethod> = {
  'senaste varde': 'senaste', senaste: 'senaste', 'latest value': 'senaste', latest: 'senaste', 'last value': 'senaste',
  linjar: 'linjar', linear: 'linjar',
  sasong: 'sasong', sasongsmassig: 'sasong', sasongsjusterad: 'sasong', seasonal: 'sasong',
  manuell: 'manuell', manual: 'manuell',
};

/** Reads a Prognosmetod text (`Senaste värde`, `Linjär`, `Säsong`, `Manuell`, English too); null when it is none. */
export function parseMethodText(text: string): ForecastMethod | null {
  return ownEntry(METHOD_WORDS, fold(text).replace(/[.!]+$/, '')) ?? null;
}

export interface ComputedForecast {
  value: number | null;
  /** Säsong asked for but last year's figures missing or zero: Linjär was used. */
  seasonalFallback: boolean;
}

/**
 * Beräknad prognos from an outcome after `months` months (SPEC 5.2). Senaste värde needs no
 * months; Linjär needs them (null without); Säsong falls back to Linjär when last year's full
 * year or same period is missing or zero; Manuell computes nothing.
 */
export function computeForecast(
  outcome: number,
  months: number | null,
  method: ForecastMethod,
  lastYearFull: number | null,
  lastYearSamePeriod: number | null,
): ComputedForecast {
  if (method === 'manuell') return { value: null, seasonalFallback: false };
  if (method === 'senaste') return { value: outcome, seasonalFallback: false };
  if (method === 'sasong') {
    if (lastYearFull && lastYearSamePeriod) return { value: (outcome * lastYearFull) / lastYearSamePeriod, seasonalFallback: false };
    return { value: linear(outcome, months), seasonalFallback: true };
  }
  return { value: linear(outcome, months), seasonalFallback: false };
}

function linear(outcome: number, months: number | null): number | null {
  return months && months > 0 ? (outcome * 12) / months : null;
}

export interface ValueChoice {
  value: number | null;
  source: 'prognos' | 'computed' | 'outcome' | 'none';
  /** Beräknad prognos, also when Prognos helår wins (it is written to its own column). */
  computed: number | null;
  /** A count or amount in T1/T2 with neither forecast nor method: not judged on a part-year figure (SPEC 5.2). */
  forecastNeeded?: boolean;
}

const COUNT_UNITS = new Set(['st', 'kr', 'tkr', 'mnkr', 'timmar', 'dygn']);

/** A count or amount (SPEC 5.2): unit st, kr, tkr, mnkr, timmar or dygn, or a name beginning `Antal` without ` per `. */
export function isCountOrAmount(indicator: Indicator): boolean {
  const unit = indicator.unit === null ? '' : fold(indicator.unit);
  if (COUNT_UNITS.has(unit)) return true;
  const name = fold(indicator.name);
  return name.startsWith('antal') && !name.includes(' per ');
}

function numberOf(parsed: ParsedValue): number | null {
  return parsed.kind === 'number' ? parsed.value : null;
}

/**
 * SPEC 5.1: Prognos helår; else Beräknad prognos; else for an annual indicator the outcome when the
 * period is the whole year; else none. An annual indicator gets no computed forecast: its value
 * exists only once the year is over. Pushes W_SEASONAL_FALLBACK and W_FORECAST_MISSING.
 */
export function chooseValue(indicator: Indicator, settings: Settings, issues: Issue[]): ValueChoice {
  const months = (indicator.period ?? settings.period)?.months ?? null;
  const method = indicator.method ?? 'senaste';
  const forecast = numberOf(indicator.forecast);
  const outcome = numberOf(indicator.outcome);
  const lang = settings.lang;
  if (method === 'manuell' && indicator.forecast.kind === 'missing') forecastMissingIssue(indicator, lang, issues);
  // In a verksamhetsberättelse the year is over: its outcome is the value, whatever forecast stands beside it (SPEC 5.0).
  if (settings.document === 'vb' && outcome !== null) return { value: outcome, source: 'outcome', computed: null };
  const partYear = settings.document === 't1' || settings.document === 't2';
  if (partYear && forecast === null && indicator.method === null && outcome !== null && indicator.periodicity !== 'ar' && isCountOrAmount(indicator)) {
    forecastNeededIssue(indicator, lang, issues);
    return { value: null, source: 'none', computed: null, forecastNeeded: true };
  }

  let computed: number | null = null;
  if (outcome !== null && indicator.periodicity !== 'ar') {
    const result = computeForecast(outcome, months, method, numberOf(indicator.lastYear), numberOf(indicator.lastYearSamePeriod));
    computed = result.value;
    if (result.seasonalFallback) seasonalFallbackIssue(indicator, lang, issues);
  }
  if (forecast !== null) return { value: forecast, source: 'prognos', computed };
  if (computed !== null) return { value: computed, source: 'computed', computed };
  if (outcome !== null && indicator.periodicity === 'ar' && months !== null && months >= 12) {
    return { value: outcome, source: 'outcome', computed };
  }
  return { value: null, source: 'none', computed };
}

function forecastMissingIssue(indicator: Indicator, lang: Lang, issues: Issue[]): void {
  const ref = indicator.cells.forecast ?? indicator.cells.method ?? indicator.cells.name;
  if (!ref) return;
  const message =
    lang === 'en'
      ? 'Forecast method is Manual but the full-year forecast (Prognos helår) is blank: fill it in.'
      : 'Prognosmetoden är Manuell men Prognos helår är tom: fyll i prognosen.';
  issues.push(issueAt('warning', 'W_FORECAST_MISSING', ref, message));
}

function forecastNeededIssue(indicator: Indicator, lang: Lang, issues: Issue[]): void {
  const ref = indicator.cells.forecast ?? indicator.cells.outcome ?? indicator.cells.name;
  if (!ref) return;
  const message =
    lang === 'en'
      ? 'A count or amount is not judged on a part-year outcome: fill in Prognos helår, or a Prognosmetod (Linjär, Säsong).'
      : 'Ett antal eller belopp bedöms inte på ett delårsutfall: fyll i Prognos helår eller en Prognosmetod (Linjär, Säsong).';
  issues.push(issueAt('warning', 'W_FORECAST_NEEDED', ref, message));
}

function seasonalFallbackIssue(indicator: Indicator, lang: Lang, issues: Issue[]): void {
  const ref = indicator.cells.method ?? indicator.cells.lastYearSamePeriod ?? indicator.cells.name;
  if (!ref) return;
  const full = describeCell(headerNameOf(indicator.cells, 'indicators', 'lastYear', lang));
  const same = describeCell(headerNameOf(indicator.cells, 'indicators', 'lastYearSamePeriod', lang));
  const message =
    lang === 'en'
      ? `Forecast method Seasonal needs last year's full year (${full}) and same period (${same}), both non-zero; Linear was used instead.`
      : `Prognosmetoden Säsong kräver föregående års utfall för helår (${full}) och samma period (${same}), båda skilda från noll; Linjär användes i stället.`;
  issues.push(issueAt('warning', 'W_SEASONAL_FALLBACK', ref, message));
}
