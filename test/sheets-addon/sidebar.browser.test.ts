// The built sidebar page in a real browser (Debian's chromium via playwright-core), its google.script.run wired to the built Code.js running in node:vm on the fake spreadsheet.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { WorkbookGrids } from '../../core/types';
import { eavTextWorkbook } from '../helpers/fixtures';
import { spreadsheetFromGrids } from './fake-spreadsheet';
import { DIST, loadBundle, plain, type LoadedBundle } from './bundle';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'];
const XSS_NAME = '<img src=x onerror=alert(1)>';
const SIDEBAR_URL = 'https://sidebar.malkoll.invalid/';
const SERVER_FUNCTIONS = ['malkollCheckView', 'malkollTemplate', 'malkollClear', 'malkollSelect'];

/** The fixture with a failing indicator renamed to markup. */
function workbook(): WorkbookGrids {
  const grids = eavTextWorkbook();
  const indicators = grids.sheets.find((s) => s.name === 'Indikatorer')!;
  const nameCol = indicators.values[0].indexOf('Indikator');
  indicators.values.find((row) => row[nameCol] === 'Antal tillhandahållna platser för Stockholmsjobb')![nameCol] = XSS_NAME;
  return grids;
}

/** google.script.run in the page: each server function goes to Node (`__server`) and answers asynchronously, as Apps Script does. */
const SCRIPT_RUN_STUB = `(() => {
  const names = ${JSON.stringify(SERVER_FUNCTIONS)};
  const runner = (success, failure) => {
    const run = {
      withSuccessHandler: (handler) => runner(handler, failure),
      withFailureHandler: (handler) => runner(success, handler),
    };
    for (const name of names) {
      run[name] = (...args) => {
        window.__server(name, JSON.stringify(args)).then((answer) => {
          const result = JSON.parse(answer);
          if ('error' in result) failure && failure(new Error(result.error));
          else success && success(result.value);
        });
      };
    }
    return run;
  };
  window.google = { script: { run: runner() } };
})();`;

/** Waits (up to 5 s) until a condition on the Node side holds. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// Like the task pane test: a missing browser fails loudly (`.ci/run` installs it) instead of skipping.
if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);

describe('Sheets sidebar in chromium', () => {
  let browser: Browser;
  let page: Page;
  let bundle: LoadedBundle;
  const dialogs: string[] = [];
  const calls: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    bundle = loadBundle(spreadsheetFromGrids(workbook()));
    bundle.global.onOpen({});
    bundle.global.malkollMenuSidebar();
    const output = bundle.app.ui.sidebars[0];
    // What HtmlService serves: the file, plus what the server appended.
    const html = fs.readFileSync(path.join(DIST, `${output.file}.html`), 'utf8') + output.appended;
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Nothing but the page itself is fetched: no external scripts or styles.
    await page.route((url) => url.href !== SIDEBAR_URL, (route) => {
      pageErrors.push(`request to ${route.request().url()}`);
      void route.abort();
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.exposeFunction('__server', (name: string, args: string) => {
      calls.push(name);
      try {
        return JSON.stringify({ value: plain(bundle.global[name](...JSON.parse(args))) ?? null });
      } catch (error) {
        return JSON.stringify({ error: (error as Error).message });
      }
    });
    // Apps Script provides google.script.run before the page's own script runs: an init script on navigation.
    await page.addInitScript(SCRIPT_RUN_STUB);
    await page.route(SIDEBAR_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(SIDEBAR_URL);
  });
  afterEach(async () => {
    await page?.close();
    expect(pageErrors).toEqual([]);
  });

  it('mounts the shared panel in Swedish', async () => {
    await page.waitForSelector('button[data-command="check"]');
    expect(await page.textContent('button[data-command="check"]')).toMatch(/Kontrollera/);
    expect(await page.getAttribute('#app', 'lang')).toBe('sv');
  });

  it('checks the workbook through google.script.run, lists the issues as text, and selects a cell on click', async () => {
    await page.click('button[data-command="check"]');
    await page.waitForSelector('.mk-issue-button');
    expect(calls).toContain('malkollCheckView');
    const report = plain(bundle.global.malkollCheck());
    expect(report.issues.length).toBeLessThanOrEqual(500); // the fixture's issues all fit in the compact view
    expect(await page.locator('.mk-issue').count()).toBe(report.issues.length);
    // Markup from the workbook is shown as text.
    expect(await page.locator('.mk-root img').count()).toBe(0);
    expect(await page.textContent('.mk-attention')).toContain(XSS_NAME);
    expect(dialogs).toEqual([]);

    const first = report.issues[0];
    await page.locator('.mk-issue-button').first().click();
    await until(() => bundle.spreadsheet.activeRange !== null);
    expect(bundle.spreadsheet.activeRange).toEqual({ sheet: first.sheet, a1: first.cell });
  });

  it('clears the highlights from the panel', async () => {
    bundle.global.malkollCheck();
    // Clear keeps the record of Målkoll's own sheets and drops its highlight rows (core/write/record.ts).
    const highlightRows = () => bundle.spreadsheet.sheets.find((s) => s.title === '_malkoll')?.rows.filter((line) => line?.[0]?.value === 'highlight').length;
    expect(highlightRows()).toBeGreaterThan(0);
    await page.click('button[data-command="clear"]');
    await until(() => highlightRows() === 0);
    await page.waitForSelector('.mk-messagebar-info:not([hidden])');
  });
});
