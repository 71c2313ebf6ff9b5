// Writes a generated workbook to an .xlsx file typed the way a controller's Excel holds it (numbers, percentages, dates), for the CLI benchmark.
import * as ExcelJS from 'exceljs';
import type { WorkbookGrids } from '../core/types';
import { typedCell } from '../scripts/build-example';

/** Saves the grids as an .xlsx: header rows as text, every other cell typed by the example builder's rules. */
export async function writeWorkbookFile(grids: WorkbookGrids, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids.sheets) {
    const worksheet = workbook.addWorksheet(grid.name);
    grid.values.forEach((row, r) => {
      if (r === 0) {
        worksheet.addRow(row.map((v) => (v === null ? null : String(v))));
        return;
      }
      const typed = row.map(typedCell);
      const added = worksheet.addRow(typed.map((t) => t.value));
      typed.forEach((t, c) => {
        if (t.numFmt) added.getCell(c + 1).numFmt = t.numFmt;
      });
    });
  }
  await workbook.xlsx.writeFile(file);
}
