// Sidebar script of the Sheets add-on: mounts the shared panel with a backend that calls the server functions through google.script.run.
import { mountPanel, type PanelBackend } from '../ui/panel';
import { langFromLocale } from '../ui/strings';
import type { Lang } from '../core/types';
import type { PanelView } from '../ui/view';

/** The part of the client-side `google.script.run` the sidebar uses (not in @types/google-apps-script). */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } } | undefined;

/** Calls one server function and settles with its result or its failure. */
function callServer<T>(run: ScriptRunner, name: string, args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String((error as { message?: unknown })?.message ?? error))));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new Error(`google.script.run.${name} saknas`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  });
}

/** The panel's backend over google.script.run (server functions in main.ts); the check sends back the compact view only. */
export function sheetsBackend(run: ScriptRunner): PanelBackend {
  return {
    check: () => callServer<PanelView>(run, 'malkollCheckView', []),
    template: () => callServer<void>(run, 'malkollTemplate', []).then(() => undefined),
    clear: () => callServer<void>(run, 'malkollClear', []).then(() => undefined),
    select: (sheet, cell) => callServer<void>(run, 'malkollSelect', [sheet, cell]).then(() => undefined),
  };
}

/** The language the server put on the page (an element with data-lang), else the browser's. */
export function sidebarLang(doc: Document): Lang {
  const marked = doc.getElementById('malkoll-lang')?.getAttribute('data-lang');
  if (marked === 'sv' || marked === 'en') return marked;
  return langFromLocale(typeof navigator === 'undefined' ? null : navigator.language);
}

function start(): void {
  const root = document.getElementById('app');
  if (!root || typeof google === 'undefined') return;
  mountPanel(root, sheetsBackend(google.script.run), sidebarLang(document));
}

if (typeof document !== 'undefined') {
  // The server appends the language marker after the page, so wait until the whole page is parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
