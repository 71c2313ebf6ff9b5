// The panel's user-interface texts in Swedish and English, and the choice of language from a host's locale.
import type { Lang, Severity } from '../core/types';

export interface UiStrings {
  title: string;
  subtitle: string;
  check: string;
  template: string;
  clear: string;
  checking: string;
  creatingTemplate: string;
  clearing: string;
  /** Progress of a long command in its syncs (Excel reads and writes in row bands). */
  progress: (phase: 'read' | 'write', done: number, total: number) => string;
  templateDone: string;
  clearDone: string;
  checkDone: (errors: number, warnings: number, infos: number) => string;
  errorTitle: string;
  dismiss: string;
  indicatorsHeading: string;
  goalsHeading: (goals: number, differing: number) => string;
  comparison: (better: number, worse: number, same: number, added: number, removed: number) => string;
  issuesHeading: (count: number) => string;
  noIssues: string;
  attentionHeading: string;
  showingFirst: (shown: number, total: number) => string;
  period: (period: string) => string;
  severity: Record<Severity, string>;
  severityCount: Record<Severity, string>;
  goToCell: (sheet: string, cell: string) => string;
  selectFailed: string;
  start: string;
}

export const UI_STRINGS: Record<Lang, UiStrings> = {
  sv: {
    title: 'Målkoll',
    subtitle: 'Kontrollerar mål, indikatorer, aktiviteter och ekonomi i arbetsboken.',
    check: 'Kontrollera',
    template: 'Skapa mall',
    clear: 'Rensa markeringar',
    checking: 'Kontrollerar…',
    creatingTemplate: 'Skapar mall…',
    clearing: 'Rensar markeringar…',
    progress: (phase, done, total) => (phase === 'read' ? `Läser arbetsboken: del ${done} av ${total}…` : `Skriver i arbetsboken: del ${done + 1}…`),
    templateDone: 'Mallens blad är skapade.',
    clearDone: 'Markeringarna är borttagna och cellernas fyllning återställd.',
    checkDone: (e, w, i) => `Klart: ${e} fel, ${w} varningar, ${i} upplysningar.`,
    errorTitle: 'Något gick fel',
    dismiss: 'Stäng',
    indicatorsHeading: 'Indikatorer efter status',
    goalsHeading: (g, d) => `${g} mål, ${d} där förslaget avviker från bedömningen`,
    comparison: (b, w, s, a, r) => `Sedan föregående rapport: ${b} bättre, ${w} sämre, ${s} oförändrade, ${a} nya, ${r} borttagna.`,
    issuesHeading: (n) => `Anmärkningar (${n})`,
    noIssues: 'Inga anmärkningar.',
    attentionHeading: 'Indikatorer som inte uppfylls helt',
    showingFirst: (shown, total) => `Visar de första ${shown} av ${total}.`,
    period: (p) => `Period: ${p}`,
    severity: { error: 'Fel', warning: 'Varning', info: 'Info' },
    severityCount: { error: 'fel', warning: 'varningar', info: 'upplysningar' },
    goToCell: (sheet, cell) => `Gå till ${sheet}!${cell}`,
    selectFailed: 'Cellen kunde inte markeras',
    start: 'Klicka på Kontrollera för att granska arbetsboken.',
  },
  en: {
    title: 'Målkoll',
    subtitle: 'Checks goals, indicators, activities and budget in the workbook.',
    check: 'Check',
    template: 'Create template',
    clear: 'Clear highlights',
    checking: 'Checking…',
    creatingTemplate: 'Creating template…',
    clearing: 'Clearing highlights…',
    progress: (phase, done, total) => (phase === 'read' ? `Reading the workbook: part ${done} of ${total}…` : `Writing to the workbook: part ${done + 1}…`),
    templateDone: 'The template sheets are created.',
    clearDone: 'Highlights removed and the cells’ fills restored.',
    checkDone: (e, w, i) => `Done: ${e} errors, ${w} warnings, ${i} notes.`,
    errorTitle: 'Something went wrong',
    dismiss: 'Close',
    indicatorsHeading: 'Indicators by status',
    goalsHeading: (g, d) => `${g} goals, ${d} where the proposal differs from the assessment`,
    comparison: (b, w, s, a, r) => `Since the previous report: ${b} better, ${w} worse, ${s} unchanged, ${a} new, ${r} removed.`,
    issuesHeading: (n) => `Issues (${n})`,
    noIssues: 'No issues.',
    attentionHeading: 'Indicators not fully met',
    showingFirst: (shown, total) => `Showing the first ${shown} of ${total}.`,
    period: (p) => `Period: ${p}`,
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    severityCount: { error: 'errors', warning: 'warnings', info: 'notes' },
    goToCell: (sheet, cell) => `Go to ${sheet}!${cell}`,
    selectFailed: 'The cell could not be selected',
    start: 'Click Check to review the workbook.',
  },
};

/** Swedish for any Swedish locale (`sv`, `sv-SE`, `sv-FI`), English otherwise. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^sv(?:$|[-_])/i.test(locale ?? '') ? 'sv' : 'en';
}
