// Reads a workbook's grids into the model (SPEC 2): finds the input sheets and their header rows, reads the settings, and hands each table's rows to rows.ts (and a pasted report to report-layout.ts).
import { isReportLayout, readReportLayout } from './report-layout';
import { readEconomyTables } from '../economy/read-economy';
import { describeCell, parseFraction, parseValue } from './values';
import { documentFromTitle, kindOfPeriod, readDocumentText, settleBareYear, type DocumentReading } from './document';
import { cellText, fold } from '../common/text';
import { DEFAULT_SETTINGS } from '../common/settings';
import { ownSheetGrids } from '../write/record';
import { issueAt } from '../common/issues';
import { isOutputSheet, matchHeader, missingRequired, settingKey, settingLabel, sheetKindByName } from './schema';
import type {
  CellRef,
  CellValue,
  CheckOptions,
  DocumentOrigin,
  Indicator,
  Issue,
  Lang,
  Period,
  Settings,
  SheetGrid,
  SheetKind,
  TableInfo,
  WorkbookGrids,
  WorkbookModel,
} from '../types';

import {
  cellFormat,
  cellValue,
  EXPECTED_FRACTION,
  EXPECTED_YEAR,
  hasInput,
  isBlank,
  isOverdue,
  KIND_PLURAL,
  KIND_TEXT,
  quoteHeader,
  readActivityRow,
  readBudgetRow,
  readGoalRow,
  readIndicatorRow,
  report,
  requiredText,
  beginRead,
} from './rows';
import { nameHeaders } from './headers';
import { ownEntry } from '../common/lookup';

// ---------------------------------------------------------------------------------------------
// Header rows
// ---------------------------------------------------------------------------------------------

const HEADER_SCAN_ROWS = 20;

interface HeaderScan {
  row: number;
  columns: Partial<Record<string, number>>;
  outputColumns: Partial<Record<string, number>>;
  unknown: number[];
  duplicates: { col: number; first: number }[];
  lastCol: number;
  matched: number;
}

/** Maps one row's cells to the fields of a kind (`matched` counts headers that named a field). */
function scanHeaderRow(grid: SheetGrid, kind: SheetKind, row: number): HeaderScan {
  const scan: HeaderScan = { row, columns: {}, outputColumns: {}, unknown: [], duplicates: [], lastCol: -1, matched: 0 };
  const cells = grid.values[row] ?? [];
  for (let col = 0; col < cells.length; col++) {
    const value = cells[col];
    if (isBlank(value)) continue;
    scan.lastCol = col;
    const hit = matchHeader(kind, value);
    if (!hit) {
      scan.unknown.push(col);
      continue;
    }
    const target = hit.output ? scan.outputColumns : scan.columns;
    const first = target[hit.field];
    // A second output column (a user's own `Status` beside Målkoll's) is no input: Målkoll picks its own (placement.ts).
    if (first !== undefined) {
      if (!hit.output) scan.duplicates.push({ col, first });
    }
    else {
      target[hit.field] = col;
      scan.matched++;
    }
  }
  if (kind === 'finance') settleFinanceColumns(scan);
  return scan;
}

/**
 * Finance: a single `Prognos (före …)` is the Prognos; the label is the first column whatever its
 * header (blank, `Mnkr`, …) unless a label header names another column.
 */
function settleFinanceColumns(scan: HeaderScan): void {
  const { columns } = scan;
  if (columns.prognos === undefined && columns.prognosFore !== undefined) {
    columns.prognos = columns.prognosFore;
    delete columns.prognosFore;
  }
  if (columns.label !== undefined) return;
  const taken = new Set(Object.values(columns));
  if (!taken.has(0)) {
    columns.label = 0;
    scan.unknown = scan.unknown.filter((col) => col !== 0);
  }
}

/** The first row within the first 20 that holds every required header of the kind, or null. */
function findHeaderRow(grid: SheetGrid, kind: SheetKind): HeaderScan | null {
  const rows = Math.min(HEADER_SCAN_ROWS, grid.values.length);
  for (let row = 0; row < rows; row++) {
    const scan = scanHeaderRow(grid, kind, row);
    if (scan.matched >= 2 && missingRequired(kind, scan.columns).length === 0) return scan;
  }
  return null;
}

/** For a sheet named as a kind without a full header row: the first row with two or more of its headers. */
function findPartialHeaderRow(grid: SheetGrid, kind: SheetKind): HeaderScan | null {
  const rows = Math.min(HEADER_SCAN_ROWS, grid.values.length);
  for (let row = 0; row < rows; row++) {
    const scan = scanHeaderRow(grid, kind, row);
    if (scan.matched >= 2) return scan;
  }
  return null;
}

const DISCOVERABLE: SheetKind[] = ['goals', 'indicators', 'activities', 'finance'];

/** Header-row discovery for a sheet whose name says nothing: the first row that is some kind's header row. */
function discoverTable(grid: SheetGrid): { kind: SheetKind; scan: HeaderScan } | null {
  const rows = Math.min(HEADER_SCAN_ROWS, grid.values.length);
  for (let row = 0; row < rows; row++) {
    for (const kind of DISCOVERABLE) {
      const scan = scanHeaderRow(grid, kind, row);
      if (scan.matched >= 2 && missingRequired(kind, scan.columns).length === 0) return { kind, scan };
    }
  }
  return null;
}

function reportHeaderIssues(grid: SheetGrid, scan: HeaderScan, lang: Lang, issues: Issue[]): void {
  for (const { col, first } of scan.duplicates) {
    report(issues, lang, 'E_DUPLICATE_COLUMN', { sheet: grid.name, row: scan.row, col }, {
      value: describeCell(cellValue(grid, scan.row, col)),
      first: describeCell(cellValue(grid, scan.row, first)),
    });
  }
  for (const col of scan.unknown) {
    report(issues, lang, 'I_UNKNOWN_COLUMN', { sheet: grid.name, row: scan.row, col }, { value: describeCell(cellValue(grid, scan.row, col)) });
  }
}


// ---------------------------------------------------------------------------------------------
// Settings (read first: the period and the language steer everything else)
// ---------------------------------------------------------------------------------------------


interface SettingCell {
  value: CellValue;
  format: string | null;
  ref: CellRef;
}

/** Key → value cell of a settings sheet: a row's first non-blank cell is the key, the next cell its value. */
function settingCells(grid: SheetGrid): Map<string, SettingCell> {
  const found = new Map<string, SettingCell>();
  for (let row = 0; row < grid.values.length; row++) {
    const cells = grid.values[row] ?? [];
    let col = 0;
    while (col < cells.length && isBlank(cells[col])) col++;
    if (col >= cells.length) continue;
    const key = settingKey(cells[col]);
    if (!key || found.has(key)) continue;
    const ref = { sheet: grid.name, row, col: col + 1 };
    found.set(key, { value: cellValue(grid, row, col + 1), format: cellFormat(grid, row, col + 1), ref });
  }
  return found;
}

const LANG_WORDS: Record<string, Lang> = { sv: 'sv', svenska: 'sv', swedish: 'sv', en: 'en', engelska: 'en', english: 'en' };

function readLang(cell: SettingCell | undefined): Lang | null {
  return cell ? ownEntry(LANG_WORDS, fold(cellText(cell.value))) ?? null : null;
}

function readYear(value: CellValue): number | null {
  const parsed = parseValue(value);
  const ok = parsed.kind === 'number' && parsed.unit === null && Number.isInteger(parsed.value) && parsed.value >= 1900 && parsed.value <= 2100;
  return ok ? (parsed as { value: number }).value : null;
}

/** Where the Rapportperiod came from, for I_DOCUMENT_KIND. */
export interface DocumentHint {
  reading: DocumentReading;
  source: DocumentOrigin['source'];
  ref: CellRef;
}

/**
 * Reads Inställningar (and the options that override it). `fallbackSheet` is where a bad `--period`
 * option is reported when there is no settings sheet: it has no cell of its own. Rapportperiod also
 * names the document (SPEC 5.0): a plan has no report period, only its year.
 */
export function readSettings(
  grid: SheetGrid | null,
  options: CheckOptions = {},
  fallbackSheet = '',
): { settings: Settings; issues: Issue[]; document?: DocumentHint } {
  const cells = grid ? settingCells(grid) : new Map<string, SettingCell>();
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const issues: Issue[] = [];
  settings.lang = options.lang ?? readLang(cells.get('lang')) ?? 'sv';
  const lang = settings.lang;

  const planYearCell = cells.get('planYear');
  if (planYearCell && !isBlank(planYearCell.value)) {
    settings.planYear = readYear(planYearCell.value);
    if (settings.planYear === null) {
      report(issues, lang, 'E_NUMBER', planYearCell.ref, {
        header: settingLabel('planYear', lang),
        value: describeCell(planYearCell.value),
        expected: EXPECTED_YEAR[lang],
      });
    }
  }

  const periodCell = cells.get('period');
  const fromOptions = options.period !== undefined && options.period.trim() !== '';
  const periodValue: CellValue = fromOptions ? (options.period as string) : periodCell?.value ?? null;
  let document: DocumentHint | undefined;
  if (!isBlank(periodValue)) {
    settings.periodText = cellText(periodValue).trim();
    const reading = readDocumentText(periodValue, settings.planYear);
    // A bad --period option has no cell of its own: it is reported at the settings sheet's A1.
    const ref = !fromOptions && periodCell ? periodCell.ref : { sheet: grid?.name ?? fallbackSheet, row: 0, col: 0 };
    if (!reading) report(issues, lang, 'E_PERIOD', ref, { value: describeCell(periodValue) });
    else {
      settings.period = reading.period;
      settings.document = reading.kind === 'bareYear' ? null : reading.kind;
      if (settings.planYear === null) settings.planYear = reading.year;
      document = { reading, source: fromOptions ? 'option' : 'settings', ref };
    }
  }
  if (settings.planYear === null) settings.planYear = settings.period?.year ?? null;

  for (const key of ['partialThreshold', 'goalHeltAbove', 'goalDelvisFrom'] as const) {
    const cell = cells.get(key);
    if (!cell || isBlank(cell.value)) continue;
    const fraction = parseFraction(cell.value, cell.format);
    if (fraction !== null) settings[key] = fraction;
    else report(issues, lang, 'E_NUMBER', cell.ref, { header: settingLabel(key, lang), value: describeCell(cell.value), expected: EXPECTED_FRACTION[lang] });
  }
  return document ? { settings, issues, document } : { settings, issues };
}

function emptyModel(settings: Settings): WorkbookModel {
  return { settings, goals: [], indicators: [], activities: [], budget: [], tables: [], hasGoalsSheet: false };
}

/** Reads the data rows under a header row into the model and returns the table's place. */
function readTable(grid: SheetGrid, kind: SheetKind, scan: HeaderScan, model: WorkbookModel, issues: Issue[]): TableInfo {
  const { settings } = model;
  const lang = settings.lang;
  const { columns } = scan;
  nameHeaders(columns, grid.values[scan.row]);
  let lastDataRow = scan.row;
  let parentRow: number | null = null;
  for (let row = scan.row + 1; row < grid.values.length; row++) {
    // The indicator and activity readers give null for a row without input: they test it, so it is not tested twice.
    if (kind === 'indicators') {
      const indicator = readIndicatorRow(grid, row, columns, settings, issues);
      if (!indicator) continue;
      model.indicators.push(indicator);
    } else if (kind === 'activities') {
      const activity = readActivityRow(grid, row, columns, settings, issues);
      if (!activity) continue;
      model.activities.push(activity);
    } else {
      if (!hasInput(grid, row, columns)) continue;
      if (kind === 'goals') model.goals.push(readGoalRow(grid, row, columns, lang, issues));
      else if (kind === 'finance') {
        const budgetRow = readBudgetRow(grid, row, columns, parentRow, lang, issues);
        if (!budgetRow.isVarav) parentRow = row;
        model.budget.push(budgetRow);
      }
    }
    lastDataRow = row;
  }
  if (kind === 'goals') model.hasGoalsSheet = true;
  return {
    kind,
    sheet: grid.name,
    headerRow: scan.row,
    firstDataRow: scan.row + 1,
    lastDataRow,
    lastCol: lastUsedColumn(grid, scan.row, lastDataRow, scan.lastCol),
    columns: { ...columns },
    outputColumns: { ...scan.outputColumns },
  };
}

/**
 * The last column holding anything in the table's rows, header included: output columns go to its
 * right so that they never cover a value the user wrote in a column without a header.
 */
function lastUsedColumn(grid: SheetGrid, firstRow: number, lastRow: number, headerLastCol: number): number {
  let last = headerLastCol;
  for (let row = firstRow; row <= lastRow; row++) {
    const cells = grid.values[row];
    if (!cells) continue;
    for (let col = cells.length - 1; col > last; col--) {
      if (cellText(cells[col]).trim() !== '') {
        last = col;
        break;
      }
    }
  }
  return last;
}

/** A sheet named as an input kind: its table, or E_NO_TABLE / E_MISSING_COLUMN when its headers are not there. */
function readNamedSheet(grid: SheetGrid, kind: SheetKind, model: WorkbookModel, issues: Issue[]): void {
  const lang = model.settings.lang;
  if (kind === 'finance' && readEconomySheet(grid, model, issues)) return;
  const scan = findHeaderRow(grid, kind);
  if (scan) {
    reportHeaderIssues(grid, scan, lang, issues);
    model.tables.push(readTable(grid, kind, scan, model, issues));
    return;
  }
  if (isReportLayout(grid)) {
    mergeReportLayout(grid, model, issues);
    return;
  }
  const partial = findPartialHeaderRow(grid, kind);
  if (!partial) {
    report(issues, lang, 'E_NO_TABLE', { sheet: grid.name, row: 0, col: 0 }, {
      sheet: describeCell(grid.name),
      kind: KIND_TEXT[kind][lang],
      required: requiredText(kind, lang),
    });
    return;
  }
  // The header row is there but incomplete: name what is missing and read no rows from it.
  reportHeaderIssues(grid, partial, lang, issues);
  for (const field of missingRequired(kind, partial.columns)) {
    report(issues, lang, 'E_MISSING_COLUMN', { sheet: grid.name, row: partial.row, col: 0 }, {
      header: quoteHeader(kind, field, lang),
      row: String(partial.row + 1),
      kind: KIND_PLURAL[kind][lang],
    });
  }
}

function mergeReportLayout(grid: SheetGrid, model: WorkbookModel, issues: Issue[]): void {
  const result = readReportLayout(grid, model.settings);
  model.goals.push(...result.goals);
  model.indicators.push(...result.indicators);
  model.activities.push(...result.activities);
  model.tables.push(...result.tables);
  issues.push(...result.issues);
  model.hasGoalsSheet = true;
  readEconomyTables(grid, model, model.settings.lang, issues);
}

/** The economy sheet's tables (SPEC 2.4), every one found by its title and header row; false when it has none. */
function readEconomySheet(grid: SheetGrid, model: WorkbookModel, issues: Issue[], needBudget = false): boolean {
  const tables = readEconomyTables(grid, model, model.settings.lang, issues, needBudget);
  model.tables.push(...tables);
  return tables.length > 0;
}

/**
 * Reads every input sheet of a workbook into the model (SPEC 2). Settings first; Målkoll's own
 * sheets are skipped; a sheet is recognised by its name, else as a pasted report, else by a
 * header row within its first 20 rows. Sheets that are none of these are left alone.
 */
export function readWorkbook(grids: WorkbookGrids, options: CheckOptions = {}): { model: WorkbookModel; issues: Issue[] } {
  beginRead();
  const own = ownSheetGrids(grids);
  const inputs = grids.sheets.filter((grid) => !isOutputSheet(grid.name) && !own.has(grid));
  const settingsGrid = inputs.find((grid) => sheetKindByName(grid.name) === 'settings') ?? null;
  const { settings, issues, document } = readSettings(settingsGrid, options, inputs[0]?.name ?? grids.sheets[0]?.name ?? '');
  const model = emptyModel(settings);
  if (settingsGrid) {
    const scan = findHeaderRow(settingsGrid, 'settings');
    if (scan) model.tables.push({ ...tableShell('settings', settingsGrid.name, scan), lastDataRow: lastNonBlankRow(settingsGrid, scan.row) });
  }
  let recognised = false;
  for (const grid of inputs) {
    const named = sheetKindByName(grid.name);
    if (named === 'settings') continue;
    if (named) readNamedSheet(grid, named, model, issues);
    else if (isReportLayout(grid)) mergeReportLayout(grid, model, issues);
    else {
      const found = discoverTable(grid);
      if (!found) {
        readEconomySheet(grid, model, issues, true); // a pasted economy section whose first table is further down
        continue;
      }
      if (found.kind === 'finance' && readEconomySheet(grid, model, issues)) continue;
      reportHeaderIssues(grid, found.scan, settings.lang, issues);
      model.tables.push(readTable(grid, found.kind, found.scan, model, issues));
    }
    recognised = true;
  }
  if (!recognised) issues.push(noInputIssue(firstUserSheet(grids, own), settings.lang));
  const inferred = !settings.period && !settings.document ? inferReportPeriod(model) : null;
  decideDocument(model, grids, document ?? inferred ?? titleHint(inputs, model));
  return { model, issues };
}

/** The first sheet that is not one of Målkoll's own ('' in a workbook without one): where E_NO_INPUT goes. */
function firstUserSheet(grids: WorkbookGrids, own: Set<SheetGrid>): string {
  return grids.sheets.find((grid) => !own.has(grid) && !isOutputSheet(grid.name))?.name ?? grids.sheets.find((grid) => !own.has(grid))?.name ?? '';
}

/**
 * E_NO_INPUT (SPEC 4): no sheet is a goal, indicator, activity or economy sheet nor a pasted report. The
 * message says what Målkoll looks for: the sheet names and the headers that make a sheet recognisable.
 */
function noInputIssue(firstSheet: string, lang: Lang): Issue {
  const message =
    lang === 'en'
      ? 'No sheet in the workbook is one Målkoll can check. Målkoll looks for sheets named Goals (Mål), Indicators (Indikatorer), ' +
        'Activities (Aktiviteter) or Budget (Ekonomi), or for a header row in the first 20 rows of a sheet with Nummer and Mål (goals), ' +
        'Mål, Indikator and Årsmål (indicators), Mål and Aktivitet (activities) or Budget and Prognos (budget), or for a pasted ILS report ' +
        '(headings such as "Nämndmål: 1.1.1 …" followed by indicator tables). Use Create template to get sheets with the right headers.'
      : 'Inget blad i arbetsboken är något Målkoll kan kontrollera. Målkoll letar efter bladen Mål, Indikatorer, Aktiviteter eller ' +
        'Ekonomi, eller efter en rubrikrad bland de 20 första raderna i ett blad med Nummer och Mål (mål), Mål, Indikator och Årsmål ' +
        '(indikatorer), Mål och Aktivitet (aktiviteter) eller Budget och Prognos (ekonomi), eller efter en inklistrad ILS-rapport ' +
        '(rubriker som "Nämndmål: 1.1.1 …" följda av indikatortabeller). Med Skapa mall får du blad med rätt rubriker.';
  return issueAt('error', 'E_NO_INPUT', { sheet: firstSheet, row: 0, col: 0 }, message);
}

/** A pasted report's title line naming the document, when nothing else does; it also gives the report period. */
function titleHint(inputs: SheetGrid[], model: WorkbookModel): DocumentHint | null {
  for (const grid of inputs) {
    const found = documentFromTitle(grid);
    if (!found) continue;
    const { reading } = found;
    if (reading.period) setReportPeriod(model, reading.period, found.text);
    return { reading, source: 'title', ref: found.ref };
  }
  return null;
}

/**
 * Settles the document (SPEC 5.0): a bare year is a plan without outcomes, else a vb; a plan has no
 * report period, so no activity is overdue. Records where the document came from (validation says so).
 */
function decideDocument(model: WorkbookModel, grids: WorkbookGrids, hint: DocumentHint | null): void {
  const settings = model.settings;
  const kind = hint ? (hint.reading.kind === 'bareYear' ? settleBareYear(model) : hint.reading.kind) : null;
  settings.document = kind;
  if (kind === 'plan') {
    settings.period = null;
    for (const activity of model.activities) activity.overdue = false;
  }
  const ref = hint?.ref ?? { sheet: grids.sheets.find((g) => !isOutputSheet(g.name))?.name ?? '', row: 0, col: 0 };
  const shown = hint?.source === 'title' ? describeShown(grids, ref) : settings.periodText ?? hint?.reading.period?.text ?? '';
  model.documentOrigin = { source: hint?.source ?? 'none', ref, shown, bareYear: hint?.reading.kind === 'bareYear' };
}

function describeShown(grids: WorkbookGrids, ref: CellRef): string {
  const grid = grids.sheets.find((g) => g.name === ref.sheet);
  return cellText(grid?.values[ref.row]?.[ref.col]).trim();
}

function setReportPeriod(model: WorkbookModel, period: Period, text: string): void {
  const settings = model.settings;
  settings.period = period;
  settings.periodText = text;
  if (settings.planYear === null) settings.planYear = period.year;
  for (const activity of model.activities) activity.overdue = isOverdue(activity.end, activity.status, period);
}

/**
 * Without Rapportperiod (no Inställningar sheet, no --period option) the report period is the one
 * the indicators name most often in their Period column, counting tertial-or-finer indicators first
 * (in a T1 report the annual ones say just "2024"). A pasted ILS report carries it on every row.
 */
function inferReportPeriod(model: WorkbookModel): DocumentHint | null {
  const found = mostCommonPeriod(model.indicators.filter((i) => i.periodicity !== 'ar')) ?? mostCommonPeriod(model.indicators);
  if (!found) return null;
  const { period, ref } = found;
  setReportPeriod(model, period, period.text);
  const reading = readDocumentText(period.text, period.year);
  const kind = reading?.kind === 'bareYear' ? 'bareYear' : kindOfPeriod(period);
  return { reading: { kind, year: period.year, period }, source: 'periodColumn', ref };
}

function mostCommonPeriod(indicators: Indicator[]): { period: Period; ref: CellRef } | null {
  const tally = new Map<string, { period: Period; n: number; ref: CellRef }>();
  let best: { period: Period; n: number; ref: CellRef } | null = null;
  for (const { period, cells, sheet, row } of indicators) {
    if (!period || period.year === null) continue;
    const key = `${period.kind} ${period.index} ${period.year}`;
    const entry = tally.get(key) ?? { period, n: 0, ref: cells.period ?? { sheet, row, col: 0 } };
    entry.n++;
    tally.set(key, entry);
    if (!best || entry.n > best.n) best = entry;
  }
  return best ? { period: best.period, ref: best.ref } : null;
}

function tableShell(kind: SheetKind, sheet: string, scan: HeaderScan): TableInfo {
  return { kind, sheet, headerRow: scan.row, firstDataRow: scan.row + 1, lastDataRow: scan.row, lastCol: scan.lastCol, columns: { ...scan.columns }, outputColumns: {} };
}

function lastNonBlankRow(grid: SheetGrid, headerRow: number): number {
  for (let row = grid.values.length - 1; row > headerRow; row--) {
    if ((grid.values[row] ?? []).some((v) => !isBlank(v))) return row;
  }
  return headerRow;
}
