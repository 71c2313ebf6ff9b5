// The Målkoll panel shared by the Excel task pane and the Google Sheets sidebar: buttons, progress, counts and the issue list, built with DOM calls only.
import { STATUS_FILL, STATUS_FONT, STATUS_TEXT, STATUSES } from '../core/common/status';
import type { Issue, Lang, Severity, Status } from '../core/types';
import { UI_STRINGS, UiStrings } from './strings';
import type { PanelView } from './view';

/** How far a long command is: the phase and its syncs (Excel's row bands). */
export interface PanelProgress {
  phase: 'read' | 'write';
  done: number;
  total: number;
}

/** What the panel needs from its host. Every call may reject; the panel shows the error. */
export interface PanelBackend {
  /** Checks the workbook and returns the panel's compact view of the report. */
  check(onProgress?: (progress: PanelProgress) => void): Promise<PanelView>;
  template(): Promise<void>;
  clear(onProgress?: (progress: PanelProgress) => void): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

type Command = 'check' | 'template' | 'clear';

/** Creates an element with a class and, optionally, its text (always as text, never as markup). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A readable message for anything a host may throw (Error, OfficeExtension.Error, a string, an object). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
  }
  if (typeof error === 'string') return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

/** A chip in the status's colours (SPEC 2.8) that also says the status in words: colour is never the only signal. */
function statusChip(status: Status, label: string): HTMLElement {
  const chip = el('span', 'mk-chip', label);
  chip.style.backgroundColor = STATUS_FILL[status];
  chip.style.color = STATUS_FONT[status];
  chip.dataset.status = status;
  return chip;
}

function severityChip(severity: Severity, count: number, strings: UiStrings): HTMLElement {
  const chip = el('span', `mk-chip mk-sev-${severity}`, `${count} ${strings.severityCount[severity]}`);
  chip.dataset.severity = severity;
  return chip;
}

/** Mounts the panel into `root` (replacing its content). */
export function mountPanel(root: HTMLElement, backend: PanelBackend, lang: Lang): void {
  const strings = UI_STRINGS[lang];
  root.replaceChildren();
  root.classList.add('mk-root');
  root.lang = lang;

  const header = el('header', 'mk-header');
  header.append(el('h1', 'mk-title', strings.title), el('p', 'mk-subtitle', strings.subtitle));

  const actions = el('div', 'mk-actions');
  const buttons: Record<Command, HTMLButtonElement> = {
    check: el('button', 'mk-button mk-primary', strings.check),
    template: el('button', 'mk-button', strings.template),
    clear: el('button', 'mk-button', strings.clear),
  };
  for (const command of Object.keys(buttons) as Command[]) {
    buttons[command].type = 'button';
    buttons[command].dataset.command = command;
    actions.append(buttons[command]);
  }

  const progress = el('div', 'mk-progress');
  progress.setAttribute('role', 'status');
  progress.setAttribute('aria-live', 'polite');
  progress.hidden = true;
  const progressText = el('span', 'mk-progress-text');
  progress.append(el('span', 'mk-spinner'), progressText);

  const errorBar = el('div', 'mk-messagebar mk-messagebar-error');
  errorBar.setAttribute('role', 'alert');
  errorBar.hidden = true;
  const errorText = el('span', 'mk-messagebar-text');
  const dismiss = el('button', 'mk-messagebar-dismiss', '×');
  dismiss.type = 'button';
  dismiss.title = strings.dismiss;
  dismiss.setAttribute('aria-label', strings.dismiss);
  errorBar.append(el('strong', 'mk-messagebar-title', strings.errorTitle), errorText, dismiss);

  const notice = el('div', 'mk-messagebar mk-messagebar-info');
  notice.setAttribute('role', 'status');
  notice.hidden = true;

  const results = el('section', 'mk-results');
  results.append(el('p', 'mk-hint', strings.start));

  root.append(header, actions, progress, errorBar, notice, results);

  const showError = (error: unknown, prefix?: string): void => {
    errorText.textContent = prefix ? `${prefix}: ${describeError(error)}` : describeError(error);
    errorBar.hidden = false;
  };
  dismiss.addEventListener('click', () => {
    errorBar.hidden = true;
  });

  const showNotice = (text: string): void => {
    notice.textContent = text;
    notice.hidden = false;
  };

  const setBusy = (busyText: string | null): void => {
    for (const button of Object.values(buttons)) button.disabled = busyText !== null;
    progress.hidden = busyText === null;
    progressText.textContent = busyText ?? '';
    root.setAttribute('aria-busy', busyText === null ? 'false' : 'true');
  };

  const select = (sheet: string, cell: string): void => {
    backend.select(sheet, cell).catch((error) => showError(error, `${strings.selectFailed} (${sheet}!${cell})`));
  };

  const run = async (busyText: string, work: () => Promise<string>): Promise<void> => {
    setBusy(busyText);
    errorBar.hidden = true;
    notice.hidden = true;
    try {
      showNotice(await work());
    } catch (error) {
      showError(error);
    } finally {
      setBusy(null);
    }
  };

  const showProgress = (progress: PanelProgress): void => {
    progressText.textContent = strings.progress(progress.phase, progress.done, progress.total);
  };

  buttons.check.addEventListener('click', () => {
    void run(strings.checking, async () => {
      const view = await backend.check(showProgress);
      results.replaceChildren(...renderReport(view, lang, select));
      return strings.checkDone(view.summary.error, view.summary.warning, view.summary.info);
    });
  });
  buttons.template.addEventListener('click', () => {
    void run(strings.creatingTemplate, async () => {
      await backend.template();
      return strings.templateDone;
    });
  });
  buttons.clear.addEventListener('click', () => {
    void run(strings.clearing, async () => {
      await backend.clear(showProgress);
      return strings.clearDone;
    });
  });
}

/** The results of a check: period, counts by status and severity, goals, indicators needing attention, issues. */
function renderReport(view: PanelView, lang: Lang, select: (sheet: string, cell: string) => void): HTMLElement[] {
  const strings = UI_STRINGS[lang];
  const nodes: HTMLElement[] = [];
  if (view.period) nodes.push(el('p', 'mk-period', strings.period(view.period)));

  nodes.push(el('h2', 'mk-heading', strings.indicatorsHeading));
  const statusChips = el('div', 'mk-chips mk-status-counts');
  for (const status of STATUSES) statusChips.append(statusChip(status, `${STATUS_TEXT[lang][status]}: ${view.statusCounts[status]}`));
  nodes.push(statusChips);

  const severityChips = el('div', 'mk-chips mk-severity-counts');
  for (const severity of SEVERITIES) severityChips.append(severityChip(severity, view.summary[severity], strings));
  nodes.push(severityChips);

  nodes.push(el('p', 'mk-goals', strings.goalsHeading(view.goals, view.goalsDiffering)));
  const moved = view.comparison;
  if (moved) nodes.push(el('p', 'mk-comparison', strings.comparison(moved.better, moved.worse, moved.same, moved.new, moved.removed)));

  const attention = view.attention;
  if (attention.length > 0) {
    nodes.push(el('h2', 'mk-heading', strings.attentionHeading));
    const list = el('ul', 'mk-list mk-attention');
    for (const indicator of attention) {
      const item = el('li', 'mk-attention-item');
      item.append(
        statusChip(indicator.status, STATUS_TEXT[lang][indicator.status]),
        el('span', 'mk-goal-number', indicator.goal),
        el('span', 'mk-name', indicator.name),
      );
      list.append(item);
    }
    nodes.push(list);
    if (view.attentionTotal > attention.length) nodes.push(el('p', 'mk-hint', strings.showingFirst(attention.length, view.attentionTotal)));
  }

  nodes.push(el('h2', 'mk-heading', strings.issuesHeading(view.issuesTotal)));
  if (view.issuesTotal === 0) {
    nodes.push(el('p', 'mk-hint', strings.noIssues));
    return nodes;
  }
  const list = el('ul', 'mk-list mk-issues');
  for (const issue of view.issues) list.append(renderIssue(issue, strings, select));
  nodes.push(list);
  if (view.issuesTotal > view.issues.length) nodes.push(el('p', 'mk-hint', strings.showingFirst(view.issues.length, view.issuesTotal)));
  return nodes;
}

/** One issue as a button (keyboard and screen reader friendly) that selects its cell. */
function renderIssue(issue: Issue, strings: UiStrings, select: (sheet: string, cell: string) => void): HTMLElement {
  const item = el('li', `mk-issue mk-issue-${issue.severity}`);
  const button = el('button', 'mk-issue-button');
  button.type = 'button';
  button.title = strings.goToCell(issue.sheet, issue.cell);
  const top = el('span', 'mk-issue-top');
  top.append(
    el('span', `mk-badge mk-sev-${issue.severity}`, strings.severity[issue.severity]),
    el('span', 'mk-code', issue.code),
    el('span', 'mk-location', `${issue.sheet}!${issue.cell}`),
  );
  button.append(top, el('span', 'mk-message', issue.message));
  button.addEventListener('click', () => select(issue.sheet, issue.cell));
  item.append(button);
  return item;
}
