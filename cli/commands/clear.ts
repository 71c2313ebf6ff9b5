// `malkoll clear IN.xlsx`: writes a copy with Målkoll's highlights removed and every recorded fill restored.
import { clearPlan } from '../../core/write/plan';
import type { Lang } from '../../core/types';
import { langOption, parseArgs, singleFile } from '../args';
import { assertNotInput, besideInput, openWorkbook, patchedWorkbook, writeFile } from '../files';
import { messages } from '../messages';
import { OUTPUT_SHEET_NAMES } from '../../core/read/schema';

const FLAGS = { '-o': 'output', '--output': 'output', '--lang': 'lang' };

export async function runClear(args: string[], lang: Lang): Promise<number> {
  let text = messages(lang);
  const parsed = parseArgs(args, FLAGS, text);
  text = messages(langOption(parsed.options.lang, text) ?? lang);
  const input = singleFile(parsed, 'clear', text);
  const workbook = await openWorkbook(input, text);
  const output = parsed.options.output ?? besideInput(input, '-rensad', workbook.pkg.macroEnabled ? '.xlsm' : '.xlsx');
  assertNotInput(input, output, text);

  const plan = clearPlan(workbook.grids);
  const restored = plan.fills.reduce((sum, change) => sum + change.cells.length, 0);
  const hasRecord = workbook.grids.sheets.some((sheet) => sheet.name.toLowerCase() === OUTPUT_SHEET_NAMES.record.toLowerCase());
  if (restored === 0 && !hasRecord) {
    process.stdout.write(text.nothingToClear(input) + '\n'); // nothing to clear: nothing written
    return 0;
  }
  await writeFile(output, await patchedWorkbook(workbook, plan), text);
  process.stdout.write(text.cleared(restored, output) + '\n');
  return 0;
}
