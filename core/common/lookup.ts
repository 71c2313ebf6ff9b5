// Looks a text from the workbook up in one of core's word tables, seeing only the table's own entries.

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * `table[key]` when the table itself holds the key, else undefined. A plain object also answers
 * `constructor`, `toString`, `valueOf` or `__proto__` from Object.prototype, and a cell can hold any word.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn.call(table, key) ? table[key] : undefined;
}
