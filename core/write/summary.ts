// The two output sheets (SPEC 6): `Sammanställning`/`Summary` (goals, level sentences, deviating indicators, budget) and `Valideringsrapport`/`Validation` (the issue list with links).
import { judgementsOfGoal, roundSignificant } from './report';
import { isPendingTarget } from '../judge/goals';
import { cellText } from '../common/text';
import { formatNumber } from '../read/values';
import { BAR_CELLS, barFills, columnWidth, displayLength, displayLengthBound, LINE_HEIGHT, longestStatus, printSetup, wrappedLines, WRAP_WIDTH } from './layout';
import { OUTPUT_SHEET_NAMES } from '../read/schema';
import { levelSentence } from '../judge/sentence';
import { changeText, judgementOf } from '../judge/compare';
import { HIGHLIGHT_FILL, proposalDiffers, proposalMissing, STATUS_FILL, STATUS_FONT, STATUS_TEXT, STATUSES } from '../common/status';
import { keepShape } from '../common/shapes';
import type {
  Change,
  CellValue,
  FinanceSummary,
  GoalResult,
  HorizontalAlign,
  IndicatorResult,
  Issue,
  Judgements,
  Lang,
  Level,
  Link,
  NewSheet,
  PrintSetup,
  Severity,
  Status,
  StatusCounts,
  WorkbookModel,
} from '../types';

const LEVELS: Level[] = ['inriktningsmal', 'verksamhetsomradesmal', 'namndmal', 'enhetsmal'];

export const LEVEL_TEXT: Record<Lang, Record<Level, string>> = {
  sv: { inriktningsmal: 'Inriktningsmål', verksamhetsomradesmal: 'Verksamhetsområdesmål', namndmal: 'Nämndmål', enhetsmal: 'Enhetsmål' },
  en: { inriktningsmal: 'Strategic goal', verksamhetsomradesmal: 'Area goal', namndmal: 'Committee goal', enhetsmal: 'Unit goal' },
};

const SEVERITY_TEXT: Record<Lang, Record<Severity, string>> = {
  sv: { error: 'Fel', warning: 'Varning', info: 'Info' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

const LABELS = {
  sv: {
    title: 'Sammanställning',
    period: 'Period',
    noPeriod: '(ingen rapportperiod angiven)',
    goalHeader: ['Nivå', 'Nummer', 'Mål', 'Indikatorer', 'Helt', 'Delvis', 'Inte', 'Ej bedömd/mätt', 'Förslag', 'Bedömning', 'Avviker', 'Underlag'],
    planHeader: ['Nivå', 'Nummer', 'Mål', 'Indikatorer', 'Med årsmål', 'Årsmål ej fastställt', 'Utan årsmål', 'Aktiviteter', 'Förväntat resultat', 'Underlag'],
    planNote: 'Verksamhetsplan: Målkoll bedömer inga indikatorer eller mål, utan visar vad planen innehåller per mål.',
    distribution: 'Fördelning',
    noGoals: 'Inga mål hittades.',
    unjudged: (numbers: string[]) =>
      `Målkoll har inget underlag för att föreslå en bedömning av ${numbers.length === 1 ? 'mål' : `${numbers.length} mål som nämnden har bedömt:`} ${joinNumbers(numbers, 'och')}${numbers.length === 1 ? ', som nämnden har bedömt' : ''}; ${numbers.length === 1 ? 'det räknas' : 'de räknas'} inte som avvikande.`,
    levels: 'Bedömning per nivå',
    deviating: 'Indikatorer som uppfylls delvis eller inte',
    deviatingHeader: ['Status', 'Mål', 'Indikator', 'Värde', 'Årsmål', 'Enhet', 'Måluppfyllnad', 'Kommentar finns'],
    noDeviating: 'Inga indikatorer uppfylls delvis eller inte.',
    budget: 'Ekonomi (mnkr)',
    noBudget: 'Ingen ekonomitabell hittades.',
    budgetRows: {
      budget: 'Budget',
      justeringar: 'Begärda budgetjusteringar',
      forandringar: 'Prestationsförändringar',
      prognos: 'Prognos',
      avvikelse: 'Avvikelse',
      foljsamhet: 'Budgetföljsamhet',
      foljsamhetEfter: 'Budgetföljsamhet efter resultatöverföringar',
      foljsamhetFore: 'Budgetföljsamhet före resultatöverföringar',
      prognossakerhet: 'Prognossäkerhet',
    },
    yes: 'Ja',
    no: 'Nej',
    validationHeader: ['Allvarlighet', 'Kod', 'Blad', 'Cell', 'Meddelande'],
    noIssues: 'Inga fel, varningar eller upplysningar.',
  },
  en: {
    title: 'Summary',
    period: 'Period',
    noPeriod: '(no report period given)',
    goalHeader: ['Level', 'Number', 'Goal', 'Indicators', 'Fully', 'Partly', 'Not', 'Not assessed/measured', 'Proposal', 'Stated', 'Differs', 'Basis'],
    planHeader: ['Level', 'Number', 'Goal', 'Indicators', 'With target', 'Target not set yet', 'Without target', 'Activities', 'Expected result', 'Basis'],
    planNote: 'Business plan: Målkoll judges no indicator or goal; it shows what the plan holds per goal.',
    distribution: 'Distribution',
    noGoals: 'No goals found.',
    unjudged: (numbers: string[]) =>
      `Målkoll has nothing to base a proposal on for ${numbers.length === 1 ? 'goal' : `${numbers.length} goals the committee has assessed:`} ${joinNumbers(numbers, 'and')}${numbers.length === 1 ? ', which the committee has assessed' : ''}; ${numbers.length === 1 ? 'it is' : 'they are'} not counted as differing.`,
    levels: 'Assessment by level',
    deviating: 'Indicators partly met or not met',
    deviatingHeader: ['Status', 'Goal', 'Indicator', 'Value', 'Target', 'Unit', 'Achievement', 'Has comment'],
    noDeviating: 'No indicator is partly met or not met.',
    budget: 'Budget (SEK million)',
    noBudget: 'No budget table found.',
    budgetRows: {
      budget: 'Budget',
      justeringar: 'Requested adjustments',
      forandringar: 'Volume changes',
      prognos: 'Forecast',
      avvikelse: 'Deviation',
      foljsamhet: 'Budget adherence',
      foljsamhetEfter: 'Budget adherence after carry-overs',
      foljsamhetFore: 'Budget adherence before carry-overs',
      prognossakerhet: 'Forecast accuracy',
    },
    yes: 'Yes',
    no: 'No',
    validationHeader: ['Severity', 'Code', 'Sheet', 'Cell', 'Message'],
    noIssues: 'No errors, warnings or notes.',
  },
};

/** `1.3.2`, `1.3.2 och 1.3.4`, `1.3.2, 1.3.4 och 2.2.1`. */
function joinNumbers(numbers: string[], and: string): string {
  return numbers.length <= 1 ? numbers.join('') : `${numbers.slice(0, -1).join(', ')} ${and} ${numbers[numbers.length - 1]}`;
}

const MNKR_FORMAT = '#,##0.0';
/** Number formats of percentages, achievements and values in the output sheets and the output columns beside the tables. */
export const PERCENT_FORMAT = '0.0 %';
export const ACHIEVEMENT_FORMAT = '0 %';
export const VALUE_FORMAT = '#,##0.0#';

/** One cell of an output sheet with its presentation. */
interface Cell {
  value: CellValue;
  format?: string;
  fill?: string;
  font?: string;
  bold?: boolean;
  align?: HorizontalAlign;
  /** Text that may run on into the empty cells to its right (a title, a sentence): does not widen its column. */
  overflow?: boolean;
}

/**
 * A column's width: `wrap` at a fixed width (titles, Underlag, messages: the row grows instead), a fixed
 * `width` (a bar cell), or its longest value and header shown in full, at least `min`.
 */
type ColumnSpec = { wrap: number } | { width: number } | { min: number };

/**
 * Bold text runs about a sixth wider than its character count: a bold header measured by its length alone
 * leaves the figure right-aligned under it touching the next column's text ("0Uppfylls helt").
 */
const BOLD_WIDTH = 1.2;

type CellInput = Cell | CellValue;

/**
 * The shared style rows of one sheet row and the columns whose text runs on unmeasured. `styleOf` works it
 * out from a row's cells; a table whose rows are styled a few ways works it out once per way and adds its
 * rows as plain values (`addValues`), which spares a cell object per value and the style lookup per row.
 */
interface RowStyle {
  formats: (string | null)[];
  fills: (string | null)[];
  fonts: (string | null)[];
  bold: boolean[];
  align: (HorizontalAlign | null)[];
  /** Columns of free text that runs on into the empty cells to its right (does not widen them); null when none. */
  runsOn: boolean[] | null;
}

/**
 * Collects rows of cells straight into the parallel, rectangular arrays of a NewSheet (fixed width; extra
 * cells are dropped). Only the values are one array per row: a row of formats, fills, font colours or
 * bold flags is shared with every row styled the same (a 100 000-row check has tens of thousands of rows
 * here, styled a handful of ways).
 */
class SheetBuilder {
  private readonly values: CellValue[][] = [];
  private readonly formats: (string | null)[][] = [];
  private readonly fills: (string | null)[][] = [];
  private readonly fonts: (string | null)[][] = [];
  private readonly bold: boolean[][] = [];
  private readonly wrap: boolean[][] = [];
  private readonly align: (HorizontalAlign | null)[][] = [];
  /** The longest value shown in each column, in characters. */
  private readonly longest: Float64Array;
  /** Each column's wrapping width, 0 where it does not wrap; the one wrap row every row shares. */
  private readonly wrapWidths: number[];
  private readonly wrapRow: boolean[];
  /** Row heights in points where wrapped text takes more than one line. */
  private readonly heights: (number | null)[] = [];
  private tallRows = 0;
  private readonly styleRows: StyleRows;
  // The styled cells of the row being styled, as column, style, column, style… (reused from row to row;
  // counted rather than emptied, since emptying an array gives up its storage).
  private readonly styledFormats: Styled<string> = [];
  private readonly styledFills: Styled<string> = [];
  private readonly styledFonts: Styled<string> = [];
  private readonly styledBold: Styled<true> = [];
  private readonly styledAlign: Styled<HorizontalAlign> = [];
  readonly links: Link[] = [];
  private readonly width: number;
  /** The shared row of a row without alignments (most rows). */
  private readonly plainRow: (HorizontalAlign | null)[];
  /** An all-null row of our own that blankRow copies: plainRow is frozen, and V8 copies a frozen array element by element. */
  private readonly nullRow: CellValue[];
  /** The arrays with one entry per row, and the number of rows added (the arrays may be longer: see reserve). */
  private readonly perRow: unknown[][] = [this.values, this.formats, this.fills, this.fonts, this.bold, this.wrap, this.align, this.heights];
  private rows = 0;

  constructor(private readonly columns: ColumnSpec[]) {
    const width = (this.width = columns.length);
    this.styleRows = styleRowsOf(width);
    // A typed array: its element kind never changes as whole counts give way to bold widths (which would deoptimise addValues).
    this.longest = new Float64Array(width);
    this.wrapWidths = columns.map((c) => ('wrap' in c ? c.wrap : 0));
    this.wrapRow = Object.freeze(this.wrapWidths.map((w) => w > 0)) as boolean[];
    this.plainRow = this.styleRows.row([], 0, null);
    this.nullRow = new Array<CellValue>(width).fill(null);
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Makes room for `more` rows at once (a table of known size): grown row by row, the arrays would be copied over and over. */
  reserve(more: number): void {
    for (const list of this.perRow) if (list.length < this.rows + more) list.length = this.rows + more;
  }

  /** A row of empty values, one per column, for addValues (a copy of an all-null row: copying beats filling). */
  blankRow(): CellValue[] {
    return this.nullRow.slice();
  }

  /** Adds a row; `measure: false` for a row of free text (a title, a sentence) that runs on to the right. */
  add(cells: CellInput[] = [], measure = true): void {
    const values = this.blankRow();
    for (let i = 0; i < cells.length && i < this.width; i++) {
      const cell = cells[i];
      values[i] = cell === null || typeof cell !== 'object' ? (cell as CellValue) : cell.value;
    }
    this.addValues(values, this.styleOf(cells), measure);
  }

  /** The style of a row of these cells: only cell objects carry one. */
  styleOf(cells: CellInput[]): RowStyle {
    const formats = this.styledFormats;
    const fills = this.styledFills;
    const fonts = this.styledFonts;
    const bold = this.styledBold;
    const align = this.styledAlign;
    let formatCount = 0;
    let fillCount = 0;
    let fontCount = 0;
    let boldCount = 0;
    let alignCount = 0;
    let runsOn: boolean[] | null = null;
    for (let i = 0; i < cells.length && i < this.width; i++) {
      const cell = cells[i];
      if (cell === null || typeof cell !== 'object') continue;
      if (cell.format) {
        formats[formatCount++] = i;
        formats[formatCount++] = cell.format;
      }
      if (cell.fill) {
        fills[fillCount++] = i;
        fills[fillCount++] = cell.fill;
      }
      if (cell.font) {
        fonts[fontCount++] = i;
        fonts[fontCount++] = cell.font;
      }
      if (cell.bold) {
        bold[boldCount++] = i;
        bold[boldCount++] = true;
      }
      if (cell.align) {
        align[alignCount++] = i;
        align[alignCount++] = cell.align;
      }
      if (cell.overflow) (runsOn ??= new Array<boolean>(this.width).fill(false))[i] = true;
    }
    return {
      formats: this.styleRows.row(formats, formatCount, null),
      fills: this.styleRows.row(fills, fillCount, null),
      fonts: this.styleRows.row(fonts, fontCount, null),
      bold: this.styleRows.row(bold, boldCount, false),
      align: alignCount ? this.styleRows.row(align, alignCount, null) : this.plainRow,
      runsOn,
    };
  }

  /**
   * Adds a row of values, one per column (blankRow), styled as `style` says; `measure: false` for a row of
   * free text that runs on to the right.
   */
  addValues(values: CellValue[], style: RowStyle, measure = true): void {
    const longest = this.longest;
    const runsOn = style.runsOn;
    let lines = 1;
    for (let i = 0; i < this.width; i++) {
      const value = values[i];
      if (value === null) continue;
      const wrapWidth = this.wrapWidths[i];
      if (wrapWidth > 0) {
        // A text no longer than the width is one line whatever its words.
        if (typeof value === 'string' && value.length > wrapWidth) lines = Math.max(lines, wrappedLines(value, wrapWidth));
      } else if (measure && !(runsOn && runsOn[i]) && mayWiden(value, style.formats[i], longest[i])) {
        longest[i] = Math.max(longest[i], displayLength(value, style.formats[i]) * (style.bold[i] ? BOLD_WIDTH : 1));
      }
    }
    const row = this.rows++;
    this.values[row] = values;
    this.formats[row] = style.formats;
    this.fills[row] = style.fills;
    this.fonts[row] = style.fonts;
    this.bold[row] = style.bold;
    this.wrap[row] = this.wrapRow;
    this.align[row] = style.align;
    if (lines > 1) this.tallRows++;
    this.heights[row] = lines > 1 ? lines * LINE_HEIGHT : null;
  }

  build(name: string, frozenRows: number, print: PrintSetup): NewSheet {
    const columnWidths = this.columns.map((c, i) => ('wrap' in c ? c.wrap : 'width' in c ? c.width : columnWidth(Math.max(c.min, this.longest[i]))));
    for (const list of this.perRow) list.length = this.rows;
    return {
      name,
      mode: 'replace',
      values: this.values,
      numberFormats: this.formats,
      fills: this.fills,
      fontColors: this.fonts,
      bold: this.bold,
      wrap: this.wrap,
      align: this.align,
      columnWidths,
      ...(this.tallRows ? { rowHeights: this.heights } : {}),
      verticalAlign: 'top',
      print,
      links: this.links,
      frozenRows,
    };
  }
}

/**
 * False when a value cannot be wider than a column's longest: a text is never wider than its length (a bold
 * one a little more), a figure than its bound. Spares measuring most values (a number's text in particular).
 */
function mayWiden(value: CellValue, format: string | null, longest: number): boolean {
  if (typeof value === 'string') return value.length * BOLD_WIDTH > longest;
  if (typeof value === 'number') return displayLengthBound(value, format) * BOLD_WIDTH > longest;
  return true;
}

/** The styled cells of a row as column, style, column, style…; empty when none is styled. */
type Styled<T> = (number | T)[];

const STYLE_ROWS = new Map<number, StyleRows>();

/** The style rows of a width, kept across checks: their content comes from a fixed set, and keeping them keeps the optimised code valid. */
function styleRowsOf(width: number): StyleRows {
  let rows = STYLE_ROWS.get(width);
  if (!rows) STYLE_ROWS.set(width, (rows = new StyleRows(width)));
  return rows;
}

/**
 * Frozen style rows of one width, one per distinct content (the content comes from the fixed formats
 * and colours above). Looked up through a tree keyed by column, then style, so a lookup builds no key.
 */
class StyleRows {
  private readonly root = new Map<unknown, StyleNode>();

  constructor(private readonly width: number) {}

  /** The row of the first `count` entries of `styled`, `blank` elsewhere. */
  row<T extends string | boolean, D extends null | false>(styled: Styled<T>, count: number, blank: D): (T | D)[] {
    let node = child(this.root, blank);
    for (let i = 0; i < count; i++) node = child(node.next, styled[i]);
    if (!node.row) {
      const row = new Array<T | D>(this.width).fill(blank);
      for (let i = 0; i < count; i += 2) row[styled[i] as number] = styled[i + 1] as T;
      node.row = Object.freeze(row) as unknown[];
    }
    return node.row as (T | D)[];
  }
}

interface StyleNode {
  next: Map<unknown, StyleNode>;
  row: unknown[] | null;
}

function child(nodes: Map<unknown, StyleNode>, key: unknown): StyleNode {
  let node = nodes.get(key);
  if (!node) nodes.set(key, (node = { next: new Map(), row: null }));
  return node;
}

const bold = (value: CellValue): Cell => ({ value, bold: true });
/** A bold header above figures: right-aligned, as they are. */
const figureHeader = (value: CellValue): Cell => ({ value, bold: true, align: 'right' });
/** Free text that runs on to the right (a title, a label). */
const overflow = (value: CellValue, isBold = false): Cell => ({ value, bold: isBold, overflow: true });
const STATUS_CELLS = {} as Record<Lang, Record<Status, Cell>>;
for (const lang of ['sv', 'en'] as Lang[]) {
  STATUS_CELLS[lang] = {} as Record<Status, Cell>;
  for (const s of STATUSES) STATUS_CELLS[lang][s] = { value: STATUS_TEXT[lang][s], fill: STATUS_FILL[s], font: STATUS_FONT[s] };
}
/** A status cell with its colours (one shared object per status and language). */
const status = (s: Status, lang: Lang): Cell => STATUS_CELLS[lang][s];
const number = (value: number | null | undefined, format: string): Cell => {
  const rounded = roundSignificant(value);
  return rounded === null ? { value: null } : { value: rounded, format };
};

/** The assessment a goal ends up with: the stated one when present, else the proposal (as 5.5 does for sub-goals). */
function effectiveStatus(goal: GoalResult): Status {
  return goal.goal.stated ?? goal.proposed;
}

/** The `Sammanställning`/`Summary` sheet in SPEC 6 order. */
export function buildSummarySheet(
  model: WorkbookModel,
  results: { indicators: IndicatorResult[]; goals: GoalResult[] },
  finance: FinanceSummary | null,
  lang: Lang,
): NewSheet {
  if (model.settings.document === 'plan') return buildPlanSummarySheet(model, results, finance, lang);
  const t = LABELS[lang];
  // Columns show their longest value and header in full; goal titles/indicator names and Underlag wrap at
  // a fixed width; status columns fit the longest status word; the Fördelning bar is twenty narrow cells.
  const status = { min: longestStatus(lang) };
  const auto = { min: 0 };
  const columns: ColumnSpec[] = [status, auto, { wrap: WRAP_WIDTH.title }, auto, auto, auto, auto, auto, status, status, auto, { wrap: WRAP_WIDTH.basis }];
  for (let i = 0; i < BAR_CELLS; i++) columns.push({ width: BAR_CELL_WIDTH });
  const sheet = new SheetBuilder(columns);
  sheet.add([bold(t.title)], false);
  sheet.add([bold(t.period), model.settings.periodText ?? model.settings.period?.text ?? t.noPeriod], false);
  sheet.add();
  addGoalTable(sheet, results.goals, lang);
  addUnjudgedNote(sheet, results.goals, lang);
  sheet.add();
  addLevelSentences(sheet, results.goals, lang);
  sheet.add();
  addDeviatingIndicators(sheet, results.indicators, lang);
  sheet.add();
  if (addChanges(sheet, model, results, lang)) sheet.add();
  addBudget(sheet, finance, lang);
  addEconomyAreas(sheet, finance, lang);
  addEconomyTables(sheet, finance, lang);
  return sheet.build(OUTPUT_SHEET_NAMES.summary[lang], 4, printSetup(3));
}

/**
 * A plan's summary (SPEC 5.0): per goal its indicators, targets set, pending and missing, activities
 * and whether it has an expected result; no statuses, proposals or level sentences. The budget follows.
 */
function buildPlanSummarySheet(
  model: WorkbookModel,
  results: { indicators: IndicatorResult[]; goals: GoalResult[] },
  finance: FinanceSummary | null,
  lang: Lang,
): NewSheet {
  const t = LABELS[lang];
  const auto = { min: 0 };
  const sheet = new SheetBuilder([auto, auto, { wrap: WRAP_WIDTH.title }, auto, auto, auto, auto, auto, { wrap: WRAP_WIDTH.basis }, { wrap: WRAP_WIDTH.basis }]);
  sheet.add([bold(t.title)], false);
  sheet.add([bold(t.period), model.settings.periodText ?? t.noPeriod], false);
  sheet.add([t.planNote], false);
  sheet.add(t.planHeader.map(bold));
  if (results.goals.length === 0) sheet.add([t.noGoals], false);
  const byGoal = new Map<string, IndicatorResult[]>();
  for (const r of results.indicators) {
    const list = byGoal.get(r.indicator.goal);
    if (list) list.push(r);
    else byGoal.set(r.indicator.goal, [r]);
  }
  const activities = new Map<string, number>();
  for (const a of model.activities) activities.set(a.goal, (activities.get(a.goal) ?? 0) + 1);
  for (const g of results.goals) {
    const own = byGoal.get(g.goal.number) ?? [];
    const set = own.filter((r) => r.targetSource !== 'none').length;
    const pending = own.filter((r) => r.targetSource === 'none' && isPendingTarget(r)).length;
    sheet.add([
      LEVEL_TEXT[lang][g.goal.level],
      g.goal.number,
      g.goal.title,
      own.length,
      set,
      pending,
      own.length - set - pending,
      activities.get(g.goal.number) ?? 0,
      g.goal.expectedResult.trim() || null,
      g.sentence || null,
    ]);
  }
  sheet.add();
  addBudget(sheet, finance, lang);
  // A4 landscape, one page wide, the goal table's header (row 4) on every page.
  return sheet.build(OUTPUT_SHEET_NAMES.summary[lang], 4, printSetup(3));
}

/** Width of one cell of the Fördelning bar, in characters: twenty make a bar about as wide as a status column and a half. */
const BAR_CELL_WIDTH = 1.3;

/** Columns of the goal table whose figures are right-aligned under a right-aligned header. */
const GOAL_FIGURE_COLUMNS = new Set([3, 4, 5, 6, 7]);
const DEVIATING_FIGURE_COLUMNS = new Set([3, 4, 6]);


/** The goal table; the indicator counts are judgements (SPEC 5.1), so that they agree with Underlag. */
function addGoalTable(sheet: SheetBuilder, goals: GoalResult[], lang: Lang): void {
  const t = LABELS[lang];
  // The Fördelning header stands over the bar's first cell and runs on over the other nineteen.
  sheet.add([...t.goalHeader.map((h, i) => (GOAL_FIGURE_COLUMNS.has(i) ? figureHeader(h) : bold(h))), overflow(t.distribution, true)]);
  if (goals.length === 0) sheet.add([t.noGoals], false);
  sheet.reserve(goals.length);
  const styles = new GoalRowStyles(sheet, lang);
  for (const g of goals) {
    const j = judgementsOfGoal(g);
    const unjudged = j.pending + j.yearEnd;
    // Written as plain values (the bar's cells are all empty values): the row's style is its bar's and its statuses'.
    const values = sheet.blankRow();
    values[0] = LEVEL_TEXT[lang][g.goal.level];
    values[1] = g.goal.number;
    values[2] = g.goal.title;
    values[3] = j.helt + j.delvis + j.inte + unjudged;
    values[4] = j.helt;
    values[5] = j.delvis;
    values[6] = j.inte;
    values[7] = unjudged;
    values[8] = status(g.proposed, lang).value;
    values[9] = g.goal.stated ? status(g.goal.stated, lang).value : null;
    values[10] = proposalDiffers(g.goal.stated, g.proposed) ? t.yes : null;
    values[11] = g.sentence || null;
    sheet.addValues(values, styles.of(j, g.proposed, g.goal.stated));
  }
}

/** The first column of the Fördelning bar in the goal table. */
const BAR_COLUMN = 12;

const STATUS_INDEX = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;

/** A Fördelning bar of one goal table: its twenty cells, and the styles of the goal rows that show it by their two statuses. */
interface Bar {
  cells: Cell[];
  styles: RowStyle[];
}

/**
 * A goal row's style follows from its bar and its two statuses alone: worked out once per combination, for
 * one table. Goals share a handful of count combinations: one bar per combination.
 */
class GoalRowStyles {
  private readonly bars = new Map<number | string, Bar>();

  constructor(private readonly sheet: SheetBuilder, private readonly lang: Lang) {}

  of(j: Judgements, proposed: Status, stated: Status | null): RowStyle {
    const key = barKey(j.helt, j.delvis, j.inte, j.pending + j.yearEnd);
    let bar = this.bars.get(key);
    if (!bar) {
      const cells = barOf({ helt: j.helt, delvis: j.delvis, inte: j.inte, ej_bedomd: j.pending, ej_matt: j.yearEnd });
      this.bars.set(key, (bar = { cells, styles: [] }));
    }
    const index = STATUS_INDEX[proposed] * (STATUSES.length + 1) + (stated ? STATUS_INDEX[stated] : STATUSES.length);
    let style = bar.styles[index];
    if (!style) {
      const cells: CellInput[] = new Array<CellInput>(BAR_COLUMN).fill(null);
      cells[8] = status(proposed, this.lang);
      cells[9] = stated ? status(stated, this.lang) : null;
      bar.styles[index] = style = this.sheet.styleOf([...cells, ...bar.cells]);
    }
    return style;
  }
}

const BAR_CELL_OBJECTS = new Map<string | null, Cell>();

/**
 * A bar's counts as one key: packed into one small integer while each is below 128 (exact, and no text or
 * boxed number to make per goal), else as text.
 */
function barKey(helt: number, delvis: number, inte: number, none: number): number | string {
  const small = helt < 128 && delvis < 128 && inte < 128 && none < 128;
  return small ? ((helt * 128 + delvis) * 128 + inte) * 128 + none : `${helt} ${delvis} ${inte} ${none}`;
}

/** The goal's Fördelning bar: twenty empty cells filled by its indicators' judgements (shared cell objects). */
function barOf(counts: StatusCounts): Cell[] {
  return barFills(counts).map((fill) => {
    let cell = BAR_CELL_OBJECTS.get(fill);
    if (!cell) BAR_CELL_OBJECTS.set(fill, (cell = fill ? { value: null, fill } : { value: null }));
    return cell;
  });
}

function addLevelSentences(sheet: SheetBuilder, goals: GoalResult[], lang: Lang): void {
  sheet.add([bold(LABELS[lang].levels)], false);
  // The goals grouped by level in one pass (a filter per level would walk every goal four times).
  const byLevel = new Map<Level, GoalResult[]>(LEVELS.map((level) => [level, []]));
  goals.forEach((g) => byLevel.get(g.goal.level)?.push(g));
  byLevel.forEach((atLevel, level) => {
    // A proposal counts only where the nämnd stated nothing and Målkoll could judge the goal.
    const byProposal = atLevel.filter((g) => g.goal.stated === null && g.proposed !== 'ej_bedomd' && g.proposed !== 'ej_matt').length;
    if (atLevel.length) sheet.add([levelSentence(level, atLevel.map(effectiveStatus), lang, byProposal)], false);
  });
}

/** The goals the nämnd assessed but Målkoll could not judge: not counted as differing, so said here instead. */
function addUnjudgedNote(sheet: SheetBuilder, goals: GoalResult[], lang: Lang): void {
  const numbers = goals.filter((g) => proposalMissing(g.goal.stated, g.proposed)).map((g) => g.goal.number);
  if (numbers.length === 0) return;
  sheet.add();
  sheet.add([LABELS[lang].unjudged(numbers)], false);
}

function addDeviatingIndicators(sheet: SheetBuilder, indicators: IndicatorResult[], lang: Lang): void {
  const t = LABELS[lang];
  sheet.add([bold(t.deviating)], false);
  sheet.add(t.deviatingHeader.map((h, i) => (DEVIATING_FIGURE_COLUMNS.has(i) ? figureHeader(h) : bold(h))));
  const deviating = indicators.filter((r) => r.status === 'delvis' || r.status === 'inte');
  if (deviating.length === 0) sheet.add([t.noDeviating], false);
  sheet.reserve(deviating.length);
  const styles = new DeviatingRowStyles(sheet, lang);
  for (const r of deviating) {
    // Written as plain values, as number() would give them: a figure without a value is an empty cell without a format.
    const value = roundSignificant(r.value);
    const target = roundSignificant(r.target);
    const achievement = roundSignificant(r.achievement);
    const values = sheet.blankRow();
    values[0] = status(r.status, lang).value;
    values[1] = r.indicator.goal;
    values[2] = r.indicator.name;
    values[3] = value;
    values[4] = target;
    values[5] = r.unit;
    values[6] = achievement;
    values[7] = r.indicator.comment.trim() ? t.yes : t.no;
    sheet.addValues(values, styles.of(r.status, value !== null, target !== null, achievement !== null));
  }
}

/** A deviating indicator's row style follows from its status and which of its three figures it shows: worked out once per combination. */
class DeviatingRowStyles {
  private readonly byStatus = new Map<Status, RowStyle[]>();

  constructor(private readonly sheet: SheetBuilder, private readonly lang: Lang) {}

  of(s: Status, hasValue: boolean, hasTarget: boolean, hasAchievement: boolean): RowStyle {
    let byFigures = this.byStatus.get(s);
    if (!byFigures) this.byStatus.set(s, (byFigures = []));
    const shown = (hasValue ? 1 : 0) + (hasTarget ? 2 : 0) + (hasAchievement ? 4 : 0);
    let style = byFigures[shown];
    if (!style) {
      const figure = (has: boolean, format: string): Cell => (has ? { value: 0, format } : { value: null });
      const cells = [status(s, this.lang), null, null, figure(hasValue, VALUE_FORMAT), figure(hasTarget, VALUE_FORMAT), null, figure(hasAchievement, ACHIEVEMENT_FORMAT)];
      byFigures[shown] = style = this.sheet.styleOf(cells);
    }
    return style;
  }
}

const CHANGE_LABELS = {
  sv: {
    title: 'Förändringar sedan föregående rapport',
    header: ['Förändring', 'Mål', 'Indikator', 'Föregående', 'Nu', 'Kommentar finns'],
    goal: 'Målet',
    none: 'Inga prognoser eller bedömningar har flyttat sig sedan föregående rapport.',
    added: 'Ny sedan föregående rapport',
    removed: 'Borttagen sedan föregående rapport',
  },
  en: {
    title: 'Changes since the previous report',
    header: ['Change', 'Goal', 'Indicator', 'Previous', 'Now', 'Has comment'],
    goal: 'The goal',
    none: 'No forecast or assessment has moved since the previous report.',
    added: 'New since the previous report',
    removed: 'Removed since the previous report',
  },
};

/**
 * "Förändringar sedan föregående rapport" (SPEC 5.8): goals and indicators that moved, then those added and
 * removed. Nothing when the report is not compared with a previous one; returns whether it wrote the section.
 */
function addChanges(
  sheet: SheetBuilder,
  model: WorkbookModel,
  results: { indicators: IndicatorResult[]; goals: GoalResult[] },
  lang: Lang,
): boolean {
  const t = CHANGE_LABELS[lang];
  const goals = results.goals.filter((g) => g.change !== undefined);
  const indicators = results.indicators.filter((r) => r.change !== undefined);
  if (goals.length === 0 && indicators.length === 0 && !model.previousMatched) return false;
  sheet.add([bold(t.title)], false);
  sheet.add(t.header.map(bold));
  const moved = (c: string | undefined) => c === 'better' || c === 'worse';
  const word = (r: { change?: string; previous?: IndicatorResult['previous'] }, unit: string | null) =>
    changeText(r.change as Change, r.previous ?? null, unit, lang);
  let rows = 0;
  for (const g of goals.filter((x) => moved(x.change))) {
    const now = g.goal.stated ?? g.proposed;
    sheet.add([word(g, null), g.goal.number, t.goal, g.previous?.status ? status(g.previous.status, lang) : null, status(now, lang), g.goal.analysis.trim() ? LABELS[lang].yes : LABELS[lang].no]);
    rows++;
  }
  for (const r of indicators.filter((x) => moved(x.change))) {
    const previous = r.previous?.status ? status(r.previous.status, lang) : number(r.previous?.value, VALUE_FORMAT);
    const now = r.previous?.status ? status(judgementOf(r) ?? r.status, lang) : number(r.value, VALUE_FORMAT);
    sheet.add([word(r, r.unit), r.indicator.goal, r.indicator.name, previous, now, r.indicator.comment.trim() ? LABELS[lang].yes : LABELS[lang].no]);
    rows++;
  }
  if (rows === 0) sheet.add([t.none], false);
  for (const r of indicators.filter((x) => x.change === 'new')) sheet.add([t.added, r.indicator.goal, r.indicator.name]);
  for (const r of model.previousRemoved ?? []) sheet.add([t.removed, r.goal, r.name]);
  return true;
}

/** Budget total as label/value rows; values sit in column D so long labels overflow into the empty B and C. */
function addBudget(sheet: SheetBuilder, finance: FinanceSummary | null, lang: Lang): void {
  const t = LABELS[lang];
  sheet.add([bold(t.budget)], false);
  if (!finance || (!finance.total && finance.budgetfoljsamhet === null)) {
    if (!finance?.tables?.length) sheet.add([t.noBudget], false); // other economy tables are listed below
    return;
  }
  const row = (label: string, cell: Cell) => sheet.add([overflow(label), null, null, cell]);
  const labels = t.budgetRows;
  if (finance.total) {
    row(labels.budget, number(finance.total.budget, MNKR_FORMAT));
    row(labels.justeringar, number(finance.total.justeringar, MNKR_FORMAT));
    row(labels.forandringar, number(finance.total.forandringar, MNKR_FORMAT));
    row(labels.prognos, number(finance.total.prognos, MNKR_FORMAT));
    row(labels.avvikelse, number(finance.total.avvikelse, MNKR_FORMAT));
  }
  const hasFore = finance.budgetfoljsamhetForeResultatoverforingar !== undefined && finance.budgetfoljsamhetForeResultatoverforingar !== null;
  row(hasFore ? labels.foljsamhetEfter : labels.foljsamhet, number(finance.budgetfoljsamhet, PERCENT_FORMAT));
  if (hasFore) row(labels.foljsamhetFore, number(finance.budgetfoljsamhetForeResultatoverforingar, PERCENT_FORMAT));
  if (finance.prognossakerhet !== undefined && finance.prognossakerhet !== null) {
    row(labels.prognossakerhet, number(finance.prognossakerhet, PERCENT_FORMAT));
  }
}

const ECONOMY_LABELS = {
  sv: {
    areas: 'Budgetföljsamhet per verksamhetsområde (mnkr)',
    areaHeader: ['Verksamhetsområde', null, null, 'Justerad budget', 'Prognos', 'Avvikelse', 'Budgetföljsamhet'],
    tables: 'Ekonomitabeller',
    tableHeader: ['Slag', 'Cell', 'Rubrik', 'Rader', 'Fel', 'Varningar', 'Enhet', 'Totalt'],
    kinds: { drift: 'Driftbudget', plan: 'Budget (plan)', investering: 'Investeringar', resultatenheter: 'Resultatenheter', omslutning: 'Omslutningsförändringar', nyckeltal: 'Nyckeltal' },
    noTotal: '(ingen totalrad)',
  },
  en: {
    areas: 'Budget adherence per area (SEK million)',
    areaHeader: ['Area', null, null, 'Adjusted budget', 'Forecast', 'Deviation', 'Budget adherence'],
    tables: 'Budget tables',
    tableHeader: ['Kind', 'Cell', 'Title', 'Rows', 'Errors', 'Warnings', 'Unit', 'Total'],
    kinds: { drift: 'Operating budget', plan: 'Plan budget', investering: 'Investments', resultatenheter: 'Result units', omslutning: 'Turnover changes', nyckeltal: 'Key figures' },
    noTotal: '(no total row)',
  },
};

/** Budgetföljsamhet per verksamhetsområde of the main drift table; an area above 100 % is highlighted as a warning. */
function addEconomyAreas(sheet: SheetBuilder, finance: FinanceSummary | null, lang: Lang): void {
  const areas = finance?.areas ?? [];
  if (areas.length === 0) return;
  const t = ECONOMY_LABELS[lang];
  sheet.add();
  sheet.add([bold(t.areas)], false);
  sheet.add(t.areaHeader.map(bold));
  for (const area of areas) {
    const ratio = number(area.budgetfoljsamhet, PERCENT_FORMAT);
    const over = area.budgetfoljsamhet !== null && area.budgetfoljsamhet > 1.0005;
    sheet.add([area.label, null, null, number(area.frame, MNKR_FORMAT), number(area.prognos, MNKR_FORMAT), number(area.avvikelse, MNKR_FORMAT), over ? { ...ratio, fill: HIGHLIGHT_FILL.warning } : ratio]);
  }
}

/** The total row of a table as one line of text: `Budget 2 739,6 · Prognos 2 751,4`. */
function totalText(total: Record<string, number | null> | null, lang: Lang): string {
  if (!total) return ECONOMY_LABELS[lang].noTotal;
  const fmt = (v: number) => formatNumber(v, lang);
  return Object.entries(total)
    .filter(([, v]) => v !== null)
    .map(([header, v]) => `${header} ${fmt(v as number)}`)
    .join(' · ');
}

/** One line per economy table found: its kind, place, title, size, findings and total. */
function addEconomyTables(sheet: SheetBuilder, finance: FinanceSummary | null, lang: Lang): void {
  const tables = finance?.tables ?? [];
  if (tables.length === 0) return;
  const t = ECONOMY_LABELS[lang];
  sheet.add();
  sheet.add([bold(t.tables)], false);
  sheet.add([...t.tableHeader.slice(0, 7), null, null, null, null, t.tableHeader[7]].map((h) => (h === null ? null : bold(h))));
  for (const table of tables) {
    const errors: Cell = table.findings.errors ? { value: table.findings.errors, fill: HIGHLIGHT_FILL.error } : { value: 0 };
    const warnings: Cell = table.findings.warnings ? { value: table.findings.warnings, fill: HIGHLIGHT_FILL.warning } : { value: 0 };
    sheet.add([t.kinds[table.kind], `${table.sheet}!${table.headerCell}`, table.title || null, table.rows, errors, warnings, table.unit, null, null, null, null, totalText(table.total, lang)]);
  }
}

/**
 * The `Valideringsrapport`/`Validation` sheet: one row per issue in the given (sorted) order, the cell
 * column linking to the cell whenever its sheet exists.
 */
export function buildValidationSheet(issues: Issue[], sheetNames: string[], lang: Lang): NewSheet {
  const t = LABELS[lang];
  const auto = { min: 0 };
  const sheet = new SheetBuilder([auto, auto, auto, auto, { wrap: WRAP_WIDTH.message }]);
  sheet.add(t.validationHeader.map(bold));
  if (issues.length === 0) sheet.add([null, null, null, null, t.noIssues], false);
  addIssueRows(sheet, issues, new Set(sheetNames), lang);
  return sheet.build(OUTPUT_SHEET_NAMES.validation[lang], 1, printSetup(0));
}

/** One row per issue (a function of its own: the loop that runs per issue stays optimised whatever the rest does). */
function addIssueRows(sheet: SheetBuilder, issues: Issue[], existing: Set<string>, lang: Lang): void {
  // Only the severity cell is styled (an error or warning in its highlight colour): one style per severity, the rows added as plain values.
  const style = (severity: Severity): RowStyle => sheet.styleOf([{ value: null, fill: (HIGHLIGHT_FILL as Partial<Record<Severity, string>>)[severity] }]);
  const severityStyles: Record<Severity, RowStyle> = { error: style('error'), warning: style('warning'), info: style('info') };
  sheet.reserve(issues.length);
  // An index loop: a for…of here allocates an iterator result per issue.
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i];
    if (existing.has(issue.sheet)) {
      sheet.links.push({ row: sheet.rowCount, col: 3, text: issue.cell, targetSheet: issue.sheet, targetCell: issue.cell });
    }
    sheet.addValues([SEVERITY_TEXT[lang][issue.severity], issue.code, issue.sheet, issue.cell, issue.message], severityStyles[issue.severity]);
  }
}

/**
 * True when a sheet has the layout this module writes for the role in either language: the summary's title,
 * Period label and goal header; the validation sheet's header and an issue code (or "no issues") on every
 * row. Used to recognise the sheets of a Målkoll version that did not record its own sheets.
 */
export function hasOutputLayout(role: 'summary' | 'validation', values: CellValue[][]): boolean {
  const text = (row: number): string[] => (values[row] ?? []).map((v) => cellText(v).trim());
  const starts = (row: number, expected: string[]): boolean => expected.every((word, i) => text(row)[i] === word);
  return (['sv', 'en'] as Lang[]).some((lang) => {
    const t = LABELS[lang];
    if (role === 'summary') return starts(0, [t.title]) && starts(1, [t.period]) && starts(3, t.goalHeader);
    if (!starts(0, t.validationHeader)) return false;
    return values.slice(1).every((_, i) => /^[EWI]_[A-Z_]+$/.test(text(i + 1)[1] ?? '') || text(i + 1)[4] === t.noIssues);
  });
}

// One of each builder kept, so that its hidden class outlives a check (common/shapes.ts); made last, once every table above exists.
const KEPT_SHEET_BUILDER = keepShape(new SheetBuilder([{ min: 0 }, { wrap: WRAP_WIDTH.title }]));
keepShape(new GoalRowStyles(KEPT_SHEET_BUILDER, 'sv'));
keepShape(new DeviatingRowStyles(KEPT_SHEET_BUILDER, 'sv'));
