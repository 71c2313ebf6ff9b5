// `malkoll clear IN.xlsx`: writes a copy with Målkoll's highlights removed and every recorded fill restored.
import { clearPlan } from '../../core/write/plan';
import type { Lang } from '../../core/types';
import { langOption, parseArgs, singleFile } from '../args';
import { assertNotInput, besideInput, loadWorkbook, saveWorkbook } from '../files';
import { messages } from '../messages';
import { applyPlan, readGrids } from '../xlsx';

const FLAGS = { '-o': 'output', '--output': 'output', '--lang': 'lang' };

export async function runClear(args: string[], lang: Lang): Promise<number> {
  let text = messages(lang);
  const parsed = parseArgs(args, FLAGS, text);
  text = messages(langOption(parsed.options.lang, text) ?? lang);
  const input = singleFile(parsed, 'clear', text);
  const output = parsed.options.output ?? besideInput(input, '-rensad');
  assertNotInput(input, output, text);

  const workbook = await loadWorkbook(input, text);
  const plan = clearPlan(readGrids(workbook));
  applyPlan(workbook, plan);
  await saveWorkbook(workbook, output, text);
  const restored = plan.fills.reduce((sum, change) => sum + change.cells.length, 0);
  process.stdout.write((restored > 0 ? text.cleared(restored, output) : text.nothingToClear(output)) + '\n');
  return 0;
}
