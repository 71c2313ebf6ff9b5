// The JSON report of a check (SPEC 6): what the CLI writes with --json and what the task pane and sidebar render.
import { countIssues } from '../common/issues';
import type { Change, ComparisonSummary, FinanceSummary, GoalResult, IndicatorResult, Issue, Judgements, Lang, Report, WorkbookModel } from '../types';

/** Rounds to 10 significant digits so float noise (0.30000000000000004) never reaches a report; non-finite → null. */
export function roundSignificant(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (value === 0) return 0; // also turns -0 into 0
  if (Number.isInteger(value) && Math.abs(value) < 1e10) return value; // already exact: skip the slow toPrecision
  return roundedByArithmetic(value) ?? Number(value.toPrecision(10));
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** How near a half value × 10^m may lie before its own rounding error (below 2e-6 under 1e10) could tip the digits. */
const NEAR_HALF = 1e-4;

/**
 * Number(value.toPrecision(10)) by arithmetic, or null where the arithmetic cannot promise the same double
 * (then the caller asks toPrecision). The ten digits are k = round(value × 10^m), 10^9 ≤ |k| < 10^10, and
 * k / 10^m is the double nearest that decimal, as reading the text gives: k and 10^m are exact and
 * division rounds correctly. value × 10^m is off by far less than NEAR_HALF, so k is toPrecision's digits
 * unless the product lies within NEAR_HALF of a half (or so near 10^9 or 10^10 that the exponent is in doubt).
 * A number that already has at most ten digits (38.87, 0.25) comes back as itself.
 */
function roundedByArithmetic(value: number): number | null {
  const abs = Math.abs(value);
  if (abs < 1e-6 || abs >= 1e10) return null;
  const scale = POWERS_OF_TEN[9 - Math.floor(Math.log10(abs))];
  if (scale === undefined) return null;
  const scaled = abs * scale;
  if (scaled < 1e9 + 1 || scaled >= 1e10 - 1) return null;
  const fraction = scaled - Math.floor(scaled);
  if (Math.abs(fraction - 0.5) < NEAR_HALF) return null;
  const digits = Math.round(scaled) / scale;
  return value < 0 ? -digits : digits;
}

/**
 * Builds the report from the model, the assessment and the (already sorted) issues.
 * Rows become 1-based spreadsheet rows; goals follow the model's goal order.
 */
export function buildReport(
  model: WorkbookModel,
  results: { indicators: IndicatorResult[]; goals: GoalResult[] },
  issues: Issue[],
  finance: FinanceSummary | null,
  lang: Lang,
): Report {
  return {
    version: 2,
    period: model.settings.periodText ?? model.settings.period?.text ?? null,
    document: model.settings.document ?? null,
    lang,
    summary: countIssues(issues),
    issues,
    indicators: results.indicators.map(reportIndicator),
    goals: results.goals.map(reportGoal),
    activities: model.activities.map((a) => ({
      sheet: a.sheet,
      row: a.row + 1,
      goal: a.goal,
      name: a.name,
      start: a.start,
      end: a.end,
      status: a.status,
    })),
    finance: finance ? roundFinance(finance) : null,
    comparison: comparisonSummary(model, results),
  };
}

/** Counts of movements over indicators and goals, and the removed indicators; null without a comparison. */
export function comparisonSummary(
  model: WorkbookModel,
  results: { indicators: IndicatorResult[]; goals: GoalResult[] },
): ComparisonSummary | null {
  // Counted in one pass, without copying the results: runs over every indicator and goal of a check.
  const counts = { better: 0, worse: 0, same: 0, new: 0 };
  let changes = 0;
  const tally = (change: Change | undefined): void => {
    if (change === undefined) return;
    changes++;
    if (change === 'better' || change === 'worse' || change === 'same' || change === 'new') counts[change]++;
  };
  for (const r of results.indicators) tally(r.change);
  for (const r of results.goals) tally(r.change);
  if (changes === 0 && !model.previousMatched) return null;
  return { better: counts.better, worse: counts.worse, same: counts.same, new: counts.new, removed: model.previousRemoved ?? [] };
}

function reportIndicator(r: IndicatorResult): Report['indicators'][number] {
  return {
    sheet: r.indicator.sheet,
    row: r.indicator.row + 1,
    goal: r.indicator.goal,
    name: r.indicator.name,
    unit: r.unit,
    direction: r.direction,
    directionSource: r.directionSource,
    value: roundSignificant(r.value),
    valueSource: r.valueSource,
    target: roundSignificant(r.target),
    targetSource: r.targetSource,
    status: r.status,
    achievement: roundSignificant(r.achievement),
    stated: r.indicator.stated,
    judged: r.judged,
    judgedSource: r.judgedSource,
    previous: r.previous ? { value: roundSignificant(r.previous.value), status: r.previous.status } : null,
    change: r.change ?? null,
  };
}

/** A goal's judgements; results built without them (by hand) derive them from the status counts. */
export function judgementsOfGoal(r: GoalResult): Judgements {
  if (r.judgements) return r.judgements;
  const c = r.counts;
  return { helt: c.helt, delvis: c.delvis, inte: c.inte, stated: 0, pending: c.ej_bedomd + c.ej_matt, yearEnd: 0 };
}

function reportGoal(r: GoalResult): Report['goals'][number] {
  return {
    number: r.goal.number,
    level: r.goal.level,
    title: r.goal.title,
    stated: r.goal.stated,
    proposed: r.proposed,
    score: roundSignificant(r.score),
    counts: { ...r.counts },
    judged: judgedCounts(judgementsOfGoal(r)),
    statedSource: judgementsOfGoal(r).stated,
    expectedResult: r.goal.expectedResult.trim() === '' ? null : r.goal.expectedResult,
    sentence: r.sentence,
    previous: r.previous ?? null,
    change: r.change ?? null,
  };
}

function judgedCounts(j: Judgements): Report['goals'][number]['judged'] {
  return { helt: j.helt, delvis: j.delvis, inte: j.inte, none: j.pending + j.yearEnd };
}

function roundFinance(f: FinanceSummary): FinanceSummary {
  const out: FinanceSummary = {
    total: f.total
      ? {
          budget: roundSignificant(f.total.budget),
          justeringar: roundSignificant(f.total.justeringar),
          forandringar: roundSignificant(f.total.forandringar),
          prognos: roundSignificant(f.total.prognos),
          avvikelse: roundSignificant(f.total.avvikelse),
        }
      : null,
    budgetfoljsamhet: roundSignificant(f.budgetfoljsamhet),
  };
  if (f.budgetfoljsamhetForeResultatoverforingar !== undefined) {
    out.budgetfoljsamhetForeResultatoverforingar = roundSignificant(f.budgetfoljsamhetForeResultatoverforingar);
  }
  if (f.prognossakerhet !== undefined) out.prognossakerhet = roundSignificant(f.prognossakerhet);
  if (f.areas) {
    out.areas = f.areas.map((a) => ({
      label: a.label,
      frame: roundSignificant(a.frame),
      prognos: roundSignificant(a.prognos),
      avvikelse: roundSignificant(a.avvikelse),
      budgetfoljsamhet: roundSignificant(a.budgetfoljsamhet),
    }));
  }
  if (f.tables) out.tables = f.tables;
  return out;
}
