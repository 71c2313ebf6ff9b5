// Structure inside an economy table: blocks, totals and the parts of `varav` rows, and the sums a Totalt/Summa row must equal (SPEC 2.4).
import { issueAt } from '../common/issues';
import type { CellRef, FinanceFigure, FinanceTable, FinanceTableRow, Issue, Lang, Severity } from '../types';

/** Whether each row is counted into its block's total (not a `varav` row, not a part of a `…, varav` row). */
export function countedRows(table: FinanceTable): Map<FinanceTableRow, boolean> {
  const counted = new Map<FinanceTableRow, boolean>();
  let inParts = false;
  for (const row of table.rows) {
    if (row.isBlockHeading || row.isTotal || row.continued) inParts = false;
    counted.set(row, !row.isBlockHeading && !row.isTotal && !row.isVarav && !inParts);
    if (row.isVaravParent) inParts = true;
  }
  return counted;
}

export interface TotalCheck {
  total: FinanceTableRow;
  col: number;
  figure: FinanceFigure;
  sum: number;
  /** The figures the sum was made of. */
  parts: FinanceFigure[];
}

/** For every total row and column: the sum of the counted rows of its block (since the last heading or total). */
export function blockTotals(table: FinanceTable): TotalCheck[] {
  const counted = countedRows(table);
  const checks: TotalCheck[] = [];
  let block: FinanceTableRow[] = [];
  for (const row of table.rows) {
    if (row.isBlockHeading) {
      block = [];
      continue;
    }
    if (!row.isTotal) {
      if (counted.get(row)) block.push(row);
      continue;
    }
    for (const { col } of table.columns) {
      const figure = row.figures[col];
      if (!figure) continue;
      const parts = block.map((r) => r.figures[col]).filter((f): f is FinanceFigure => !!f);
      if (parts.length === 0) continue;
      checks.push({ total: row, col, figure, sum: parts.reduce((s, f) => s + f.value, 0), parts });
    }
    block = [];
  }
  return checks;
}

/** Parts of each parent row: `varav …` rows under the row above, and the rows after a `…, varav` row. */
export function varavParts(table: FinanceTable): Map<FinanceTableRow, FinanceTableRow[]> {
  const parts = new Map<FinanceTableRow, FinanceTableRow[]>();
  let parent: FinanceTableRow | null = null;
  let suffixParent: FinanceTableRow | null = null;
  const add = (p: FinanceTableRow, r: FinanceTableRow) => parts.set(p, [...(parts.get(p) ?? []), r]);
  for (const row of table.rows) {
    if (row.isBlockHeading || row.isTotal) {
      parent = suffixParent = null;
      continue;
    }
    if (row.continued) suffixParent = null;
    if (row.isVarav) {
      if (parent) add(parent, row);
      continue;
    }
    if (suffixParent) add(suffixParent, row);
    else parent = row;
    if (row.isVaravParent) suffixParent = row;
  }
  return parts;
}

/** An issue with its message in the workbook's language. */
export function finding(severity: Severity, code: string, ref: CellRef, lang: Lang, sv: string, en: string): Issue {
  return issueAt(severity, code, ref, lang === 'sv' ? sv : en);
}

export function refOf(table: FinanceTable, row: number, col: number): CellRef {
  return { sheet: table.sheet, row, col };
}

/** The column's header for a message. */
export function headerOf(table: FinanceTable, col: number): string {
  return table.columns.find((c) => c.col === col)?.header ?? '';
}
