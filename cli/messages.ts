// Every text the command line prints, in Swedish and English.
import type { Lang } from '../core/types';

export interface CliMessages {
  usage: string;
  unknownCommand(command: string): string;
  unknownOption(option: string): string;
  missingValue(option: string): string;
  missingFile(command: string): string;
  tooManyArguments(argument: string): string;
  badLang(value: string): string;
  fileMissing(path: string): string;
  isDirectory(path: string): string;
  noPermission(path: string): string;
  encrypted(path: string): string;
  oldXls(path: string): string;
  notXlsx(path: string): string;
  corrupt(path: string): string;
  noSheets(path: string): string;
  sameFile(path: string): string;
  outputExists(path: string): string;
  writeFailed(path: string, reason: string): string;
  progressRead(rows: number, seconds: string): string;
  progressWrite(path: string): string;
  title(period: string | null): string;
  wrote(path: string): string;
  indicators(count: number): string;
  goals(count: number, differing: number): string;
  goalsHeader: [string, string, string, string];
  finance(avvikelse: string | null, foljsamhet: string | null, fore: string | null): string;
  comparison(better: number, worse: number, same: number, added: number, removed: number): string;
  issues(errors: number, warnings: number, infos: number): string;
  severity: Record<'error' | 'warning' | 'info', string>;
  moreIssues(count: number): string;
  moreGoals(count: number): string;
  templateWritten(path: string, sheets: string[]): string;
  cleared(cells: number, path: string): string;
  nothingToClear(path: string): string;
  notRegular(path: string): string;
  tooLarge(path: string, limitMb: number): string;
  jsonIsOutput(path: string): string;
  badPeriod(value: string): string;
  noInput(path: string): string;
  notSpreadsheet(path: string): string;
}

const USAGE_SV = `Användning: malkoll check IN.xlsx [-o UT.xlsx] [--json RAPPORT.json] [--period "Tertial 1 2024"] [--jamfor FÖREGÅENDE.xlsx] [--lang sv|en]
           malkoll template UT.xlsx [--lang sv|en]
           malkoll clear IN.xlsx [-o UT.xlsx]

  check     kontrollerar och bedömer arbetsboken; skriver en kontrollerad kopia
            (standard: IN-kontrollerad.xlsx bredvid IN, som aldrig ändras)
            med Sammanställning och Valideringsrapport, och skriver en kort sammanfattning
  template  skapar en tom mall med bladen Inställningar, Mål, Indikatorer, Aktiviteter, Ekonomi
  clear     tar bort Målkolls markeringar och återställer cellernas fyllning
            (standard: IN-rensad.xlsx bredvid IN)

  -o, --output  utfil          --json  JSON-rapport          --period  rapportperiod
  --jamfor      föregående rapport (.xlsx) att jämföra med (alias --compare)
  --lang        språk (sv/en)  -h, --help  den här hjälpen   -v, --version  versionen

Slutkod: 0 inga fel, 1 arbetsboken har fel, 2 filen kunde inte läsas eller felaktigt kommando.
`;

const USAGE_EN = `Usage: malkoll check IN.xlsx [-o OUT.xlsx] [--json REPORT.json] [--period "Tertial 1 2024"] [--compare PREVIOUS.xlsx] [--lang sv|en]
       malkoll template OUT.xlsx [--lang sv|en]
       malkoll clear IN.xlsx [-o OUT.xlsx]

  check     checks and assesses the workbook; writes a checked copy
            (default: IN-kontrollerad.xlsx beside IN, which is never changed)
            with Summary and Validation sheets, and prints a short summary
  template  creates an empty template with the sheets Settings, Goals, Indicators, Activities, Budget
  clear     removes Målkoll's highlights and restores the cells' fills
            (default: IN-rensad.xlsx beside IN)

  -o, --output  output file       --json  JSON report          --period  report period
  --compare     the previous report (.xlsx) to compare with (alias --jamfor)
  --lang        language (sv/en)  -h, --help  this help   -v, --version  the version

Exit code: 0 no errors, 1 the workbook has errors, 2 the file could not be read or a wrong command.
`;

const sv: CliMessages = {
  usage: USAGE_SV,
  unknownCommand: (c) => `malkoll: okänt kommando "${c}" (se malkoll --help)`,
  unknownOption: (o) => `malkoll: okänd flagga "${o}" (se malkoll --help)`,
  missingValue: (o) => `malkoll: ${o} behöver ett värde`,
  missingFile: (c) => `malkoll ${c}: ange en .xlsx-fil (se malkoll --help)`,
  tooManyArguments: (a) => `malkoll: oväntat argument "${a}" (se malkoll --help)`,
  badLang: (v) => `malkoll: okänt språk "${v}"; använd sv eller en`,
  fileMissing: (p) => `malkoll: filen finns inte: ${p}`,
  isDirectory: (p) => `malkoll: ${p} är en mapp, inte en .xlsx-fil`,
  noPermission: (p) => `malkoll: saknar behörighet att läsa ${p}`,
  encrypted: (p) => `malkoll: ${p} är lösenordsskyddad; spara en kopia utan lösenord och kör igen`,
  oldXls: (p) => `malkoll: ${p} är en äldre Excel-fil (.xls); spara den som Excel-arbetsbok (.xlsx) och kör igen`,
  notXlsx: (p) => `malkoll: ${p} är ingen Excel-arbetsbok (.xlsx)`,
  corrupt: (p) => `malkoll: ${p} kunde inte läsas som Excel-arbetsbok; filen verkar vara skadad`,
  noSheets: (p) => `malkoll: ${p} innehåller inga kalkylblad`,
  sameFile: (p) => `malkoll: utfilen får inte vara samma som infilen (${p}); ange en annan med -o`,
  outputExists: (p) => `malkoll: ${p} finns redan; välj ett annat filnamn`,
  writeFailed: (p, r) => `malkoll: kunde inte skriva ${p} (${r})`,
  progressRead: (n, s) => `malkoll: ${n} rader inlästa på ${s} s, kontrollerar …`,
  progressWrite: (p) => `malkoll: skriver ${p} …`,
  title: (period) => `Målkoll – ${period ?? 'ingen rapportperiod angiven'}`,
  wrote: (p) => `Skrev ${p}`,
  indicators: (n) => `Indikatorer: ${n}`,
  goals: (n, d) => `Mål: ${n}; förslaget avviker från nämndens bedömning för ${d}`,
  goalsHeader: ['Nummer', 'Förslag', 'Bedömning', 'Mål'],
  finance: (a, f, fore) =>
    `Ekonomi: avvikelse ${a ?? '–'} mnkr, budgetföljsamhet ${f ?? '–'}` + (fore ? ` (före resultatöverföringar ${fore})` : ''),
  comparison: (b, w, s, a, r) => `Jämfört med föregående rapport: ${b} bättre, ${w} sämre, ${s} oförändrade, ${a} nya, ${r} borttagna`,
  issues: (e, w, i) => `Problem: ${e} fel, ${w} varningar, ${i} information`,
  severity: { error: 'fel', warning: 'varning', info: 'info' },
  moreIssues: (n) => `… och ${n} till (se bladet Valideringsrapport)`,
  moreGoals: (n) => `… och ${n} till (se bladet Sammanställning)`,
  templateWritten: (p, s) => `Skrev mallen ${p} med bladen ${s.join(', ')}`,
  cleared: (n, p) => `Återställde fyllningen i ${n} ${n === 1 ? 'cell' : 'celler'}; skrev ${p}`,
  nothingToClear: (p) => `Inga markeringar att ta bort i ${p}; ingen fil skrevs`,
  notRegular: (p) => `malkoll: ${p} är ingen vanlig fil (utan en enhet, en pipe eller liknande); ange en .xlsx-fil`,
  tooLarge: (p, mb) => `malkoll: ${p} är större än gränsen ${mb} MB för en arbetsbok`,
  jsonIsOutput: (p) => `malkoll: JSON-rapporten och den kontrollerade kopian kan inte skrivas till samma fil (${p})`,
  badPeriod: (v) =>
    `malkoll: --period "${v}" är ingen rapportperiod; skriv till exempel "Tertial 1 2024", "Kvartal 2 2024", "Helår 2024" eller "Mars 2024"`,
  noInput: (p) =>
    `malkoll: ${p} har inget blad som Målkoll kan läsa: inga mål, indikatorer, aktiviteter eller ekonomitabell hittades (Målkoll letar efter bladen Mål, Indikatorer, Aktiviteter och Ekonomi, eller deras rubriker); ingen fil skrevs`,
  notSpreadsheet: (p) => `malkoll: ${p} är en zip-fil men ingen Excel-arbetsbok (den saknar xl/workbook.xml)`,
};

const en: CliMessages = {
  usage: USAGE_EN,
  unknownCommand: (c) => `malkoll: unknown command "${c}" (see malkoll --help)`,
  unknownOption: (o) => `malkoll: unknown option "${o}" (see malkoll --help)`,
  missingValue: (o) => `malkoll: ${o} needs a value`,
  missingFile: (c) => `malkoll ${c}: name an .xlsx file (see malkoll --help)`,
  tooManyArguments: (a) => `malkoll: unexpected argument "${a}" (see malkoll --help)`,
  badLang: (v) => `malkoll: unknown language "${v}"; use sv or en`,
  fileMissing: (p) => `malkoll: no such file: ${p}`,
  isDirectory: (p) => `malkoll: ${p} is a folder, not an .xlsx file`,
  noPermission: (p) => `malkoll: no permission to read ${p}`,
  encrypted: (p) => `malkoll: ${p} is password-protected; save a copy without a password and run again`,
  oldXls: (p) => `malkoll: ${p} is an old Excel file (.xls); save it as an Excel workbook (.xlsx) and run again`,
  notXlsx: (p) => `malkoll: ${p} is not an Excel workbook (.xlsx)`,
  corrupt: (p) => `malkoll: ${p} could not be read as an Excel workbook; the file seems to be damaged`,
  noSheets: (p) => `malkoll: ${p} contains no worksheets`,
  sameFile: (p) => `malkoll: the output file must not be the input file (${p}); name another with -o`,
  outputExists: (p) => `malkoll: ${p} already exists; choose another file name`,
  writeFailed: (p, r) => `malkoll: could not write ${p} (${r})`,
  progressRead: (n, s) => `malkoll: read ${n} rows in ${s} s, checking …`,
  progressWrite: (p) => `malkoll: writing ${p} …`,
  title: (period) => `Målkoll – ${period ?? 'no report period given'}`,
  wrote: (p) => `Wrote ${p}`,
  indicators: (n) => `Indicators: ${n}`,
  goals: (n, d) => `Goals: ${n}; the proposal differs from the stated assessment for ${d}`,
  goalsHeader: ['Number', 'Proposal', 'Stated', 'Goal'],
  finance: (a, f, fore) =>
    `Budget: deviation ${a ?? '–'} mnkr, budget adherence ${f ?? '–'}` + (fore ? ` (before result transfers ${fore})` : ''),
  comparison: (b, w, s, a, r) => `Compared with the previous report: ${b} better, ${w} worse, ${s} unchanged, ${a} new, ${r} removed`,
  issues: (e, w, i) => `Issues: ${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${i} info`,
  severity: { error: 'error', warning: 'warning', info: 'info' },
  moreIssues: (n) => `… and ${n} more (see the Validation sheet)`,
  moreGoals: (n) => `… and ${n} more (see the Summary sheet)`,
  templateWritten: (p, s) => `Wrote the template ${p} with the sheets ${s.join(', ')}`,
  cleared: (n, p) => `Restored the fill of ${n} ${n === 1 ? 'cell' : 'cells'}; wrote ${p}`,
  nothingToClear: (p) => `No highlights to remove in ${p}; no file written`,
  notRegular: (p) => `malkoll: ${p} is not a regular file (a device, a pipe or the like); name an .xlsx file`,
  tooLarge: (p, mb) => `malkoll: ${p} is larger than the ${mb} MB limit for a workbook`,
  jsonIsOutput: (p) => `malkoll: the JSON report and the checked copy cannot be written to the same file (${p})`,
  badPeriod: (v) => `malkoll: --period "${v}" is not a report period; write for example "Tertial 1 2024", "Kvartal 2 2024", "Helår 2024" or "Mars 2024"`,
  noInput: (p) =>
    `malkoll: ${p} has no sheet Målkoll can read: no goals, indicators, activities or budget table were found (Målkoll looks for the sheets Mål, Indikatorer, Aktiviteter and Ekonomi, or their headers); no file written`,
  notSpreadsheet: (p) => `malkoll: ${p} is a zip file but not an Excel workbook (it has no xl/workbook.xml)`,
};

export function messages(lang: Lang): CliMessages {
  return lang === 'en' ? en : sv;
}
