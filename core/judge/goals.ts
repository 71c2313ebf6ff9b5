// Proposes each goal's assessment bottom-up through the goal hierarchy (SPEC 5.5) and compares it with the stated one.
import { issueAt } from '../common/issues';
import { activitySentence, countsSentence, countStatuses, judgementSentence, planSentence, type NounKey } from './sentence';
import { STATUS_TEXT } from '../common/status';
import type { Activity, Assessment, Goal, GoalResult, IndicatorResult, Issue, Judgements, Lang, Settings, Status, StatusCounts } from '../types';

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
  return proposalOf(sum, n, heltAbove, delvisFrom);
}

function proposalOf(sum: number, n: number, heltAbove: number, delvisFrom: number): Proposal {
  if (n === 0) return { status: 'ej_bedomd', score: null };
  const s = sum / n;
  return { status: s > heltAbove ? 'helt' : s >= delvisFrom ? 'delvis' : 'inte', score: s };
}

/**
 * proposeFromStatuses over a goal's own indicators' judgements and then its sub-goals' statuses, in that
 * order (so the sum is the same), without a list of them per goal.
 */
function goalProposal(own: IndicatorResult[], childStatuses: Status[], settings: Settings): Proposal {
  let sum = 0;
  let n = 0;
  // Index loops: a shared frozen empty list (NONE) would make for…of allocate an iterator here.
  for (let i = 0; i < own.length; i++) {
    const judgement = judgedOf(own[i]);
    if (!judgement) continue;
    sum += SCORE[judgement]!;
    n++;
  }
  for (let i = 0; i < childStatuses.length; i++) {
    const score = SCORE[childStatuses[i]];
    if (score === undefined) continue;
    sum += score;
    n++;
  }
  return proposalOf(sum, n, settings.goalHeltAbove, settings.goalDelvisFrom);
}

/** Counts of the indicators' statuses (countStatuses without a list of them). */
function statusCountsOf(own: IndicatorResult[]): StatusCounts {
  const counts: StatusCounts = { helt: 0, delvis: 0, inte: 0, ej_bedomd: 0, ej_matt: 0 };
  for (let i = 0; i < own.length; i++) counts[own[i].status]++;
  return counts;
}

/** A shared empty list for goals without indicators, activities or sub-goals (most goals lack one of them); frozen: never written to. */
const NONE: never[] = Object.freeze([]) as never[];

/**
 * A goal without scored inputs: any Försenad/Avbruten or overdue activity → delvis; others → helt; none → ej_bedomd.
 * Only activities on a sheet that reports on them count (see `isReported`).
 */
export function proposeFromActivities(activities: Activity[]): Status {
  if (activities.length === 0) return 'ej_bedomd';
  return troubledCount(activities) > 0 ? 'delvis' : 'helt';
}

/**
 * An activity whose sheet reports on progress: it has a Status or an Avvikelse column (SPEC 5.5; in an
 * ILS report a blank Avvikelse means the activity runs to plan). A bare list says nothing about progress.
 */
export function isReported(activity: Activity): boolean {
  return activity.cells.status !== undefined || activity.cells.deviation !== undefined;
}

/** The judgement a goal uses: a scored status, else the stated Bedömning (SPEC 5.1), else none. */
export function judgedOf(r: IndicatorResult): Assessment | null {
  if (r.status === 'helt' || r.status === 'delvis' || r.status === 'inte') return r.status;
  return r.judgedSource === 'stated' ? r.judged : null;
}

/** Own indicators by judgement (SPEC 5.1); unjudged annual indicators in T1/T2 are measured only at the year's end. */
export function judgementsOf(indicators: IndicatorResult[], settings: Settings): Judgements {
  const j: Judgements = { helt: 0, delvis: 0, inte: 0, stated: 0, pending: 0, yearEnd: 0 };
  const partYear = settings.document === 't1' || settings.document === 't2';
  for (let i = 0; i < indicators.length; i++) {
    const r = indicators[i];
    const judged = judgedOf(r);
    if (judged) {
      j[judged]++;
      if (r.judgedSource === 'stated' && judged === r.judged) j.stated++;
    } else if (partYear && r.status === 'ej_matt' && r.indicator.periodicity === 'ar') j.yearEnd++;
    else j.pending++;
  }
  return j;
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
  const ownResults = collect(indicators, (r) => r.indicator.goal, (r) => r);
  const ownActivities = collect(activities, (a) => a.goal, (a) => a);
  const childIndexes = collect(goals, (g) => g.parent, (_, index) => index);
  const plan = settings.document === 'plan';
  const underlag = underlagMemo(settings.lang);

  // Deepest first, in model order within a depth (a stable sort by depth, by bucketing).
  const byDepth: number[][] = [];
  goals.forEach((goal, index) => (byDepth[depth(goal)] ??= []).push(index));
  const results = new Array<GoalResult>(goals.length);
  for (let d = byDepth.length - 1; d >= 0; d--) {
    for (const index of byDepth[d] ?? []) {
      const goal = goals[index];
      const slot = slotOfGoal[index];
      const own = ownResults[slot] ?? NONE;
      const childList = (goal.valid && childIndexes[slot]) || NONE;
      const children = childList.length > 0 ? childList.map((child) => goals[child]) : NONE;
      const goalActivities = ownActivities[slot] ?? NONE;
      const counts = statusCountsOf(own);
      const judgements = judgementsOf(own, settings);
      if (plan) {
        results[index] = { goal, proposed: 'ej_bedomd', score: null, counts, judgements, sentence: planGoalSentence(own, children, goalActivities, settings.lang) };
        continue;
      }
      const childStatuses = childList.length > 0 ? childList.map((child) => goals[child].stated ?? results[child]?.proposed ?? 'ej_bedomd') : NONE;
      let proposal = goalProposal(own, childStatuses, settings);
      let sentence = underlag(judgements, children, childStatuses);
      if (proposal.status === 'ej_bedomd') {
        // Nothing scored: the activities decide when their sheet reports on them, and the sentence says so.
        const reported = goalActivities.filter(isReported);
        proposal = { status: proposeFromActivities(reported), score: null };
        const aboutActivities = activitySentence(reported.length, troubledCount(reported), settings.lang);
        sentence = [sentence, aboutActivities].filter((part) => part !== '').join(' ');
      }
      results[index] = { goal, proposed: proposal.status, score: proposal.score, counts, judgements, sentence };
    }
  }
  if (!plan) for (const result of results) assessmentIssues(result.goal, result.proposed, settings.lang, issues);
  return results;
}

/** A plan's Underlag: what the goal holds (indicators and their targets, sub-goals, activities). */
function planGoalSentence(own: IndicatorResult[], children: Goal[], activities: Activity[], lang: Lang): string {
  let targetsSet = 0;
  let pending = 0;
  for (const r of own) {
    if (r.targetSource !== 'none') targetsSet++;
    else if (isPendingTarget(r)) pending++;
  }
  return planSentence(
    {
      indicators: own.length,
      targetsSet,
      pending,
      subGoals: children.length,
      subGoalNoun: children.length > 0 ? subGoalNoun(children) : 'mal',
      activities: activities.length,
    },
    lang,
  );
}

/** The target is pending: the nämnd's årsmål says so, or it is blank and KF's says so. */
export function isPendingTarget(r: IndicatorResult): boolean {
  const { arsmal, kfArsmal } = r.indicator;
  return arsmal.kind === 'pending' || (arsmal.kind === 'missing' && kfArsmal.kind === 'pending');
}

/** Distinct sentences one run keeps at most: a workbook of unusual counts cannot grow the memo without limit. */
const UNDERLAG_MEMO_LIMIT = 1000;
const SUB_GOAL_NOUNS: NounKey[] = ['mal', 'inriktningsmal', 'verksamhetsomradesmal', 'namndmal', 'enhetsmal'];

/**
 * A goal's Underlag: its own indicators first (opening "Bedömningen grundar sig på att …" when mixed), then
 * its sub-goals, each of the two sentences memoised by the counts it is written from, for one run of
 * proposeGoals: thousands of goals share a few dozen combinations of counts, and each sentence is a dozen
 * strings put together. The keys are the counts packed into one number (no key string per goal).
 */
function underlagMemo(lang: Lang): (judgements: Judgements, children: Goal[], childStatuses: Status[]) => string {
  const aboutIndicators = new Map<number, string>();
  const aboutChildren = new Map<number, string>();
  const remember = (cache: Map<number, string>, key: number | null, write: () => string): string => {
    let sentence = key === null ? undefined : cache.get(key);
    if (sentence === undefined) {
      sentence = write();
      if (cache.size >= UNDERLAG_MEMO_LIMIT) cache.clear();
      if (key !== null) cache.set(key, sentence);
    }
    return sentence;
  };
  return (judgements, children, childStatuses) => {
    const first = remember(aboutIndicators, judgementsKey(judgements), () => judgementSentence(judgements, lang, true));
    if (children.length === 0) return first;
    const counts = countStatuses(childStatuses);
    const noun = subGoalNoun(children);
    const lead = first === '';
    const second = remember(aboutChildren, childCountsKey(counts, noun, lead), () => countsSentence(counts, noun, lang, lead));
    return lead ? second : `${first} ${second}`;
  };
}

/** Counts of up to 255 each packed 8 bits apiece (at most six: 48 bits, exact in a double), or null when one is larger. */
function packed(...counts: number[]): number | null {
  let key = 0;
  for (const n of counts) {
    if (n > 255) return null;
    key = key * 256 + n;
  }
  return key;
}

function judgementsKey(j: Judgements): number | null {
  return packed(j.helt, j.delvis, j.inte, j.stated, j.pending, j.yearEnd);
}

function childCountsKey(c: StatusCounts, noun: NounKey, lead: boolean): number | null {
  const counts = packed(c.helt, c.delvis, c.inte, c.ej_bedomd, c.ej_matt);
  return counts === null ? null : counts * 16 + SUB_GOAL_NOUNS.indexOf(noun) * 2 + (lead ? 1 : 0);
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
