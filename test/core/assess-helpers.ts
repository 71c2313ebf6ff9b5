// Test factory for the assessment tests: Indicator, Goal and Activity objects from real fixture rows (or by hand), independent of core/read.ts.
import * as path from 'path';
import { parseDirectionText } from '../../core/judge/direction';
import { parseMethodText } from '../../core/judge/forecast';
import { parsePeriod } from '../../core/read/period';
import { parseAssessment } from '../../core/common/status';
import { cellText } from '../../core/common/text';
import { parseValue, reconcileUnits } from '../../core/read/values';
import type { Activity, CellRef, CellValue, Goal, Indicator, Level, ParsedValue, Periodicity, Settings, Status } from '../../core/types';
import { EAV_DIR, readTsv } from '../helpers/fixtures';

export const T1_2024 = parsePeriod('Tertial 1 2024');

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    periodText: 'Tertial 1 2024',
    period: T1_2024,
    partialThreshold: 0.8,
    lang: 'sv',
    planYear: 2024,
    goalHeltAbove: 0.75,
    goalDelvisFrom: 0.5,
    ...overrides,
  };
}

const INDICATOR_HEADERS: Record<string, string> = {
  Mål: 'goal', Indikator: 'name', Periodicitet: 'periodicity', Period: 'period', 'Periodens utfall': 'outcome',
  'Utfall män': 'outcomeMen', 'Utfall kvinnor': 'outcomeWomen', 'Utfall VB 2023': 'lastYear', 'Prognos helår': 'forecast',
  Årsmål: 'arsmal', 'KF:s årsmål': 'kfArsmal', Riktning: 'direction', Kommentar: 'comment',
  'Utfall föregående år samma period': 'lastYearSamePeriod', Prognosmetod: 'method', Delvisgräns: 'partialThreshold',
};
const VALUE_FIELDS = ['outcome', 'outcomeMen', 'outcomeWomen', 'lastYear', 'lastYearSamePeriod', 'forecast', 'arsmal', 'kfArsmal'];
const PERIODICITY: Record<string, Periodicity> = { År: 'ar', Tertial: 'tertial', Halvår: 'halvar', Kvartal: 'kvartal', Månad: 'manad' };

let indicatorGrid: CellValue[][] | null = null;
function indicatorTable(): CellValue[][] {
  indicatorGrid ??= readTsv(path.join(EAV_DIR, 'Indikatorer.tsv'));
  return indicatorGrid;
}

/**
 * The indicator on 1-based spreadsheet row `row` of the fixture's Indikatorer sheet, as text cells
 * by header. `changes` replaces cells by header (null = blank), e.g. `{ Kommentar: null }`; a
 * header not in the sheet adds that column at the right.
 */
export function fixtureCells(row: number, changes: Record<string, CellValue> = {}): Record<string, CellValue> {
  const [header, ...rest] = indicatorTable();
  const values = rest[row - 2];
  if (!values) throw new Error(`No fixture row ${row}`);
  const cells: Record<string, CellValue> = {};
  header.forEach((h, i) => (cells[String(h)] = values[i] ?? null));
  return { ...cells, ...changes };
}

/** Builds an Indicator from text cells by header, reading them the way SPEC 2–3 describe (units reconciled). */
export function makeIndicator(cells: Record<string, CellValue>, row = 1, sheet = 'Indikatorer', omitCells: string[] = []): Indicator {
  const headers = Object.keys(cells);
  const refs: Partial<Record<string, CellRef>> = {};
  const raw: Record<string, CellValue> = {};
  headers.forEach((h, col) => {
    const field = INDICATOR_HEADERS[h];
    if (!field) throw new Error(`Unknown header ${h}`);
    raw[field] = cells[h];
    if (!omitCells.includes(field)) refs[field] = { sheet, row: row - 1, col };
  });
  const parsed: Record<string, ParsedValue> = {};
  for (const field of VALUE_FIELDS) parsed[field] = parseValue(raw[field] ?? null);
  const reconciled = reconcileUnits(parsed);
  const v = reconciled.values;
  const text = (field: string) => cellText(raw[field] ?? null).trim();
  return {
    sheet,
    row: row - 1,
    goal: text('goal').replace(/\.$/, ''),
    name: text('name'),
    arsmal: v.arsmal,
    kfArsmal: v.kfArsmal,
    periodicity: PERIODICITY[text('periodicity')] ?? null,
    period: parsePeriod(raw.period ?? null, 2024),
    outcome: v.outcome,
    outcomeMen: v.outcomeMen,
    outcomeWomen: v.outcomeWomen,
    lastYear: v.lastYear,
    lastYearSamePeriod: v.lastYearSamePeriod,
    forecast: v.forecast,
    method: text('method') ? parseMethodText(text('method')) : null,
    direction: text('direction') ? parseDirectionText(text('direction')) : null,
    partialThreshold: null,
    unit: reconciled.unit,
    comment: text('comment'),
    stated: null,
    previousForecast: { kind: 'missing' },
    previousStated: null,
    cells: refs,
  };
}

/** The fixture indicator on spreadsheet row `row`, optionally changed (see fixtureCells). */
export function fixtureIndicator(row: number, changes: Record<string, CellValue> = {}, omitCells: string[] = []): Indicator {
  return makeIndicator(fixtureCells(row, changes), row, 'Indikatorer', omitCells);
}

/** Every fixture indicator row number (2 … last). */
export function fixtureIndicatorRows(): number[] {
  return indicatorTable()
    .slice(1)
    .map((_, i) => i + 2);
}

const LEVELS: Record<string, Level> = {
  Inriktningsmål: 'inriktningsmal', Verksamhetsområdesmål: 'verksamhetsomradesmal', Nämndmål: 'namndmal', Enhetsmål: 'enhetsmal',
};

export function makeGoal(number: string, options: { level?: Level; stated?: Goal['stated']; analysis?: string; row?: number } = {}): Goal {
  const parts = number.split('.');
  const row = options.row ?? 1;
  return {
    sheet: 'Mål',
    row: row - 1,
    number,
    valid: true,
    title: `Mål ${number}`,
    level: options.level ?? (['inriktningsmal', 'verksamhetsomradesmal', 'namndmal', 'enhetsmal'] as Level[])[parts.length - 1],
    parent: parts.length > 1 ? parts.slice(0, -1).join('.') : null,
    stated: options.stated ?? null,
    analysis: options.analysis ?? '',
    expectedResult: '',
    actions: '',
    previousStated: null,
    cells: { level: { sheet: 'Mål', row: row - 1, col: 0 }, number: { sheet: 'Mål', row: row - 1, col: 1 }, stated: { sheet: 'Mål', row: row - 1, col: 3 } },
  };
}

/** The fixture's goals (Mål sheet: Nivå, Nummer, Mål, Bedömning, Analys). */
export function fixtureGoals(): Goal[] {
  const [, ...rows] = readTsv(path.join(EAV_DIR, 'Mål.tsv'));
  return rows.map((r, i) => {
    const stated = parseAssessment(cellText(r[3]));
    return {
      ...makeGoal(cellText(r[1]), { level: LEVELS[cellText(r[0])], row: i + 2, analysis: cellText(r[4]) }),
      title: cellText(r[2]),
      stated: stated === 'invalid' ? null : stated,
    };
  });
}

export function makeActivity(goal: string, status: Activity['status'], overdue = false): Activity {
  // On a sheet with a Status column: it reports on progress (SPEC 5.5).
  const cells = { status: { sheet: 'Aktiviteter', row: 1, col: 2 } };
  return { sheet: 'Aktiviteter', row: 1, goal, name: `Aktivitet ${goal}`, start: '2024-01-01', end: '2024-12-31', status, deviation: '', overdue, cells };
}

/** The fixture's activities (Aktiviteter sheet: Mål, Aktivitet, Startdatum, Slutdatum, Avvikelse; no status column, so Avvikelse is the report). */
export function fixtureActivities(): Activity[] {
  const [, ...rows] = readTsv(path.join(EAV_DIR, 'Aktiviteter.tsv'));
  return rows.map((r, i) => ({
    sheet: 'Aktiviteter',
    row: i + 1,
    goal: cellText(r[0]).replace(/\.$/, ''),
    name: cellText(r[1]),
    start: r[2] ? cellText(r[2]) : null,
    end: r[3] ? cellText(r[3]) : null,
    status: null,
    deviation: cellText(r[4]),
    overdue: false,
    // The sheet has an Avvikelse column: it reports on progress (SPEC 5.5).
    cells: { deviation: { sheet: 'Aktiviteter', row: i + 1, col: 4 } },
  }));
}

// The document's own judgement of the 27 rows with a Prognos helår, from the report's texts (Mål.tsv, Analys):
// 1.1 "en av två indikatorer uppfylls helt"; 1.1.1 "indikatorn uppnås delvis"; 1.2 "tre av sex helt och två
// delvis" (15,4 st was a revised, ambitious target); 1.3 forecasts at/below target; 2.1.1 and 3.1.1 "indikatorn
// bedöms uppfyllas"; 3.2 "fem av sex helt och en inte" (50 of 80 Stockholmsjobb); 3.3 "två av tre helt och en
// inte" (vräkningar, target 0); 3.4 "samtliga sex"; 3.5.1, 3.7.1 "indikatorerna uppnås".
export const DOCUMENT_T1_2024: Record<number, Status> = {
  3: 'helt', 4: 'delvis', 6: 'helt', 7: 'helt', 8: 'helt', 9: 'delvis', 11: 'helt', 18: 'delvis', 19: 'delvis',
  50: 'helt', 56: 'helt', 59: 'helt', 60: 'inte', 61: 'helt', 62: 'helt', 63: 'helt', 65: 'inte', 67: 'helt',
  68: 'helt', 69: 'helt', 70: 'helt', 71: 'helt', 76: 'helt', 77: 'helt', 78: 'helt', 83: 'helt', 84: 'helt',
};
