// Task pane entry point: waits for Office, then mounts the shared Målkoll panel with an Excel backend.
import type { Lang } from '../core/types';
import { mountPanel, type PanelBackend } from '../ui/panel';
import { langFromLocale } from '../ui/strings';
import { panelView, type PanelView } from '../ui/view';
import { runCheck, runClear, runTemplate, selectCell } from './adapter';

/** The panel's commands, each in its own Excel.run batch. */
function excelBackend(lang: Lang): PanelBackend {
  return {
    // The workbook's Språk setting decides the check's language, as in the CLI and the Sheets add-on.
    check: async (onProgress): Promise<PanelView> => panelView(await Excel.run((context) => runCheck(context, undefined, onProgress))),
    template: async (): Promise<void> => {
      await Excel.run((context) => runTemplate(context, lang));
    },
    clear: async (onProgress): Promise<void> => {
      await Excel.run((context) => runClear(context, onProgress));
    },
    select: (sheet: string, cell: string): Promise<void> => Excel.run((context) => selectCell(context, sheet, cell)),
  };
}

Office.onReady(() => {
  const root = document.getElementById('app');
  if (!root) return;
  const lang = langFromLocale(Office.context.displayLanguage);
  document.documentElement.lang = lang;
  mountPanel(root, excelBackend(lang), lang);
  root.setAttribute('data-ready', 'true');
});
