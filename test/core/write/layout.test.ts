// Layout helpers of the output (SPEC 6): how wide a value shows with its number format, the Fördelning bar's proportions, output column widths.
import fc from 'fast-check';
import { BAR_CELLS, BAR_FILL, barFills, displayLength, displayLengthBound, longestStatus, outputColumnLayout, printSetup, wrappedLines } from '../../../core/write/layout';
import type { StatusCounts } from '../../../core/types';

const counts = (helt: number, delvis: number, inte: number, ej_bedomd = 0, ej_matt = 0): StatusCounts => ({ helt, delvis, inte, ej_bedomd, ej_matt });
const tally = (fills: (string | null)[]) => ({
  helt: fills.filter((f) => f === BAR_FILL.helt).length,
  delvis: fills.filter((f) => f === BAR_FILL.delvis).length,
  inte: fills.filter((f) => f === BAR_FILL.inte).length,
  none: fills.filter((f) => f === BAR_FILL.none).length,
});

describe('displayLength', () => {
  it('measures numbers as their format shows them in Swedish', () => {
    expect(displayLength(2739.6, '#,##0.0')).toBe('2 739,6'.length);
    expect(displayLength(0.97, '0 %')).toBe('97 %'.length);
    expect(displayLength(1.002372548, '0.0 %')).toBe('100,2 %'.length);
    expect(displayLength(38.87, '#,##0.0#')).toBe('38,87'.length);
    expect(displayLength(40, '#,##0.0#')).toBe('40,0'.length);
    expect(displayLength(-412.5, '#,##0.0')).toBe('-412,5'.length);
    expect(displayLength(1330000, '#,##0.0')).toBe('1 330 000,0'.length);
    expect(displayLength(12, null)).toBe(2);
  });

  it('measures text by its longest line, and blanks as nothing', () => {
    expect(displayLength('Uppfylls delvis')).toBe(15);
    expect(displayLength('kort\nen längre rad')).toBe('en längre rad'.length);
    expect(displayLength(null)).toBe(0);
    expect(longestStatus('sv')).toBe('Uppfylls delvis'.length);
    expect(longestStatus('en')).toBe('Not measured'.length);
  });
});

describe('barFills', () => {
  it('colours twenty cells in proportion, green, yellow, red, then grey', () => {
    const fills = barFills(counts(3, 2, 0, 1));
    expect(fills).toHaveLength(BAR_CELLS);
    expect(tally(fills)).toEqual({ helt: 10, delvis: 7, inte: 0, none: 3 });
    expect(fills).toEqual([...fills].sort((a, b) => Object.values(BAR_FILL).indexOf(a as never) - Object.values(BAR_FILL).indexOf(b as never)));
    expect(tally(barFills(counts(1, 1, 0, 0, 2)))).toEqual({ helt: 5, delvis: 5, inte: 0, none: 10 });
  });

  it('shows a single indicator among many with one cell, and leaves a goal without indicators empty', () => {
    expect(tally(barFills(counts(45, 0, 1)))).toEqual({ helt: 19, delvis: 0, inte: 1, none: 0 });
    expect(barFills(counts(0, 0, 0))).toEqual(Array(BAR_CELLS).fill(null));
    for (let h = 0; h < 7; h++) for (let d = 0; d < 7; d++) for (let i = 0; i < 7; i++) {
      const fills = barFills(counts(h, d, i, 1));
      expect(fills).toHaveLength(BAR_CELLS);
      const t = tally(fills);
      expect([t.helt > 0, t.delvis > 0, t.inte > 0]).toEqual([h > 0, d > 0, i > 0]);
    }
  });
});

describe('layout of output columns and pages', () => {
  it('gives status columns the longest status word, figures a right-aligned header, Underlag a wrapping width', () => {
    expect(outputColumnLayout('status', 'Status', 'sv')).toEqual({ width: 'Uppfylls delvis'.length + 2, wrap: false, headerAlign: null });
    expect(outputColumnLayout('proposal', 'Förslag', 'sv').width).toBe('Uppfylls delvis'.length + 2);
    expect(outputColumnLayout('forecastComputed', 'Beräknad prognos', 'sv')).toEqual({ width: 'Beräknad prognos'.length + 2, wrap: false, headerAlign: 'right' });
    expect(outputColumnLayout('achievement', 'Måluppfyllnad', 'sv').headerAlign).toBe('right');
    expect(outputColumnLayout('basis', 'Underlag', 'sv').wrap).toBe(true);
  });

  it('sets A4 landscape, one page wide, the header rows repeated', () => {
    expect(printSetup(3)).toEqual({ paper: 'A4', orientation: 'landscape', fitToPagesWide: 1, repeatRows: { first: 3, last: 3 } });
  });
});

describe('wrappedLines', () => {
  it('counts the lines of text wrapped at word boundaries, long words broken, paragraphs kept', () => {
    expect(wrappedLines('Indikatorn bedöms uppfyllas helt.', 60)).toBe(1);
    // 45 characters wide hold 49: "Bedömningen grundar sig på att tre av sex" / "indikatorer bedöms uppfyllas helt och två delvis."
    expect(wrappedLines('Bedömningen grundar sig på att tre av sex indikatorer bedöms uppfyllas helt och två delvis.', 45)).toBe(2);
    expect(wrappedLines('Bedömningen grundar sig på att tre av sex indikatorer bedöms uppfyllas helt och två delvis.', 30)).toBe(3);
    expect(wrappedLines('aaaa bbbb cccc', 9)).toBe(2); // "aaaa bbbb" fills a line of nine
    expect(wrappedLines('a'.repeat(25), 10)).toBe(3);
    expect(wrappedLines('en\ntvå\ntre', 60)).toBe(3);
    expect(wrappedLines('', 10)).toBe(1);
  });

  it('counts a paragraph a line at a time as it would word by word, whatever its spacing', () => {
    // The plain word-by-word wrap: a word that does not fit starts a line, a word longer than a line is broken.
    const wordByWord = (text: string, width: number): number => {
      const capacity = Math.max(1, Math.floor(width * 1.1));
      let total = 0;
      for (const paragraph of text.split('\n')) {
        let lines = 1;
        let line = 0;
        for (const word of paragraph.split(' ').filter((w) => w !== '')) {
          if ((line === 0 ? word.length : line + 1 + word.length) <= capacity) line = line === 0 ? word.length : line + 1 + word.length;
          else {
            if (line > 0) lines++;
            lines += Math.ceil(word.length / capacity) - 1;
            line = word.length % capacity || capacity;
          }
        }
        total += lines;
      }
      return total;
    };
    const word = fc.oneof(fc.constantFrom('', 'på', 'Målkoll', 'indikatorerna'), fc.string({ unit: fc.constantFrom('a', 'ö', '1'), maxLength: 70 }));
    const text = fc.tuple(fc.array(word, { maxLength: 40 }), fc.constantFrom(' ', '  ', ' \n')).map(([words, space]) => words.join(space));
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 90 }), (t, width) => wrappedLines(t, width) === wordByWord(t, width)), { numRuns: 5000 });
  });
});

describe('displayLengthBound', () => {
  it('is never less than the length a number shows with its format', () => {
    const format = fc.constantFrom<string | null>(null, '#,##0.0', '0.0 %', '0 %', '#,##0.0#', '0', '#,##0');
    const value = fc.oneof(fc.double({ noNaN: true, min: -1e16, max: 1e16 }), fc.integer(), fc.constantFrom(9.995, 99.95, 0.9995, 999.5, -0.05));
    fc.assert(fc.property(value, format, (v, f) => displayLengthBound(v, f) >= displayLength(v, f)), { numRuns: 20000 });
  });
});
