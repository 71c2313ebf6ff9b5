import { check } from '../../core/check';
import { readSettings } from '../../core/read';
import { DEFAULT_SETTINGS } from '../../core/settings';

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
