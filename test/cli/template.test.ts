// End-to-end tests of `malkoll template`: the five input sheets with headers, validation lists and example rows, in either language.
import * as fs from 'fs';
import * as path from 'path';
import { loadXlsx, partsWithFormulas, runCli, tempDir } from './helpers';

describe('malkoll template', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it('writes the five input sheets with bold headers, a frozen header row and validation lists', async () => {
    const file = path.join(dir, 'mall.xlsx');
    const run = await runCli(['template', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Skrev mallen ${file} med bladen Mål, Indikatorer, Aktiviteter, Ekonomi, Inställningar\n`);
    const workbook = await loadXlsx(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi', 'Inställningar']);
    const indicators = workbook.getWorksheet('Indikatorer')!;
    const headers = (indicators.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Mål', 'Indikator', 'Årsmål', 'Riktning', 'Periodicitet', 'Prognosmetod']));
    expect(indicators.getCell('A1').font?.bold).toBe(true);
    expect(indicators.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const riktning = headers.indexOf('Riktning') + 1;
    expect(indicators.getCell(500, riktning).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Högre är bättre,Lägre är bättre,Intervall,Exakt"'],
    });
    const bedomning = (workbook.getWorksheet('Mål')!.getRow(1).values as unknown[]).indexOf('Bedömning');
    expect(workbook.getWorksheet('Mål')!.getCell(2, bedomning).dataValidation?.formulae).toEqual(['"Uppfylls helt,Uppfylls delvis,Uppfylls inte"']);
    expect(partsWithFormulas(file)).toEqual([]);
  });

  it('makes a template that checks clean', async () => {
    const run = await runCli(['check', path.join(dir, 'mall.xlsx')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Problem: 0 fel');
  });

  it('writes English sheet names and lists with --lang en', async () => {
    const file = path.join(dir, 'template.xlsx');
    const run = await runCli(['template', file, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote the template /);
    const workbook = await loadXlsx(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Goals', 'Indicators', 'Activities', 'Budget', 'Settings']);
    const headers = (workbook.getWorksheet('Indicators')!.getRow(1).values as unknown[]).slice(1);
    expect(headers.length).toBeGreaterThan(5);
  });

  it('never overwrites an existing file', async () => {
    const file = path.join(dir, 'finns.xlsx');
    fs.writeFileSync(file, 'mitt arbete');
    const run = await runCli(['template', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^malkoll: .*finns\.xlsx finns redan; välj ett annat filnamn\n$/);
    expect(fs.readFileSync(file, 'utf8')).toBe('mitt arbete');
  });
});
