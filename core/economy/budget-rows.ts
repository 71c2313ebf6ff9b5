// Turns the rows of a drift or investering table into budget rows (Budget, justeringar, förändringar, Prognos före/efter, Avvikelse) for the follow-up checks of finance.ts.
import { cellText, fold } from '../common/text';
import { matchHeader } from '../read/schema';
import type { BudgetRow, FinanceTable } from '../types';

/** Finance field → column of a table, with a lone `Prognos (före …)` standing for Prognos (SPEC 2.4). */
export function financeColumns(table: FinanceTable): Partial<Record<string, number>> {
  const columns: Partial<Record<string, number>> = {};
  for (const { col, header } of table.columns) {
    const field = matchHeader('finance', header)?.field;
    if (field && field !== 'label' && columns[field] === undefined) columns[field] = col;
  }
  if (columns.prognos === undefined && columns.prognosFore !== undefined) {
    columns.prognos = columns.prognosFore;
    delete columns.prognosFore;
  }
  columns.label = table.labelCol;
  return columns;
}

/** The table's rows as budget rows; a `varav` row points at the last row above it that is not one. */
export function toBudgetRows(table: FinanceTable): BudgetRow[] {
  const columns = financeColumns(table);
  const rows: BudgetRow[] = [];
  let parentRow: number | null = null;
  let nettoRow: number | null = null;
  for (const row of table.rows) {
    if (row.isBlockHeading) continue;
    const key = labelKey(row.label);
    // Kostnader and Intäkter right under a netto row are its parts, not rows of the total (real T1 2024 line 6–8).
    const nettoPart = nettoRow !== null && /^(?:kostnader|intakter)\b/.test(key);
    const value = (field: string) => {
      const col = columns[field];
      return col === undefined ? null : row.figures[col]?.value ?? null;
    };
    const cells: BudgetRow['cells'] = {};
    for (const [field, col] of Object.entries(columns)) if (col !== undefined) cells[field] = { sheet: table.sheet, row: row.row, col };
    rows.push({
      sheet: table.sheet,
      row: row.row,
      label: row.label,
      isVarav: row.isVarav || nettoPart,
      isTotal: row.isTotal,
      parentRow: row.isVarav && !nettoPart ? parentRow : null, // netto parts are checked by E_FIN_NETTO, not as varav
      budget: value('budget'),
      justeringar: value('justeringar'),
      forandringar: value('forandringar'),
      prognos: value('prognos'),
      prognosFore: value('prognosFore'),
      avvikelse: value('avvikelse'),
      utfall: value('utfall'),
      cells,
    });
    if (!row.isVarav && !nettoPart) parentRow = row.row;
    if (/\bnetto\b|^anslag\b/.test(key)) nettoRow = row.row;
    else if (!nettoPart) nettoRow = null;
  }
  return rows;
}

/** A label folded for matching (`<i>varav vuxna</i>` → `varav vuxna`). */
export function labelKey(label: string): string {
  return fold(cellText(label));
}
