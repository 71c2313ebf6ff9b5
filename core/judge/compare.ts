// Compares a report with the previous one (SPEC 5.8): what moved per indicator and goal, better or worse by the indicator's direction, and whether the movement is explained.
import { issueAt } from '../common/issues';
import { STATUS_TEXT } from '../common/status';
import { fold } from '../common/text';
import { formatNumber } from '../read/values';
import type {
  Assessment,
  Change,
  GoalResult,
  Indicator,
  IndicatorResult,
  Issue,
  Lang,
  ParsedValue,
  PreviousValue,
  Status,
  WorkbookModel,
} from '../types';

/** A forecast that moves by more than this share of the previous one has moved (SPEC 4 W_CHANGED_UNEXPLAINED). */
export const FORECAST_MOVE_SHARE = 0.1;

const RANK: Record<Assessment, number> = { inte: 0, delvis: 1, helt: 2 };

function isAssessment(status: Status | null): status is Assessment {
  return status === 'helt' || status === 'delvis' || status === 'inte';
}

/** What the previous report said of one indicator or goal, and how the current one compares. */
export interface Movement {
  previous: PreviousValue;
  change: Change;
  /** True when the judgement moved a whole step or the forecast more than 10 %: needs a comment. */
  moved: boolean;
}

/** The judgement an indicator counts with: its own status when Målkoll can judge it, else the nämnd's stated Bedömning. */
export function judgementOf(result: IndicatorResult): Assessment | null {
  const { status } = result;
  if (status === 'helt' || status === 'delvis' || status === 'inte') return status;
  return result.indicator.stated ?? null;
}

/** The assessment a goal ends up with: stated when present, else a real proposal. */
function goalJudgement(goal: GoalResult): Assessment | null {
  if (goal.goal.stated) return goal.goal.stated;
  const p = goal.proposed;
  return p === 'helt' || p === 'delvis' || p === 'inte' ? p : null;
}

function numberOf(value: ParsedValue): number | null {
  return value.kind === 'number' ? value.value : null;
}

/**
 * How an indicator moved since the previous report. A judgement that moved a step decides; otherwise a
 * forecast that moved more than 10 % decides, better or worse by the indicator's direction; a row with
 * no previous value or judgement at all is new.
 */
export function indicatorMovement(result: IndicatorResult): Movement {
  const ind = result.indicator;
  const previous: PreviousValue = { value: numberOf(ind.previousForecast), status: ind.previousStated };
  if (previous.value === null && previous.status === null) return { previous, change: 'new', moved: false };
  const now = judgementOf(result);
  if (isAssessment(previous.status) && now && previous.status !== now) {
    return { previous, change: RANK[now] > RANK[previous.status] ? 'better' : 'worse', moved: true };
  }
  const value = result.value;
  if (previous.value !== null && value !== null && forecastMoved(previous.value, value)) {
    return { previous, change: isBetter(result, previous.value, value) ? 'better' : 'worse', moved: true };
  }
  return { previous, change: 'same', moved: false };
}

function forecastMoved(before: number, after: number): boolean {
  if (before === 0) return after !== 0;
  return Math.abs(after - before) > FORECAST_MOVE_SHARE * Math.abs(before) + 1e-9;
}

/** Better by the indicator's direction: higher/lower, closer to the target for band and exact, the trend's way for trend targets. */
function isBetter(result: IndicatorResult, before: number, after: number): boolean {
  const direction = result.direction === 'trend' ? trendDirection(result.indicator) : result.direction;
  if (direction === 'lower') return after < before;
  if ((direction === 'band' || direction === 'exact') && result.target !== null) {
    return Math.abs(after - result.target) < Math.abs(before - result.target);
  }
  return after > before;
}

function trendDirection(ind: Indicator): 'higher' | 'lower' {
  for (const v of [ind.arsmal, ind.kfArsmal]) if (v.kind === 'trend') return v.direction;
  return 'higher';
}

/** How a goal's assessment moved since the previous report (stated, else Målkoll's proposal, against Föregående bedömning). */
export function goalMovement(goal: GoalResult): Movement {
  const before = goal.goal.previousStated;
  const previous: PreviousValue = { value: null, status: before };
  if (!before) return { previous, change: 'new', moved: false };
  const now = goalJudgement(goal);
  if (!now || !isAssessment(before) || now === before) return { previous, change: 'same', moved: false };
  return { previous, change: RANK[now] > RANK[before] ? 'better' : 'worse', moved: true };
}

/** True when the model has a previous report to compare with: a filled Föregående column, or a previous workbook was matched. */
export function comparisonActive(model: WorkbookModel): { indicators: boolean; goals: boolean } {
  const has = (kind: 'indicators' | 'goals', fields: string[]) =>
    model.tables.some((t) => t.kind === kind && fields.some((f) => t.columns[f] !== undefined)) || model.previousMatched === true;
  return { indicators: has('indicators', ['previousForecast', 'previousStated']), goals: has('goals', ['previousStated']) };
}

/**
 * Sets `previous` and `change` on every result when a comparison is active, and raises W_CHANGED_UNEXPLAINED
 * for a movement whose row has no Kommentar (indicators) or Analys (goals).
 */
export function compareWithPrevious(
  model: WorkbookModel,
  results: { indicators: IndicatorResult[]; goals: GoalResult[] },
  lang: Lang,
): Issue[] {
  const active = comparisonActive(model);
  const issues: Issue[] = [];
  if (active.indicators) {
    for (const r of results.indicators) {
      const m = indicatorMovement(r);
      r.previous = m.previous;
      r.change = m.change;
      if (m.moved && r.indicator.comment.trim() === '') issues.push(unexplainedIndicator(r, m, lang));
    }
  }
  if (active.goals) {
    for (const g of results.goals) {
      const m = goalMovement(g);
      g.previous = m.previous;
      g.change = m.change;
      if (m.moved && g.goal.analysis.trim() === '') issues.push(unexplainedGoal(g, m, lang));
    }
  }
  return issues;
}

function unexplainedIndicator(r: IndicatorResult, m: Movement, lang: Lang): Issue {
  const ind = r.indicator;
  const ref = ind.cells.comment ?? ind.cells.name ?? { sheet: ind.sheet, row: ind.row, col: 0 };
  const what = movementText(m, judgementOf(r), r.value, r.unit, lang);
  const message =
    lang === 'en'
      ? `${ind.name}: ${what} since the previous report, but the comment is blank; explain the change.`
      : `${ind.name}: ${what} sedan föregående rapport, men Kommentar är tom; förklara förändringen.`;
  return issueAt('warning', 'W_CHANGED_UNEXPLAINED', ref, message);
}

function unexplainedGoal(g: GoalResult, m: Movement, lang: Lang): Issue {
  const goal = g.goal;
  const ref = goal.cells.analysis ?? goal.cells.number ?? { sheet: goal.sheet, row: goal.row, col: 0 };
  const what = movementText(m, goalJudgement(g), null, null, lang);
  const message =
    lang === 'en'
      ? `Goal ${goal.number}: ${what} since the previous report, but the analysis is blank; explain the change.`
      : `Mål ${goal.number}: ${what} sedan föregående rapport, men Analys är tom; förklara förändringen.`;
  return issueAt('warning', 'W_CHANGED_UNEXPLAINED', ref, message);
}

/** "bedömningen har gått från Uppfylls helt till Uppfylls delvis" or "prognosen har gått från 45 % till 38 %". */
function movementText(m: Movement, now: Assessment | null, value: number | null, unit: string | null, lang: Lang): string {
  const before = m.previous.status;
  if (isAssessment(before) && now && before !== now) {
    return lang === 'en'
      ? `the assessment went from ${STATUS_TEXT.en[before]} to ${STATUS_TEXT.en[now]}`
      : `bedömningen har gått från ${STATUS_TEXT.sv[before]} till ${STATUS_TEXT.sv[now]}`;
  }
  const from = valueText(m.previous.value, unit, lang);
  const to = valueText(value, unit, lang);
  return lang === 'en' ? `the forecast went from ${from} to ${to}` : `prognosen har gått från ${from} till ${to}`;
}

function valueText(value: number | null, unit: string | null, lang: Lang): string {
  if (value === null) return '–';
  const text = formatNumber(Math.round(value * 100) / 100, lang, Number.isInteger(Math.round(value * 100) / 100) ? 0 : undefined);
  return unit ? `${text} ${unit}` : text;
}

const CHANGE_WORD: Record<Lang, Record<Change, string>> = {
  sv: { better: '↑ bättre', worse: '↓ sämre', same: 'oförändrad', new: 'ny' },
  en: { better: '↑ better', worse: '↓ worse', same: 'unchanged', new: 'new' },
};

/** The Förändring cell: the word and, when there was one, the previous value ("↓ sämre (fg. 45 %, Uppfylls helt)"). */
export function changeText(change: Change, previous: PreviousValue | null, unit: string | null, lang: Lang): string {
  const word = CHANGE_WORD[lang][change];
  if (!previous || change === 'new') return word;
  const parts: string[] = [];
  if (previous.value !== null) parts.push(valueText(previous.value, unit, lang));
  if (previous.status) parts.push(STATUS_TEXT[lang][previous.status]);
  if (parts.length === 0) return word;
  return `${word} (${lang === 'en' ? 'prev.' : 'fg.'} ${parts.join(', ')})`;
}

// ---------------------------------------------------------------------------------------------
// Matching a previous workbook (CLI --jamfor)
// ---------------------------------------------------------------------------------------------

/** The matching key of an indicator name: diacritics, case, spacing and punctuation around words ignored. */
export function indicatorKey(goal: string, name: string): string {
  return `${goal}|${fold(name).replace(/[\s\u00a0\u202f]+/g, ' ').replace(/\s*([,.;:()/-])\s*/g, '$1').trim()}`;
}

/** What one previous indicator said: its forecast (the value it was judged on) and its judgement. */
export interface PreviousIndicator {
  goal: string;
  name: string;
  value: number | null;
  unit: string | null;
  /** Its judgement, else its status (`ej_matt`, `ej_bedomd`): never null for an indicator that was there. */
  status: Status;
}

/** An indicator of the previous report that the current one no longer has. */
export interface RemovedIndicator {
  goal: string;
  name: string;
}

/**
 * Fills the current model's previous-report fields from the previous report's results, where the row's own
 * Föregående cells are blank (a value the user wrote wins). Goals match by number, indicators by goal and
 * name. Returns the previous indicators that match nothing (removed; a renamed indicator is removed and added).
 */
export function matchPrevious(
  model: WorkbookModel,
  previous: { indicators: PreviousIndicator[]; goals: { number: string; status: Status }[] },
): RemovedIndicator[] {
  const byKey = new Map<string, PreviousIndicator>();
  for (const p of previous.indicators) if (!byKey.has(indicatorKey(p.goal, p.name))) byKey.set(indicatorKey(p.goal, p.name), p);
  const used = new Set<string>();
  for (const ind of model.indicators) {
    const key = indicatorKey(ind.goal, ind.name);
    const p = byKey.get(key);
    if (!p) continue;
    used.add(key);
    if (ind.previousForecast.kind === 'missing' && p.value !== null) {
      ind.previousForecast = { kind: 'number', value: p.value, unit: p.unit };
    }
    if (ind.previousStated === null) ind.previousStated = p.status;
  }
  const goals = new Map(previous.goals.map((g) => [g.number, g.status]));
  for (const goal of model.goals) if (goal.previousStated === null) goal.previousStated = goals.get(goal.number) ?? null;
  model.previousMatched = true;
  return previous.indicators.filter((p) => !used.has(indicatorKey(p.goal, p.name))).map(({ goal, name }) => ({ goal, name }));
}
