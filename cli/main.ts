// The `malkoll` command line: parses the sub-command and hands over to one thin command module.
export async function main(args: string[]): Promise<number> {
  const [command] = args;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write('Användning: malkoll check IN.xlsx [-o UT.xlsx] [--json RAPPORT.json]\n');
    return 0;
  }
  process.stderr.write(`malkoll: okänt kommando "${command}"\n`);
  return 2;
}
