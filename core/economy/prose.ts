// Amounts stated in the analysis and captions of the economy section checked against the tables that hold them (SPEC 5.7 "Figures in the prose": W_FIN_CROSS).
import { fold } from '../common/text';
import { finding } from './blocks';
import { mainDriftTable } from './cross';
import { convert, show } from './figures';
import { isTitleLike } from './tables';
import type { BudgetRow, FinanceTable, FinanceText, Issue, Lang, MoneyUnit } from '../types';

const AMOUNT = '(\\d{1,3}(?: \\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)';
const NEXT = '(?=underskott|overskott|utfall inom|\\.(?:\\s|$)|$)';
const DEVIATION = new RegExp(`(underskott|overskott) om (?:cirka |ca |totalt )?${AMOUNT} mnkr(.*?)${NEXT}`, 'g');
const WITHIN = new RegExp(`utfall inom (?:faststalld |tilldelad )?budget(?:ram)?(.*?)${NEXT}`, 'g');
const STOP_WORDS = new Set(['och', 'for', 'till', 'med', 'av', 'i', 'pa', 'om', 'inkl', 'varav', 'samt']);

type Moment = 'fore' | 'efter' | 'any';

interface Claim {
  /** The deviation the text states (underskott negative), or null for "inom fastställd budget". */
  value: number | null;
  decimals: number;
  moment: Moment;
  quote: string;
}

function amount(text: string): { value: number; decimals: number } {
  const clean = text.replace(/ /g, '');
  const decimals = clean.includes(',') ? clean.split(',')[1].length : 0;
  return { value: Number(clean.replace(',', '.')), decimals };
}

function momentOf(tail: string): Moment {
  const fore = /\bfore\b/.test(tail);
  const efter = /\befter\b/.test(tail);
  return fore && !efter ? 'fore' : efter && !fore ? 'efter' : 'any';
}

/** The deviations a sentence states: "ett underskott om 6,5 mnkr före resultatöverföringar", "ett utfall inom fastställd budget efter …". */
export function deviationClaims(text: string): Claim[] {
  const key = fold(text);
  const claims: Claim[] = [];
  for (const m of key.matchAll(DEVIATION)) {
    const { value, decimals } = amount(m[2]);
    claims.push({ value: m[1] === 'underskott' ? -value : value, decimals, moment: momentOf(m[3]), quote: m[0].trim() });
  }
  for (const m of key.matchAll(WITHIN)) claims.push({ value: null, decimals: 1, moment: momentOf(m[1]), quote: m[0].trim() });
  return claims;
}

function frameOf(row: BudgetRow): number {
  return (row.budget ?? 0) + (row.justeringar ?? 0) + (row.forandringar ?? 0);
}

/** The row's deviation before and after transfers of results. */
function deviations(row: BudgetRow): Record<'fore' | 'efter', number | null> {
  const efter = row.avvikelse ?? (row.prognos !== null ? frameOf(row) - row.prognos : null);
  const foreForecast = row.prognosFore ?? row.prognos;
  return { fore: foreForecast !== null && row.budget !== null ? frameOf(row) - foreForecast : efter, efter };
}

function holds(claim: Claim, row: BudgetRow): boolean {
  // With one Prognos column the deviation before transfers is not in the table: a claim about it cannot be checked.
  if (claim.moment === 'fore' && row.prognosFore === null) return true;
  const found = deviations(row);
  const moments: ('fore' | 'efter')[] = claim.moment === 'any' ? ['fore', 'efter'] : [claim.moment];
  const tolerance = 0.5 * 10 ** -claim.decimals + 1e-9;
  return moments.some((m) => {
    const v = found[m];
    if (v === null) return false;
    return claim.value === null ? v >= -tolerance : Math.abs(v - claim.value) <= tolerance;
  });
}

function words(label: string): string[] {
  return fold(label).split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/** Area rows a heading names: every word of the row's label occurs in the heading (real: "Arbetsmarknad åtgärder" in "Arbetsmarknadsåtgärder"). */
function rowsNamed(heading: string, rows: BudgetRow[]): BudgetRow[] {
  const key = fold(heading);
  return rows.filter((r) => !r.isTotal && words(r.label).length > 0 && words(r.label).every((w) => key.includes(w)));
}

function describe(claim: Claim, lang: Lang): string {
  const moment = { sv: { fore: ' före resultatöverföringar', efter: ' efter resultatöverföringar', any: '' }, en: { fore: ' before transfers', efter: ' after transfers', any: '' } }[lang][claim.moment];
  if (claim.value === null) return lang === 'sv' ? `ett utfall inom budget${moment}` : `an outcome within budget${moment}`;
  const word = claim.value < 0 ? (lang === 'sv' ? 'ett underskott' : 'a deficit') : lang === 'sv' ? 'ett överskott' : 'a surplus';
  return `${word} ${lang === 'sv' ? 'om' : 'of'} ${show(Math.abs(claim.value), lang, claim.decimals)} mnkr${moment}`;
}

function tableSays(row: BudgetRow, claim: Claim, lang: Lang): string {
  const found = deviations(row);
  const m = claim.moment === 'any' ? 'efter' : claim.moment;
  const v = found[m];
  const value = v === null ? '–' : show(v, lang, 1);
  return lang === 'sv' ? `"${row.label}" har avvikelse ${value} i tabellen` : `"${row.label}" has deviation ${value} in the table`;
}

function claimIssue(text: FinanceText, claim: Claim, subject: string, rows: BudgetRow[], lang: Lang): Issue {
  const said = rows.map((r) => tableSays(r, claim, lang)).join(lang === 'sv' ? ' och ' : ' and ');
  return finding('warning', 'W_FIN_CROSS', { sheet: text.sheet, row: text.row, col: text.col }, lang,
    `Texten om ${subject} anger ${describe(claim, lang)}, men ${said}.`,
    `The text on ${subject} states ${describe(claim, lang)}, but ${said}.`);
}

/** Texts on the whole nämnd ("För hela nämndens verksamhetsområde prognostiseras …") against the main table's total. */
function checkTotalClaims(text: FinanceText, total: BudgetRow, lang: Lang, issues: Issue[]): void {
  if (!/\bhela namndens\b/.test(fold(text.text))) return;
  for (const claim of deviationClaims(text.text)) {
    if (!holds(claim, total)) issues.push(claimIssue(text, claim, lang === 'sv' ? 'hela nämnden' : 'the whole committee', [total], lang));
  }
}

/** The first paragraph under a heading that names a verksamhetsområde states that area's deviation. */
function checkAreaClaims(texts: FinanceText[], rows: BudgetRow[], lang: Lang, issues: Issue[]): void {
  let heading: { text: string; rows: BudgetRow[] } | null = null;
  for (const text of texts) {
    if (isTitleLike(text.text)) {
      const named = rowsNamed(text.text, rows);
      heading = named.length ? { text: text.text, rows: named } : null;
      continue;
    }
    if (!heading) continue;
    const current = heading;
    heading = null;
    for (const claim of deviationClaims(text.text)) {
      if (!current.rows.some((r) => holds(claim, r))) issues.push(claimIssue(text, claim, `"${current.text}"`, current.rows, lang));
    }
  }
}

type Source = 'omslutning' | 'netto' | 'budget' | 'investBudget' | 'kostnader' | 'intakter' | 'forandringar' | 'justeringar' | 'investJust';

/** Amounts the analysis states about a table's figure: pattern (folded text), the figure, and what the line must also say. */
const CLAIMS: [RegExp, Source, RegExp?][] = [
  [new RegExp(`omslutningsforandringar(?: om| pa| till)? ${AMOUNT} mnkr`), 'omslutning'],
  [new RegExp(`nettokostnader om ${AMOUNT} mnkr`), 'netto'],
  [new RegExp(`driftbudgeten uppgar (?:darmed )?till ${AMOUNT} mnkr`), 'budget'],
  [new RegExp(`investeringsbudgeten uppgar (?:darmed )?till ${AMOUNT} mnkr`), 'investBudget'],
  [new RegExp(`for kostnaderna prognostiseras (?:totalt )?${AMOUNT} mnkr`), 'kostnader'],
  [new RegExp(`for intakterna (?:prognostiseras )?(?:totalt )?${AMOUNT} mnkr`), 'intakter'],
  [new RegExp(`prestationer om ${AMOUNT} mnkr`), 'forandringar'],
  // real: "Begärda budgetjusteringar uppgår till totalt 1,9 mnkr, varav 0,9 mnkr för drift och 1,0 mnkr för investering"
  [new RegExp(`${AMOUNT} mnkr for drift\\b`), 'justeringar', /\bbegarda budgetjusteringar\b/],
  [new RegExp(`(?:${AMOUNT} mnkr for investering\\b|budgetjustering \\(investering\\) om totalt ${AMOUNT} mnkr)`), 'investJust', /\bbegarda budgetjusteringar\b|\bansoker\b/],
];

interface Figure {
  value: number;
  unit: MoneyUnit;
  /** Where the figure is: `"Totalt", Budget` or a table's title. */
  where: string;
}

function totalRowOf(table: FinanceTable | undefined | null): BudgetRow | undefined {
  return table?.budgetRows?.find((r) => r.isTotal);
}

/** The first budget row of a drift table whose label matches, with its table. */
function driftRow(tables: FinanceTable[], re: RegExp): { row: BudgetRow; table: FinanceTable } | null {
  for (const table of tables) {
    const row = table.kind === 'drift' ? table.budgetRows?.find((r) => re.test(fold(r.label))) : undefined;
    if (row) return { row, table };
  }
  return null;
}

/** A budget row's figure in one field, named by its row label and column header. */
function rowFigure(table: FinanceTable | null | undefined, row: BudgetRow | undefined, field: 'budget' | 'justeringar' | 'forandringar' | 'prognos' | 'prognosFore'): Figure | null {
  const value = row?.[field];
  const col = row?.cells[field]?.col;
  if (!table || !row || value === null || value === undefined || col === undefined) return null;
  return { value, unit: table.unit ?? 'mnkr', where: `"${row.label}", ${table.columns.find((c) => c.col === col)?.header ?? field}` };
}

function omslutningSum(tables: FinanceTable[]): Figure | null {
  const table = tables.find((t) => t.kind === 'omslutning');
  const column = table?.columns.find((c) => fold(c.header).startsWith('omslutningsforandring'));
  if (!table || !column) return null;
  const total = table.rows.find((r) => r.isTotal)?.figures[column.col]?.value;
  const sum = table.rows.filter((r) => !r.isVarav && !r.isTotal).reduce((s, r) => s + (r.figures[column.col]?.value ?? 0), 0);
  return { value: total ?? sum, unit: table.unit ?? 'mnkr', where: `Σ "${table.title || column.header}"` };
}

/** The table figure a claim is about; nettokostnader: the netto row (real: "Anslag … (netto)"), else Prognos före. */
function figureFor(source: Source, tables: FinanceTable[]): Figure | null {
  const main = mainDriftTable(tables);
  const invest = tables.find((t) => t.kind === 'investering');
  switch (source) {
    case 'omslutning': return omslutningSum(tables);
    case 'netto': {
      const netto = driftRow(tables, /\bnetto\b|^anslag\b/);
      return rowFigure(netto?.table, netto?.row, 'prognos') ?? rowFigure(main, totalRowOf(main), 'prognosFore');
    }
    case 'kostnader':
    case 'intakter': {
      const found = driftRow(tables, source === 'kostnader' ? /^kostnader\b/ : /^intakter\b/);
      return rowFigure(found?.table, found?.row, 'prognos');
    }
    case 'investBudget': return rowFigure(invest, totalRowOf(invest), 'budget');
    case 'investJust': return rowFigure(invest, totalRowOf(invest), 'justeringar');
    default: return rowFigure(main, totalRowOf(main), source);
  }
}

function checkSimpleClaims(text: FinanceText, tables: FinanceTable[], lang: Lang, issues: Issue[]): void {
  const key = fold(text.text);
  for (const [pattern, source, requires] of CLAIMS) {
    const m = pattern.exec(key);
    if (!m || (requires && !requires.test(key))) continue;
    const found = figureFor(source, tables);
    if (!found) continue;
    const stated = amount(m[1] ?? m[2]);
    const inMnkr = convert(found.value, found.unit, 'mnkr');
    if (Math.abs(Math.abs(inMnkr) - stated.value) <= 0.5 * 10 ** -stated.decimals + 1e-9) continue;
    const s = show(stated.value, lang, stated.decimals);
    const t = show(inMnkr, lang, Math.max(1, stated.decimals));
    issues.push(finding('warning', 'W_FIN_CROSS', { sheet: text.sheet, row: text.row, col: text.col }, lang,
      `Texten anger ${s} mnkr, men tabellen har ${t} mnkr (${found.where}).`,
      `The text states ${s} mnkr, but the table has ${t} mnkr (${found.where}).`));
  }
}

// ---------------------------------------------------------------------------------------------
// Requested investment adjustments: "Investeringsmedel avseende klimatinvestering om 0,8 mnkr (investering)"
// ---------------------------------------------------------------------------------------------

const INVESTMENT_WORD = /^(\p{L}{5,}?)s?investeringar$/u;
const ONE_AMOUNT = new RegExp(`${AMOUNT} mnkr`, 'g');

/** Investering rows named by a compound word (`Klimatinvesteringar` → `klimat`, `Trygghetsinvesteringar` → `trygghet`). */
function investmentStems(table: FinanceTable): { stem: string; row: BudgetRow }[] {
  const stems: { stem: string; row: BudgetRow }[] = [];
  for (const row of table.budgetRows ?? []) {
    const first = fold(row.label).split(' ')[0];
    const m = INVESTMENT_WORD.exec(first);
    if (m && !row.isTotal && row.justeringar !== null) stems.push({ stem: m[1], row });
  }
  return stems;
}

/**
 * A request for an investment adjustment (under a heading on budgetjusteringar, in a sentence with
 * "ansöker", or in a list after one) that names one investering row and one amount states that row's
 * Begärda budgetjusteringar.
 */
function checkInvestmentRequests(texts: FinanceText[], tables: FinanceTable[], lang: Lang, issues: Issue[]): void {
  const table = tables.find((t) => t.kind === 'investering');
  const stems = table ? investmentStems(table) : [];
  if (!table || stems.length === 0) return;
  let heading = '';
  let asking = false;
  for (const text of texts) {
    const key = fold(text.text);
    if (isTitleLike(text.text)) {
      heading = key;
      asking = false;
      continue;
    }
    const bullet = /^[-–•]/.test(key);
    const request = heading.includes('budgetjustering') || key.includes('ansoker') || (bullet && asking);
    if (!bullet) asking = key.includes('ansoker');
    const aboutInvestment = key.includes('investering');
    const named = stems.filter((s) => new RegExp(`${s.stem}s?invest`).test(key) || (aboutInvestment && key.includes(s.stem)));
    const amounts = [...key.matchAll(ONE_AMOUNT)];
    if (!request || named.length !== 1 || amounts.length !== 1) continue;
    const stated = amount(amounts[0][1]);
    const row = named[0].row;
    const actual = convert(row.justeringar as number, table.unit ?? 'mnkr', 'mnkr');
    if (Math.abs(actual - stated.value) <= 0.5 * 10 ** -stated.decimals + 1e-9) continue;
    const s = show(stated.value, lang, stated.decimals);
    const a = show(actual, lang, Math.max(1, stated.decimals));
    issues.push(finding('warning', 'W_FIN_CROSS', { sheet: text.sheet, row: text.row, col: text.col }, lang,
      `Texten begär ${s} mnkr för ${row.label}, men investeringstabellens Begärda budgetjusteringar för raden är ${a} mnkr.`,
      `The text requests ${s} mnkr for ${row.label}, but the investment table's requested adjustment for the row is ${a} mnkr.`));
  }
}

/** Every amount check on the economy section's texts. */
export function checkProse(tables: FinanceTable[], texts: FinanceText[], lang: Lang): Issue[] {
  const issues: Issue[] = [];
  const main = mainDriftTable(tables);
  const rows = main?.budgetRows ?? [];
  const total = rows.find((r) => r.isTotal);
  for (const text of texts) {
    if (total) checkTotalClaims(text, total, lang, issues);
    checkSimpleClaims(text, tables, lang, issues);
  }
  const bySheet = new Map<string, FinanceText[]>();
  for (const text of texts) bySheet.set(text.sheet, [...(bySheet.get(text.sheet) ?? []), text]);
  for (const sheetTexts of bySheet.values()) {
    checkAreaClaims(sheetTexts, rows, lang, issues);
    checkInvestmentRequests(sheetTexts, tables, lang, issues);
  }
  return issues;
}
