// Apps Script entry points: every function Apps Script calls is assigned to `global` so the bundle gets a top-level declaration.
declare const global: Record<string, unknown>;

/** Adds the Målkoll menu when the spreadsheet opens. */
function onOpen(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Kontrollera arbetsboken', 'malkollCheck').addToUi();
}

/** Menu: Kontrollera arbetsboken. */
function malkollCheck(): void {
  SpreadsheetApp.getActive().toast('Målkoll');
}

/** Adds the Målkoll menu when the spreadsheet opens. */
global.onOpen = onOpen;
/** Menu: Kontrollera arbetsboken. */
global.malkollCheck = malkollCheck;
