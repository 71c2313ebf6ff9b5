// Tests reading report periods and their last day (SPEC 5.2).
import { monthNumber, parsePeriod, periodEnd } from '../../../core/read/period';
import type { Period } from '../../../core/types';
import { EAV_DIR, readTsv } from '../../helpers/fixtures';
import * as path from 'path';

describe('parsePeriod', () => {
  it.each<[string | number, Omit<Period, 'text'>, string | null]>([
    ['Tertial 1 2024', { kind: 'tertial', index: 1, year: 2024, months: 4 }, '2024-04-30'],
    ['T1 2024', { kind: 'tertial', index: 1, year: 2024, months: 4 }, '2024-04-30'],
    ['T1', { kind: 'tertial', index: 1, year: 2023, months: 4 }, '2023-04-30'],
    ['T2', { kind: 'tertial', index: 2, year: 2023, months: 8 }, '2023-08-31'],
    ['tertial 3', { kind: 'tertial', index: 3, year: 2023, months: 12 }, '2023-12-31'],
    ['TERTIAL 2, 2024', { kind: 'tertial', index: 2, year: 2024, months: 8 }, '2024-08-31'],
    ['Tertialrapport 2 2024', { kind: 'tertial', index: 2, year: 2024, months: 8 }, '2024-08-31'],
    ['2024', { kind: 'year', index: 1, year: 2024, months: 12 }, '2024-12-31'],
    [2024, { kind: 'year', index: 1, year: 2024, months: 12 }, '2024-12-31'],
    ['Helår 2024', { kind: 'year', index: 1, year: 2024, months: 12 }, '2024-12-31'],
    ['Helår', { kind: 'year', index: 1, year: 2023, months: 12 }, '2023-12-31'],
    ['helar', { kind: 'year', index: 1, year: 2023, months: 12 }, '2023-12-31'],
    ['VB 2024', { kind: 'year', index: 1, year: 2024, months: 12 }, '2024-12-31'],
    ['Verksamhetsberättelse 2024', { kind: 'year', index: 1, year: 2024, months: 12 }, '2024-12-31'],
    ['Kvartal 2', { kind: 'kvartal', index: 2, year: 2023, months: 6 }, '2023-06-30'],
    ['Q2 2024', { kind: 'kvartal', index: 2, year: 2024, months: 6 }, '2024-06-30'],
    ['Q4 2024', { kind: 'kvartal', index: 4, year: 2024, months: 12 }, '2024-12-31'],
    ['Halvår 1 2024', { kind: 'halvar', index: 1, year: 2024, months: 6 }, '2024-06-30'],
    ['Halvår 2', { kind: 'halvar', index: 2, year: 2023, months: 12 }, '2023-12-31'],
    ['Jan-april 2024', { kind: 'month', index: 4, year: 2024, months: 4 }, '2024-04-30'],
    ['jan–aug 2024', { kind: 'month', index: 8, year: 2024, months: 8 }, '2024-08-31'],
    ['Januari-augusti', { kind: 'month', index: 8, year: 2023, months: 8 }, '2023-08-31'],
    ['januari - februari 2024', { kind: 'month', index: 2, year: 2024, months: 2 }, '2024-02-29'],
    ['mars 2024', { kind: 'month', index: 3, year: 2024, months: 3 }, '2024-03-31'],
    ['Mars', { kind: 'month', index: 3, year: 2023, months: 3 }, '2023-03-31'],
    ['2024-04', { kind: 'month', index: 4, year: 2024, months: 4 }, '2024-04-30'],
  ])('%p', (value, expected, end) => {
    const period = parsePeriod(value, 2023);
    expect(period).toEqual({ text: String(value), ...expected });
    expect(periodEnd(period as Period)).toBe(end);
  });

  it.each<[string | number | boolean | null]>([
    [null],
    [''],
    ['   '],
    ['Delår 2'],
    ['T4'],
    ['Kvartal 5'],
    ['augusti-januari'],
    ['2024-13'],
    ['ibland'],
    [12],
    [2024.5],
    [true],
  ])('unreadable: %p', (value) => {
    expect(parsePeriod(value, 2024)).toBeNull();
  });

  it('has no year without one in the text or a fallback, and then no end', () => {
    const period = parsePeriod('T2');
    expect(period).toEqual({ text: 'T2', kind: 'tertial', index: 2, year: null, months: 8 });
    expect(periodEnd(period as Period)).toBeNull();
  });

  it('reads every period of the fixture workbook', () => {
    const [head, ...rows] = readTsv(path.join(EAV_DIR, 'Indikatorer.tsv'));
    const col = head.indexOf('Period');
    const texts = new Set(rows.map((r) => r[col]).filter((v) => v !== null));
    expect(texts.size).toBeGreaterThan(0);
    for (const text of texts) expect(parsePeriod(text, null)).not.toBeNull();
    const settings = readTsv(path.join(EAV_DIR, 'Inställningar.tsv'));
    const reportPeriod = settings.find((r) => r[0] === 'Rapportperiod')?.[1] ?? null;
    expect(parsePeriod(reportPeriod)).toMatchObject({ kind: 'tertial', index: 1, year: 2024, months: 4 });
  });

  it('monthNumber knows Swedish and English names and abbreviations', () => {
    expect(monthNumber('maj')).toBe(5);
    expect(monthNumber('Okt.')).toBe(10);
    expect(monthNumber('sept')).toBe(9);
    expect(monthNumber('may')).toBe(5);
    expect(monthNumber('majs')).toBeNull();
  });
});
