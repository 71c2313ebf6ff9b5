// The economy stage of a check: every economy table checked by its kind, the identities between tables and with the prose, and the key figures for the summary and the JSON report (SPEC 2.4, 5.7, 6).
import { a1, parseA1 } from '../common/a1';
import { checkFinance } from './finance';
import { checkDriftExtras } from './drift';
import { checkTableKind } from './kinds';
import { areasOf, checkCrossTables, checkOverruns, mainDriftTable } from './cross';
import { checkProse } from './prose';
import type { FinanceSummary, FinanceTable, FinanceTableSummary, Issue, Lang, WorkbookModel } from '../types';

/** The checks of one table. */
function checkTable(table: FinanceTable, lang: Lang): Issue[] {
  if (table.kind === 'drift' || table.kind === 'investering') {
    const issues = checkFinance(table.budgetRows ?? [], lang).issues;
    return table.kind === 'drift' ? [...issues, ...checkDriftExtras(table, lang)] : issues;
  }
  return checkTableKind(table, lang);
}

function lastRowOf(table: FinanceTable): number {
  return table.rows.length ? table.rows[table.rows.length - 1].row : table.lastHeaderRow;
}

function findingsIn(table: FinanceTable, issues: Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const issue of issues) {
    const at = parseA1(issue.cell);
    if (issue.sheet !== table.sheet || !at || at.row < table.headerRow || at.row > lastRowOf(table)) continue;
    if (issue.severity === 'error') errors++;
    else if (issue.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

function tableSummary(table: FinanceTable, issues: Issue[]): FinanceTableSummary {
  const totalRow = [...table.rows].reverse().find((r) => r.isTotal);
  let total: Record<string, number | null> | null = null;
  if (totalRow) {
    total = {};
    for (const { col, header } of table.columns) total[header] = totalRow.figures[col]?.value ?? null;
  }
  return {
    sheet: table.sheet,
    kind: table.kind,
    title: table.title,
    headerCell: a1(table.headerRow, table.labelCol),
    rows: table.rows.filter((r) => !r.isBlockHeading).length,
    unit: table.unit,
    total,
    findings: findingsIn(table, issues),
  };
}

/**
 * Checks every economy table of the model and computes the key figures from the main drift table.
 * A model built without table discovery (only `budget` rows) is checked as one drift table.
 */
export function checkEconomy(model: WorkbookModel, lang: Lang): { issues: Issue[]; summary: FinanceSummary | null } {
  const tables = model.financeTables ?? [];
  if (tables.length === 0) return checkFinance(model.budget, lang);
  const issues: Issue[] = [];
  for (const table of tables) issues.push(...checkTable(table, lang));
  const main = mainDriftTable(tables);
  issues.push(...checkCrossTables(tables, lang), ...checkOverruns(main, lang));
  issues.push(...checkProse(tables, model.financeTexts ?? [], lang));
  const base = main ? checkFinance(main.budgetRows ?? [], lang).summary : null;
  const summary: FinanceSummary = base ?? { total: null, budgetfoljsamhet: null };
  const areas = areasOf(main);
  if (areas.length) summary.areas = areas;
  summary.tables = tables.map((t) => tableSummary(t, issues));
  return { issues, summary };
}
