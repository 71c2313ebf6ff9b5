// Tests the value parser of SPEC 3 on the spec's examples, on every value of the fixture workbook, on typed cells and on unit reconciliation.
import * as path from 'path';
import {
  describeCell,
  formatNumber,
  isDateFormat,
  isErrorText,
  parseDateValue,
  parseFraction,
  parseValue,
  reconcileUnits,
  serialToIso,
} from '../../../core/read/values';
import type { CellValue, ParsedValue } from '../../../core/types';
import { EAV_DIR, readTsv } from '../../helpers/fixtures';

/** Cells of the named columns of a fixture table, with their header for failure messages. */
function columnCells(sheet: string, headers: string[]): { header: string; value: CellValue }[] {
  const [head, ...rows] = readTsv(path.join(EAV_DIR, `${sheet}.tsv`));
  const cells: { header: string; value: CellValue }[] = [];
  for (const header of headers) {
    const col = head.indexOf(header);
    expect(col).toBeGreaterThanOrEqual(0);
    for (const row of rows) cells.push({ header, value: row[col] ?? null });
  }
  return cells;
}

describe('parseValue: the examples of SPEC 3', () => {
  const cases: [string, ParsedValue][] = [
    ['2 757,9', { kind: 'number', value: 2757.9, unit: null }],
    ['-412,5', { kind: 'number', value: -412.5, unit: null }],
    ['−412,5', { kind: 'number', value: -412.5, unit: null }],
    ['–412,5', { kind: 'number', value: -412.5, unit: null }],
    ['38,87 %', { kind: 'number', value: 38.87, unit: '%' }],
    ['5,2 st', { kind: 'number', value: 5.2, unit: 'st' }],
    ['16,6 barn/avd.', { kind: 'number', value: 16.6, unit: 'barn/avd.' }],
    ['1 330 st', { kind: 'number', value: 1330, unit: 'st' }],
    ['1\u00a0330 st', { kind: 'number', value: 1330, unit: 'st' }],
    ['1\u202f330', { kind: 'number', value: 1330, unit: null }],
    ['11 000 st', { kind: 'number', value: 11000, unit: 'st' }],
    ['0,25 kg CO2e', { kind: 'number', value: 0.25, unit: 'kg', note: 'CO2e' }],
    ['1,6 kg CO2 per kg livsmedel', { kind: 'number', value: 1.6, unit: 'kg', note: 'CO2 per kg livsmedel' }],
    ['1945 GWh', { kind: 'number', value: 1945, unit: 'GWh' }],
    ['79  %', { kind: 'number', value: 79, unit: '%' }],
    ['90%', { kind: 'number', value: 90, unit: '%' }],
    ['-2%', { kind: 'number', value: -2, unit: '%' }],
    ['12 procent', { kind: 'number', value: 12, unit: '%' }],
    ['1.5', { kind: 'number', value: 1.5, unit: null }],
    ['0.250', { kind: 'number', value: 0.25, unit: null }],
    ['Max 10 personer', { kind: 'bound', value: 10, unit: 'personer', bound: 'max' }],
    ['högst 5', { kind: 'bound', value: 5, unit: null, bound: 'max' }],
    ['mini. 75', { kind: 'bound', value: 75, unit: null, bound: 'min' }],
    ['Minst 80 %', { kind: 'bound', value: 80, unit: '%', bound: 'min' }],
    ['≤ 3 %', { kind: 'bound', value: 3, unit: '%', bound: 'max' }],
    ['>= 5', { kind: 'bound', value: 5, unit: null, bound: 'min' }],
    ['+/- 1 %', { kind: 'band', center: 0, halfWidth: 1, unit: '%' }],
    ['+/-1 %', { kind: 'band', center: 0, halfWidth: 1, unit: '%' }],
    ['± 1 %', { kind: 'band', center: 0, halfWidth: 1, unit: '%' }],
    ['100 % +/- 2 %', { kind: 'band', center: 100, halfWidth: 2, unit: '%' }],
    ['Ökning', { kind: 'trend', direction: 'higher' }],
    ['öka', { kind: 'trend', direction: 'higher' }],
    ['Minskning', { kind: 'trend', direction: 'lower' }],
    ['minska', { kind: 'trend', direction: 'lower' }],
    ['', { kind: 'missing' }],
    ['   ', { kind: 'missing' }],
    ['-', { kind: 'missing' }],
    ['–', { kind: 'missing' }],
    ['i.u.', { kind: 'missing' }],
    ['..', { kind: 'missing' }],
    ['.', { kind: 'missing' }],
    ['#N/A', { kind: 'error', text: '#N/A' }],
    ['#REF!', { kind: 'error', text: '#REF!' }],
    ['2024-08-31', { kind: 'date', iso: '2024-08-31' }],
    ['abc', { kind: 'invalid', text: 'abc' }],
    ['1.330', { kind: 'invalid', text: '1.330' }],
    ['5 - 7', { kind: 'invalid', text: '5 - 7' }],
    ['12 3456', { kind: 'invalid', text: '12 3456' }],
    ['1,5,3', { kind: 'invalid', text: '1,5,3' }],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(parseValue(text)).toEqual(expected);
  });

  const pending = [
    'Fastställs 2024',
    'Fastställt 2024',
    'Faststälts 2024',
    'Faststäl ls 2024',
    'fastställs 2020',
    'Fastställs t1',
    'Årsmål tas fram under året',
    'Tas fram av nämnd',
    'Tas fram av nämnden',
    'Tas fram av nämnd/ styrelse',
    'Fastställs'.normalize('NFD') + ' 2024',
  ];
  it.each(pending)('pending: %s', (text) => {
    expect(parseValue(text)).toEqual({ kind: 'pending', text });
  });

  it('reads blank and booleans', () => {
    expect(parseValue(null)).toEqual({ kind: 'missing' });
    expect(parseValue(true)).toEqual({ kind: 'invalid', text: 'TRUE' });
  });
});

describe('parseValue: typed cells', () => {
  it('plain numbers are bare', () => {
    expect(parseValue(70)).toEqual({ kind: 'number', value: 70, unit: null });
    expect(parseValue(2757.9, 'General')).toEqual({ kind: 'number', value: 2757.9, unit: null });
    expect(parseValue(1.5, '0.0 "st"')).toEqual({ kind: 'number', value: 1.5, unit: null });
  });
  it('a %-formatted number is a fraction, read in percent units without float noise', () => {
    expect(parseValue(0.3887, '0.00%')).toEqual({ kind: 'number', value: 38.87, unit: '%' });
    expect(parseValue(0.07, '0%')).toEqual({ kind: 'number', value: 7, unit: '%' });
    expect(parseValue(0.029, '0.0 %')).toEqual({ kind: 'number', value: 2.9, unit: '%' });
    expect(parseValue(0.5, '0 "%-enheter"')).toEqual({ kind: 'number', value: 0.5, unit: null });
  });
  it('a date-formatted number is a date', () => {
    expect(parseValue(45292, 'yyyy-mm-dd')).toEqual({ kind: 'date', iso: '2024-01-01' });
    expect(parseValue(45382, 'd mmmm yyyy')).toEqual({ kind: 'date', iso: '2024-03-31' });
    expect(parseValue(45292, 'åååå-mm-dd')).toEqual({ kind: 'date', iso: '2024-01-01' });
  });
  it('date formats are told from others', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('[$-41D]d/m/yyyy')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('Standard')).toBe(false);
    expect(isDateFormat('0 "dagar"')).toBe(false);
    expect(isDateFormat('[h]:mm')).toBe(false);
    expect(isDateFormat(null)).toBe(false);
  });
  it('Excel serials follow the 1900 system with its fictitious leap day', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(45292)).toBe('2024-01-01');
    expect(serialToIso(45657.75)).toBe('2024-12-31');
    expect(serialToIso(0)).toBeNull();
  });
});

describe('parseValue: shared number values', () => {
  it('equal numbers may share one value, different ones never do (0 and -0, 70 and 70 %, near figures)', () => {
    // A deterministic walk over figures that collide in the sharing table (same thousandths) and that repeat.
    const figures = [0, -0, 70, 0.07, 2.9, 2.9001, 2.9002, 38.87, 1330, 1e12, -412.5];
    for (let i = 0; i < 3000; i++) figures.push(((i * 7919) % 1000) / 10, (i % 97) + i / 1e6);
    for (const figure of [...figures, ...figures]) {
      const bare = parseValue(figure);
      const percent = parseValue(figure / 100, '0.0 %');
      expect(bare).toEqual({ kind: 'number', value: figure, unit: null });
      expect(Object.is((bare as { value: number }).value, figure)).toBe(true);
      expect(percent).toEqual({ kind: 'number', value: Number((figure).toPrecision(10)) || 0, unit: '%' });
    }
  });
});

describe('parseValue: every value in the fixture workbook', () => {
  const indicatorColumns = [
    'Periodens utfall',
    'Utfall män',
    'Utfall kvinnor',
    'Utfall VB 2023',
    'Prognos helår',
    'Årsmål',
    "KF:s årsmål",
  ];
  it('no indicator value is invalid or an error', () => {
    const cells = columnCells('Indikatorer', indicatorColumns);
    expect(cells.length).toBeGreaterThan(500);
    const bad = cells.filter((c) => ['invalid', 'error'].includes(parseValue(c.value).kind));
    expect(bad).toEqual([]);
  });
  it('reads the fixture indicator values as expected', () => {
    const kinds = new Map<string, number>();
    for (const c of columnCells('Indikatorer', indicatorColumns)) {
      const kind = parseValue(c.value).kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    for (const kind of ['number', 'pending', 'trend', 'band', 'bound', 'missing']) expect(kinds.get(kind)).toBeGreaterThan(0);
  });
  it('every Ekonomi figure is a bare number', () => {
    const cells = columnCells('Ekonomi', [
      'Budget',
      'Begärda budgetjusteringar',
      'Prestationsförändringar',
      'Prognos (före resultatöverföringar)',
      'Prognos (efter resultatöverföringar)',
      'Avvikelse',
    ]);
    for (const c of cells) expect(parseValue(c.value)).toMatchObject({ kind: 'number', unit: null });
    expect(parseValue('2 739,6')).toEqual({ kind: 'number', value: 2739.6, unit: null });
  });
  it('every activity date is an ISO date', () => {
    for (const c of columnCells('Aktiviteter', ['Startdatum', 'Slutdatum'])) {
      const parsed = parseDateValue(c.value);
      expect(parsed).toEqual({ kind: 'date', iso: c.value });
    }
  });
  it('the Delvisgräns setting reads as a fraction', () => {
    const settings = readTsv(path.join(EAV_DIR, 'Inställningar.tsv'));
    const row = settings.find((r) => r[0] === 'Delvisgräns');
    expect(parseFraction(row?.[1] ?? null)).toBe(0.8);
  });
});

describe('parseDateValue', () => {
  it.each<[CellValue, string | null | undefined, ParsedValue]>([
    ['2024-01-01', undefined, { kind: 'date', iso: '2024-01-01' }],
    ['2024-1-1', undefined, { kind: 'date', iso: '2024-01-01' }],
    ['20240101', undefined, { kind: 'date', iso: '2024-01-01' }],
    ['2024-01-01 00:00:00', undefined, { kind: 'date', iso: '2024-01-01' }],
    ['2024-08-31T00:00:00Z', undefined, { kind: 'date', iso: '2024-08-31' }],
    ['1 januari 2024', undefined, { kind: 'date', iso: '2024-01-01' }],
    ['31 Aug. 2024', undefined, { kind: 'date', iso: '2024-08-31' }],
    [45292, 'yyyy-mm-dd', { kind: 'date', iso: '2024-01-01' }],
    [45292, null, { kind: 'date', iso: '2024-01-01' }],
    [2024, null, { kind: 'invalid', text: '2024' }],
    [45292, '0.00', { kind: 'invalid', text: '45292' }],
    [null, null, { kind: 'missing' }],
    ['-', null, { kind: 'missing' }],
    ['#VALUE!', null, { kind: 'error', text: '#VALUE!' }],
    ['2024-02-30', null, { kind: 'invalid', text: '2024-02-30' }],
    ['snart', null, { kind: 'invalid', text: 'snart' }],
    [false, null, { kind: 'invalid', text: 'FALSE' }],
  ])('%p (%p)', (value, format, expected) => {
    expect(parseDateValue(value, format)).toEqual(expected);
  });
});

describe('reconcileUnits (SPEC 3)', () => {
  const p = (text: string) => parseValue(text);
  it('prognos 70 against årsmål 75 % is percent', () => {
    const r = reconcileUnits({ forecast: p('70'), arsmal: p('75 %') });
    expect(r.unit).toBe('%');
    expect(r.assumedPercent).toEqual(['forecast']);
    expect(r.values.forecast).toEqual({ kind: 'number', value: 70, unit: '%' });
    expect(r.mismatch).toBeNull();
    expect(r.scale).toEqual([]);
  });
  it('KF:s årsmål 69 against an outcome of 70 % is percent (real row without årsmål)', () => {
    const r = reconcileUnits({ arsmal: p(''), kfArsmal: p('69'), outcome: p('70 %'), outcomeMen: p('69 %') });
    expect(r.unit).toBe('%');
    expect(r.assumedPercent).toEqual(['kfArsmal']);
    expect(r.values.kfArsmal).toEqual({ kind: 'number', value: 69, unit: '%' });
    expect(r.values.arsmal).toEqual({ kind: 'missing' });
  });
  it('16,6 barn/avd., 15 st and 15 match', () => {
    const r = reconcileUnits({ outcome: p('16,6 barn/avd.'), arsmal: p('15 st'), kfArsmal: p('15') });
    expect(r).toEqual({
      values: { outcome: p('16,6 barn/avd.'), arsmal: p('15 st'), kfArsmal: p('15') },
      unit: 'barn/avd.',
      assumedPercent: [],
      mismatch: null,
      scale: [],
    });
  });
  it('% against st is no mismatch, % against kr is', () => {
    expect(reconcileUnits({ outcome: p('5 st'), arsmal: p('80 %') }).mismatch).toBeNull();
    const r = reconcileUnits({ outcome: p('80 %'), forecast: p('81 %'), arsmal: p('1 000 kr') });
    expect(r.mismatch).toEqual(['outcome', 'arsmal']);
    expect(r.unit).toBe('%');
  });
  it('two named units other than st mismatch; the same unit in any case matches', () => {
    expect(reconcileUnits({ outcome: p('2,8 GWh'), arsmal: p('1 735 GWh') }).mismatch).toBeNull();
    expect(reconcileUnits({ outcome: p('2,8 GWh'), arsmal: p('3 gwh') }).mismatch).toBeNull();
    expect(reconcileUnits({ outcome: p('0,31 kg CO2e'), arsmal: p('2 GWh') }).mismatch).toEqual(['outcome', 'arsmal']);
  });
  it('0,75 against 80 % is a scale problem, left as is', () => {
    const r = reconcileUnits({ outcome: p('0,75'), arsmal: p('80 %') });
    expect(r.scale).toEqual(['outcome']);
    expect(r.assumedPercent).toEqual([]);
    expect(r.values.outcome).toEqual({ kind: 'number', value: 0.75, unit: null });
  });
  it('bounds and bands carry units too', () => {
    const r = reconcileUnits({ outcome: p('4'), arsmal: p('≤ 3 %'), kfArsmal: p('+/- 1') });
    expect(r.assumedPercent).toEqual(['outcome', 'kfArsmal']);
    expect(r.values.kfArsmal).toEqual({ kind: 'band', center: 0, halfWidth: 1, unit: '%' });
    expect(reconcileUnits({ outcome: p('12 personer'), arsmal: p('Max 10 personer') }).unit).toBe('personer');
  });
  it('leaves a row without % alone', () => {
    const values = { outcome: p('0,05'), arsmal: p('0,04'), kfArsmal: p('Ökning') };
    const r = reconcileUnits(values);
    expect(r.values).toBe(values);
    expect(r.unit).toBeNull();
  });
});

describe('helpers', () => {
  it('parseFraction', () => {
    expect(parseFraction('80 %')).toBe(0.8);
    expect(parseFraction('0,8')).toBe(0.8);
    expect(parseFraction(0.8, '0%')).toBe(0.8);
    expect(parseFraction(80)).toBe(0.8);
    expect(parseFraction(0.9)).toBe(0.9);
    expect(parseFraction('90%')).toBe(0.9);
    expect(parseFraction('mycket')).toBeNull();
    expect(parseFraction('150 %')).toBeNull();
    expect(parseFraction('5 st')).toBeNull();
    expect(parseFraction(null)).toBeNull();
  });
  it('formatNumber', () => {
    expect(formatNumber(2757.9, 'sv')).toBe('2 757,9');
    expect(formatNumber(2757.9, 'en')).toBe('2,757.9');
    expect(formatNumber(-13, 'sv', 1)).toBe('-13,0');
    expect(formatNumber(1234567.891, 'sv')).toBe('1 234 567,89');
    expect(formatNumber(0.1 + 0.2, 'sv')).toBe('0,3');
    expect(formatNumber(-0.0001, 'sv', 1)).toBe('0,0');
    expect(formatNumber(100, 'en')).toBe('100');
  });
  it('describeCell', () => {
    expect(describeCell('Fastställs 2024')).toBe('"Fastställs 2024"');
    expect(describeCell(12.5)).toBe('"12.5"');
    expect(describeCell(null)).toBe('""');
    const long = describeCell('x'.repeat(100));
    expect(long.length).toBe(62);
    expect(long.endsWith('…"')).toBe(true);
  });
  it('isErrorText', () => {
    for (const t of ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#ERROR!', ' #n/a ']) {
      expect(isErrorText(t)).toBe(true);
    }
    expect(isErrorText('#1')).toBe(false);
    expect(isErrorText('N/A')).toBe(false);
  });
});
