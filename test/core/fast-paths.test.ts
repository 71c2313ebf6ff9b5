// Tests that the shortcuts taken for speed (SPEC 9) give exactly what the general code gives: dates by arithmetic, plain numbers without the regex, rounding without toPrecision, lazy row cells and shared output rows.
import fc from 'fast-check';
import { check } from '../../core/check';
import { readWorkbook } from '../../core/read/read';
import { roundSignificant } from '../../core/write/report';
import { parseDateValue, parseValue, serialToIso } from '../../core/read/values';
import { eavTextWorkbook } from '../helpers/fixtures';

const DAY_MS = 86400000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** The Date-based reading the arithmetic replaced. */
function serialToIsoByDate(serial: number): string {
  let days = Math.floor(serial);
  if (days < 60) days += 1;
  else if (days === 60) days = 61;
  return new Date(EXCEL_EPOCH + days * DAY_MS).toISOString().slice(0, 10);
}

describe('dates by calendar arithmetic', () => {
  test('every serial from 1900 to 9999 reads as a Date would read it', () => {
    const differing: number[] = [];
    for (let serial = 1; serial < 2958466; serial += 13) if (serialToIso(serial + 0.5) !== serialToIsoByDate(serial + 0.5)) differing.push(serial);
    expect(differing).toEqual([]);
    for (const serial of [1, 59, 60, 61, 365, 366, 36525, 45292, 45351, 45352, 2958465]) expect(serialToIso(serial)).toBe(serialToIsoByDate(serial));
    expect(serialToIso(2958466)).toBeNull();
  });

  test('ISO texts: leap days, month ends and impossible dates', () => {
    const iso = (text: string): string | null => {
      const parsed = parseDateValue(text);
      return parsed.kind === 'date' ? parsed.iso : null;
    };
    expect(iso('2024-2-29')).toBe('2024-02-29');
    expect(iso('2023-02-29')).toBeNull();
    expect(iso('2000-02-29')).toBe('2000-02-29');
    expect(iso('1900-02-29')).toBeNull();
    expect(iso('2024-04-31')).toBeNull();
    expect(iso('2024-12-31')).toBe('2024-12-31');
    expect(iso('2024-13-01')).toBeNull();
    expect(iso('0999-01-01')).toBeNull();
  });
});

describe('plain numbers without the general reader', () => {
  test('a decimal comma or point, a minus and a percent sign read as the general reader reads them', () => {
    expect(parseValue('38,87 %')).toEqual({ kind: 'number', value: 38.87, unit: '%' });
    expect(parseValue('-2%')).toEqual({ kind: 'number', value: -2, unit: '%' });
    expect(parseValue('007')).toEqual({ kind: 'number', value: 7, unit: null });
    expect(parseValue('0.5')).toEqual({ kind: 'number', value: 0.5, unit: null });
    // Left to the general reader: a point and three digits is ambiguous, a digit group, a unit.
    expect(parseValue('1.330').kind).toBe('invalid');
    expect(parseValue('1 330')).toEqual({ kind: 'number', value: 1330, unit: null });
    expect(parseValue('5,2 st')).toEqual({ kind: 'number', value: 5.2, unit: 'st' });
  });

  test('any decimal of up to 15 digits gives the double Number() gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), (n, decimals, percent) => {
        const text = (n / 10 ** decimals).toFixed(decimals);
        const parsed = parseValue(text.replace('.', ',') + (percent ? ' %' : ''));
        expect(parsed).toEqual({ kind: 'number', value: Number(text), unit: percent ? '%' : null });
      }),
      { numRuns: 2000, seed: 9 },
    );
  });
});

describe('roundSignificant without toPrecision', () => {
  test('gives Number(v.toPrecision(10)) for short decimals, noisy sums and arbitrary doubles', () => {
    const reference = (v: number): number => (v === 0 ? 0 : Number(v.toPrecision(10)));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => expect(roundSignificant(v)).toBe(reference(v))),
      { numRuns: 5000, seed: 3 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), fc.integer({ min: 0, max: 15 }), (k, m) => {
        for (const v of [k / 10 ** m, (k / 10 ** m) * 3 / 3, k / 10 ** m + 1e-12, (k / 10 ** m) * (1 + Number.EPSILON)]) expect(roundSignificant(v)).toBe(reference(v));
      }),
      { numRuns: 5000, seed: 5 },
    );
    expect(roundSignificant(0.1 + 0.2)).toBe(0.3);
    expect(roundSignificant(38.870000000000005)).toBe(38.87);
  });
});

describe('row cells made on demand', () => {
  test('read like plain CellRefs, serialise as them, and take assignments', () => {
    const { model } = readWorkbook(eavTextWorkbook());
    const indicator = model.indicators[0];
    expect(indicator.cells.name).toEqual({ sheet: indicator.sheet, row: indicator.row, col: 1 });
    expect(indicator.cells.noSuchField).toBeUndefined();
    const plain = JSON.parse(JSON.stringify(indicator.cells));
    expect(Object.keys(plain)[0]).toBe('goal');
    expect(plain.comment).toEqual(indicator.cells.comment);
    indicator.cells.name = { sheet: 'Rapport', row: 7, col: 2 };
    expect(indicator.cells.name).toEqual({ sheet: 'Rapport', row: 7, col: 2 });
    expect(JSON.parse(JSON.stringify(indicator.cells)).name).toEqual({ sheet: 'Rapport', row: 7, col: 2 });
    expect(model.indicators[1].cells.name).toEqual({ sheet: indicator.sheet, row: model.indicators[1].row, col: 1 });
  });
});

describe('shared output rows', () => {
  test('constant rows are frozen and shared, and two checks give the same plan', () => {
    const first = check(eavTextWorkbook()).plan;
    const second = check(eavTextWorkbook()).plan;
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const status = first.blocks.find((b) => b.fills)!;
    expect(Object.isFrozen(status.bold![1])).toBe(true);
    expect(status.bold![1]).toBe(status.bold![2]);
    const summary = first.sheets[0];
    expect(Object.isFrozen(summary.fills![5])).toBe(true);
  });
});
