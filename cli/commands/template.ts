// `malkoll template UT.xlsx`: writes an empty workbook with Målkoll's input sheets, headers, validation lists and an example row.
import * as fs from 'fs';
import { templatePlan } from '../../core/write/template';
import type { Lang } from '../../core/types';
import { langOption, parseArgs, singleFile } from '../args';
import { CliError } from '../errors';
import { saveWorkbook } from '../files';
import { messages } from '../messages';
import { applyPlan } from '../xlsx';

const FLAGS = { '--lang': 'lang' };

export async function runTemplate(args: string[], lang: Lang): Promise<number> {
  let text = messages(lang);
  const parsed = parseArgs(args, FLAGS, text);
  const templateLang = langOption(parsed.options.lang, text) ?? lang;
  text = messages(templateLang);
  const output = singleFile(parsed, 'template', text);
  if (fs.existsSync(output)) throw new CliError(text.outputExists(output)); // never overwrite someone's workbook

  // exceljs is loaded here, not at start: it takes a third of a second to load, and only this command uses it.
  const ExcelJS = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Målkoll';
  const plan = templatePlan([], templateLang);
  applyPlan(workbook, plan);
  await saveWorkbook(workbook, output, text);
  process.stdout.write(text.templateWritten(output, workbook.worksheets.filter((ws) => ws.state !== 'hidden').map((ws) => ws.name)) + '\n');
  return 0;
}
