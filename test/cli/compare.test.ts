// End-to-end test of `malkoll check --jamfor`: the example T1 workbook against an edited copy of itself as the previous report (SPEC 5.8).
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../core/types';
import { loadXlsx, runCli, tempDir } from './helpers';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'tertialrapport-1-2024-eav.xlsx');
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Column (1-based) of a header in row 1 of a worksheet. */
function column(sheet: { getRow(n: number): { values: unknown } }, header: string): number {
  const values = sheet.getRow(1).values as unknown[];
  const col = values.findIndex((v) => v === header);
  if (col < 1) throw new Error(`no column ${header}`);
  return col;
}

describe('malkoll check --jamfor FÖREGÅENDE.xlsx', () => {
  it('fills Föregående and Förändring in the checked copy, flags the unexplained movement, and changes neither file it read', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'tertial-2.xlsx');
    const previous = path.join(dir, 'tertial-1.xlsx');
    fs.copyFileSync(EXAMPLE, input);
    // The previous report: the same workbook where 3.5.1 "Grundutbildning i dataskydd" had the forecast 700 st
    // (700/800 = 0,875: delvis) and 1.2.1 was judged Uppfylls delvis — both better now, neither explained.
    const book = await loadXlsx(EXAMPLE);
    const indicators = book.getWorksheet('Indikatorer')!;
    const prognos = column(indicators, 'Prognos helår');
    const name = column(indicators, 'Indikator');
    let edited = 0;
    indicators.eachRow((row) => {
      if (row.getCell(name).value === 'Antal medarbetare som genomfört utbildningen Grundutbildning i dataskydd') {
        row.getCell(prognos).value = '700 st';
        edited++;
      }
    });
    const goals = book.getWorksheet('Mål')!;
    goals.eachRow((row) => {
      if (row.getCell(column(goals, 'Nummer')).value === '1.2.1') {
        row.getCell(column(goals, 'Bedömning')).value = 'Uppfylls delvis';
        edited++;
      }
    });
    expect(edited).toBe(2);
    await book.xlsx.writeFile(previous);
    const before = { input: sha(input), previous: sha(previous) };

    const output = path.join(dir, 'ut.xlsx');
    const json = path.join(dir, 'rapport.json');
    const result = await runCli(['check', input, '--jamfor', previous, '-o', output, '--json', json]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Jämfört med föregående rapport: 2 bättre, 0 sämre');
    expect({ input: sha(input), previous: sha(previous) }).toEqual(before);

    const report = JSON.parse(fs.readFileSync(json, 'utf8')) as Report;
    const moved = report.indicators.filter((i) => i.change !== 'same');
    expect(moved.map((i) => [i.name, i.change, i.previous])).toEqual([
      ['Antal medarbetare som genomfört utbildningen Grundutbildning i dataskydd', 'better', { value: 700, status: 'delvis' }],
    ]);
    expect(report.goals.filter((g) => g.change !== 'same').map((g) => [g.number, g.change])).toEqual([['1.2.1', 'better']]);
    expect(report.issues.filter((i) => i.code === 'W_CHANGED_UNEXPLAINED').map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Mål!E6', 'Indikatorer!M77']);

    const checked = await loadXlsx(output);
    const sheet = checked.getWorksheet('Indikatorer')!;
    const row = sheet.getRow(77);
    expect(row.getCell(column(sheet, 'Förändring')).value).toBe('↑ bättre (fg. 700 st, Uppfylls delvis)');
    expect(row.getCell(column(sheet, 'Föregående bedömning')).value).toBe('Uppfylls delvis');
    expect(row.getCell(column(sheet, 'Föregående prognos')).value).toBe(700);

    // The same command with the English alias gives the same report.
    const again = await runCli(['check', input, '--compare', previous, '-o', path.join(dir, 'ut2.xlsx'), '--json', path.join(dir, 'r2.json')]);
    expect(again.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'r2.json'), 'utf8'))).toEqual(report);
  });

  it('exits 2 with one line when the previous report cannot be read', async () => {
    const dir = tempDir();
    const result = await runCli(['check', EXAMPLE, '--jamfor', path.join(dir, 'finns-inte.xlsx'), '-o', path.join(dir, 'ut.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'ut.xlsx'))).toBe(false);
  });
});
