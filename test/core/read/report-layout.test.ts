// The real T1 2024 report (inriktningsmål 1) pasted as one sheet reads into the same goals, indicators, activities and statuses as the fixture tables.
import { assess } from '../../../core/judge/assess';
import { check } from '../../../core/check';
import { readWorkbook } from '../../../core/read/read';
import { isReportLayout, readReportLayout } from '../../../core/read/report-layout';
import type { Activity, Indicator, WorkbookGrids, WorkbookModel } from '../../../core/types';
import { eavReportSheet, eavTextWorkbook } from '../../helpers/fixtures';

const underGoal1 = (number: string): boolean => number === '1' || number.startsWith('1.');
const key = (item: { goal: string; name: string }): string => `${item.goal} | ${item.name}`;

function tableModel(): WorkbookModel {
  const { model } = readWorkbook(eavTextWorkbook());
  return {
    ...model,
    goals: model.goals.filter((g) => underGoal1(g.number)),
    indicators: model.indicators.filter((i) => underGoal1(i.goal)),
    activities: model.activities.filter((a) => underGoal1(a.goal)),
  };
}

/** The report sheet with the fixture's Inställningar sheet (Rapportperiod Tertial 1 2024). */
function reportWorkbook(withSettings: boolean): WorkbookGrids {
  const settings = eavTextWorkbook().sheets.filter((s) => s.name === 'Inställningar');
  return { sheets: [...(withSettings ? settings : []), eavReportSheet()] };
}

function byKey<T extends { goal: string; name: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((item) => [key(item), item]));
}

/** The compared fields of an indicator: parsed values, not the cells they came from. */
function indicatorFacts(i: Indicator) {
  return { goal: i.goal, name: i.name, arsmal: i.arsmal, kfArsmal: i.kfArsmal, outcome: i.outcome, forecast: i.forecast, period: i.period };
}

function activityFacts(a: Activity) {
  return { goal: a.goal, name: a.name, start: a.start, end: a.end };
}

describe.each([
  ['with the Inställningar sheet', true],
  ['without settings (the Period column gives the period)', false],
])('the T1 2024 report pasted into one sheet, %s', (_title, withSettings) => {
  const table = tableModel();
  const { model, issues } = readWorkbook(reportWorkbook(withSettings));

  it('is recognised as report layout and read as one report table', () => {
    expect(isReportLayout(eavReportSheet())).toBe(true);
    expect(model.tables.filter((t) => t.sheet === 'Rapport').map((t) => t.kind)).toEqual(['report']);
    expect(model.hasGoalsSheet).toBe(true);
  });

  it('gives the goals of inriktningsmål 1 with their numbers, titles, levels and stated assessments', () => {
    const facts = (m: WorkbookModel) => m.goals.map((g) => ({ number: g.number, title: g.title, level: g.level, stated: g.stated, parent: g.parent }));
    expect(table.goals).toHaveLength(16);
    expect(facts(model)).toEqual(facts(table));
  });

  it('gives every goal the analysis written under it, and cells in the pasted sheet', () => {
    const goal1 = model.goals[0];
    expect(goal1.analysis).toMatch(/^Förvaltningen bedömer att det arbete som pågår/);
    expect(goal1.cells.number).toEqual({ sheet: 'Rapport', row: 2, col: 0 });
    expect(goal1.cells.stated).toEqual({ sheet: 'Rapport', row: 4, col: 0 });
    // The table fixture's analysis is a shortened form of the report's text.
    for (const goal of model.goals) {
      const tableGoal = table.goals.find((g) => g.number === goal.number)!;
      if (tableGoal.analysis) expect(goal.analysis).toContain(tableGoal.analysis.slice(0, 60));
    }
    // Beskrivning and Förväntat resultat are not the analysis.
    const namndmal = model.goals.find((g) => g.number === '1.1.1')!;
    expect(namndmal.analysis).toMatch(/^Förvaltningen bedömer att nämndmålet kommer att uppfyllas helt/);
    expect(namndmal.analysis).not.toContain('Förväntat resultat');
  });

  it('gives the same indicators under the same goals with the same parsed values', () => {
    expect(table.indicators).toHaveLength(46);
    const fromTable = byKey(table.indicators);
    expect(model.indicators.map(key).sort()).toEqual(table.indicators.map(key).sort());
    for (const indicator of model.indicators) {
      expect(indicatorFacts(indicator)).toEqual(indicatorFacts(fromTable.get(key(indicator))!));
    }
  });

  it('joins names split over a page break and gives Analys rows to the indicator above', () => {
    const fromTable = byKey(table.indicators);
    for (const indicator of model.indicators) expect(indicator.comment).toBe(fromTable.get(key(indicator))!.comment);
    const split = model.indicators.find((i) => i.name.startsWith('Andel brukare inom socialpsykiatrin'))!;
    expect(split.name).toBe('Andel brukare inom socialpsykiatrin som inte upplever diskriminering');
    expect(split.comment).toMatch(/^Resultatet från brukarundersökningarna/);
    expect(split.cells.name).toEqual({ sheet: 'Rapport', row: 389, col: 0 });
  });

  it('reads the rows behind a marker column with their values under the right headers', () => {
    const shifted = model.indicators.find((i) => i.name.startsWith('Andel personer som själva upplever'))!;
    expect(shifted.cells.name).toEqual({ sheet: 'Rapport', row: 399, col: 1 });
    expect(shifted.name).toMatch(/från socialtjänsten \(vuxna missbruk, socialpsykiatri, våld i nära relation\)$/);
    expect(shifted.kfArsmal).toEqual({ kind: 'pending', text: 'Faststälts 2024' });
  });

  it('gives the same activities under the same goals with the same dates', () => {
    expect(table.activities).toHaveLength(36);
    expect(model.activities.map(activityFacts)).toEqual(table.activities.map(activityFacts));
  });

  it('gives every indicator the same status as the table fixture', () => {
    const statuses = (m: WorkbookModel) => new Map(assess(m).indicators.map((r) => [key(r.indicator), r.status]));
    const fromTable = statuses(table);
    const fromReport = statuses(model);
    expect(fromReport.size).toBe(46);
    for (const [name, status] of fromReport) expect([name, status]).toEqual([name, fromTable.get(name)]);
  });

  it('raises no reading error on the real report', () => {
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(issues.filter((i) => i.code === 'I_GOAL_NUMBERED')).toEqual([]);
  });
});

describe('checking a workbook that is only the pasted report', () => {
  const grids: WorkbookGrids = { sheets: [eavReportSheet()] };
  const { report, plan } = check(grids);

  it('writes nothing into the pasted sheet except highlights', () => {
    expect(plan.blocks.filter((b) => b.sheet === 'Rapport')).toEqual([]);
    expect(plan.sheets.map((s) => s.name)).not.toContain('Rapport');
    expect(plan.deleteSheets).not.toContain('Rapport');
    expect(plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Sammanställning', 'Valideringsrapport']));
    for (const change of plan.fills.filter((f) => f.sheet === 'Rapport')) expect(change.cells.length).toBeGreaterThan(0);
  });

  it('reports the goals and indicators read from the report', () => {
    expect(report.goals.map((g) => g.number)).toEqual(readReportLayout(eavReportSheet(), readWorkbook(grids).model.settings).goals.map((g) => g.number));
    expect(report.indicators).toHaveLength(46);
    expect(report.indicators.every((i) => i.sheet === 'Rapport')).toBe(true);
    expect(report.issues.filter((i) => i.code === 'E_INTERNAL')).toEqual([]);
  });
});
