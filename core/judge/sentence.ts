// Writes the Underlag sentences (SPEC 5.6): per goal from status counts, and one per goal level, in Swedish or English.
import type { Lang, Level, Status, StatusCounts } from '../types';

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

/**
 * Number words. SPEC 5.6 asks for words from one to twelve, yet its own level example writes
 * "tretton": every sentence here uses words up to twenty and digits above, consistently.
 */
const SV_WORDS = ['noll', '', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv',
  'tretton', 'fjorton', 'femton', 'sexton', 'sjutton', 'arton', 'nitton', 'tjugo'];
const EN_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** A count in words (en/ett by the noun's gender in Swedish), digits above twenty. */
export function numberWord(n: number, lang: Lang, gender: Gender = 'en'): string {
  if (!Number.isInteger(n) || n < 0 || n > 20) return String(n);
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
  unassessed: number; // ej_bedomd + ej_matt
  total: number;
}

function tally(counts: Partial<StatusCounts>): Tally {
  const scored = SCORED.map((status) => ({ status, n: counts[status] ?? 0 })).filter((c) => c.n > 0);
  const unassessed = (counts.ej_bedomd ?? 0) + (counts.ej_matt ?? 0);
  const total = scored.reduce((sum, c) => sum + c.n, 0) + unassessed;
  return { scored, unassessed, total };
}

/** Swedish "bedöms uppfyllas helt" / main clause "bedöms inte uppfyllas" / att-clause "inte bedöms uppfyllas". */
function svVerb(status: Scored, subordinate: boolean): string {
  if (status !== 'inte') return 'bedöms ' + SV_PHRASE[status];
  return subordinate ? 'inte bedöms uppfyllas' : 'bedöms inte uppfyllas';
}

function svSentence(t: Tally, noun: Noun, lead: boolean): string {
  const w = (n: number) => numberWord(n, 'sv', noun.gender);
  if (t.scored.length === 0) {
    if (t.total === 1) return `${capitalise(noun.sgDef)} kan inte bedömas än.`;
    return `${noun.gender === 'ett' ? 'Inget' : 'Ingen'} av de ${w(t.total)} ${noun.plDef} kan bedömas än.`;
  }
  if (t.scored.length === 1 && t.unassessed === 0) {
    const verb = svVerb(t.scored[0].status, false);
    if (t.total === 1) return `${capitalise(noun.sgDef)} ${verb}.`;
    if (t.total === 2) return `Båda ${noun.plDef} ${verb}.`;
    return `Samtliga ${w(t.total)} ${noun.pl} ${verb}.`;
  }
  const [first, ...rest] = t.scored;
  const head = `${w(first.n)} av ${w(t.total)} ${noun.pl} ${svVerb(first.status, lead)}`;
  const items = [head, ...rest.map((c) => `${w(c.n)} ${c.status}`)];
  const main = lead ? `Bedömningen grundar sig på att ${joinList(items, 'sv')}.` : `${capitalise(joinList(items, 'sv'))}.`;
  if (t.unassessed === 0) return main;
  const u = t.unassessed;
  return `${main} ${capitalise(w(u))} ${u === 1 ? noun.sg : noun.pl} kan inte bedömas än.`;
}

function enSentence(t: Tally, noun: Noun): string {
  const w = (n: number) => numberWord(n, 'en');
  if (t.scored.length === 0) {
    if (t.total === 1) return `The ${noun.enSg} cannot be assessed yet.`;
    if (t.total === 2) return `Neither ${noun.enSg} can be assessed yet.`;
    return `None of the ${w(t.total)} ${noun.enPl} can be assessed yet.`;
  }
  if (t.scored.length === 1 && t.unassessed === 0) {
    const phrase = EN_PHRASE[t.scored[0].status];
    if (t.total === 1) return `The ${noun.enSg} is assessed as ${phrase}.`;
    if (t.total === 2) return `Both ${noun.enPl} are assessed as ${phrase}.`;
    return `All ${w(t.total)} ${noun.enPl} are assessed as ${phrase}.`;
  }
  const [first, ...rest] = t.scored;
  const verb = first.n === 1 ? 'is' : 'are';
  const head = `${capitalise(w(first.n))} of ${w(t.total)} ${noun.enPl} ${verb} assessed as ${EN_PHRASE[first.status]}`;
  const main = `${joinList([head, ...rest.map((c) => `${w(c.n)} as ${EN_PHRASE[c.status]}`)], 'en')}.`;
  if (t.unassessed === 0) return main;
  const u = t.unassessed;
  return `${main} ${capitalise(w(u))} ${u === 1 ? noun.enSg : noun.enPl} cannot be assessed yet.`;
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
