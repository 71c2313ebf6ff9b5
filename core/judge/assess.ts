// Runs the assessment of SPEC 5.1–5.6 over a read workbook model: indicator statuses, then goal proposals and sentences, then the narrative checks.
import { proposeGoals } from './goals';
import { assessIndicator } from './indicator-status';
import { narrativeIssues } from './narrative';
import type { GoalResult, IndicatorResult, Issue, WorkbookModel } from '../types';

/** Indicator results in model order, goal results in model goal order, and the issues the rules raised. */
export function assess(model: WorkbookModel): { indicators: IndicatorResult[]; goals: GoalResult[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const indicators = model.indicators.map((indicator) => assessIndicator(indicator, model.settings, issues));
  const goals = proposeGoals(model.goals, indicators, model.activities, model.settings, issues);
  issues.push(...narrativeIssues(goals, indicators, model.settings.lang));
  return { indicators, goals, issues };
}
