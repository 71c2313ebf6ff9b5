// Building, counting and ordering issues.
import { a1 } from './a1';
import type { CellRef, Issue, Severity } from './types';

export function issueAt(severity: Severity, code: string, ref: CellRef, message: string): Issue {
  return { severity, code, sheet: ref.sheet, cell: a1(ref.row, ref.col), message };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; each in sheet order (as given) and cell order (row, then column). */
export function sortIssues(issues: Issue[], sheetOrder: string[]): Issue[] {
  const sheetIndex = new Map(sheetOrder.map((name, i) => [name, i]));
  const cellKey = (cell: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) return [0, 0];
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return [Number(m[2]), col];
  };
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((x, y) => {
      const a = x.issue;
      const b = y.issue;
      const bySeverity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
      if (bySeverity) return bySeverity;
      const bySheet = (sheetIndex.get(a.sheet) ?? 1e9) - (sheetIndex.get(b.sheet) ?? 1e9);
      if (bySheet) return bySheet;
      const [ra, ca] = cellKey(a.cell);
      const [rb, cb] = cellKey(b.cell);
      return ra - rb || ca - cb || x.i - y.i;
    })
    .map((x) => x.issue);
}

export function countIssues(issues: Issue[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const issue of issues) {
    if (issue.severity === 'error') errors++;
    else if (issue.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
