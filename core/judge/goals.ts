// Proposes each goal's assessment bottom-up through the goal hierarchy (SPEC 5.5) and compares it with the stated one.
import { issueAt } from '../common/issues';
import { activitySentence, countsSentence, countStatuses, type NounKey } from './sentence';
import { STATUS_TEXT } from '../common/status';
import type { Activity, Assessment, Goal, GoalResult, IndicatorResult, Issue, Lang, Settings, Status } from '../types';

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
  return troubledCount(activities) > 0 ? 'delvis' : 'helt';
}

/** Activities that are Försenad, Avbruten or overdue. */
function troubledCount(activities: Activity[]): number {
  let n = 0;
  for (const a of activities) if (a.status === 'forsenad' || a.status === 'avbruten' || a.overdue) n++;
  return n;
}

function depth(goal: Goal): number {
  if (!goal.valid) return 1;
  let dots = 0;
  for (const ch of goal.number) if (ch === '.') dots++;
  return dots + 1;
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
  // What belongs to a goal number is gathered per slot (one per distinct number) in one pass over each
  // list, so the pass over the goals reads arrays: looking every goal's number up in three large maps
  // cost cache misses that grew faster than the row count.
  const slotOf = new Map<string, number>();
  const slotOfGoal = goals.map((goal) => {
    let slot = slotOf.get(goal.number);
    if (slot === undefined) slotOf.set(goal.number, (slot = slotOf.size));
    return slot;
  });
  const collect = <T, V>(items: T[], numberOf: (item: T) => string | null, pick: (item: T, index: number) => V): (V[] | undefined)[] => {
    const lists = new Array<V[] | undefined>(slotOf.size);
    let lastNumber: string | null = null;
    let lastSlot: number | undefined;
    items.forEach((item, index) => {
      const number = numberOf(item);
      if (number === null) return;
      // The items of one goal usually come together: a number is looked up once per run of them.
      if (number !== lastNumber) {
        lastNumber = number;
        lastSlot = slotOf.get(number);
      }
      if (lastSlot !== undefined) (lists[lastSlot] ??= []).push(pick(item, index));
    });
    return lists;
  };
  const ownStatuses = collect(indicators, (r) => r.indicator.goal, (r) => r.status);
  const ownActivities = collect(activities, (a) => a.goal, (a) => a);
  const childIndexes = collect(goals, (g) => g.parent, (_, index) => index);

  // Deepest first, in model order within a depth (a stable sort by depth, by bucketing).
  const byDepth: number[][] = [];
  goals.forEach((goal, index) => (byDepth[depth(goal)] ??= []).push(index));
  const results = new Array<GoalResult>(goals.length);
  for (let d = byDepth.length - 1; d >= 0; d--) {
    for (const index of byDepth[d] ?? []) {
      const goal = goals[index];
      const slot = slotOfGoal[index];
      const own = ownStatuses[slot] ?? [];
      const childList = goal.valid ? childIndexes[slot] ?? [] : [];
      const children = childList.map((child) => goals[child]);
      const childStatuses = childList.map((child) => goals[child].stated ?? results[child]?.proposed ?? 'ej_bedomd');
      let proposal = proposeFromStatuses(own.concat(childStatuses), settings.goalHeltAbove, settings.goalDelvisFrom);
      const counts = countStatuses(own);
      let sentence = goalUnderlag(counts, children, childStatuses, settings.lang);
      if (proposal.status === 'ej_bedomd') {
        // Nothing scored: the activities decide, and the sentence says so.
        const goalActivities = ownActivities[slot] ?? [];
        proposal = { status: proposeFromActivities(goalActivities), score: null };
        const aboutActivities = activitySentence(goalActivities.length, troubledCount(goalActivities), settings.lang);
        sentence = [sentence, aboutActivities].filter((part) => part !== '').join(' ');
      }
      results[index] = { goal, proposed: proposal.status, score: proposal.score, counts, sentence };
    }
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
