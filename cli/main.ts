// The `malkoll` command line: picks the sub-command, hands over to its thin module, and turns failures into one line and an exit code.
import { requestedLang } from './args';
import { runCheck } from './commands/check';
import { runClear } from './commands/clear';
import { runTemplate } from './commands/template';
import { CliError } from './errors';
import { messages } from './messages';
import type { Lang } from '../core/types';
import * as fs from 'fs';
import * as path from 'path';

type Command = (args: string[], lang: Lang) => Promise<number>;

const COMMANDS: Record<string, Command> = { check: runCheck, template: runTemplate, clear: runClear };

/** Runs one command line (without `node malkoll`); resolves to the exit code: 0 no errors, 1 the workbook has errors, 2 could not run. */
export async function main(args: string[]): Promise<number> {
  const lang = requestedLang(args);
  const text = messages(lang);
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(text.usage);
    return 0;
  }
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`malkoll ${version()}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(text.unknownCommand(command) + '\n');
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(text.usage);
    return 0;
  }
  try {
    return await run(rest, lang);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(error.message + '\n');
      return error.exitCode;
    }
    // A bug, not the user's doing: still one line, with the stack only on request.
    const err = error as Error;
    process.stderr.write(`malkoll: ${err?.message ?? String(error)}\n`);
    if (process.env.MALKOLL_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
    return 2;
  }
}

/** The version in package.json (the CLI runs from dist/cli/, the tests from cli/). */
function version(): string {
  for (const file of [path.join(__dirname, '..', '..', 'package.json'), path.join(__dirname, '..', 'package.json')]) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'malkoll' && parsed.version) return parsed.version;
    } catch {
      // try the next place
    }
  }
  return 'unknown';
}
