// Checks a goal's written narrative against its data (SPEC 4): W_ANALYSIS_MISSING, W_ANALYSIS_COUNTS (the counts a Swedish Analys states) and W_ACTIONS_MISSING.
import { issueAt } from '../common/issues';
import { STATUS_TEXT } from '../common/status';
import { fold, foldLetters, isLatin1 } from '../common/text';
import { SV_WORDS } from './sentence';
import type { Assessment, Goal, GoalResult, IndicatorResult, Issue, Lang, Level, Status } from '../types';
import { ownEntry } from '../common/lookup';

// ---------------------------------------------------------------------------------------------
// Reading the counts an analysis states
// ---------------------------------------------------------------------------------------------

/** What a count is about: the goal's own indicators, or its sub-goals of one level. */
export type CountedNoun = 'indikator' | Level;

/** Judgements counted over a goal's indicators or sub-goals; `none` = without a judgement (ej bedömd, ej mätt). */
export interface JudgementCounts {
  helt: number;
  delvis: number;
  inte: number;
  none: number;
}

/** One group of a claim: "tre … helt", "två delvis", "en … inte", or all of them ("samtliga", "båda"). */
interface ClaimGroup {
  count: number | 'all';
  /** null when the text says nothing we read as a judgement. */
  status: Assessment | 'none' | null;
}

/** The counts one sentence of an Analys states about one noun, e.g. "tre av sex indikatorer bedöms uppfyllas helt och två delvis". */
export interface CountClaim {
  noun: CountedNoun;
  /** The number of them the text implies ("av sex", "samtliga sex", "båda" = 2, "indikatorn" = 1); null when it does not say. */
  total: number | null;
  groups: ClaimGroup[];
  /** The sentence, as written, for the message. */
  sentence: string;
}

/**
 * Number words as an analysis writes them, folded: the words Målkoll's own sentences use (sentence.ts) plus
 * "en/ett/ena" for one and thirteen to twenty, which people also write out.
 */
const NUMBER_WORDS: Record<string, number> = {
  ...Object.fromEntries(SV_WORDS.map((word, n) => [fold(word), n]).filter(([word, n]) => word !== '' && n !== 0)),
  en: 1, ett: 1, ena: 1,
  tretton: 13, fjorton: 14, femton: 15, sexton: 16, sjutton: 17, arton: 18, nitton: 19, tjugo: 20,
};

type NounForm = 'indefinite' | 'definiteSingular' | 'definitePlural';

/** Folded noun forms: indikator/indikatorer, indikatorn, indikatorerna; nämndmål, nämndmålet, nämndmålen, … */
const NOUN_FORMS = new Map<string, { noun: CountedNoun; form: NounForm }>();
NOUN_FORMS.set('indikator', { noun: 'indikator', form: 'indefinite' });
NOUN_FORMS.set('indikatorer', { noun: 'indikator', form: 'indefinite' });
NOUN_FORMS.set('indikatorn', { noun: 'indikator', form: 'definiteSingular' });
NOUN_FORMS.set('indikatorerna', { noun: 'indikator', form: 'definitePlural' });
const GOAL_NOUNS: Record<string, Level> = {
  inriktningsmal: 'inriktningsmal', verksamhetsomradesmal: 'verksamhetsomradesmal', namndmal: 'namndmal', enhetsmal: 'enhetsmal',
};
for (const [stem, level] of Object.entries(GOAL_NOUNS)) {
  NOUN_FORMS.set(stem, { noun: level, form: 'indefinite' });
  NOUN_FORMS.set(stem + 'et', { noun: level, form: 'definiteSingular' });
  NOUN_FORMS.set(stem + 'en', { noun: level, form: 'definitePlural' });
}

const SHORTEST_NOUN = Math.min(...[...NOUN_FORMS.keys()].map((form) => form.length));

/** Words after `inte`/`ej` that say there is no judgement yet ("kan inte bedömas", "ej mätt"), folded. */
const NO_JUDGEMENT = new Set(['bedomas', 'bedomd', 'bedomda', 'matas', 'mats', 'matt', 'matta']);

/** Verbs that say "is met" without helt/delvis ("de två indikatorerna uppnås", "har uppnåtts"): read as helt. */
const MET_VERB = /^(uppfylls|uppfyllas|uppfyllts|uppnas|uppnatts|uppnadd|nas|natts|uppfyllda|uppnadda)$/;

/** The longest number word, and the first letters of them all: a cheap test before the lookup, which hashes the word. */
const LONGEST_NUMBER_WORD = Math.max(...Object.keys(NUMBER_WORDS).map((word) => word.length));
const NUMBER_INITIALS = new Set(Object.keys(NUMBER_WORDS).map((word) => word.charCodeAt(0)));

function numberOf(token: string | undefined): number | null {
  if (token === undefined || token.length === 0) return null;
  if (isDigits(token)) return Number(token);
  if (token.length > LONGEST_NUMBER_WORD || !NUMBER_INITIALS.has(token.charCodeAt(0))) return null;
  return ownEntry(NUMBER_WORDS, token) ?? null;
}

function isDigits(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return token.length > 0;
}

/** Where an analysis breaks into sentences: after . ! ? ; : and the spaces that follow, and at line breaks. */
const SENTENCE_BREAK = /(?<=[.!?;:])\s+|\n+/g;

/** The folded words in [from, to) of folded text: its runs of a–z and digits (as `split(/[^a-z0-9]+/)` without empty ones). */
function tokensOf(folded: string, from = 0, to = folded.length): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    const c = i < to ? folded.charCodeAt(i) : 0;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(folded.slice(start, i));
      start = -1;
    }
  }
  return tokens;
}

/** Every noun a claim counts contains one of these (indikator…, …mal…): a sentence without them states no count. */
const COUNTED_STEMS = ['indikator', 'mal'];

/**
 * The quantifier before a noun at `k`: "tre av sex", "tre av kommunfullmäktiges sex", "fyra av
 * kommunfullmäktiges", "samtliga (tre)", "alla (tre)", "(de) båda", "de fem", a bare "två", or the
 * noun's definite form alone ("indikatorn" = one, "indikatorerna" = all of them).
 */
function quantifierBefore(tokens: string[], k: number, form: NounForm): { count: number | 'all'; total: number | null } | null {
  const prev = tokens[k - 1];
  const n = numberOf(prev);
  // "M av [genitive] [N] noun"
  for (let back = 1; back <= 3; back++) {
    if (tokens[k - back] !== 'av') continue;
    const m = numberOf(tokens[k - back - 1]);
    if (m === null) break;
    const between = tokens.slice(k - back + 1, k);
    const total = between.length > 0 ? numberOf(between[between.length - 1]) : null;
    // Only genitives or a number may stand between "av" and the noun.
    if (between.every((t, i) => (i === between.length - 1 && total !== null) || t.endsWith('s'))) return { count: m, total };
  }
  if (prev === 'samtliga' || prev === 'alla') return { count: 'all', total: null };
  if (n !== null && (tokens[k - 2] === 'samtliga' || tokens[k - 2] === 'alla')) return { count: 'all', total: n };
  if (prev === 'bada') return { count: 'all', total: 2 };
  if (n !== null && tokens[k - 2] === 'de' && form === 'definitePlural') return { count: 'all', total: n };
  if (n !== null && form === 'indefinite') return { count: n, total: null };
  if (form === 'definiteSingular') return { count: 'all', total: 1 };
  if (form === 'definitePlural') return { count: 'all', total: null };
  return null;
}

/** The judgement words from `start` until the next quantified noun or count: helt, delvis, inte, "kan inte bedömas", a "met" verb. */
function statusFrom(tokens: string[], start: number, end: number): Assessment | 'none' | null {
  let met = false;
  for (let i = start; i < end; i++) {
    const t = tokens[i];
    if (t === 'helt') return 'helt';
    if (t === 'delvis') return 'delvis';
    if (t === 'inte' || t === 'ej') {
      // "kan inte bedömas (än)" is no judgement; "bedöms inte uppfyllas", "uppnås inte" is inte.
      const around = tokens.slice(Math.max(start, i - 1), i + 3);
      if (around.some((w) => NO_JUDGEMENT.has(w))) return 'none';
      return 'inte';
    }
    if (MET_VERB.test(t)) met = true;
  }
  return met ? 'helt' : null;
}

/**
 * Every count an analysis states about indicators or goals of a level, one claim per noun and sentence.
 * Latin-1 text (all Swedish text) is read in one pass over its lower-cased copy: sentence breaks found
 * as SENTENCE_BREAK finds them, words as the folded text's runs of a–z and digits, and only a word with
 * a diacritic folded on its own (Analys texts run to pages, and folding them whole cost a copy; SPEC 9).
 */
export function readCountClaims(analysis: string): CountClaim[] {
  if (!isLatin1(analysis)) return readCountClaimsGeneral(analysis);
  const lower = analysis.toLowerCase(); // Latin-1 lower-cases one letter for one: positions stay
  const claims: CountClaim[] = [];
  let tokens: string[] = [];
  let sentenceStart = 0;
  let wordStart = -1;
  let plainWord = true;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0;
    const letter = WORD_LETTER[c];
    if (letter !== 0 && i < lower.length) {
      if (wordStart < 0) {
        wordStart = i;
        plainWord = true;
      }
      if (letter !== c) plainWord = false;
      continue;
    }
    if (wordStart >= 0) {
      tokens.push(plainWord ? lower.slice(wordStart, i) : foldedWord(lower, wordStart, i));
      wordStart = -1;
    }
    const atEnd = i === lower.length;
    const breakEnd = atEnd ? i : sentenceBreakAt(lower, i);
    if (breakEnd < 0) continue;
    const sentence = analysis.slice(sentenceStart, i).trim();
    if (sentence !== '' && tokens.length > 0) addSentenceClaims(tokens, sentence, claims);
    if (atEnd) break;
    tokens = [];
    sentenceStart = breakEnd;
    i = breakEnd - 1; // the loop's i++ resumes at the break's end
  }
  return claims;
}

/** Per Latin-1 code, lower-cased: the letter or digit it folds to when it is part of a word (a–z, 0–9), else 0. */
const WORD_LETTER = (() => {
  const table = new Uint8Array(256);
  for (let code = 0; code < 256; code++) {
    const folded = fold(String.fromCharCode(code));
    if (/^[a-z0-9]$/.test(folded)) table[code] = folded.charCodeAt(0);
  }
  return table;
})();

/** The one-letter strings of WORD_LETTER's letters, by code: a folded word is put together from them. */
const LETTER_TEXT = Array.from(WORD_LETTER, (letter) => String.fromCharCode(letter));

/** A word of lower-cased Latin-1 text with diacritics, folded letter by letter (a regex replace per word cost more). */
function foldedWord(lower: string, start: number, end: number): string {
  let word = '';
  for (let i = start; i < end; i++) word += LETTER_TEXT[lower.charCodeAt(i)];
  return word;
}

/** Per Latin-1 code: whitespace as `\s` matches it. */
const SPACE = (() => {
  const table = new Uint8Array(256);
  for (let code = 0; code < 256; code++) if (/\s/.test(String.fromCharCode(code))) table[code] = 1;
  return table;
})();

const LINE_FEED = 10;
const ENDS_SENTENCE = new Set(['.', '!', '?', ';', ':'].map((char) => char.charCodeAt(0)));

/**
 * Where a SENTENCE_BREAK match starting at `i` ends, or -1 when none starts there: spaces after . ! ? ; :
 * (the first alternative, tried first), else a run of line feeds. For Latin-1 text.
 */
function sentenceBreakAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (i > 0 && SPACE[c] === 1 && ENDS_SENTENCE.has(text.charCodeAt(i - 1))) {
    let end = i + 1;
    while (end < text.length && SPACE[text.charCodeAt(end)] === 1) end++;
    return end;
  }
  if (c !== LINE_FEED) return -1;
  let end = i + 1;
  while (end < text.length && text.charCodeAt(end) === LINE_FEED) end++;
  return end;
}

/**
 * readCountClaims sentence by sentence, each folded on its own: for text outside Latin-1, and the
 * definition the positional reader above is tested against.
 */
export function readCountClaimsGeneral(analysis: string): CountClaim[] {
  const claims: CountClaim[] = [];
  for (const piece of analysis.split(SENTENCE_BREAK)) {
    const sentence = piece.trim();
    if (sentence === '') continue;
    const folded = fold(sentence);
    if (COUNTED_STEMS.some((stem) => folded.includes(stem))) addSentenceClaims(tokensOf(folded), sentence, claims);
  }
  return claims;
}

/**
 * Adds the claims of one sentence, from its folded words, to `claims`: one per noun, with a group per
 * start (a quantified noun, or a bare count after a judgement: "… helt och två delvis") running to the
 * next start. Read in one pass without lists of starts or maps: sentences are read by the thousand.
 */
function addSentenceClaims(tokens: string[], sentence: string, claims: CountClaim[]): void {
  const first = claims.length;
  let lastNoun: CountedNoun | null = null;
  let open: GroupStart | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    // Every noun form is at least "indikator" long: shorter words skip the hash lookup (most words are shorter).
    const noun = token.length >= SHORTEST_NOUN ? NOUN_FORMS.get(token) : undefined;
    let next: GroupStart | null = null;
    if (noun) {
      const q = quantifierBefore(tokens, k, noun.form);
      if (!q) continue;
      next = { bodyFrom: k + 1, noun: noun.noun, count: q.count, total: q.total, bare: false };
      lastNoun = noun.noun;
    } else {
      if (lastNoun === null) continue;
      const before = tokens[k - 1];
      if (before !== 'och' && before !== 'samt' && before !== 'att') continue;
      const n = numberOf(token);
      const after = tokens[k + 1];
      if (n === null || (after !== undefined && (NOUN_FORMS.has(after) || after === 'av' || NOUN_FORMS.has(tokens[k + 2] ?? '')))) continue;
      next = { bodyFrom: k + 1, noun: lastNoun, count: n, total: null, bare: true };
    }
    if (open) addGroup(open, statusFrom(tokens, open.bodyFrom, k), sentence, claims, first);
    open = next;
  }
  if (open) addGroup(open, statusFrom(tokens, open.bodyFrom, tokens.length), sentence, claims, first);
}

/** Where a group of a claim starts: its noun, its count and the total it implies, and the word its judgement may follow from. */
interface GroupStart {
  bodyFrom: number;
  noun: CountedNoun;
  count: number | 'all';
  total: number | null;
  bare: boolean;
}

/** A group into its noun's claim of this sentence (the claims from `first` on), the claim made when it is the noun's first. */
function addGroup(start: GroupStart, status: Assessment | 'none' | null, sentence: string, claims: CountClaim[], first: number): void {
  // A bare number with no judgement after it ("samt att en översyn görs") is no count.
  if (start.bare && status === null) return;
  let claim: CountClaim | undefined;
  for (let i = first; i < claims.length && !claim; i++) if (claims[i].noun === start.noun) claim = claims[i];
  if (!claim) claims.push((claim = { noun: start.noun, total: null, groups: [], sentence }));
  if (start.total !== null) claim.total = start.total;
  claim.groups.push({ count: start.count, status });
}

// ---------------------------------------------------------------------------------------------
// Comparing a claim with the counts
// ---------------------------------------------------------------------------------------------

function totalOf(counts: JudgementCounts): number {
  return counts.helt + counts.delvis + counts.inte + counts.none;
}

/**
 * Whether a claim contradicts the counts. The number stated ("av sex", "samtliga tre", "båda",
 * "indikatorn") must be the number there is, and the text may not say more are met than the
 * judgements allow: at most helt + unjudged as helt, at most helt + delvis + unjudged as at least
 * delvis (an unjudged one may be what the nämnd judged). A text that says fewer are met than
 * Målkoll finds is the nämnd's stricter reading (real T1 2024 1.1: "en av två indikatorer uppfylls
 * helt" where one target is still to be set), not a contradiction.
 */
export function claimContradicts(claim: CountClaim, counts: JudgementCounts): boolean {
  const total = totalOf(counts);
  if (claim.total !== null && claim.total !== total) return true;
  const size = (group: ClaimGroup): number => (group.count === 'all' ? claim.total ?? total : group.count);
  let helt = 0;
  let atLeastDelvis = 0;
  let stated = 0;
  for (const group of claim.groups) {
    const n = size(group);
    stated += n;
    if (group.status === 'helt') helt += n;
    if (group.status === 'helt' || group.status === 'delvis') atLeastDelvis += n;
  }
  if (stated > total) return true;
  return helt > counts.helt + counts.none || atLeastDelvis > counts.helt + counts.delvis + counts.none;
}

/** Counts of a list of judgements (null = none). */
export function judgementCounts(judgements: Iterable<Assessment | null>): JudgementCounts {
  const counts: JudgementCounts = { helt: 0, delvis: 0, inte: 0, none: 0 };
  for (const j of judgements) counts[j ?? 'none']++;
  return counts;
}

/** The judgement an indicator counts with for its goal: its status when scored, else the nämnd's stated Bedömning (SPEC 5.1). */
export function indicatorJudgement(result: IndicatorResult): Assessment | null {
  return result.judged;
}

function scored(status: Status): Assessment | null {
  return status === 'helt' || status === 'delvis' || status === 'inte' ? status : null;
}

// ---------------------------------------------------------------------------------------------
// The three checks
// ---------------------------------------------------------------------------------------------

/**
 * Words that name an action (SPEC 4 W_ACTIONS_MISSING), at a word's start, folded: åtgärd, handlingsplan,
 * vidta, insats, ska, "kommer att" (not "kommer att uppfyllas/uppnås", which is a forecast) and
 * "att förbättra" (real T1 2024 3.6: "arbetar förvaltningen för att förbättra utfallet"). Any run of
 * spaces may stand between two words, so the pattern reads folded letters (foldLetters) as it reads
 * fully folded text.
 */
const ACTION_WORDS = /(?<![a-z0-9])(?:atgard|handlingsplan|vidta|insats|ska(?![a-z])|kommer\s+att(?!\s+(?:uppfyll|uppna|na(?![a-z])|nas))|att\s+forbattra(?![a-z]))/;

/** Whether a text names an action: its letters folded, its spacing as written (no copy with the spaces collapsed). */
export const namesAction = (text: string): boolean => ACTION_WORDS.test(foldLetters(text) ?? fold(text));

const NOUN_TEXT: Record<Lang, Record<CountedNoun, [string, string]>> = {
  sv: {
    indikator: ['indikator', 'indikatorer'], inriktningsmal: ['inriktningsmål', 'inriktningsmål'],
    verksamhetsomradesmal: ['verksamhetsområdesmål', 'verksamhetsområdesmål'], namndmal: ['nämndmål', 'nämndmål'], enhetsmal: ['enhetsmål', 'enhetsmål'],
  },
  en: {
    indikator: ['indicator', 'indicators'], inriktningsmal: ['strategic goal', 'strategic goals'],
    verksamhetsomradesmal: ['area goal', 'area goals'], namndmal: ['committee goal', 'committee goals'], enhetsmal: ['unit goal', 'unit goals'],
  },
};

function countsText(counts: JudgementCounts, noun: CountedNoun, lang: Lang): string {
  const total = totalOf(counts);
  const [sg, pl] = NOUN_TEXT[lang][noun];
  const name = `${total} ${total === 1 ? sg : pl}`;
  if (lang === 'en') return `${name}: ${counts.helt} fully met, ${counts.delvis} partly, ${counts.inte} not met and ${counts.none} without an assessment`;
  return `${name}: ${counts.helt} uppfylls helt, ${counts.delvis} delvis, ${counts.inte} inte och ${counts.none} utan bedömning`;
}

function analysisMissing(goal: Goal, lang: Lang, issues: Issue[]): void {
  if (!goal.stated || goal.analysis.trim() !== '') return;
  const ref = goal.cells.analysis ?? goal.cells.stated ?? goal.cells.number;
  if (!ref) return;
  const stated = STATUS_TEXT[lang][goal.stated];
  const message =
    lang === 'en'
      ? `The goal is assessed "${stated}" but Analysis is empty: write what the assessment rests on.`
      : `Målet bedöms "${stated}" men Analys är tom: skriv vad bedömningen grundar sig på.`;
  issues.push(issueAt(goal.stated === 'helt' ? 'info' : 'warning', 'W_ANALYSIS_MISSING', ref, message));
}

/** Stated delvis or inte and no action in Åtgärder, the Analys or the Analys of the goal's own indicators (their Kommentar). */
function actionsMissing(goal: Goal, indicatorComments: string[], lang: Lang, issues: Issue[]): void {
  if ((goal.stated !== 'delvis' && goal.stated !== 'inte') || goal.actions.trim() !== '') return;
  if (namesAction(goal.analysis) || indicatorComments.some(namesAction)) return;
  const ref = goal.cells.actions ?? goal.cells.analysis ?? goal.cells.stated ?? goal.cells.number;
  if (!ref) return;
  const stated = STATUS_TEXT[lang][goal.stated];
  const message =
    lang === 'en'
      ? `The goal is assessed "${stated}" but neither Actions nor the Analysis says what will be done: describe the actions.`
      : `Målet bedöms "${stated}" men varken Åtgärder eller Analys säger vad som ska göras: beskriv åtgärderna.`;
  issues.push(issueAt('warning', 'W_ACTIONS_MISSING', ref, message));
}

function analysisCounts(goal: Goal, countedOf: (noun: CountedNoun) => JudgementCounts | undefined, lang: Lang, issues: Issue[]): void {
  if (goal.analysis.trim() === '') return;
  const claims = readCountClaims(goal.analysis);
  if (claims.length === 0) return;
  const ref = goal.cells.analysis ?? goal.cells.number;
  if (!ref) return;
  for (const claim of claims) {
    const counts = countedOf(claim.noun);
    // Counts of goals two levels down ("De elva nämndmålen" under an inriktningsmål) are not compared.
    if (!counts || !claimContradicts(claim, counts)) continue;
    const message =
      lang === 'en'
        ? `The Analysis says "${claim.sentence}", but the goal has ${countsText(counts, claim.noun, lang)}. Check the Analysis against them.`
        : `Analysen säger "${claim.sentence}", men målet har ${countsText(counts, claim.noun, lang)}. Stäm av analysen mot dem.`;
    issues.push(issueAt('warning', 'W_ANALYSIS_COUNTS', ref, message));
  }
}

/**
 * W_ANALYSIS_MISSING, W_ANALYSIS_COUNTS and W_ACTIONS_MISSING for every goal, in goal order. A goal's
 * indicators count by their judgement; its direct sub-goals by their assessment (stated, else proposed,
 * as SPEC 5.5 weighs them). Actions may be written in the goal's Analys or in its indicators' (in an ILS
 * report the Analys rows under the goal's indicator tables). Only goals with a stated assessment can miss
 * an analysis or actions, so a plan (which states none) gets neither.
 */
export function narrativeIssues(goals: GoalResult[], indicators: IndicatorResult[], lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const own = new Map<string, (Assessment | null)[]>();
  const comments = new Map<string, string[]>();
  for (const result of indicators) {
    const goal = result.indicator.goal;
    const list = own.get(goal);
    if (list) list.push(indicatorJudgement(result));
    else own.set(goal, [indicatorJudgement(result)]);
    if (result.indicator.comment.trim() === '') continue;
    const texts = comments.get(goal);
    if (texts) texts.push(result.indicator.comment);
    else comments.set(goal, [result.indicator.comment]);
  }
  const children = new Map<string, GoalResult[]>();
  for (const result of goals) {
    if (!result.goal.valid || !result.goal.parent) continue;
    const list = children.get(result.goal.parent);
    if (list) list.push(result);
    else children.set(result.goal.parent, [result]);
  }
  for (const result of goals) {
    const goal = result.goal;
    analysisMissing(goal, lang, issues);
    analysisCounts(goal, (noun) => countedFor(noun, goal, own, children), lang, issues);
    actionsMissing(goal, comments.get(goal.number) ?? [], lang, issues);
  }
  return issues;
}

/**
 * The counts an analysis of this goal may state about a noun: its own indicators, or its direct sub-goals of
 * that level (undefined when it has none of that level).
 */
function countedFor(noun: CountedNoun, goal: Goal, own: Map<string, (Assessment | null)[]>, children: Map<string, GoalResult[]>): JudgementCounts | undefined {
  if (noun === 'indikator') return judgementCounts(own.get(goal.number) ?? []);
  let counts: JudgementCounts | undefined;
  for (const child of (goal.valid && children.get(goal.number)) || []) {
    if (child.goal.level !== noun) continue;
    counts ??= { helt: 0, delvis: 0, inte: 0, none: 0 };
    counts[child.goal.stated ?? scored(child.proposed) ?? 'none']++;
  }
  return counts;
}
