// The in-memory reference adapter: applies a WritePlan to WorkbookGrids the way a host would, so tests can check idempotency and restores without a host.
import { parseA1 } from '../../core/common/a1';
import type { CellValue, SheetGrid, WorkbookGrids, WritePlan } from '../../core/types';

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function copySheet(sheet: SheetGrid): SheetGrid {
  const copy: SheetGrid = { name: sheet.name, values: sheet.values.map((row) => row.slice()) };
  if (sheet.formats) copy.formats = sheet.formats.map((row) => row.slice());
  if (sheet.fills) copy.fills = sheet.fills.map((row) => row.slice());
  return copy;
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
 * fill changes, new sheets (replace / createIfMissing, appended at the end) and deleted sheets.
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
    const existing = find(newSheet.name);
    if (existing && newSheet.mode === 'createIfMissing') continue;
    if (existing) sheets = sheets.filter((s) => s !== existing);
    sheets.push({
      name: newSheet.name,
      values: newSheet.values.map((row) => row.slice()),
      formats: newSheet.values.map((row, r) => row.map((_, c) => newSheet.numberFormats?.[r]?.[c] ?? null)),
      fills: newSheet.values.map((row, r) => row.map((_, c) => newSheet.fills?.[r]?.[c] ?? null)),
    });
  }

  sheets = sheets.filter((s) => !plan.deleteSheets.some((name) => sameName(name, s.name)));
  return { sheets };
}
