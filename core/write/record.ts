// The `_malkoll` record (SPEC 2.7, 2.8): which sheets are Målkoll's own (by host sheet id) and the original fill of every highlighted cell with its row key, and the names Målkoll's sheets get beside a user's sheets.
import { cellText, fold } from '../common/text';
import { OUTPUT_SHEET_NAMES } from '../read/schema';
import { hasOutputLayout } from './summary';
import type { CellValue, Lang, NewSheet, SheetGrid, WorkbookGrids } from '../types';

/**
 * A1 of Målkoll's record. A sheet called `_malkoll` is Målkoll's record only when its first row is this
 * header (or the header of the first record format, `Blad | Cell | Fyllning`); any other sheet of that
 * name is the user's: Målkoll never reads, writes or deletes it and keeps its record in `_malkoll (Målkoll)`.
 */
export const RECORD_MARKER = 'Målkoll record v2';
const RECORD_HEADER = [RECORD_MARKER, 'Blad-id', 'Blad', 'Cell', 'Nyckel', 'Fyllning'];
const LEGACY_HEADER = ['blad', 'cell', 'fyllning'];

/** The roles of Målkoll's own visible sheets. */
export type OwnRole = 'summary' | 'validation';
export const OWN_ROLES: OwnRole[] = ['summary', 'validation'];

/** Entry type in column A of the record. */
const HIGHLIGHT = 'highlight';

/** One of Målkoll's own sheets as the record holds it; `id` is '' when the host gave none (yet). */
export interface RecordedSheet {
  role: OwnRole;
  id: string;
  name: string;
}

/**
 * One highlighted cell: the sheet by host id and name, the address when highlighted, the row key
 * (see highlights.ts; '' in the first record format) and the fill the cell had before (null = none).
 */
export interface RecordedHighlight {
  sheetId: string;
  sheet: string;
  cell: string;
  key: string;
  fill: string | null;
}

export interface MalkollRecord {
  /** The record sheet itself, null when the workbook has none. */
  grid: SheetGrid | null;
  sheets: RecordedSheet[];
  highlights: RecordedHighlight[];
}

const firstRowText = (grid: SheetGrid): string[] => (grid.values[0] ?? []).map((v) => fold(cellText(v)));

/** True when the sheet is a Målkoll record by its name (`_malkoll`, `_malkoll (Målkoll)`, …) and its header row. */
export function isRecordGrid(grid: SheetGrid): boolean {
  if (!fold(grid.name).startsWith(OUTPUT_SHEET_NAMES.record)) return false;
  const first = firstRowText(grid);
  if (first[0] === fold(RECORD_MARKER)) return true;
  return LEGACY_HEADER.every((header, i) => first[i] === header);
}

/** Reads the record of the previous run; an empty record when the workbook has none. */
export function readRecord(grids: WorkbookGrids): MalkollRecord {
  const grid = grids.sheets.find(isRecordGrid) ?? null;
  const record: MalkollRecord = { grid, sheets: [], highlights: [] };
  if (!grid) return record;
  const legacy = firstRowText(grid)[0] !== fold(RECORD_MARKER);
  for (let row = 1; row < grid.values.length; row++) {
    const line = (grid.values[row] ?? []).map((v) => cellText(v as CellValue));
    if (legacy) addLegacyLine(line, record);
    else addLine(line, record);
  }
  return record;
}

function addLine(line: string[], record: MalkollRecord): void {
  const [type, id = '', name = '', cell = '', key = '', fill = ''] = line;
  if ((OWN_ROLES as string[]).includes(type) && name !== '') record.sheets.push({ role: type as OwnRole, id, name });
  else if (type === HIGHLIGHT && name !== '' && cell !== '') record.highlights.push({ sheetId: id, sheet: name, cell, key, fill: fill === '' ? null : fill });
}

/** First record format: sheet name (not trimmed: "Ekonomi" and "Ekonomi " are two sheets), cell, fill. */
function addLegacyLine(line: string[], record: MalkollRecord): void {
  const [sheet = '', cell = '', fill = ''] = line;
  if (sheet !== '' && cell !== '') record.highlights.push({ sheetId: '', sheet, cell, key: '', fill: fill === '' ? null : fill });
}

/** The record as a hidden sheet, rewritten in place (by id) when the workbook has one. */
export function recordSheet(target: { name: string; id?: string }, sheets: RecordedSheet[], highlights: RecordedHighlight[]): NewSheet {
  const rows: CellValue[][] = [RECORD_HEADER.slice()];
  // An unknown id is a blank cell (hosts read an empty string back as blank).
  for (const sheet of sheets) rows.push([sheet.role, sheet.id || null, sheet.name, null, null, null]);
  for (const h of highlights) rows.push([HIGHLIGHT, h.sheetId || null, h.sheet, h.cell, h.key, h.fill]);
  const sheet: NewSheet = { name: target.name, mode: 'replace', hidden: true, values: rows, columnWidths: [16, 14, 24, 10, 60, 40] };
  if (target.id) sheet.id = target.id;
  return sheet;
}

/** True for the plan sheet that is Målkoll's record. */
export function isRecordSheet(sheet: NewSheet): boolean {
  return sheet.values[0]?.[0] === RECORD_MARKER;
}

/**
 * The record with the ids of Målkoll's own sheets filled in where it names a sheet without one: what a host
 * calls when it has just created those sheets and learnt their ids, so that the record knows them from the
 * first run on (and the second run writes the same record).
 */
export function recordWithIds(sheet: NewSheet, idOf: (name: string) => string | undefined): NewSheet {
  if (!isRecordSheet(sheet)) return sheet;
  const values = sheet.values.map((row) => {
    const role = row[0];
    if (!(OWN_ROLES as CellValue[]).includes(role) || (row[1] !== null && row[1] !== '')) return row;
    const id = idOf(String(row[2] ?? ''));
    return id ? [row[0], id, ...row.slice(2)] : row;
  });
  return { ...sheet, values };
}

// ---------------------------------------------------------------------------------------------
// Own sheets
// ---------------------------------------------------------------------------------------------

/** Finds a recorded sheet: by host id when both the record and the workbook have ids, else by name. */
export function findRecordedGrid(grids: WorkbookGrids, id: string, name: string): SheetGrid | undefined {
  const hasIds = grids.sheets.some((sheet) => sheet.id !== undefined && sheet.id !== '');
  if (id !== '' && hasIds) return grids.sheets.find((sheet) => sheet.id !== undefined && String(sheet.id) === id);
  return grids.sheets.find((sheet) => sheet.name === name) ?? grids.sheets.find((sheet) => fold(sheet.name) === fold(name));
}

/** Målkoll's own sheets in the workbook: the record and the recorded summary and validation sheets. */
export interface OwnSheets {
  record: SheetGrid | null;
  byRole: Map<OwnRole, SheetGrid>;
  all: Set<SheetGrid>;
}

export function ownSheets(grids: WorkbookGrids, record: MalkollRecord = readRecord(grids)): OwnSheets {
  const own: OwnSheets = { record: record.grid, byRole: new Map(), all: new Set() };
  if (record.grid) own.all.add(record.grid);
  for (const entry of record.sheets) {
    const grid = findRecordedGrid(grids, entry.id, entry.name);
    if (!grid || own.all.has(grid) || own.byRole.has(entry.role)) continue;
    own.byRole.set(entry.role, grid);
    own.all.add(grid);
  }
  if (!record.grid || isLegacy(record.grid)) adoptEarlierOutput(grids, own);
  return own;
}

const isLegacy = (grid: SheetGrid): boolean => firstRowText(grid)[0] !== fold(RECORD_MARKER);

/**
 * A workbook checked by a Målkoll that kept no record of its sheets: a sheet under the plain output name
 * (either language) that has exactly the layout Målkoll writes there is Målkoll's, so an upgrade rewrites
 * it instead of adding a second pair. Any other sheet of that name stays the user's.
 */
function adoptEarlierOutput(grids: WorkbookGrids, own: OwnSheets): void {
  for (const role of OWN_ROLES) {
    if (own.byRole.has(role)) continue;
    const names = new Set(Object.values(OUTPUT_SHEET_NAMES[role]).map(fold));
    const grid = grids.sheets.find((sheet) => !own.all.has(sheet) && names.has(fold(sheet.name)) && hasOutputLayout(role, sheet.values));
    if (!grid) continue;
    own.byRole.set(role, grid);
    own.all.add(grid);
  }
}

/** The grids of Målkoll's own sheets (never read as input). */
export function ownSheetGrids(grids: WorkbookGrids): Set<SheetGrid> {
  return ownSheets(grids).all;
}

/** Names a sheet of Målkoll's may take for a base name: `Sammanställning`, `Sammanställning (Målkoll)`, `… (Målkoll 2)`, … */
function* candidateNames(base: string): Generator<string> {
  yield base;
  yield `${base} (Målkoll)`;
  for (let n = 2; ; n++) yield `${base} (Målkoll ${n})`;
}

/**
 * The name for one of Målkoll's sheets: its current name when that is still one of the base's candidates,
 * else the first candidate no other sheet has (names compared as hosts do, ignoring case and diacritics).
 */
export function ownSheetName(base: string, current: SheetGrid | null | undefined, taken: Set<string>): string {
  const foldedBase = fold(base);
  if (current && !taken.has(fold(current.name))) {
    const folded = fold(current.name);
    if (folded === foldedBase || folded.startsWith(`${foldedBase} (malkoll`)) return current.name;
  }
  for (const name of candidateNames(base)) if (!taken.has(fold(name))) return name;
  return base; // unreachable: the candidates never end
}

/** Folded names of every sheet except the given ones. */
export function takenNames(grids: WorkbookGrids, except: (SheetGrid | null | undefined)[]): Set<string> {
  const skip = new Set(except);
  return new Set(grids.sheets.filter((sheet) => !skip.has(sheet)).map((sheet) => fold(sheet.name)));
}

/** The base name of an own sheet in a language. */
export function ownBaseName(role: OwnRole, lang: Lang): string {
  return OUTPUT_SHEET_NAMES[role][lang];
}
