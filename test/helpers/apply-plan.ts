// The in-memory reference adapter: applies a WritePlan to WorkbookGrids the way a host would, so tests can check idempotency and restores without a host.
import { parseA1 } from '../../core/common/a1';
import type { CellValue, SheetGrid, WorkbookGrids, WritePlan } from '../../core/types';

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function copySheet(sheet: SheetGrid): SheetGrid {
  const copy: SheetGrid = { name: sheet.name, values: sheet.values.map((row) => row.slice()) };
  if (sheet.id !== undefined) copy.id = sheet.id;
  if (sheet.formats) copy.formats = sheet.formats.map((row) => row.slice());
  if (sheet.fills) copy.fills = sheet.fills.map((row) => row.slice());
  if (sheet.formulas) copy.formulas = sheet.formulas.map((row) => row.slice());
  if (sheet.notes) copy.notes = sheet.notes.map((row) => row.slice());
  if (sheet.merges) copy.merges = sheet.merges.map((m) => ({ ...m }));
  return copy;
}

/** A fresh sheet id for a created sheet when the workbook's sheets have ids (as every host gives them). */
function newSheetId(sheets: SheetGrid[]): string | undefined {
  if (!sheets.some((s) => s.id !== undefined)) return undefined;
  const used = new Set(sheets.map((s) => s.id));
  let n = sheets.length + 1;
  while (used.has(`new-${n}`)) n++;
  return `new-${n}`;
}

/** Sets one cell of a ragged matrix, padding with null. */
function setCell<T>(matrix: (T | null)[][], row: number, col: number, value: T | null): void {
  while (matrix.length <= row) matrix.push([]);
  const line = matrix[row];
  while (line.length < col) line.push(null);
  line[col] = value;
}

function fillsOf(sheet: SheetGrid): (string | null)[][] {
  if (!sheet.fills) sheet.fills = sheet.values.map((row) => row.map(() => null));
  return sheet.fills;
}

function formatsOf(sheet: SheetGrid): (string | null)[][] {
  if (!sheet.formats) sheet.formats = sheet.values.map((row) => row.map(() => null));
  return sheet.formats;
}

/**
 * Returns new grids with the plan applied: blocks (values, formats where not null, fills where given),
 * fill changes, new sheets (replace: rewritten in place, found by NewSheet.id else by name, keeping the
 * sheet's id; createIfMissing; new ones appended at the end with a fresh id when the workbook has ids)
 * and deleted sheets. Formulas, notes and merges of the input are kept as they are.
 * Fonts, bold, widths, links and validations are presentation only and not kept in grids.
 */
export function applyPlanToGrids(grids: WorkbookGrids, plan: WritePlan): WorkbookGrids {
  let sheets = grids.sheets.map(copySheet);
  const find = (name: string): SheetGrid | undefined => sheets.find((s) => sameName(s.name, name));

  for (const block of plan.blocks) {
    const sheet = find(block.sheet);
    if (!sheet) throw new Error(`block for missing sheet ${block.sheet}`);
    block.values.forEach((line, r) =>
      line.forEach((value, c) => {
        const row = block.row + r;
        const col = block.col + c;
        setCell<CellValue>(sheet.values, row, col, value);
        const format = block.numberFormats?.[r]?.[c];
        if (format) setCell(formatsOf(sheet), row, col, format);
        if (block.fills) setCell(fillsOf(sheet), row, col, block.fills[r]?.[c] ?? null);
      }),
    );
  }

  for (const change of plan.fills) {
    const sheet = find(change.sheet);
    if (!sheet) throw new Error(`fill for missing sheet ${change.sheet}`);
    for (const address of change.cells) {
      const at = parseA1(address);
      if (!at) throw new Error(`bad address ${address}`);
      setCell(fillsOf(sheet), at.row, at.col, change.fill);
    }
  }

  for (const newSheet of plan.sheets) {
    const byId = newSheet.id !== undefined ? sheets.find((s) => s.id !== undefined && String(s.id) === newSheet.id) : undefined;
    const existing = byId ?? find(newSheet.name);
    if (existing && newSheet.mode === 'createIfMissing') continue;
    const written: SheetGrid = {
      name: newSheet.name,
      values: newSheet.values.map((row) => row.slice()),
      formats: newSheet.values.map((row, r) => row.map((_, c) => newSheet.numberFormats?.[r]?.[c] ?? null)),
      fills: newSheet.values.map((row, r) => row.map((_, c) => newSheet.fills?.[r]?.[c] ?? null)),
    };
    const id = existing ? existing.id : newSheetId(sheets);
    if (id !== undefined) written.id = id;
    // Replaced in place (keeping its position and id, renamed to the plan's name), else added at the end.
    if (existing) sheets = sheets.map((s) => (s === existing ? written : s));
    else sheets.push(written);
  }

  sheets = sheets.filter((s) => !plan.deleteSheets.some((name) => sameName(name, s.name)));
  return { sheets };
}
