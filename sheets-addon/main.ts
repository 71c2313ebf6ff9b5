// Apps Script entry points of the Sheets add-on: menu, menu handlers, sidebar server functions and the MAL_* custom functions, each assigned to `global` so gas-webpack-plugin gives the bundle a top-level declaration.
import { check } from '../core/check';
import { clearPlan } from '../core/write/plan';
import { templatePlan } from '../core/write/template';
import { malAvvikelse, malBedomning, malPrognos, malStatus, malTal, malUnderlag, malUppfyllnad } from '../core/functions';
import type { Lang, Report } from '../core/types';
import { langFromLocale } from '../ui/strings';
import { panelView } from '../ui/view';
import { applyPlan, readSpreadsheet, selectCell } from './adapter';
import { callFunction, type SheetsArg, type SheetsResult } from './functions';

// The JSDoc above each `global.X = …` assignment below is what gas-webpack-plugin copies onto the generated
// top-level function declaration; Sheets reads the custom functions' documentation there.
declare const global: Record<string, unknown>;

const SIDEBAR_FILE = 'sidebar';

const TEXTS = {
  sv: {
    check: 'Kontrollera arbetsboken',
    sidebar: 'Öppna sidopanelen',
    template: 'Skapa mall',
    clear: 'Rensa markeringar',
    checked: (r: Report) => `Klart: ${r.summary.errors} fel, ${r.summary.warnings} varningar, ${r.summary.infos} upplysningar.`,
    templated: 'Mallbladen är skapade.',
    cleared: 'Markeringarna är borttagna.',
  },
  en: {
    check: 'Check the workbook',
    sidebar: 'Open the sidebar',
    template: 'Create template',
    clear: 'Clear highlights',
    checked: (r: Report) => `Done: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.infos} notes.`,
    templated: 'The template sheets are created.',
    cleared: 'The highlights are removed.',
  },
};

/** The user's language as the Excel task pane decides it (Swedish for a Swedish locale); Swedish when the locale is unavailable. */
function userLang(): Lang {
  try {
    return langFromLocale(Session.getActiveUserLocale());
  } catch {
    return 'sv';
  }
}

function toast(message: string): void {
  SpreadsheetApp.getActiveSpreadsheet().toast(message, 'Målkoll');
}

// ---------------------------------------------------------------------------------------------
// Commands (shared by the menu and the sidebar)
// ---------------------------------------------------------------------------------------------

/** Checks the workbook, colours status cells, writes the summary sheets; returns the report (SPEC 6). */
function malkollCheck(): Report {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // Everything is read before anything is written: a read after a write would force Sheets to flush.
  const read = readSpreadsheet(spreadsheet);
  const { report, plan } = check(read.grids);
  applyPlan(spreadsheet, plan, SpreadsheetApp, read);
  return report;
}

/** Creates the template sheets that are missing. */
function malkollTemplate(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const names = spreadsheet.getSheets().map((sheet) => sheet.getName());
  applyPlan(spreadsheet, templatePlan(names, userLang()), SpreadsheetApp);
}

/** Restores every fill Målkoll changed and removes its record. */
function malkollClear(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const read = readSpreadsheet(spreadsheet);
  applyPlan(spreadsheet, clearPlan(read.grids), SpreadsheetApp, read);
}

/** Selects the cell of an issue (sidebar: click on an issue). */
function malkollSelect(sheet: string, cell: string): void {
  selectCell(SpreadsheetApp.getActiveSpreadsheet(), sheet, cell);
}

// ---------------------------------------------------------------------------------------------
// Menu
// ---------------------------------------------------------------------------------------------

function buildMenu(): void {
  const t = TEXTS[userLang()];
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(t.check, 'malkollMenuCheck')
    .addItem(t.sidebar, 'malkollMenuSidebar')
    .addSeparator()
    .addItem(t.template, 'malkollMenuTemplate')
    .addItem(t.clear, 'malkollMenuClear')
    .addToUi();
}

function showSidebar(): void {
  const lang = userLang();
  // The language travels as a data attribute on an empty element, never as script.
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE)
    .setTitle('Målkoll')
    .append(`<div id="malkoll-lang" data-lang="${lang}" hidden></div>`);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Adds the Målkoll menu when the spreadsheet opens. */
global.onOpen = (e?: GoogleAppsScript.Events.SheetsOnOpen) => {
  void e;
  buildMenu();
};

/** Adds the Målkoll menu right after the add-on is installed. */
global.onInstall = (e?: GoogleAppsScript.Events.AddonOnInstall) => {
  void e;
  buildMenu();
};

/** Menu: Kontrollera arbetsboken. */
global.malkollMenuCheck = () => {
  const report = malkollCheck();
  toast(TEXTS[report.lang === 'en' ? 'en' : 'sv'].checked(report));
};

/** Menu: Öppna sidopanelen. */
global.malkollMenuSidebar = () => showSidebar();

/** Menu: Skapa mall. */
global.malkollMenuTemplate = () => {
  malkollTemplate();
  toast(TEXTS[userLang()].templated);
};

/** Menu: Rensa markeringar. */
global.malkollMenuClear = () => {
  malkollClear();
  toast(TEXTS[userLang()].cleared);
};

/** Checks the workbook and returns the whole report (SPEC 6). */
global.malkollCheck = () => malkollCheck();

/** Sidebar: checks the workbook and returns the compact view the panel shows (counts, goals, the first 500 issues), not the whole report. */
global.malkollCheckView = () => panelView(malkollCheck());

/** Sidebar: creates the missing template sheets. */
global.malkollTemplate = () => malkollTemplate();

/** Sidebar: restores every highlighted cell's fill. */
global.malkollClear = () => malkollClear();

/** Sidebar: selects a cell named by an issue. */
global.malkollSelect = (sheet: string, cell: string) => malkollSelect(sheet, cell);

/**
 * Bedömer en indikator: Uppfylls helt, Uppfylls delvis, Uppfylls inte, Ej bedömd eller Ej mätt. Tar även kolumner och ger då en kolumn.
 * @param {number|string} varde Värdet som bedöms (prognos eller utfall), t.ex. 38,87 % eller "38,87 %".
 * @param {number|string} arsmal Årsmålet, t.ex. "40 %", "Max 10" eller "+/- 1 %".
 * @param {string} riktning [valfritt] Högre är bättre, Lägre är bättre, Intervall eller Exakt. Utan riktning avgör årsmålets form.
 * @param {number|string} delvisgrans [valfritt] Gräns för "delvis" som andel av målet, standard 80 %.
 * @return Status som text.
 * @customfunction
 */
global.MAL_STATUS = (varde: SheetsArg, arsmal: SheetsArg, riktning?: SheetsArg, delvisgrans?: SheetsArg): SheetsResult =>
  callFunction(malStatus, [varde, arsmal, riktning, delvisgrans]);

/**
 * Måluppfyllnad: värde delat med årsmål (lägre är bättre: årsmål delat med värde). Tar även kolumner och ger då en kolumn.
 * @param {number|string} varde Värdet som bedöms (prognos eller utfall).
 * @param {number|string} arsmal Årsmålet.
 * @param {string} riktning [valfritt] Högre är bättre, Lägre är bättre, Intervall eller Exakt.
 * @return Måluppfyllnad som andel, t.ex. 0,97 (visa med formatet 0 %).
 * @customfunction
 */
global.MAL_UPPFYLLNAD = (varde: SheetsArg, arsmal: SheetsArg, riktning?: SheetsArg): SheetsResult =>
  callFunction(malUppfyllnad, [varde, arsmal, riktning]);

/**
 * Beräknad prognos för helåret utifrån periodens utfall. Tar även kolumner och ger då en kolumn.
 * @param {number|string} utfall Periodens utfall.
 * @param {string} period Perioden, t.ex. "Tertial 1 2024", "T2" eller "Kvartal 2".
 * @param {string} metod [valfritt] Senaste värde (standard), Linjär, Säsong eller Manuell.
 * @param {number|string} fg_ar_helar [valfritt] Föregående års utfall för helåret (för Säsong).
 * @param {number|string} fg_ar_samma_period [valfritt] Föregående års utfall för samma period (för Säsong).
 * @return Prognos för helåret.
 * @customfunction
 */
global.MAL_PROGNOS = (utfall: SheetsArg, period: SheetsArg, metod?: SheetsArg, fg_ar_helar?: SheetsArg, fg_ar_samma_period?: SheetsArg): SheetsResult =>
  callFunction(malPrognos, [utfall, period, metod, fg_ar_helar, fg_ar_samma_period]);

/**
 * Avvikelse från årsmålet i årsmålets enhet; positivt är bättre än målet. Tar även kolumner och ger då en kolumn.
 * @param {number|string} varde Värdet som bedöms.
 * @param {number|string} arsmal Årsmålet.
 * @param {string} riktning [valfritt] Högre är bättre, Lägre är bättre, Intervall eller Exakt.
 * @return Avvikelse med tecken.
 * @customfunction
 */
global.MAL_AVVIKELSE = (varde: SheetsArg, arsmal: SheetsArg, riktning?: SheetsArg): SheetsResult =>
  callFunction(malAvvikelse, [varde, arsmal, riktning]);

/**
 * Talet i en text skriven på svenska, t.ex. "2 757,9 mnkr" ger 2757,9 och "38,87 %" ger 0,3887. Tar även kolumner och ger då en kolumn.
 * @param {string} text Texten med talet.
 * @return Talet.
 * @customfunction
 */
global.MAL_TAL = (text: SheetsArg): SheetsResult => callFunction(malTal, [text]);

/**
 * Föreslagen bedömning av ett mål utifrån ett område med statusar (helt = 1, delvis = ½, inte = 0).
 * @param {string} statusar Område med statustexter, t.ex. Uppfylls helt, Uppfylls delvis.
 * @return Förslag: Uppfylls helt, Uppfylls delvis, Uppfylls inte eller Ej bedömd.
 * @customfunction
 */
global.MAL_BEDOMNING = (statusar: SheetsArg): SheetsResult => callFunction(malBedomning, [statusar]);

/**
 * Mening som motiverar bedömningen utifrån ett område med statusar, i rapporternas stil.
 * @param {string} statusar Område med statustexter.
 * @param {string} ord [valfritt] "indikator" (standard) eller "mål".
 * @return Meningen.
 * @customfunction
 */
global.MAL_UNDERLAG = (statusar: SheetsArg, ord?: SheetsArg): SheetsResult => callFunction(malUnderlag, [statusar, ord]);
