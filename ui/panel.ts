// The Målkoll panel shared by the Excel task pane and the Google Sheets sidebar: buttons, progress, counts and the issue list, built with DOM calls only.
import { proposalDiffers, STATUS_FILL, STATUS_FONT, STATUS_TEXT, STATUSES } from '../core/common/status';
import type { Issue, Lang, Report, Severity, Status } from '../core/types';
import { UI_STRINGS, UiStrings } from './strings';

/** What the panel needs from its host. Every call may reject; the panel shows the error. */
export interface PanelBackend {
  check(): Promise<Report>;
  template(): Promise<void>;
  clear(): Promise<void>;
  select(sheet: string, cell: string): Promise<void>;
}

/** Long lists are cut so that a 50 000-issue workbook does not freeze the pane. */
const MAX_ISSUES = 500;
const MAX_ATTENTION = 200;
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

function countStatuses(report: Report): Record<Status, number> {
  const counts: Record<Status, number> = { helt: 0, delvis: 0, inte: 0, ej_bedomd: 0, ej_matt: 0 };
  for (const indicator of report.indicators) counts[indicator.status]++;
  return counts;
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

  buttons.check.addEventListener('click', () => {
    void run(strings.checking, async () => {
      const report = await backend.check();
      results.replaceChildren(...renderReport(report, lang, select));
      return strings.checkDone(report.summary.errors, report.summary.warnings, report.summary.infos);
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
      await backend.clear();
      return strings.clearDone;
    });
  });
}

/** The results of a check: period, counts by status and severity, goals, indicators needing attention, issues. */
function renderReport(report: Report, lang: Lang, select: (sheet: string, cell: string) => void): HTMLElement[] {
  const strings = UI_STRINGS[lang];
  const nodes: HTMLElement[] = [];
  if (report.period) nodes.push(el('p', 'mk-period', strings.period(report.period)));

  nodes.push(el('h2', 'mk-heading', strings.indicatorsHeading));
  const statusChips = el('div', 'mk-chips mk-status-counts');
  const counts = countStatuses(report);
  for (const status of STATUSES) statusChips.append(statusChip(status, `${STATUS_TEXT[lang][status]}: ${counts[status]}`));
  nodes.push(statusChips);

  const severityChips = el('div', 'mk-chips mk-severity-counts');
  const totals: Record<Severity, number> = { error: report.summary.errors, warning: report.summary.warnings, info: report.summary.infos };
  for (const severity of SEVERITIES) severityChips.append(severityChip(severity, totals[severity], strings));
  nodes.push(severityChips);

  const differing = report.goals.filter((goal) => proposalDiffers(goal.stated, goal.proposed)).length;
  nodes.push(el('p', 'mk-goals', strings.goalsHeading(report.goals.length, differing)));
  const moved = report.comparison;
  if (moved) nodes.push(el('p', 'mk-comparison', strings.comparison(moved.better, moved.worse, moved.same, moved.new, moved.removed.length)));

  const attention = report.indicators.filter((indicator) => indicator.status === 'inte' || indicator.status === 'delvis');
  if (attention.length > 0) {
    nodes.push(el('h2', 'mk-heading', strings.attentionHeading));
    const list = el('ul', 'mk-list mk-attention');
    for (const indicator of attention.slice(0, MAX_ATTENTION)) {
      const item = el('li', 'mk-attention-item');
      item.append(
        statusChip(indicator.status, STATUS_TEXT[lang][indicator.status]),
        el('span', 'mk-goal-number', indicator.goal),
        el('span', 'mk-name', indicator.name),
      );
      list.append(item);
    }
    nodes.push(list);
    if (attention.length > MAX_ATTENTION) nodes.push(el('p', 'mk-hint', strings.showingFirst(MAX_ATTENTION, attention.length)));
  }

  nodes.push(el('h2', 'mk-heading', strings.issuesHeading(report.issues.length)));
  if (report.issues.length === 0) {
    nodes.push(el('p', 'mk-hint', strings.noIssues));
    return nodes;
  }
  const list = el('ul', 'mk-list mk-issues');
  for (const issue of report.issues.slice(0, MAX_ISSUES)) list.append(renderIssue(issue, strings, select));
  nodes.push(list);
  if (report.issues.length > MAX_ISSUES) nodes.push(el('p', 'mk-hint', strings.showingFirst(MAX_ISSUES, report.issues.length)));
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
