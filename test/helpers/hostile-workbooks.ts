// Hostile workbooks (issue 14) as WorkbookGrids with values, formulas, notes, merges, fills and sheet ids, plus the edits users make between check and clear, for core's tests and the hosts' fakes to replay.
import type { CellValue, CheckOptions, MergedArea, SheetGrid, WorkbookGrids } from '../../core/types';

/** A user's fill on some input cells, so that Clear has something real to restore. */
export const USER_FILL = '#DDEBF7';

/** What a user does to a checked workbook before Clear or the next check; rows are 0-based. */
export interface UserEdit {
  /** The host id of the sheet edited. */
  sheetId: string;
  rename?: string;
  /** `count` empty rows inserted before row `before`. */
  insertRows?: { before: number; count: number };
  /** Row `row` deleted (the rows below move up). */
  deleteRow?: number;
  /** Rows `first`… re-ordered (a sort): the row now at `first + i` is the one that was at `order[i]`. */
  reorder?: { first: number; order: number[] };
}

export interface HostileCase {
  name: string;
  /** What goes wrong without the protection this case tests. */
  about: string;
  grids: () => WorkbookGrids;
  /** Check options of the first run, and of the second run (a language switch). */
  options?: CheckOptions;
  secondOptions?: CheckOptions;
  /** Edits between check and Clear (or the next check). */
  edits?: (original: WorkbookGrids) => UserEdit[];
  /** Recorded highlights Clear cannot find after the edits (their row was deleted), reported as W_HIGHLIGHT_NOT_FOUND. */
  lostAfterEdits?: number;
}

// ---------------------------------------------------------------------------------------------
// Building sheets
// ---------------------------------------------------------------------------------------------

const blankLike = <T>(values: CellValue[][]): (T | null)[][] => values.map((row) => row.map(() => null));

/** A sheet with a host id and every per-cell layer present (fills known, no formulas, notes or merges yet). */
export function hostSheet(name: string, id: string, values: CellValue[][]): SheetGrid {
  return { name, id, values, fills: blankLike(values), formulas: blankLike(values), notes: blankLike(values), merges: [] };
}

/** Sets a cell's value and, optionally, formula, note and fill, growing every layer as needed. */
export function setCell(sheet: SheetGrid, row: number, col: number, cell: { value?: CellValue; formula?: string; note?: string; fill?: string }): void {
  const layers: [(CellValue | string | null)[][] | undefined, CellValue | string | undefined][] = [
    [sheet.values, cell.value],
    [sheet.fills, cell.fill],
    [sheet.formulas, cell.formula],
    [sheet.notes, cell.note],
  ];
  for (const [layer] of layers) if (layer) pad(layer, row, col);
  for (const [layer, value] of layers) if (layer && value !== undefined) layer[row][col] = value;
}

function pad(matrix: unknown[][], row: number, col: number): void {
  while (matrix.length <= row) matrix.push([]);
  const line = matrix[row];
  while (line.length <= col) line.push(null);
}

const INDICATOR_HEADER: CellValue[] = ['Mål', 'Indikator', 'Periodens utfall', 'Prognos helår', 'Årsmål', 'Period'];

/**
 * The indicator rows: every fifth has an unreadable outcome (E_NUMBER, error, on a cell the user filled
 * light blue), every seventh a missing target (E_TARGET_MISSING, error); the rest are clean.
 */
function indicatorRows(count: number): { values: CellValue[][]; userFilled: { row: number; col: number }[] } {
  const values: CellValue[][] = [INDICATOR_HEADER.slice()];
  const userFilled: { row: number; col: number }[] = [];
  for (let i = 1; i <= count; i++) {
    const goal = i % 2 === 0 ? '1.2' : '1.1';
    const name = `Indikator ${String(i).padStart(3, '0')} ${i % 3 === 0 ? 'andel' : 'antal'}`;
    const outcome = i % 5 === 0 ? 'ej känt' : `${30 + (i % 40)} %`;
    if (i % 5 === 0) userFilled.push({ row: i, col: 2 });
    const target = i % 7 === 0 ? null : `${50 + (i % 30)} %`;
    values.push([goal, name, outcome, null, target, 'Tertial 1 2024']);
  }
  return { values, userFilled };
}

/** The base workbook: Inställningar, Mål (one unreadable Bedömning) and Indikatorer with `rows` rows, ids 1–3. */
export function baseWorkbook(rows = 12): WorkbookGrids {
  const settings = hostSheet('Inställningar', '1', [['Rapportperiod', 'Tertial 1 2024']]);
  const goals = hostSheet('Mål', '2', [
    ['Nummer', 'Mål', 'Bedömning', 'Analys'],
    ['1', 'Ett Stockholm som håller ihop', null, null],
    ['1.1', 'Alla barn har en meningsfull fritid', 'Uppfylls helt', 'Besöken ökar.'],
    ['1.2', 'Äldre känner sig trygga', 'Uppfylls kanske', null],
  ]);
  setCell(goals, 3, 2, { fill: '#FFFF00' }); // the unreadable Bedömning is yellow already
  const built = indicatorRows(rows);
  const indicators = hostSheet('Indikatorer', '3', built.values);
  for (const { row, col } of built.userFilled) setCell(indicators, row, col, { fill: USER_FILL });
  setCell(indicators, 0, 1, { note: 'Namnen enligt verksamhetsplanen' }); // a note inside the table
  return { sheets: [settings, goals, indicators] };
}

const sheetOf = (grids: WorkbookGrids, name: string): SheetGrid => {
  const found = grids.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

// ---------------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------------

function withUserSheets(names: [string, string]): WorkbookGrids {
  const grids = baseWorkbook();
  const summary = hostSheet(names[0], 'u1', [['Min egen sammanställning', null], ['Summa', 12]]);
  setCell(summary, 1, 1, { formula: '=SUMMA(Indikatorer!D2:D3)', fill: '#C6EFCE' });
  setCell(summary, 0, 0, { note: 'Skrivet av controllern' });
  summary.merges = [{ top: 0, left: 0, bottom: 0, right: 1 }];
  const validation = hostSheet(names[1], 'u2', [['Kontroller jag gjort'], ['Avstämt mot Agresso']]);
  grids.sheets.push(summary, validation);
  return grids;
}

/** 166 rows with a header-less helper column right of the table: formulas without a cached value or with a cached "". */
function helperFormulas(): WorkbookGrids {
  const grids = baseWorkbook(166);
  const indicators = sheetOf(grids, 'Indikatorer');
  for (let row = 1; row <= 166; row++) {
    setCell(indicators, row, 6, { value: row % 2 === 0 ? '' : null, formula: `=OM(C${row + 1}="";"";C${row + 1}*2)` });
  }
  return grids;
}

function noteInOutputArea(): WorkbookGrids {
  const grids = baseWorkbook();
  setCell(sheetOf(grids, 'Indikatorer'), 3, 6, { note: 'Fråga Eva om siffran' });
  return grids;
}

function mergeIntoOutput(): WorkbookGrids {
  const grids = baseWorkbook();
  const indicators = sheetOf(grids, 'Indikatorer');
  setCell(indicators, 2, 6, { value: 'Se kommentar' });
  const merges: MergedArea[] = [
    { top: 2, left: 6, bottom: 2, right: 8 }, // G3:I3 reaches into where the output columns would go
    { top: 20, left: 6, bottom: 21, right: 9 }, // below the table: no obstacle
  ];
  indicators.merges = merges;
  setCell(indicators, 20, 6, { value: 'Fotnot' });
  return grids;
}

/** A user's own `Status` column with formulas where Målkoll would write its Status. */
function userStatusFormulas(): WorkbookGrids {
  const grids = baseWorkbook();
  const indicators = sheetOf(grids, 'Indikatorer');
  setCell(indicators, 0, 6, { value: 'Status' });
  for (let row = 1; row < indicators.values.length; row++) setCell(indicators, row, 6, { value: 'OK', formula: `=OM(C${row + 1}>=E${row + 1};"OK";"Ej OK")` });
  return grids;
}

function userMalkoll(): WorkbookGrids {
  const grids = baseWorkbook();
  const own = hostSheet('_malkoll', 'u3', [['Mina anteckningar om Målkoll'], ['Testat i april']]);
  setCell(own, 1, 0, { fill: '#FFC000' });
  grids.sheets.push(own);
  return grids;
}

/** A second Årsmål column (E_DUPLICATE_COLUMN, an error on its header cell, which the user had filled). */
function duplicateHeader(): WorkbookGrids {
  const grids = baseWorkbook();
  const indicators = sheetOf(grids, 'Indikatorer');
  setCell(indicators, 0, 6, { value: 'Årsmål', fill: '#E2EFDA' });
  for (let row = 1; row < indicators.values.length; row++) setCell(indicators, row, 6, { value: '60 %' });
  return grids;
}

/** The data rows of the indicator table sorted by name, descending. */
function sortByNameDescending(original: WorkbookGrids): UserEdit[] {
  const rows = sheetOf(original, 'Indikatorer').values.slice(1);
  const order = rows.map((row, i) => ({ name: String(row[1]), at: i + 1 })).sort((x, y) => y.name.localeCompare(x.name)).map((r) => r.at);
  return [{ sheetId: '3', reorder: { first: 1, order } }];
}

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'user sheets called Sammanställning and Valideringsrapport',
    about: "the user's own sheets were replaced by Målkoll's",
    grids: () => withUserSheets(['Sammanställning', 'Valideringsrapport']),
  },
  {
    name: 'user sheets called sammanställning and valideringsrapport (lower case)',
    about: 'hosts match sheet names case-insensitively, so a lower-case name is the same sheet to them',
    grids: () => withUserSheets(['sammanställning', 'VALIDERINGSRAPPORT']),
  },
  {
    name: 'user sheets called Summary and Validation, checked in English',
    about: "the English names are taken by the user's sheets",
    grids: () => withUserSheets(['Summary', 'Validation']),
    options: { lang: 'en' },
  },
  {
    name: 'header-less helper column with uncomputed and "" formulas (166 rows)',
    about: 'Beräknad prognos was written over all 166 formulas',
    grids: helperFormulas,
  },
  {
    name: 'a note in the output area',
    about: 'the note was deleted by the output column',
    grids: noteInOutputArea,
  },
  {
    name: 'a merged cell reaching into the output columns',
    about: 'a status written under a merged area is hidden',
    grids: mergeIntoOutput,
  },
  {
    name: "a user's Status column made of formulas",
    about: 'an existing output column was overwritten although it holds formulas',
    grids: userStatusFormulas,
  },
  {
    name: "a user's own _malkoll sheet",
    about: "Målkoll's record replaced the user's sheet",
    grids: userMalkoll,
  },
  {
    name: 'rows inserted above the table between check and clear',
    about: 'Clear restored the fills of the wrong rows',
    grids: () => baseWorkbook(),
    edits: () => [{ sheetId: '3', insertRows: { before: 0, count: 3 } }, { sheetId: '2', insertRows: { before: 2, count: 1 } }],
  },
  {
    name: 'the indicator table sorted between check and clear',
    about: "Clear restored fills by address, so the user's colours ended up on other rows",
    grids: () => baseWorkbook(),
    edits: sortByNameDescending,
  },
  {
    name: 'the sheets renamed between check and clear',
    about: "Clear looked for the highlights on a sheet that no longer had that name and left Målkoll's colour",
    grids: () => baseWorkbook(),
    edits: () => [{ sheetId: '3', rename: 'KPI 2024' }, { sheetId: '2', rename: 'Mål och bedömning' }],
  },
  {
    name: 'a highlighted row deleted between check and clear',
    about: 'a recorded highlight whose row is gone must be reported, not silently dropped',
    grids: () => baseWorkbook(),
    edits: () => [{ sheetId: '3', deleteRow: 5 }],
    lostAfterEdits: 1,
  },
  {
    name: 'a highlighted header cell (a duplicate column) with rows inserted above the table',
    about: 'a highlight outside any row of the model has no row key: Clear finds it by its text',
    grids: duplicateHeader,
    edits: () => [{ sheetId: '3', insertRows: { before: 0, count: 2 } }],
  },
  {
    name: 'a language switch between two checks',
    about: 'a second pair of output sheets was added instead of the first pair being replaced',
    grids: () => baseWorkbook(),
    secondOptions: { lang: 'en' },
  },
];

// ---------------------------------------------------------------------------------------------
// Applying user edits
// ---------------------------------------------------------------------------------------------

type Layer = 'values' | 'fills' | 'formulas' | 'notes' | 'formats';
const LAYERS: Layer[] = ['values', 'fills', 'formulas', 'notes', 'formats'];

function copyGrid(sheet: SheetGrid): SheetGrid {
  const copy: SheetGrid = { ...sheet, values: sheet.values.map((r) => r.slice()) };
  for (const layer of LAYERS) if (sheet[layer]) (copy[layer] as unknown[][]) = (sheet[layer] as unknown[][]).map((r) => r.slice());
  if (sheet.merges) copy.merges = sheet.merges.map((m) => ({ ...m }));
  return copy;
}

/** The new 0-based row of an old row after an edit, or null when the row was deleted. */
export function movedRow(edit: UserEdit, row: number): number | null {
  if (edit.insertRows) return row >= edit.insertRows.before ? row + edit.insertRows.count : row;
  if (edit.deleteRow !== undefined) return row === edit.deleteRow ? null : row > edit.deleteRow ? row - 1 : row;
  if (edit.reorder) {
    const { first, order } = edit.reorder;
    const at = order.indexOf(row);
    return at < 0 ? row : first + at;
  }
  return row;
}

/** Applies a user's edits to grids (whole rows move, with every layer and merged area). */
export function applyEdits(grids: WorkbookGrids, edits: UserEdit[]): WorkbookGrids {
  let sheets = grids.sheets.map(copyGrid);
  for (const edit of edits) sheets = sheets.map((sheet) => (sheet.id === edit.sheetId ? applyEdit(sheet, edit) : sheet));
  return { sheets };
}

function applyEdit(sheet: SheetGrid, edit: UserEdit): SheetGrid {
  const edited = copyGrid(sheet);
  if (edit.rename) edited.name = edit.rename;
  if (!edit.insertRows && edit.deleteRow === undefined && !edit.reorder) return edited;
  for (const layer of LAYERS) {
    const rows = sheet[layer] as unknown[][] | undefined;
    if (!rows) continue;
    const moved: unknown[][] = [];
    rows.forEach((line, row) => {
      const to = movedRow(edit, row);
      if (to !== null) moved[to] = line.slice();
    });
    for (let r = 0; r < moved.length; r++) if (!moved[r]) moved[r] = [];
    (edited[layer] as unknown[][]) = moved;
  }
  edited.merges = (sheet.merges ?? []).flatMap((m) => {
    const top = movedRow(edit, m.top);
    const bottom = movedRow(edit, m.bottom);
    return top === null || bottom === null ? [] : [{ ...m, top, bottom }];
  });
  return edited;
}
