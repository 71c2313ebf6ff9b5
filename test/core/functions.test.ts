// Tests for the host-neutral cell functions of SPEC 7 (MAL.STATUS, UPPFYLLNAD, PROGNOS, AVVIKELSE, TAL, BEDOMNING, UNDERLAG).
import fc from 'fast-check';
import {
  isFnError,
  malAvvikelse,
  malBedomning,
  malPrognos,
  malStatus,
  malTal,
  malUnderlag,
  malUppfyllnad,
  type FnResult,
} from '../../core/functions';
import type { CellValue } from '../../core/types';

const col = (...values: CellValue[]): CellValue[][] => values.map((v) => [v]);
const errorOf = (result: FnResult): string => {
  if (!isFnError(result)) throw new Error(`expected an error, got ${JSON.stringify(result)}`);
  return result.error;
};

describe('MAL.STATUS', () => {
  test('a % cell (0,3887) compares with the text "40 %" as its fraction → delvis', () => {
    expect(malStatus(0.3887, '40 %')).toBe('Uppfylls delvis');
    expect(malStatus('38,87 %', '40 %')).toBe('Uppfylls delvis');
    expect(malStatus(0.4, '40 %')).toBe('Uppfylls helt');
  });

  test('the real rows: 16,1 st vs 15,4 st lower → delvis; 50 vs 80 st → inte; 90 % vs 80 % → helt', () => {
    expect(malStatus(16.1, '15,4 st', 'Lägre är bättre')).toBe('Uppfylls delvis');
    expect(malStatus(50, '80 st')).toBe('Uppfylls inte');
    expect(malStatus('90 %', '80 %')).toBe('Uppfylls helt');
  });

  test('without riktning the target\'s own form decides: Max → lower, ± → band', () => {
    expect(malStatus(12.3, 'Max 10 personer')).toBe('Uppfylls delvis');
    expect(malStatus(9, 'Max 10 personer')).toBe('Uppfylls helt');
    expect(malStatus(0.005, '+/- 1 %')).toBe('Uppfylls helt');
    expect(malStatus(-0.03, '+/- 1 %')).toBe('Uppfylls inte');
    expect(malStatus(9, 10)).toBe('Uppfylls delvis');
  });

  test('delvisgräns: default 80 %, or given as "95 %", 0,95 or 95', () => {
    expect(malStatus(75, 80)).toBe('Uppfylls delvis');
    expect(malStatus(75, 80, null, '95 %')).toBe('Uppfylls inte');
    expect(malStatus(75, 80, 'högre', 0.95)).toBe('Uppfylls inte');
    expect(malStatus(75, 80, undefined, 95)).toBe('Uppfylls inte');
  });

  test('a pending or blank target → Ej bedömd; a blank value → Ej mätt', () => {
    expect(malStatus(5, 'Fastställs 2024')).toBe('Ej bedömd');
    expect(malStatus(5, null)).toBe('Ej bedömd');
    expect(malStatus(null, '80 %')).toBe('Ej mätt');
    expect(malStatus('-', '80 %')).toBe('Ej mätt');
    expect(malStatus(0.7, 'Ökning')).toBe('Ej bedömd'); // a trend needs last year, which STATUS does not take
  });

  test('bad arguments become Swedish error values', () => {
    expect(errorOf(malStatus('mycket', '80 %'))).toMatch(/Värde: "mycket" är inget tal/);
    expect(errorOf(malStatus(5, 'hög'))).toMatch(/Årsmål/);
    expect(errorOf(malStatus(5, 6, 'uppåt ibland'))).toMatch(/Riktning/);
    expect(errorOf(malStatus(5, 6, null, 'hälften'))).toMatch(/Delvisgräns/);
    expect(errorOf(malStatus('#N/A', 6))).toMatch(/#N\/A/);
    expect(errorOf(malStatus(true, 6))).toMatch(/TRUE/);
  });

  test('ranges broadcast row by row, scalars repeat, one result per row', () => {
    expect(malStatus(col(16.1, 50, 0.9), col('15,4 st', '80 st', '80 %'), col('Lägre är bättre', null, null))).toEqual(
      col('Uppfylls delvis', 'Uppfylls inte', 'Uppfylls helt'),
    );
    expect(malStatus(col(0.7, 0.9, null), '80 %')).toEqual(col('Uppfylls delvis', 'Uppfylls helt', 'Ej mätt'));
    expect(malStatus([[0.9]], [['80 %']])).toBe('Uppfylls helt'); // 1×1 ranges are scalars
  });

  test('a bad cell in a range is an error in that row only; ranges of different length error beyond the shorter', () => {
    const result = malStatus(col(0.9, 'x'), '80 %') as unknown[][];
    expect(result[0][0]).toBe('Uppfylls helt');
    expect(isFnError(result[1][0])).toBe(true);
    const uneven = malStatus(col(0.9, 0.5, 0.1), col('80 %', '80 %')) as unknown[][];
    expect(uneven[1][0]).toBe('Uppfylls inte');
    expect(errorOf(uneven[2][0] as FnResult)).toMatch(/olika storlek/);
  });

  test('never throws, whatever the cells', () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('#REF!', '40 %', 'Max 5', '+/- 1', 'Ökning'));
    fc.assert(
      fc.property(cell, cell, cell, cell, (v, t, d, g) => {
        const result = malStatus(v, t, d, g);
        expect(typeof result === 'string' || isFnError(result)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('MAL.UPPFYLLNAD', () => {
  test('the achievement ratio, not capped; blank for trends and divisions by zero', () => {
    expect(malUppfyllnad('90 %', '80 %')).toBe(1.125);
    expect(malUppfyllnad(0.9, '80 %')).toBe(1.125);
    expect(malUppfyllnad(16.1, '15,4 st', 'lägre') as number).toBeCloseTo(0.9565, 4);
    expect(malUppfyllnad(0.02, '+/- 1 %')).toBe(0.5);
    expect(malUppfyllnad(5, 'Ökning')).toBeNull();
    expect(malUppfyllnad(5, 0)).toBeNull();
    expect(malUppfyllnad(null, 5)).toBeNull();
    expect(malUppfyllnad(col(50, 80), '80 st')).toEqual(col(0.625, 1));
  });
});

describe('MAL.PROGNOS', () => {
  test('Senaste värde by default, Linjär, Säsong with fallback, Manuell blank', () => {
    expect(malPrognos(0.3887, 'T1 2024')).toBe(0.3887);
    expect(malPrognos('148 st', 'T1 2024', 'Linjär')).toBe(444);
    expect(malPrognos(148, 'Tertial 2 2024', 'linjär')).toBe(222);
    expect(malPrognos(148, 'Kvartal 1', 'Säsong', 1300, 100)).toBe(1924);
    expect(malPrognos(148, 'T1 2024', 'Säsong', 1300, null)).toBe(444);
    expect(malPrognos(148, 'T1 2024', 'Manuell')).toBeNull();
    expect(malPrognos(null, 'T1 2024')).toBeNull();
  });

  test('errors for an unreadable period or method', () => {
    expect(errorOf(malPrognos(148, 'snart'))).toMatch(/Period/);
    expect(errorOf(malPrognos(148, null))).toMatch(/Period/);
    expect(errorOf(malPrognos(148, 'T1 2024', 'gissning'))).toMatch(/Metod/);
  });

  test('ranges: one forecast per row', () => {
    expect(malPrognos(col(20, 905), 'T1 2024', 'Linjär')).toEqual(col(60, 2715));
  });
});

describe('MAL.AVVIKELSE', () => {
  test('signed distance to the target, positive = better', () => {
    expect(malAvvikelse(50, '80 st')).toBe(-30);
    expect(malAvvikelse(905, 800)).toBe(105);
    expect(malAvvikelse(16.1, '15,4 st', 'Lägre är bättre') as number).toBeCloseTo(-0.7, 9);
    expect(malAvvikelse('38,87 %', '40 %') as number).toBeCloseTo(-0.0113, 9);
    expect(malAvvikelse(0.005, '+/- 1 %')).toBe(0.005);
    expect(malAvvikelse(12, 'Max 10 personer')).toBe(-2);
    expect(malAvvikelse(5, 'Ökning')).toBeNull();
  });
});

describe('MAL.TAL', () => {
  test('the number in a Swedish text; a percentage as its fraction', () => {
    expect(malTal('2 757,9 mnkr')).toBe(2757.9);
    expect(malTal('38,87 %')).toBe(0.3887);
    expect(malTal('-412,5')).toBe(-412.5);
    expect(malTal('1 330 st')).toBe(1330);
    expect(malTal('Max 10 personer')).toBe(10);
    expect(malTal(5)).toBe(5);
    expect(malTal(null)).toBeNull();
    expect(errorOf(malTal('Fastställs 2024'))).toMatch(/inget tal/);
    expect(malTal(col('2 757,9', '100,2 %'))).toEqual(col(2757.9, 1.002));
  });
});

describe('MAL.BEDOMNING', () => {
  test('the proposal of SPEC 5.5 from a range of status texts', () => {
    expect(malBedomning(col('Uppfylls helt', 'Uppfylls helt', 'Uppfylls helt', 'Uppfylls delvis'))).toBe('Uppfylls helt');
    expect(malBedomning(col('Uppfylls helt', 'Uppfylls delvis', 'Ej mätt', null))).toBe('Uppfylls delvis');
    expect(malBedomning(col('Uppfylls inte', 'delvis', 'Not met'))).toBe('Uppfylls inte');
    expect(malBedomning(col('Ej bedömd', 'Ej mätt'))).toBe('Ej bedömd');
    expect(malBedomning(null)).toBe('Ej bedömd');
    expect(malBedomning('Uppfylls helt')).toBe('Uppfylls helt');
    expect(errorOf(malBedomning(col('Uppfylls helt', 'kanske')))).toMatch(/"kanske" är ingen status/);
  });
});

describe('MAL.UNDERLAG', () => {
  const goal12 = col('Ej bedömd', 'Uppfylls helt', 'Uppfylls helt', 'Uppfylls helt', 'Uppfylls delvis', 'Uppfylls delvis');

  test('the sentence of SPEC 5.6 for a range of statuses (goal 1.2 of T1 2024)', () => {
    expect(malUnderlag(goal12)).toBe(
      'Bedömningen grundar sig på att tre av sex indikatorer bedöms uppfyllas helt och två delvis. En indikator kan inte bedömas än.',
    );
    expect(malUnderlag(col('Uppfylls helt', 'Uppfylls helt'), 'mål')).toBe('Båda målen bedöms uppfyllas helt.');
    expect(malUnderlag(col('Uppfylls helt', 'Uppfylls delvis', 'Ej mätt'), 'Mål')).toBe(
      'Bedömningen grundar sig på att ett av tre mål bedöms uppfyllas helt och ett delvis. Ett mål kan inte bedömas än.',
    );
    expect(malUnderlag(col(null, null))).toBe('');
  });

  test('errors for an unknown word or status', () => {
    expect(errorOf(malUnderlag(goal12, 'saker'))).toMatch(/indikator/);
    expect(errorOf(malUnderlag(col('bra')))).toMatch(/ingen status/);
  });
});

describe('exact targets in cells (SPEC 5.4, the same rule as the workbook check)', () => {
  test('real T1 2024 budgetföljsamhet före resultatöverföringar: 100,2 % against 100 % is delvis with Måluppfyllnad 0,998', () => {
    expect(malStatus('100,2 %', '100 %', 'Exakt')).toBe('Uppfylls delvis');
    expect(malUppfyllnad('100,2 %', '100 %', 'Exakt')).toBeCloseTo(0.998, 12);
    expect(malStatus(1, 1, 'Exakt')).toBe('Uppfylls helt');
    // 1 − 0,25/1 = 0,75 < 0,8
    expect(malStatus(1.25, 1, 'Exakt')).toBe('Uppfylls inte');
  });
});
