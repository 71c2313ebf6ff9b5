// Reader for an ILS report pasted into one sheet (SPEC 2.6): goal headings, stated assessments, analyses and the small indicator and activity tables under them.
import { issueAt } from '../common/issues';
import { nameHeaders } from './headers';
import { readActivityRow, readIndicatorRow } from './rows';
import { matchHeader } from './schema';
import { parseAssessment } from '../common/status';
import { cellText, fold } from '../common/text';
import type {
  Activity,
  Assessment,
  CellRef,
  CellValue,
  Goal,
  Indicator,
  Issue,
  Lang,
  Level,
  Settings,
  SheetGrid,
  TableInfo,
} from '../types';
import { describeCell, parseValue } from './values';
import { parsePeriod } from './period';
import { keepShape } from '../common/shapes';

export interface ReportLayoutResult {
  goals: Goal[];
  indicators: Indicator[];
  activities: Activity[];
  tables: TableInfo[];
  issues: Issue[];
}

// ---------------------------------------------------------------------------------------------
// Row vocabulary
// ---------------------------------------------------------------------------------------------

type TableKind = 'indicators' | 'activities';
type Columns = Partial<Record<string, number>>;

const TABLE_KINDS: TableKind[] = ['indicators', 'activities'];

/** Bullets and status symbols ILS puts before names and assessments. */
const MARKER_CLASS = '\\s\\u00a0\\u202f●•○◐◑◉◎▪■□◆◇►▶✓✔✗✘';
const LEADING_MARKERS = new RegExp(`^[${MARKER_CLASS}]+`);
const MARKERS_ONLY = new RegExp(`^[${MARKER_CLASS}]*$`);
const BLANK = /^[\s\u00a0\u202f]*$/;

/** A goal heading on folded text: `KF:s inriktningsmål:`, `KF:s mål för verksamhetsområdet:`, `Nämndmål:`, `Enhetsmål:`. */
const HEADING = /^(kf:s )?(inriktningsmal|mal for verksamhetsomradet|verksamhetsomradesmal|namndmal|enhetsmal)\s*:/;
const HEADING_LEVEL: Record<string, Level> = {
  inriktningsmal: 'inriktningsmal',
  'mal for verksamhetsomradet': 'verksamhetsomradesmal',
  verksamhetsomradesmal: 'verksamhetsomradesmal',
  namndmal: 'namndmal',
  enhetsmal: 'enhetsmal',
};
const LEVEL_DEPTH: Record<Level, number> = { inriktningsmal: 1, verksamhetsomradesmal: 2, namndmal: 3, enhetsmal: 4 };
/** Only the start of a cell decides whether it is a heading; long paragraphs are not folded whole. */
const HEADING_PREFIX_CHARS = 60;
/** Header cells are short; a longer first cell is never a table header. */
const HEADER_MAX_CHARS = 40;
/** How far into a row the first text is looked for (a marker column may come first). */
const FIRST_TEXT_COLS = 3;

/** The goal number at the start of a heading's text: `1.`, `1.2`, `1.2.3.` followed by the title. */
const NUMBER_AND_TITLE = /^(\d+(?:\.\d+)*)\.?(?:\s+|$)/;
const ANALYS_LABEL = /^analys(?:\s*:)?(?: |$)/;
/** A `Förväntat resultat` line under a goal heading starts the goal's expected result (SPEC 2.6). */
const EXPECTED_LABEL = /^forvanta(?:t|de) resultat(?:\s*:)?(?: |$)/;
const EXPECTED_PREFIX = /^[^a-zA-ZåäöÅÄÖ]*förvänta(?:t|de) resultat\s*:?\s*/i;
const ANALYS_PREFIX = /^[^a-zA-ZåäöÅÄÖ]*analys\s*:?\s*/i;
/** A row that tries to be an assessment although it is none of the allowed values. */
const ASSESSMENT_LIKE = /^(uppfyll|uppnas|bedom)/;
const MARKED = /^[\s\u00a0]*[●•○◐◑◉◎]/;
const UPPERCASE_START = /^\p{Lu}/u;

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && BLANK.test(value));
}

function isMarkersOnly(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && MARKERS_ONLY.test(value));
}

/** A name or text cell without leading markers and with its spacing collapsed. */
function cleanText(value: CellValue | undefined): string {
  return cellText(value).replace(LEADING_MARKERS, '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** Text that reads as a name rather than a value (`Andel …`, not `70 %`, `Fastställs 2024` or `Ökning`). */
function isNameish(value: CellValue | undefined): boolean {
  if (typeof value !== 'string' || isMarkersOnly(value)) return false;
  return parseValue(cleanText(value)).kind === 'invalid';
}

/** Column of the first cell with text other than markers, within the first columns; -1 if none. */
function firstTextCol(values: CellValue[]): number {
  const end = Math.min(values.length, FIRST_TEXT_COLS);
  for (let col = 0; col < end; col++) if (!isMarkersOnly(values[col])) return col;
  return -1;
}

function isBlankRow(values: CellValue[] | undefined): boolean {
  if (!values) return true;
  for (const value of values) if (!isBlank(value)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Headings and table headers
// ---------------------------------------------------------------------------------------------

interface Heading {
  level: Level;
  number: string | null; // normalised, null when the heading has none
  title: string;
  col: number; // the cell holding the heading
  titleCol: number; // the cell holding the title (the next one when the heading cell ends at the colon)
}

/** The goal heading in a row (`Nämndmål: 1.1.1 Alla barn …`), or null. */
function readHeading(values: CellValue[]): Heading | null {
  const col = firstTextCol(values);
  if (col < 0 || typeof values[col] !== 'string') return null;
  const text = values[col] as string;
  const colon = text.indexOf(':');
  if (colon < 0 || colon > HEADING_PREFIX_CHARS) return null;
  const raw = text.replace(LEADING_MARKERS, '');
  const match = HEADING.exec(fold(raw.slice(0, HEADING_PREFIX_CHARS)));
  if (!match) return null;
  // Folding keeps colons, so the heading's text starts after as many colons in the raw text.
  let end = -1;
  for (let colons = (match[0].match(/:/g) ?? []).length; colons > 0; colons--) end = raw.indexOf(':', end + 1);
  let rest = cleanText(raw.slice(end + 1));
  let titleCol = col;
  if (rest === '') {
    for (let c = col + 1; c < values.length; c++) {
      if (!isBlank(values[c])) {
        rest = cleanText(values[c]);
        titleCol = c;
        break;
      }
    }
  }
  const numbered = NUMBER_AND_TITLE.exec(rest);
  return {
    level: HEADING_LEVEL[match[2]],
    number: numbered ? numbered[1] : null,
    title: numbered ? rest.slice(numbered[0].length).trim() : rest,
    col,
    titleCol,
  };
}

interface TableHeader {
  kind: TableKind;
  row: number;
  columns: Columns;
  nameCol: number;
  lastCol: number;
}

/** The indicator or activity table header in a row (`Indikator | Periodens utfall | …`), or null. */
function readTableHeader(values: CellValue[], row: number): TableHeader | null {
  const col = firstTextCol(values);
  if (col < 0) return null;
  const first = values[col];
  if (typeof first !== 'string' || first.length > HEADER_MAX_CHARS) return null;
  for (const kind of TABLE_KINDS) {
    if (matchHeader(kind, first)?.field !== 'name') continue;
    const columns: Columns = {};
    let fields = 0;
    let lastCol = col;
    for (let c = col; c < values.length; c++) {
      if (isBlank(values[c])) continue;
      lastCol = c;
      const hit = matchHeader(kind, values[c]);
      if (!hit || hit.output || columns[hit.field] !== undefined) continue;
      columns[hit.field] = c;
      fields++;
    }
    if (fields < 2) continue;
    nameHeaders(columns, values);
    return { kind, row, columns, nameCol: col, lastCol };
  }
  return null;
}

/**
 * True when the sheet is in report layout: a goal heading row and an `Indikator` or `Aktivitet` header
 * row. Headings are looked for first (a colon is cheap to find), so that an ordinary table sheet costs
 * one quick pass.
 */
export function isReportLayout(grid: SheetGrid): boolean {
  const rows = grid.values;
  let heading = false;
  for (let row = 0; row < rows.length && !heading; row++) heading = !!rows[row] && readHeading(rows[row]) !== null;
  if (!heading) return false;
  for (let row = 0; row < rows.length; row++) if (rows[row] && readTableHeader(rows[row], row)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Table rows
// ---------------------------------------------------------------------------------------------

/** How one row of a table reads under its header, after any marker-column shift. */
interface TableRow {
  columns: Columns;
  nameCol: number;
  name: string;
  hasValues: boolean;
}

/** Every column +1: the whole row sits one column right of its header. */
function shiftAll(columns: Columns): Columns {
  const shifted: Columns = {};
  for (const [field, col] of Object.entries(columns)) if (col !== undefined) shifted[field] = col + 1;
  return shifted;
}

/** The name moved one column right into another field's column, which is then empty for this row. */
function shiftName(columns: Columns, nameCol: number): Columns {
  const shifted: Columns = {};
  for (const [field, col] of Object.entries(columns)) if (col !== undefined && col !== nameCol) shifted[field] = col;
  shifted.name = nameCol;
  return shifted;
}

/**
 * Reads a row against its table header. A marker column (a name cell holding only markers with the
 * name in the next cell) shifts the name; when the row also reaches past the header's last column,
 * the whole row is shifted.
 */
function readTableRow(values: CellValue[], header: TableHeader): TableRow {
  let columns = header.columns;
  let nameCol = header.nameCol;
  if (isMarkersOnly(values[nameCol]) && isNameish(values[nameCol + 1])) {
    let reachesPast = false;
    for (let c = header.lastCol + 1; c < values.length && !reachesPast; c++) reachesPast = !isBlank(values[c]);
    nameCol = nameCol + 1;
    columns = reachesPast ? shiftAll(columns) : shiftName(columns, nameCol);
  }
  let hasValues = false;
  for (const [field, col] of Object.entries(columns)) {
    if (field !== 'name' && col !== undefined && !isMarkersOnly(values[col])) {
      hasValues = true;
      break;
    }
  }
  return { columns, nameCol, name: cleanText(values[nameCol]), hasValues };
}

// ---------------------------------------------------------------------------------------------
// The scanner: one pass over the rows
// ---------------------------------------------------------------------------------------------

/** An indicator or activity found by the scanner, before its values are read. */
interface Item {
  kind: TableKind;
  row: number; // the row holding the values
  columns: Columns;
  goal: Goal | null;
  name: string;
  nameCell: CellRef | null;
  comment: string[];
  commentCell: CellRef | null;
}

interface Scan {
  goals: Goal[];
  items: Item[];
  issues: Issue[];
  firstRow: number;
  lastRow: number;
  lastCol: number;
}

const MESSAGES = {
  numbered: {
    sv: (heading: string, number: string, parent: string | null) =>
      `Rubriken ${heading} saknar målnummer; Målkoll har numrerat målet ${number}` +
      (parent ? ` efter det överordnade målet ${parent}.` : ' efter ordningen i bladet.'),
    en: (heading: string, number: string, parent: string | null) =>
      `The heading ${heading} has no goal number; Målkoll numbered the goal ${number}` +
      (parent ? ` after its parent goal ${parent}.` : ' by its order in the sheet.'),
  },
  assessment: {
    sv: (text: string) => `Bedömningen ${text} är inte en av Uppfylls helt, Uppfylls delvis eller Uppfylls inte.`,
    en: (text: string) => `The assessment ${text} is not one of Fully met, Partly met or Not met.`,
  },
};

/** Numbers headings without a number after their parent (1.1.1 → 1.1.1.1, 1.1.1.2, …). */
class GoalNumbering {
  private readonly lastByDepth: (Goal | null)[] = [null, null, null, null, null];
  private readonly lastChild = new Map<string, number>();

  /** Registers a goal so that later unnumbered headings count after it. */
  add(goal: Goal, depth: number): void {
    this.lastByDepth[depth] = goal;
    for (let d = depth + 1; d < this.lastByDepth.length; d++) this.lastByDepth[d] = null;
    if (!goal.valid) return;
    const parts = goal.number.split('.');
    const key = parts.slice(0, -1).join('.');
    const index = Number(parts[parts.length - 1]);
    if (index > (this.lastChild.get(key) ?? 0)) this.lastChild.set(key, index);
  }

  /** The number an unnumbered heading of this depth gets, and the parent it was counted under. */
  next(depth: number): { number: string; parent: string | null } {
    let parent: Goal | null = null;
    for (let d = depth - 1; d >= 1 && !parent; d--) parent = this.lastByDepth[d];
    const key = parent && parent.valid ? parent.number : '';
    const index = (this.lastChild.get(key) ?? 0) + 1;
    return { number: key ? `${key}.${index}` : String(index), parent: key || null };
  }
}

const VALID_NUMBER = /^\d+(?:\.\d+)*$/;

function parentNumber(number: string): string | null {
  const dot = number.lastIndexOf('.');
  return dot < 0 ? null : number.slice(0, dot);
}

class Scanner {
  private readonly goals: Goal[] = [];
  private readonly items: Item[] = [];
  private readonly issues: Issue[] = [];
  private readonly numbering = new GoalNumbering();
  private goal: Goal | null = null;
  /** The goal waits for its assessment row (the first non-blank row after the heading). */
  private expectAssessment = false;
  /** Text rows after the goal's `Analys` row go into its analysis, until a table or heading. */
  private collectAnalysis = false;
  private analysis: string[] = [];
  /** Text rows after the goal's `Förväntat resultat` row go into its expected result, until `Analys`, a table or a heading. */
  private collectExpected = false;
  private expected: string[] = [];
  /** The table whose rows are being read; null after a blank row until a header repeats. */
  private table: TableHeader | null = null;
  /** The last table's header, kept across blank rows so that a repeated header continues it. */
  private lastHeader: TableHeader | null = null;
  private item: Item | null = null;
  /** The last item's values row was the last table row read (blank rows and a repeated header aside). */
  private itemOpen = false;
  private commentOpen = false;
  private head: { name: string; cell: CellRef } | null = null;
  private firstRow = -1;
  private lastRow = -1;
  private lastCol = 0;

  constructor(
    private readonly grid: SheetGrid,
    private readonly lang: Lang,
  ) {}

  scan(): Scan {
    const rows = this.grid.values;
    for (let row = 0; row < rows.length; row++) this.readRow(row, rows[row] ?? []);
    this.closeGoal();
    return { goals: this.goals, items: this.items, issues: this.issues, firstRow: this.firstRow, lastRow: this.lastRow, lastCol: this.lastCol };
  }

  private ref(row: number, col: number): CellRef {
    return { sheet: this.grid.name, row, col };
  }

  private readRow(row: number, values: CellValue[]): void {
    if (isBlankRow(values)) return this.blankRow();
    this.lastRow = row;
    if (values.length - 1 > this.lastCol) this.lastCol = values.length - 1;
    const heading = readHeading(values);
    if (heading) return this.startGoal(row, values, heading);
    const header = readTableHeader(values, row);
    if (header) return this.startTable(header);
    if (this.table) return this.tableRow(row, values, this.table);
    this.textRow(row, values);
  }

  private blankRow(): void {
    this.table = null;
    this.head = null;
    if (this.item && this.item.comment.length > 0) this.commentOpen = false;
  }

  // --- goals ---

  private startGoal(row: number, values: CellValue[], heading: Heading): void {
    this.closeGoal();
    if (this.firstRow < 0) this.firstRow = row;
    const depth = LEVEL_DEPTH[heading.level];
    let number = heading.number;
    if (number === null) {
      const next = this.numbering.next(depth);
      number = next.number;
      const text = describeCell(values[heading.col]);
      this.issues.push(issueAt('info', 'I_GOAL_NUMBERED', this.ref(row, heading.col), MESSAGES.numbered[this.lang](text, number, next.parent)));
    }
    const cell = this.ref(row, heading.col);
    const goal: Goal = {
      sheet: this.grid.name,
      row,
      number,
      valid: VALID_NUMBER.test(number),
      title: heading.title,
      level: heading.level,
      parent: parentNumber(number),
      stated: null,
      analysis: '',
      expectedResult: '',
      actions: '',
      previousStated: null,
      cells: { number: cell, title: this.ref(row, heading.titleCol), level: cell },
    };
    this.numbering.add(goal, depth);
    this.goals.push(goal);
    this.goal = goal;
    this.expectAssessment = true;
    this.table = null;
    this.lastHeader = null;
    this.item = null;
    this.itemOpen = false;
    this.commentOpen = false;
    this.head = null;
  }

  private closeGoal(): void {
    if (this.goal) {
      this.goal.analysis = this.analysis.join('\n');
      this.goal.expectedResult = this.expected.join('\n');
    }
    this.analysis = [];
    this.collectAnalysis = false;
    this.expected = [];
    this.collectExpected = false;
  }

  /** A row outside any table: the goal's assessment, its `Analys` label, or running text. */
  private textRow(row: number, values: CellValue[]): void {
    const col = firstTextCol(values);
    if (col < 0) return;
    const goal = this.goal;
    if (goal && this.expectAssessment) {
      this.expectAssessment = false;
      if (this.readAssessment(goal, row, col, values[col])) return;
    }
    const text = cleanText(values[col]);
    const folded = fold(text.slice(0, HEADING_PREFIX_CHARS));
    if (goal && EXPECTED_LABEL.test(folded)) {
      this.collectExpected = true;
      this.collectAnalysis = false;
      goal.cells.expectedResult = this.ref(row, col);
      const inline = text.replace(EXPECTED_PREFIX, '').trim();
      if (inline) this.expected.push(inline);
      return;
    }
    if (goal && ANALYS_LABEL.test(folded)) {
      this.collectExpected = false;
      this.collectAnalysis = true;
      goal.cells.analysis = this.ref(row, col);
      const inline = text.replace(ANALYS_PREFIX, '').trim();
      if (inline) this.analysis.push(inline);
      return;
    }
    if (this.collectAnalysis) this.analysis.push(text);
    else if (this.collectExpected) this.expected.push(text);
  }

  /** Reads the row after a heading as the stated assessment; true when the row was one (or tried to be). */
  private readAssessment(goal: Goal, row: number, col: number, value: CellValue): boolean {
    const text = cellText(value);
    const parsed = parseAssessment(text);
    if (parsed === null) return false;
    if (parsed !== 'invalid') {
      goal.stated = parsed as Assessment;
      goal.cells.stated = this.ref(row, col);
      return true;
    }
    if (!MARKED.test(text) && !ASSESSMENT_LIKE.test(fold(text.slice(0, HEADING_PREFIX_CHARS)))) return false;
    goal.cells.stated = this.ref(row, col);
    this.issues.push(issueAt('error', 'E_ASSESSMENT_VALUE', this.ref(row, col), MESSAGES.assessment[this.lang](describeCell(value))));
    return true;
  }

  // --- tables ---

  private startTable(header: TableHeader): void {
    this.expectAssessment = false;
    this.collectAnalysis = false;
    this.collectExpected = false;
    const repeated = this.lastHeader !== null && this.lastHeader.kind === header.kind;
    if (!repeated) {
      this.item = null;
      this.itemOpen = false;
    }
    this.commentOpen = false;
    this.head = null;
    this.table = header;
    this.lastHeader = header;
  }

  private tableRow(row: number, values: CellValue[], header: TableHeader): void {
    const read = readTableRow(values, header);
    if (read.hasValues) return this.valuesRow(row, header, read);
    if (read.name === '') return;
    if (ANALYS_LABEL.test(fold(read.name.slice(0, HEADING_PREFIX_CHARS)))) {
      // An activity table has no comment column: its `Analys` ends the table.
      if (header.kind === 'activities') this.table = null;
      else this.analysRow(row, read);
      return;
    }
    this.textOnlyRow(row, header, read);
  }

  private valuesRow(row: number, header: TableHeader, read: TableRow): void {
    let name = read.name;
    let nameCell: CellRef | null = name ? this.ref(row, read.nameCol) : null;
    if (this.head) {
      name = name ? `${this.head.name} ${name}` : this.head.name;
      nameCell = this.head.cell;
      this.head = null;
    }
    const item: Item = { kind: header.kind, row, columns: read.columns, goal: this.goal, name, nameCell, comment: [], commentCell: null };
    this.items.push(item);
    this.item = item;
    this.itemOpen = true;
    this.commentOpen = false;
  }

  /** `Analys` (alone, or followed by the text) inside an indicator table: the comment of the indicator above. */
  private analysRow(row: number, read: TableRow): void {
    this.itemOpen = false;
    const item = this.item;
    if (!item) return;
    this.commentOpen = true;
    if (!item.commentCell) item.commentCell = this.ref(row, read.nameCol);
    const inline = read.name.replace(ANALYS_PREFIX, '').trim();
    if (inline) item.comment.push(inline);
  }

  /**
   * A row with text in the name column and no values: the first part of a name split over two rows
   * (the next row holds the values), the rest of the name above (it starts in lower case), more of an
   * `Analys` comment, or else an item that has only a name.
   */
  private textOnlyRow(row: number, header: TableHeader, read: TableRow): void {
    const cell = this.ref(row, read.nameCol);
    const next = this.grid.values[row + 1];
    if (next && !isBlankRow(next)) {
      const following = readTableRow(next, header);
      if (following.hasValues && !UPPERCASE_START.test(following.name)) {
        this.head = { name: read.name, cell };
        this.itemOpen = false;
        this.commentOpen = false;
        return;
      }
    }
    const item = this.item;
    if (item && this.itemOpen && !UPPERCASE_START.test(read.name)) {
      item.name = item.name ? `${item.name} ${read.name}` : read.name;
      return;
    }
    if (item && this.commentOpen) {
      item.comment.push(read.name);
      return;
    }
    this.valuesRow(row, header, read);
  }
}
keepShape(new Scanner({ name: '', values: [] }, 'sv'));

// ---------------------------------------------------------------------------------------------
// Reading the items with the table sheets' row readers
// ---------------------------------------------------------------------------------------------

/** Value kinds that can stand in a target column (what the head of a run-together Period cell must be). */
const TARGET_KINDS = new Set(['number', 'bound', 'band', 'trend', 'pending']);
/** The period at the end of a cell: `… Tertial 1 2024`, `… T2 2024`, `… 2024`. */
const TRAILING_PERIOD = /^(.*?\S)\s+((?:tertial\s*[1-3]|t[1-3]|helår|kvartal\s*[1-4]|halvår\s*[12])\s+(?:19|20)\d{2}|(?:19|20)\d{2})$/i;

/**
 * A row the paste shifted (SPEC 2.6; real T1 2024 under 3.4: `8 | 8 | Tas fram av nämnd/styrelse Tertial 1 2024`
 * in Årsmål, KF:s årsmål and Period, with Prognos helår empty): the Period cell holds a target and a
 * period run together and a value column before it is empty. Split back when that is unambiguous —
 * the head reads as a target, the tail as a period, and exactly one value column before it is empty
 * with every column between it and Period filled: each value moves one column left. Returns the
 * corrected row, or null.
 */
export function splitRunTogether(values: CellValue[], columns: Columns): CellValue[] | null {
  const periodCol = columns.period;
  if (periodCol === undefined || typeof values[periodCol] !== 'string') return null;
  const cell = cleanText(values[periodCol]);
  if (parsePeriod(cell) !== null) return null;
  const match = TRAILING_PERIOD.exec(cell);
  if (!match || parsePeriod(match[2]) === null || !TARGET_KINDS.has(parseValue(match[1]).kind)) return null;
  const valueCols = Object.entries(columns)
    .filter(([field, col]) => field !== 'name' && col !== undefined && col < periodCol)
    .map(([, col]) => col as number)
    .sort((a, b) => a - b);
  let hole = -1;
  for (let i = valueCols.length - 1; i >= 0; i--) {
    if (isBlank(values[valueCols[i]])) {
      hole = i;
      break;
    }
  }
  if (hole < 0) return null;
  const row = values.slice();
  for (let i = hole; i < valueCols.length - 1; i++) row[valueCols[i]] = values[valueCols[i + 1]];
  row[valueCols[valueCols.length - 1]] = match[1];
  row[periodCol] = match[2];
  return row;
}

const SPLIT_MESSAGE: Record<Lang, (text: string, period: string) => string> = {
  sv: (text, period) => `Raden var ihopskjuten vid inklistringen (${text} i Period); Målkoll läste värdena en kolumn till vänster och perioden ${period}.`,
  en: (text, period) => `The row was run together by the paste (${text} in Period); Målkoll read the values one column to the left and the period ${period}.`,
};

/** The grid to read an indicator from: the sheet itself, or a one-row view holding the split row (the sheet is never changed). */
function gridForItem(grid: SheetGrid, item: Item, lang: Lang, issues: Issue[]): SheetGrid {
  if (item.kind !== 'indicators') return grid;
  const values = grid.values[item.row] ?? [];
  const split = splitRunTogether(values, item.columns);
  if (!split) return grid;
  const periodCol = item.columns.period as number;
  const ref = { sheet: grid.name, row: item.row, col: periodCol };
  issues.push(issueAt('info', 'I_ROW_SPLIT', ref, SPLIT_MESSAGE[lang](describeCell(values[periodCol]), describeCell(split[periodCol]))));
  const rows: CellValue[][] = [];
  rows[item.row] = split;
  return { name: grid.name, values: rows, formats: grid.formats };
}

/** Reads one scanned item with the shared row reader, then puts in what the layout itself says (goal, name, comment). */
function readItem(grid: SheetGrid, item: Item, settings: Settings, issues: Issue[]): Indicator | Activity | null {
  const source = gridForItem(grid, item, settings.lang, issues);
  const read =
    item.kind === 'indicators'
      ? readIndicatorRow(source, item.row, item.columns, settings, issues)
      : readActivityRow(grid, item.row, item.columns, settings, issues);
  if (!read) return null;
  if (item.goal && read.goal === '') {
    read.goal = item.goal.number;
    read.cells.goal = item.goal.cells.number;
  }
  read.name = item.name;
  if (item.nameCell) read.cells.name = item.nameCell;
  if (item.kind === 'indicators' && item.comment.length > 0) {
    const indicator = read as Indicator;
    indicator.comment = indicator.comment ? `${indicator.comment}\n${item.comment.join('\n')}` : item.comment.join('\n');
    if (item.commentCell) indicator.cells.comment = item.commentCell;
  }
  return read;
}

/** Reads a report-layout sheet into the model's goals, indicators and activities. */
export function readReportLayout(grid: SheetGrid, settings: Settings): ReportLayoutResult {
  const scan = new Scanner(grid, settings.lang).scan();
  const issues = scan.issues;
  const indicators: Indicator[] = [];
  const activities: Activity[] = [];
  for (const item of scan.items) {
    const read = readItem(grid, item, settings, issues);
    if (!read) continue;
    if (item.kind === 'indicators') indicators.push(read as Indicator);
    else activities.push(read as Activity);
  }
  const headerRow = Math.max(scan.firstRow, 0);
  const table: TableInfo = {
    kind: 'report',
    sheet: grid.name,
    headerRow,
    firstDataRow: headerRow + 1,
    lastDataRow: scan.lastRow,
    lastCol: scan.lastCol,
    columns: {},
    outputColumns: {},
  };
  return { goals: scan.goals, indicators, activities, tables: [table], issues };
}
