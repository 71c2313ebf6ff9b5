// Runs the built Apps Script bundle (dist/sheets/Code.js) in node:vm against the fake spreadsheet: menu, check on the T1 2024 workbook, call counts, fills, idempotence, clear, template.
import { check } from '../../core/check';
import { parseStatus, STATUS_FILL, STATUS_FONT, HIGHLIGHT_FILL } from '../../core/common/status';
import { parseA1 } from '../../core/common/a1';
import type { Report, WorkbookGrids } from '../../core/types';
import { eavTextWorkbook, eavVpWorkbook } from '../helpers/fixtures';
import { eavTypedWorkbook } from '../helpers/typed-fixtures';
import { FakeSheet, FakeSpreadsheet, fillsOf, snapshot, spreadsheetFromGrids } from './fake-spreadsheet';
import { isOwnLink } from './fake-spreadsheet';
import { loadBundle, plain, type LoadedBundle } from './bundle';

const INPUT_SHEETS = ['Inställningar', 'Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi'];

/** The fixture workbook with its indicator rows repeated to `count` rows. */
function workbookWithIndicators(count: number): WorkbookGrids {
  const workbook = eavTextWorkbook();
  const sheet = workbook.sheets.find((s) => s.name === 'Indikatorer')!;
  const [header, ...rows] = sheet.values;
  const values = [header];
  for (let i = 0; i < count; i++) values.push(rows[i % rows.length].slice());
  sheet.values = values;
  return workbook;
}

function menuFunction(bundle: LoadedBundle, caption: string): string {
  const menu = bundle.app.ui.menus[bundle.app.ui.menus.length - 1];
  const item = menu.items.find((i) => i !== 'separator' && i.caption === caption);
  if (!item || item === 'separator') throw new Error(`no menu item ${caption}`);
  return item.functionName;
}

/** Runs a menu item the way Sheets does: by the function name the menu holds. */
function runMenu(bundle: LoadedBundle, caption: string): void {
  bundle.global[menuFunction(bundle, caption)]();
}

function opened(spreadsheet: FakeSpreadsheet): LoadedBundle {
  const bundle = loadBundle(spreadsheet);
  bundle.global.onOpen({ authMode: 'LIMITED' });
  return bundle;
}

function column(sheet: FakeSheet, header: string): number {
  for (let c = 0; c < sheet.maxColumns; c++) if (sheet.peek(0, c).value === header) return c;
  throw new Error(`no column ${header} in ${sheet.title}`);
}

function sheetNamed(spreadsheet: FakeSpreadsheet, name: string): FakeSheet {
  const sheet = spreadsheet.sheets.find((s) => s.title === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function perSheetCalls(spreadsheet: FakeSpreadsheet): Record<string, Record<string, number>> {
  return Object.fromEntries(spreadsheet.calls.scopes().map((scope) => [scope, spreadsheet.calls.of(scope)]));
}

/** The calls of one check on a fixture workbook with `rows` indicator rows. */
function callsForRows(rows: number): { calls: Record<string, Record<string, number>>; report: Report } {
  const spreadsheet = spreadsheetFromGrids(workbookWithIndicators(rows));
  const bundle = opened(spreadsheet);
  spreadsheet.calls.reset();
  const report = plain(bundle.global.malkollCheck()) as Report;
  return { calls: perSheetCalls(spreadsheet), report };
}

describe('Sheets bundle: menu', () => {
  it('adds the Målkoll add-on menu with the four commands, each naming a top-level function', () => {
    const bundle = opened(new FakeSpreadsheet());
    const menu = bundle.app.ui.menus[0];
    expect(menu.addon).toBe(true);
    const captions = menu.items.filter((i) => i !== 'separator').map((i) => (i as { caption: string }).caption);
    expect(captions).toEqual(['Kontrollera arbetsboken', 'Öppna sidopanelen', 'Skapa mall', 'Rensa markeringar']);
    for (const caption of captions) expect(typeof bundle.global[menuFunction(bundle, caption)]).toBe('function');
  });

  it('onInstall adds the same menu', () => {
    const bundle = loadBundle(new FakeSpreadsheet());
    bundle.global.onInstall({});
    expect(bundle.app.ui.menus).toHaveLength(1);
  });

  it('uses English captions for an English user', () => {
    const bundle = loadBundle(new FakeSpreadsheet(), 'en_GB');
    bundle.global.onOpen({});
    const captions = bundle.app.ui.menus[0].items.filter((i) => i !== 'separator').map((i) => (i as { caption: string }).caption);
    expect(captions).toEqual(['Check the workbook', 'Open the sidebar', 'Create template', 'Clear highlights']);
  });

  it('opens the sidebar page with the user language marked on it', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.addSheet('Blad1');
    const bundle = opened(spreadsheet);
    runMenu(bundle, 'Öppna sidopanelen');
    expect(bundle.app.ui.sidebars).toHaveLength(1);
    expect(bundle.app.ui.sidebars[0].file).toBe('sidebar');
    expect(bundle.app.ui.sidebars[0].title).toBe('Målkoll');
    expect(bundle.app.ui.sidebars[0].appended).toContain('data-lang="sv"');
  });
});

describe('Sheets bundle: Kontrollera arbetsboken on the T1 2024 workbook', () => {
  it('returns the same report as core check on the same grids (what the CLI uses)', () => {
    const bundle = opened(spreadsheetFromGrids(eavTextWorkbook()));
    const report = plain(bundle.global.malkollCheck());
    expect(report).toEqual(plain(check(eavTextWorkbook()).report));
    expect(report.indicators.length).toBeGreaterThan(50);
  });

  it('gives the same report on the typed workbook: numbers, % formats, and date cells that Sheets hands out as Dates', () => {
    const spreadsheet = spreadsheetFromGrids(eavTypedWorkbook());
    expect(sheetNamed(spreadsheet, 'Aktiviteter').peek(1, 2).value).toBeInstanceOf(Date);
    const bundle = opened(spreadsheet);
    const report = plain(bundle.global.malkollCheck()) as Report;
    const expected = plain(check(eavTypedWorkbook()).report);
    expect(report).toEqual(expected);
    expect(report.activities[0].start).toBe('2024-01-01');
    expect(report.activities[0].end).toBe('2024-08-31');
  });

  it('reads dates in the spreadsheet\'s time zone when it is not the script\'s (Kiritimati, UTC+14)', () => {
    const spreadsheet = spreadsheetFromGrids(eavTypedWorkbook(), { timeZone: 'Pacific/Kiritimati' });
    expect(spreadsheet.timeZone).not.toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect((sheetNamed(spreadsheet, 'Aktiviteter').peek(1, 2).value as Date).getDate()).not.toBe(1); // the script sees 31 Dec
    const report = plain(opened(spreadsheet).global.malkollCheck()) as Report;
    expect(report).toEqual(plain(check(eavTypedWorkbook()).report));
    expect(report.activities[0].start).toBe('2024-01-01');
  });

  it('reads everything before it writes: no read-after-write flush in Kontrollera (but one for new sheet ids on the first run) or Rensa markeringar', () => {
    const spreadsheet = spreadsheetFromGrids(eavTextWorkbook());
    const bundle = opened(spreadsheet);
    spreadsheet.calls.reset();
    bundle.global.malkollCheck();
    // The first run asks the sheets it inserted for their ids once, for the record: one flush (SPEC 9: ≤ 2).
    expect(spreadsheet.calls.flushes).toBe(1);
    spreadsheet.calls.reset();
    bundle.global.malkollCheck(); // a re-run rewrites its own sheets in place
    expect(spreadsheet.calls.flushes).toBe(0);
    spreadsheet.calls.reset();
    bundle.global.malkollClear();
    expect(spreadsheet.calls.flushes).toBe(0);
    // The fake does count them: a read after a write is a flush.
    const sheet = spreadsheet.sheets[0];
    sheet.getRange(1, 1).setValues([['x']]);
    sheet.getRange(1, 1).getValues();
    expect(spreadsheet.calls.flushes).toBe(1);
  });

  it('the menu command toasts the counts', () => {
    const spreadsheet = spreadsheetFromGrids(eavTextWorkbook());
    const bundle = opened(spreadsheet);
    runMenu(bundle, 'Kontrollera arbetsboken');
    const { summary } = check(eavTextWorkbook()).report;
    expect(spreadsheet.toasts).toEqual([`Målkoll: Klart: ${summary.errors} fel, ${summary.warnings} varningar, ${summary.infos} upplysningar.`]);
  });

  it('makes the same number of calls per sheet for 100 and 10 000 indicator rows', () => {
    const small = callsForRows(100);
    const large = callsForRows(10000);
    expect(large.report.indicators).toHaveLength(10000);
    expect(Object.keys(large.calls)).toEqual(Object.keys(small.calls));
    // Growing a sheet past Sheets' default 1000 rows costs one insertRowsAfter, once; everything else is equal.
    const withoutGrowth = (calls: Record<string, number>) =>
      Object.fromEntries(Object.entries(calls).filter(([method]) => method !== 'insertRowsAfter' && method !== 'insertColumnsAfter'));
    for (const scope of Object.keys(small.calls)) {
      expect({ scope, calls: withoutGrowth(large.calls[scope]) }).toEqual({ scope, calls: withoutGrowth(small.calls[scope]) });
      expect(large.calls[scope].insertRowsAfter ?? 0).toBeLessThanOrEqual(1);
      expect(large.calls[scope].insertColumnsAfter ?? 0).toBeLessThanOrEqual(1);
    }
    // Reading an input sheet: exactly one getDataRange, getValues, getNumberFormats and getBackgrounds.
    for (const name of INPUT_SHEETS) {
      expect(small.calls[name]).toMatchObject({ getDataRange: 1, getValues: 1, getNumberFormats: 1, getBackgrounds: 1 });
    }
  });

  it('colours every status cell as SPEC 2.8 says, and highlights the cells with errors and warnings', () => {
    const grids = eavTextWorkbook();
    const spreadsheet = spreadsheetFromGrids(grids);
    const bundle = opened(spreadsheet);
    runMenu(bundle, 'Kontrollera arbetsboken');
    const { report } = check(eavTextWorkbook());

    const indicators = sheetNamed(spreadsheet, 'Indikatorer');
    const status = column(indicators, 'Status');
    let coloured = 0;
    for (let row = 1; row < grids.sheets[2].values.length; row++) {
      const cell = indicators.peek(row, status);
      const parsed = parseStatus(String(cell.value));
      expect(parsed).not.toBeNull();
      expect(cell.background).toBe(STATUS_FILL[parsed!].toLowerCase());
      expect(cell.fontColor).toBe(STATUS_FONT[parsed!].toLowerCase());
      coloured++;
    }
    expect(coloured).toBe(report.indicators.length);

    const goals = sheetNamed(spreadsheet, 'Mål');
    const proposal = column(goals, 'Förslag');
    for (let row = 1; row < grids.sheets[1].values.length; row++) {
      const parsed = parseStatus(String(goals.peek(row, proposal).value))!;
      expect(goals.peek(row, proposal).background).toBe(STATUS_FILL[parsed].toLowerCase());
    }

    // Input cells with an issue: error fill wins over warning fill.
    const expected = new Map<string, string>();
    for (const issue of report.issues) {
      if (issue.severity === 'info' || !INPUT_SHEETS.includes(issue.sheet)) continue;
      const key = `${issue.sheet}!${issue.cell}`;
      if (expected.get(key) !== HIGHLIGHT_FILL.error) expected.set(key, HIGHLIGHT_FILL[issue.severity]);
    }
    expect(expected.size).toBeGreaterThan(0);
    for (const [key, fill] of expected) {
      const [sheet, cell] = key.split('!');
      const at = parseA1(cell)!;
      expect({ key, fill: sheetNamed(spreadsheet, sheet).peek(at.row, at.col).background }).toEqual({ key, fill: fill.toLowerCase() });
    }
  });

  it('writes the summary and validation sheets, and a hidden _malkoll record', () => {
    const spreadsheet = spreadsheetFromGrids(eavTextWorkbook());
    runMenu(opened(spreadsheet), 'Kontrollera arbetsboken');
    const names = spreadsheet.sheets.map((s) => s.title);
    expect(names.slice(0, INPUT_SHEETS.length)).toEqual(INPUT_SHEETS);
    expect(names).toEqual(expect.arrayContaining(['Sammanställning', 'Valideringsrapport', '_malkoll']));
    expect(sheetNamed(spreadsheet, '_malkoll').hidden).toBe(true);
    // Nothing written became a formula; the only formulas are Målkoll's own cell links (HYPERLINK with literal texts).
    let links = 0;
    for (const sheet of spreadsheet.sheets) {
      for (const line of sheet.rows) {
        for (const cell of line ?? []) {
          if (!cell?.formula) continue;
          expect(isOwnLink(cell.formula)).toBe(true);
          links++;
        }
      }
    }
    expect(links).toBeGreaterThan(0);
  });

  it.each([
    ['text', eavTextWorkbook],
    ['typed', eavTypedWorkbook],
  ])('is idempotent on the %s workbook: a second run leaves the whole workbook as the first left it', (_kind, workbook) => {
    const spreadsheet = spreadsheetFromGrids(workbook());
    const bundle = opened(spreadsheet);
    runMenu(bundle, 'Kontrollera arbetsboken');
    const once = snapshot(spreadsheet);
    runMenu(bundle, 'Kontrollera arbetsboken');
    expect(snapshot(spreadsheet)).toEqual(once);
  });

  it('Rensa markeringar restores every fill, including fills the user had, and keeps only the record of Målkoll’s own sheets', () => {
    const grids = eavTextWorkbook();
    // The user's own colours on cells Målkoll will highlight.
    for (const sheet of grids.sheets) {
      sheet.fills = sheet.values.map((row, r) => row.map((_, c) => ((r + c) % 3 === 0 ? '#DAE8FC' : r % 5 === 0 ? '#E2EFDA' : null)));
    }
    const spreadsheet = spreadsheetFromGrids(grids);
    const extent = new Map(spreadsheet.sheets.map((s) => [s.title, s.extent()]));
    const before = new Map(spreadsheet.sheets.map((s) => [s.title, fillsOf(s, extent.get(s.title)!.rows, extent.get(s.title)!.columns)]));
    const bundle = opened(spreadsheet);
    runMenu(bundle, 'Kontrollera arbetsboken');
    runMenu(bundle, 'Kontrollera arbetsboken');
    const highlighted = INPUT_SHEETS.some((name) => {
      const { rows, columns } = extent.get(name)!;
      return JSON.stringify(fillsOf(sheetNamed(spreadsheet, name), rows, columns)) !== JSON.stringify(before.get(name));
    });
    expect(highlighted).toBe(true);

    runMenu(bundle, 'Rensa markeringar');
    for (const name of INPUT_SHEETS) {
      const { rows, columns } = extent.get(name)!;
      expect({ name, fills: fillsOf(sheetNamed(spreadsheet, name), rows, columns) }).toEqual({ name, fills: before.get(name) });
    }
    // The record stays, naming Målkoll's own sheets, without highlights (core/write/record.ts).
    expect(sheetNamed(spreadsheet, '_malkoll').hidden).toBe(true);
    expect(spreadsheet.toasts[spreadsheet.toasts.length - 1]).toBe('Målkoll: Markeringarna är borttagna.');
  });

  it('selects the cell of an issue for the sidebar', () => {
    const spreadsheet = spreadsheetFromGrids(eavTextWorkbook());
    const bundle = opened(spreadsheet);
    bundle.global.malkollSelect('Indikatorer', 'H41');
    expect(spreadsheet.activeRange).toEqual({ sheet: 'Indikatorer', a1: 'H41' });
    expect(spreadsheet.activeSheet?.title).toBe('Indikatorer');
    bundle.global.malkollSelect('Finns inte', 'A1');
    expect(spreadsheet.activeRange).toEqual({ sheet: 'Indikatorer', a1: 'H41' });
  });
});

describe('Sheets bundle: Skapa mall', () => {
  it('creates the template sheets once, with validation lists and a frozen header', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.addSheet('Blad1');
    const bundle = opened(spreadsheet);
    runMenu(bundle, 'Skapa mall');
    const created = spreadsheet.sheets.slice(1);
    expect(created.length).toBeGreaterThanOrEqual(4);
    expect(created.some((s) => s.validations.length > 0)).toBe(true);
    expect(created.every((s) => s.frozenRows >= 1)).toBe(true);
    const once = snapshot(spreadsheet);
    runMenu(bundle, 'Skapa mall');
    expect(snapshot(spreadsheet)).toEqual(once);
  });
});

describe('Sheets bundle: Kontrollera arbetsboken on the real VP 2024 plan (SPEC 5.0)', () => {
  it('returns the core report, colours no status cell and leaves every cell the user wrote as it was', () => {
    const grids = eavVpWorkbook();
    const spreadsheet = spreadsheetFromGrids(grids);
    const bundle = opened(spreadsheet);
    expect(plain(bundle.global.malkollCheck())).toEqual(plain(check(eavVpWorkbook()).report));
    const statusFills = new Set(Object.values(STATUS_FILL).map((f) => f.toLowerCase()));
    for (const input of grids.sheets) {
      const sheet = sheetNamed(spreadsheet, input.name);
      input.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null) return;
          const cell = sheet.peek(r, c);
          expect([input.name, r, c, cell.value]).toEqual([input.name, r, c, value]);
          expect(statusFills.has(String(cell.background ?? '').toLowerCase())).toBe(false);
        }),
      );
    }
  });
});
