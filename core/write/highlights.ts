// Reversible highlights (SPEC 2.8): the fills a check or Clear changes, the row key of every highlighted cell, and finding a recorded cell again after rows moved, the table was sorted or the sheet renamed.
import { a1, parseA1 } from '../common/a1';
import { HIGHLIGHT_FILL } from '../common/status';
import { cellText, fold } from '../common/text';
import { layoutFieldsOf } from '../read/rows';
import { isOutputSheet } from '../read/schema';
import { findRecordedGrid, type RecordedHighlight } from './record';
import type { Activity, Block, BudgetRow, CellRef, FillChange, Goal, Indicator, Issue, Lang, SheetGrid, WorkbookGrids, WorkbookModel } from '../types';
import { keepShape } from '../common/shapes';

/** The code check() gives a stage that threw (see core/check.ts). */
export const INTERNAL_CODE = 'E_INTERNAL';

/** Issues that are no cell's fault: an internal failure, a workbook without input (its A1 is only where it is shown). */
const UNHIGHLIGHTED = new Set([INTERNAL_CODE, 'E_NO_INPUT']);

/** Clear's report of a recorded highlight whose cell it could not find. */
export const LOST_CODE = 'W_HIGHLIGHT_NOT_FOUND';

/** Our two highlight colours in any token form: `#F8CBAD`, `#fff2cc`, or an ARGB `FFF8CBAD` inside a JSON fill. */
const HIGHLIGHT_TOKEN = /(?:^|[^0-9A-F])(?:FF)?(?:F8CBAD|FFF2CC)(?:[^0-9A-F]|$)/i;

export function isHighlightFill(token: string | null | undefined): boolean {
  return token !== null && token !== undefined && HIGHLIGHT_TOKEN.test(token);
}

export interface CellFill {
  /** Sorts by sheet order, then row, then column (see cellKey). */
  key: number;
  sheet: string;
  row: number;
  col: number;
  fill: string | null;
}

/** The workbook's sheets by name (exact, else folded: hosts compare sheet names case-insensitively) with their order. */
export class SheetIndex {
  private readonly exact = new Map<string, SheetGrid>();
  private readonly folded = new Map<string, SheetGrid>();
  private readonly order = new Map<SheetGrid, number>();
  /** Issue sheet name → its input grid, or null for a missing or output sheet. */
  private readonly inputs = new Map<string, SheetGrid | null>();

  constructor(readonly grids: WorkbookGrids, private readonly own: Set<SheetGrid>) {
    grids.sheets.forEach((sheet, i) => {
      this.exact.set(sheet.name, sheet);
      this.order.set(sheet, i);
      const key = fold(sheet.name);
      if (!this.folded.has(key)) this.folded.set(key, sheet);
    });
  }

  find(name: string): SheetGrid | undefined {
    return this.exact.get(name) ?? this.folded.get(fold(name));
  }

  isInput(grid: SheetGrid): boolean {
    return !this.own.has(grid) && !isOutputSheet(grid.name);
  }

  /** The input sheet of that name (never one of Målkoll's sheets), cached per name. */
  input(name: string): SheetGrid | null {
    let grid = this.inputs.get(name);
    if (grid === undefined) {
      const found = this.find(name);
      this.inputs.set(name, (grid = found && this.isInput(found) ? found : null));
    }
    return grid;
  }

  /** The input sheet a recorded highlight was on: by host id, else by name. */
  recorded(entry: RecordedHighlight): SheetGrid | null {
    const grid = findRecordedGrid(this.grids, entry.sheetId, entry.sheet);
    return grid && this.isInput(grid) ? grid : null;
  }

  private readonly byText = new Map<SheetGrid, Map<number, Map<string, number[]>>>();

  /** Rows of a column that show a Målkoll highlight, by cell text (built once per column). */
  highlightedByText(grid: SheetGrid, col: number): Map<string, number[]> {
    let columns = this.byText.get(grid);
    if (!columns) this.byText.set(grid, (columns = new Map()));
    let index = columns.get(col);
    if (!index) {
      columns.set(col, (index = new Map()));
      for (let row = 0; row < grid.values.length; row++) {
        if (isHighlightFill(currentFill(grid, row, col))) push(index, cellText(grid.values[row]?.[col] ?? null), row);
      }
    }
    return index;
  }

  /** One number per cell that orders cells by sheet order, row, column (rows < 2^24, columns < 2^16). */
  cellKey(grid: SheetGrid, row: number, col: number): number {
    return ((this.order.get(grid) ?? 0) * 16777216 + row) * 65536 + col;
  }

  cell(grid: SheetGrid, row: number, col: number, fill: string | null): CellFill {
    return { key: this.cellKey(grid, row, col), sheet: grid.name, row, col, fill };
  }
}
keepShape(new SheetIndex({ sheets: [] }, new Set()));

/** A cell's fill token; undefined when the host delivered no fills for the sheet (unknown). */
export function currentFill(grid: SheetGrid, row: number, col: number): string | null | undefined {
  if (!grid.fills) return undefined;
  const token = grid.fills[row]?.[col];
  return token === undefined || token === null || token === '' ? null : token;
}

// ---------------------------------------------------------------------------------------------
// Row keys
// ---------------------------------------------------------------------------------------------

/** A row of the model that a highlighted cell can belong to (a goal, indicator, activity or budget row). */
interface ModelRow {
  sheet: string;
  row: number;
  cells: Partial<Record<string, CellRef>>;
}

type RowKind = 'mål' | 'indikator' | 'aktivitet' | 'ekonomi';

/** The words that identify a row of each kind (its kind word first). */
function identityOf(kind: RowKind, item: ModelRow): string[] {
  if (kind === 'mål') return [kind, (item as Goal).number];
  if (kind === 'ekonomi') return [kind, (item as BudgetRow).label];
  const named = item as Indicator | Activity;
  return [kind, named.goal, named.name];
}

/**
 * The key of a highlighted cell, stored in the record as JSON: the row's identity and the field
 * (`["indikator","1.1","Andel …","arsmal"]`, `["mål","1.2","stated"]`, `["aktivitet",goal,name,field]`,
 * `["ekonomi",label,field]`), or for a cell outside the model's rows its text (`["cell","Årsmål"]`).
 * Indexes are built only over the rows and sheets asked for: a check of 100 000 rows with a few
 * highlights does not pay for keys of every row.
 */
export class RowKeys {
  private byRow = new Map<string, Map<number, { kind: RowKind; item: ModelRow }[]>>();
  private byIdentity: Map<string, Map<string, ModelRow[]>> | null = null;

  constructor(private readonly model: WorkbookModel) {}

  /** The model's rows kind by kind (walked with index loops: a for…of or a visitor per row costs on 100 000 rows). */
  private kinds(): [RowKind, ModelRow[]][] {
    const m = this.model;
    return [['mål', m.goals], ['indikator', m.indicators], ['aktivitet', m.activities], ['ekonomi', m.budget]];
  }

  /** Indexes the model rows at these cells' rows, so that keyOf finds them (call once before keyOf). */
  prepare(cells: { sheet: string; row: number }[]): void {
    const wanted = wantedRows(cells);
    // The wanted rows of the sheet seen last: a kind's rows are mostly on one sheet, so most items need no map lookup.
    let sheet: string | null = null;
    let rows: Uint8Array | undefined;
    for (const [kind, items] of this.kinds()) {
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item.sheet !== sheet) rows = wanted.get((sheet = item.sheet));
        if (rows !== undefined && rows[item.row] === 1) push(nested(this.byRow, item.sheet), item.row, { kind, item });
      }
    }
  }

  private identityIndex(): Map<string, Map<string, ModelRow[]>> {
    if (!this.byIdentity) {
      const index = (this.byIdentity = new Map());
      for (const [kind, items] of this.kinds()) for (const item of items) push(nested(index, item.sheet), identityOf(kind, item).join('\u0000'), item);
    }
    return this.byIdentity;
  }

  /** The key of a cell: its row's identity and field when the cell is a field of a model row, else its text. */
  keyOf(grid: SheetGrid, row: number, col: number): string {
    for (const { kind, item } of this.byRow.get(grid.name)?.get(row) ?? []) {
      const field = this.fieldAt(item.cells, row, col);
      if (field === null) continue;
      // identityOf makes a new array each time: the field is pushed onto it rather than spread into another.
      const key = identityOf(kind, item);
      key.push(field);
      return JSON.stringify(key);
    }
    return JSON.stringify(['cell', cellText(grid.values[row]?.[col] ?? null)]);
  }

  /** The cells that hold a row key's field on a sheet now (several when the identity is not unique). */
  cellsOf(grid: SheetGrid, identity: string[], field: string): { row: number; col: number }[] {
    const rows = this.identityIndex().get(grid.name)?.get(identity.join('\u0000')) ?? [];
    const cells: { row: number; col: number }[] = [];
    for (const item of rows) {
      const ref = item.cells[field];
      if (ref && ref.sheet === grid.name) cells.push({ row: ref.row, col: ref.col });
    }
    return cells;
  }

  /**
   * The first field of a row's cells at (row, col), in the order of their JSON, or null. Only a layout field at `col`
   * (read/rows.ts) or one assigned to the row is asked for its ref: toJSON would make every field's ref for every
   * highlighted cell.
   */
  private fieldAt(cells: Partial<Record<string, CellRef>>, row: number, col: number): string | null {
    const own = Object.keys(cells);
    for (const [field, fieldCol] of layoutFieldsOf(cells)) if ((fieldCol === col || own.includes(field)) && isAt(cells[field], row, col)) return field;
    for (const field of own) if (isAt(cells[field], row, col)) return field;
    return null;
  }
}
keepShape(new RowKeys({ goals: [], indicators: [], activities: [], budget: [] } as unknown as WorkbookModel));

const isAt = (ref: CellRef | undefined, row: number, col: number): boolean => !!ref && ref.row === row && ref.col === col;

/** The rows asked for, per sheet, as flags indexed by row: a typed array tests every model row cheaper than a Set. */
function wantedRows(cells: { sheet: string; row: number }[]): Map<string, Uint8Array> {
  const last = new Map<string, number>();
  cells.forEach(({ sheet, row }) => last.set(sheet, Math.max(last.get(sheet) ?? -1, row)));
  const wanted = new Map<string, Uint8Array>();
  last.forEach((row, sheet) => wanted.set(sheet, new Uint8Array(row + 1)));
  cells.forEach(({ sheet, row }) => ((wanted.get(sheet) as Uint8Array)[row] = 1));
  return wanted;
}

function nested<K, V>(map: Map<string, Map<K, V[]>>, sheet: string): Map<K, V[]> {
  let inner = map.get(sheet);
  if (!inner) map.set(sheet, (inner = new Map()));
  return inner;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A recorded key split into a row identity and field, or a cell text; null for the first record format. */
function parseKey(key: string): { identity: string[]; field: string } | { text: string } | null {
  if (key === '') return null;
  try {
    const parts = JSON.parse(key) as unknown;
    if (!Array.isArray(parts) || parts.length < 2 || !parts.every((p) => typeof p === 'string')) return null;
    if (parts[0] === 'cell' && parts.length === 2) return { text: parts[1] };
    return { identity: parts.slice(0, -1), field: parts[parts.length - 1] };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Finding recorded cells again
// ---------------------------------------------------------------------------------------------

export interface Located {
  entry: RecordedHighlight;
  cell: CellFill; // fill = the recorded original
  grid: SheetGrid;
}

/**
 * Finds every recorded highlight in the workbook as it is now. A row key wins: the cell of that row's field
 * (the one at the recorded address when the key is not unique, else one still showing our colour, nearest
 * first). A cell text is looked for at the address, then in the same column. Failing that, the recorded
 * address is used when it still shows a Målkoll colour (always for the first record format, which has
 * nothing else). Whatever is left is lost: its row or sheet is gone or changed beyond recognition.
 */
export function locateHighlights(entries: RecordedHighlight[], sheets: SheetIndex, keys: RowKeys): { found: Located[]; lost: RecordedHighlight[] } {
  const claimed = new Set<number>();
  const found: Located[] = [];
  const pending: { entry: RecordedHighlight; grid: SheetGrid }[] = [];
  const lost: RecordedHighlight[] = [];
  const take = (entry: RecordedHighlight, grid: SheetGrid, at: { row: number; col: number }): void => {
    const cell = sheets.cell(grid, at.row, at.col, entry.fill);
    claimed.add(cell.key);
    found.push({ entry, cell, grid });
  };
  for (const entry of entries) {
    const grid = sheets.recorded(entry);
    if (!grid) lost.push(entry);
    else {
      const at = byRowKey(entry, grid, keys, sheets, claimed);
      if (at) take(entry, grid, at);
      else pending.push({ entry, grid });
    }
  }
  for (const { entry, grid } of pending) {
    const at = byText(entry, grid, sheets, claimed) ?? byColour(entry, grid, sheets, claimed);
    if (at) take(entry, grid, at);
    else lost.push(entry);
  }
  return { found, lost };
}

const showsHighlight = (grid: SheetGrid, row: number, col: number): boolean => isHighlightFill(currentFill(grid, row, col));

function byRowKey(entry: RecordedHighlight, grid: SheetGrid, keys: RowKeys, sheets: SheetIndex, claimed: Set<number>): { row: number; col: number } | null {
  const key = parseKey(entry.key);
  if (!key || !('identity' in key)) return null;
  const address = parseA1(entry.cell);
  const rank = (c: { row: number; col: number }): number => {
    if (address && c.row === address.row && c.col === address.col) return -1;
    const distance = address ? Math.abs(c.row - address.row) : 0;
    return (showsHighlight(grid, c.row, c.col) ? 0 : 1 << 24) + distance;
  };
  const candidates = keys.cellsOf(grid, key.identity, key.field).filter((c) => !claimed.has(sheets.cellKey(grid, c.row, c.col)));
  candidates.sort((x, y) => rank(x) - rank(y));
  return candidates[0] ?? null;
}

function byText(entry: RecordedHighlight, grid: SheetGrid, sheets: SheetIndex, claimed: Set<number>): { row: number; col: number } | null {
  const key = parseKey(entry.key);
  const address = parseA1(entry.cell);
  if (!key || !('text' in key) || !address) return null;
  const free = (row: number): boolean => !claimed.has(sheets.cellKey(grid, row, address.col));
  const textAt = (row: number): string => cellText(grid.values[row]?.[address.col] ?? null);
  if (free(address.row) && textAt(address.row) === key.text) return address;
  const rows = sheets.highlightedByText(grid, address.col).get(key.text)?.filter(free) ?? [];
  return rows.length === 1 ? { row: rows[0], col: address.col } : null;
}

function byColour(entry: RecordedHighlight, grid: SheetGrid, sheets: SheetIndex, claimed: Set<number>): { row: number; col: number } | null {
  const address = parseA1(entry.cell);
  if (!address || claimed.has(sheets.cellKey(grid, address.row, address.col))) return null;
  // The first record format has nothing but the address: it is the cell (its colour tells whether the user re-coloured it).
  return entry.key === '' || showsHighlight(grid, address.row, address.col) ? address : null;
}

// ---------------------------------------------------------------------------------------------
// The highlights of a check, and what Clear restores
// ---------------------------------------------------------------------------------------------

/**
 * The fill a highlighted cell had before Målkoll: the recorded one while the cell still shows our highlight
 * (or fills are unknown); a cell showing our colour without a record gets "no fill", never our colour;
 * a cell whose fill the user changed since keeps the user's fill as its new original.
 */
function originalFill(current: string | null | undefined, recorded: CellFill | undefined): string | null {
  if (current === undefined || isHighlightFill(current)) return recorded ? recorded.fill : null;
  return current;
}

/** A recorded cell no longer highlighted goes back to its original, unless the user has re-coloured it since. */
function restoreFill(located: Located): CellFill | null {
  const current = currentFill(located.grid, located.cell.row, located.cell.col);
  return current === undefined || isHighlightFill(current) ? located.cell : null;
}

/** Cells of the output columns written by this plan: never highlighted (a plan has a few blocks, so a scan of them will do). */
function outputCellTest(blocks: Block[]): (sheet: string, row: number, col: number) => boolean {
  return (sheet, row, col) => blocks.some((b) => b.col === col && b.sheet === sheet && row >= b.row && row < b.row + b.values.length);
}

/** Input cells with an error or a warning, error winning in a shared cell, by cell key. */
function highlightedCells(issues: Issue[], sheets: SheetIndex, blocks: Block[]): Map<number, { grid: SheetGrid; cell: CellFill }> {
  const isOutputCell = outputCellTest(blocks);
  const highlighted = new Map<number, { grid: SheetGrid; cell: CellFill }>();
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i];
    if (issue.severity === 'info' || UNHIGHLIGHTED.has(issue.code)) continue;
    const grid = sheets.input(issue.sheet);
    const address = grid ? parseA1(issue.cell) : null;
    if (!grid || !address || isOutputCell(grid.name, address.row, address.col)) continue;
    const key = sheets.cellKey(grid, address.row, address.col);
    const existing = highlighted.get(key);
    if (existing && existing.cell.fill === HIGHLIGHT_FILL.error) continue; // error wins over warning
    highlighted.set(key, { grid, cell: sheets.cell(grid, address.row, address.col, HIGHLIGHT_FILL[issue.severity]) });
  }
  return highlighted;
}

/**
 * A check's fill changes and the new record entries: every highlighted cell with its original fill,
 * previously highlighted cells restored, and recorded highlights that could not be found carried over
 * unchanged (Clear reports them).
 */
export function planHighlights(
  issues: Issue[],
  sheets: SheetIndex,
  blocks: Block[],
  keys: RowKeys,
  previous: RecordedHighlight[],
): { fills: FillChange[]; entries: RecordedHighlight[] } {
  const highlighted = highlightedCells(issues, sheets, blocks);
  const { found, lost } = locateHighlights(previous, sheets, keys);
  const before = new Map(found.map((located) => [located.cell.key, located]));
  const changes: CellFill[] = [];
  const entries: RecordedHighlight[] = [];
  // forEach and index loops rather than for…of: this runs once per check, unoptimised, where an iterator allocates per cell.
  const cells: { grid: SheetGrid; cell: CellFill }[] = [];
  highlighted.forEach((highlight) => cells.push(highlight));
  // The entries in cell order (a cell's key orders cells by sheet, row and column).
  cells.sort((x, y) => x.cell.key - y.cell.key);
  keys.prepare(cells.map((highlight) => highlight.cell));
  for (let i = 0; i < cells.length; i++) {
    const { grid, cell } = cells[i];
    const fill = originalFill(currentFill(grid, cell.row, cell.col), before.get(cell.key)?.cell);
    entries.push({ sheetId: grid.id ?? '', sheet: grid.name, cell: a1(cell.row, cell.col), key: keys.keyOf(grid, cell.row, cell.col), fill });
    changes.push(cell);
  }
  before.forEach((located, key) => {
    const restore = highlighted.has(key) ? null : restoreFill(located);
    if (restore) changes.push(restore);
  });
  for (let i = 0; i < lost.length; i++) entries.push(lost[i]);
  return { fills: groupFills(changes), entries };
}

/** Clear: every recorded cell found gets its original fill back; the ones not found are reported. */
export function clearHighlights(previous: RecordedHighlight[], sheets: SheetIndex, keys: RowKeys, lang: Lang): { fills: FillChange[]; issues: Issue[] } {
  const { found, lost } = locateHighlights(previous, sheets, keys);
  const changes = found.map(restoreFill).filter((cell): cell is CellFill => cell !== null);
  return { fills: groupFills(changes), issues: lost.map((entry) => lostIssue(entry, lang)) };
}

/** Fill changes grouped by (sheet, fill), cells in sheet/row/column order, groups in the order of their first cell. */
function groupFills(cells: CellFill[]): FillChange[] {
  const groups: FillChange[] = [];
  // By sheet, then fill (no fill = ''): nested maps rather than a joined key string per cell.
  const bySheet = new Map<string, Map<string, FillChange>>();
  for (const cell of cells.sort((x, y) => x.key - y.key)) {
    let byFill = bySheet.get(cell.sheet);
    if (!byFill) bySheet.set(cell.sheet, (byFill = new Map()));
    let group = byFill.get(cell.fill ?? '');
    if (!group) {
      byFill.set(cell.fill ?? '', (group = { sheet: cell.sheet, fill: cell.fill, cells: [] }));
      groups.push(group);
    }
    group.cells.push(a1(cell.row, cell.col));
  }
  return groups;
}

/** What a recorded key names, for the message: `indikatorn "X" under mål 1.1`, `mål 1.2`, the cell's text. */
function describeKey(key: string, lang: Lang): string {
  const parsed = parseKey(key);
  if (!parsed) return '';
  if ('text' in parsed) return parsed.text === '' ? '' : `"${parsed.text}"`;
  const [kind, ...words] = parsed.identity;
  const sv: Record<string, (w: string[]) => string> = {
    mål: (w) => `mål ${w[0]}`,
    indikator: (w) => `indikatorn "${w[1]}" under mål ${w[0]}`,
    aktivitet: (w) => `aktiviteten "${w[1]}" under mål ${w[0]}`,
    ekonomi: (w) => `ekonomiraden "${w[0]}"`,
  };
  const en: Record<string, (w: string[]) => string> = {
    mål: (w) => `goal ${w[0]}`,
    indikator: (w) => `indicator "${w[1]}" under goal ${w[0]}`,
    aktivitet: (w) => `activity "${w[1]}" under goal ${w[0]}`,
    ekonomi: (w) => `budget row "${w[0]}"`,
  };
  const describe = (lang === 'en' ? en : sv)[kind];
  return describe ? describe(words) : '';
}

function lostIssue(entry: RecordedHighlight, lang: Lang): Issue {
  const what = describeKey(entry.key, lang);
  const fill = entry.fill ?? (lang === 'en' ? 'none' : 'ingen');
  const message =
    lang === 'en'
      ? `The highlight Målkoll recorded on ${entry.sheet}!${entry.cell}${what ? ` (${what})` : ''} could not be found: its row or sheet is gone or changed. If a cell still shows Målkoll's colour, remove it by hand; the original fill was ${fill}.`
      : `Markeringen som Målkoll gjorde på ${entry.sheet}!${entry.cell}${what ? ` (${what})` : ''} hittades inte: raden eller bladet finns inte längre eller har ändrats. Har en cell kvar Målkolls färg kan du ta bort den för hand; den ursprungliga fyllningen var ${fill}.`;
  return { severity: 'warning', code: LOST_CODE, sheet: entry.sheet, cell: entry.cell, message };
}
