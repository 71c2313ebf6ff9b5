// Reads the economy tables of a sheet into the model: the Ekonomi sheet and the economy section of a pasted report (SPEC 2.4, 2.6).
import { describeCell, parseValue } from '../read/values';
import { report } from '../read/rows';
import { discoverEconomy } from './tables';
import { financeColumns, toBudgetRows } from './budget-rows';
import type { Issue, Lang, SheetGrid, TableInfo, WorkbookModel } from '../types';

const EXPECTED = { sv: 'ett tal (t.ex. 2 757,9)', en: 'a number (e.g. 2 757,9)' };

/**
 * Finds the sheet's economy tables and adds them to the model (drift rows also to `model.budget`).
 * Returns the tables' places, empty when the sheet has none (or, with `needBudget`, no budget table).
 */
export function readEconomyTables(grid: SheetGrid, model: WorkbookModel, lang: Lang, issues: Issue[], needBudget = false): TableInfo[] {
  const found = discoverEconomy(grid);
  if (found.tables.length === 0) return [];
  // A sheet that is nothing else counts as economy only with a budget table (drift, plan, investering) on it.
  if (needBudget && !found.tables.some((t) => t.kind === 'drift' || t.kind === 'plan' || t.kind === 'investering')) return [];
  for (const table of found.tables) {
    if (table.kind === 'drift' || table.kind === 'investering') table.budgetRows = toBudgetRows(table);
    if (table.kind === 'drift') model.budget.push(...(table.budgetRows ?? []));
  }
  model.financeTables = [...(model.financeTables ?? []), ...found.tables];
  model.financeTexts = [...(model.financeTexts ?? []), ...found.texts];
  for (const bad of found.invalid) {
    const header = bad.table.columns.find((c) => c.col === bad.col)?.header ?? '';
    const ref = { sheet: grid.name, row: bad.row, col: bad.col };
    const parsed = parseValue(bad.value);
    if (parsed.kind === 'error') report(issues, lang, 'E_CELL_ERROR', ref, { value: describeCell(parsed.text), expected: EXPECTED[lang] });
    else report(issues, lang, 'E_NUMBER', ref, { header: describeCell(header), value: describeCell(bad.value), expected: EXPECTED[lang] });
  }
  return found.tables.map((t) => ({
    kind: 'finance',
    sheet: t.sheet,
    headerRow: t.headerRow,
    firstDataRow: t.lastHeaderRow + 1,
    lastDataRow: t.rows.length ? t.rows[t.rows.length - 1].row : t.lastHeaderRow,
    lastCol: Math.max(t.labelCol, ...t.columns.map((c) => c.col)),
    columns: t.budgetRows ? financeColumns(t) : { label: t.labelCol },
    outputColumns: {},
  }));
}
