// Excel custom functions (namespace MAL): thin JSDoc wrappers over core; the JSDoc is the metadata.
import { fold } from '../core/text';

/**
 * Normalises a text (case and diacritics), a wiring check for the function runtime.
 * @customfunction NORMALISERA
 * @param text Text to normalise.
 * @returns The normalised text.
 */
export function normalisera(text: string): string {
  return fold(text);
}
