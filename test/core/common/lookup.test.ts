// A word in the workbook that names a property of Object.prototype (`constructor`, `__proto__`) is read like any unknown word: no word table of core answers it.
import { check } from '../../../core/check';
import { ownEntry } from '../../../core/common/lookup';
import { isFnError, malUnderlag } from '../../../core/functions';
import { parseDirectionText } from '../../../core/judge/direction';
import { parseMethodText } from '../../../core/judge/forecast';
import { monthNumber, parsePeriod } from '../../../core/read/period';
import { parseValue } from '../../../core/read/values';
import type { CellValue, SheetGrid, WorkbookGrids } from '../../../core/types';
import { eavTextWorkbook } from '../../helpers/fixtures';

/** Object.prototype's properties as a cell may spell them, also after folding to lower case. */
const PROTOTYPE_WORDS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];
/**
 * The oracle: a word no table holds, of the same length and the same kinds of characters (each letter an x), so
 * that it reads, wraps and widens columns as the word does.
 */
function unknownLike(word: string): string {
  return word.replace(/[a-z]/g, 'x').replace(/[A-Z]/g, 'X');
}

describe('ownEntry', () => {
  it("answers a table's own entries and none of Object.prototype's", () => {
    const table: Record<string, number> = { helt: 1, delvis: 2 };
    expect(ownEntry(table, 'helt')).toBe(1);
    expect(ownEntry(table, 'inte')).toBeUndefined();
    for (const word of PROTOTYPE_WORDS) expect(ownEntry(table, word)).toBeUndefined();
  });
});

describe.each(PROTOTYPE_WORDS)('the word %s', (word) => {
  const unknown = unknownLike(word);

  it('is no month, period, forecast method or direction', () => {
    expect(monthNumber(word)).toBeNull();
    expect(parsePeriod(`${word} 2024`, 2024)).toEqual(parsePeriod(`${unknown} 2024`, 2024));
    expect(parseMethodText(word)).toBeNull();
    expect(parseDirectionText(word)).toBeNull();
  });

  it('is a unit of its own after a number, as any other word is', () => {
    const value = parseValue(`5 ${word}`);
    const other = parseValue(`5 ${unknown}`);
    expect(value.kind).toBe(other.kind);
    if (value.kind === 'number' && other.kind === 'number') expect(value.unit).toBe(other.unit === unknown ? word : other.unit);
  });

  it('is no noun for MAL.UNDERLAG', () => {
    const result = malUnderlag([['Uppfylls helt']], word);
    expect(isFnError(result)).toBe(true);
  });
});

function sheet(grids: WorkbookGrids, name: string): SheetGrid {
  return grids.sheets.find((s) => s.name === name)!;
}

function setByHeader(grid: SheetGrid, header: string, row: number, value: CellValue): void {
  let col = grid.values[0].indexOf(header);
  if (col < 0) {
    col = grid.values[0].length;
    grid.values[0].push(header);
  }
  grid.values[row][col] = value;
}

/** The real T1 2024 workbook with `word` in a cell of every kind that is looked up in a word table. */
function workbookWith(word: string): WorkbookGrids {
  const grids = eavTextWorkbook();
  sheet(grids, 'Inställningar').values.push(['Språk', word]);
  const goals = sheet(grids, 'Mål');
  setByHeader(goals, 'Nivå', 2, word);
  setByHeader(goals, 'Analys', 3, `${word} indikatorer bedöms uppfyllas helt.`);
  const indicators = sheet(grids, 'Indikatorer');
  setByHeader(indicators, 'Periodicitet', 1, word);
  setByHeader(indicators, 'Period', 2, `${word} 2024`);
  setByHeader(indicators, 'Riktning', 3, word);
  setByHeader(indicators, 'Prognosmetod', 4, word);
  setByHeader(indicators, 'Enhet', 5, word);
  setByHeader(indicators, 'Prognos helår', 6, `12 ${word}`);
  setByHeader(sheet(grids, 'Aktiviteter'), 'Status', 1, word);
  return grids;
}

describe('check of the real T1 2024 workbook with prototype words in its cells', () => {
  it.each(['constructor', '__proto__'])('reads %s as it reads an unknown word: the same report and plan, no internal error', (word) => {
    const unknown = unknownLike(word);
    const withWord = check(workbookWith(word));
    const withUnknown = check(workbookWith(unknown));
    expect(withWord.report.issues.filter((issue) => issue.code === 'E_INTERNAL')).toEqual([]);
    // The word appears in messages and names where the unknown word does; otherwise the results are the same.
    const asUnknown = JSON.stringify(withWord).split(word).join(unknown);
    expect(JSON.parse(asUnknown)).toEqual(JSON.parse(JSON.stringify(withUnknown)));
  });
});
