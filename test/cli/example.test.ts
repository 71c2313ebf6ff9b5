// Tests of the example builder: typed cells decided by core's parser, and a committed example that matches its fixtures byte for byte.
import * as fs from 'fs';
import * as path from 'path';
import { buildExampleWorkbook, buildPlanExampleWorkbook, fixZipDates, PLAN_OUTPUT, typedCell } from '../../scripts/build-example';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'tertialrapport-1-2024-eav.xlsx');

describe('typedCell', () => {
  it.each([
    ['38,87 %', 0.3887, '0.00 %'],
    ['80 %', 0.8, '0 %'],
    ['2,9 %', 0.029, '0.0 %'],
    ['2 757,9', 2757.9, '#,##0.0'],
    ['-13,0', -13, '0.0'],
    ['69', 69, null],
    ['2024', 2024, null],
  ])('%s is the number %p with format %p', (text, value, format) => {
    expect(typedCell(text)).toEqual({ value, numFmt: format });
  });

  it('reads an ISO date as a date cell', () => {
    expect(typedCell('2024-08-31')).toEqual({ value: new Date(Date.UTC(2024, 7, 31)), numFmt: 'yyyy-mm-dd' });
  });

  it.each(['5,2 st', 'Fastställt 2024', 'Tertial 1 2024', '+/- 1 %', 'Max 10 personer', '1.1', '1.2.3', '0,25 kg CO2e', '-'])(
    'keeps %s as text',
    (text) => {
      expect(typedCell(text)).toEqual({ value: text, numFmt: null });
    },
  );
});

describe('the example workbook', () => {
  it('is what the builder makes from the fixtures today, byte for byte (rebuild with node dist/scripts/build-example.js)', async () => {
    const built = fixZipDates(Buffer.from(await buildExampleWorkbook().xlsx.writeBuffer()));
    expect(built.equals(fs.readFileSync(EXAMPLE))).toBe(true);
  });

  it('has the five sheets with bold headers', () => {
    const workbook = buildExampleWorkbook();
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Inställningar', 'Mål', 'Indikatorer', 'Aktiviteter', 'Ekonomi']);
    for (const sheet of workbook.worksheets) expect(sheet.getCell('A1').font?.bold).toBe(true);
  });

  it('shows the indicators\' Bedömning column, filled for the annual indicators from the report (row 24: 1.3.2, RVC våldsutövare)', () => {
    const indicators = buildExampleWorkbook().getWorksheet('Indikatorer')!;
    const header = indicators.getRow(1).values as unknown[];
    const col = header.indexOf('Bedömning');
    expect(col).toBeGreaterThan(0);
    expect(indicators.getCell(24, 2).value).toBe('Andel våldsutövare där målet med insats från RVC uppnåtts');
    expect(indicators.getCell(24, col).value).toBe('Uppfylls helt');
    // A tertial indicator with its own value (row 3, Andel flickor) has none.
    expect(indicators.getCell(3, col).value).toBeNull();
  });
});

describe('the plan example workbook', () => {
  it('is what the builder makes from the VP 2024 fixture today, byte for byte', async () => {
    const built = fixZipDates(Buffer.from(await buildPlanExampleWorkbook().xlsx.writeBuffer()));
    expect(built.equals(fs.readFileSync(PLAN_OUTPUT))).toBe(true);
    expect(buildPlanExampleWorkbook().worksheets.map((w) => w.name)).toEqual(['Inställningar', 'Mål', 'Indikatorer', 'Aktiviteter']);
  });
});
