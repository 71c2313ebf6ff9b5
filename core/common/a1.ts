// A1 addresses from 0-based grid coordinates and back.

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 0-based (row, col). */
export function a1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/**
 * 0-based (row, col) of an A1 address (`B7`, `$B$7`, `ab12`, spaces around allowed), or null when it is
 * not one. Read by character codes rather than a regex: it runs for every issue of a check.
 */
export function parseA1(address: string): { row: number; col: number } | null {
  const text = address.trim();
  let i = text.charCodeAt(0) === DOLLAR ? 1 : 0;
  let col = 0;
  const lettersFrom = i;
  for (let c = text.charCodeAt(i); (c >= 65 && c <= 90) || (c >= 97 && c <= 122); c = text.charCodeAt(++i)) col = col * 26 + ((c & ~32) - 64);
  const letters = i - lettersFrom;
  if (letters < 1 || letters > 3) return null;
  if (text.charCodeAt(i) === DOLLAR) i++;
  const digitsFrom = i;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === digitsFrom || i !== text.length) return null;
  return { row: Number(text.slice(digitsFrom)) - 1, col: col - 1 };
}

const DOLLAR = 36;
