// Reader for an ILS report pasted into one sheet (SPEC 2.6). Placeholder until the report-layout work lands: recognises nothing.
import type { Activity, Goal, Indicator, Issue, Settings, SheetGrid, TableInfo } from './types';

export interface ReportLayoutResult {
  goals: Goal[];
  indicators: Indicator[];
  activities: Activity[];
  tables: TableInfo[];
  issues: Issue[];
}

/** True when the sheet is in report layout (goal heading rows and repeated table header rows). */
export function isReportLayout(_grid: SheetGrid): boolean {
  return false;
}

/** Reads a report-layout sheet into the model's goals, indicators and activities. */
export function readReportLayout(grid: SheetGrid, _settings: Settings): ReportLayoutResult {
  return { goals: [], indicators: [], activities: [], tables: [{ kind: 'report', sheet: grid.name, headerRow: 0, firstDataRow: 0, lastDataRow: -1, lastCol: 0, columns: {}, outputColumns: {} }], issues: [] };
}
