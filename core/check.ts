// The one pipeline every host calls: read → validate → assess → finance → sorted issues → JSON report and write plan.
import { assess } from './judge/assess';
import { checkEconomy } from './economy/economy';
import { compareWithPrevious, judgementOf, matchPrevious } from './judge/compare';
import { buildPlan, INTERNAL_CODE, type AssessResults } from './write/plan';
import { readWorkbook } from './read/read';
import { DEFAULT_SETTINGS } from './common/settings';
import { buildReport } from './write/report';
import { countIssues, sortIssues } from './common/issues';
import { validateModel } from './judge/validate';
import type { CheckOptions, CheckResult, FinanceSummary, Issue, Lang, Report, WorkbookGrids, WorkbookModel, WritePlan } from './types';

const STAGE_NAMES: Record<Lang, Record<string, string>> = {
  sv: { read: 'läsningen', validate: 'valideringen', assess: 'bedömningen', compare: 'jämförelsen med föregående rapport', finance: 'ekonomikontrollen', plan: 'utdata', report: 'rapporten' },
  en: { read: 'reading', validate: 'validation', assess: 'assessment', compare: 'the comparison with the previous report', finance: 'the budget check', plan: 'the output', report: 'the report' },
};

/**
 * Checks a workbook. Never throws: the stages are written not to, and as a last line of defence a stage
 * that throws anyway becomes an `E_INTERNAL` error issue at A1 of the first sheet and the run goes on
 * with what the other stages produced.
 */
export function check(grids: WorkbookGrids, options: CheckOptions = {}): CheckResult {
  const internal: Issue[] = [];
  const firstSheet = grids?.sheets?.[0]?.name ?? '';
  let lang: Lang = options.lang ?? 'sv';
  const guard = <T>(stage: string, run: () => T, fallback: () => T): T => {
    try {
      return run();
    } catch (error) {
      internal.push(internalIssue(stage, error, firstSheet, lang));
      return fallback();
    }
  };

  const read = guard('read', () => readWorkbook(grids, options), () => ({ model: emptyModel(lang), issues: [] as Issue[] }));
  const model = read.model;
  lang = options.lang ?? model.settings.lang;
  if (options.previous) guard('compare', () => matchPreviousReport(model, options.previous as WorkbookGrids, lang), () => undefined);
  const validation = guard('validate', () => validateModel(model), () => [] as Issue[]);
  const assessed = guard('assess', () => assess(model), () => ({ indicators: [], goals: [], issues: [] as Issue[] }));
  const compared = guard('compare', () => compareWithPrevious(model, assessed, lang), () => [] as Issue[]);
  const finance = guard('finance', () => checkEconomy(model, lang), () => ({ issues: [] as Issue[], summary: null }));
  const results: AssessResults = { indicators: assessed.indicators, goals: assessed.goals };

  const sheetOrder = grids?.sheets?.map((s) => s.name) ?? [];
  const collected = [...read.issues, ...validation, ...assessed.issues, ...compared, ...finance.issues];
  const failedBefore = internal.length;
  let issues = sortIssues([...internal, ...collected], sheetOrder);
  const plan = guard('plan', () => buildPlan(model, results, issues, finance.summary, grids, lang), emptyPlan);
  if (internal.length !== failedBefore) issues = sortIssues([...internal, ...collected], sheetOrder);
  const report = guard(
    'report',
    () => buildReport(model, results, issues, finance.summary, lang),
    () => fallbackReport(model, sortIssues([...internal, ...collected], sheetOrder), finance.summary, lang),
  );
  return { report, plan };
}

/**
 * Reads and assesses the previous report and fills the current model's Föregående prognos/bedömning from
 * it (SPEC 5.8); the previous report's own issues are not the current report's and are dropped.
 */
function matchPreviousReport(model: WorkbookModel, previous: WorkbookGrids, lang: Lang): void {
  const before = readWorkbook(previous, { lang }).model;
  const results = assess(before);
  const removed = matchPrevious(model, {
    indicators: results.indicators.map((r) => ({ goal: r.indicator.goal, name: r.indicator.name, value: r.value, unit: r.unit, status: judgementOf(r) ?? r.status })),
    goals: results.goals.map((g) => ({ number: g.goal.number, status: g.goal.stated ?? g.proposed })),
  });
  model.previousRemoved = removed;
}

function internalIssue(stage: string, error: unknown, sheet: string, lang: Lang): Issue {
  const detail = error instanceof Error ? error.message : String(error);
  const message =
    lang === 'en'
      ? `Internal error in Målkoll during ${STAGE_NAMES.en[stage]}: ${detail}. The result is incomplete; please report this.`
      : `Internt fel i Målkoll under ${STAGE_NAMES.sv[stage]}: ${detail}. Resultatet är ofullständigt; rapportera gärna felet.`;
  return { severity: 'error', code: INTERNAL_CODE, sheet, cell: 'A1', message };
}

function emptyModel(lang: Lang): WorkbookModel {
  return {
    settings: { ...DEFAULT_SETTINGS, lang },
    goals: [],
    indicators: [],
    activities: [],
    budget: [],
    tables: [],
    hasGoalsSheet: false,
  };
}

function emptyPlan(): WritePlan {
  return { blocks: [], fills: [], sheets: [], deleteSheets: [] };
}

/** A report holding just the issues, for when building the real one failed. */
function fallbackReport(model: WorkbookModel, issues: Issue[], finance: FinanceSummary | null, lang: Lang): Report {
  return {
    version: 2,
    period: model.settings.periodText ?? null,
    document: model.settings.document ?? null,
    lang,
    summary: countIssues(issues),
    issues,
    indicators: [],
    goals: [],
    activities: [],
    finance,
    comparison: null,
  };
}
