// The panel's compact view of a report (SPEC 8: counts, goals, the first 500 issues) against the report it comes from.
import { check } from '../../core/check';
import { proposalDiffers } from '../../core/common/status';
import type { Issue, Report } from '../../core/types';
import { panelView, MAX_ISSUES } from '../../ui/view';
import { eavTextWorkbook } from '../helpers/fixtures';

describe('panelView', () => {
  it('counts what the report holds and keeps every issue of a small report', () => {
    const { report } = check(eavTextWorkbook());
    const view = panelView(report);
    expect(view.issues).toEqual(report.issues);
    expect(view.issuesTotal).toBe(report.issues.length);
    expect(view.summary).toEqual({ error: report.summary.errors, warning: report.summary.warnings, info: report.summary.infos });
    for (const status of ['helt', 'delvis', 'inte', 'ej_bedomd', 'ej_matt'] as const) {
      expect(view.statusCounts[status]).toBe(report.indicators.filter((i) => i.status === status).length);
    }
    expect(view.goals).toBe(report.goals.length);
    expect(view.goalsDiffering).toBe(report.goals.filter((g) => proposalDiffers(g.stated, g.proposed)).length);
    expect(view.attentionTotal).toBe(report.indicators.filter((i) => i.status === 'inte' || i.status === 'delvis').length);
  });

  it('sends the first 500 issues of 20 000 and the totals, a fraction of the report', () => {
    const { report } = check(eavTextWorkbook());
    const issue: Issue = report.issues[0];
    const big: Report = { ...report, issues: Array.from({ length: 20000 }, (_, i) => ({ ...issue, cell: `A${i + 1}` })) };
    const view = panelView(big);
    expect(view.issues).toHaveLength(MAX_ISSUES);
    expect(view.issues[499].cell).toBe('A500');
    expect(view.issuesTotal).toBe(20000);
    expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(big).length / 10);
  });
});
