// fast-check generators of hostile workbooks for the core's property tests: random grids of Swedish-looking, broken and malicious cell values.
import fc from 'fast-check';
import { canonicalHeaders } from '../../core/read/schema';
import type { CellValue, SheetGrid, SheetKind, WorkbookGrids } from '../../core/types';
import { eavReportSheet, eavTextWorkbook } from '../helpers/fixtures';

/** A cell with its number format (null = General). */
export interface GenCell {
  value: CellValue;
  format: string | null;
}

const cell = (value: CellValue, format: string | null = null): GenCell => ({ value, format });

const digits = (min: number, max: number) => fc.integer({ min, max }).map(String);

/** `2 757,9`, `-412,5`, `1 330`: Swedish numbers with thousands spaces (plain, NBSP or narrow NBSP) and decimal comma. */
const swedishNumber = fc
  .tuple(
    fc.constantFrom('', '-', '−', '–'),
    fc.integer({ min: 0, max: 9_999_999 }),
    fc.option(digits(0, 99), { nil: null }),
    fc.constantFrom(' ', '\u00a0', '\u202f'),
  )
  .map(([sign, whole, decimals, sep]) => {
    const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    return `${sign}${grouped}${decimals === null ? '' : `,${decimals}`}`;
  });

/** Numbers with units and notes as written in real plans. */
const unitText = fc
  .tuple(swedishNumber, fc.constantFrom(' %', '%', '  %', ' st', ' barn/avd.', ' kg CO2e', ' GWh', ' kr', ' dagar', ' mnkr', ''))
  .map(([n, unit]) => `${n}${unit}`);

/** Texts the value, period, direction, status … parsers give meaning to (and near misses). */
const meaningfulText = fc.constantFrom(
  'Max 10 personer', 'högst 5', 'mini. 75', 'Minst 80 %', '≤ 3 %', '+/- 1 %', '+/-1 %', '± 1 %', '100 % +/- 2 %',
  'Ökning', 'öka', 'Minskning', 'minska', 'Fastställs 2024', 'Faststäl ls 2024', 'Tas fram av nämnd', 'Årsmål tas fram under året',
  '-', '–', 'i.u.', '..', '.', 'Tertial 1 2024', 'T1 2024', 'T2', 'T3', '2024', 'Helår 2024', 'Kvartal 2', 'Jan-april 2024', 'Halvår 1',
  'År', 'Tertial', 'Halvår', 'Kvartal', 'Månad', 'Vecka', 'Senaste värde', 'Linjär', 'Säsong', 'Manuell', 'Högre är bättre',
  'Lägre är bättre', 'Intervall', 'Exakt', '↑', '↓', '=', '+', 'Uppfylls helt', '● Uppfylls delvis', 'inte', 'ej', 'Uppfylls kanske',
  'Ej påbörjad', 'Påbörjad', 'Pågår', 'Genomförd', 'Försenad', 'Avbruten', '1', '1.', '1.1', '1.1.1', '1.1.1.1', '2.3.', '1..2', '0',
  '99.99.99', 'varav lokaler', '<i>varav</i> Stadsdelsnämnd', 'Totalt', 'Summa', 'Inriktningsmål', 'Nämndmål', 'Enhetsmål',
  'Rapportperiod', 'Delvisgräns', 'Språk', 'sv', 'en', 'Planår', '80 %', '0,9', '2024-01-01', '2024-12-31', '2025-02-30', '31/12/2024',
  '1 januari 2024', 'Analys', 'Analys: en kommentar', 'KF:s inriktningsmål: 1. Ett Stockholm', 'Nämndmål: 1.1.1 Barn',
  'Enhetsmål: 1.1.1.1 X', 'KF:s mål för verksamhetsområdet: 1.2 Alla barn', 'Sjukfrånvaro per anställd', 'väntetid',
);

/** Formula-like, HTML-like and otherwise hostile text. */
const hostileText = fc.constantFrom(
  '=SUM(A1)', '=1+1', '+46 8 123', '-x', '@x', '@SUM(A1)', '=HYPERLINK("http://x","y")', '+/- 1 %', '-1', '- 5 %',
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"quoted"', "'apostrophe", '\t', '\n', ' ', '\u00a0', '\u200b',
  'NaN', 'Infinity', '-Infinity', '1e309', '1e-400', '0x1F', '1/0', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#ERROR!', '#GETTING_DATA',
  'TRUE', 'FALSE', '%', ' %', 'st', '𝟙𝟚', 'Å̊', 'ﬁ', 'x'.repeat(300), '1'.repeat(40), '9'.repeat(400), '1,2,3', '1.234.567,8',
);

/** Any finite number, with the extremes hosts can deliver. */
const anyNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 1e-12, 0.8, 0.3887, 100, 2757.9, Number.MAX_SAFE_INTEGER),
);

const numberFormat = fc.constantFrom(null, 'General', '0', '0.0', '0 %', '0.00%', '#,##0.0', '@', '0.0 "st"', 'yyyy-mm-dd');
const dateFormat = fc.constantFrom('yyyy-mm-dd', 'd/m/yyyy', 'm/d/yy', 'dd mmm yyyy', '[$-41D]d mmmm yyyy', 'yyyy-mm-dd hh:mm');

/** One random cell value with a format. */
export const anyCell: fc.Arbitrary<GenCell> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(cell(null)) },
  { weight: 1, arbitrary: fc.constant(cell('')) },
  { weight: 3, arbitrary: swedishNumber.map((v) => cell(v)) },
  { weight: 3, arbitrary: unitText.map((v) => cell(v)) },
  { weight: 4, arbitrary: meaningfulText.map((v) => cell(v)) },
  { weight: 3, arbitrary: hostileText.map((v) => cell(v)) },
  { weight: 3, arbitrary: fc.tuple(anyNumber, numberFormat).map(([v, f]) => cell(v, f)) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: -10, max: 3_000_000 }), dateFormat).map(([v, f]) => cell(v, f)) },
  { weight: 1, arbitrary: fc.tuple(fc.double({ min: 40000, max: 50000, noNaN: true }), dateFormat).map(([v, f]) => cell(v, f)) },
  { weight: 1, arbitrary: fc.boolean().map((v) => cell(v)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }).map((v) => cell(v)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).map((v) => cell(v)) },
);

const KINDS: SheetKind[] = ['goals', 'indicators', 'activities', 'finance', 'settings'];

/** Every header a template writes, both languages, plus decorated forms real sheets use. */
const KNOWN_HEADERS: string[] = (() => {
  const set = new Set<string>();
  for (const kind of KINDS) for (const lang of ['sv', 'en'] as const) for (const h of canonicalHeaders(kind, lang)) set.add(h.header);
  return [...set];
})();

const decoratedHeader = fc
  .tuple(fc.constantFrom(...KNOWN_HEADERS), fc.constantFrom('', ' 2023', ' år 2024', ':', '*', '\n', '  '), fc.boolean())
  .map(([h, suffix, upper]) => {
    const text = h + suffix;
    return upper ? text.toUpperCase() : text;
  });

const headerCell: fc.Arbitrary<GenCell> = fc.oneof(
  { weight: 8, arbitrary: decoratedHeader.map((v) => cell(v)) },
  { weight: 2, arbitrary: fc.constantFrom('Utfall VB 2023', 'Prognos (före resultatöverföringar)', 'Prognos (efter resultatöverföringar)', 'Mnkr Netto', 'Utfall män/ pojkar', 'Utfall kvinnor/ flickor', 'Mål och bedömning', 'Okänd kolumn').map((v) => cell(v)) },
  { weight: 2, arbitrary: fc.constant(cell(null)) }, // blank or merged-away header cells
  { weight: 2, arbitrary: anyCell },
);

/**
 * A header row of a kind: mostly every required header plus some optional ones (so that tables are found and rows
 * read), sometimes any subset; with junk, blank (merged-away) cells and a duplicate, in random order.
 */
function headerRow(kind: SheetKind): fc.Arbitrary<GenCell[]> {
  const all = canonicalHeaders(kind, 'sv');
  const required = all.filter((h) => h.required).map((h) => h.header);
  const optional = all.filter((h) => !h.required).map((h) => h.header);
  return fc
    .tuple(
      fc.oneof({ weight: 3, arbitrary: fc.constant(required) }, { weight: 1, arbitrary: fc.subarray(required) }),
      fc.subarray(optional),
      fc.array(headerCell, { maxLength: 3 }),
      fc.boolean(),
    )
    .chain(([must, chosen, extra, duplicate]) => {
      const cells = [...must.map((h) => cell(h)), ...chosen.map((h) => cell(h)), ...extra];
      if (duplicate && cells.length) cells.push(cells[0]);
      return fc.shuffledSubarray(cells, { minLength: cells.length, maxLength: cells.length });
    });
}

const KIND_NAMES: Record<SheetKind, string[]> = {
  goals: ['Mål', 'MÅL', 'Goals', 'Mål och bedömning'],
  indicators: ['Indikatorer', ' indikatorer ', 'INDIKATORER', 'Indicators'],
  activities: ['Aktiviteter', 'Activities'],
  finance: ['Ekonomi', 'Budget', 'Driftbudget', 'Uppföljning av driftbudget'],
  settings: ['Inställningar', 'Settings'],
};

/** Sheet names: the input kinds' names and aliases in odd spellings, Målkoll's own sheets, and random names. */
export const sheetName = fc.oneof(
  fc.constantFrom(
    'Mål', 'MÅL', 'mal', 'Goals', 'Mål och bedömning', 'Indikatorer', ' indikatorer ', 'Indicators', 'Aktiviteter', 'Activities',
    'Ekonomi', 'Budget', 'Driftbudget', 'Uppföljning av driftbudget', 'Inställningar', 'Settings', 'Rapport', 'Blad1', 'Sheet1',
    'Sammanställning', 'Valideringsrapport', 'Summary', '_malkoll',
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** A sheet: junk rows above, a header row of some kind (or none), ragged data rows; named for its kind, or anyhow. */
const tableSheet = (name: fc.Arbitrary<string>): fc.Arbitrary<SheetGrid> =>
  fc
    .tuple(
      fc.option(fc.constantFrom(...KINDS), { nil: null, freq: 6 }),
      fc.array(fc.array(anyCell, { maxLength: 3 }), { maxLength: 2 }),
      fc.array(fc.array(anyCell, { maxLength: 12 }), { maxLength: 14 }),
      fc.boolean(),
    )
    .chain(([kind, above, rows, withFormats]) =>
      fc
        .tuple(
          kind ? headerRow(kind) : fc.constant(null),
          kind ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KIND_NAMES[kind]) }, { weight: 2, arbitrary: name }) : name,
        )
        .map(([header, sheetName]) => toGrid(sheetName, [...above, ...(header ? [header] : []), ...rows], withFormats)),
    );

/** Grid of values (and formats when asked) from generated cells. */
export function toGrid(name: string, rows: GenCell[][], withFormats: boolean): SheetGrid {
  const grid: SheetGrid = { name, values: rows.map((row) => row.map((c) => c.value)) };
  if (withFormats) grid.formats = rows.map((row) => row.map((c) => c.format));
  return grid;
}

/** Fills the user may have: a few colours and blanks; never our own highlight colours (those are ours by definition). */
const userFill = fc.constantFrom(null, null, null, '#FFFF00', '#00B0F0', '#D9D9D9', '{"type":"pattern","fgColor":{"argb":"FF92D050"}}');

/** Adds random user fills to a sheet, shaped like its values. */
export function withFills(sheet: SheetGrid): fc.Arbitrary<SheetGrid> {
  const shape = sheet.values.map((row) => fc.array(userFill, { minLength: row.length, maxLength: row.length }));
  return fc.tuple(...shape).map((fills) => ({ ...sheet, fills }));
}

const uniqueByName = (sheets: SheetGrid[]): SheetGrid[] => {
  const seen = new Set<string>();
  return sheets.filter((s) => {
    const key = s.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** A workbook of 0–5 random sheets with distinct names (hosts compare sheet names case-insensitively). */
export const randomWorkbook: fc.Arbitrary<WorkbookGrids> = fc
  .array(tableSheet(sheetName), { maxLength: 5 })
  .map((sheets) => ({ sheets: uniqueByName(sheets) }));

/** As randomWorkbook, without a `_malkoll` record sheet of unknown origin, and with user fills on every sheet. */
export const filledWorkbook: fc.Arbitrary<WorkbookGrids> = fc
  .array(tableSheet(sheetName.filter((n) => n.toLowerCase() !== '_malkoll')), { minLength: 1, maxLength: 4 })
  .map(uniqueByName)
  .chain((sheets) => fc.tuple(...sheets.map(withFills)))
  .map((sheets) => ({ sheets }));

/** One random change to a real workbook: a cell replaced, a row dropped or duplicated, a sheet renamed or dropped. */
type Mutation =
  | { op: 'set'; sheet: number; row: number; col: number; cell: GenCell }
  | { op: 'dropRow'; sheet: number; row: number }
  | { op: 'dupRow'; sheet: number; row: number }
  | { op: 'rename'; sheet: number; name: string }
  | { op: 'dropSheet'; sheet: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ op: fc.constant('set' as const), sheet: fc.nat(9), row: fc.nat(200), col: fc.nat(20), cell: anyCell }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropRow' as const), sheet: fc.nat(9), row: fc.nat(200) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dupRow' as const), sheet: fc.nat(9), row: fc.nat(200) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), sheet: fc.nat(9), name: sheetName }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('dropSheet' as const), sheet: fc.nat(9) }) },
);

/** Applies mutations to a copy of a workbook; indexes wrap around the sheets and rows that exist (cells may land just outside). */
export function mutate(base: WorkbookGrids, mutations: Mutation[]): WorkbookGrids {
  let sheets = base.sheets.map((s) => ({ ...s, values: s.values.map((r) => r.slice()), formats: s.formats?.map((r) => r.slice()) }));
  for (const m of mutations) {
    if (!sheets.length) break;
    const sheet = sheets[m.sheet % sheets.length];
    const rows = sheet.values.length + 2;
    if (m.op === 'set') {
      const row = m.row % rows;
      while (sheet.values.length <= row) sheet.values.push([]);
      sheet.values[row][m.col % ((sheet.values[0]?.length ?? 0) + 2)] = m.cell.value;
    } else if (m.op === 'dropRow') sheet.values.splice(m.row % rows, 1);
    else if (m.op === 'dupRow' && sheet.values.length) {
      const row = m.row % sheet.values.length;
      sheet.values.splice(row, 0, sheet.values[row].slice());
    } else if (m.op === 'rename') {
      if (!sheets.some((s) => s.name.toLowerCase() === m.name.toLowerCase())) sheet.name = m.name;
    } else if (m.op === 'dropSheet') sheets = sheets.filter((s) => s !== sheet);
  }
  for (const s of sheets) {
    // Holes left by writing past a row's end are blanks, as hosts deliver them.
    s.values = s.values.map((r) => Array.from(r, (v) => (v === undefined ? null : v)));
    delete s.formats;
  }
  return { sheets };
}

/** The real T1 2024 workbook (and its pasted report part) with random damage. */
export const damagedRealWorkbook: fc.Arbitrary<WorkbookGrids> = fc
  .tuple(fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 12 }))
  .map(([withReport, mutations]) => {
    const base = eavTextWorkbook();
    if (withReport) base.sheets.push(eavReportSheet());
    return mutate(base, mutations);
  });
