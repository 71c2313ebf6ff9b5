// Proposes each goal's assessment bottom-up through the goal hierarchy (SPEC 5.5) and compares it with the stated one.
import { issueAt } from './issues';
import { countsSentence, countStatuses, type NounKey } from './sentence';
import { STATUS_TEXT } from './status';
import type { Activity, Assessment, Goal, GoalResult, IndicatorResult, Issue, Lang, Settings, Status } from './types';

const SCORE: Partial<Record<Status, number>> = { helt: 1, delvis: 0.5, inte: 0 };

export interface Proposal {
  status: Status;
  score: number | null;
}

/**
 * Proposal from scored inputs (helt = 1, delvis = ½, inte = 0; ej_* left out): mean s > heltAbove
 * → helt, s ≥ delvisFrom → delvis, else inte; ej_bedomd when nothing is scored.
 */
export function proposeFromStatuses(statuses: Iterable<Status>, heltAbove: number, delvisFrom: number): Proposal {
  let sum = 0;
  let n = 0;
  for (const status of statuses) {
    const score = SCORE[status];
    if (score === undefined) continue;
    sum += score;
    n++;
  }
  if (n === 0) return { status: 'ej_bedomd', score: null };
  const s = sum / n;
  return { status: s > heltAbove ? 'helt' : s >= delvisFrom ? 'delvis' : 'inte', score: s };
}

/** A goal without scored inputs: any Försenad/Avbruten or overdue activity → delvis; others → helt; none → ej_bedomd. */
export function proposeFromActivities(activities: Activity[]): Status {
  if (activities.length === 0) return 'ej_bedomd';
  const troubled = activities.some((a) => a.status === 'forsenad' || a.status === 'avbruten' || a.overdue);
  return troubled ? 'delvis' : 'helt';
}

function depth(goal: Goal): number {
  if (!goal.valid) return 1;
  let dots = 0;
  for (const ch of goal.number) if (ch === '.') dots++;
  return dots + 1;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The level noun for a sentence about sub-goals: their common level, else plain "mål". */
function subGoalNoun(children: Goal[]): NounKey {
  const level = children[0].level;
  return children.every((c) => c.level === level) ? level : 'mal';
}

/**
 * SPEC 5.5 for every goal, deepest first so that a goal sees its sub-goals' assessments (stated if
 * present, else proposed). Returns the results in the goals' order; pushes W_ASSESSMENT_UNMOTIVATED
 * and I_ASSESSMENT_DIFFERS.
 */
export function proposeGoals(
  goals: Goal[],
  indicators: IndicatorResult[],
  activities: Activity[],
  settings: Settings,
  issues: Issue[],
): GoalResult[] {
  const indicatorsByGoal = groupBy(indicators, (r) => r.indicator.goal);
  const activitiesByGoal = groupBy(activities, (a) => a.goal);
  const childrenByParent = groupBy(goals.filter((g) => g.parent !== null), (g) => g.parent as string);
  const results = new Array<GoalResult>(goals.length);
  const resultOf = new Map<Goal, GoalResult>();
  const order = goals.map((goal, index) => ({ goal, index, depth: depth(goal) })).sort((a, b) => b.depth - a.depth || a.index - b.index);

  for (const { goal, index } of order) {
    const own = (indicatorsByGoal.get(goal.number) ?? []).map((r) => r.status);
    const children = goal.valid ? childrenByParent.get(goal.number) ?? [] : [];
    const childStatuses = children.map((child) => child.stated ?? resultOf.get(child)?.proposed ?? 'ej_bedomd');
    let proposal = proposeFromStatuses([...own, ...childStatuses], settings.goalHeltAbove, settings.goalDelvisFrom);
    if (proposal.status === 'ej_bedomd') proposal = { status: proposeFromActivities(activitiesByGoal.get(goal.number) ?? []), score: null };
    const counts = countStatuses(own);
    const result: GoalResult = {
      goal,
      proposed: proposal.status,
      score: proposal.score,
      counts,
      sentence: goalUnderlag(counts, children, childStatuses, settings.lang),
    };
    results[index] = result;
    resultOf.set(goal, result);
  }
  for (const result of results) assessmentIssues(result.goal, result.proposed, settings.lang, issues);
  return results;
}

/** Own indicators first (opening "Bedömningen grundar sig på att …" when mixed), then the sub-goals. */
function goalUnderlag(counts: GoalResult['counts'], children: Goal[], childStatuses: Status[], lang: Lang): string {
  const parts: string[] = [];
  const aboutIndicators = countsSentence(counts, 'indikator', lang, true);
  if (aboutIndicators) parts.push(aboutIndicators);
  if (children.length > 0) parts.push(countsSentence(countStatuses(childStatuses), subGoalNoun(children), lang, parts.length === 0));
  return parts.join(' ');
}

const RANK: Record<Assessment, number> = { helt: 2, delvis: 1, inte: 0 };

function assessmentIssues(goal: Goal, proposed: Status, lang: Lang, issues: Issue[]): void {
  const stated = goal.stated;
  if (!stated || (proposed !== 'helt' && proposed !== 'delvis' && proposed !== 'inte') || stated === proposed) return;
  const ref = goal.cells.stated ?? goal.cells.number;
  if (!ref) return;
  const statedText = STATUS_TEXT[lang][stated];
  const proposedText = STATUS_TEXT[lang][proposed];
  if (RANK[stated] > RANK[proposed] && goal.analysis.trim() === '') {
    const message =
      lang === 'en'
        ? `The stated assessment "${statedText}" is better than the proposal "${proposedText}" and Analysis is empty: explain the assessment.`
        : `Bedömningen "${statedText}" är bättre än förslaget "${proposedText}" och Analys är tom: motivera bedömningen.`;
    issues.push(issueAt('warning', 'W_ASSESSMENT_UNMOTIVATED', ref, message));
  }
  const message =
    lang === 'en'
      ? `The stated assessment "${statedText}" differs from the proposal "${proposedText}".`
      : `Bedömningen "${statedText}" skiljer sig från förslaget "${proposedText}".`;
  issues.push(issueAt('info', 'I_ASSESSMENT_DIFFERS', ref, message));
}
