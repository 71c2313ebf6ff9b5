// Flag parsing for the sub-commands: positional arguments plus the flags each command declares.
import type { Lang } from '../core/types';
import { CliError } from './errors';
import type { CliMessages } from './messages';

/** Flag spellings (`-o`, `--output`) → option name; every declared flag takes a value. */
export type FlagSpec = Record<string, string>;

export interface ParsedArgs {
  positional: string[];
  options: Record<string, string>;
}

/** Splits `args` into positional arguments and declared flags (`--flag value` or `--flag=value`); anything else is a CliError. */
export function parseArgs(args: string[], flags: FlagSpec, text: CliMessages): ParsedArgs {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const name = flags[flag];
    if (!name) throw new CliError(text.unknownOption(flag));
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') throw new CliError(text.missingValue(flag));
    options[name] = value;
  }
  return { positional, options };
}

/** The `--lang` value as a Lang; undefined when absent; a CliError for anything but sv/en. */
export function langOption(value: string | undefined, text: CliMessages): Lang | undefined {
  if (value === undefined) return undefined;
  const lang = value.trim().toLowerCase();
  if (lang === 'sv' || lang === 'en') return lang;
  throw new CliError(text.badLang(value));
}

/** The language asked for anywhere on the command line, so that even a usage error speaks it. */
export function requestedLang(args: string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    const value = args[i] === '--lang' ? args[i + 1] : args[i].startsWith('--lang=') ? args[i].slice(7) : undefined;
    if (value && value.trim().toLowerCase() === 'en') return 'en';
  }
  return 'sv';
}

/** Exactly one positional argument (the file), or a CliError. */
export function singleFile(parsed: ParsedArgs, command: string, text: CliMessages): string {
  if (parsed.positional.length === 0) throw new CliError(text.missingFile(command));
  if (parsed.positional.length > 1) throw new CliError(text.tooManyArguments(parsed.positional[1]));
  return parsed.positional[0];
}
