// Judges one indicator against its target (SPEC 5.4): the one status rule shared by the workbook check and the custom functions.
import { decideDirection, directionIssue } from './direction';
import { chooseValue } from './forecast';
import { issueAt } from '../common/issues';
import { STATUS_TEXT } from '../common/status';
import { formatNumber, reconcileUnits } from '../read/values';
import type { Assessment, Direction, Indicator, IndicatorResult, Issue, Lang, ParsedValue, Settings, Status } from '../types';

/** The comparison a target and direction call for. */
export type Rule =
  | { kind: 'higher'; t: number }
  | { kind: 'lower'; t: number }
  | { kind: 'band'; c: number; b: number }
  | { kind: 'exact'; t: number }
  | { kind: 'trend'; sense: 'higher' | 'lower' };

export interface Judgement {
  status: Status;
  /** Måluppfyllnad: not capped; null for trend targets and wherever it would divide by zero. */
  achievement: number | null;
}

/**
 * The rule for a target (a number or a parsed target) and a direction. Without a direction the
 * target's own form decides (Max → lower, Min → higher, ± → band, a trend → trend), else higher.
 * A band or trend target keeps its own rule whatever the direction; a number with direction band
 * is judged as exact (met only when hit). Null when the target cannot be judged against.
 */
export function ruleFor(target: ParsedValue | number, direction: Direction | 'trend' | null): Rule | null {
  if (typeof target === 'number') return Number.isFinite(target) ? scalarRule(target, direction ?? 'higher') : null;
  switch (target.kind) {
    case 'number':
      return scalarRule(target.value, direction === 'trend' || direction === null ? 'higher' : direction);
    case 'bound': {
      const own: Direction = target.bound === 'max' ? 'lower' : 'higher';
      return scalarRule(target.value, direction === 'trend' || direction === null ? own : direction);
    }
    case 'band':
      return { kind: 'band', c: target.center, b: target.halfWidth };
    case 'trend':
      return { kind: 'trend', sense: target.direction };
    default:
      return null;
  }
}

function scalarRule(t: number, direction: Direction | 'trend'): Rule {
  if (direction === 'lower') return { kind: 'lower', t };
  if (direction === 'band' || direction === 'exact') return { kind: 'exact', t };
  return { kind: 'higher', t };
}

/** Float noise allowance for "meets the target exactly" (a computed 29,999999999 meets 30). */
function tolerance(t: number): number {
  return 1e-9 * Math.max(1, Math.abs(t));
}

/** Rounds away binary noise from a ratio (0,9 / 0,8 = 1,125, not 1,1249999999999998). */
export function roundNoise(ratio: number): number {
  return Number(ratio.toPrecision(12));
}

/** Status and achievement of a value under a rule (SPEC 5.4); `lastYear` is only needed for trend rules. */
export function judge(v: number, rule: Rule, g: number, lastYear: number | null = null): Judgement {
  switch (rule.kind) {
    case 'higher': {
      const { t } = rule;
      const a = t > 0 ? roundNoise(v / t) : null;
      if (v >= t - tolerance(t)) return { status: 'helt', achievement: a };
      return { status: a !== null && a >= g ? 'delvis' : 'inte', achievement: a };
    }
    case 'lower': {
      const { t } = rule;
      if (v <= t + tolerance(t)) return { status: 'helt', achievement: v > 0 ? roundNoise(t / v) : null };
      // Here v > t: with t ≥ 0, v > 0 and t = 0 gives a = 0; a negative target has no meaningful ratio.
      const a = t >= 0 ? roundNoise(t / v) : null;
      return { status: a !== null && a >= g ? 'delvis' : 'inte', achievement: a };
    }
    case 'band':
      return judgeBand(v, rule.c, rule.b, g);
    case 'exact':
      return judgeExact(v, rule.t, g);
    case 'trend': {
      if (lastYear === null || !Number.isFinite(lastYear)) return { status: 'ej_bedomd', achievement: null };
      const diff = rule.sense === 'higher' ? v - lastYear : lastYear - v;
      if (Math.abs(diff) <= tolerance(lastYear)) return { status: 'delvis', achievement: null };
      return { status: diff > 0 ? 'helt' : 'inte', achievement: null };
    }
  }
}

/**
 * An exact target is met only when hit (SPEC 5.4): otherwise a = 1 − |v − t| / |t| decides delvis or
 * inte, so real budgetföljsamhet 100,2 % against 100 % is delvis (a = 0,998), as the report judges it.
 * With t = 0 there is no ratio: a miss is inte with no achievement.
 */
function judgeExact(v: number, t: number, g: number): Judgement {
  if (Math.abs(v - t) <= tolerance(t)) return { status: 'helt', achievement: 1 };
  if (t === 0) return { status: 'inte', achievement: null };
  const a = roundNoise(1 - Math.abs(v - t) / Math.abs(t));
  return { status: a >= g ? 'delvis' : 'inte', achievement: a };
}

function judgeBand(v: number, c: number, b: number, g: number): Judgement {
  const d = Math.abs(v - c);
  if (d <= b + tolerance(c)) return { status: 'helt', achievement: 1 };
  // d ≤ b / g written without dividing, so that g = 0 means "always delvis".
  const status: Status = d * g <= b ? 'delvis' : 'inte';
  return { status, achievement: roundNoise(b / d) };
}

/**
 * The status rule of SPEC 5.4 for one value: used by the workbook check and by MAL.STATUS /
 * MAL.UPPFYLLNAD. A target that cannot be judged against (pending, missing, …) gives ej_bedomd.
 */
export function statusOf(
  value: number,
  target: ParsedValue | number,
  direction: Direction | 'trend' | null,
  threshold: number,
  lastYear: number | null = null,
): Judgement {
  const rule = ruleFor(target, direction);
  if (!rule) return { status: 'ej_bedomd', achievement: null };
  return judge(value, rule, threshold, lastYear);
}

/**
 * Signed distance to the target in target units, positive = better (MAL.AVVIKELSE): higher v − t,
 * lower t − v, band b − |v − c|, exact −|v − t|; null for trend targets and unusable targets.
 */
export function deviationOf(value: number, target: ParsedValue | number, direction: Direction | 'trend' | null): number | null {
  const rule = ruleFor(target, direction);
  if (!rule) return null;
  switch (rule.kind) {
    case 'higher':
      return roundNoise(value - rule.t);
    case 'lower':
      return roundNoise(rule.t - value);
    case 'band':
      return roundNoise(rule.b - Math.abs(value - rule.c));
    case 'exact':
      return roundNoise(-Math.abs(value - rule.t));
    case 'trend':
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// The workbook path: one indicator row
// ---------------------------------------------------------------------------------------------

const USABLE = new Set<ParsedValue['kind']>(['number', 'bound', 'band', 'trend']);

interface TargetChoice {
  target: ParsedValue | null;
  source: 'arsmal' | 'kf' | 'none';
}

/** A target as shown in messages: `80 %`, `max 10 personer`, `+/- 1 %`, `Ökning`, a pending text. */
function describeTarget(target: ParsedValue, lang: Lang): string {
  const unit = (u: string | null) => (u ? ` ${u}` : '');
  switch (target.kind) {
    case 'number':
      return formatNumber(target.value, lang) + unit(target.unit);
    case 'bound':
      return `${target.bound} ${formatNumber(target.value, lang)}${unit(target.unit)}`;
    case 'band':
      return `${target.center ? formatNumber(target.center, lang) + unit(target.unit) + ' ' : ''}+/- ${formatNumber(target.halfWidth, lang)}${unit(target.unit)}`;
    case 'trend':
      return target.direction === 'higher' ? (lang === 'en' ? 'increase' : 'Ökning') : lang === 'en' ? 'decrease' : 'Minskning';
    case 'pending':
    case 'invalid':
    case 'error':
      return target.text;
    default:
      return '';
  }
}

/** True when a KF city-wide target's unit cannot be compared with the judged value's (SPEC 3 unit rule). */
function kfUnitClashes(kf: ParsedValue, judged: ParsedValue | null): boolean {
  if (!judged || judged.kind !== 'number') return false;
  return reconcileUnits({ kfArsmal: kf, value: judged }).mismatch !== null;
}

/**
 * Nämnd's årsmål, else a usable KF:s årsmål (I_TARGET_FROM_KF). Pending → I_TARGET_PENDING; nothing
 * usable → E_TARGET_MISSING. An unreadable årsmål is already an E_NUMBER/E_CELL_ERROR of its own.
 */
function chooseTarget(indicator: Indicator, judged: ParsedValue | null, lang: Lang, issues: Issue[]): TargetChoice {
  const { arsmal, kfArsmal: kf, cells } = indicator;
  if (USABLE.has(arsmal.kind)) return { target: arsmal, source: 'arsmal' };
  if (arsmal.kind === 'pending') {
    pendingIssue(indicator, arsmal, cells.arsmal, lang, issues);
    return { target: null, source: 'none' };
  }
  if (arsmal.kind !== 'missing') return { target: null, source: 'none' };
  if (USABLE.has(kf.kind) && !kfUnitClashes(kf, judged)) {
    const ref = cells.kfArsmal ?? cells.name;
    if (ref) {
      const shown = describeTarget(kf, lang);
      const message =
        lang === 'en'
          ? `The committee's annual target is blank; KF's annual target (${shown}) is used.`
          : `Nämndens årsmål är tomt; KF:s årsmål (${shown}) används.`;
      issues.push(issueAt('info', 'I_TARGET_FROM_KF', ref, message));
    }
    return { target: kf, source: 'kf' };
  }
  if (kf.kind === 'pending') {
    pendingIssue(indicator, kf, cells.kfArsmal, lang, issues);
    return { target: null, source: 'none' };
  }
  if (kf.kind === 'missing' || USABLE.has(kf.kind)) targetMissingIssue(indicator, USABLE.has(kf.kind) ? kf : null, judged, lang, issues);
  return { target: null, source: 'none' };
}

function pendingIssue(indicator: Indicator, target: ParsedValue, at: Indicator['cells'][string], lang: Lang, issues: Issue[]): void {
  const ref = at ?? indicator.cells.name;
  if (!ref) return;
  const text = describeTarget(target, lang);
  const message =
    lang === 'en'
      ? `The target is not set yet ("${text}"): the indicator is ${STATUS_TEXT.en.ej_bedomd.toLowerCase()}.`
      : `Målvärdet är inte fastställt än ("${text}"): indikatorn är ${STATUS_TEXT.sv.ej_bedomd.toLowerCase()}.`;
  issues.push(issueAt('info', 'I_TARGET_PENDING', ref, message));
}

function targetMissingIssue(indicator: Indicator, clashingKf: ParsedValue | null, judged: ParsedValue | null, lang: Lang, issues: Issue[]): void {
  const ref = indicator.cells.arsmal ?? indicator.cells.kfArsmal ?? indicator.cells.name;
  if (!ref) return;
  let message: string;
  if (clashingKf && judged && judged.kind === 'number') {
    const kfText = describeTarget(clashingKf, lang);
    const unit = judged.unit ?? (lang === 'en' ? 'no unit' : 'ingen enhet');
    message =
      lang === 'en'
        ? `The committee's annual target is blank and KF's (${kfText}) is in another unit than the indicator's values (${unit}): fill in Årsmål.`
        : `Nämndens årsmål är tomt och KF:s årsmål (${kfText}) har en annan enhet än indikatorns värden (${unit}): fyll i Årsmål.`;
  } else {
    message =
      lang === 'en'
        ? 'No annual target: both Årsmål and KF:s årsmål are blank. Fill in the target or write that it is pending ("Fastställs 2024").'
        : 'Årsmål saknas: både Årsmål och KF:s årsmål är tomma. Fyll i målvärdet eller skriv att det inte är fastställt ("Fastställs 2024").';
  }
  issues.push(issueAt('error', 'E_TARGET_MISSING', ref, message));
}

function deviationUncommentedIssue(indicator: Indicator, status: Status, lang: Lang, issues: Issue[]): void {
  const ref = indicator.cells.comment ?? indicator.cells.name;
  if (!ref) return;
  const statusText = STATUS_TEXT[lang][status].toLowerCase();
  const message =
    lang === 'en'
      ? `The indicator is ${statusText} but has no comment: a deviation needs one.`
      : `Indikatorn bedöms som "${statusText}" men saknar kommentar: en avvikelse ska kommenteras.`;
  issues.push(issueAt('warning', 'W_DEVIATION_UNCOMMENTED', ref, message));
}

/** The parsed form of the value chosen by SPEC 5.1 (for the KF unit check). */
function judgedValue(indicator: Indicator, source: IndicatorResult['valueSource']): ParsedValue | null {
  if (source === 'prognos') return indicator.forecast;
  if (source === 'computed' || source === 'outcome') return indicator.outcome;
  return null;
}

function targetNumber(target: ParsedValue | null): number | null {
  if (!target) return null;
  if (target.kind === 'number' || target.kind === 'bound') return target.value;
  if (target.kind === 'band') return target.center;
  return null;
}

/**
 * SPEC 5.1–5.4 for one indicator row, pushing its issues (value, target, direction, deviation). In a
 * plan (5.0) nothing is judged: the target and direction are still checked.
 */
export function assessIndicator(indicator: Indicator, settings: Settings, issues: Issue[]): IndicatorResult {
  if (settings.document === 'plan') return planIndicator(indicator, settings, issues);
  const lang = settings.lang;
  const choice = chooseValue(indicator, settings, issues);
  const { target, source: targetSource } = chooseTarget(indicator, judgedValue(indicator, choice.source), lang, issues);
  const decision = decideDirection(indicator, target ?? indicator.arsmal);
  directionIssue(indicator, decision, lang, issues);

  let judgement: Judgement;
  if (!target || choice.forecastNeeded) judgement = { status: 'ej_bedomd', achievement: null };
  else if (choice.value === null) judgement = { status: 'ej_matt', achievement: null };
  else {
    const threshold = indicator.partialThreshold ?? settings.partialThreshold;
    const lastYear = indicator.lastYear.kind === 'number' ? indicator.lastYear.value : null;
    judgement = statusOf(choice.value, target, decision.direction, threshold, lastYear);
  }
  if ((judgement.status === 'delvis' || judgement.status === 'inte') && indicator.comment.trim() === '') {
    deviationUncommentedIssue(indicator, judgement.status, lang, issues);
  }
  const judged = judgementOf(indicator, judgement.status, lang, issues);
  return {
    indicator,
    unit: indicator.unit,
    direction: decision.direction,
    directionSource: decision.source,
    value: choice.value,
    valueSource: choice.source,
    computedForecast: choice.computed,
    target: targetNumber(target),
    targetSource,
    status: judgement.status,
    achievement: judgement.achievement,
    judged: judged.judged,
    judgedSource: judged.judgedSource,
  };
}

/** A plan's indicator: target and direction checked, no value, status or judgement (SPEC 5.0). */
function planIndicator(indicator: Indicator, settings: Settings, issues: Issue[]): IndicatorResult {
  const lang = settings.lang;
  const { target, source: targetSource } = chooseTarget(indicator, null, lang, issues);
  const decision = decideDirection(indicator, target ?? indicator.arsmal);
  directionIssue(indicator, decision, lang, issues);
  return {
    indicator,
    unit: indicator.unit,
    direction: decision.direction,
    directionSource: decision.source,
    value: null,
    valueSource: 'none',
    computedForecast: null,
    target: targetNumber(target),
    targetSource,
    status: 'ej_bedomd',
    achievement: null,
    judged: null,
    judgedSource: 'none',
  };
}

function isScored(status: Status): status is Assessment {
  return status === 'helt' || status === 'delvis' || status === 'inte';
}

/**
 * The judgement the goal uses (SPEC 5.1): a scored status; else the nämnd's stated Bedömning
 * (I_INDICATOR_JUDGED_BY_NAMND); else none. A stated Bedömning that differs from a scored status is
 * W_INDICATOR_ASSESSMENT_DIFFERS (the status stands).
 */
function judgementOf(indicator: Indicator, status: Status, lang: Lang, issues: Issue[]): Pick<IndicatorResult, 'judged' | 'judgedSource'> {
  const stated = indicator.stated;
  // The cell is looked up only for a message: each lookup makes a CellRef, and most rows raise none.
  const refOf = () => indicator.cells.stated ?? indicator.cells.name;
  if (isScored(status)) {
    const ref = stated && stated !== status ? refOf() : undefined;
    if (stated && ref) {
      const message =
        lang === 'en'
          ? `The stated assessment "${STATUS_TEXT.en[stated]}" differs from the status the values give, "${STATUS_TEXT.en[status]}".`
          : `Bedömningen "${STATUS_TEXT.sv[stated]}" skiljer sig från statusen som värdena ger, "${STATUS_TEXT.sv[status]}".`;
      issues.push(issueAt('warning', 'W_INDICATOR_ASSESSMENT_DIFFERS', ref, message));
    }
    return { judged: status, judgedSource: 'status' };
  }
  if (!stated) return { judged: null, judgedSource: 'none' };
  const ref = refOf();
  if (ref) {
    const message =
      lang === 'en'
        ? `The indicator has no value to judge (${STATUS_TEXT.en[status].toLowerCase()}); the committee's stated assessment "${STATUS_TEXT.en[stated]}" is used for the goal.`
        : `Indikatorn har inget värde att bedöma (${STATUS_TEXT.sv[status].toLowerCase()}); nämndens bedömning "${STATUS_TEXT.sv[stated]}" används för målet.`;
    issues.push(issueAt('info', 'I_INDICATOR_JUDGED_BY_NAMND', ref, message));
  }
  return { judged: stated, judgedSource: 'stated' };
}
