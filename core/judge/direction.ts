// Decides whether higher or lower is better for an indicator (SPEC 5.3) and reads Riktning texts.
import { issueAt } from '../common/issues';
import { fold } from '../common/text';
import type { Direction, DirectionSource, Indicator, Issue, Lang, ParsedValue } from '../types';

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
  return DIRECTION_WORDS[fold(text).replace(/[.!]+$/, '')] ?? null;
}

/** Name keywords (SPEC 5.3 step 4) that mean lower is better, folded once. */
const LOWER_KEYWORDS: { folded: string; text: string }[] = [
  'sjukfrånvaro', 'per anställd', 'per grupp', 'per legitimerad', 'vräkning', 'klimatpåverkan', 'utsläpp',
  'co2', 'köpt energi', 'timavlönad', 'ekonomiskt bistånd', 'väntetid', 'kötid', 'åter blir föremål',
].map((text) => ({ folded: fold(text), text }));

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

/** The first name keyword that means lower is better, or null. */
export function lowerKeywordIn(name: string): string | null {
  const folded = fold(name);
  for (const keyword of LOWER_KEYWORDS) if (folded.includes(keyword.folded)) return keyword.text;
  return null;
}

/**
 * SPEC 5.3, first that applies: the Riktning column; the årsmål's own form; KF:s årsmål's form
 * (Ökning/Minskning, and likewise a Max/Min bound or a band); a name keyword (lower); else higher.
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
  const keyword = lowerKeywordIn(indicator.name);
  if (keyword) return { sense: 'lower', source: 'keyword', keyword };
  return { sense: 'higher', source: 'default' };
}

const DIRECTION_TEXT: Record<Lang, Record<Direction, string>> = {
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
