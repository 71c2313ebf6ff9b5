// Identities between economy tables after unit conversion (W_FIN_CROSS), overruns per verksamhetsområde and in total (W_BUDGET_OVERRUN) and budgetföljsamhet per area (SPEC 5.7).
import { fold } from '../common/text';
import { finding, refOf } from './blocks';
import { chainRows } from './drift';
import { convert, diff, show, showDecimals } from './figures';
import { surplusOf, transferColumns } from './kinds';
import type { BudgetRow, FinanceArea, FinanceFigure, FinanceTable, Issue, Lang, MoneyUnit } from '../types';

const CROSS_TOLERANCE_MNKR = 0.15;

function unitOf(table: FinanceTable): MoneyUnit {
  return table.unit ?? 'mnkr';
}

/** The tolerance of ±0,15 mnkr in a table's own unit. */
function tolerance(unit: MoneyUnit): number {
  return convert(CROSS_TOLERANCE_MNKR, 'mnkr', unit);
}

interface Stated {
  table: FinanceTable;
  row: number;
  col: number;
  figure: FinanceFigure;
  label: string;
}

/** W_FIN_CROSS at `stated` when its absolute value differs from `other` (already in stated's unit). */
function compare(stated: Stated, other: number, otherText: string, lang: Lang, issues: Issue[]): void {
  const unit = unitOf(stated.table);
  if (diff(Math.abs(stated.figure.value), Math.abs(other)) <= tolerance(unit) + 1e-9) return;
  const d = showDecimals([stated.figure], 1);
  const f = (v: number) => show(v, lang, d);
  issues.push(finding('warning', 'W_FIN_CROSS', refOf(stated.table, stated.row, stated.col), lang,
    `${stated.label} ${f(stated.figure.value)} ${unit} stämmer inte med ${otherText} (${f(other)} ${unit}).`,
    `${stated.label} ${f(stated.figure.value)} ${unit} does not match ${otherText} (${f(other)} ${unit}).`));
}

/** The sum of a column: its total row's figure, else the sum of its counted rows. */
function columnSum(table: FinanceTable, col: number): { value: number; figure: FinanceFigure | null } | null {
  const total = table.rows.find((r) => r.isTotal && r.figures[col]);
  if (total) return { value: total.figures[col]!.value, figure: total.figures[col]! };
  const figures = table.rows.filter((r) => !r.isVarav && !r.isBlockHeading).map((r) => r.figures[col]).filter((f): f is FinanceFigure => !!f);
  return figures.length ? { value: figures.reduce((s, f) => s + f.value, 0), figure: null } : null;
}

/** Resultatenheternas överskott från/till in the drift table against the resultatenheter table's sums. */
function checkResultatenheterLink(drift: FinanceTable[], units: FinanceTable[], lang: Lang, issues: Issue[]): void {
  const table = units[0];
  if (!table) return;
  const columns = transferColumns(table);
  for (const d of drift) {
    const chain = chainRows(d);
    for (const role of ['fran', 'till'] as const) {
      const link = chain[role];
      const column = columns[role];
      if (!link || !column) continue;
      const sum = columnSum(table, column.col);
      if (!sum) continue;
      const surplus = convert(surplusOf(sum.value, column, role), unitOf(table), unitOf(d));
      const what = lang === 'sv'
        ? `resultatenhetstabellens summa ${show(sum.value, lang, 0)} ${unitOf(table)} i "${column.header}"`
        : `the resultatenheter table's sum ${show(sum.value, lang, 0)} ${unitOf(table)} in "${column.header}"`;
      compare({ table: d, row: link.row.row, col: link.col, figure: link.figure, label: link.row.label }, surplus, what, lang, issues);
    }
  }
}

/** The omslutningsförändringar's sum against the drift table's Intäkter förändringar (an omslutning is cost matched by income). */
function checkOmslutningLink(drift: FinanceTable[], omslutning: FinanceTable[], lang: Lang, issues: Issue[]): void {
  const table = omslutning[0];
  const column = table?.columns.find((c) => fold(c.header).startsWith('omslutningsforandring'));
  if (!table || !column) return;
  const sum = columnSum(table, column.col);
  if (!sum) return;
  for (const d of drift) {
    const rows = d.budgetRows ?? [];
    const income = rows.find((r) => /^intakter\b/.test(fold(r.label)) && r.forandringar !== null);
    const col = income?.cells.forandringar?.col;
    if (!income || col === undefined) continue;
    const figure = d.rows.find((r) => r.row === income.row)?.figures[col];
    if (!figure) continue;
    const converted = convert(sum.value, unitOf(table), unitOf(d));
    const what = lang === 'sv' ? `omslutningsförändringarnas summa i tabellen "${table.title || 'Omslutningsförändringar'}"` : `the sum of the omslutningsförändringar table "${table.title || 'Omslutningsförändringar'}"`;
    compare({ table: d, row: income.row, col, figure, label: `${income.label} (${lang === 'sv' ? 'förändringar' : 'changes'})` }, converted, what, lang, issues);
  }
}

/** The summary drift table's netto row and chain against the main table's Totalt (same figures in two tables). */
function checkDriftLink(drift: FinanceTable[], main: FinanceTable | null, lang: Lang, issues: Issue[]): void {
  const total = main?.budgetRows?.find((r) => r.isTotal);
  // With a single Prognos column it is not known whether it is before or after the transfers: nothing to compare.
  if (!main || !total || total.prognosFore === null) return;
  const frame = (total.budget ?? 0) + (total.justeringar ?? 0) + (total.forandringar ?? 0);
  const fore = total.prognosFore;
  for (const d of drift) {
    if (d === main) continue;
    const chain = chainRows(d);
    const mainName = lang === 'sv' ? `Totalt i tabellen per verksamhetsområde` : `the total of the table per area`;
    if (chain.efter && total.avvikelse !== null) {
      compare({ table: d, row: chain.efter.row.row, col: chain.efter.col, figure: chain.efter.figure, label: chain.efter.row.label }, total.avvikelse, mainName, lang, issues);
    }
    if (chain.fore && fore !== null) {
      compare({ table: d, row: chain.fore.row.row, col: chain.fore.col, figure: chain.fore.figure, label: chain.fore.row.label }, frame - fore, mainName, lang, issues);
    }
  }
}

/** The main drift table: the one with a Totalt row holding Budget and Prognos, the longest when several. */
export function mainDriftTable(tables: FinanceTable[]): FinanceTable | null {
  const drift = tables.filter((t) => t.kind === 'drift');
  const withTotal = drift.filter((t) => t.budgetRows?.some((r) => r.isTotal && r.budget !== null && r.prognos !== null));
  const pool = withTotal.length ? withTotal : drift;
  return pool.reduce<FinanceTable | null>((best, t) => (!best || t.rows.length > best.rows.length ? t : best), null);
}

export function checkCrossTables(tables: FinanceTable[], lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const drift = tables.filter((t) => t.kind === 'drift');
  checkResultatenheterLink(drift, tables.filter((t) => t.kind === 'resultatenheter'), lang, issues);
  checkOmslutningLink(drift, tables.filter((t) => t.kind === 'omslutning'), lang, issues);
  checkDriftLink(drift, mainDriftTable(tables), lang, issues);
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Overruns and budgetföljsamhet per area
// ---------------------------------------------------------------------------------------------

const NOT_AN_AREA = /^(?:kostnader|intakter)\b|\bnetto\b|resultatdisposition|resultatenhet|^anslag\b/;

function frameOf(row: BudgetRow): number | null {
  return row.budget === null ? null : row.budget + (row.justeringar ?? 0) + (row.forandringar ?? 0);
}

/** Budgetföljsamhet per verksamhetsområde: every row of the main table that is not a part, a total or a netto/cost/income line. */
export function areasOf(main: FinanceTable | null): FinanceArea[] {
  const rows = main?.budgetRows ?? [];
  return rows
    .filter((r) => !r.isVarav && !r.isTotal && r.budget !== null && r.prognos !== null && !NOT_AN_AREA.test(fold(r.label)))
    .map((r) => {
      const frame = frameOf(r);
      const ratio = frame && r.prognos !== null ? Number((r.prognos / frame).toPrecision(10)) : null;
      return { label: r.label, frame, prognos: r.prognos, avvikelse: r.avvikelse, budgetfoljsamhet: ratio };
    });
}

/** W_BUDGET_OVERRUN on each area and on the total whose forecast exceeds its budget (beyond the rounding shown). */
export function checkOverruns(main: FinanceTable | null, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const rows = (main?.budgetRows ?? []).filter((r) => !r.isVarav && r.budget !== null && r.prognos !== null && (r.isTotal || !NOT_AN_AREA.test(fold(r.label))));
  for (const row of rows) {
    const frame = frameOf(row) as number;
    const prognos = row.prognos as number;
    if (frame <= 0 || Math.round((prognos - frame) * 1e6) / 1e6 <= 0.05) continue;
    const f = (v: number) => show(v, lang, 1);
    const unit = main?.unit ?? 'mnkr';
    const ratio = show((prognos / frame) * 100, lang, 1);
    const ref = row.cells.prognos ?? row.cells.label ?? { sheet: row.sheet, row: row.row, col: 0 };
    issues.push(finding('warning', 'W_BUDGET_OVERRUN', ref, lang,
      `${row.label}: prognosen ${f(prognos)} överskrider budgeten ${f(frame)} (budget med justeringar och förändringar) med ${f(prognos - frame)} ${unit}; budgetföljsamhet ${ratio} %.`,
      `${row.label}: the forecast ${f(prognos)} exceeds the budget ${f(frame)} (including adjustments and changes) by ${f(prognos - frame)} ${unit}; budget adherence ${ratio} %.`));
  }
  return issues;
}
