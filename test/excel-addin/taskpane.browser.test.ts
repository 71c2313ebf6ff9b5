// The built task pane in a real browser (Debian's chromium via playwright-core): office.js is stubbed with the fake Excel workbook, the panel is clicked through.
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as ts from 'typescript';
import { check } from '../../core/check';
import { STATUS_FILL } from '../../core/common/status';
import type { WorkbookGrids } from '../../core/types';
import { eavTextWorkbook } from '../helpers/fixtures';

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist', 'excel');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const XSS_NAME = '<img src=x onerror=alert(1)>';
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };

/** The fixture workbook with one failing indicator renamed to markup. */
function workbook(): WorkbookGrids {
  const grids = eavTextWorkbook();
  const indicators = grids.sheets.find((s) => s.name === 'Indikatorer')!;
  const nameCol = indicators.values[0].indexOf('Indikator');
  const row = indicators.values.find((r) => r[nameCol] === 'Antal tillhandahållna platser för Stockholmsjobb')!;
  row[nameCol] = XSS_NAME;
  return grids;
}

/** A stand-in for office.js: Office.onReady, the display language, Excel.run over the fake workbook, CustomFunctions. */
function officeStub(grids: WorkbookGrids, displayLanguage: string): string {
  const fake = ts.transpileModule(fs.readFileSync(path.join(__dirname, 'fake-excel.ts'), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function () {
  var exports = {}; var module = { exports: exports };
  ${fake}
  var book = exports.FakeWorkbook.fromGrids(${JSON.stringify(grids)});
  var state = window.__malkoll = { book: book, runs: [], functions: {}, delay: 0, failNext: null };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: { displayLanguage: ${JSON.stringify(displayLanguage)} },
    onReady: function (callback) {
      var info = { host: 'Excel', platform: 'OfficeOnline' };
      return new Promise(function (resolve) { setTimeout(function () { if (callback) callback(info); resolve(info); }, 0); });
    }
  };
  window.Excel = {
    run: function (batch) {
      var ctx = new exports.FakeRequestContext(book);
      var failure = state.failNext; state.failNext = null;
      return new Promise(function (resolve) { setTimeout(resolve, state.delay); })
        .then(function () { if (failure) { var e = new Error(failure); e.code = 'GeneralException'; throw e; } return batch(ctx); })
        .then(function (result) { state.runs.push(ctx.stats); return result; });
    }
  };
  window.CustomFunctions = {
    associate: function (id, fn) { state.functions[id] = fn; },
    Error: function (code, message) { this.code = code; this.message = message; },
    ErrorCode: { invalidValue: 'invalidValue' }
  };
})();`;
}

function serve(directory: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const file = path.join(directory, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(directory) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('task pane in chromium', () => {
  let server: http.Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
    server = await serve(dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Opens the built task pane with the stub; collects dialogs, page errors and requests that left the machine. */
  async function open(grids: WorkbookGrids, displayLanguage: string): Promise<{ page: Page; dialogs: string[]; errors: string[]; outside: string[] }> {
    const page = await browser.newPage({ viewport: { width: 360, height: 1100 } });
    const dialogs: string[] = [];
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const stub = officeStub(grids, displayLanguage);
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ contentType: 'text/javascript', body: stub });
      if (url.startsWith(base)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('#app[data-ready="true"]');
    return { page, dialogs, errors, outside };
  }

  it('Kontrollera shows progress, then counts and the issue list; a click selects the cell; markup stays text', async () => {
    const grids = workbook();
    const expected = check(workbook()).report;
    const { page, dialogs, errors, outside } = await open(grids, 'sv-SE');

    const buttons = await page.locator('.mk-actions button').allTextContents();
    expect(buttons).toEqual(['Kontrollera', 'Skapa mall', 'Rensa markeringar']);
    // The shared runtime page hosts the custom functions too.
    expect(await page.evaluate(() => Object.keys((window as any).__malkoll.functions).sort())).toEqual(
      ['AVVIKELSE', 'BEDOMNING', 'PROGNOS', 'STATUS', 'TAL', 'UNDERLAG', 'UPPFYLLNAD'],
    );

    await page.evaluate(() => ((window as any).__malkoll.delay = 400));
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.waitForSelector('.mk-progress:not([hidden])');
    expect(await page.locator('.mk-progress-text').textContent()).toBe('Kontrollerar…');
    expect(await page.locator('.mk-actions button:disabled').count()).toBe(3);
    await page.waitForSelector('.mk-issues');
    expect(await page.locator('.mk-progress').isHidden()).toBe(true);
    expect(await page.locator('.mk-actions button:disabled').count()).toBe(0);

    // Counts by status: the core's numbers, the SPEC 2.8 colours and the status in words.
    const counts: Record<string, number> = { helt: 0, delvis: 0, inte: 0, ej_bedomd: 0, ej_matt: 0 };
    for (const indicator of expected.indicators) counts[indicator.status]++;
    const chips = await page.locator('.mk-status-counts .mk-chip').evaluateAll((nodes) =>
      nodes.map((n) => ({ status: (n as HTMLElement).dataset.status, text: n.textContent, background: getComputedStyle(n).backgroundColor })),
    );
    expect(chips.map((c) => c.text)).toEqual([
      `Uppfylls helt: ${counts.helt}`,
      `Uppfylls delvis: ${counts.delvis}`,
      `Uppfylls inte: ${counts.inte}`,
      `Ej bedömd: ${counts.ej_bedomd}`,
      `Ej mätt: ${counts.ej_matt}`,
    ]);
    const rgb = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
    for (const chip of chips) expect(chip.background).toBe(rgb(STATUS_FILL[chip.status as keyof typeof STATUS_FILL]));

    // The issue list: the core's issues in order, with severity, code, sheet!cell and message.
    const items = page.locator('.mk-issues .mk-issue');
    expect(await items.count()).toBe(Math.min(expected.issues.length, 500));
    const first = expected.issues[0];
    await expect(items.first().locator('.mk-code').textContent()).resolves.toBe(first.code);
    await expect(items.first().locator('.mk-location').textContent()).resolves.toBe(`${first.sheet}!${first.cell}`);
    await expect(items.first().locator('.mk-message').textContent()).resolves.toBe(first.message);

    // The markup indicator is listed as text: no img element, no dialog.
    const names = await page.locator('.mk-attention .mk-name').allTextContents();
    expect(names).toContain(XSS_NAME);
    expect(await page.locator('img').count()).toBe(0);

    // Clicking an issue selects its cell in the workbook.
    const target = expected.issues[2];
    await items.nth(2).locator('button').click();
    await page.waitForFunction((want) => (window as any).__malkoll.book.selection === want, `${target.sheet}!${target.cell}`);

    // Every command stayed within three syncs.
    const runs: { syncs: number }[] = await page.evaluate(() => (window as any).__malkoll.runs);
    expect(runs.length).toBe(2);
    for (const run of runs) expect(run.syncs).toBeLessThanOrEqual(3);

    fs.mkdirSync(path.join(root, 'test-output'), { recursive: true });
    await page.screenshot({ path: path.join(root, 'test-output', 'taskpane.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('shows a host error in the message bar and the clear and template commands report success', async () => {
    const { page, errors } = await open(workbook(), 'sv-SE');
    await page.evaluate(() => ((window as any).__malkoll.failNext = 'Arbetsboken är låst för redigering'));
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.waitForSelector('.mk-messagebar-error:not([hidden])');
    expect(await page.locator('.mk-messagebar-error').textContent()).toContain('Arbetsboken är låst för redigering');
    expect(await page.locator('.mk-actions button:disabled').count()).toBe(0);

    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.waitForSelector('.mk-issues');
    expect(await page.locator('.mk-messagebar-error').isHidden()).toBe(true);
    expect(await page.evaluate(() => (window as any).__malkoll.book.find('_malkoll') !== undefined)).toBe(true);
    await page.getByRole('button', { name: 'Rensa markeringar' }).click();
    await page.waitForSelector('.mk-messagebar-info:not([hidden])');
    expect(await page.locator('.mk-messagebar-info').textContent()).toMatch(/återställd/);
    // Clear keeps the record of Målkoll's own sheets and drops its highlight rows (core/write/record.ts).
    const recordKinds = await page.evaluate(() => (window as any).__malkoll.book.find('_malkoll').rows.map((line: { value: unknown }[]) => line[0]?.value));
    // Rows cleared in place hold nothing any more (Excel's used range of values ends at the last of these three).
    while (recordKinds.length && (recordKinds[recordKinds.length - 1] ?? null) === null) recordKinds.pop();
    expect(recordKinds).toEqual(['Målkoll record v2', 'summary', 'validation']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks English when Excel does', async () => {
    const { page } = await open({ sheets: [{ name: 'Sheet1', values: [] }] }, 'en-US');
    expect(await page.locator('.mk-actions button').allTextContents()).toEqual(['Check', 'Create template', 'Clear highlights']);
    await page.getByRole('button', { name: 'Create template' }).click();
    await page.waitForSelector('.mk-messagebar-info:not([hidden])');
    const sheets: string[] = await page.evaluate(() => (window as any).__malkoll.book.sheets.map((s: { name: string }) => s.name));
    expect(sheets.length).toBeGreaterThan(1);
    await page.close();
  });
});
