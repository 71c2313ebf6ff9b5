// Text normalisation shared by every matcher: case, diacritics, spacing.

/** Lower case, diacritics removed (å→a, ä→a, ö→o, é→e), whitespace collapsed, trimmed. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
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
