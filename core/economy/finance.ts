// Checks the budget follow-up arithmetic (SPEC 1, 4: E_FIN_*, W_FIN_*) and computes the budget key figures (SPEC 5.7).
import { issueAt } from '../common/issues';
import { formatNumber } from '../read/values';
import type { BudgetRow, CellRef, FinanceSummary, Issue, Lang } from '../types';

/** Above this the Avvikelse or a total is wrong (mnkr). */
const ERROR_TOLERANCE = 0.15;
/** Above this (and up to ERROR_TOLERANCE) an Avvikelse is off by more than rounding to one decimal. */
const ROUNDING_TOLERANCE = 0.05;

type NumberField = 'budget' | 'justeringar' | 'forandringar' | 'prognos' | 'prognosFore' | 'avvikelse' | 'utfall';
const NUMBER_FIELDS: NumberField[] = ['budget', 'justeringar', 'forandringar', 'prognos', 'prognosFore', 'avvikelse', 'utfall'];
/**
 * Columns whose `varav` rows must not add up to more than their row. Adjustments and deviations
 * are differences that may cancel out between parts, so only the amounts themselves are compared.
 */
const VARAV_FIELDS: NumberField[] = ['budget', 'prognos', 'prognosFore', 'utfall'];

const COLUMN_NAMES: Record<Lang, Record<NumberField, string>> = {
  sv: {
    budget: 'Budget',
    justeringar: 'Begärda budgetjusteringar',
    forandringar: 'Prestationsförändringar',
    prognos: 'Prognos',
    prognosFore: 'Prognos (före resultatöverföringar)',
    avvikelse: 'Avvikelse',
    utfall: 'Utfall',
  },
  en: {
    budget: 'Budget',
    justeringar: 'Requested budget adjustments',
    forandringar: 'Volume changes',
    prognos: 'Forecast',
    prognosFore: 'Forecast (before transfers of results)',
    avvikelse: 'Deviation',
    utfall: 'Outcome',
  },
};

/** Absolute difference with binary noise removed, so that 0.15000000000000036 counts as 0.15. */
function difference(a: number, b: number): number {
  return Math.round(Math.abs(a - b) * 1e9) / 1e9;
}

/** Ratio with binary noise removed (10 significant digits). */
function ratio(numerator: number, denominator: number): number | null {
  if (denominator === 0 || !Number.isFinite(numerator / denominator)) return null;
  return Number((numerator / denominator).toPrecision(10));
}

/** Decimals to show so that every figure of a message is exact: at least one, at most three. */
function decimalsFor(values: number[]): number {
  let decimals = 1;
  for (const value of values) {
    while (decimals < 3 && Math.abs(value * 10 ** decimals - Math.round(value * 10 ** decimals)) > 1e-6) decimals++;
  }
  return decimals;
}

function cellOf(row: BudgetRow, field: string): CellRef {
  return row.cells[field] ?? row.cells.label ?? { sheet: row.sheet, row: row.row, col: 0 };
}

/** A row with neither Budget nor Prognos (e.g. "Prognos/avvikelse efter resultatdispositioner") is carried, not checked. */
function isChecked(row: BudgetRow): boolean {
  return row.budget !== null || row.prognos !== null;
}

function expectedAvvikelse(row: BudgetRow): number {
  return (row.budget ?? 0) + (row.justeringar ?? 0) + (row.forandringar ?? 0) - (row.prognos ?? 0);
}

function checkAvvikelse(row: BudgetRow, lang: Lang, issues: Issue[]): void {
  if (row.avvikelse === null) return;
  const expected = expectedAvvikelse(row);
  const diff = difference(row.avvikelse, expected);
  if (diff <= ROUNDING_TOLERANCE) return;
  const budget = row.budget ?? 0;
  const just = row.justeringar ?? 0;
  const forand = row.forandringar ?? 0;
  const prognos = row.prognos ?? 0;
  const d = decimalsFor([row.avvikelse, budget, just, forand, prognos]);
  const f = (value: number) => formatNumber(value, lang, d);
  const formula =
    lang === 'sv'
      ? `Budget ${f(budget)} + justeringar ${f(just)} + förändringar ${f(forand)} − Prognos ${f(prognos)} = ${f(expected)}`
      : `Budget ${f(budget)} + adjustments ${f(just)} + changes ${f(forand)} − Forecast ${f(prognos)} = ${f(expected)}`;
  const ref = cellOf(row, 'avvikelse');
  if (diff > ERROR_TOLERANCE) {
    const message =
      lang === 'sv'
        ? `Avvikelse ${f(row.avvikelse)} stämmer inte: ${formula} (skillnad ${f(diff)}).`
        : `Deviation ${f(row.avvikelse)} does not add up: ${formula} (difference ${f(diff)}).`;
    issues.push(issueAt('error', 'E_FIN_ARITHMETIC', ref, message));
  } else {
    const message =
      lang === 'sv'
        ? `Avvikelse ${f(row.avvikelse)} skiljer sig ${f(diff)} från ${formula} – mer än avrundning.`
        : `Deviation ${f(row.avvikelse)} differs by ${f(diff)} from ${formula} – more than rounding.`;
    issues.push(issueAt('warning', 'W_FIN_ROUNDING', ref, message));
  }
}

type Sums = Record<NumberField, number>;

function emptySums(): Sums {
  return { budget: 0, justeringar: 0, forandringar: 0, prognos: 0, prognosFore: 0, avvikelse: 0, utfall: 0 };
}

function addRow(sums: Sums, row: BudgetRow): void {
  for (const field of NUMBER_FIELDS) sums[field] += row[field] ?? 0;
}

function checkTotal(total: BudgetRow, sums: Sums, lang: Lang, issues: Issue[]): void {
  for (const field of NUMBER_FIELDS) {
    const value = total[field];
    if (value === null || total.cells[field] === undefined) continue;
    const diff = difference(value, sums[field]);
    if (diff <= ERROR_TOLERANCE) continue;
    const d = decimalsFor([value, sums[field]]);
    const f = (n: number) => formatNumber(n, lang, d);
    const column = COLUMN_NAMES[lang][field];
    const message =
      lang === 'sv'
        ? `${total.label || 'Totalt'} ${column} ${f(value)} stämmer inte med summan av raderna ovan, ${f(sums[field])} (skillnad ${f(diff)}; varav-rader räknas inte).`
        : `${total.label || 'Total'} ${column} ${f(value)} does not match the sum of the rows above, ${f(sums[field])} (difference ${f(diff)}; "varav" rows are not counted).`;
    issues.push(issueAt('error', 'E_FIN_TOTAL', cellOf(total, field), message));
  }
}

/** W_FIN_VARAV: the parts of a row add up to more than the row itself (absolute values, first column found). */
function checkVarav(rows: BudgetRow[], lang: Lang, issues: Issue[]): void {
  const parts = new Map<BudgetRow, BudgetRow[]>();
  const byRow = new Map<string, BudgetRow>();
  for (const row of rows) byRow.set(`${row.sheet}\u0000${row.row}`, row);
  for (const row of rows) {
    if (!row.isVarav || row.parentRow === null) continue;
    const parent = byRow.get(`${row.sheet}\u0000${row.parentRow}`);
    if (!parent) continue;
    const list = parts.get(parent);
    if (list) list.push(row);
    else parts.set(parent, [row]);
  }
  for (const [parent, varav] of parts) {
    for (const field of VARAV_FIELDS) {
      const own = parent[field];
      if (own === null) continue;
      let sum = 0;
      for (const part of varav) sum += part[field] ?? 0;
      // Tolerance: each part is rounded to one decimal, so a few tenths may pile up.
      if (Math.round((Math.abs(sum) - Math.abs(own)) * 1e9) / 1e9 <= ERROR_TOLERANCE) continue;
      const d = decimalsFor([sum, own]);
      const f = (n: number) => formatNumber(n, lang, d);
      const column = COLUMN_NAMES[lang][field];
      const message =
        lang === 'sv'
          ? `Varav-raderna under "${parent.label}" summerar till ${f(sum)} i ${column}, mer än raden själv (${f(own)}).`
          : `The "varav" rows under "${parent.label}" add up to ${f(sum)} in ${column}, more than the row itself (${f(own)}).`;
      issues.push(issueAt('warning', 'W_FIN_VARAV', cellOf(parent, 'label'), message));
      break;
    }
  }
}

function summarise(total: BudgetRow | null, sums: Sums | null, rows: BudgetRow[]): FinanceSummary {
  // Without a total row the sum of the checked, non-varav rows stands in for it.
  const pick = (field: NumberField): number | null => {
    if (total) return total[field];
    return rows.some((row) => !row.isVarav && row[field] !== null) ? (sums as Sums)[field] : null;
  };
  const budget = pick('budget');
  const justeringar = pick('justeringar');
  const forandringar = pick('forandringar');
  const prognos = pick('prognos');
  const prognosFore = pick('prognosFore');
  const utfall = pick('utfall');
  const frame = budget === null ? null : budget + (justeringar ?? 0) + (forandringar ?? 0);
  const summary: FinanceSummary = {
    total: { budget, justeringar, forandringar, prognos, avvikelse: pick('avvikelse') },
    budgetfoljsamhet: frame !== null && prognos !== null ? ratio(prognos, frame) : null,
  };
  if (prognosFore !== null) {
    summary.budgetfoljsamhetForeResultatoverforingar = frame !== null ? ratio(prognosFore, frame) : null;
  }
  if (utfall !== null) {
    summary.prognossakerhet = budget !== null && prognos !== null ? ratio(utfall - prognos, budget) : null;
  }
  return summary;
}

/**
 * Checks every budget row (Avvikelse formula, totals, varav parts) and computes the key figures
 * from the total row (the last one when there are several). Summary is null without checked rows.
 */
export function checkFinance(rows: BudgetRow[], lang: Lang): { issues: Issue[]; summary: FinanceSummary | null } {
  const issues: Issue[] = [];
  let segment = emptySums();
  let segmentSheet: string | null = null;
  let lastTotal: BudgetRow | null = null;
  const allSums = emptySums();
  const checked: BudgetRow[] = [];
  for (const row of rows) {
    if (!isChecked(row)) continue;
    checked.push(row);
    checkAvvikelse(row, lang, issues);
    if (row.sheet !== segmentSheet) {
      segment = emptySums();
      segmentSheet = row.sheet;
    }
    if (row.isTotal) {
      checkTotal(row, segment, lang, issues);
      lastTotal = row;
      segment = emptySums(); // rows after a total belong to the next total
    } else if (!row.isVarav) {
      addRow(segment, row);
      addRow(allSums, row);
    }
  }
  checkVarav(checked, lang, issues);
  if (checked.length === 0) return { issues, summary: null };
  return { issues, summary: summarise(lastTotal, lastTotal ? null : allSums, checked) };
}
