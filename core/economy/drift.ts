// Checks of a drift table beyond each row's Avvikelse: the netto row against its Kostnader and Intäkter rows, and the resultatdispositioner chain (SPEC 5.7: W_FIN_CHAIN, E_FIN_NETTO).
import { fold } from '../common/text';
import { diff, show, showDecimals } from './figures';
import { finding, headerOf, refOf } from './blocks';
import type { FinanceFigure, FinanceTable, FinanceTableRow, Issue, Lang } from '../types';

const ERROR_TOLERANCE = 0.15;

const NETTO = /\bnetto\b|^anslag\b/;
const KOSTNADER = /^kostnader\b/;
const INTAKTER = /^intakter\b/;

export type ChainRole = 'fore' | 'fran' | 'till' | 'efter';

/** The role of a resultatdispositioner row (real: `Resultatenheternas överskott från 2023`). */
export function chainRole(label: string): ChainRole | null {
  const key = fold(label);
  if (/\bfore resultat(?:disposition|overforing)/.test(key)) return 'fore';
  if (/\befter resultat(?:disposition|overforing)/.test(key)) return 'efter';
  if (/(?:overskott|underskott|resultat|overforing).*\bfran\b/.test(key)) return 'fran';
  if (/(?:overskott|underskott|resultat|overforing).*\btill\b/.test(key)) return 'till';
  return null;
}

/** The figure of a row that carries only one (the resultatdispositioner rows: Avvikelse). */
export function soleFigure(row: FinanceTableRow): { col: number; figure: FinanceFigure } | null {
  const found = Object.entries(row.figures).filter(([, f]) => f !== null);
  if (found.length === 0) return null;
  const [col, figure] = found[found.length - 1];
  return { col: Number(col), figure: figure as FinanceFigure };
}

function findRow(table: FinanceTable, re: RegExp, from: number): FinanceTableRow | undefined {
  return table.rows.slice(from).find((r) => re.test(fold(r.label)));
}

/** E_FIN_NETTO: a `(netto)` row directly followed by Kostnader and Intäkter rows equals their sum in every column. */
function checkNettoRow(table: FinanceTable, lang: Lang, issues: Issue[]): void {
  table.rows.forEach((row, i) => {
    if (!NETTO.test(fold(row.label))) return;
    const kostnader = findRow(table, KOSTNADER, i + 1);
    const intakter = findRow(table, INTAKTER, i + 1);
    if (!kostnader || !intakter) return;
    for (const { col } of table.columns) {
      const n = row.figures[col];
      const k = kostnader.figures[col];
      const t = intakter.figures[col];
      if (!n || !k || !t) continue;
      const expected = k.value + t.value;
      if (diff(n.value, expected) <= ERROR_TOLERANCE) continue;
      const d = showDecimals([n, k, t], 1);
      const f = (v: number) => show(v, lang, d);
      const column = headerOf(table, col);
      issues.push(
        finding('error', 'E_FIN_NETTO', refOf(table, row.row, col), lang,
          `${row.label}, ${column}: ${f(n.value)} stämmer inte med Kostnader ${f(k.value)} + Intäkter ${f(t.value)} = ${f(expected)}.`,
          `${row.label}, ${column}: ${f(n.value)} does not equal costs ${f(k.value)} + income ${f(t.value)} = ${f(expected)}.`),
      );
    }
  });
}

/** The resultatdispositioner rows of a table by role. */
export function chainRows(table: FinanceTable): Partial<Record<ChainRole, { row: FinanceTableRow; col: number; figure: FinanceFigure }>> {
  const found: Partial<Record<ChainRole, { row: FinanceTableRow; col: number; figure: FinanceFigure }>> = {};
  for (const row of table.rows) {
    const role = chainRole(row.label);
    const sole = soleFigure(row);
    if (role && sole && !found[role]) found[role] = { row, ...sole };
  }
  return found;
}

/** W_FIN_CHAIN: efter = före + överskott från föregående år − överskott till nästa år (either sign convention of the transfer). */
function checkChain(table: FinanceTable, lang: Lang, issues: Issue[]): void {
  const { fore, fran, till, efter } = chainRows(table);
  if (!fore || !fran || !till || !efter) return;
  const subtracted = fore.figure.value + fran.figure.value - till.figure.value;
  const added = fore.figure.value + fran.figure.value + till.figure.value;
  if (diff(efter.figure.value, subtracted) <= ERROR_TOLERANCE || diff(efter.figure.value, added) <= ERROR_TOLERANCE) return;
  const d = showDecimals([fore.figure, fran.figure, till.figure, efter.figure], 1);
  const f = (v: number) => show(v, lang, d);
  issues.push(
    finding('warning', 'W_FIN_CHAIN', refOf(table, efter.row.row, efter.col), lang,
      `"${efter.row.label}" ${f(efter.figure.value)} stämmer inte med resultatdispositionerna: ${f(fore.figure.value)} + ${f(fran.figure.value)} − ${f(till.figure.value)} = ${f(subtracted)}.`,
      `"${efter.row.label}" ${f(efter.figure.value)} does not follow from the transfers: ${f(fore.figure.value)} + ${f(fran.figure.value)} − ${f(till.figure.value)} = ${f(subtracted)}.`),
  );
}

/** The drift checks that finance.ts does not make. */
export function checkDriftExtras(table: FinanceTable, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  checkNettoRow(table, lang, issues);
  checkChain(table, lang, issues);
  return issues;
}
