// `malkoll check IN.xlsx`: reads the workbook, runs core's check, writes the checked copy and the JSON report, prints a summary.
import { check } from '../../core/check';
import { proposalDiffers, STATUSES, STATUS_TEXT } from '../../core/common/status';
import { formatNumber } from '../../core/read/values';
import type { Lang, Report, Status } from '../../core/types';
import { langOption, parseArgs, singleFile } from '../args';
import { CliError } from '../errors';
import { assertDistinct, assertNotInput, besideInput, openWorkbook, patchedWorkbook, writeFile } from '../files';
import { messages, type CliMessages } from '../messages';
import { parsePeriod } from '../../core/read/period';

const FLAGS = { '-o': 'output', '--output': 'output', '--json': 'json', '--period': 'period', '--lang': 'lang', '--jamfor': 'previous', '--compare': 'previous' };
/** Above this many rows the run takes long enough to say what it is doing (on stderr, so stdout stays the summary). */
const PROGRESS_ROWS = 2000;
const TOP_ISSUES = 10;
const TOP_GOALS = 10;
const TITLE_WIDTH = 60;
/** The error core gives a workbook without any sheet it can read. */
const NO_INPUT_CODE = 'E_NO_INPUT';

export async function runCheck(args: string[], lang: Lang): Promise<number> {
  let text = messages(lang);
  const parsed = parseArgs(args, FLAGS, text);
  const langOverride = langOption(parsed.options.lang, text);
  text = messages(langOverride ?? lang);
  const input = singleFile(parsed, 'check', text);
  const period = periodOption(parsed.options.period, text);
  const started = Date.now();
  const workbook = await openWorkbook(input, text);
  const output = parsed.options.output ?? besideInput(input, '-kontrollerad', workbook.pkg.macroEnabled ? '.xlsm' : '.xlsx');
  const json = parsed.options.json;
  assertNotInput(input, output, text);
  if (json) assertNotInput(input, json, text);
  if (json) assertDistinct(output, json, text);
  if (parsed.options.previous) {
    assertNotInput(parsed.options.previous, output, text);
    if (json) assertNotInput(parsed.options.previous, json, text);
  }

  const grids = workbook.grids;
  const rows = grids.sheets.reduce((sum, sheet) => sum + sheet.values.length, 0);
  const showProgress = rows > PROGRESS_ROWS;
  if (showProgress) process.stderr.write(text.progressRead(rows, seconds(Date.now() - started, lang)) + '\n');

  // The previous report is only read: it is never written, whatever happens to the checked copy.
  const previous = parsed.options.previous ? (await openWorkbook(parsed.options.previous, text)).grids : undefined;
  const { report, plan } = check(grids, { lang: langOverride, period, previous });
  text = messages(report.lang);
  if (nothingRead(report)) throw new CliError(text.noInput(input), 1);
  if (showProgress) process.stderr.write(text.progressWrite(output) + '\n');
  await writeFile(output, await patchedWorkbook(workbook, plan), text);
  if (json) await writeFile(json, JSON.stringify(report, null, 2) + '\n', text);

  const written = [output, json].filter((file): file is string => !!file);
  process.stdout.write(formatSummary(report, text, written));
  return report.summary.errors > 0 ? 1 : 0;
}

/** A `--period` that is no period is a usage error (exit 2), not an issue in the user's workbook. */
function periodOption(value: string | undefined, text: CliMessages): string | undefined {
  if (value === undefined) return undefined;
  if (!parsePeriod(value.trim(), null)) throw new CliError(text.badPeriod(value));
  return value;
}

/**
 * No input sheet at all: core reports E_NO_INPUT (an error, exit 1); without it in core, the CLI tells the same
 * from the report (nothing of any kind read), so a workbook Målkoll cannot read never passes as "0 fel".
 */
function nothingRead(report: Report): boolean {
  if (report.issues.some((issue) => issue.code === NO_INPUT_CODE)) return false; // core says it, in the summary and the exit code
  const finance = report.finance;
  const financeRead = !!finance && (finance.total !== null || finance.budgetfoljsamhet !== null);
  return report.indicators.length === 0 && report.goals.length === 0 && report.activities.length === 0 && !financeRead;
}

function seconds(ms: number, lang: Lang): string {
  return formatNumber(Math.round(ms / 100) / 10, lang, 1);
}

/** The short summary on stdout: statuses, goals whose proposal differs, the budget line, the first issues, the files written. */
export function formatSummary(report: Report, text: CliMessages, written: string[]): string {
  const lines = [text.title(report.period), ''];
  lines.push(...statusLines(report, text), '');
  lines.push(...goalLines(report, text), '');
  const comparison = report.comparison;
  if (comparison) lines.push(text.comparison(comparison.better, comparison.worse, comparison.same, comparison.new, comparison.removed.length), '');
  const finance = financeLine(report, text);
  if (finance) lines.push(finance, '');
  lines.push(...issueLines(report, text), '');
  for (const file of written) lines.push(text.wrote(file));
  return lines.join('\n') + '\n';
}

function statusLines(report: Report, text: CliMessages): string[] {
  const counts: Record<Status, number> = { helt: 0, delvis: 0, inte: 0, ej_bedomd: 0, ej_matt: 0 };
  for (const indicator of report.indicators) counts[indicator.status]++;
  const labels = STATUS_TEXT[report.lang];
  const width = Math.max(...STATUSES.map((s) => labels[s].length));
  const countWidth = String(report.indicators.length).length;
  return [
    text.indicators(report.indicators.length),
    ...STATUSES.map((s) => `  ${labels[s].padEnd(width)}  ${String(counts[s]).padStart(countWidth)}`),
  ];
}

function goalLines(report: Report, text: CliMessages): string[] {
  const differing = report.goals.filter((goal) => proposalDiffers(goal.stated, goal.proposed));
  const lines = [text.goals(report.goals.length, differing.length)];
  if (differing.length === 0) return lines;
  const labels = STATUS_TEXT[report.lang];
  const rows = differing
    .slice(0, TOP_GOALS)
    .map((goal) => [goal.number, labels[goal.proposed], labels[goal.stated as Status], shorten(goal.title, TITLE_WIDTH)]);
  const table = [text.goalsHeader as string[], ...rows];
  const widths = [0, 1, 2].map((col) => Math.max(...table.map((row) => row[col].length)));
  for (const row of table) lines.push('  ' + row.map((cell, col) => (col < 3 ? cell.padEnd(widths[col]) : cell)).join('  '));
  if (differing.length > TOP_GOALS) lines.push('  ' + text.moreGoals(differing.length - TOP_GOALS));
  return lines;
}

function financeLine(report: Report, text: CliMessages): string | null {
  const finance = report.finance;
  if (!finance || (!finance.total && finance.budgetfoljsamhet === null)) return null;
  const lang = report.lang;
  const amount = finance.total?.avvikelse;
  const percent = (value: number | null | undefined): string | null =>
    value === null || value === undefined ? null : `${formatNumber(value * 100, lang, 1)} %`;
  return text.finance(
    amount === null || amount === undefined ? null : formatNumber(amount, lang, 1),
    percent(finance.budgetfoljsamhet),
    percent(finance.budgetfoljsamhetForeResultatoverforingar),
  );
}

function issueLines(report: Report, text: CliMessages): string[] {
  const { errors, warnings, infos } = report.summary;
  const lines = [text.issues(errors, warnings, infos)];
  const shown = report.issues.slice(0, TOP_ISSUES);
  const severityWidth = Math.max(...Object.values(text.severity).map((s) => s.length));
  const codeWidth = Math.max(0, ...shown.map((issue) => issue.code.length));
  const placeWidth = Math.max(0, ...shown.map((issue) => place(issue).length));
  for (const issue of shown) {
    const message = issue.message.replace(/\s+/g, ' ');
    lines.push(`  ${text.severity[issue.severity].padEnd(severityWidth)}  ${issue.code.padEnd(codeWidth)}  ${place(issue).padEnd(placeWidth)}  ${message}`);
  }
  if (report.issues.length > shown.length) lines.push('  ' + text.moreIssues(report.issues.length - shown.length));
  return lines;
}

function place(issue: { sheet: string; cell: string }): string {
  return `${issue.sheet}!${issue.cell}`;
}

function shorten(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
