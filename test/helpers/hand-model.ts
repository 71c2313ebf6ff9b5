// A small hand-made workbook (two goals, three indicator rows from the T1 2024 fixture) with its model and assessment, for plan and summary tests.
import type { AssessResults } from '../../core/write/plan';
import type { CellValue, Goal, Indicator, IndicatorResult, SheetGrid, Status, TableInfo, WorkbookGrids, WorkbookModel } from '../../core/types';


export const GOAL_VALUES: CellValue[][] = [
  ['Nivå', 'Nummer', 'Mål', 'Bedömning'],
  ['Verksamhetsområdesmål', '1.1', 'Alla barn och ungdomar ska ges möjlighet till jämlika uppväxtvillkor', 'Uppfylls helt'],
  ['Nämndmål', '1.1.1', 'Alla barn och unga i stadsdelsområdet har en meningsfull fritid', 'Uppfylls helt'],
];

export const INDICATOR_VALUES: CellValue[][] = [
  ['Mål', 'Indikator', 'Periodens utfall', 'Prognos helår', 'Årsmål'],
  ['1.1', 'Andel barn som lever i familjer som har ekonomiskt bistånd', '2,9 %', '3 %', '3 %'],
  [null, null, null, null, null],
  ['1.1.1', 'Andel flickor som besöker fritidsgårdarna', '38,87 %', null, '40 %'],
  ['1.1.1', 'Antal besök på fritidsgårdarna', '1 330 st', null, '4 000 st'],
];

export function grids(fills?: { goals?: (string | null)[][]; indicators?: (string | null)[][] }): WorkbookGrids {
  const goals: SheetGrid = { name: 'Mål', values: GOAL_VALUES.map((r) => r.slice()) };
  const indicators: SheetGrid = { name: 'Indikatorer', values: INDICATOR_VALUES.map((r) => r.slice()) };
  if (fills?.goals) goals.fills = fills.goals;
  if (fills?.indicators) indicators.fills = fills.indicators;
  return { sheets: [goals, indicators] };
}

export const emptyFills = (values: CellValue[][]): (string | null)[][] => values.map((r) => r.map(() => null));

export const indicatorTable = (over: Partial<TableInfo> = {}): TableInfo => ({
  kind: 'indicators',
  sheet: 'Indikatorer',
  headerRow: 0,
  firstDataRow: 1,
  lastDataRow: 4,
  lastCol: 4,
  columns: { goal: 0, name: 1, outcome: 2, forecast: 3, arsmal: 4 },
  outputColumns: {},
  ...over,
});

export const goalTable = (over: Partial<TableInfo> = {}): TableInfo => ({
  kind: 'goals',
  sheet: 'Mål',
  headerRow: 0,
  firstDataRow: 1,
  lastDataRow: 2,
  lastCol: 3,
  columns: { level: 0, number: 1, title: 2, stated: 3 },
  outputColumns: {},
  ...over,
});

export const missing = { kind: 'missing' } as const;

export function indicator(row: number, goal: string, name: string, comment = ''): Indicator {
  return {
    sheet: 'Indikatorer', row, goal, name,
    arsmal: missing, kfArsmal: missing, periodicity: 'tertial', period: null,
    outcome: missing, outcomeMen: missing, outcomeWomen: missing, lastYear: missing, lastYearSamePeriod: missing,
    forecast: missing, method: null, direction: null, partialThreshold: null, unit: '%', comment,
    stated: null, previousForecast: missing, previousStated: null,
    cells: { goal: { sheet: 'Indikatorer', row, col: 0 }, name: { sheet: 'Indikatorer', row, col: 1 } },
  };
}

export function result(ind: Indicator, status: Status, over: Partial<IndicatorResult> = {}): IndicatorResult {
  return {
    indicator: ind, unit: '%', direction: 'higher', directionSource: 'column', value: null, valueSource: 'none',
    computedForecast: null, target: null, targetSource: 'arsmal', status, achievement: null,
    judged: status === 'helt' || status === 'delvis' || status === 'inte' ? status : null,
    judgedSource: status === 'helt' || status === 'delvis' || status === 'inte' ? 'status' : 'none', ...over,
  };
}

export function goal(row: number, number: string, level: Goal['level'], stated: Goal['stated']): Goal {
  return {
    sheet: 'Mål', row, number, valid: true, title: String(GOAL_VALUES[row][2]), level,
    parent: number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : null, stated, analysis: '', expectedResult: '', actions: '', previousStated: null,
    cells: { number: { sheet: 'Mål', row, col: 1 } },
  };
}

export const counts = (over: Partial<Record<Status, number>> = {}) => ({ helt: 0, delvis: 0, inte: 0, ej_bedomd: 0, ej_matt: 0, ...over });

export function model(tables: TableInfo[] = [goalTable(), indicatorTable()]): WorkbookModel {
  return {
    settings: { periodText: 'Tertial 1 2024', period: null, partialThreshold: 0.8, lang: 'sv', planYear: 2024, goalHeltAbove: 0.75, goalDelvisFrom: 0.5 },
    goals: [goal(1, '1.1', 'verksamhetsomradesmal', 'helt'), goal(2, '1.1.1', 'namndmal', 'helt')],
    indicators: [],
    activities: [],
    budget: [],
    tables,
    hasGoalsSheet: true,
  };
}

export function results(): AssessResults {
  const i1 = indicator(1, '1.1', String(INDICATOR_VALUES[1][1]));
  const i2 = indicator(3, '1.1.1', String(INDICATOR_VALUES[3][1]));
  const i3 = indicator(4, '1.1.1', String(INDICATOR_VALUES[4][1]));
  const m = model();
  return {
    indicators: [
      result(i1, 'helt', { value: 3, valueSource: 'prognos', target: 3, achievement: 1 }),
      result(i2, 'delvis', { value: 38.87, valueSource: 'computed', computedForecast: 38.87, target: 40, achievement: 0.97175 }),
      result(i3, 'inte', { unit: 'st', value: 3990, valueSource: 'computed', computedForecast: 3990.0000000000005, target: 4000, achievement: 0.9975 }),
    ],
    goals: [
      { goal: m.goals[0], proposed: 'helt', score: 1, counts: counts({ helt: 1 }), sentence: 'Indikatorn bedöms uppfyllas helt.' },
      { goal: m.goals[1], proposed: 'delvis', score: 0.25, counts: counts({ delvis: 1, inte: 1 }), sentence: 'En indikator bedöms uppfyllas delvis och en inte.' },
    ],
  };
}

