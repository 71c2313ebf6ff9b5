// Checks per table kind that have no Budget/Prognos row formula: plan (Netto per year), resultatenheter, omslutning and nyckeltal (SPEC 5.7: E_FIN_NETTO, E_FIN_TOTAL, W_FIN_VARAV, W_FIN_RESULTATENHET, E_KEYFIGURE_SUM, W_KEYFIGURE_CHANGE).
import { fold } from '../common/text';
import { blockTotals, finding, headerOf, refOf, varavParts, type TotalCheck } from './blocks';
import { diff, halfUnit, show, showDecimals } from './figures';
import type { FinanceColumn, FinanceFigure, FinanceTable, Issue, Lang } from '../types';

/** Money tables: 1,5 units of the last digit shown (0,15 for figures in tenths, as SPEC 4 states for mnkr). */
function moneyTolerance(figures: FinanceFigure[]): number {
  const d = Math.max(0, ...figures.map((f) => f.decimals));
  return 1.5 * 10 ** -d;
}

/** Key figures: the most the rounding of the shown figures can account for. */
function roundingTolerance(figures: FinanceFigure[]): number {
  return figures.reduce((s, f) => s + halfUnit(f), 0);
}

function totalIssue(table: FinanceTable, check: TotalCheck, code: string, lang: Lang): Issue {
  const d = showDecimals([check.figure, check.sum]);
  const f = (v: number) => show(v, lang, d);
  const column = headerOf(table, check.col);
  return finding('error', code, refOf(table, check.total.row, check.col), lang,
    `${check.total.label} ${column}: ${f(check.figure.value)} stämmer inte med summan av raderna ovan, ${f(check.sum)} (skillnad ${f(diff(check.figure.value, check.sum))}; varav-rader räknas inte).`,
    `${check.total.label} ${column}: ${f(check.figure.value)} does not match the sum of the rows above, ${f(check.sum)} (difference ${f(diff(check.figure.value, check.sum))}; "varav" rows are not counted).`);
}

/** Totalt/Summa rows of a money table (E_FIN_TOTAL) or a key-figure table (E_KEYFIGURE_SUM). */
function checkTotals(table: FinanceTable, lang: Lang, issues: Issue[], columns?: Set<number>): void {
  const keyFigures = table.kind === 'nyckeltal';
  for (const check of blockTotals(table)) {
    if (columns && !columns.has(check.col)) continue;
    if (check.figure.percent) continue; // shares are not added up
    const figures = [check.figure, ...check.parts];
    const tolerance = keyFigures ? roundingTolerance(figures) : moneyTolerance(figures);
    if (diff(check.figure.value, check.sum) <= tolerance + 1e-9) continue;
    // A key figure's Totalt may be the average of a ratio (barn per grupp), not a sum
    if (keyFigures && diff(check.figure.value, check.sum / check.parts.length) <= tolerance / check.parts.length + 1e-9) continue;
    issues.push(totalIssue(table, check, keyFigures ? 'E_KEYFIGURE_SUM' : 'E_FIN_TOTAL', lang));
  }
}

/** W_FIN_VARAV: the parts of a row add up to more than the row (absolute values, beyond rounding). */
function checkVarav(table: FinanceTable, lang: Lang, issues: Issue[], columns: FinanceColumn[]): void {
  for (const [parent, parts] of varavParts(table)) {
    for (const { col } of columns) {
      const own = parent.figures[col];
      const figures = parts.map((p) => p.figures[col]).filter((f): f is FinanceFigure => !!f);
      if (!own || own.percent || figures.length === 0) continue;
      const sum = figures.reduce((s, f) => s + f.value, 0);
      const tolerance = table.kind === 'nyckeltal' ? roundingTolerance([own, ...figures]) : moneyTolerance([own, ...figures]);
      if (Math.abs(sum) - Math.abs(own.value) <= tolerance + 1e-9) continue;
      const d = showDecimals([own, sum]);
      const f = (v: number) => show(v, lang, d);
      const column = headerOf(table, col);
      issues.push(finding('warning', 'W_FIN_VARAV', refOf(table, parent.row, col), lang,
        `Varav-raderna under "${parent.label}" summerar till ${f(sum)} i ${column}, mer än raden själv (${f(own.value)}).`,
        `The parts of "${parent.label}" add up to ${f(sum)} in ${column}, more than the row itself (${f(own.value)}).`));
      break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Plan: Kostnader | Intäkter | Netto per year
// ---------------------------------------------------------------------------------------------

type PlanRole = 'kostnader' | 'intakter' | 'netto';
const PLAN_ROLE: [RegExp, PlanRole][] = [
  [/\bkostnad(?:er)?\b/, 'kostnader'],
  [/\bintakt(?:er)?\b/, 'intakter'],
  [/\bnetto\b/, 'netto'],
];

/** Columns of a plan table grouped by year (`Budget 2021`), each with its Kostnader/Intäkter/Netto column. */
export function planGroups(table: FinanceTable): Map<string, Partial<Record<PlanRole, number>>> {
  const groups = new Map<string, Partial<Record<PlanRole, number>>>();
  for (const { col, header } of table.columns) {
    const key = fold(header);
    const hit = PLAN_ROLE.find(([re]) => re.test(key));
    if (!hit) continue;
    const group = key.replace(hit[0], '').replace(/\s+/g, ' ').trim();
    const entry = groups.get(group) ?? {};
    if (entry[hit[1]] === undefined) entry[hit[1]] = col;
    groups.set(group, entry);
  }
  return groups;
}

/** Intäkter written as negative numbers (netto = kostnader + intäkter) when most non-zero intäkter are negative. */
function incomeNegative(table: FinanceTable, cols: number[]): boolean {
  let negative = 0;
  let positive = 0;
  for (const row of table.rows) {
    for (const col of cols) {
      const v = row.figures[col]?.value ?? 0;
      if (v < 0) negative++;
      else if (v > 0) positive++;
    }
  }
  return negative > positive;
}

function checkPlanNetto(table: FinanceTable, lang: Lang, issues: Issue[]): void {
  const groups = [...planGroups(table)].filter(([, g]) => g.kostnader !== undefined && g.intakter !== undefined && g.netto !== undefined);
  const negative = incomeNegative(table, groups.map(([, g]) => g.intakter as number));
  for (const row of table.rows) {
    for (const [, g] of groups) {
      const k = row.figures[g.kostnader as number];
      const i = row.figures[g.intakter as number];
      const n = row.figures[g.netto as number];
      if (!k || !i || !n) continue;
      const expected = negative ? k.value + i.value : k.value - i.value;
      if (diff(n.value, expected) <= moneyTolerance([k, i, n]) + 1e-9) continue;
      const d = showDecimals([k, i, n]);
      const f = (v: number) => show(v, lang, d);
      const sign = negative ? '+' : '−';
      const column = headerOf(table, g.netto as number);
      issues.push(finding('error', 'E_FIN_NETTO', refOf(table, row.row, g.netto as number), lang,
        `${row.label}, ${column}: ${f(n.value)} stämmer inte med Kostnader ${f(k.value)} ${sign} Intäkter ${f(i.value)} = ${f(expected)} (intäkterna skrivs ${negative ? 'negativa' : 'positiva'} i tabellen).`,
        `${row.label}, ${column}: ${f(n.value)} does not equal costs ${f(k.value)} ${sign} income ${f(i.value)} = ${f(expected)} (the table writes income as ${negative ? 'negative' : 'positive'} numbers).`));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Resultatenheter
// ---------------------------------------------------------------------------------------------

type TransferRole = 'fran' | 'resultat' | 'till';

/** +1 when the header says `Överskott (+)`, −1 for `Överskott (-)`, else the SPEC's default for the role. */
function surplusSign(header: string, role: TransferRole): number {
  const m = /overskott\s*\(\s*([+\-−–])\s*\)/.exec(fold(header));
  if (m) return m[1] === '+' ? 1 : -1;
  return role === 'till' ? 1 : -1;
}

export function transferColumns(table: FinanceTable): Partial<Record<TransferRole, FinanceColumn>> {
  const found: Partial<Record<TransferRole, FinanceColumn>> = {};
  for (const column of table.columns) {
    const key = fold(column.header);
    const role: TransferRole | null = /overforing fran|\bfran\b/.test(key) ? 'fran' : /overforing till|\btill\b/.test(key) ? 'till' : /^resultat\b/.test(key) ? 'resultat' : null;
    if (role && !found[role]) found[role] = column;
  }
  return found;
}

/** Surplus (positive) of a resultatenheter figure under its column's sign convention. */
export function surplusOf(value: number, column: FinanceColumn, role: TransferRole): number {
  return value * surplusSign(column.header, role);
}

function checkResultatenheter(table: FinanceTable, lang: Lang, issues: Issue[]): void {
  const { fran, resultat, till } = transferColumns(table);
  if (!fran || !resultat || !till) return;
  for (const row of table.rows) {
    if (row.isTotal || row.isBlockHeading) continue;
    const a = row.figures[fran.col];
    const b = row.figures[resultat.col];
    const c = row.figures[till.col];
    if (!a || !b || !c) continue;
    const surplus = surplusOf(a.value, fran, 'fran') + surplusOf(b.value, resultat, 'resultat');
    const expected = surplus * surplusSign(till.header, 'till');
    if (diff(c.value, expected) <= 0.5 + 1e-9) continue;
    const d = showDecimals([a, b, c]);
    const f = (v: number) => show(v, lang, d);
    issues.push(finding('warning', 'W_FIN_RESULTATENHET', refOf(table, row.row, till.col), lang,
      `${row.label}: Resultatöverföring ${f(c.value)} följer inte av överföringen ${f(a.value)} och resultatet ${f(b.value)}; med rubrikernas tecken blir den ${f(expected)}.`,
      `${row.label}: transfer ${f(c.value)} does not follow from the carried-over ${f(a.value)} and the result ${f(b.value)}; with the headers' signs it is ${f(expected)}.`));
  }
  for (const check of blockTotals(table)) {
    const tolerance = Math.max(0.5, roundingTolerance([check.figure, ...check.parts]));
    if (diff(check.figure.value, check.sum) <= tolerance + 1e-9) continue;
    const issue = totalIssue(table, check, 'W_FIN_RESULTATENHET', lang);
    issues.push({ ...issue, severity: 'warning' });
  }
}

// ---------------------------------------------------------------------------------------------
// Nyckeltal: change columns
// ---------------------------------------------------------------------------------------------

const CHANGE = /^(?:utv|utveckling|forandring|andring)/;
const YEAR = /\b((?:19|20)\d\d)\b/;

/** For a change column: the column it compares from (the named year, else the one before the latest) and to (the column before it). */
function comparedColumns(table: FinanceTable, change: FinanceColumn): { from: FinanceColumn; to: FinanceColumn } | null {
  const before = table.columns.filter((c) => c.col < change.col && !CHANGE.test(fold(c.header)) && !/^varav\b/.test(fold(c.header)));
  const to = before[before.length - 1];
  if (!to) return null;
  const year = YEAR.exec(fold(change.header))?.[1];
  const named = year ? before.find((c) => fold(c.header) === year) ?? before.find((c) => c !== to && YEAR.exec(fold(c.header))?.[1] === year) : undefined;
  const from = named ?? before[before.length - 2];
  return from && from !== to ? { from, to } : null;
}

/** The range of changes the rounded figures allow: [lowest, highest]. */
function changeRange(from: FinanceFigure, to: FinanceFigure, relative: boolean): [number, number] | null {
  const a = [from.value - halfUnit(from), from.value + halfUnit(from)];
  const b = [to.value - halfUnit(to), to.value + halfUnit(to)];
  if (relative && a[0] <= 0 && a[1] >= 0) return null;
  const values = a.flatMap((x) => b.map((y) => (relative ? ((y - x) / Math.abs(x)) * 100 : y - x)));
  return [Math.min(...values), Math.max(...values)];
}

function checkChanges(table: FinanceTable, lang: Lang, issues: Issue[]): void {
  for (const change of table.columns.filter((c) => CHANGE.test(fold(c.header)))) {
    const pair = comparedColumns(table, change);
    if (!pair) continue;
    for (const row of table.rows) {
      const c = row.figures[change.col];
      const from = row.figures[pair.from.col];
      const to = row.figures[pair.to.col];
      if (!c || !from || !to) continue;
      const range = changeRange(from, to, c.percent);
      if (!range) continue;
      const unit = 10 ** -c.decimals;
      if (c.value >= range[0] - unit - 1e-9 && c.value <= range[1] + unit + 1e-9) continue;
      const exact = c.percent ? ((to.value - from.value) / Math.abs(from.value)) * 100 : to.value - from.value;
      const d = showDecimals([c]);
      const pct = c.percent ? ' %' : '';
      const fd = showDecimals([from, to]);
      issues.push(finding('warning', 'W_KEYFIGURE_CHANGE', refOf(table, row.row, change.col), lang,
        `${row.label}: ${change.header} ${show(c.value, lang, d)}${pct} stämmer inte med ${show(from.value, lang, fd)} (${pair.from.header}) mot ${show(to.value, lang, fd)} (${pair.to.header}), som ger ${show(exact, lang, d)}${pct}.`,
        `${row.label}: ${change.header} ${show(c.value, lang, d)}${pct} does not match ${show(from.value, lang, fd)} (${pair.from.header}) against ${show(to.value, lang, fd)} (${pair.to.header}), which gives ${show(exact, lang, d)}${pct}.`));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Nyckeltal: `Varav kvinnor | Varav män` columns after the column they split
// ---------------------------------------------------------------------------------------------

const PART_COLUMN = /^varav\b/;
const WOMEN = /\b(?:kvinnor|flickor)\b/;
const MEN = /\b(?:man|pojkar)\b/;

/** Each column followed by `Varav …` columns, with those columns. */
function partColumns(table: FinanceTable): { whole: FinanceColumn; parts: FinanceColumn[] }[] {
  const found: { whole: FinanceColumn; parts: FinanceColumn[] }[] = [];
  for (const column of table.columns) {
    const last = found[found.length - 1];
    if (PART_COLUMN.test(fold(column.header))) {
      if (last) last.parts.push(column);
    } else found.push({ whole: column, parts: [] });
  }
  return found.filter((f) => f.parts.length > 0);
}

/** A split into women and men is complete: the parts must add up to the whole (E_KEYFIGURE_SUM); other parts must not exceed it (W_FIN_VARAV). */
function checkPartColumns(table: FinanceTable, lang: Lang, issues: Issue[]): void {
  for (const { whole, parts } of partColumns(table)) {
    const headers = parts.map((p) => fold(p.header));
    const complete = parts.length === 2 && headers.some((h) => WOMEN.test(h)) && headers.some((h) => MEN.test(h));
    for (const row of table.rows) {
      const own = row.figures[whole.col];
      const figures = parts.map((p) => row.figures[p.col]);
      if (!own || own.percent || figures.some((f) => !f)) continue;
      const sum = figures.reduce((s, f) => s + (f as FinanceFigure).value, 0);
      const tolerance = roundingTolerance([own, ...(figures as FinanceFigure[])]) + 1e-9;
      const off = complete ? diff(sum, own.value) > tolerance : sum - own.value > tolerance;
      if (!off) continue;
      const d = showDecimals([own, ...(figures as FinanceFigure[])]);
      const list = parts.map((p, i) => `${p.header} ${show((figures[i] as FinanceFigure).value, lang, d)}`).join(' + ');
      issues.push(finding(complete ? 'error' : 'warning', complete ? 'E_KEYFIGURE_SUM' : 'W_FIN_VARAV', refOf(table, row.row, whole.col), lang,
        `${row.label}: ${whole.header} ${show(own.value, lang, d)} stämmer inte med ${list} = ${show(sum, lang, d)}.`,
        `${row.label}: ${whole.header} ${show(own.value, lang, d)} does not match ${list} = ${show(sum, lang, d)}.`));
    }
  }
}

/** The checks of one table whose kind has no Budget/Prognos formula. */
export function checkTableKind(table: FinanceTable, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const amountColumns = table.columns.filter((c) => !CHANGE.test(fold(c.header)) && !PART_COLUMN.test(fold(c.header)));
  if (table.kind === 'plan') {
    checkPlanNetto(table, lang, issues);
    checkTotals(table, lang, issues);
    checkVarav(table, lang, issues, amountColumns);
  } else if (table.kind === 'resultatenheter') {
    checkResultatenheter(table, lang, issues);
  } else if (table.kind === 'omslutning') {
    checkTotals(table, lang, issues);
  } else if (table.kind === 'nyckeltal') {
    checkTotals(table, lang, issues, new Set(amountColumns.map((c) => c.col)));
    checkVarav(table, lang, issues, amountColumns);
    checkChanges(table, lang, issues);
    checkPartColumns(table, lang, issues);
  }
  return issues;
}
