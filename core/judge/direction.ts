// Decides whether higher or lower is better for an indicator (SPEC 5.3) and reads Riktning texts.
import { issueAt } from '../common/issues';
import { fold } from '../common/text';
import type { Direction, DirectionSource, Indicator, Issue, Lang, ParsedValue } from '../types';
import { ownEntry } from '../common/lookup';

/** Riktning texts (folded) → direction: Swedish and English words and the symbols of SPEC 5.3. */
const DIRECTION_WORDS: Record<string, Direction> = {
  'hogre ar battre': 'higher', hogre: 'higher', oka: 'higher', okning: 'higher', '↑': 'higher', '+': 'higher',
  'higher is better': 'higher', higher: 'higher', increase: 'higher',
  'lagre ar battre': 'lower', lagre: 'lower', minska: 'lower', minskning: 'lower', '↓': 'lower', '-': 'lower',
  '−': 'lower', '–': 'lower', 'lower is better': 'lower', lower: 'lower', decrease: 'lower',
  intervall: 'band', '±': 'band', '+/-': 'band', band: 'band', interval: 'band', range: 'band',
  exakt: 'exact', '=': 'exact', exact: 'exact',
};

/** Reads a Riktning text (`Högre är bättre`, `lägre`, `↑`, `Intervall`, `=`, …); null when it is none of them. */
export function parseDirectionText(text: string): Direction | null {
  return ownEntry(DIRECTION_WORDS, fold(text).replace(/[.!]+$/, '')) ?? null;
}

/** Name keywords (SPEC 5.3 step 4) that mean lower is better, folded once. */
const LOWER_KEYWORDS: Keyword[] = keywords([
  'sjukfrånvaro', 'per anställd', 'per grupp', 'per legitimerad', 'vräkning', 'klimatpåverkan', 'utsläpp',
  'co2', 'köpt energi', 'timavlönad', 'ekonomiskt bistånd', 'väntetid', 'kötid', 'åter blir föremål',
  'konsult', 'hotell', 'vandrarhem', 'ordningsproblem', 'oro för', 'illa behandla', 'otrygg', 'utsatt för',
  'skadegörelse', 'klotter', 'avhopp', 'felaktig utbetalning',
]);

/** Names whose target is a point or a band rather than a floor or ceiling (SPEC 5.3 step 4). */
const FORM_KEYWORDS: { keyword: Keyword; direction: Direction }[] = [
  { keyword: keywords(['budgetföljsamhet'])[0], direction: 'exact' },
  { keyword: keywords(['prognossäkerhet'])[0], direction: 'band' },
];

/**
 * Words that say more is better and override a lower keyword in the same name (real: "förbättrad
 * situation … (ekonomiskt bistånd)" is higher). `trygg` counts only when not part of `otrygg`;
 * `ökad` and `fler` only at a word's start, so that no longer word that merely contains them counts.
 */
const POSITIVE_WORDS: { pattern: RegExp; text: string }[] = [
  { pattern: /forbattr/, text: 'förbättr' },
  { pattern: /nojd/, text: 'nöjd' },
  { pattern: /(?:^|[^o])trygg/, text: 'trygg' },
  { pattern: /(?:^|[^a-z0-9])okad/, text: 'ökad' },
  { pattern: /(?:^|[^a-z0-9])fler/, text: 'fler' },
];

interface Keyword {
  pattern: RegExp;
  text: string;
}

/** Keywords matched in folded names; every word but the last may be inflected ("felaktiga utbetalningar"). */
function keywords(texts: string[]): Keyword[] {
  return texts.map((text) => ({ pattern: new RegExp(fold(text).split(' ').join('[a-z]* ')), text }));
}

export interface DirectionDecision {
  /** `trend` when the judged target is a trend (Ökning/Minskning); `sense` then says which way is better. */
  direction: Direction | 'trend';
  /** Which way is better: the direction itself, or the trend's sense for a trend target. */
  sense: Direction;
  source: DirectionSource;
  /** The name keyword that decided it (source `keyword`). */
  keyword?: string;
}

/** The direction a target's own form implies: bound max → lower, min → higher, band → band, trend → that trend. */
export function directionOfForm(target: ParsedValue): Direction | null {
  if (target.kind === 'bound') return target.bound === 'max' ? 'lower' : 'higher';
  if (target.kind === 'band') return 'band';
  if (target.kind === 'trend') return target.direction;
  return null;
}

/** The first name keyword that means lower is better, or null; null too when a positive word in the name overrides it. */
export function lowerKeywordIn(name: string): string | null {
  const decision = nameDirection(name);
  return decision?.direction === 'lower' ? decision.keyword : null;
}

/**
 * The direction a name's words imply (SPEC 5.3 step 4), with the word that decided it: exact or band
 * names first, then a lower keyword — unless a positive word overrides it, which then makes it higher.
 */
export function nameDirection(name: string): { direction: Direction; keyword: string } | null {
  const form = formKeywordIn(name);
  if (form) return form;
  const folded = fold(name);
  const lower = LOWER_KEYWORDS.find((k) => k.pattern.test(folded));
  if (!lower) return null;
  const positive = POSITIVE_WORDS.find((word) => word.pattern.test(folded));
  return positive ? { direction: 'higher', keyword: wordIn(name, positive) } : { direction: 'lower', keyword: lower.text };
}

/** The word of the name a positive word was found in ("förbättrad"), for the message; its stem when not found word by word. */
function wordIn(name: string, positive: { pattern: RegExp; text: string }): string {
  const word = name.split(/\s+/).map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')).find((w) => positive.pattern.test(fold(w)));
  return word ?? positive.text;
}

/** The exact or band direction a name implies (`budgetföljsamhet` → exact 100 %, `prognossäkerhet` → band), or null. */
export function formKeywordIn(name: string): { direction: Direction; keyword: string } | null {
  const folded = fold(name);
  const hit = FORM_KEYWORDS.find((k) => k.keyword.pattern.test(folded));
  return hit ? { direction: hit.direction, keyword: hit.keyword.text } : null;
}

/**
 * SPEC 5.3, first that applies: the Riktning column; the årsmål's own form; KF:s årsmål's form
 * (Ökning/Minskning, and likewise a Max/Min bound or a band); a name keyword (budgetföljsamhet → exact,
 * prognossäkerhet → band, else a lower keyword unless a positive word overrides it); else higher.
 * `judged` is the target the status is judged against: a trend there makes the direction `trend`.
 */
export function decideDirection(indicator: Indicator, judged: ParsedValue): DirectionDecision {
  const sense = baseDirection(indicator);
  if (judged.kind === 'trend') {
    // A trend target is judged against last year in the trend's own sense.
    const source = sense.source === 'column' ? 'column' : indicator.arsmal.kind === 'trend' ? 'target' : 'kf';
    return { direction: 'trend', sense: judged.direction, source };
  }
  return { direction: sense.sense, ...sense };
}

function baseDirection(indicator: Indicator): Omit<DirectionDecision, 'direction'> {
  if (indicator.direction) return { sense: indicator.direction, source: 'column' };
  const fromTarget = directionOfForm(indicator.arsmal);
  if (fromTarget) return { sense: fromTarget, source: 'target' };
  const fromKf = directionOfForm(indicator.kfArsmal);
  if (fromKf) return { sense: fromKf, source: 'kf' };
  const byName = nameDirection(indicator.name);
  if (byName) return { sense: byName.direction, source: 'keyword', keyword: byName.keyword };
  return { sense: 'higher', source: 'default' };
}

export const DIRECTION_TEXT: Record<Lang, Record<Direction, string>> = {
  sv: { higher: 'Högre är bättre', lower: 'Lägre är bättre', band: 'Intervall', exact: 'Exakt' },
  en: { higher: 'Higher is better', lower: 'Lower is better', band: 'Interval', exact: 'Exact' },
};

/** I_DIRECTION_ASSUMED for keyword and default decisions (at the Riktning cell, else the name cell); pushes nothing otherwise. */
export function directionIssue(indicator: Indicator, decision: DirectionDecision, lang: Lang, issues: Issue[]): void {
  if (decision.source !== 'keyword' && decision.source !== 'default') return;
  const ref = indicator.cells.direction ?? indicator.cells.name;
  if (!ref) return;
  const text = DIRECTION_TEXT[lang][decision.sense];
  let message: string;
  if (lang === 'en') {
    const why = decision.keyword ? `because the name contains "${decision.keyword}"` : 'by default';
    message = `Direction assumed to be "${text}" ${why}. Fill in Direction (Riktning) to confirm it.`;
  } else {
    const why = decision.keyword ? `eftersom namnet innehåller "${decision.keyword}"` : 'som standard';
    message = `Riktningen antogs vara "${text}" ${why}. Fyll i Riktning för att bekräfta den.`;
  }
  issues.push(issueAt('info', 'I_DIRECTION_ASSUMED', ref, message));
}
