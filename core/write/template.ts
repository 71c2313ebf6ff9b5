// "Skapa mall": the plan that creates the missing input sheets with headers, validation lists and one real example row each (SPEC 8).
import { canonicalHeaders, SHEET_NAMES, settingLabel, sheetKindByName } from '../read/schema';
import { STATUS_TEXT } from '../common/status';
import { LEVEL_TEXT } from './summary';
import { DIRECTION_TEXT } from '../judge/direction';
import { ACTIVITY_STATUS_TEXT } from '../judge/validate';
import { fold } from '../common/text';
import type { CellValue, Lang, NewSheet, SheetKind, WritePlan } from '../types';

/** Template sheets in the order they are created. */
const TEMPLATE_KINDS: SheetKind[] = ['goals', 'indicators', 'activities', 'finance', 'settings'];

/** Rows 1..VALIDATION_ROWS (0-based, below the header) get the validation lists. */
const VALIDATION_ROWS = 1000;

/** Allowed values of the list-like columns, per sheet kind and field. Every text is one the readers accept. */
const LISTS: Record<Lang, Partial<Record<SheetKind, Record<string, string[]>>>> = {
  sv: listsOf('sv', ['År', 'Tertial', 'Halvår', 'Kvartal', 'Månad'], ['Senaste värde', 'Linjär', 'Säsong', 'Manuell']),
  en: listsOf('en', ['Year', 'Tertial', 'Half-year', 'Quarter', 'Month'], ['Latest value', 'Linear', 'Seasonal', 'Manual']),
};

/** A language's lists: the status and level texts are the language's own, periodicities and methods as given. */
function listsOf(lang: Lang, periodicity: string[], method: string[]): Partial<Record<SheetKind, Record<string, string[]>>> {
  const stated = (): string[] => [STATUS_TEXT[lang].helt, STATUS_TEXT[lang].delvis, STATUS_TEXT[lang].inte];
  return {
    goals: { level: Object.values(LEVEL_TEXT[lang]), stated: stated(), previousStated: stated() },
    indicators: { stated: stated(), previousStated: stated(), periodicity, method, direction: Object.values(DIRECTION_TEXT[lang]) },
    activities: { status: Object.values(ACTIVITY_STATUS_TEXT[lang]) },
  };
}

/**
 * One example row per sheet, by field, taken from the Enskede-Årsta-Vantör T1 2024 workbook: goal 1.1.1
 * with one of its indicators and activities, and the budget row "Nämnd och administration".
 * List values are given as indexes into LISTS so that each language gets its own text.
 */
type ListValue = { list: string; index: number };
type Example = Record<string, CellValue | ListValue | Record<Lang, CellValue>>;

const settingLabels = (key: string): Record<Lang, CellValue> => ({ sv: settingLabel(key, 'sv'), en: settingLabel(key, 'en') });

const EXAMPLES: Record<SheetKind, Example[]> = {
  goals: [
    {
      level: { list: 'level', index: 2 },
      number: '1.1.1',
      title: 'Alla barn och unga i stadsdelsområdet har en meningsfull fritid, hälsofrämjande aktiviteter och jämlika uppväxtvillkor',
      stated: { list: 'stated', index: 0 },
      analysis: 'Vidare bedöms indikatorn uppnås delvis och planerade aktiviteter har påbörjats eller bedöms genomföras.',
      // The report's "Förväntat resultat" of 1.1.1 (T1 2024), its second point: the one the example indicator measures.
      expectedResult: 'Flickors deltagande på fritidsgårdarna ökar (2023: 36,5 procent flickor)',
    },
  ],
  indicators: [
    {
      goal: '1.1.1',
      name: 'Andel flickor som besöker fritidsgårdarna',
      arsmal: '40 %',
      periodicity: { list: 'periodicity', index: 1 },
      period: 'Tertial 1 2024',
      outcome: '38,87 %',
      forecast: '40 %',
      method: { list: 'method', index: 0 },
      direction: { list: 'direction', index: 0 },
      unit: '%',
      comment:
        'Fritidsgården arbetar aktivt för att flickor i lika hög grad som pojkar känner sig välkomna och vill ta del av aktiviteter på fritidsgårdarna.',
    },
  ],
  activities: [
    {
      goal: '1.1.1',
      name: 'Genomföra dagkollo i fokusområde Hagsätra-Rågsved',
      start: '2024-01-01',
      end: '2024-12-31',
      status: { list: 'status', index: 2 },
    },
  ],
  finance: [{ label: 'Nämnd och administration', budget: 80.7, justeringar: 0.5, forandringar: 0, prognos: 78.4, avvikelse: 2.8 }],
  settings: [
    { key: settingLabels('period'), value: 'Tertial 1 2024' },
    { key: settingLabels('partialThreshold'), value: '80 %' },
    { key: settingLabels('lang'), value: { sv: 'sv', en: 'en' } },
  ],
};

const WIDE_FIELDS = new Set(['title', 'analysis', 'name', 'comment', 'deviation', 'expectedResult', 'actions']);

function columnWidth(kind: SheetKind, field: string, header: string): number {
  if (WIDE_FIELDS.has(field) || (kind === 'finance' && field === 'label')) return field === 'title' || field === 'name' ? 60 : 50;
  return Math.min(Math.max(header.length + 2, 10), 24);
}

function exampleValue(kind: SheetKind, raw: Example[string] | undefined, lang: Lang): CellValue {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === 'object') {
    if ('list' in raw) {
      const { list, index } = raw as ListValue;
      return LISTS[lang][kind]?.[list]?.[index] ?? null;
    }
    return (raw as Record<Lang, CellValue>)[lang];
  }
  return raw;
}

const INVESTMENT_TEMPLATE: Record<Lang, { title: string; headers: string[]; rows: CellValue[][] }> = {
  sv: {
    title: 'Investeringar',
    headers: ['Mnkr', 'Budget', 'Begärda budgetjusteringar', 'Prognos', 'Avvikelse'],
    rows: [['Klimatinvesteringar', 5.1, 0.8, 5.9, 0], ['Totalt investeringar', 5.1, 0.8, 5.9, 0]],
  },
  en: {
    title: 'Investments',
    headers: ['Mnkr', 'Budget', 'Requested adjustments', 'Forecast', 'Deviation'],
    rows: [['Klimatinvesteringar', 5.1, 0.8, 5.9, 0], ['Total investments', 5.1, 0.8, 5.9, 0]],
  },
};
const DRIFT_TITLE: Record<Lang, string> = { sv: 'Uppföljning av driftbudget', en: 'Operating budget follow-up' };

/**
 * The Ekonomi template: a drift table and an investering table, each under its title (SPEC 2.4:
 * a sheet holds several tables), so that a controller sees that more than one is expected.
 */
function financeTemplate(sheet: NewSheet, lang: Lang): NewSheet {
  const width = sheet.values[0].length;
  const pad = (row: CellValue[]): CellValue[] => [...row, ...new Array(Math.max(0, width - row.length)).fill(null)];
  const inv = INVESTMENT_TEMPLATE[lang];
  const drift = sheet.values;
  const values = [pad([DRIFT_TITLE[lang]]), ...drift, pad([]), pad([inv.title]), pad(inv.headers), ...inv.rows.map(pad)];
  const isHeader = (i: number) => i === 1 || i === drift.length + 3;
  const isTitle = (i: number) => i === 0 || i === drift.length + 2;
  const amountFormats = (row: CellValue[]) => row.map((v) => (typeof v === 'number' ? '#,##0.0' : null));
  return {
    ...sheet,
    values,
    bold: values.map((row, i) => row.map(() => isHeader(i) || isTitle(i))),
    numberFormats: values.map(amountFormats),
    frozenRows: 2, // the title and the drift table's header
  };
}

/** The template sheet of one kind: header row, example rows, lists, widths, frozen header. */
export function templateSheet(kind: SheetKind, lang: Lang): NewSheet {
  const headers = canonicalHeaders(kind, lang).filter((h) => !h.output);
  const examples = EXAMPLES[kind].map((example) => headers.map((h) => exampleValue(kind, example[h.field], lang)));
  const lists = LISTS[lang][kind] ?? {};
  const validations: NonNullable<NewSheet['validations']> = [];
  headers.forEach((h, col) => {
    const list = lists[h.field];
    if (list) validations.push({ col, firstRow: 1, lastRow: VALIDATION_ROWS, list: list.slice() });
  });
  const sheet: NewSheet = {
    name: SHEET_NAMES[kind][lang],
    mode: 'createIfMissing',
    values: [headers.map((h) => h.header), ...examples],
    bold: [headers.map(() => true), ...examples.map((row) => row.map(() => false))],
    columnWidths: headers.map((h) => columnWidth(kind, h.field, h.header)),
    frozenRows: 1,
  };
  if (validations.length) sheet.validations = validations;
  if (kind === 'finance') return financeTemplate(sheet, lang);
  return sheet;
}

/**
 * Creates the template sheets that do not exist yet. A kind exists when a sheet has its template name
 * (case- and diacritic-insensitively) or any of its aliases in either language (`Goals` when making `Mål`).
 */
export function templatePlan(existingSheetNames: string[], lang: Lang): WritePlan {
  const existingNames = new Set(existingSheetNames.map(fold));
  const existingKinds = new Set(existingSheetNames.map(sheetKindByName));
  const missing = (kind: SheetKind) => !existingKinds.has(kind) && !existingNames.has(fold(SHEET_NAMES[kind][lang]));
  const sheets = TEMPLATE_KINDS.filter(missing).map((kind) => templateSheet(kind, lang));
  return { blocks: [], fills: [], sheets, deleteSheets: [] };
}
