// End-to-end tests of `malkoll check`: the built command on real .xlsx files in a temp folder.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type * as ExcelJS from 'exceljs';
import { readGrids } from '../../cli/xlsx';
import { check } from '../../core/check';
import { proposalDiffers, STATUS_FILL, STATUS_FONT, STATUS_TEXT } from '../../core/common/status';
import type { Report, SheetGrid, Status, WorkbookGrids } from '../../core/types';
import { buildExampleWorkbook } from '../../scripts/build-example';
import { eavJudgedWorkbook, eavTextWorkbook } from '../helpers/fixtures';
import { loadXlsx, partsWithFormulas, runCli, tempDir, type RunResult } from './helpers';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'tertialrapport-1-2024-eav.xlsx');
const INPUT_SHEETS = ['Inställningar', 'Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi'];

const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const readJson = (file: string): Report => JSON.parse(fs.readFileSync(file, 'utf8')) as Report;
const issueKeys = (report: Report): string[] => report.issues.map((i) => `${i.severity} ${i.code} ${i.sheet}!${i.cell}`);

function grid(grids: WorkbookGrids, name: string): SheetGrid {
  const sheet = grids.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** 0-based column of a header in row 1. */
function headerColumn(sheet: SheetGrid, header: string): number {
  const col = sheet.values[0].indexOf(header);
  if (col < 0) throw new Error(`no column ${header} in ${sheet.name}`);
  return col;
}

function argbOf(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}

function expectStatusCell(cell: ExcelJS.Cell, status: Status, lang: 'sv' | 'en'): void {
  expect(cell.value).toBe(STATUS_TEXT[lang][status]);
  expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: argbOf(STATUS_FILL[status]) } });
  expect(cell.font?.color).toEqual({ argb: argbOf(STATUS_FONT[status]) });
}

describe('malkoll check on the example workbook', () => {
  let dir: string;
  let input: string;
  let output: string;
  let inputHash: string;
  let run: RunResult;
  let report: Report;

  beforeAll(async () => {
    dir = tempDir();
    input = path.join(dir, 'tertialrapport.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    inputHash = sha(input);
    run = await runCli(['check', input, '--json', path.join(dir, 'rapport.json')]);
    output = path.join(dir, 'tertialrapport-kontrollerad.xlsx');
    report = readJson(path.join(dir, 'rapport.json'));
  });

  it('exits 0 (the real workbook has no error) and prints the summary table', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Målkoll – Tertial 1 2024');
    expect(run.stdout).toContain(`Indikatorer: ${report.indicators.length}`);
    const helt = report.indicators.filter((i) => i.status === 'helt').length;
    expect(run.stdout).toMatch(new RegExp(`Uppfylls helt +${helt}\\n`));
    // The one rule (a proposal ej_bedomd is no disagreement) on the real T1 2024 with the nämnd's Bedömning of its
    // annual indicators: 1.3.2 and 3.3 (both delvis, stated helt); 2.2 and 3.6 agree once their annual indicators
    // count as judged (SPEC 5.1), and 1.3.4 and 2.2.1 have nothing to judge (ej_bedomd, not a disagreement).
    const differing = report.goals.filter((g) => proposalDiffers(g.stated, g.proposed));
    expect(differing.map((g) => g.number)).toEqual(['1.3.2', '3.3']);
    expect(run.stdout).toContain(`förslaget avviker från nämndens bedömning för ${differing.length}`);
    for (const goal of differing) expect(run.stdout).toMatch(new RegExp(`\\n  ${goal.number.replace(/\./g, '\\.')} `));
    expect(run.stdout).toContain(`Problem: 0 fel, ${report.summary.warnings} varningar, ${report.summary.infos} information`);
    expect(run.stdout).toContain(report.issues[0].message);
    expect(run.stdout).toContain(`Skrev ${output}`);
  });

  it('never modifies the input file', () => {
    expect(sha(input)).toBe(inputHash);
  });

  it('writes the checked copy beside the input with Sammanställning, Valideringsrapport and the hidden record', async () => {
    const workbook = await loadXlsx(output);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...INPUT_SHEETS, 'Sammanställning', 'Valideringsrapport', '_malkoll']);
    expect(workbook.getWorksheet('_malkoll')!.state).toBe('hidden');
    const validation = readGrids(workbook).sheets.find((s) => s.name === 'Valideringsrapport')!;
    expect(validation.values.length).toBe(report.issues.length + 1);
  });

  it('reports what core reports for the same workbook held as text (one parser for typed cells)', () => {
    // The example has the Bedömning column of the T1 fixture variant.
    const expected = check(eavJudgedWorkbook()).report;
    expect(issueKeys(report)).toEqual(issueKeys(expected));
    expect(report.indicators.map((i) => [i.row, i.status, i.value, i.target])).toEqual(expected.indicators.map((i) => [i.row, i.status, i.value, i.target]));
    expect(report.goals.map((g) => [g.number, g.proposed])).toEqual(expected.goals.map((g) => [g.number, g.proposed]));
    expect(report.finance).toEqual(expected.finance);
  });

  it('gives every Status and Förslag cell the text, fill and font of SPEC 2.8', async () => {
    const workbook = await loadXlsx(output);
    const grids = readGrids(workbook);
    const statusCol = headerColumn(grid(grids, 'Indikatorer'), 'Status');
    for (const indicator of report.indicators) {
      expectStatusCell(workbook.getWorksheet('Indikatorer')!.getCell(indicator.row, statusCol + 1), indicator.status, 'sv');
    }
    const goals = grid(grids, 'Mål');
    const proposalCol = headerColumn(goals, 'Förslag');
    const numberCol = headerColumn(goals, 'Nummer');
    for (const goal of report.goals) {
      const row = goals.values.findIndex((r) => String(r[numberCol]) === goal.number);
      expectStatusCell(workbook.getWorksheet('Mål')!.getCell(row + 1, proposalCol + 1), goal.proposed, 'sv');
    }
  });

  it('is idempotent: checking its own output gives the same report and the same sheets, cell for cell', async () => {
    const second = path.join(dir, 'andra.xlsx');
    const again = await runCli(['check', output, '-o', second, '--json', path.join(dir, 'andra.json')]);
    expect(again.code).toBe(0);
    expect(readJson(path.join(dir, 'andra.json'))).toEqual(report);
    const first = readGrids(await loadXlsx(output));
    const next = readGrids(await loadXlsx(second));
    expect(next.sheets.map((s) => s.name)).toEqual(first.sheets.map((s) => s.name));
    for (const sheet of first.sheets) expect(grid(next, sheet.name)).toEqual(sheet);
  });
});

describe('malkoll check keeps text text', () => {
  it('writes no formula anywhere, even for data starting with = + - @', async () => {
    const expected = check(eavTextWorkbook()).report;
    const partly = expected.indicators.find((i) => i.status === 'delvis' || i.status === 'inte')!;
    const workbook = buildExampleWorkbook();
    const indicators = workbook.getWorksheet('Indikatorer')!;
    indicators.getCell(partly.row, 2).value = '=SUM(A1)'; // its name shows in the summary's list of indicators off target
    indicators.getCell(3, 10).value = '+/- 1 %'; // a real band target
    indicators.getCell(5, 10).value = '=1+1'; // an unreadable target: E_NUMBER quotes it
    indicators.getCell(3, 13).value = '@kommentar';
    indicators.getCell(6, 13).value = '-ingen kommentar';
    const dir = tempDir();
    const input = path.join(dir, 'formler.xlsx');
    await workbook.xlsx.writeFile(input);

    const run = await runCli(['check', input, '--json', path.join(dir, 'formler.json')]);
    expect(run.code).toBe(1); // the E_NUMBER error
    const output = path.join(dir, 'formler-kontrollerad.xlsx');
    expect(partsWithFormulas(input)).toEqual([]);
    expect(partsWithFormulas(output)).toEqual([]);

    const grids = readGrids(await loadXlsx(output));
    const sheet = grid(grids, 'Indikatorer');
    expect(sheet.values[partly.row - 1][1]).toBe('=SUM(A1)');
    expect(sheet.values[2][9]).toBe('+/- 1 %');
    expect(sheet.values[4][9]).toBe('=1+1');
    expect(sheet.values[2][12]).toBe('@kommentar');
    expect(sheet.values[5][12]).toBe('-ingen kommentar');
    const summaryTexts = grid(grids, 'Sammanställning').values.flat();
    expect(summaryTexts).toContain('=SUM(A1)');
    const report = readJson(path.join(dir, 'formler.json'));
    expect(report.issues.some((i) => i.code === 'E_NUMBER' && i.cell === 'J5' && i.message.includes('=1+1'))).toBe(true);
  });
});

describe('malkoll check --lang en', () => {
  it('speaks English, names the output sheets Summary and Validation, and writes English statuses', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'report.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const run = await runCli(['check', input, '-o', path.join(dir, 'checked.xlsx'), '--json', path.join(dir, 'report.json'), '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Indicators: 83');
    expect(run.stdout).toMatch(/Fully met +\d+/);
    expect(run.stdout).toContain('Issues: 0 errors');
    const report = readJson(path.join(dir, 'report.json'));
    expect(report.lang).toBe('en');
    const workbook = await loadXlsx(path.join(dir, 'checked.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([...INPUT_SHEETS, 'Summary', 'Validation', '_malkoll']);
    const statusCol = headerColumn(grid(readGrids(workbook), 'Indikatorer'), 'Status');
    expectStatusCell(workbook.getWorksheet('Indikatorer')!.getCell(report.indicators[0].row, statusCol + 1), report.indicators[0].status, 'en');
  });
});

describe('malkoll check on a file it cannot read', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    fs.writeFileSync(path.join(dir, 'anteckningar.xlsx'), 'Mål\tIndikator\n1.1\tAndel\n');
    fs.writeFileSync(path.join(dir, 'trasig.xlsx'), fs.readFileSync(EXAMPLE).subarray(0, 4000));
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    fs.writeFileSync(path.join(dir, 'gammal.xls'), cfb);
    const encrypted = Buffer.from(cfb);
    Buffer.from('EncryptedPackage', 'utf16le').copy(encrypted, 1024);
    fs.writeFileSync(path.join(dir, 'losenord.xlsx'), encrypted);
    fs.mkdirSync(path.join(dir, 'mapp.xlsx'));
  });

  it.each([
    ['finns-inte.xlsx', /^malkoll: filen finns inte: .*finns-inte\.xlsx$/],
    ['anteckningar.xlsx', /är ingen Excel-arbetsbok \(\.xlsx\)$/],
    ['trasig.xlsx', /kunde inte läsas som Excel-arbetsbok; filen verkar vara skadad$/],
    ['losenord.xlsx', /är lösenordsskyddad; spara en kopia utan lösenord/],
    ['gammal.xls', /är en äldre Excel-fil \(\.xls\)/],
    ['mapp.xlsx', /är en mapp, inte en \.xlsx-fil$/],
  ])('%s: exit 2 with one Swedish line on stderr and no stack trace', async (name, message) => {
    const run = await runCli(['check', path.join(dir, name)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(fs.readdirSync(dir).some((f) => f.includes('kontrollerad'))).toBe(false);
  });

  it('says it in English with --lang en', async () => {
    const run = await runCli(['check', path.join(dir, 'finns-inte.xlsx'), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^malkoll: no such file: .*finns-inte\.xlsx\n$/);
  });

  it('refuses to write over its input', async () => {
    const input = path.join(dir, 'in.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    const hash = sha(input);
    const run = await runCli(['check', input, '-o', input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/utfilen får inte vara samma som infilen/);
    expect(sha(input)).toBe(hash);
  });
});

describe('malkoll check on a large workbook', () => {
  it('reports progress on stderr and still prints the summary on stdout', async () => {
    const workbook = buildExampleWorkbook();
    const indicators = workbook.getWorksheet('Indikatorer')!;
    const rows = indicators.getRows(2, indicators.rowCount - 1)!.map((row) => (row.values as ExcelJS.CellValue[]).slice(1));
    for (let copy = 0; indicators.rowCount < 2600; copy++) {
      for (const values of rows) indicators.addRow(values.map((v, col) => (col === 1 ? `${String(v)} (${copy})` : v)));
    }
    const dir = tempDir();
    const input = path.join(dir, 'stor.xlsx');
    await workbook.xlsx.writeFile(input);
    const run = await runCli(['check', input]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^malkoll: \d+ rader inlästa på [\d,]+ s, kontrollerar …\nmalkoll: skriver .*stor-kontrollerad\.xlsx …\n$/);
    expect(run.stdout).toMatch(/Indikatorer: 2\d{3}\n/);
  });
});
