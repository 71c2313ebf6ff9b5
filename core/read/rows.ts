// Reads one row of a recognised input table into the model (goals, indicators, activities, budget rows), with the cell-level issues found on the way; shared by the sheet reader and the report-layout reader.
import { describeCell, forgetSharedNumbers, formatNumber, MISSING, parseDateValue, parseFraction, parseValue, reconcileUnitList, type UnitReconciliation } from './values';
import { parsePeriod, periodEnd } from './period';
import { parseAssessment, parseStatus } from '../common/status';
import { cellText, fold, stripTags } from '../common/text';
import { issueAt } from '../common/issues';
import { parseDirectionText } from '../judge/direction';
import { parseMethodText } from '../judge/forecast';
import { fieldHeader, missingRequired } from './schema';
import { CELLS_HEADERS, headerName, headerNamesOf } from './headers';
import type {
  Activity,
  ActivityStatus,
  Assessment,
  BudgetRow,
  CellRef,
  CellValue,
  Goal,
  Indicator,
  Issue,
  Lang,
  Level,
  ParsedValue,
  Period,
  Periodicity,
  Settings,
  SheetGrid,
  SheetKind,
  Status,
} from '../types';
import { ownEntry } from '../common/lookup';

// ---------------------------------------------------------------------------------------------
// Messages (Swedish and English), one entry per code this file emits
// ---------------------------------------------------------------------------------------------

type Params = Record<string, string>;
type Message = Record<Lang, (p: Params) => string>;

const MESSAGES: Record<string, Message> = {
  E_NO_TABLE: {
    sv: (p) => `Bladet ${p.sheet} ser ut att vara ${p.kind} men har ingen rubrikrad med ${p.required} bland de första 20 raderna.`,
    en: (p) => `Sheet ${p.sheet} looks like ${p.kind} but has no header row with ${p.required} in its first 20 rows.`,
  },
  E_MISSING_COLUMN: {
    sv: (p) => `Kolumnen ${p.header} saknas i rubrikraden (rad ${p.row}); den behövs för ${p.kind}.`,
    en: (p) => `Column ${p.header} is missing from the header row (row ${p.row}); ${p.kind} need it.`,
  },
  E_DUPLICATE_COLUMN: {
    sv: (p) => `Rubriken ${p.value} betyder samma sak som kolumn ${p.first}; bara den första läses. Byt namn på eller ta bort den ena.`,
    en: (p) => `Header ${p.value} means the same as column ${p.first}; only the first is read. Rename or remove one of them.`,
  },
  I_UNKNOWN_COLUMN: {
    sv: (p) => `Rubriken ${p.value} känns inte igen; kolumnen lämnas orörd.`,
    en: (p) => `Header ${p.value} is not recognised; the column is left untouched.`,
  },
  E_CELL_ERROR: {
    sv: (p) => `Cellen innehåller felvärdet ${p.value} i stället för ${p.expected}.`,
    en: (p) => `The cell holds the error ${p.value} instead of ${p.expected}.`,
  },
  E_NUMBER: {
    sv: (p) => `${p.header}: ${p.value} går inte att läsa som ${p.expected}.`,
    en: (p) => `${p.header}: ${p.value} cannot be read as ${p.expected}.`,
  },
  I_UNIT_ASSUMED: {
    sv: (p) => `${p.header}: talet ${p.value} saknar enhet och läses som procent eftersom raden anger värden i %.`,
    en: (p) => `${p.header}: the number ${p.value} has no unit and is read as a percentage because the row gives values in %.`,
  },
  W_UNIT_MISMATCH: {
    sv: (p) => `${p.header}: enheten i ${p.value} stämmer inte med ${p.other} i kolumnen ${p.otherHeader}; värdena går inte att jämföra.`,
    en: (p) => `${p.header}: the unit of ${p.value} does not match ${p.other} in column ${p.otherHeader}; the values cannot be compared.`,
  },
  W_SCALE: {
    sv: (p) => `${p.header}: ${p.value} är under 1 medan raden anger procent (t.ex. ${p.other}); skriv ${p.suggestion} om det är en andel.`,
    en: (p) => `${p.header}: ${p.value} is below 1 while the row gives percentages (e.g. ${p.other}); write ${p.suggestion} if it is a share.`,
  },
  E_PERIODICITY: {
    sv: (p) => `Periodicitet ${p.value} känns inte igen; ange År, Tertial, Halvår, Kvartal eller Månad.`,
    en: (p) => `Periodicity ${p.value} is not recognised; use Year, Tertial, Half-year, Quarter or Month.`,
  },
  E_PERIOD: {
    sv: (p) => `Perioden ${p.value} går inte att läsa; skriv t.ex. Tertial 1 2024, T2 2024, Helår 2024 eller Kvartal 2 2024.`,
    en: (p) => `Period ${p.value} cannot be read; write e.g. Tertial 1 2024, T2 2024, Helår 2024 or Kvartal 2 2024.`,
  },
  E_DATE: {
    sv: (p) => `${p.header}: ${p.value} är inget datum; skriv datumet som 2024-12-31.`,
    en: (p) => `${p.header}: ${p.value} is not a date; write the date as 2024-12-31.`,
  },
  E_ASSESSMENT_VALUE: {
    sv: (p) => `Bedömningen ${p.value} känns inte igen; ange Uppfylls helt, Uppfylls delvis, Uppfylls inte eller lämna tomt.`,
    en: (p) => `Assessment ${p.value} is not recognised; use Fully met, Partly met, Not met (Uppfylls helt/delvis/inte) or leave it blank.`,
  },
  W_GOAL_LEVEL: {
    sv: (p) => `Nivån ${p.value} känns inte igen; målet behandlas som ${p.level} utifrån numret ${p.number}. Ange Inriktningsmål, Verksamhetsområdesmål, Nämndmål eller Enhetsmål.`,
    en: (p) => `Level ${p.value} is not recognised; the goal is treated as ${p.level} from its number ${p.number}. Use Inriktningsmål, Verksamhetsområdesmål, Nämndmål or Enhetsmål.`,
  },
};

const SEVERITY_OF = (code: string): Issue['severity'] => (code[0] === 'E' ? 'error' : code[0] === 'W' ? 'warning' : 'info');

export function report(issues: Issue[], lang: Lang, code: string, ref: CellRef, params: Params): void {
  issues.push(issueAt(SEVERITY_OF(code), code, ref, MESSAGES[code][lang](params)));
}

export const KIND_TEXT: Record<SheetKind, Record<Lang, string>> = {
  goals: { sv: 'ett målblad', en: 'a goals sheet' },
  indicators: { sv: 'ett indikatorblad', en: 'an indicators sheet' },
  activities: { sv: 'ett aktivitetsblad', en: 'an activities sheet' },
  finance: { sv: 'ett ekonomiblad', en: 'a budget sheet' },
  settings: { sv: 'ett inställningsblad', en: 'a settings sheet' },
};

export const KIND_PLURAL: Record<SheetKind, Record<Lang, string>> = {
  goals: { sv: 'målen', en: 'goals' },
  indicators: { sv: 'indikatorerna', en: 'indicators' },
  activities: { sv: 'aktiviteterna', en: 'activities' },
  finance: { sv: 'budgetraderna', en: 'budget rows' },
  settings: { sv: 'inställningarna', en: 'settings' },
};

const EXPECTED_VALUE: Record<Lang, string> = {
  sv: 'ett värde (t.ex. 2 757,9, 38,87 %, 5,2 st, Max 10, +/- 1 %, Ökning eller Fastställs 2024)',
  en: 'a value (e.g. 2 757,9, 38,87 %, 5,2 st, Max 10, +/- 1 %, Ökning or Fastställs 2024)',
};
const EXPECTED_AMOUNT: Record<Lang, string> = { sv: 'ett belopp i mnkr (t.ex. 2 757,9)', en: 'an amount in mnkr (e.g. 2 757,9)' };
export const EXPECTED_FRACTION: Record<Lang, string> = { sv: 'en andel mellan 0 och 100 % (t.ex. 80 % eller 0,8)', en: 'a share between 0 and 100 % (e.g. 80 % or 0,8)' };
export const EXPECTED_YEAR: Record<Lang, string> = { sv: 'ett årtal (t.ex. 2024)', en: 'a year (e.g. 2024)' };
const EXPECTED_DATE: Record<Lang, string> = { sv: 'ett datum', en: 'a date' };

function joinOr(items: string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + (lang === 'sv' ? ' och ' : ' and ') + items[items.length - 1];
}

export function requiredText(kind: SheetKind, lang: Lang): string {
  const headers = missingRequired(kind, new Set()).map((field) => quoteHeader(kind, field, lang));
  return joinOr(headers, lang);
}

export function quoteHeader(kind: SheetKind, field: string, lang: Lang): string {
  const header = describeCell(fieldHeader(kind, field, lang));
  if (kind === 'indicators' && field === 'arsmal') {
    return `${header} ${lang === 'sv' ? 'eller' : 'or'} ${describeCell(fieldHeader(kind, 'kfArsmal', lang))}`;
  }
  return header;
}

/** Decimals a number shows (1.13 → 2, 70 → 0), ignoring binary noise; at most 6. */
export function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0; // what the text below gives for every integer, without making it
  const text = String(Number(value.toPrecision(10)));
  if (text.includes('e')) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
}

/** A parsed value as short text for messages (`38,87 %`, `Max 10`), the same for a text cell and a typed cell. */
export function describeValue(value: ParsedValue, lang: Lang): string {
  const unit = (u: string | null): string => (u ? (u === '%' ? ' %' : ` ${u}`) : '');
  const figure = (n: number): string => formatNumber(n, lang, decimalsOf(n));
  switch (value.kind) {
    case 'number':
      return figure(value.value) + unit(value.unit) + (value.note ? ` ${value.note}` : '');
    case 'bound':
      return `${value.bound === 'max' ? 'Max' : 'Min'} ${figure(value.value)}${unit(value.unit)}`;
    case 'band':
      return `${value.center ? figure(value.center) + unit(value.unit) + ' ' : ''}+/- ${figure(value.halfWidth)}${unit(value.unit)}`;
    case 'trend':
      return value.direction === 'higher' ? 'Ökning' : 'Minskning';
    case 'date':
      return value.iso;
    case 'missing':
      return '';
    default:
      return value.text;
  }
}

// ---------------------------------------------------------------------------------------------
// Grid access
// ---------------------------------------------------------------------------------------------

export function cellValue(grid: SheetGrid, row: number, col: number | undefined): CellValue {
  if (col === undefined) return null;
  const value = grid.values[row]?.[col];
  return value === undefined ? null : value;
}

export function cellFormat(grid: SheetGrid, row: number, col: number | undefined): string | null {
  if (col === undefined || !grid.formats) return null;
  return grid.formats[row]?.[col] ?? null;
}

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function textAt(grid: SheetGrid, row: number, col: number | undefined): string {
  return cellText(cellValue(grid, row, col)).trim();
}

type Columns = Partial<Record<string, number>>;
const ENTRIES = new WeakMap<Columns, [string, number][]>();

/** The columns map the rows being read share, and its entries: in front of the WeakMap, which a table's every row would ask twice. */
let lastColumns: Columns | null = null;
let lastEntries: [string, number][] = [];

/** A columns map as a list of [field, column], computed once per map (rows are read by the hundred thousand). */
function columnEntries(columns: Columns): [string, number][] {
  if (columns === lastColumns) return lastEntries;
  let entries = ENTRIES.get(columns);
  if (!entries) {
    entries = Object.entries(columns).filter((e): e is [string, number] => e[1] !== undefined);
    ENTRIES.set(columns, entries);
  }
  lastColumns = columns;
  lastEntries = entries;
  return entries;
}

type RowCells = Partial<Record<string, CellRef>>;
type RowCellsClass = new (sheet: string, row: number) => RowCells;
const CELLS_SHEET = Symbol('sheet');
const CELLS_ROW = Symbol('row');
/** Where a row-cells class keeps its column layout, `[field, column]` pairs (a symbol: never a field, never in JSON). */
const CELLS_COLUMNS = Symbol('columns');
/** Row-cells classes by column layout, kept across checks so that the optimised code of the row readers stays valid. */
const ROW_CELLS = new Map<string, RowCellsClass>();
const ROW_CELLS_LIMIT = 200;

/**
 * The `cells` of a row: one small object per row instead of one CellRef per column per row (millions of
 * objects at 100 000 rows, of which only the few cells with issues are ever looked at). Each field of
 * the columns map is a getter, shared per map, that makes the field's CellRef when asked. A field can
 * still be assigned (the report layout does), and JSON gives the same object plain refs would.
 */
function cellRefs(sheet: string, row: number, columns: Columns): RowCells {
  return new (rowCellsOf(columns))(sheet, row);
}

const CELLS_CLASS_OF = new WeakMap<Columns, RowCellsClass>();

/** The last columns map asked for and its class, in front of the WeakMap (the same map on row after row). */
let lastCellsColumns: Columns | null = null;
let lastCellsClass: RowCellsClass | null = null;

function rowCellsOf(columns: Columns): RowCellsClass {
  if (columns === lastCellsColumns && lastCellsClass) return lastCellsClass;
  let RowCellsOf = CELLS_CLASS_OF.get(columns);
  if (!RowCellsOf) {
    const entries = columnEntries(columns);
    const names = headerNamesOf(columns);
    // The user's header texts are part of the layout: rows of two sheets share a class only when they name their columns alike.
    const layout = entries.map(([field, col]) => `${field}:${col}:${names?.[field] ?? ''}`).join('\t');
    RowCellsOf = ROW_CELLS.get(layout);
    if (!RowCellsOf) {
      if (ROW_CELLS.size >= ROW_CELLS_LIMIT) ROW_CELLS.clear();
      ROW_CELLS.set(layout, (RowCellsOf = rowCellsClass(entries, names)));
    }
    CELLS_CLASS_OF.set(columns, RowCellsOf);
  }
  lastCellsColumns = columns;
  lastCellsClass = RowCellsOf;
  return RowCellsOf;
}

function rowCellsClass(entries: [string, number][], names: Partial<Record<string, string>> | undefined): RowCellsClass {
  class Cells {
    // Symbol keys: neither fields of the cells map nor in its JSON; toEqual still compares them.
    [CELLS_SHEET]: string;
    [CELLS_ROW]: number;
    constructor(sheet: string, row: number) {
      this[CELLS_SHEET] = sheet;
      this[CELLS_ROW] = row;
    }

    /** The plain `{ field: { sheet, row, col } }` object these cells stand for, assigned fields included. */
    toJSON(): RowCells {
      const plain: RowCells = {};
      const self = this as unknown as RowCells;
      for (const [field] of entries) plain[field] = self[field];
      for (const field of Object.keys(this)) plain[field] = self[field];
      return plain;
    }
  }
  Object.defineProperty(Cells.prototype, CELLS_COLUMNS, { value: entries });
  if (names) Object.defineProperty(Cells.prototype, CELLS_HEADERS, { value: names });
  for (const [field, col] of entries) {
    Object.defineProperty(Cells.prototype, field, {
      configurable: true,
      get(this: Cells): CellRef {
        return { sheet: this[CELLS_SHEET], row: this[CELLS_ROW], col };
      },
      set(this: Cells, ref: CellRef | undefined): void {
        Object.defineProperty(this, field, { value: ref, writable: true, enumerable: true, configurable: true });
      },
    });
  }
  // One instance held by its class, so that the instances' hidden class lives as long as the class does (see
  // common/shapes.ts; not keepShape, which would hold every class ever made, and ROW_CELLS lets old ones go).
  Object.defineProperty(Cells, 'kept', { value: new Cells('', 0) });
  return Cells as unknown as RowCellsClass;
}

/**
 * The fields a row's `cells` give from its table's column layout, each with its column, in the order of their JSON:
 * every row of a layout has such a field at the same column, so a caller can tell which field a cell holds without
 * making a CellRef per field. Fields assigned to the row afterwards (the report layout's) are its own properties and
 * not listed; a plain cells object lists none.
 */
export function layoutFieldsOf(cells: Partial<Record<string, CellRef>>): readonly (readonly [string, number])[] {
  return (cells as { [CELLS_COLUMNS]?: [string, number][] })[CELLS_COLUMNS] ?? [];
}

/** The read this module is in: bumped by beginRead, so that every memo below forgets the previous workbook's texts. */
let currentRead = 0;

/** Starts reading a workbook: the memos are per read, never carried from one workbook to the next. */
export function beginRead(): void {
  currentRead++;
  forgetSharedNumbers();
  lastColumns = lastCellsColumns = unitColumnsFor = null;
  lastEntries = [];
  lastCellsClass = null;
}

/**
 * A memo for lookups that repeat on every row (`Högre är bättre`, `Tertial`, `Tertial 1 2024`):
 * bounded, so a column of unique texts cannot grow it without limit, and emptied at each new read.
 * The blank text has a slot of its own: a column the sheet lacks is looked up as '' on every row.
 */
function memo<T, K extends string | number = string>(compute: (key: K) => T, limit = 2000): (key: K) => T {
  const cache = new Map<K, T>();
  let read = currentRead;
  let blank: { value: T } | null = null;
  return (key: K): T => {
    if (read !== currentRead) {
      cache.clear();
      blank = null;
      read = currentRead;
    }
    if (key === '') return (blank ??= { value: compute(key) }).value;
    let hit = cache.get(key);
    if (hit === undefined && !cache.has(key)) {
      hit = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, hit);
    }
    return hit as T;
  };
}

// ---------------------------------------------------------------------------------------------
// ---------------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------------

const GOAL_NUMBER_RE = /^\d+(?:\.\d+)*$/;
const GOAL_NUMBER_LOOSE_RE = /^\d+(?:[.,]\d+)*[.,]?$/;

/**
 * A goal number as text: `1.` → `1`, `1.2.` → `1.2`, `1,2` → `1.2`, a numeric cell 1.1 → `1.1`
 * (a numeric 1.10 cannot be told from 1.1: write such numbers as text). Invalid text is kept as it is.
 */
export function normaliseGoalNumber(value: CellValue): { number: string; valid: boolean } {
  if (value === null || value === undefined) return { number: '', valid: false };
  const text = typeof value === 'number' ? String(Number(value.toPrecision(12))) : cellText(value).trim();
  if (isCleanGoalNumber(text)) return { number: text, valid: true }; // the usual `1.2.3`: nothing to replace
  if (!GOAL_NUMBER_LOOSE_RE.test(text)) return { number: text, valid: false };
  const number = text.replace(/,/g, '.').replace(/\.$/, '');
  return { number, valid: GOAL_NUMBER_RE.test(number) };
}

/** GOAL_NUMBER_RE.test by char codes: digits, and single points between them. Runs per goal row. */
function isCleanGoalNumber(text: string): boolean {
  let digitBefore = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digitBefore = true;
    else if (c === 46 && digitBefore) digitBefore = false;
    else return false;
  }
  return digitBefore;
}

const LEVELS_BY_DEPTH: Level[] = ['inriktningsmal', 'verksamhetsomradesmal', 'namndmal', 'enhetsmal'];

/** The level a goal number's depth implies: 1 → inriktningsmål, 2 → verksamhetsområdesmål, 3 → nämndmål, 4+ → enhetsmål. */
export function levelOfDepth(number: string): Level {
  // Counting the points instead of split('.'): one array less per goal row.
  let depth = 1;
  for (let i = number.indexOf('.'); i >= 0 && depth < 4; i = number.indexOf('.', i + 1)) depth++;
  return LEVELS_BY_DEPTH[depth - 1];
}

const LEVEL_WORDS: Record<string, Level> = {
  inriktningsmal: 'inriktningsmal',
  'kf:s inriktningsmal': 'inriktningsmal',
  'kfs inriktningsmal': 'inriktningsmal',
  'overall goal': 'inriktningsmal',
  'strategic goal': 'inriktningsmal',
  verksamhetsomradesmal: 'verksamhetsomradesmal',
  'kf:s verksamhetsomradesmal': 'verksamhetsomradesmal',
  'mal for verksamhetsomradet': 'verksamhetsomradesmal',
  'kf:s mal for verksamhetsomradet': 'verksamhetsomradesmal',
  'kfs mal for verksamhetsomradet': 'verksamhetsomradesmal',
  'area goal': 'verksamhetsomradesmal',
  'goal for the area of activity': 'verksamhetsomradesmal',
  namndmal: 'namndmal',
  'committee goal': 'namndmal',
  'board goal': 'namndmal',
  enhetsmal: 'enhetsmal',
  'unit goal': 'enhetsmal',
};

/** A Nivå text as a level (Swedish or English, any case); null when blank or unknown. */
export function parseLevel(text: string): Level | null {
  return lookupLevel(text);
}

const lookupLevel = memo((text) => ownEntry(LEVEL_WORDS, fold(text).replace(/[:.]+$/, '')) ?? null);
const lookupAssessment = memo(parseAssessment);
const lookupStatus = memo(parseStatus);
const lookupGoalNumber = memo(normaliseGoalNumber);

/** normaliseGoalNumber, memoised for texts: an indicator or activity sheet repeats each goal's number on row after row. Rows share the result. */
function goalNumberOf(value: CellValue): { number: string; valid: boolean } {
  return typeof value === 'string' ? lookupGoalNumber(value) : normaliseGoalNumber(value);
}

const LEVEL_TEXT: Record<Lang, Record<Level, string>> = {
  sv: { inriktningsmal: 'inriktningsmål', verksamhetsomradesmal: 'verksamhetsområdesmål', namndmal: 'nämndmål', enhetsmal: 'enhetsmål' },
  en: { inriktningsmal: 'a direction goal', verksamhetsomradesmal: 'an area goal', namndmal: 'a committee goal', enhetsmal: 'a unit goal' },
};

export function readGoalRow(grid: SheetGrid, row: number, columns: Partial<Record<string, number>>, lang: Lang, issues: Issue[]): Goal {
  const sheet = grid.name;
  const { number, valid } = normaliseGoalNumber(cellValue(grid, row, columns.number));
  const depthLevel = levelOfDepth(valid ? number : '');
  let level = depthLevel;
  const levelText = textAt(grid, row, columns.level);
  if (levelText !== '') {
    const stated = lookupLevel(levelText);
    if (stated) level = stated;
    else {
      report(issues, lang, 'W_GOAL_LEVEL', { sheet, row, col: columns.level as number }, {
        value: describeCell(levelText),
        level: LEVEL_TEXT[lang][depthLevel],
        number: describeCell(number),
      });
    }
  }
  const stated = readAssessmentCell(grid, row, columns.stated, lang, issues);
  const parent = valid && number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : null;
  return {
    sheet,
    row,
    number,
    valid,
    title: textAt(grid, row, columns.title),
    level,
    parent,
    stated,
    analysis: textAt(grid, row, columns.analysis),
    expectedResult: textAt(grid, row, columns.expectedResult),
    actions: textAt(grid, row, columns.actions),
    previousStated: readPreviousStatusCell(grid, row, columns.previousStated, lang, issues),
    cells: cellRefs(sheet, row, columns),
  };
}

/**
 * A Föregående bedömning cell (SPEC 5.8): an assessment, or a status Målkoll wrote in the previous report
 * (`Ej mätt`, `Ej bedömd`: there was no judgement then).
 */
function readPreviousStatusCell(grid: SheetGrid, row: number, col: number | undefined, lang: Lang, issues: Issue[]): Status | null {
  const text = textAt(grid, row, col);
  const status = lookupStatus(text);
  if (status === 'ej_matt' || status === 'ej_bedomd') return status;
  return assessmentOf(text, grid, row, col, lang, issues);
}

/** An assessment cell (helt/delvis/inte in the words of SPEC 2.1); E_ASSESSMENT_VALUE for anything else. */
export function readAssessmentCell(grid: SheetGrid, row: number, col: number | undefined, lang: Lang, issues: Issue[]): Assessment | null {
  return assessmentOf(textAt(grid, row, col), grid, row, col, lang, issues);
}

/** readAssessmentCell for the cell's text already read. */
function assessmentOf(text: string, grid: SheetGrid, row: number, col: number | undefined, lang: Lang, issues: Issue[]): Assessment | null {
  const assessment = lookupAssessment(text);
  if (assessment !== 'invalid') return assessment;
  report(issues, lang, 'E_ASSESSMENT_VALUE', { sheet: grid.name, row, col: col as number }, { value: describeCell(text) });
  return null;
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

/**
 * The fields whose units are reconciled, in the order reconcileUnits sees them: the Enhet cell first (a
 * stated unit names the row; a row without one has a missing value there, which reconciles as nothing),
 * then the value cells. A row's values are a list in this order.
 */
const UNIT_FIELDS = ['unit', 'arsmal', 'kfArsmal', 'outcome', 'outcomeMen', 'outcomeWomen', 'lastYear', 'lastYearSamePeriod', 'forecast'] as const;
type UnitField = (typeof UNIT_FIELDS)[number];

/**
 * An indicator row's values in UNIT_FIELDS order, one list reused from row to row: a row's values are
 * taken into its Indicator before the next row is read (reconcileUnitList copies the list when it changes a value).
 */
const ROW_VALUES: ParsedValue[] = UNIT_FIELDS.map(() => MISSING);

/** The reconciliation of ROW_VALUES, one object reused from row to row in the same way. */
const ROW_UNITS = {} as UnitReconciliation<readonly ParsedValue[]>;

/** The columns map the rows being read share, and the column of each of UNIT_FIELDS in it (-1: none): no keyed lookup per field per row. */
let unitColumnsFor: Columns | null = null;
let unitColumns: number[] = [];

function unitColumnsOf(columns: Columns): number[] {
  if (columns !== unitColumnsFor) {
    unitColumnsFor = columns;
    unitColumns = UNIT_FIELDS.map((field) => columns[field] ?? -1);
  }
  return unitColumns;
}

const PERIODICITY_WORDS: Record<string, Periodicity> = {
  ar: 'ar', arlig: 'ar', arligen: 'ar', arsvis: 'ar', helar: 'ar', year: 'ar', yearly: 'ar', annual: 'ar', annually: 'ar',
  tertial: 'tertial', tertialvis: 'tertial', 'per tertial': 'tertial', 'four-monthly': 'tertial',
  halvar: 'halvar', halvarsvis: 'halvar', 'half-year': 'halvar', 'half year': 'halvar', 'half-yearly': 'halvar', semiannual: 'halvar',
  kvartal: 'kvartal', kvartalsvis: 'kvartal', quarter: 'kvartal', quarterly: 'kvartal',
  manad: 'manad', manadsvis: 'manad', month: 'manad', monthly: 'manad',
};

const PERIODICITY_OF_PERIOD: Record<Period['kind'], Periodicity> = { year: 'ar', tertial: 'tertial', halvar: 'halvar', kvartal: 'kvartal', month: 'manad' };

function wordKey(text: string): string {
  return fold(text).replace(/[.!]+$/, '');
}

const lookupMethod = memo(parseMethodText);
const lookupDirection = memo(parseDirectionText);
const lookupPeriodicity = memo((text) => ownEntry(PERIODICITY_WORDS, wordKey(text)) ?? null);

/** The Enhet cell as a unit (`%`, `st`, `kr`, …) read the same way as a value's unit; null when blank or unreadable. */
function readUnitCell(text: string): ParsedValue | null {
  if (text === '') return null;
  const parsed = parseValue('0 ' + text); // read as a value's unit: a zero with the text after it
  return parsed.kind === 'number' && parsed.unit !== null ? { kind: 'number', value: 0, unit: parsed.unit } : null;
}

/** Parses one value cell; error and invalid cells become issues (and stay in the model as such). */
function readValueCell(grid: SheetGrid, row: number, col: number | undefined, field: string, columns: Columns, lang: Lang, issues: Issue[]): ParsedValue {
  const value = cellValue(grid, row, col);
  // parseValue reads a blank cell (or a column the sheet lacks) as MISSING itself: no isBlank first, which would trim the text a second time.
  const parsed = parseValue(value, cellFormat(grid, row, col));
  if (parsed === MISSING) return MISSING;
  const ref = { sheet: grid.name, row, col: col as number };
  if (parsed.kind === 'error') report(issues, lang, 'E_CELL_ERROR', ref, { value: describeCell(parsed.text), expected: EXPECTED_VALUE[lang] });
  else if (parsed.kind === 'invalid' || parsed.kind === 'date') {
    report(issues, lang, 'E_NUMBER', ref, { header: describeCell(headerName(columns, 'indicators', field, lang)), value: describeCell(value), expected: EXPECTED_VALUE[lang] });
  }
  return parsed;
}

export function hasInput(grid: SheetGrid, row: number, columns: Columns): boolean {
  const cells = grid.values[row];
  if (!cells) return false;
  for (const [, col] of columnEntries(columns)) if (!isBlank(cells[col])) return true;
  return false;
}

/** Reads one indicator row (SPEC 2.2); null when every input cell of the row is blank. */
export function readIndicatorRow(
  grid: SheetGrid,
  row: number,
  columns: Partial<Record<string, number>>,
  settings: Settings,
  issues: Issue[],
): Indicator | null {
  if (!hasInput(grid, row, columns)) return null;
  const lang = settings.lang;
  const sheet = grid.name;
  const explicitUnit = readUnitCell(textAt(grid, row, columns.unit));
  // A list, not a record: no keyed object and no key list per row (rows are read by the hundred thousand).
  const raw = ROW_VALUES;
  raw[0] = explicitUnit ?? MISSING;
  const valueColumns = unitColumnsOf(columns);
  for (let i = 1; i < UNIT_FIELDS.length; i++) {
    const col = valueColumns[i];
    raw[i] = col < 0 ? MISSING : readValueCell(grid, row, col, UNIT_FIELDS[i], columns, lang, issues);
  }
  const units = reconcileUnitList(UNIT_FIELDS, raw, ROW_UNITS);
  if (units.assumedPercent.length || units.scale.length || units.mismatch) reportUnitIssues(grid, row, columns, raw, units, explicitUnit, lang, issues);
  // Indexed, not destructured: destructuring walks an array iterator on every row.
  const values = units.values;

  const period = readPeriodCell(grid, row, columns.period, settings, issues);
  return {
    sheet,
    row,
    goal: goalNumberOf(cellValue(grid, row, columns.goal)).number,
    name: textAt(grid, row, columns.name),
    arsmal: values[1],
    kfArsmal: values[2],
    periodicity: readPeriodicity(grid, row, columns.periodicity, period, lang, issues),
    period,
    outcome: values[3],
    outcomeMen: values[4],
    outcomeWomen: values[5],
    lastYear: values[6],
    lastYearSamePeriod: values[7],
    forecast: values[8],
    method: lookupMethod(textAt(grid, row, columns.method)),
    direction: lookupDirection(textAt(grid, row, columns.direction)),
    partialThreshold: readThresholdCell(grid, row, columns.partialThreshold, lang, issues),
    unit: units.unit,
    comment: textAt(grid, row, columns.comment),
    stated: readAssessmentCell(grid, row, columns.stated, lang, issues),
    previousForecast: readValueCell(grid, row, columns.previousForecast, 'previousForecast', columns, lang, issues),
    previousStated: readPreviousStatusCell(grid, row, columns.previousStated, lang, issues),
    cells: cellRefs(sheet, row, columns),
  };
}

function reportUnitIssues(
  grid: SheetGrid,
  row: number,
  columns: Partial<Record<string, number>>,
  raw: readonly ParsedValue[],
  units: UnitReconciliation<readonly ParsedValue[]>,
  explicitUnit: ParsedValue | null,
  lang: Lang,
  issues: Issue[],
): void {
  const sheet = grid.name;
  const header = (field: string): string => describeCell(headerName(columns, 'indicators', field, lang));
  const rawOf = (field: string): ParsedValue => raw[UNIT_FIELDS.indexOf(field as UnitField)];
  const original = (field: string): string => describeCell(describeValue(rawOf(field), lang));
  const percentField = UNIT_FIELDS.find((f, i) => f !== 'unit' && 'unit' in raw[i] && (raw[i] as { unit: string | null }).unit === '%');
  // A stated Enhet of % is not an assumption.
  const statedPercent = explicitUnit !== null && (explicitUnit as { unit: string }).unit === '%';
  if (!statedPercent) {
    for (const field of units.assumedPercent) {
      if (field === 'unit') continue;
      report(issues, lang, 'I_UNIT_ASSUMED', { sheet, row, col: columns[field] as number }, { header: header(field), value: original(field) });
    }
  }
  for (const field of units.scale) {
    if (field === 'unit') continue;
    const value = rawOf(field) as { value: number };
    report(issues, lang, 'W_SCALE', { sheet, row, col: columns[field] as number }, {
      header: header(field),
      value: original(field),
      other: percentField ? original(percentField) : '%',
      suggestion: describeCell(`${formatNumber(value.value * 100, lang)} %`),
    });
  }
  if (units.mismatch) {
    const [first, second] = units.mismatch;
    report(issues, lang, 'W_UNIT_MISMATCH', { sheet, row, col: columns[second] as number }, {
      header: header(second),
      value: original(second),
      other: original(first),
      otherHeader: header(first),
    });
  }
}

/** parsePeriod memoised for the plan year it was made for: an indicator column repeats the same few periods. Rows share the Period object. */
let periodLookup: ((key: string | number) => Period | null) | null = null;
let periodLookupYear: number | null = null;

function periodOf(value: CellValue, planYear: number | null): Period | null {
  if (!periodLookup || planYear !== periodLookupYear) {
    periodLookupYear = planYear;
    periodLookup = memo((key: string | number) => parsePeriod(key, planYear));
  }
  // A number (a year) and a text are different keys, read differently; a boolean is read as its text.
  return periodLookup(typeof value === 'number' ? value : cellText(value));
}

function readPeriodCell(grid: SheetGrid, row: number, col: number | undefined, settings: Settings, issues: Issue[]): Period | null {
  const value = cellValue(grid, row, col);
  if (isBlank(value)) return settings.period;
  const period = periodOf(value, settings.planYear);
  if (!period) report(issues, settings.lang, 'E_PERIOD', { sheet: grid.name, row, col: col as number }, { value: describeCell(value) });
  return period;
}

function readPeriodicity(grid: SheetGrid, row: number, col: number | undefined, period: Period | null, lang: Lang, issues: Issue[]): Periodicity | null {
  const text = textAt(grid, row, col);
  if (text === '') return period ? PERIODICITY_OF_PERIOD[period.kind] : null;
  const periodicity = lookupPeriodicity(text);
  if (periodicity) return periodicity;
  report(issues, lang, 'E_PERIODICITY', { sheet: grid.name, row, col: col as number }, { value: describeCell(text) });
  return null;
}

function readThresholdCell(grid: SheetGrid, row: number, col: number | undefined, lang: Lang, issues: Issue[]): number | null {
  const value = cellValue(grid, row, col);
  if (isBlank(value)) return null;
  const fraction = parseFraction(value, cellFormat(grid, row, col));
  if (fraction === null) {
    report(issues, lang, 'E_NUMBER', { sheet: grid.name, row, col: col as number }, {
      header: describeCell(fieldHeader('indicators', 'partialThreshold', lang)),
      value: describeCell(value),
      expected: EXPECTED_FRACTION[lang],
    });
  }
  return fraction;
}

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

const ACTIVITY_STATUS_WORDS: Record<string, ActivityStatus> = {
  'ej paborjad': 'ej_paborjad', 'inte paborjad': 'ej_paborjad', 'ej startad': 'ej_paborjad', 'not started': 'ej_paborjad',
  paborjad: 'paborjad', startad: 'paborjad', started: 'paborjad',
  pagar: 'pagar', pagaende: 'pagar', 'in progress': 'pagar', ongoing: 'pagar',
  genomford: 'genomford', klar: 'genomford', avslutad: 'genomford', done: 'genomford', completed: 'genomford', complete: 'genomford',
  forsenad: 'forsenad', delayed: 'forsenad', late: 'forsenad',
  avbruten: 'avbruten', cancelled: 'avbruten', canceled: 'avbruten', aborted: 'avbruten',
};

const lookupActivityStatus = memo((text) => ownEntry(ACTIVITY_STATUS_WORDS, wordKey(text)) ?? null);

/** An activity status text (Swedish or English, any case); null when blank or unknown. */
export function parseActivityStatus(text: string): ActivityStatus | null {
  return lookupActivityStatus(text);
}

let cachedPeriod: Period | null = null;
let cachedPeriodEnd: string | null = null;

function reportPeriodEnd(period: Period | null): string | null {
  if (period !== cachedPeriod) {
    cachedPeriod = period;
    cachedPeriodEnd = period ? periodEnd(period) : null;
  }
  return cachedPeriodEnd;
}

const lookupDateText = memo((text) => parseDateValue(text));

function readDateCell(grid: SheetGrid, row: number, col: number | undefined, field: string, lang: Lang, issues: Issue[]): string | null {
  const value = cellValue(grid, row, col);
  if (isBlank(value)) return null;
  // A date column repeats a few dates: texts are memoised (a text's reading does not depend on the cell format).
  const parsed = typeof value === 'string' ? lookupDateText(value) : parseDateValue(value, cellFormat(grid, row, col));
  if (parsed.kind === 'date') return parsed.iso;
  const ref = { sheet: grid.name, row, col: col as number };
  if (parsed.kind === 'error') report(issues, lang, 'E_CELL_ERROR', ref, { value: describeCell(parsed.text), expected: EXPECTED_DATE[lang] });
  else if (parsed.kind !== 'missing') report(issues, lang, 'E_DATE', ref, { header: describeCell(fieldHeader('activities', field, lang)), value: describeCell(value) });
  return null;
}

/** W_ACTIVITY_OVERDUE's condition: the end date lies before the report period's end and the activity is neither Genomförd nor Avbruten. */
export function isOverdue(end: string | null, status: ActivityStatus | null, period: Period | null): boolean {
  if (end === null || status === 'genomford' || status === 'avbruten') return false;
  const periodEndIso = reportPeriodEnd(period);
  return periodEndIso !== null && end < periodEndIso;
}

/** Reads one activity row (SPEC 2.3); null when every input cell of the row is blank. */
export function readActivityRow(
  grid: SheetGrid,
  row: number,
  columns: Partial<Record<string, number>>,
  settings: Settings,
  issues: Issue[],
): Activity | null {
  if (!hasInput(grid, row, columns)) return null;
  const lang = settings.lang;
  const start = readDateCell(grid, row, columns.start, 'start', lang, issues);
  const end = readDateCell(grid, row, columns.end, 'end', lang, issues);
  const status = lookupActivityStatus(textAt(grid, row, columns.status));
  return {
    sheet: grid.name,
    row,
    goal: goalNumberOf(cellValue(grid, row, columns.goal)).number,
    name: textAt(grid, row, columns.name),
    start,
    end,
    status,
    deviation: textAt(grid, row, columns.deviation),
    overdue: isOverdue(end, status, settings.period),
    cells: cellRefs(grid.name, row, columns),
  };
}

// ---------------------------------------------------------------------------------------------
// Budget rows
// ---------------------------------------------------------------------------------------------

const AMOUNT_FIELDS = ['budget', 'justeringar', 'forandringar', 'prognos', 'prognosFore', 'avvikelse', 'utfall'] as const;
const VARAV_RE = /^varav\b/;
const TOTAL_RE = /^(?:totalt|total|summa|sum)\b/;

function readAmount(grid: SheetGrid, row: number, col: number | undefined, field: string, lang: Lang, issues: Issue[]): number | null {
  if (col === undefined) return null;
  const value = cellValue(grid, row, col);
  if (isBlank(value)) return null;
  const parsed = parseValue(value, cellFormat(grid, row, col));
  if (parsed.kind === 'number') return parsed.value;
  if (parsed.kind === 'missing') return null;
  const ref = { sheet: grid.name, row, col };
  if (parsed.kind === 'error') report(issues, lang, 'E_CELL_ERROR', ref, { value: describeCell(parsed.text), expected: EXPECTED_AMOUNT[lang] });
  else report(issues, lang, 'E_NUMBER', ref, { header: describeCell(fieldHeader('finance', field, lang)), value: describeCell(value), expected: EXPECTED_AMOUNT[lang] });
  return null;
}

export function readBudgetRow(grid: SheetGrid, row: number, columns: Partial<Record<string, number>>, parentRow: number | null, lang: Lang, issues: Issue[]): BudgetRow {
  const label = stripTags(textAt(grid, row, columns.label)).trim();
  const key = fold(label);
  const isVarav = VARAV_RE.test(key);
  const amounts = {} as Record<(typeof AMOUNT_FIELDS)[number], number | null>;
  for (const field of AMOUNT_FIELDS) amounts[field] = readAmount(grid, row, columns[field], field, lang, issues);
  // The amounts spread in AMOUNT_FIELDS order, the order of BudgetRow's fields.
  return { sheet: grid.name, row, label, isVarav, isTotal: !isVarav && TOTAL_RE.test(key), parentRow: isVarav ? parentRow : null, ...amounts, cells: cellRefs(grid.name, row, columns) };
}

// ---------------------------------------------------------------------------------------------
// Tables and the workbook
// ---------------------------------------------------------------------------------------------

