// The shared vocabulary of Målkoll: input grids, parsed values, the workbook model, results, the JSON report and the write plan.

// ---------------------------------------------------------------------------------------------
// Input: what a host adapter reads. Rows and columns are 0-based indexes into the grid; row 0 is
// spreadsheet row 1, column 0 is column A.
// ---------------------------------------------------------------------------------------------

/**
 * One cell value as a host delivers it. Dates arrive as Excel serial numbers with a date number
 * format (adapters convert host Date objects so). Error cells arrive as their error text
 * (`#N/A`, `#REF!`, …). Blank is `null` (an empty string is treated as blank too).
 */
export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  name: string;
  /** Row-major values from A1; rows may be ragged (missing cells are blank). */
  values: CellValue[][];
  /** Number format per cell ("General", "0 %", "yyyy-mm-dd", "@"); absent or null = General. */
  formats?: (string | null)[][];
  /**
   * Fill per cell as an opaque host token (`#RRGGBB` in Excel and Sheets, a JSON string of the
   * fill in the CLI), null = no fill. Needed to make highlights reversible; may be absent.
   */
  fills?: (string | null)[][];
  /** The host's stable sheet id (Excel `worksheet.id`, Sheets `getSheetId()`, the CLI's `sheetId` in workbook.xml). */
  id?: string;
  /**
   * Formula text per cell (`=SUMMA(A1:A3)`), null = none. A formula is the user's content even when its
   * value is blank (`""` or not yet computed): output never goes over it (SPEC 2.7).
   */
  formulas?: (string | null)[][];
  /** Note or comment text per cell, null = none; a cell with a note is never written over. */
  notes?: (string | null)[][];
  /** Merged areas (0-based, inclusive); no output cell may fall inside one. */
  merges?: MergedArea[];
}

export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
}

export type Lang = 'sv' | 'en';

export interface CheckOptions {
  /** Overrides the language from the Inställningar sheet. */
  lang?: Lang;
  /** Overrides Rapportperiod from the Inställningar sheet, e.g. "Tertial 1 2024". */
  period?: string;
  /**
   * The previous report (CLI `--jamfor`, SPEC 5.8): its goals and indicators fill the Föregående
   * prognos/bedömning of the matching rows (goal number; goal and indicator name).
   */
  previous?: WorkbookGrids;
}

export interface CellRef {
  sheet: string;
  row: number; // 0-based
  col: number; // 0-based
}

// ---------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  severity: Severity;
  code: string;
  sheet: string;
  /** A1 address of the cell holding the problem (header cell for a missing column, A1 for a sheet). */
  cell: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Values (SPEC 3)
// ---------------------------------------------------------------------------------------------

/** `%` for percent (value in percent units: 38,87 % → 38.87), a free-text unit, or null (bare number). */
export type Unit = string | null;

export type ParsedValue =
  | { kind: 'number'; value: number; unit: Unit; note?: string }
  | { kind: 'bound'; value: number; unit: Unit; bound: 'max' | 'min' }
  | { kind: 'band'; center: number; halfWidth: number; unit: Unit }
  | { kind: 'trend'; direction: 'higher' | 'lower' }
  | { kind: 'pending'; text: string }
  | { kind: 'missing' }
  | { kind: 'date'; iso: string } // yyyy-mm-dd
  | { kind: 'error'; text: string } // an error cell: #N/A, #REF!, …
  | { kind: 'invalid'; text: string };

export type PeriodKind = 'tertial' | 'halvar' | 'kvartal' | 'month' | 'year';

export interface Period {
  text: string;
  kind: PeriodKind;
  /** 1-based index within the year (tertial 1–3, halvår 1–2, kvartal 1–4, month 1–12); 1 for year. */
  index: number;
  year: number | null;
  /** Months elapsed at the period's end: T1 → 4, T2 → 8, year → 12, Kvartal n → 3n, … */
  months: number;
}

// ---------------------------------------------------------------------------------------------
// The workbook model (SPEC 1–2)
// ---------------------------------------------------------------------------------------------

export type Level = 'inriktningsmal' | 'verksamhetsomradesmal' | 'namndmal' | 'enhetsmal';
export type Assessment = 'helt' | 'delvis' | 'inte';
export type Status = Assessment | 'ej_bedomd' | 'ej_matt';
export type Direction = 'higher' | 'lower' | 'band' | 'exact';
export type DirectionSource = 'column' | 'target' | 'kf' | 'keyword' | 'default';
export type Periodicity = 'ar' | 'tertial' | 'halvar' | 'kvartal' | 'manad';
export type ForecastMethod = 'senaste' | 'linjar' | 'sasong' | 'manuell';
export type ActivityStatus = 'ej_paborjad' | 'paborjad' | 'pagar' | 'genomford' | 'forsenad' | 'avbruten';
export type SheetKind = 'goals' | 'indicators' | 'activities' | 'finance' | 'settings';
/** Which document of the yearly cycle a workbook is (SPEC 5.0): verksamhetsplan, tertialrapport 1 or 2, verksamhetsberättelse. */
export type DocumentKind = 'plan' | 't1' | 't2' | 'vb';

export interface Goal {
  sheet: string;
  row: number; // 0-based grid row
  /** Normalised number without trailing dot (`1.2.3`); the raw text when it is not a valid number. */
  number: string;
  valid: boolean; // number is of the form N(.N)*
  title: string;
  level: Level;
  /** Normalised parent number (`1.2` for `1.2.3`), null for top level. */
  parent: string | null;
  stated: Assessment | null;
  analysis: string;
  /** Förväntat resultat (SPEC 2.1), '' when absent. */
  expectedResult: string;
  /** Åtgärder (SPEC 2.1), '' when absent. */
  actions: string;
  /** The assessment in the previous report (`Föregående bedömning`, SPEC 5.8); `ej_bedomd` when it had none. */
  previousStated: Status | null;
  /** Cells of the fields that exist in the sheet, by field name (number, title, level, stated, analysis). */
  cells: Partial<Record<string, CellRef>>;
}

export interface Indicator {
  sheet: string;
  row: number;
  goal: string; // normalised goal number
  name: string;
  arsmal: ParsedValue;
  kfArsmal: ParsedValue;
  periodicity: Periodicity | null;
  period: Period | null; // from the column, else from the settings
  outcome: ParsedValue;
  outcomeMen: ParsedValue;
  outcomeWomen: ParsedValue;
  lastYear: ParsedValue;
  lastYearSamePeriod: ParsedValue;
  forecast: ParsedValue; // Prognos helår (the human's)
  method: ForecastMethod | null;
  direction: Direction | null; // from the Riktning column only
  partialThreshold: number | null; // Delvisgräns override as a fraction (0.9)
  /** The row's reconciled unit (SPEC 3 "Units within one indicator row"); values above are already reconciled. */
  unit: Unit;
  comment: string;
  /** The nämnd's own judgement of this indicator (`Bedömning`, SPEC 2.2, 5.1). */
  stated: Assessment | null;
  /** Prognos helår in the previous report (`Föregående prognos`, SPEC 5.8). */
  previousForecast: ParsedValue;
  /** Judgement or status in the previous report (`Föregående bedömning`, SPEC 5.8): `ej_matt`/`ej_bedomd` when it had no judgement. */
  previousStated: Status | null;
  /** Cells of the fields that exist in the sheet, by field name (goal, name, arsmal, kfArsmal, outcome, …). */
  cells: Partial<Record<string, CellRef>>;
}

export interface Activity {
  sheet: string;
  row: number;
  goal: string;
  name: string;
  start: string | null; // ISO date
  end: string | null;
  status: ActivityStatus | null;
  deviation: string;
  /** End date before the report period's end and status not Genomförd/Avbruten (W_ACTIVITY_OVERDUE). */
  overdue: boolean;
  cells: Partial<Record<string, CellRef>>;
}

export interface BudgetRow {
  sheet: string;
  row: number;
  label: string; // HTML tags stripped
  isVarav: boolean;
  isTotal: boolean;
  /** Grid row of the row a `varav` row is part of. */
  parentRow: number | null;
  budget: number | null;
  justeringar: number | null;
  forandringar: number | null;
  /** Prognos (efter resultatöverföringar) when both exist, else the only Prognos column. */
  prognos: number | null;
  /** Prognos (före resultatöverföringar), only when both exist. */
  prognosFore: number | null;
  avvikelse: number | null;
  utfall: number | null;
  cells: Partial<Record<string, CellRef>>;
}

/** Kinds of economy table (SPEC 2.4). */
export type FinanceTableKind = 'drift' | 'plan' | 'investering' | 'resultatenheter' | 'omslutning' | 'nyckeltal';
/** Money units a table states (1 mnkr = 1 000 tkr = 1 000 000 kr). */
export type MoneyUnit = 'mnkr' | 'tkr' | 'kr';

/** One figure of an economy table: its value and the decimals it shows (the rounding it carries). */
export interface FinanceFigure {
  value: number;
  decimals: number;
  percent: boolean;
}

export interface FinanceColumn {
  col: number;
  /** Header text, group headers of a multi-row header joined before it (`Budget 2021 Kostnader`). */
  header: string;
}

export interface FinanceTableRow {
  row: number;
  label: string; // HTML tags stripped
  /** Figures by column index (absent or null: blank or no value). */
  figures: Record<number, FinanceFigure | null>;
  /** `varav …`: a part of the row above. */
  isVarav: boolean;
  /** `…, varav`: the parent of the rows that follow. */
  isVaravParent: boolean;
  isTotal: boolean;
  /** A label-only row inside the table: starts a new block with its own total. */
  isBlockHeading: boolean;
  /** The first row after the table's header was repeated (a page break): ends the parts of a `…, varav` row. */
  continued?: boolean;
}

/** An economy table found on the economy sheet or in a pasted report (SPEC 2.4). */
export interface FinanceTable {
  sheet: string;
  kind: FinanceTableKind;
  /** The title row above the table (or its first header cell); '' when none. */
  title: string;
  titleRow: number | null;
  unit: MoneyUnit | null;
  /** The unit was not stated in the table, its title or caption but taken from the kind's convention. */
  unitAssumed: boolean;
  /** First and last header rows (0-based, inclusive; plan tables may have two or three). */
  headerRow: number;
  lastHeaderRow: number;
  labelCol: number;
  columns: FinanceColumn[];
  rows: FinanceTableRow[];
  /** The rows as budget rows, for drift and investering tables. */
  budgetRows?: BudgetRow[];
}

/** A line of text (title, caption, analysis) in the economy part of a sheet, for the prose checks. */
export interface FinanceText {
  sheet: string;
  row: number;
  col: number;
  text: string;
}

export interface Settings {
  periodText: string | null;
  period: Period | null;
  partialThreshold: number; // fraction, default 0.8
  lang: Lang;
  planYear: number | null;
  goalHeltAbove: number; // 0.75
  goalDelvisFrom: number; // 0.5
  /** The document judged (SPEC 5.0); null or absent when Målkoll cannot tell (then judged as a report). */
  document?: DocumentKind | null;
}

/** Where a recognised input table sits, so that output columns can be placed beside it. */
export interface TableInfo {
  kind: SheetKind | 'report';
  sheet: string;
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number; // inclusive; < firstDataRow when the table is empty
  /** Last column used by the header row or any of the table's rows (output columns go to its right). */
  lastCol: number;
  /** Input field → column. */
  columns: Partial<Record<string, number>>;
  /** Output field (forecastComputed, status, achievement, proposal, basis) → existing column. */
  outputColumns: Partial<Record<string, number>>;
}

export interface WorkbookModel {
  settings: Settings;
  goals: Goal[];
  indicators: Indicator[];
  activities: Activity[];
  budget: BudgetRow[];
  tables: TableInfo[];
  /** True when a goals table (or report layout) exists, so E_UNKNOWN_GOAL applies. */
  hasGoalsSheet: boolean;
  /** Where `settings.document` came from (SPEC 5.0), for I_DOCUMENT_KIND; absent in models built by hand. */
  documentOrigin?: DocumentOrigin;
  /** Every economy table found (SPEC 2.4), in sheet order. */
  financeTables?: FinanceTable[];
  /** Text lines around the economy tables (titles, captions, analysis), for amounts stated in prose (SPEC 5.7). */
  financeTexts?: FinanceText[];
  /** True when a previous report was matched into the model (CLI `--jamfor`, SPEC 5.8). */
  previousMatched?: boolean;
  /** Indicators of the previous report that this one no longer has (SPEC 5.8). */
  previousRemoved?: { goal: string; name: string }[];
}

/** What named the document: Rapportperiod, the --period option, the Period column, a report title, or nothing. */
export interface DocumentOrigin {
  source: 'settings' | 'option' | 'periodColumn' | 'title' | 'none';
  ref: CellRef;
  /** The text that named it, as shown in the message. */
  shown: string;
  /** A bare year, settled by whether indicators have outcomes. */
  bareYear: boolean;
}

// ---------------------------------------------------------------------------------------------
// Results (SPEC 5)
// ---------------------------------------------------------------------------------------------

export type StatusCounts = Record<Status, number>;

/** How an indicator or goal moved since the previous report (SPEC 5.8). */
export type Change = 'better' | 'worse' | 'same' | 'new';

/** What the previous report said: the forecast an indicator was judged on, and the judgement. */
export interface PreviousValue {
  value: number | null;
  /** The judgement then; `ej_matt`/`ej_bedomd` when there was none. */
  status: Status | null;
}

export interface IndicatorResult {
  indicator: Indicator;
  unit: Unit;
  direction: Direction | 'trend';
  directionSource: DirectionSource;
  value: number | null;
  valueSource: 'prognos' | 'computed' | 'outcome' | 'none';
  computedForecast: number | null;
  target: number | null;
  targetSource: 'arsmal' | 'kf' | 'none';
  status: Status;
  achievement: number | null;
  /** The judgement the goal proposal uses (SPEC 5.1): the status when scored, else the stated Bedömning, else null. */
  judged: Assessment | null;
  judgedSource: 'status' | 'stated' | 'none';
  /** Set when the report is compared with the previous one (SPEC 5.8). */
  previous?: PreviousValue;
  change?: Change;
}

/**
 * A goal's own indicators by judgement (SPEC 5.1, 5.6): scored counts, how many of them are the
 * nämnd's stated Bedömning, and the unjudged split by why (`pending`: cannot be judged yet;
 * `yearEnd`: an annual indicator in T1/T2, measured only at the year's end).
 */
export interface Judgements {
  helt: number;
  delvis: number;
  inte: number;
  stated: number;
  pending: number;
  yearEnd: number;
}

export interface GoalResult {
  goal: Goal;
  proposed: Status; // helt | delvis | inte | ej_bedomd
  score: number | null;
  counts: StatusCounts; // of its own indicators
  /** Its own indicators by judgement; absent in results built by hand (then derived from counts). */
  judgements?: Judgements;
  sentence: string;
  /** Set when the report is compared with the previous one (SPEC 5.8). */
  previous?: PreviousValue;
  change?: Change;
}

export interface FinanceSummary {
  total: {
    budget: number | null;
    justeringar: number | null;
    forandringar: number | null;
    prognos: number | null;
    avvikelse: number | null;
  } | null;
  budgetfoljsamhet: number | null;
  budgetfoljsamhetForeResultatoverforingar?: number | null;
  prognossakerhet?: number | null;
  /** Budgetföljsamhet per verksamhetsområde of the main drift table (SPEC 5.7). */
  areas?: FinanceArea[];
  /** One entry per economy table found (SPEC 6 `finance.tables`). */
  tables?: FinanceTableSummary[];
}

export interface FinanceArea {
  label: string;
  /** Budget + Begärda budgetjusteringar + Prestationsförändringar. */
  frame: number | null;
  prognos: number | null;
  avvikelse: number | null;
  budgetfoljsamhet: number | null;
}

export interface FinanceTableSummary {
  sheet: string;
  kind: FinanceTableKind;
  title: string;
  /** A1 address of the (first) header row's first cell. */
  headerCell: string;
  /** Data rows read. */
  rows: number;
  unit: MoneyUnit | null;
  /** The total row's figures by column header, null without a total row. */
  total: Record<string, number | null> | null;
  /** Issues found in this table: errors and warnings. */
  findings: { errors: number; warnings: number };
}

// ---------------------------------------------------------------------------------------------
// The JSON report (SPEC 6)
// ---------------------------------------------------------------------------------------------

export interface Report {
  version: 2;
  period: string | null;
  /** The document judged (SPEC 5.0), null when Målkoll could not tell. */
  document: DocumentKind | null;
  lang: Lang;
  summary: { errors: number; warnings: number; infos: number };
  issues: Issue[];
  indicators: {
    sheet: string;
    row: number; // 1-based spreadsheet row
    goal: string;
    name: string;
    unit: Unit;
    direction: Direction | 'trend';
    directionSource: DirectionSource;
    value: number | null;
    valueSource: IndicatorResult['valueSource'];
    target: number | null;
    targetSource: IndicatorResult['targetSource'];
    status: Status;
    achievement: number | null;
    /** The indicator's stated Bedömning (SPEC 2.2), null when blank. */
    stated: Assessment | null;
    judged: Assessment | null;
    judgedSource: IndicatorResult['judgedSource'];
    previous: PreviousValue | null;
    change: Change | null;
  }[];
  goals: {
    number: string;
    level: Level;
    title: string;
    stated: Assessment | null;
    proposed: Status;
    score: number | null;
    counts: StatusCounts;
    /** Own indicators by judgement (SPEC 5.1): scored, and `none` for those without any. */
    judged: { helt: number; delvis: number; inte: number; none: number };
    /** How many of those judgements are the nämnd's stated Bedömning. */
    statedSource: number;
    expectedResult: string | null;
    sentence: string;
    previous: PreviousValue | null;
    change: Change | null;
  }[];
  activities: {
    sheet: string;
    row: number; // 1-based
    goal: string;
    name: string;
    start: string | null;
    end: string | null;
    status: ActivityStatus | null;
  }[];
  finance: FinanceSummary | null;
  /** Movement since the previous report (SPEC 5.8), null when there is nothing to compare with. */
  comparison: ComparisonSummary | null;
}

export interface ComparisonSummary {
  better: number;
  worse: number;
  same: number;
  new: number;
  /** Indicators of the previous report that this one no longer has. */
  removed: { goal: string; name: string }[];
}

// ---------------------------------------------------------------------------------------------
// The write plan: what an adapter applies, in as few host calls as possible.
// Colours are `#RRGGBB`. Every string in a plan is literal text: an adapter must never let it
// become a formula (see `needsTextGuard` in core/plan.ts).
// ---------------------------------------------------------------------------------------------

export interface Block {
  sheet: string;
  row: number; // 0-based top-left
  col: number;
  values: CellValue[][];
  numberFormats?: (string | null)[][]; // null = leave as is
  fills?: (string | null)[][]; // null = no fill
  fontColors?: (string | null)[][]; // null = automatic
  bold?: boolean[][];
  /** Widths of the block's columns in characters (SPEC 6: the longest status word and header in full); absent = leave as is. */
  columnWidths?: number[];
  /** Cells whose text wraps within the column width (see NewSheet.wrap). */
  wrap?: boolean[][];
  /** Horizontal alignment (see NewSheet.align). */
  align?: (HorizontalAlign | null)[][];
}

/**
 * Horizontal alignment of a cell. Headers above figures are `right`, as their numbers are, so that a
 * header and its column line up (SPEC 6). null = the host's default (text left, numbers right).
 */
export type HorizontalAlign = 'left' | 'center' | 'right';

/**
 * An internal link: the cell (row, col) of the new sheet shows `text` and jumps to `targetCell` on
 * `targetSheet`. It names only a location inside the workbook, never an address: xlsx writes the
 * hyperlink's `location` alone (`linkLocation` in core/write/layout.ts: `'Indikatorer'!E58`), with no
 * relationship target (LibreOffice reads one as a link to the file itself); Excel (Office.js)
 * `documentReference`; Google Sheets a `#gid=…&range=…` link to the target sheet's id.
 */
export interface Link {
  row: number; // 0-based cell in the new sheet holding the link
  col: number;
  text: string;
  targetSheet: string;
  targetCell: string; // A1
}

/**
 * How an output sheet prints (SPEC 6). Adapters apply all of it: xlsx `pageSetup` (paperSize 9 = A4,
 * orientation, fitToPage with fitToWidth 1 and fitToHeight 0) and the print titles
 * (`_xlnm.Print_Titles`); Office.js `worksheet.pageLayout` (paperSize A4, orientation,
 * zoom { horizontalFitToPages: 1, verticalFitToPages: 0 }, setPrintTitleRows); Google Sheets has no
 * page setup in Apps Script, so there only the repeated rows apply as frozen rows (already `frozenRows`).
 */
export interface PrintSetup {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** Scaled to fit this many pages wide; as many pages tall as the content needs. */
  fitToPagesWide: number;
  /** 0-based rows (first..last, inclusive) repeated at the top of every printed page: the header row. */
  repeatRows?: { first: number; last: number };
}

export interface NewSheet {
  name: string;
  /**
   * replace: Målkoll's own output sheet, cleared and rewritten in place when it exists (keeping its
   * sheet id, so links to it keep working), created otherwise. createIfMissing: template sheets.
   */
  mode: 'replace' | 'createIfMissing';
  /**
   * The host id of the existing sheet to rewrite (core found it in the `_malkoll` record): the adapter
   * targets that sheet by id and renames it to `name` when the names differ. Absent: the sheet called `name`.
   */
  id?: string;
  hidden?: boolean;
  values: CellValue[][];
  /**
   * Excel format codes in the file's syntax (`#,##0.0`, `0 %`: `,` groups thousands, `.` is the
   * decimal point); every host shows them with the workbook's locale, so Swedish shows `2 739,6`, `97 %`.
   */
  numberFormats?: (string | null)[][];
  fills?: (string | null)[][];
  fontColors?: (string | null)[][];
  bold?: boolean[][];
  /** Widths in characters, one per column: the longest value and header in full, wrapping columns at a fixed width (SPEC 6). */
  columnWidths?: number[];
  /**
   * Cells whose text wraps within the column width (goal titles, Underlag, messages); the row grows to
   * fit. Same shape as `values`; absent = nothing wraps.
   */
  wrap?: boolean[][];
  /** Horizontal alignment per cell, same shape as `values`; absent = host default everywhere. */
  align?: (HorizontalAlign | null)[][];
  /**
   * Row heights in points where wrapped text needs more than one line (null = the host's default):
   * hosts and LibreOffice do not all grow a row to its wrapped text when a file is opened.
   */
  rowHeights?: (number | null)[];
  /** Page setup for printing; absent = the host's default. */
  print?: PrintSetup;
  /** Vertical alignment of every cell (`top` where rows grow with wrapped text, so a row reads across); absent = host default (bottom). */
  verticalAlign?: 'top';
  links?: Link[];
  /** Data-validation lists (template): rows firstRow..lastRow (0-based, inclusive) of column col. */
  validations?: { col: number; firstRow: number; lastRow: number; list: string[] }[];
  /** Freeze rows above this 0-based row (1 = header row frozen). */
  frozenRows?: number;
}

export interface FillChange {
  sheet: string;
  /** Fill token to apply: `#RRGGBB`, a host token recorded earlier, or null = no fill. */
  fill: string | null;
  /** A1 addresses. */
  cells: string[];
}

export interface WritePlan {
  /** Rectangles written into existing sheets (output columns). */
  blocks: Block[];
  /** Scattered fills on input cells (highlights and their restores), grouped by fill. */
  fills: FillChange[];
  /** Sheets written whole. */
  sheets: NewSheet[];
  /** Sheets deleted if present (only ever Målkoll's own record, by its exact name). */
  deleteSheets: string[];
  /**
   * What the command found that the host should show the user beside its result; Clear reports here
   * every recorded highlight whose cell it could not find (`W_HIGHLIGHT_NOT_FOUND`). A check's issues
   * are in its Report instead. Absent or empty: nothing to show.
   */
  issues?: Issue[];
}

export interface CheckResult {
  report: Report;
  plan: WritePlan;
}
