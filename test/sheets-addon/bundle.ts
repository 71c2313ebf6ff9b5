// Loads the built dist/sheets/Code.js into a fresh node:vm context with a fake SpreadsheetApp, the way Apps Script runs the file.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { FakeSpreadsheet, FakeSpreadsheetApp, fakeGlobals } from './fake-spreadsheet';

export const DIST = path.join(__dirname, '..', '..', 'dist', 'sheets');
export const CODE_FILE = path.join(DIST, 'Code.js');

let cached: vm.Script | null = null;

function script(): vm.Script {
  if (!cached) {
    if (!fs.existsSync(CODE_FILE)) throw new Error('dist/sheets/Code.js is missing: run `npm run build:sheets` first');
    cached = new vm.Script(fs.readFileSync(CODE_FILE, 'utf8'), { filename: 'Code.js' });
  }
  return cached;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Entry = (...args: any[]) => any;

export interface LoadedBundle {
  app: FakeSpreadsheetApp;
  spreadsheet: FakeSpreadsheet;
  /** The script's global scope: every top-level function by name. */
  global: Record<string, Entry>;
}

/** A new Apps Script "project" bound to this spreadsheet. */
export function loadBundle(spreadsheet: FakeSpreadsheet = new FakeSpreadsheet(), locale = 'sv'): LoadedBundle {
  const app = new FakeSpreadsheetApp(spreadsheet);
  const context = vm.createContext(fakeGlobals(app, locale));
  script().runInContext(context);
  return { app, spreadsheet, global: context as Record<string, Entry> };
}

/** A cross-realm value as plain data (the bundle's arrays and objects come from another realm). */
export function plain<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}
