// Checks the workbook model for the structural and consistency findings of SPEC 4 (goal numbers and hierarchy, names, KF targets, outcomes, gender split, activity dates).
import { decideDirection } from './direction';
import { issueAt } from '../common/issues';
import { fold } from '../common/text';
import { periodEnd } from '../read/period';
import { documentKindIssues } from '../read/document';
import { decimalsOf, describeValue } from '../read/rows';
import { headerNameOf } from '../read/headers';
import { describeCell, formatNumber } from '../read/values';
import type { Activity, CellRef, Goal, Indicator, Issue, Lang, Level, ParsedValue, Period, Severity, WorkbookModel } from '../types';
import { keepShape } from '../common/shapes';

// ---------------------------------------------------------------------------------------------
// Messages (Swedish and English), one entry per code this file emits
// ---------------------------------------------------------------------------------------------

type Params = Record<string, string>;

const MESSAGES: Record<string, { severity: Severity } & Record<Lang, (p: Params) => string>> = {
  E_GOAL_NUMBER: {
    severity: 'error',
    sv: (p) =>
      p.value === ''
        ? 'Målnummer saknas; ange siffror åtskilda av punkter, t.ex. 1.2.3.'
        : `Målnummer ${p.value} ska vara siffror åtskilda av punkter, t.ex. 1.2.3.`,
    en: (p) =>
      p.value === ''
        ? 'The goal number is missing; give digits separated by dots, e.g. 1.2.3.'
        : `Goal number ${p.value} should be digits separated by dots, e.g. 1.2.3.`,
  },
  E_GOAL_DUPLICATE: {
    severity: 'error',
    sv: (p) => `Målnummer ${p.value} finns redan på rad ${p.first}; varje mål ska ha ett eget nummer.`,
    en: (p) => `Goal number ${p.value} is already used on row ${p.first}; every goal needs its own number.`,
  },
  E_GOAL_PARENT_MISSING: {
    severity: 'error',
    sv: (p) => `Mål ${p.value} hör till mål ${p.parent}, som saknas i bladet; lägg till mål ${p.parent} eller rätta numret.`,
    en: (p) => `Goal ${p.value} belongs under goal ${p.parent}, which is missing from the sheet; add goal ${p.parent} or correct the number.`,
  },
  W_GOAL_LEVEL: {
    severity: 'warning',
    sv: (p) => `Nivån ${p.value} stämmer inte med målnummer ${p.number}, som med sin längd är ${p.expected}.`,
    en: (p) => `Level ${p.value} does not match goal number ${p.number}, which by its length is ${p.expected}.`,
  },
  W_GOAL_EMPTY: {
    severity: 'warning',
    sv: (p) => `Mål ${p.value} (${p.level}) har varken indikatorer, aktiviteter eller undermål; lägg till minst en av dem.`,
    en: (p) => `Goal ${p.value} (${p.level}) has no indicators, activities or sub-goals; add at least one.`,
  },
  E_UNKNOWN_GOAL: {
    severity: 'error',
    sv: (p) =>
      p.value === ''
        ? `${p.what} saknar målnummer; ange numret på ett mål i bladet med mål.`
        : `${p.what} hör till målnummer ${p.value}, som inte finns i bladet med mål; ange ett målnummer därifrån.`,
    en: (p) =>
      p.value === ''
        ? `${p.what} has no goal number; give the number of a goal in the goals sheet.`
        : `${p.what} refers to goal number ${p.value}, which is not in the goals sheet; use a goal number from there.`,
  },
  E_NAME_EMPTY: {
    severity: 'error',
    sv: (p) => `${p.what} saknar namn; fyll i kolumnen ${p.header}.`,
    en: (p) => `${p.what} has no name; fill in column ${p.header}.`,
  },
  W_DUPLICATE_INDICATOR: {
    severity: 'warning',
    sv: (p) => `Indikatorn ${p.value} finns redan under mål ${p.goal} på rad ${p.first}; ta bort dubbletten eller skilj namnen åt.`,
    en: (p) => `Indicator ${p.value} already exists under goal ${p.goal} on row ${p.first}; remove the duplicate or tell the names apart.`,
  },
  W_KF_TARGET_ON_NAMNDMAL: {
    severity: 'warning',
    sv: (p) => `KF:s årsmål ${p.value} är ifyllt för en indikator under nämndmål ${p.goal}; KF:s årsmål hör till indikatorer under KF:s mål. Lämna det tomt här.`,
    en: (p) => `KF's target ${p.value} is filled in for an indicator under committee goal ${p.goal}; KF's targets belong to indicators under KF's goals. Leave it blank here.`,
  },
  W_KF_TARGET_MISSING: {
    severity: 'warning',
    sv: (p) => `KF:s årsmål saknas för indikatorn ${p.name} under KF:s mål ${p.goal}; fyll i KF:s årsmål (eller t.ex. "Tas fram av nämnd").`,
    en: (p) => `KF's target is missing for indicator ${p.name} under KF's goal ${p.goal}; fill in KF's target (or e.g. "Tas fram av nämnd").`,
  },
  I_TARGET_LOOSER_THAN_KF: {
    severity: 'info',
    sv: (p) => `Nämndens årsmål ${p.value} är mindre ambitiöst än KF:s årsmål ${p.kf} (${p.direction}).`,
    en: (p) => `The committee's target ${p.value} is less ambitious than KF's target ${p.kf} (${p.direction}).`,
  },
  W_TARGET_LEFT_TO_NAMND: {
    severity: 'warning',
    sv: (p) => `KF:s årsmål säger att nämnden ska ta fram målvärdet (${p.kf}) men nämndens årsmål för ${p.name} är ${p.value}; fyll i nämndens årsmål.`,
    en: (p) => `KF's target leaves the target to the committee (${p.kf}) but the committee's target for ${p.name} is ${p.value}; fill in the committee's target.`,
  },
  W_EXPECTED_RESULT_MISSING: {
    severity: 'warning',
    sv: (p) => `${p.level} ${p.number} saknar Förväntat resultat; skriv vad nämnden förväntar sig uppnå.`,
    en: (p) => `${p.level} ${p.number} has no expected result (Förväntat resultat); write what the committee expects to achieve.`,
  },
  W_OUTCOME_MISSING: {
    severity: 'warning',
    sv: (p) => `${p.header} saknas för ${p.name}, som mäts ${p.periodicity}; fyll i utfallet för ${p.period}.`,
    en: (p) => `The outcome ("${p.header}") is missing for ${p.name}, which is measured ${p.periodicity}; fill in the outcome for ${p.period}.`,
  },
  W_GENDER_PARTIAL: {
    severity: 'warning',
    sv: (p) => `Bara ${p.present} är ifyllt (${p.value}); fyll i ${p.missing} också, eller ingen av dem.`,
    en: (p) => `Only ${p.present} is filled in (${p.value}); fill in ${p.missing} too, or neither.`,
  },
  W_GENDER_INCONSISTENT: {
    severity: 'warning',
    sv: (p) => `${p.header} ${p.value} stämmer inte med utfallen för män ${p.men} och kvinnor ${p.women}: ${p.expected}.`,
    en: (p) => `The outcome ("${p.header}") ${p.value} does not match the outcomes for men ${p.men} and women ${p.women}: ${p.expected}.`,
  },
  E_DATE_ORDER: {
    severity: 'error',
    sv: (p) => `Startdatum ${p.start} ligger efter slutdatum ${p.end}; startdatum ska vara samma dag eller tidigare.`,
    en: (p) => `Start date ${p.start} is after end date ${p.end}; the start must be on or before the end.`,
  },
  W_DATE_OUTSIDE_YEAR: {
    severity: 'warning',
    sv: (p) => `${p.header} ${p.value} ligger efter planåret ${p.year}; aktiviteter i planen ska ligga inom ${p.year}.`,
    en: (p) => `${p.header} ${p.value} is after the plan year ${p.year}; the plan's activities should fall within ${p.year}.`,
  },
  // Three cases: no Status column to answer with, Försenad already set, and any other status.
  W_ACTIVITY_OVERDUE: {
    severity: 'warning',
    sv: (p) =>
      p.case === 'noColumn'
        ? `Aktiviteten skulle vara klar ${p.end}, före periodens slut ${p.periodEnd}, men bladet har ingen kolumn Status som visar hur det gick; lägg till kolumnen Status och ange Genomförd, Avbruten eller Försenad (med en förklaring i ${p.deviation}).`
        : p.case === 'forsenad'
          ? p.explained === 'yes'
            ? `Aktiviteten skulle vara klar ${p.end}, före periodens slut ${p.periodEnd}, och är försenad; ange Genomförd när den är klar, eller Avbruten.`
            : `Aktiviteten skulle vara klar ${p.end}, före periodens slut ${p.periodEnd}, och är försenad; förklara förseningen och den nya tidplanen i ${p.deviation}.`
          : `Aktiviteten skulle vara klar ${p.end}, före periodens slut ${p.periodEnd}, men ${p.statusHeader} är ${p.status}; ange Genomförd, Avbruten eller Försenad med en förklaring i ${p.deviation}.`,
    en: (p) =>
      p.case === 'noColumn'
        ? `The activity was due ${p.end}, before the period's end ${p.periodEnd}, but the sheet has no Status column to show how it went; add a Status column and set Completed, Cancelled or Delayed (explained in ${p.deviation}).`
        : p.case === 'forsenad'
          ? p.explained === 'yes'
            ? `The activity was due ${p.end}, before the period's end ${p.periodEnd}, and is delayed; set Completed when it is done, or Cancelled.`
            : `The activity was due ${p.end}, before the period's end ${p.periodEnd}, and is delayed; explain the delay and the new timetable in ${p.deviation}.`
          : `The activity was due ${p.end}, before the period's end ${p.periodEnd}, but its ${p.statusHeader} is ${p.status}; set Completed, Cancelled or Delayed, explained in ${p.deviation}.`,
  },
};

const LEVEL_TEXT: Record<Lang, Record<Level, string>> = {
  sv: { inriktningsmal: 'inriktningsmål', verksamhetsomradesmal: 'verksamhetsområdesmål', namndmal: 'nämndmål', enhetsmal: 'enhetsmål' },
  en: { inriktningsmal: 'direction goal', verksamhetsomradesmal: 'area goal', namndmal: 'committee goal', enhetsmal: 'unit goal' },
};

const PERIODICITY_TEXT: Record<Lang, Record<string, string>> = {
  sv: { tertial: 'per tertial', kvartal: 'per kvartal', manad: 'per månad', halvar: 'per halvår', ar: 'per år' },
  en: { tertial: 'per tertial', kvartal: 'quarterly', manad: 'monthly', halvar: 'half-yearly', ar: 'yearly' },
};

const NO_STATUS: Record<Lang, string> = { sv: 'tom', en: 'blank' };

export const ACTIVITY_STATUS_TEXT: Record<Lang, Record<string, string>> = {
  sv: { ej_paborjad: 'Ej påbörjad', paborjad: 'Påbörjad', pagar: 'Pågår', genomford: 'Genomförd', forsenad: 'Försenad', avbruten: 'Avbruten' },
  en: { ej_paborjad: 'Not started', paborjad: 'Started', pagar: 'In progress', genomford: 'Completed', forsenad: 'Delayed', avbruten: 'Cancelled' },
};

const LEVELS_BY_DEPTH: Level[] = ['inriktningsmal', 'verksamhetsomradesmal', 'namndmal', 'enhetsmal'];

/** Parts of a dotted goal number, counted without splitting (called several times per goal). */
function depthOf(number: string): number {
  let depth = 1;
  for (let i = number.indexOf('.'); i !== -1; i = number.indexOf('.', i + 1)) depth++;
  return depth;
}

function levelOfDepth(depth: number): Level {
  return LEVELS_BY_DEPTH[Math.min(depth, 4) - 1];
}

class Reporter {
  readonly issues: Issue[] = [];
  constructor(readonly lang: Lang) {}

  add(code: string, ref: CellRef | undefined, params: Params): void {
    if (!ref) return;
    const message = MESSAGES[code];
    this.issues.push(issueAt(message.severity, code, ref, message[this.lang](params)));
  }
}
keepShape(new Reporter('sv'));

/** A row's cell for a field, falling back to another field's cell (a column that is absent has no cell). */
function cellOf(item: { cells: Partial<Record<string, CellRef>>; sheet: string; row: number }, ...fields: string[]): CellRef {
  for (const field of fields) {
    const ref = item.cells[field];
    if (ref) return ref;
  }
  return { sheet: item.sheet, row: item.row, col: 0 };
}

// ---------------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------------

/**
 * The first valid goal of each number (whose level counts), with a flag per goal for whether anything
 * refers to it (W_GOAL_EMPTY). Positions and byte flags rather than an object per goal: on 100 000
 * rows this index lives through many young-generation collections, and every object in it gets copied.
 */
class GoalIndex {
  private readonly first = new Map<string, number>();
  private readonly used: Uint8Array;
  /** Met while walking the goals sheet (only when the index doubles as that sheet's list of firsts). */
  private readonly met: Uint8Array;

  constructor(private readonly goals: Goal[]) {
    this.used = new Uint8Array(goals.length);
    this.met = new Uint8Array(goals.length);
    for (let i = 0; i < goals.length; i++) {
      const goal = goals[i];
      if (goal.valid && !this.first.has(goal.number)) this.first.set(goal.number, i);
    }
  }

  /** Position of the first valid goal with this number, or -1. */
  find(number: string): number {
    return this.first.get(number) ?? -1;
  }

  goalAt(position: number): Goal {
    return this.goals[position];
  }

  get(number: string): Goal | undefined {
    const position = this.first.get(number);
    return position === undefined ? undefined : this.goals[position];
  }

  markUsed(position: number): void {
    this.used[position] = 1;
  }

  isUsed(number: string): boolean {
    const position = this.first.get(number);
    return position !== undefined && this.used[position] === 1;
  }

  /** Marks the first goal with this number as met; true if it already was. */
  meet(number: string): boolean {
    const position = this.first.get(number)!;
    const already = this.met[position] === 1;
    this.met[position] = 1;
    return already;
  }
}
const KEPT_GOAL_INDEX = keepShape(new GoalIndex([]));

function validateGoals(model: WorkbookModel, index: GoalIndex, r: Reporter): void {
  const bySheet = new Map<string, Goal[]>();
  for (const goal of model.goals) {
    const list = bySheet.get(goal.sheet);
    if (list) list.push(goal);
    else bySheet.set(goal.sheet, [goal]);
  }
  // With one goals sheet its first goal per number is the index's, so the index serves as that sheet's list of firsts.
  const shared = bySheet.size === 1 ? index : null;
  for (const goals of bySheet.values()) validateGoalSheet(goals, shared, r);
}

/** Numbers, duplicates, parents and levels within one sheet (a goals sheet and a pasted report are separate lists). */
function validateGoalSheet(goals: Goal[], shared: GoalIndex | null, r: Reporter): void {
  const own = shared ? null : new Map<string, Goal>();
  const firstOf = (number: string): Goal | undefined => (shared ? shared.get(number) : own!.get(number));
  /** The earlier goal with the same number, recording this one as the first when there is none. */
  const earlierOf = (goal: Goal): Goal | undefined => {
    if (own) {
      const earlier = own.get(goal.number);
      if (!earlier) own.set(goal.number, goal);
      return earlier;
    }
    return shared!.meet(goal.number) ? shared!.get(goal.number) : undefined;
  };
  const depths = new Set<number>();
  for (const goal of goals) {
    if (!goal.valid) {
      r.add('E_GOAL_NUMBER', cellOf(goal, 'number', 'title'), { value: goal.number === '' ? '' : describeCell(goal.number) });
      continue;
    }
    depths.add(depthOf(goal.number));
    const earlier = earlierOf(goal);
    if (earlier) r.add('E_GOAL_DUPLICATE', cellOf(goal, 'number'), { value: describeCell(goal.number), first: String(earlier.row + 1) });
  }
  for (const goal of goals) {
    if (!goal.valid) continue;
    const depth = depthOf(goal.number);
    if (goal.parent && firstOf(goal.parent) === undefined && depths.has(depth - 1)) {
      r.add('E_GOAL_PARENT_MISSING', cellOf(goal, 'number'), { value: describeCell(goal.number), parent: describeCell(goal.parent) });
    }
    const expected = levelOfDepth(depth);
    if (goal.cells.level && goal.level !== expected) {
      r.add('W_GOAL_LEVEL', goal.cells.level, {
        value: describeCell(LEVEL_TEXT[r.lang][goal.level]),
        number: describeCell(goal.number),
        expected: LEVEL_TEXT[r.lang][expected],
      });
    }
  }
}

const CHECKED_FOR_CONTENT: Set<Level> = new Set(['verksamhetsomradesmal', 'namndmal', 'enhetsmal']);
const NEEDS_EXPECTED_RESULT: Set<Level> = new Set(['namndmal', 'enhetsmal']);

/**
 * W_EXPECTED_RESULT_MISSING: a nämndmål or enhetsmål without Förväntat resultat, on a sheet that has
 * the column or (a pasted report) gives expected results for other goals.
 */
function checkExpectedResults(model: WorkbookModel, r: Reporter): void {
  const sheetsWithExpected = new Set<string>();
  for (const goal of model.goals) {
    if (goal.cells.expectedResult || goal.expectedResult.trim() !== '') sheetsWithExpected.add(goal.sheet);
  }
  if (sheetsWithExpected.size === 0) return;
  for (const goal of model.goals) {
    if (!goal.valid || !NEEDS_EXPECTED_RESULT.has(goal.level) || !sheetsWithExpected.has(goal.sheet) || goal.expectedResult.trim() !== '') continue;
    r.add('W_EXPECTED_RESULT_MISSING', cellOf(goal, 'expectedResult', 'number'), {
      level: LEVEL_TEXT[r.lang][goal.level].replace(/^./, (c) => c.toUpperCase()),
      number: describeCell(goal.number),
    });
  }
}

/**
 * W_GOAL_EMPTY, once the indicator and activity checks have marked the goals they refer to (the
 * lookups they make anyway), so no set of every row's goal number is built.
 */
function checkEmptyGoals(model: WorkbookModel, index: GoalIndex, r: Reporter): Issue[] {
  for (const goal of model.goals) {
    if (!goal.parent) continue;
    const parent = index.find(goal.parent);
    if (parent !== -1) index.markUsed(parent);
  }
  const empty = new Reporter(r.lang);
  for (const goal of model.goals) {
    if (!goal.valid || !CHECKED_FOR_CONTENT.has(goal.level) || index.isUsed(goal.number)) continue;
    empty.add('W_GOAL_EMPTY', cellOf(goal, 'number', 'title'), { value: describeCell(goal.number), level: LEVEL_TEXT[r.lang][goal.level] });
  }
  return empty.issues;
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

const WHAT: Record<Lang, { indicator: string; activity: string }> = {
  sv: { indicator: 'Indikatorn', activity: 'Aktiviteten' },
  en: { indicator: 'The indicator', activity: 'The activity' },
};

const SPACES = /\s+/g;
const ODD_SPACING = /\s\s|[\t\n\r\u00a0]/;

/** Names compared for duplicates: case and spacing ignored (cheaper than a full fold on 100 000 rows). */
function nameKey(name: string): string {
  const lower = name.toLowerCase();
  return ODD_SPACING.test(lower) ? lower.replace(SPACES, ' ').trim() : lower;
}

function present(value: ParsedValue): boolean {
  return value.kind !== 'missing';
}

/** The value of a number, or a bound's limit; null for anything else. */
function numeric(value: ParsedValue): number | null {
  return value.kind === 'number' || value.kind === 'bound' ? value.value : null;
}

function unitOf(value: ParsedValue): string | null | undefined {
  return value.kind === 'number' || value.kind === 'bound' || value.kind === 'band' ? value.unit : undefined;
}

const GOAL_NUMBER = /^\d+(?:\.\d+)*$/;

/**
 * The goal an indicator or activity refers to, looked up once per run of rows with the same goal
 * number (rows come grouped by goal), which also marks the goal as used for W_GOAL_EMPTY.
 */
class GoalLookup {
  private number: string | null = null;
  private position = -1;
  private level: Level | null = null;

  constructor(private readonly index: GoalIndex) {}

  private move(number: string): void {
    if (number === this.number) return;
    this.number = number;
    this.position = this.index.find(number);
    if (this.position !== -1) this.index.markUsed(this.position);
    this.level = this.position !== -1 ? this.index.goalAt(this.position).level : GOAL_NUMBER.test(number) ? levelOfDepth(depthOf(number)) : null;
  }

  known(number: string): boolean {
    this.move(number);
    return this.position !== -1;
  }

  /** The level of the goal: from the goals, else from the number's depth. */
  levelOf(number: string): Level | null {
    this.move(number);
    return this.level;
  }
}
keepShape(new GoalLookup(KEPT_GOAL_INDEX));

/**
 * W_DUPLICATE_INDICATOR bookkeeping. Rows come in runs of one goal, so a run's names go into one
 * reused map and nothing outlives the run but the run's bounds; only a goal whose rows turn up again
 * later gets a lasting name map, filled once from its earlier runs. (One map of sheet+goal+name keys
 * over 100 000 rows kept every key alive and made the check grow faster than the rows.)
 */
class DuplicateFinder {
  /** Sheet → goal → id of the goal's latest run. */
  private readonly latestRun = new Map<string, Map<string, number>>();
  private readonly runStart: number[] = [];
  private readonly runEnd: number[] = [];
  /** The goal's run before this one, or -1. */
  private readonly previousRun: number[] = [];
  /** Sheet → goal → names, for goals whose rows are not contiguous. */
  private readonly lasting = new Map<string, Map<string, Map<string, Indicator>>>();
  private readonly scratch = new Map<string, Indicator>();
  private sheet: string | null = null;
  private goal: string | null = null;
  private names: Map<string, Indicator> = this.scratch;
  /** A fresh run's first name, keyed only once a second one arrives (most goals have one or few indicators). */
  private pending: Indicator | null = null;

  constructor(private readonly indicators: Indicator[]) {}

  /** The first indicator before row `i` with the same sheet, goal and name (case and spacing ignored). */
  earlier(i: number): Indicator | undefined {
    const indicator = this.indicators[i];
    if (indicator.goal !== this.goal || indicator.sheet !== this.sheet) return this.startRun(i, indicator);
    if (this.pending) {
      this.names.set(nameKey(this.pending.name), this.pending);
      this.pending = null;
    }
    const key = nameKey(indicator.name);
    const earlier = this.names.get(key);
    if (!earlier) this.names.set(key, indicator);
    return earlier;
  }

  private startRun(i: number, indicator: Indicator): Indicator | undefined {
    const run = this.runStart.length;
    if (run > 0) this.runEnd[run - 1] = i;
    this.sheet = indicator.sheet;
    this.goal = indicator.goal;
    let runs = this.latestRun.get(indicator.sheet);
    if (!runs) this.latestRun.set(indicator.sheet, (runs = new Map()));
    const previous = runs.get(indicator.goal) ?? -1;
    runs.set(indicator.goal, run);
    this.runStart.push(i);
    this.runEnd.push(this.indicators.length);
    this.previousRun.push(previous);
    if (previous === -1) {
      if (this.scratch.size > 0) this.scratch.clear();
      this.names = this.scratch;
      this.pending = indicator;
      return undefined;
    }
    this.pending = null;
    this.names = this.lastingNames(indicator.sheet, indicator.goal, previous);
    const key = nameKey(indicator.name);
    const earlier = this.names.get(key);
    if (!earlier) this.names.set(key, indicator);
    return earlier;
  }

  /** The lasting name map of a goal seen before, built from its earlier runs the first time it is needed. */
  private lastingNames(sheet: string, goal: string, previous: number): Map<string, Indicator> {
    let bySheet = this.lasting.get(sheet);
    if (!bySheet) this.lasting.set(sheet, (bySheet = new Map()));
    let names = bySheet.get(goal);
    if (names) return names;
    names = new Map();
    const runs: number[] = [];
    for (let run = previous; run !== -1; run = this.previousRun[run]) runs.push(run);
    for (let r = runs.length - 1; r >= 0; r--) {
      for (let i = this.runStart[runs[r]]; i < this.runEnd[runs[r]]; i++) {
        const earlier = this.indicators[i];
        // A run's bounds also span unnamed rows, which may name any goal.
        if (earlier.name === '') continue;
        const key = nameKey(earlier.name);
        if (!names.has(key)) names.set(key, earlier);
      }
    }
    bySheet.set(goal, names);
    return names;
  }
}
keepShape(new DuplicateFinder([]));

function validateIndicators(model: WorkbookModel, goals: GoalLookup, r: Reporter): void {
  const indicators = model.indicators;
  const duplicates = new DuplicateFinder(indicators);
  for (let i = 0; i < indicators.length; i++) {
    const indicator = indicators[i];
    checkReference(indicator, model, goals, r, 'indicator');
    if (indicator.name === '') r.add('E_NAME_EMPTY', cellOf(indicator, 'name', 'goal'), { what: WHAT[r.lang].indicator, header: describeCell(headerNameOf(indicator.cells, 'indicators', 'name', r.lang)) });
    else {
      const earlier = duplicates.earlier(i);
      if (earlier) {
        r.add('W_DUPLICATE_INDICATOR', cellOf(indicator, 'name'), { value: describeCell(indicator.name), goal: describeCell(indicator.goal), first: String(earlier.row + 1) });
      }
    }
    checkKfTarget(indicator, goals, r);
    checkLooserThanKf(indicator, r);
    checkTargetLeftToNamnd(indicator, r);
    checkOutcomeMissing(indicator, model, r);
    checkGender(indicator, r);
  }
}

function checkReference(item: Indicator | Activity, model: WorkbookModel, goals: GoalLookup, r: Reporter, what: 'indicator' | 'activity'): void {
  // Looked up even without a goals sheet: the lookup is what marks a goal as used.
  if (goals.known(item.goal) || !model.hasGoalsSheet) return;
  r.add('E_UNKNOWN_GOAL', cellOf(item, 'goal', 'name'), { what: WHAT[r.lang][what], value: item.goal === '' ? '' : describeCell(item.goal) });
}

function checkKfTarget(indicator: Indicator, goals: GoalLookup, r: Reporter): void {
  const level = goals.levelOf(indicator.goal);
  if (level === 'namndmal' && present(indicator.kfArsmal)) {
    r.add('W_KF_TARGET_ON_NAMNDMAL', indicator.cells.kfArsmal, { value: describeCell(describeValue(indicator.kfArsmal, r.lang)), goal: describeCell(indicator.goal) });
  }
  // Only when the sheet has the column: a sheet without KF:s årsmål is not a sheet of missing values.
  if ((level === 'inriktningsmal' || level === 'verksamhetsomradesmal') && !present(indicator.kfArsmal) && indicator.cells.kfArsmal) {
    r.add('W_KF_TARGET_MISSING', indicator.cells.kfArsmal, { name: describeCell(indicator.name), goal: describeCell(indicator.goal) });
  }
}

const DIRECTION_TEXT: Record<Lang, { higher: string; lower: string }> = {
  sv: { higher: 'högre är bättre', lower: 'lägre är bättre' },
  en: { higher: 'higher is better', lower: 'lower is better' },
};

/**
 * I_TARGET_LOOSER_THAN_KF: `%` targets only, under the direction SPEC 5.3 resolves whatever its source
 * (Riktning, the targets' form, a name keyword or the default); band and exact targets have no "more ambitious".
 */
function checkLooserThanKf(indicator: Indicator, r: Reporter): void {
  const own = numeric(indicator.arsmal);
  const kf = numeric(indicator.kfArsmal);
  if (own === null || kf === null || unitOf(indicator.arsmal) !== '%' || unitOf(indicator.kfArsmal) !== '%') return;
  const direction = decideDirection(indicator, indicator.arsmal).sense;
  if (direction !== 'higher' && direction !== 'lower') return;
  const looser = direction === 'higher' ? own < kf : own > kf;
  if (!looser) return;
  r.add('I_TARGET_LOOSER_THAN_KF', cellOf(indicator, 'arsmal'), {
    value: describeCell(describeValue(indicator.arsmal, r.lang)),
    kf: describeCell(describeValue(indicator.kfArsmal, r.lang)),
    direction: DIRECTION_TEXT[r.lang][direction],
  });
}

const LEFT_TO_NAMND = /^tas fram av namnd/;
const BLANK_TEXT: Record<Lang, string> = { sv: 'tomt', en: 'blank' };

/** W_TARGET_LEFT_TO_NAMND: KF's target says `Tas fram av nämnd…` and the nämnd's årsmål is blank or pending (SPEC 4). */
function checkTargetLeftToNamnd(indicator: Indicator, r: Reporter): void {
  const { kfArsmal, arsmal } = indicator;
  if (kfArsmal.kind !== 'pending' || !LEFT_TO_NAMND.test(fold(kfArsmal.text))) return;
  if (arsmal.kind !== 'missing' && arsmal.kind !== 'pending') return;
  r.add('W_TARGET_LEFT_TO_NAMND', cellOf(indicator, 'arsmal', 'kfArsmal', 'name'), {
    kf: describeCell(kfArsmal.text),
    name: describeCell(indicator.name),
    value: arsmal.kind === 'pending' ? describeCell(arsmal.text) : BLANK_TEXT[r.lang],
  });
}

const FINE_PERIODICITIES = new Set(['tertial', 'kvartal', 'manad']);

function checkOutcomeMissing(indicator: Indicator, model: WorkbookModel, r: Reporter): void {
  const { period, document } = model.settings;
  // T1/T2 (SPEC 5.0: also `Jan-april 2024`); a model built without a document falls back to the tertial period.
  const partYear = document ? document === 't1' || document === 't2' : period?.kind === 'tertial' && (period.index === 1 || period.index === 2);
  if (!period || !partYear) return;
  if (!indicator.periodicity || !FINE_PERIODICITIES.has(indicator.periodicity)) return;
  if (present(indicator.outcome) || !indicator.cells.outcome) return;
  r.add('W_OUTCOME_MISSING', indicator.cells.outcome, {
    header: headerNameOf(indicator.cells, 'indicators', 'outcome', r.lang),
    name: describeCell(indicator.name),
    periodicity: PERIODICITY_TEXT[r.lang][indicator.periodicity],
    period: period.text,
  });
}


function checkGender(indicator: Indicator, r: Reporter): void {
  const menPresent = present(indicator.outcomeMen);
  const womenPresent = present(indicator.outcomeWomen);
  if (menPresent !== womenPresent) {
    const [has, lacks] = menPresent ? ['outcomeMen', 'outcomeWomen'] : ['outcomeWomen', 'outcomeMen'];
    const value = menPresent ? indicator.outcomeMen : indicator.outcomeWomen;
    r.add('W_GENDER_PARTIAL', cellOf(indicator, lacks, has), {
      present: describeCell(headerNameOf(indicator.cells, 'indicators', has, r.lang)),
      missing: describeCell(headerNameOf(indicator.cells, 'indicators', lacks, r.lang)),
      value: describeCell(describeValue(value, r.lang)),
    });
    return;
  }
  const total = indicator.outcome;
  const men = indicator.outcomeMen;
  const women = indicator.outcomeWomen;
  if (total.kind !== 'number' || men.kind !== 'number' || women.kind !== 'number') return;
  const expected = genderExpectation(total.value, men.value, women.value, total.unit === '%', r.lang);
  if (expected === null) return;
  r.add('W_GENDER_INCONSISTENT', cellOf(indicator, 'outcome'), {
    header: headerNameOf(indicator.cells, 'indicators', 'outcome', r.lang),
    value: describeCell(describeValue(total, r.lang)),
    men: describeCell(describeValue(men, r.lang)),
    women: describeCell(describeValue(women, r.lang)),
    expected,
  });
}

/**
 * Null when the total fits its halves, else what was expected. A total fits when it lies between the
 * halves (a share or an average, widened by half a unit of the coarsest shown decimal — SPEC 4's
 * 0,5 for whole percentages) or when the halves add up to it (counts ±1; for `%`, halves that are
 * shares of the whole, within the same rounding).
 */
function genderExpectation(total: number, men: number, women: number, percent: boolean, lang: Lang): string | null {
  const low = Math.min(men, women);
  const high = Math.max(men, women);
  if ((total >= low && total <= high) || Math.abs(men + women - total) < 1e-9) return null;
  const decimals = Math.min(decimalsOf(total), decimalsOf(men), decimalsOf(women));
  const rounding = percent ? 0.5 * Math.pow(10, -decimals) : 0;
  const sumTolerance = percent ? 3 * rounding : 1;
  const between = total >= low - rounding - 1e-9 && total <= high + rounding + 1e-9;
  const sums = Math.abs(men + women - total) <= sumTolerance + 1e-9;
  if (between || sums) return null;
  const f = (n: number): string => formatNumber(n, lang) + (percent ? ' %' : '');
  if (percent) {
    return lang === 'sv'
      ? `totalen borde ligga mellan ${f(low - rounding)} och ${f(high + rounding)}`
      : `the total should lie between ${f(low - rounding)} and ${f(high + rounding)}`;
  }
  return lang === 'sv'
    ? `män + kvinnor = ${f(men + women)}, eller totalen mellan ${f(low)} och ${f(high)} om det är ett medelvärde`
    : `men + women = ${f(men + women)}, or a total between ${f(low)} and ${f(high)} if it is an average`;
}

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

/** Whether an ISO date lies in a year after `year`. */
function afterYear(iso: string | null, year: number): boolean {
  return iso !== null && Number(iso.slice(0, 4)) > year;
}

function validateActivities(model: WorkbookModel, goals: GoalLookup, r: Reporter): void {
  const { planYear, period } = model.settings;
  for (const activity of model.activities) {
    checkReference(activity, model, goals, r, 'activity');
    if (activity.name === '') r.add('E_NAME_EMPTY', cellOf(activity, 'name', 'goal'), { what: WHAT[r.lang].activity, header: describeCell(headerNameOf(activity.cells, 'activities', 'name', r.lang)) });
    const { start, end } = activity;
    if (start && end && start > end) r.add('E_DATE_ORDER', cellOf(activity, 'start'), { start, end });
    if (planYear !== null) {
      const field = afterYear(start, planYear) ? 'start' : afterYear(end, planYear) ? 'end' : null;
      if (field) {
        r.add('W_DATE_OUTSIDE_YEAR', cellOf(activity, field), {
          header: headerNameOf(activity.cells, 'activities', field, r.lang),
          value: (field === 'start' ? start : end) as string,
          year: String(planYear),
        });
      }
    }
    if (activity.overdue && end && period) checkOverdue(activity, end, period, r);
  }
}

/** W_ACTIVITY_OVERDUE at the end date, naming the user's own Status and Avvikelse headers. */
function checkOverdue(activity: Activity, end: string, period: Period, r: Reporter): void {
  const header = (field: string): string => describeCell(headerNameOf(activity.cells, 'activities', field, r.lang));
  const hasStatusColumn = activity.cells.status !== undefined;
  r.add('W_ACTIVITY_OVERDUE', cellOf(activity, 'end', 'status'), {
    case: !hasStatusColumn ? 'noColumn' : activity.status === 'forsenad' ? 'forsenad' : 'other',
    explained: activity.deviation.trim() !== '' ? 'yes' : 'no',
    end,
    periodEnd: `${periodEnd(period) ?? ''} (${period.text})`,
    status: activity.status ? ACTIVITY_STATUS_TEXT[r.lang][activity.status] : NO_STATUS[r.lang],
    statusHeader: header('status'),
    deviation: header('deviation'),
  });
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/** Every SPEC 4 finding about the model's structure and consistency (assessment and finance findings come from their own modules). */
export function validateModel(model: WorkbookModel): Issue[] {
  const r = new Reporter(model.settings.lang);
  r.issues.push(...documentKindIssues(model));
  const index = new GoalIndex(model.goals);
  validateGoals(model, index, r);
  checkExpectedResults(model, r);
  const goalIssuesEnd = r.issues.length;
  const goals = new GoalLookup(index);
  validateIndicators(model, goals, r);
  validateActivities(model, goals, r);
  // W_GOAL_EMPTY is known only after the rows are checked, but is reported in its place after the other goal findings.
  const empty = checkEmptyGoals(model, index, r);
  if (empty.length === 0) return r.issues;
  return r.issues.slice(0, goalIssuesEnd).concat(empty, r.issues.slice(goalIssuesEnd));
}
