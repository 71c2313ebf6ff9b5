import { check } from '../../../core/check';
import { readSettings } from '../../../core/read/read';
import { DEFAULT_SETTINGS } from '../../../core/common/settings';

describe('settings', () => {
  it('defaults to Delvisgräns 80 %, Swedish and the 0,75/0,5 goal thresholds', () => {
    expect(readSettings(null).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('reports an unreadable --period at A1 of the first sheet when there is no settings sheet', () => {
    const grids = { sheets: [{ name: 'Indikatorer', values: [['Mål', 'Indikator', 'Årsmål'], ['1.1', 'Andel', '80 %']] }] };
    const { report } = check(grids, { period: 'nästa vecka' });
    const issue = report.issues.find((i) => i.code === 'E_PERIOD');
    expect(issue).toMatchObject({ sheet: 'Indikatorer', cell: 'A1', severity: 'error' });
    expect(issue?.message).toContain('nästa vecka');
  });
});

describe('report period without Inställningar', () => {
  const { eavReportSheet, eavTextWorkbook } = require('../../helpers/fixtures') as typeof import('../../helpers/fixtures');

  it('is taken from the Period column of a pasted T1 report (tertial rows first, not the annual "2024")', () => {
    const { report } = check({ sheets: [eavReportSheet()] });
    expect(report.period).toBe('Tertial 1 2024');
  });

  it('is the same as with the settings sheet for the table workbook', () => {
    const withSettings = eavTextWorkbook();
    const without = { sheets: withSettings.sheets.filter((s) => s.name !== 'Inställningar') };
    const a = check(withSettings).report;
    const b = check(without).report;
    expect(b.period).toBe(a.period);
    expect(b.issues.filter((i) => i.code === 'W_ACTIVITY_OVERDUE')).toEqual(a.issues.filter((i) => i.code === 'W_ACTIVITY_OVERDUE'));
  });

  it('stays empty when no indicator names a period', () => {
    const grids = { sheets: [{ name: 'Indikatorer', values: [['Mål', 'Indikator', 'Årsmål'], ['1.1', 'Andel', '80 %']] }] };
    expect(check(grids).report.period).toBeNull();
  });
});
