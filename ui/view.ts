// The compact view of a report that the panel shows (counts, goals, the first issues): what the Sheets server sends to the sidebar instead of the whole report.
import { proposalDiffers } from '../core/common/status';
import type { Issue, Report, Severity, Status } from '../core/types';

/** Long lists are cut so that a 50 000-issue workbook neither freezes the pane nor fills the sidebar's channel. */
export const MAX_ISSUES = 500;
export const MAX_ATTENTION = 200;

export interface PanelView {
  period: string | null;
  summary: Record<Severity, number>;
  statusCounts: Record<Status, number>;
  goals: number;
  /** Goals whose proposal differs from the nämnd's stated assessment. */
  goalsDiffering: number;
  /** Movement since the previous report (SPEC 5.8); null without a comparison. */
  comparison: { better: number; worse: number; same: number; new: number; removed: number } | null;
  /** The first MAX_ATTENTION indicators that are partly or not met, and how many there are. */
  attention: { status: Status; goal: string; name: string }[];
  attentionTotal: number;
  /** The first MAX_ISSUES issues, and how many there are. */
  issues: Issue[];
  issuesTotal: number;
}

/** The panel's view of a report. */
export function panelView(report: Report): PanelView {
  const statusCounts: Record<Status, number> = { helt: 0, delvis: 0, inte: 0, ej_bedomd: 0, ej_matt: 0 };
  const attention: PanelView['attention'] = [];
  let attentionTotal = 0;
  for (const indicator of report.indicators) {
    statusCounts[indicator.status]++;
    if (indicator.status === 'inte' || indicator.status === 'delvis') {
      attentionTotal++;
      if (attention.length < MAX_ATTENTION) attention.push({ status: indicator.status, goal: indicator.goal, name: indicator.name });
    }
  }
  return {
    period: report.period,
    summary: { error: report.summary.errors, warning: report.summary.warnings, info: report.summary.infos },
    statusCounts,
    goals: report.goals.length,
    goalsDiffering: report.goals.filter((goal) => proposalDiffers(goal.stated, goal.proposed)).length,
    comparison: report.comparison ? { ...report.comparison, removed: report.comparison.removed.length } : null,
    attention,
    attentionTotal,
    issues: report.issues.slice(0, MAX_ISSUES),
    issuesTotal: report.issues.length,
  };
}
