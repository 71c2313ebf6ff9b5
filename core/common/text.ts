// Text normalisation shared by every matcher: case, diacritics, spacing.

/** Lower case, diacritics removed (å→a, ä→a, ö→o, é→e), whitespace collapsed, trimmed. */
export function fold(text: string): string {
  return foldLatin1(text) ?? foldGeneral(text);
}

/** The general definition: canonical decomposition, combining marks dropped, lower case, whitespace collapsed. */
export function foldGeneral(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

/** Any character outside Latin-1: such text takes foldGeneral. */
const NOT_LATIN1 = /[^\u0000-\u00ff]/;

/** Whether every character of the text is Latin-1 (the text fold and foldLetters take their shortcut on). */
export function isLatin1(text: string): boolean {
  return !NOT_LATIN1.test(text);
}
/** Lower-case Latin-1 letters with a diacritic, and what they fold to (à→a, å→a, ö→o, é→e, ÿ→y). */
const DIACRITIC = /[\u00e0-\u00ff]/g;
const BASE_LETTER: Record<string, string> = (() => {
  const table: Record<string, string> = {};
  for (let code = 0xe0; code <= 0xff; code++) {
    const char = String.fromCharCode(code);
    table[char] = foldGeneral(char);
  }
  return table;
})();
const baseLetter = (char: string): string => BASE_LETTER[char];
/** Whitespace that is not a lone inner space: a run, a tab or line break, a non-breaking space, or space at either end. */
const LOOSE_SPACE = /[^\S ]| {2}|^ | $/;

/**
 * fold for Latin-1 text (null for other text): every workbook text passes through fold and Swedish text is
 * almost all Latin-1, so native lower-casing and a lookup of the few letters with a diacritic replace
 * normalize and three regex passes over every text (SPEC 9). Gives the text itself when it is already folded.
 */
function foldLatin1(text: string): string | null {
  const folded = foldLetters(text);
  if (folded === null) return null;
  return LOOSE_SPACE.test(folded) ? folded.replace(/\s+/g, ' ').trim() : folded;
}

/**
 * The letters of Latin-1 text folded as fold folds them (lower case, diacritics dropped), every other
 * character where it was: the result has the text's length, so a position in one is the same place in
 * the other. Null for text outside Latin-1. For matchers that split the text themselves (narrative.ts).
 */
export function foldLetters(text: string): string | null {
  if (NOT_LATIN1.test(text)) return null;
  const lower = text.toLowerCase(); // in Latin-1 one letter for one, as foldGeneral lower-cases
  DIACRITIC.lastIndex = 0;
  if (!DIACRITIC.test(lower)) return lower;
  DIACRITIC.lastIndex = 0;
  return lower.replace(DIACRITIC, baseLetter);
}

/** A cell value as display text ('' for blank). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/** Removes HTML tags such as `<i>` from a label. */
export function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '');
}
