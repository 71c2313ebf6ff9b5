// The JSON report of a check (SPEC 6): what the CLI writes with --json and what the task pane and sidebar render.
import { countIssues } from '../common/issues';
import type { ComparisonSummary, FinanceSummary, GoalResult, IndicatorResult, Issue, Judgements, Lang, Report, WorkbookModel } from '../types';

/** Rounds to 10 significant digits so float noise (0.30000000000000004) never reaches a report; non-finite → null. */
export function roundSignificant(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (value === 0) return 0; // also turns -0 into 0
  if (Number.isInteger(value) && Math.abs(value) < 1e10) return value; // already exact: skip the slow toPrecision
  if (hasTenDigits(value)) return value;
  return Number(value.toPrecision(10));
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * True when a number already is the double nearest to a decimal of at most 10 significant digits
 * (38.87, 0.25), so that toPrecision(10) would give it back: it is k / 10^m for an integer k below
 * 10^10 and an exact power of ten. Cheap arithmetic instead of a toPrecision on every number.
 */
function hasTenDigits(value: number): boolean {
  const abs = Math.abs(value);
  if (abs < 1e-6 || abs >= 1e10) return false;
  const scale = POWERS_OF_TEN[9 - Math.floor(Math.log10(abs))];
  if (scale === undefined) return false;
  const scaled = Math.round(value * scale);
  return Math.abs(scaled) < 1e10 && scaled / scale === value;
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
  const changes = [...results.indicators, ...results.goals].map((r) => r.change).filter((c) => c !== undefined);
  if (changes.length === 0 && !model.previousMatched) return null;
  const count = (c: string) => changes.filter((x) => x === c).length;
  return { better: count('better'), worse: count('worse'), same: count('same'), new: count('new'), removed: model.previousRemoved ?? [] };
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
