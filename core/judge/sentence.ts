// Writes the Underlag sentences (SPEC 5.6): per goal from status counts, and one per goal level, in Swedish or English.
import type { Judgements, Lang, Level, Status, StatusCounts } from '../types';

type Gender = 'en' | 'ett';
type Scored = 'helt' | 'delvis' | 'inte';
const SCORED: Scored[] = ['helt', 'delvis', 'inte'];

interface Noun {
  gender: Gender;
  sg: string; // indikator
  sgDef: string; // indikatorn
  pl: string; // indikatorer
  plDef: string; // indikatorerna
  enSg: string;
  enPl: string;
}

function neuter(word: string, enSg: string): Noun {
  return { gender: 'ett', sg: word, sgDef: word + 'et', pl: word, plDef: word + 'en', enSg, enPl: enSg + 's' };
}

/** Nouns a sentence can count: indicators and goals (generic or by level). */
export type NounKey = 'indikator' | 'mal' | Level;

const NOUNS: Record<NounKey, Noun> = {
  indikator: { gender: 'en', sg: 'indikator', sgDef: 'indikatorn', pl: 'indikatorer', plDef: 'indikatorerna', enSg: 'indicator', enPl: 'indicators' },
  mal: neuter('mål', 'goal'),
  inriktningsmal: neuter('inriktningsmål', 'strategic goal'),
  verksamhetsomradesmal: neuter('verksamhetsområdesmål', 'activity area goal'),
  namndmal: neuter('nämndmål', 'committee goal'),
  enhetsmal: neuter('enhetsmål', 'unit goal'),
};

/** Number words: SPEC 5.6 writes one to twelve as words and 13 and above as digits. */
export const SV_WORDS = ['noll', '', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];
const EN_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A count in words (en/ett by the noun's gender in Swedish), digits from 13. */
export function numberWord(n: number, lang: Lang, gender: Gender = 'en'): string {
  if (!Number.isInteger(n) || n < 0 || n > 12) return String(n);
  if (lang === 'en') return EN_WORDS[n];
  return n === 1 ? gender : SV_WORDS[n];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `a`, `a och b`, `a, b och c` (English: `a`, `a and b`, `a, b and c`). */
function joinList(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'en' ? ' and ' : ' och ';
  return items.slice(0, -1).join(', ') + and + items[items.length - 1];
}

const SV_PHRASE: Record<Scored, string> = { helt: 'uppfyllas helt', delvis: 'uppfyllas delvis', inte: 'inte uppfyllas' };
const EN_PHRASE: Record<Scored, string> = { helt: 'fully met', delvis: 'partly met', inte: 'not met' };

interface Tally {
  scored: { status: Scored; n: number }[]; // non-zero scored counts in helt, delvis, inte order
  unassessed: number; // all without a judgement: pending + yearEnd
  /** Without a judgement because they are measured only at the year's end (annual indicators in T1/T2). */
  yearEnd: number;
  /** Scored by the nämnd's stated Bedömning. */
  stated: number;
  total: number;
}

function tally(counts: Partial<StatusCounts>): Tally {
  const scored = SCORED.map((status) => ({ status, n: counts[status] ?? 0 })).filter((c) => c.n > 0);
  const unassessed = (counts.ej_bedomd ?? 0) + (counts.ej_matt ?? 0);
  const total = scored.reduce((sum, c) => sum + c.n, 0) + unassessed;
  return { scored, unassessed, yearEnd: 0, stated: 0, total };
}

function tallyJudgements(j: Judgements): Tally {
  const scored = SCORED.map((status) => ({ status, n: j[status] })).filter((c) => c.n > 0);
  const unassessed = j.pending + j.yearEnd;
  const total = j.helt + j.delvis + j.inte + unassessed;
  return { scored, unassessed, yearEnd: j.yearEnd, stated: j.stated, total };
}

/** Swedish "bedöms uppfyllas helt" / main clause "bedöms inte uppfyllas" / att-clause "inte bedöms uppfyllas". */
function svVerb(status: Scored, subordinate: boolean): string {
  if (status !== 'inte') return 'bedöms ' + SV_PHRASE[status];
  return subordinate ? 'inte bedöms uppfyllas' : 'bedöms inte uppfyllas';
}

function svSentence(t: Tally, noun: Noun, lead: boolean): string {
  const w = (n: number) => numberWord(n, 'sv', noun.gender);
  if (t.scored.length === 0) return svUnjudgedOnly(t, noun);
  if (t.scored.length === 1 && t.unassessed === 0) {
    const verb = svVerb(t.scored[0].status, false);
    const all = t.stated === t.total ? ' enligt nämndens bedömning' : '';
    const some = t.stated > 0 && t.stated < t.total ? `, varav ${w(t.stated)} enligt nämndens bedömning` : '';
    if (t.total === 1) return `${capitalise(noun.sgDef)} ${verb}${all}.`;
    if (t.total === 2) return `Båda ${noun.plDef} ${verb}${all}${some}.`;
    return `Samtliga ${w(t.total)} ${noun.pl} ${verb}${all}${some}.`;
  }
  const [first, ...rest] = t.scored;
  const head = `${w(first.n)} av ${w(t.total)} ${noun.pl} ${svVerb(first.status, lead)}`;
  const items = [head, ...rest.map((c) => `${w(c.n)} ${c.status}`)];
  const scoredTotal = t.total - t.unassessed;
  const stated = t.stated === 0 ? '' : t.stated === scoredTotal ? ', samtliga enligt nämndens bedömning' : `, varav ${w(t.stated)} enligt nämndens bedömning`;
  const main = lead ? `Bedömningen grundar sig på att ${joinList(items, 'sv')}${stated}.` : `${capitalise(joinList(items, 'sv'))}${stated}.`;
  if (t.unassessed === 0) return main;
  return `${main} ${svUnjudgedTail(t, noun)}`;
}

/** "En indikator mäts först vid årets slut och två kan inte bedömas än." (the unjudged after the judged). */
function svUnjudgedTail(t: Tally, noun: Noun): string {
  const w = (n: number) => numberWord(n, 'sv', noun.gender);
  const pending = t.unassessed - t.yearEnd;
  const nounOf = (n: number) => (n === 1 ? noun.sg : noun.pl);
  if (t.yearEnd === 0) return `${capitalise(w(pending))} ${nounOf(pending)} kan inte bedömas än.`;
  if (pending === 0) return `${capitalise(w(t.yearEnd))} ${nounOf(t.yearEnd)} mäts först vid årets slut.`;
  return `${capitalise(w(t.yearEnd))} ${nounOf(t.yearEnd)} mäts först vid årets slut och ${w(pending)} kan inte bedömas än.`;
}

/** Nothing judged: why, for the whole group. */
function svUnjudgedOnly(t: Tally, noun: Noun): string {
  const w = (n: number) => numberWord(n, 'sv', noun.gender);
  if (t.yearEnd === t.total) {
    if (t.total === 1) return `${capitalise(noun.sgDef)} mäts först vid årets slut.`;
    if (t.total === 2) return `Båda ${noun.plDef} mäts först vid årets slut.`;
    return `Samtliga ${w(t.total)} ${noun.pl} mäts först vid årets slut.`;
  }
  if (t.yearEnd === 0) {
    if (t.total === 1) return `${capitalise(noun.sgDef)} kan inte bedömas än.`;
    return `${noun.gender === 'ett' ? 'Inget' : 'Ingen'} av de ${w(t.total)} ${noun.plDef} kan bedömas än.`;
  }
  return svUnjudgedTail(t, noun);
}

function enSentence(t: Tally, noun: Noun): string {
  const w = (n: number) => numberWord(n, 'en');
  if (t.scored.length === 0) return enUnjudgedOnly(t, noun);
  if (t.scored.length === 1 && t.unassessed === 0) {
    const phrase = EN_PHRASE[t.scored[0].status];
    const all = t.stated === t.total ? ' as stated by the committee' : '';
    const some = t.stated > 0 && t.stated < t.total ? `, ${w(t.stated)} of them as stated by the committee` : '';
    if (t.total === 1) return `The ${noun.enSg} is assessed as ${phrase}${all}.`;
    if (t.total === 2) return `Both ${noun.enPl} are assessed as ${phrase}${all}${some}.`;
    return `All ${w(t.total)} ${noun.enPl} are assessed as ${phrase}${all}${some}.`;
  }
  const [first, ...rest] = t.scored;
  const verb = first.n === 1 ? 'is' : 'are';
  const head = `${capitalise(w(first.n))} of ${w(t.total)} ${noun.enPl} ${verb} assessed as ${EN_PHRASE[first.status]}`;
  const scoredTotal = t.total - t.unassessed;
  const stated = t.stated === 0 ? '' : t.stated === scoredTotal ? ', all as stated by the committee' : `, ${w(t.stated)} of them as stated by the committee`;
  const main = `${joinList([head, ...rest.map((c) => `${w(c.n)} as ${EN_PHRASE[c.status]}`)], 'en')}${stated}.`;
  if (t.unassessed === 0) return main;
  return `${main} ${enUnjudgedTail(t, noun)}`;
}

function enUnjudgedTail(t: Tally, noun: Noun): string {
  const w = (n: number) => numberWord(n, 'en');
  const pending = t.unassessed - t.yearEnd;
  const nounOf = (n: number) => (n === 1 ? noun.enSg : noun.enPl);
  const verb = (n: number) => (n === 1 ? 'is' : 'are');
  if (t.yearEnd === 0) return `${capitalise(w(pending))} ${nounOf(pending)} cannot be assessed yet.`;
  if (pending === 0) return `${capitalise(w(t.yearEnd))} ${nounOf(t.yearEnd)} ${verb(t.yearEnd)} measured only at the end of the year.`;
  return `${capitalise(w(t.yearEnd))} ${nounOf(t.yearEnd)} ${verb(t.yearEnd)} measured only at the end of the year and ${w(pending)} cannot be assessed yet.`;
}

function enUnjudgedOnly(t: Tally, noun: Noun): string {
  const w = (n: number) => numberWord(n, 'en');
  if (t.yearEnd === t.total) {
    if (t.total === 1) return `The ${noun.enSg} is measured only at the end of the year.`;
    if (t.total === 2) return `Both ${noun.enPl} are measured only at the end of the year.`;
    return `All ${w(t.total)} ${noun.enPl} are measured only at the end of the year.`;
  }
  if (t.yearEnd === 0) {
    if (t.total === 1) return `The ${noun.enSg} cannot be assessed yet.`;
    if (t.total === 2) return `Neither ${noun.enSg} can be assessed yet.`;
    return `None of the ${w(t.total)} ${noun.enPl} can be assessed yet.`;
  }
  return enUnjudgedTail(t, noun);
}

/**
 * The sentence for a set of counts, noun chosen by key. `lead` opens a mixed Swedish result with
 * "Bedömningen grundar sig på att …" (the first sentence of an Underlag); English has no lead.
 * Empty text when there is nothing to count.
 */
export function countsSentence(counts: Partial<StatusCounts>, noun: NounKey, lang: Lang, lead = true): string {
  const t = tally(counts);
  if (t.total === 0) return '';
  return lang === 'en' ? enSentence(t, NOUNS[noun]) : svSentence(t, NOUNS[noun], lead);
}

/**
 * SPEC 5.6 sentence about a goal's own indicators by their judgements: stated ones named as the
 * nämnd's ("varav två enligt nämndens bedömning"), the unjudged by why. Empty when there are none.
 */
export function judgementSentence(judgements: Judgements, lang: Lang, lead = true): string {
  const t = tallyJudgements(judgements);
  if (t.total === 0) return '';
  return lang === 'en' ? enSentence(t, NOUNS.indikator) : svSentence(t, NOUNS.indikator, lead);
}

/** SPEC 5.6 sentence about a goal's indicators (`indikator`) or goals (`mal`). */
export function goalSentence(counts: Partial<StatusCounts>, noun: 'indikator' | 'mal', lang: Lang): string {
  return countsSentence(counts, noun, lang, true);
}

/** Counts of a list of statuses. */
export function countStatuses(statuses: Iterable<Status>): StatusCounts {
  const counts: StatusCounts = { helt: 0, delvis: 0, inte: 0, ej_bedomd: 0, ej_matt: 0 };
  for (const status of statuses) counts[status]++;
  return counts;
}

const LEVEL_SV: Record<Level, string> = {
  inriktningsmal: 'inriktningsmålen',
  verksamhetsomradesmal: 'målen för verksamhetsområdena',
  namndmal: 'nämndmålen',
  enhetsmal: 'enhetsmålen',
};
const LEVEL_EN: Record<Level, string> = {
  inriktningsmal: 'strategic goals',
  verksamhetsomradesmal: 'goals for the areas of activity',
  namndmal: 'committee goals',
  enhetsmal: 'unit goals',
};

/**
 * One sentence per goal level for the summary, e.g. "Av målen för verksamhetsområdena bedöms tretton
 * uppfyllas helt och tre delvis." `byProposal` of the scored ones are Målkoll's proposals standing in for
 * a missing stated assessment, and the sentence says so (SPEC 6: "… varav ett enligt Målkolls förslag").
 */
export function levelSentence(level: Level, statuses: Status[], lang: Lang, byProposal = 0): string {
  const t = tally(countStatuses(statuses));
  if (t.total === 0) return '';
  return lang === 'en' ? enLevelSentence(t, LEVEL_EN[level], byProposal) : svLevelSentence(t, LEVEL_SV[level], byProposal);
}

function svLevelSentence(t: Tally, goals: string, byProposal: number): string {
  const w = (n: number) => numberWord(n, 'sv', 'ett');
  if (t.scored.length === 0) return `Inget av ${goals} kan bedömas än.`;
  const [first, ...rest] = t.scored;
  const head = first.status === 'inte' ? `${w(first.n)} inte uppfyllas` : `${w(first.n)} ${SV_PHRASE[first.status]}`;
  const proposals = byProposal > 0 ? `, varav ${w(byProposal)} enligt Målkolls förslag` : '';
  const main = `Av ${goals} bedöms ${joinList([head, ...rest.map((c) => `${w(c.n)} ${c.status}`)], 'sv')}${proposals}.`;
  return t.unassessed === 0 ? main : `${main} ${capitalise(w(t.unassessed))} kan inte bedömas än.`;
}

function enLevelSentence(t: Tally, goals: string, byProposal: number): string {
  const w = (n: number) => numberWord(n, 'en');
  if (t.scored.length === 0) return `None of the ${goals} can be assessed yet.`;
  const [first, ...rest] = t.scored;
  const head = `${w(first.n)} ${first.n === 1 ? 'is' : 'are'} assessed as ${EN_PHRASE[first.status]}`;
  const proposals = byProposal > 0 ? `, ${w(byProposal)} of them by Målkoll's proposal` : '';
  const main = `Of the ${goals}, ${joinList([head, ...rest.map((c) => `${w(c.n)} as ${EN_PHRASE[c.status]}`)], 'en')}${proposals}.`;
  return t.unassessed === 0 ? main : `${main} ${capitalise(w(t.unassessed))} cannot be assessed yet.`;
}

/**
 * The sentence for a goal judged on its activities alone (SPEC 5.5's fallback), so that Underlag
 * explains the proposal: "Samtliga fem aktiviteter bedöms genomföras enligt plan." / "En av fem
 * aktiviteter är försenad, avbruten eller inte klar i tid."
 */
export function activitySentence(total: number, troubled: number, lang: Lang): string {
  if (total === 0) return '';
  if (lang === 'en') {
    if (troubled === 0) {
      if (total === 1) return 'The activity is on track.';
      return total === 2 ? 'Both activities are on track.' : `All ${numberWord(total, lang)} activities are on track.`;
    }
    if (total === 1) return 'The activity is delayed, cancelled or overdue.';
    const verb = troubled === 1 ? 'is' : 'are';
    return `${capitalise(numberWord(troubled, lang))} of ${numberWord(total, lang)} activities ${verb} delayed, cancelled or overdue.`;
  }
  if (troubled === 0) {
    if (total === 1) return 'Aktiviteten bedöms genomföras enligt plan.';
    return total === 2 ? 'Båda aktiviteterna bedöms genomföras enligt plan.' : `Samtliga ${numberWord(total, lang)} aktiviteter bedöms genomföras enligt plan.`;
  }
  if (total === 1) return 'Aktiviteten är försenad, avbruten eller inte klar i tid.';
  const state = troubled === 1 ? 'försenad, avbruten eller inte klar i tid' : 'försenade, avbrutna eller inte klara i tid';
  return `${capitalise(numberWord(troubled, lang))} av ${numberWord(total, lang)} aktiviteter är ${state}.`;
}

/** What a plan holds for one goal (SPEC 5.0's plan-shaped summary). */
export interface PlanContents {
  indicators: number;
  targetsSet: number;
  pending: number;
  subGoals: number;
  subGoalNoun: NounKey;
  activities: number;
}

/**
 * The Underlag of a goal in a plan, which judges nothing: what the goal holds. "Målet har tre
 * indikatorer (två med årsmål och en där årsmålet inte är fastställt än), två nämndmål och sex aktiviteter."
 */
export function planSentence(c: PlanContents, lang: Lang): string {
  const en = lang === 'en';
  const w = (n: number, gender: Gender = 'en') => numberWord(n, lang, gender);
  const parts: string[] = [];
  if (c.indicators > 0) {
    const noun = c.indicators === 1 ? (en ? 'indicator' : 'indikator') : en ? 'indicators' : 'indikatorer';
    parts.push(`${w(c.indicators)} ${noun} (${targetsText(c, lang)})`);
  }
  if (c.subGoals > 0) {
    const noun = NOUNS[c.subGoalNoun];
    parts.push(`${w(c.subGoals, noun.gender)} ${en ? (c.subGoals === 1 ? noun.enSg : noun.enPl) : c.subGoals === 1 ? noun.sg : noun.pl}`);
  }
  if (c.activities > 0) {
    parts.push(`${w(c.activities)} ${c.activities === 1 ? (en ? 'activity' : 'aktivitet') : en ? 'activities' : 'aktiviteter'}`);
  }
  if (parts.length === 0) return en ? 'The goal has no indicators, sub-goals or activities.' : 'Målet har inga indikatorer, undermål eller aktiviteter.';
  return en ? `The goal has ${joinList(parts, 'en')}.` : `Målet har ${joinList(parts, 'sv')}.`;
}

function targetsText(c: PlanContents, lang: Lang): string {
  const en = lang === 'en';
  const w = (n: number) => numberWord(n, lang);
  const missing = c.indicators - c.targetsSet - c.pending;
  if (c.targetsSet === c.indicators) {
    if (c.indicators === 1) return en ? 'with a target' : 'med årsmål';
    return c.indicators === 2 ? (en ? 'both with a target' : 'båda med årsmål') : en ? 'all with a target' : 'samtliga med årsmål';
  }
  const items: string[] = [];
  if (c.targetsSet > 0) items.push(en ? `${w(c.targetsSet)} with a target` : `${w(c.targetsSet)} med årsmål`);
  if (c.pending > 0) items.push(en ? `${w(c.pending)} whose target is not set yet` : `${w(c.pending)} där årsmålet inte är fastställt än`);
  if (missing > 0) items.push(en ? `${w(missing)} without a target` : `${w(missing)} utan årsmål`);
  return joinList(items, lang);
}
