// Builds the T1 2024 workbook with the previous report's figures typed into Föregående prognos / Föregående bedömning, as a controller pastes them (SPEC 5.8).
import type { Report, SheetGrid, WorkbookGrids } from '../../core/types';

const STATUS_WORDS = { helt: 'Uppfylls helt', delvis: 'Uppfylls delvis', inte: 'Uppfylls inte', ej_bedomd: 'Ej bedömd', ej_matt: 'Ej mätt' } as const;

function sheet(grids: WorkbookGrids, name: string): SheetGrid {
  const found = grids.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The T1 workbook with Föregående prognos and Föregående bedömning columns typed in from a report's previous values. */
export function withPreviousColumns(grids: WorkbookGrids, report: Report): WorkbookGrids {
  const indicators = sheet(grids, 'Indikatorer');
  const width = indicators.values[0].length;
  indicators.values[0][width] = 'Föregående prognos';
  indicators.values[0][width + 1] = 'Föregående bedömning';
  for (const ind of report.indicators) {
    const row = indicators.values[ind.row - 1];
    const value = ind.previous?.value;
    row[width] = value === null || value === undefined ? null : `${String(value).replace('.', ',')}${ind.unit === '%' ? ' %' : ''}`;
    row[width + 1] = ind.previous?.status ? STATUS_WORDS[ind.previous.status] : null;
  }
  const goals = sheet(grids, 'Mål');
  const goalWidth = goals.values[0].length;
  goals.values[0][goalWidth] = 'Föregående bedömning';
  for (const goal of report.goals) {
    const line = goals.values.findIndex((r) => r[1] === goal.number);
    goals.values[line][goalWidth] = goal.previous?.status ? STATUS_WORDS[goal.previous.status] : null;
  }
  return grids;
}

