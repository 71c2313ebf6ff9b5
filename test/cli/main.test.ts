// Tests of the command line itself: help, unknown commands and flags, exit codes.
import { runCli } from './helpers';

describe('malkoll command', () => {
  it('prints its usage in Swedish and exits 0 for --help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Användning: malkoll check IN\.xlsx/);
    expect(run.stdout).toContain('malkoll template UT.xlsx');
    expect(run.stdout).toContain('malkoll clear IN.xlsx');
    expect(run.stdout).toContain('Slutkod: 0 inga fel, 1 arbetsboken har fel, 2');
  });

  it('prints its usage in English with --lang en', async () => {
    const run = await runCli(['--help', '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: malkoll check IN\.xlsx/);
  });

  it('prints the usage for a sub-command asked for help', async () => {
    const run = await runCli(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Användning/);
  });

  it.each([
    [['kontrollera', 'a.xlsx'], /^malkoll: okänt kommando "kontrollera" \(se malkoll --help\)\n$/],
    [['check'], /^malkoll check: ange en \.xlsx-fil/],
    [['check', 'a.xlsx', 'b.xlsx'], /^malkoll: oväntat argument "b\.xlsx"/],
    [['check', 'a.xlsx', '--utan'], /^malkoll: okänd flagga "--utan"/],
    [['check', 'a.xlsx', '-o'], /^malkoll: -o behöver ett värde\n$/],
    [['check', 'a.xlsx', '--lang', 'fi'], /^malkoll: okänt språk "fi"; använd sv eller en\n$/],
    [['template', 'a.xlsx', '--lang=de'], /^malkoll: okänt språk "de"/],
  ])('%j exits 2 with one line on stderr', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('speaks English on a usage error with --lang en', async () => {
    const run = await runCli(['frobnicate', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('malkoll: unknown command "frobnicate" (see malkoll --help)\n');
  });
});
