// Tests that readWorkbook hands pasted reports to the report-layout reader and merges what it returns (the reader itself is tested with its module).
import type { Settings, SheetGrid } from '../../../core/types';

jest.mock('../../../core/read/report-layout', () => ({
  isReportLayout: (grid: SheetGrid) => grid.values[0]?.[0] === 'Uppföljning av Kommunfullmäktiges inriktningsmål',
  readReportLayout: (grid: SheetGrid, settings: Settings) => ({
    goals: [{ sheet: grid.name, row: 2, number: '1', valid: true, title: 'Ett Stockholm', level: 'inriktningsmal', parent: null, stated: 'helt', analysis: '', cells: { number: { sheet: grid.name, row: 2, col: 0 } } }],
    indicators: [],
    activities: [],
    tables: [{ kind: 'report', sheet: grid.name, headerRow: 5, firstDataRow: 6, lastDataRow: 9, lastCol: 8, columns: {}, outputColumns: {} }],
    issues: [{ severity: 'info', code: 'I_SEEN', sheet: grid.name, cell: 'A1', message: String(settings.period?.text) }],
  }),
}));

import { readWorkbook } from '../../../core/read/read';

const REPORT = [['Uppföljning av Kommunfullmäktiges inriktningsmål'], [], ['KF:s inriktningsmål: 1. Ett Stockholm']];

describe('report layout', () => {
  test('an unnamed sheet in report layout is read by the layout reader, with the settings', () => {
    const { model, issues } = readWorkbook({ sheets: [{ name: 'Rapport T1', values: REPORT }] }, { period: 'T1 2024' });
    expect(model.goals.map((g) => g.number)).toEqual(['1']);
    expect(model.tables).toEqual([expect.objectContaining({ kind: 'report', sheet: 'Rapport T1' })]);
    expect(model.hasGoalsSheet).toBe(true);
    expect(issues).toEqual([expect.objectContaining({ code: 'I_SEEN', message: 'T1 2024' })]);
  });

  test('a sheet named like an input sheet but pasted as a report is read as a report, not E_NO_TABLE', () => {
    const { model, issues } = readWorkbook({ sheets: [{ name: 'Mål och bedömning', values: REPORT }] });
    expect(issues.map((i) => i.code)).toEqual(['I_SEEN']);
    expect(model.goals).toHaveLength(1);
  });

  test('a sheet with its table is read as a table even beside a report', () => {
    const { model } = readWorkbook({
      sheets: [
        { name: 'Rapport', values: REPORT },
        { name: 'Indikatorer', values: [['Mål', 'Indikator', 'Årsmål'], ['1', 'A', '5']] },
      ],
    });
    expect(model.tables.map((t) => t.kind)).toEqual(['report', 'indicators']);
    expect(model.indicators).toHaveLength(1);
  });
});
